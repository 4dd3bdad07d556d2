"""The learned typer (ontology/types.model.json): a class for a sentence's mention that no rule, cue or lexicon typed."""
from __future__ import annotations

from functools import cache, lru_cache

from wikikg.errors import RuleError
from wikikg.extract.classify import is_concept_title, split_title
from wikikg.extract.known import CONTEXT
from wikikg.extract.nonentities import is_work_qualifier, names_no_entity
from wikikg.extract.typefeatures import mention_features
from wikikg.kb.linear import LinearModel, load_model
from wikikg.kb.vocabulary import org_classes
from wikikg.model import Mention, Sentence

__all__ = ["MODEL", "decision", "is_candidate", "learned_types"]

MODEL = "types"
TRIES = 4  # mentions of one entity the model is asked about, at most, for the cast


@cache
def _model() -> LinearModel | None:
    """The shipped model, or None when the package has none (then nothing is typed by it)."""
    try:
        return load_model(MODEL)
    except RuleError:
        return None


def is_candidate(m: Mention, subject_key: str) -> bool:
    """Whether the learned typer may type `m`: nothing typed it, it is not the article's subject, and its own form
    does not say it names no entity (an award, a law, a field, a work's title, a concept's article)."""
    return not m.types and m.key != subject_key and _typable(m.key, m.linked)


@lru_cache(maxsize=16384)
def _typable(key: str, linked: bool) -> bool:
    label, dis = split_title(key) if linked else (key, None)
    return not (names_no_entity(label) or linked and (is_concept_title(key) or is_work_qualifier(dis)))


def decision(probs: dict[str, float], thresholds: dict[str, float], orgs) -> str | None:
    """The class decided from the model's probabilities: the most probable class when it is a finer one and
    reaches its threshold; else "Organization" when the summed probability of every organisation class (`orgs`)
    reaches Organization's (some organisation, which is true of each finer one); else none."""
    best = max(probs, key=lambda c: (probs[c], c))
    if best != "none" and best not in ("Organization",) and probs[best] >= thresholds.get(best, 1.0):
        return best
    if sum(probs[c] for c in orgs) >= thresholds.get("Organization", 1.0):
        return "Organization"
    return None


@cache
def _orgs(classes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(c for c in classes if c in org_classes())


def _decide(features: list[str]) -> str | None:
    model = _model()
    if model is None:
        return None
    return decision(model.probabilities(features), model.thresholds, _orgs(model.classes))


def learned_types(found: list[Mention], sentence: Sentence, subject_key: str, tried: dict | None = None,
                  held: set | frozenset = frozenset()) -> list[Mention]:
    """`found` with each candidate mention (is_candidate) typed as the model decides, with the weakest strength of
    evidence (context words'), so that any other evidence of the same entity outweighs it; the others unchanged.
    `tried` (key -> how many of its mentions the model saw) and `held` ((key, linked) already recorded) let a caller
    that needs one typed mention per entity ask at most TRIES times per entity (the cost stays small on long articles)."""
    out = found
    for i, m in enumerate(found):
        if not is_candidate(m, subject_key) or (m.key, m.linked) in held:
            continue
        if tried is not None:
            if tried.get(m.key, 0) >= TRIES:
                continue
            tried[m.key] = tried.get(m.key, 0) + 1
        if (cls := _decide(mention_features(found, i, sentence))) is not None:
            if out is found:
                out = list(found)
            out[i] = Mention(m.text, m.key, m.linked, frozenset({cls}), m.aliases, m.start, m.end, m.authority,
                             CONTEXT)
    return out
