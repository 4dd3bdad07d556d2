"""Relations a learned model reads between two mentions of one sentence that no rule related (relations.model.json)."""
from __future__ import annotations

import math
from collections.abc import Iterator
from functools import cache

from wikikg.extract.mentions import Context, find_mentions
from wikikg.extract.pairfeatures import Candidate, pair_candidates
from wikikg.kb.linear import LinearModel, load_model
from wikikg.kb.vocabulary import admitted_objects, admitted_subjects
from wikikg.model import Citation, Evidence, Mention, ParsedArticle, Sentence, Statement

__all__ = ["MODEL", "RULE", "article_candidates", "extract_learned", "read_class", "relation_model"]

MODEL = "relations"  # ontology/relations.model.json
RULE = "learned.relations"


@cache
def relation_model() -> LinearModel:
    """The shipped model (loaded once per process; extract/preload.py loads it before the forks)."""
    return load_model(MODEL)


def read_class(cls: str) -> tuple[str, bool]:
    """A model class as (predicate, reversed): "memberOf>" is first memberOf second, "memberOf<" second memberOf
    first; a symmetric predicate's class has no arrow."""
    if cls.endswith("<"):
        return cls[:-1], True
    return cls.rstrip(">"), False


def _is_item(article: ParsedArticle, sentence: Sentence) -> bool:
    line = article.text.rfind("\n", 0, sentence.start) + 1
    return sentence.item or article.text[line:line + 1] in ("*", "#")


def article_candidates(article: ParsedArticle, ctx: Context, related: set[frozenset[str]],
                       model: LinearModel | None = None) -> Iterator[tuple[Sentence, Candidate]]:
    """Every sentence's candidate pairs (pairfeatures.pair_candidates), less pairs of entities whose keys
    `related` holds (an earlier extractor relates them already, by any predicate in either direction) and, given a
    model, pairs whose classes fit no class it may decide (one with a threshold)."""
    decidable = [read_class(c) for c in model.thresholds] if model is not None else None

    def skip(a: Mention, b: Mention) -> bool:
        if decidable is not None and not any(
                _fits(s, admitted_subjects(p)) and _fits(o, admitted_objects(p))
                for p, back in decidable for s, o in ((b, a) if back else (a, b),)):
            return True
        return frozenset((a.key, b.key)) in related

    for sentence in article.sentences:
        mentions = find_mentions(sentence, ctx)
        if len(mentions) < 2:
            continue
        for cand in pair_candidates(sentence.text, mentions, ctx.subject.key, sentence.section,
                                    _is_item(article, sentence), skip):
            yield sentence, cand


def _fits(m: Mention, allowed: frozenset[str]) -> bool:
    return not allowed or bool(m.types & allowed)


def _may_reach(model: LinearModel, features) -> bool:
    """Whether some class with a threshold may reach it: a class's probability is at most its share against "none"
    alone (exp(c) / (exp(c) + exp(none))), which two sums give; most pairs stop here, before the full softmax."""
    index = [(model.classes.index(c), t) for c, t in model.thresholds.items()]
    none = model.bias[0]
    sums = [model.bias[i] for i, _ in index]
    for f in features:
        w = model.weights.get(f)
        if w is not None:
            none += w[0]
            for k, (i, _) in enumerate(index):
                sums[k] += w[i]
    return any(s - none > -50 and 1 / (1 + math.exp(none - s)) >= t - 1e-9 for s, (_, t) in zip(sums, index, strict=True))


def decide(model: LinearModel, cand: Candidate) -> tuple[str, float, str, Mention, Mention] | None:
    """The class the model decides for a candidate and its probability, with the statement's (predicate, subject,
    object), if any, whose ends' classes fit the predicate's domain and range."""
    got = model.decide(cand.features) if _may_reach(model, cand.features) else None
    if got is None:
        return None
    predicate, backwards = read_class(got[0])
    s, o = (cand.second, cand.first) if backwards else (cand.first, cand.second)
    if not _fits(s, admitted_subjects(predicate)) or not _fits(o, admitted_objects(predicate)):
        return None
    return got[0], got[1], predicate, s, o


def extract_learned(article: ParsedArticle, ctx: Context, stated: list[Statement],
                    model: LinearModel | None = None) -> list[Statement]:
    """The model's statements: one per pair of mentions of a sentence that it decides a class for (at its
    threshold), where no statement in `stated` relates the two; evidence the sentence, rule "learned.relations",
    undated."""
    model = model or relation_model()
    if not model.thresholds:
        return []
    related = {frozenset((st.subject.key, st.obj.key)) for st in stated if isinstance(st.obj, Mention)}
    citations = {c.key: c for c in article.citations}
    out: list[Statement] = []
    seen: set[tuple[str, str, str]] = set()
    for sentence, cand in article_candidates(article, ctx, related, model):
        got = decide(model, cand)
        if got is None:
            continue
        _cls, _prob, predicate, s, o = got
        if (s.key, predicate, o.key) in seen:
            continue
        seen.add((s.key, predicate, o.key))
        cites: tuple[Citation, ...] = tuple(citations[k] for k in sentence.citations if k in citations)
        out.append(Statement(s, predicate, o, RULE, Evidence.of_sentence(sentence), None, None, None, cites))
    return out
