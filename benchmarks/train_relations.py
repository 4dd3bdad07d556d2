"""Trains ontology/relations.model.json (extract/learned.py) on the blind dev split, thresholds from 5-fold CV by article.

Every dev article is extracted up to the "learned" step; each pair of typed mentions of a sentence that no earlier
extractor relates is an example, labelled with the (predicate, direction) the article's blind gold gives its two
ends (by name or alias, as `wikikg eval` matches them), else "none". Features are general (extract/pairfeatures.py):
the masked words between and around the pair, their classes, layout, the section heading's words; a feature is kept
when at least MIN_ARTICLES articles of the training part have it. Five folds by article give out-of-fold decisions:
per class, the lowest probability at which the facts the model adds are right >= TARGET of the time (by the dev
golds) is its threshold; a class that cannot reach it is left out. The honest dev figure: each fold's articles
scored by benchmarks/blind.py with the rules plus the model trained on the other four folds, at thresholds chosen
on the other folds' out-of-fold decisions. Deterministic: the same bytes twice.

Run: python benchmarks/train_relations.py [--no-write] [--no-score]
"""
from __future__ import annotations

import argparse
import hashlib
import math
import sys
import time
from collections import Counter, defaultdict
from itertools import takewhile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from linear_train import fit, write_model  # noqa: E402

from blind import BLIND, Tally, closed, evaluate, manifest  # noqa: E402
from wikikg.extract import learned  # noqa: E402
from wikikg.extract.classify import split_title  # noqa: E402
from wikikg.extract.registry import EXTRACTORS, Extraction  # noqa: E402
from wikikg.kb.linear import LinearModel  # noqa: E402
from wikikg.kb.vocabulary import is_symmetric  # noqa: E402
from wikikg.model import Mention  # noqa: E402
from wikikg.parse import parse_article  # noqa: E402
from wikikg.pipeline.stages import subject_of  # noqa: E402
from wikikg.quality.evaluate import load_gold, normalise  # noqa: E402
from wikikg.read.files import read_file  # noqa: E402

# The core predicates the dev golds state between two entities of one sentence (sanctionedBy: one dev fact; none)
PREDICATES = ("subsidiaryOf", "foundedBy", "headquarteredIn", "listedOn", "partneredWith", "memberOf", "affiliatedWith")
# Other relations the golds state between two entities: learned as classes of their own (so that "graduates of" or
# "acquired" is not taken for a core relation) and never decided (no threshold). keyPerson is not one: the gold
# closed under it gives the person's affiliatedWith, the class a pair takes first.
AUXILIARY = ("educatedAt", "acquired", "investedIn", "locatedIn", "hasOfficeIn", "birthPlace",
             "jurisdiction")
CLASSES = ["none"] + [c for p in PREDICATES + AUXILIARY for c in ((p,) if is_symmetric(p) else (f"{p}>", f"{p}<"))]
FOLDS = 5
MIN_ARTICLES = 3  # a feature seen in fewer training articles is dropped
C = 1.0  # inverse L2 strength
PRUNE = 0.01  # weights smaller than this in every class are left out of the model file
TARGET = 0.9  # the least share of added facts that are right, per class
MIN_RIGHT = 5  # a class whose threshold would add fewer right facts out of fold is left out
ABOUT = ("The relation, if any, that a sentence states between two of its typed mentions that no rule relates: "
         "'P>' first P second, 'P<' second P first, a symmetric P either way.")


def _fold(title: str) -> int:
    return int(hashlib.sha1(title.encode("utf-8")).hexdigest(), 16) % FOLDS


class Example:
    """One candidate pair: its features, its label, the classes the gold admits, and its fact keys."""

    __slots__ = ("article", "cand", "features", "label", "right", "text", "related", "train")

    def __init__(self, article: int, cand, label: str, right: frozenset[str], text: str = "", related: bool = False):
        self.article, self.cand, self.features, self.label, self.right = article, cand, cand.features, label, right
        self.text, self.related, self.train = text, related, True


def _names(m: Mention, subject: Mention, subject_names, by_key) -> set[str]:
    keys = {m.key, split_title(m.key)[0], m.text, *m.aliases}
    if m.key == subject.key:
        keys |= set(subject_names) | {split_title(subject.key)[0]}
    return set().union(*(by_key.get(normalise(k), ()) for k in keys))


def collect(rows: list[dict]) -> tuple[list[Example], Counter]:
    """The examples of every article, and counts of the gold facts: all, stated by rules, with a candidate."""
    examples: list[Example] = []
    ceiling: Counter = Counter()
    for n, row in enumerate(rows):
        path = BLIND / row["file"]
        parsed = parse_article(read_file(path))
        if parsed.disambiguation:
            continue
        work = Extraction(parsed, subject_of(parsed))
        for step in takewhile(lambda s: s.name != "learned", EXTRACTORS):
            work.found[step.name] = step(work)
        stated = work.statements()
        gold = closed(load_gold(path.with_suffix(".tsv")))
        by_key: dict[str, set[str]] = defaultdict(set)
        for name in gold.entities:
            for k in {name, *gold.aliases.get(name, ())}:
                by_key[normalise(k)].add(name)
        facts = {(r.subject, r.predicate, r.object) for r in gold.relations if r.predicate in PREDICATES + AUXILIARY}
        ctx = work.context

        def names(m, ctx=ctx, work=work, by_key=by_key):
            return _names(m, work.subject, ctx.subject_names, by_key)

        ruled = set()
        for st in stated:
            if isinstance(st.obj, Mention) and st.predicate in PREDICATES:
                for s in names(st.subject):
                    for o in names(st.obj):
                        ruled |= {(s, st.predicate, o), (o, st.predicate, s)} if is_symmetric(st.predicate) \
                            else {(s, st.predicate, o)}
        related = {frozenset((st.subject.key, st.obj.key)) for st in stated if isinstance(st.obj, Mention)}
        reached, first = set(), len(examples)
        for sentence, cand in learned.article_candidates(parsed, ctx, set()):
            na, nb = names(cand.first), names(cand.second)
            right = set()
            for p in PREDICATES + AUXILIARY:
                fwd = any((a, p, b) in facts for a in na for b in nb)
                back = any((b, p, a) in facts for a in na for b in nb)
                reached |= {(a, p, b) for a in na for b in nb if (a, p, b) in facts}
                reached |= {(b, p, a) for a in na for b in nb if (b, p, a) in facts}
                if is_symmetric(p) and (fwd or back):
                    right.add(p)
                elif not is_symmetric(p):
                    right |= {f"{p}>"} if fwd else set()
                    right |= {f"{p}<"} if back else set()
            label = next((c for c in CLASSES[1:] if c in right), "none")
            examples.append(Example(n, cand, label, frozenset(right), sentence.text,
                                    frozenset((cand.first.key, cand.second.key)) in related))
        _closest(examples[first:])
        for f in facts:
            if f[1] not in PREDICATES:
                continue
            ceiling["gold"] += 1
            ceiling["ruled"] += f in ruled
            ceiling["candidate"] += f in reached
            ceiling["missed, candidate"] += f in reached and f not in ruled
    return examples, ceiling


def _closest(examples: list[Example]) -> None:
    """A gold fact is stated in one sentence, not in every sentence that names its two ends: of an article's
    examples of one fact, the one whose mentions stand closest is its positive; the others are not trained on."""
    groups: dict[tuple, list[Example]] = defaultdict(list)
    for e in examples:
        if e.label != "none":
            groups[(e.label, e.cand.first.key, e.cand.second.key)].append(e)
    for group in groups.values():
        best = min(group, key=lambda e: (e.cand.second.start - e.cand.first.end, e.text))
        for e in group:
            e.train = e is best


def train(examples: list[Example]) -> LinearModel:
    """A model fitted on the examples (features kept when MIN_ARTICLES articles have them); thresholds all 0."""
    seen: dict[str, set[int]] = defaultdict(set)
    examples = [e for e in examples if e.train]
    for e in examples:
        for f in e.features:
            seen[f].add(e.article)
    keep = {f for f, arts in seen.items() if len(arts) >= MIN_ARTICLES}
    bias, weights = fit([(sorted(f for f in e.features if f in keep), e.label) for e in examples], CLASSES,
                        c=C, min_count=1, prune=PRUNE)
    return LinearModel(learned.MODEL, tuple(CLASSES), {}, tuple(bias), {f: tuple(w) for f, w in weights.items()})


def decisions(model: LinearModel, examples: list[Example]) -> list[tuple[str, float, bool, int, tuple]]:
    """(class, probability, right, article, fact) of each example the model gives a class to (at threshold 0)."""
    open_model = LinearModel(model.name, model.classes, {c: 0.0 for c in model.classes[1:]}, model.bias, model.weights)
    out = []
    for e in examples:
        if e.related:
            continue  # as extract_learned: a pair an earlier extractor relates is no candidate
        got = learned.decide(open_model, e.cand)
        if got is None:
            continue
        cls, prob, p, s, o = got
        fact = (p, *sorted((s.key, o.key))) if is_symmetric(p) else (p, s.key, o.key)
        out.append((cls, prob, cls in e.right, e.article, fact, e))
    return out


def facts_of(decided) -> dict[tuple, tuple[str, float, bool]]:
    """One item per (article, fact): its class, its highest probability, whether it is right."""
    out: dict[tuple, tuple[str, float, bool]] = {}
    for cls, prob, right, art, fact, _e in decided:
        key = (art, fact)
        if key not in out or prob > out[key][1]:
            out[key] = (cls, prob, right or out.get(key, ("", 0, False))[2])
    return out


def thresholds(items) -> dict[str, float]:
    """Per class, the lowest probability at which the facts at or above it are right >= TARGET of the time, with
    at least MIN_RIGHT right ones; classes that cannot are absent."""
    out = {}
    for cls in CLASSES[1:]:
        if learned.read_class(cls)[0] not in PREDICATES:
            continue
        ranked = sorted(((p, r) for c, p, r in items if c == cls), key=lambda x: -x[0])
        best, tp = None, 0
        for k, (p, r) in enumerate(ranked):
            tp += r
            if tp / (k + 1) >= TARGET and tp >= MIN_RIGHT and (k + 1 == len(ranked) or ranked[k + 1][0] < p):
                best = p
        if best is not None:
            out[cls] = math.floor(best * 10000) / 10000
    return out


def added(items, ths) -> dict[str, list[int]]:
    """Per predicate, [right, wrong] of the facts at or above their class's threshold."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for cls, p, r in items:
        if cls in ths and p >= ths[cls]:
            out[learned.read_class(cls)[0]][0 if r else 1] += 1
    return dict(sorted(out.items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-write", action="store_true", help="do not write ontology/relations.model.json")
    ap.add_argument("--no-score", action="store_true", help="skip the blind scoring of the folds (slow part)")
    args = ap.parse_args()
    t0 = time.time()
    rows = [r for r in manifest() if r["split"] == "dev"]
    examples, ceiling = collect(rows)
    print(f"{len(rows)} dev articles, {len(examples)} examples ({sum(e.label != 'none' for e in examples)} positive), "
          f"{time.time() - t0:.0f} s", file=sys.stderr)
    print(f"gold facts {ceiling['gold']}: stated by rules {ceiling['ruled']}, with a candidate pair "
          f"{ceiling['candidate']}, missed by rules with a candidate {ceiling['missed, candidate']}", file=sys.stderr)
    fold_of = [_fold(r["title"]) for r in rows]
    oof, models = [], []
    for k in range(FOLDS):
        model = train([e for e in examples if fold_of[e.article] != k])
        models.append(model)
        oof += decisions(model, [e for e in examples if fold_of[e.article] == k])
    per_fact = facts_of(oof)
    items = [v for _, v in sorted(per_fact.items())]
    ths = thresholds(items)
    # honest: each fold at thresholds chosen on the other folds' out-of-fold facts
    nested: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    fold_ths = []
    for k in range(FOLDS):
        other = [v for (art, _), v in sorted(per_fact.items()) if fold_of[art] != k]
        fold_ths.append(thresholds(other))
        for p, (r, w) in added([v for (art, _), v in sorted(per_fact.items()) if fold_of[art] == k], fold_ths[k]).items():
            nested[p][0] += r
            nested[p][1] += w
    cv = {"added_right_wrong_per_predicate": {p: v for p, v in sorted(nested.items())},
          "added_right": sum(v[0] for v in nested.values()), "added_wrong": sum(v[1] for v in nested.values())}
    print(f"CV added (nested thresholds): {cv}", file=sys.stderr)
    print(f"thresholds (all out-of-fold): {ths}; at them {added(items, ths)}", file=sys.stderr)
    if not args.no_score:
        total = Tally()
        for k in range(FOLDS):
            m = models[k]
            learned.relation_model = lambda m=m, k=k: LinearModel(m.name, m.classes, fold_ths[k], m.bias, m.weights)
            for i, row in enumerate(rows):
                if fold_of[i] == k:
                    total.add(evaluate(row))
        f = total.figures()
        cv["dev_line_5fold"] = {"tp": total.tp, "fp": total.fp, "fn": total.fn,
                                **{k: round(v, 4) for k, v in f.items() if v is not None}}
        print(f"CV dev line: {cv['dev_line_5fold']}", file=sys.stderr)
    final = train(examples)
    trained = {"script": "benchmarks/train_relations.py", "command": "python benchmarks/train_relations.py",
               "data": {"split": "dev", "articles": len(rows), "examples": len(examples),
                        "positive": sum(e.label != "none" for e in examples)},
               "settings": {"folds": FOLDS, "min_articles": MIN_ARTICLES, "c": C, "prune": PRUNE, "target": TARGET,
                            "min_right": MIN_RIGHT},
               "recall_ceiling": dict(sorted(ceiling.items())), "cv": cv}
    if not args.no_write:
        path = write_model(learned.MODEL, ABOUT, trained, CLASSES, ths, list(final.bias),
                           {f: list(w) for f, w in final.weights.items()})
        print(f"wrote {path} ({len(final.weights)} features), {time.time() - t0:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
