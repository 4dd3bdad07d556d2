"""Blind evaluation: every tests/blind/{dev,test} article built and scored against its blind gold.

Per article, per kind and per split: core precision / recall / F1 (micro over the eight core
predicates), types (gold entities found whose gold classes the graph gives), entity coverage (gold
entities present in the graph), dates (matched relations with a gold date that carry it) and
provenance (direct core edges with a statement whose evidence text occurs verbatim in the input at
its offsets).

Run: python benchmarks/blind.py [--split dev|test|all] [--kinds K1,K2] [--batch N] [--markdown] [--article TITLE]
                                [--sources] [--write]   (the per-split figures to benchmarks/results/blind.json)
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from rdflib import RDF, Namespace

from wikikg.formats.writers import union
from wikikg.kb.vocabulary import is_symmetric
from wikikg.pipeline.stages import build
from wikikg.quality.evaluate import CORE_PREDICATES, Gold, GoldRelation, format_report, load_gold, score

ROOT = Path(__file__).resolve().parents[1]
BLIND = ROOT / "tests" / "blind"
WKG = Namespace("https://w3id.org/wikikg/ontology#")
PROV = Namespace("http://www.w3.org/ns/prov#")


@dataclass
class Tally:
    """Sums of the counts behind each figure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    found: int = 0
    total: int = 0
    typed: int = 0
    dated: int = 0
    dates_ok: int = 0
    edges: int = 0
    sourced: int = 0
    articles: list = field(default_factory=list)

    def add(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        for k in ("tp", "fp", "fn", "found", "total", "typed", "dated", "dates_ok", "edges", "sourced"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def figures(self) -> dict[str, float | None]:
        """P, R, F1, types, coverage, dates, provenance (None when undefined)."""
        def ratio(a, b):
            return a / b if b else None
        p, r = ratio(self.tp, self.tp + self.fp), ratio(self.tp, self.tp + self.fn)
        f1 = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
        return {"P": p, "R": r, "F1": f1, "types": ratio(self.typed, self.found),
                "coverage": ratio(self.found, self.total), "dates": ratio(self.dates_ok, self.dated),
                "provenance": ratio(self.sourced, self.edges)}


def manifest() -> list[dict]:
    """The rows of tests/blind/manifest.tsv (split, kind, title, file, source...)."""
    with open(BLIND / "manifest.tsv", encoding="utf-8", newline="") as f:
        return [row for row in csv.DictReader(f, delimiter="\t")]


def sources() -> str:
    """tests/blind/SOURCES.md: where each article was copied from, and its licence."""
    out = ["# Sources of the blind evaluation articles", "",
           "Each `.wikitext` file here is a real English Wikipedia article, copied byte for byte from the public",
           "repository file named below (repository @ commit : path), except where the note says what was",
           "removed (a fixture's own label lines). Wikipedia text is licensed CC BY-SA (3.0 or 4.0, by revision);",
           "its authors are the contributors listed in each article's history on en.wikipedia.org.",
           "Generated from manifest.tsv by `python benchmarks/blind.py --sources`.", "",
           "| split | kind | article | source | note |", "|---|---|---|---|---|"]
    for r in manifest():
        out.append(f"| {r['split']} | {r['kind']} | {r['title']} | {r['repo']} @ {r['commit'][:12]} : "
                   f"{r['path']} | {r['note']} |")
    return "\n".join(out)


def provenance(ds, text: str) -> tuple[int, int]:
    """(direct core edges, of them those with a statement whose evidence is verbatim at its offsets; a
    symmetric edge's statement may state it in the other direction)."""
    g = union(ds)
    edges = sourced = 0
    for p in CORE_PREDICATES:
        for s, o in g.subject_objects(WKG[p]):
            edges += 1
            ends = ((s, o), (o, s)) if is_symmetric(p) else ((s, o),)  # one statement states both directions
            for st in (st for a, b in ends for st in g.subjects(RDF.subject, a) if (st, RDF.object, b) in g):
                if (st, RDF.predicate, WKG[p]) not in g:
                    continue
                ok = False
                for ev in g.objects(st, PROV.wasDerivedFrom):
                    ev_text = str(g.value(ev, WKG.text) or "")
                    start, end = g.value(ev, WKG.charStart), g.value(ev, WKG.charEnd)
                    if ev_text and start is not None and text[int(start):int(end)] == ev_text:
                        ok = True
                if ok:
                    sourced += 1
                    break
    return edges, sourced


def closed(gold: Gold) -> Gold:
    """The gold with what the guidelines' own definitions entail: a key person of an organisation is
    "X of the Y", an affiliatedWith of it (tests/gold/README.md), whether or not the annotator wrote both."""
    extra = {GoldRelation(r.object, "affiliatedWith", r.subject, r.date) for r in gold.relations
             if r.predicate == "keyPerson" and "Person" in gold.entities.get(r.object, frozenset({"Person"}))}
    have = {(r.subject, r.predicate, r.object) for r in gold.relations}
    extra = {r for r in extra if (r.subject, r.predicate, r.object) not in have}
    return replace(gold, relations=gold.relations | extra)


def evaluate(row: dict, verbose: bool = False) -> Tally:
    """Build one article and score it against its gold (closed under the guidelines' entailments)."""
    path = BLIND / row["file"]
    result = build([str(path)])
    graph = union(result.dataset)
    report = score(graph, closed(load_gold(path.with_suffix(".tsv"))))
    if verbose:
        print(format_report(report))
    c = report.core
    t = Tally(tp=c.tp, fp=c.fp, fn=c.fn, found=report.types_found, total=report.types_total,
              typed=report.types_correct, dated=report.dates_checked, dates_ok=report.dates_correct)
    t.edges, t.sourced = provenance(result.dataset, path.read_text("utf-8"))
    return t


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


COLUMNS = ("P", "R", "F1", "types", "coverage", "dates", "provenance")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="all", choices=("dev", "test", "all"))
    ap.add_argument("--markdown", action="store_true", help="a Markdown table (for docs/quality.md)")
    ap.add_argument("--article", help="one article's full report (by title)")
    ap.add_argument("--kinds", help="only these kinds (comma-separated, as in manifest.tsv)")
    ap.add_argument("--batch", type=int, help="only the articles of this batch (the manifest note's last words)")
    ap.add_argument("--sources", action="store_true", help="print tests/blind/SOURCES.md from the manifest")
    ap.add_argument("--write", action="store_true", help="record the per-split figures in benchmarks/results/blind.json")
    args = ap.parse_args()
    if args.sources:
        print(sources())
        return
    rows = [r for r in manifest() if args.split in ("all", r["split"])
            and (BLIND / r["file"]).with_suffix(".tsv").exists()
            and (args.article is None or r["title"] == args.article)
            and (args.kinds is None or r["kind"] in args.kinds.split(","))
            and (args.batch is None or re.search(rf"\bbatch {args.batch}$", r["note"]))]
    by_split: dict[str, Tally] = defaultdict(Tally)
    by_kind: dict[tuple[str, str], Tally] = defaultdict(Tally)
    lines = []
    for row in rows:
        t = evaluate(row, verbose=bool(args.article))
        by_split[row["split"]].add(t)
        by_kind[(row["split"], row["kind"])].add(t)
        lines.append((row["split"], row["kind"], row["title"], t))
    sep = " | " if args.markdown else "  "
    head = sep.join(["split", "kind", "article", "tp", "fp", "fn", *COLUMNS])
    print(f"| {head} |" if args.markdown else head)
    if args.markdown:
        print("|" + "---|" * (6 + len(COLUMNS)))

    def emit(split, kind, title, t):
        f = t.figures()
        cells = [split, kind, title, str(t.tp), str(t.fp), str(t.fn), *(_fmt(f[c]) for c in COLUMNS)]
        print(f"| {sep.join(cells)} |" if args.markdown else sep.join(cells))

    for line in lines:
        emit(*line)
    for (split, kind), t in sorted(by_kind.items()):
        emit(split, kind, "(kind, micro)", t)
    for split, t in sorted(by_split.items()):
        emit(split, "all", "(split, micro)", t)
    if args.write:
        splits = {split: {"articles": sum(1 for r in rows if r["split"] == split), **t.figures()}
                  for split, t in sorted(by_split.items())}
        out = ROOT / "benchmarks" / "results" / "blind.json"
        out.write_text(json.dumps({"measured": date.today().isoformat(), "splits": splits}, indent=1) + "\n", "utf-8")
    if not rows:
        print("no annotated articles", file=sys.stderr)


if __name__ == "__main__":
    main()
