"""The dev split's errors, one TAB-separated line each, to read while writing rules (never the test split's).

    python benchmarks/errors.py [--kinds K1,K2] [--article TITLE] > dev-errors.tsv
    python benchmarks/errors.py --rules          # false positives counted by the rule that made them

Lines: kind, article, FN|FP|TYPE|NOTFOUND|DATE, details. FN is every missed gold relation (core or not), FP a core
statement matching no gold relation (with its rules), TYPE a gold entity found with other classes, NOTFOUND a gold
entity absent from the graph, DATE a matched relation whose gold date the graph does not give. The test split is
refused: it is the honest measure, read by no one who writes rules (tests/blind/README.md).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from rdflib import RDF, URIRef

sys.path.insert(0, str(Path(__file__).resolve().parent))
from blind import BLIND, WKG, closed, manifest  # noqa: E402
from wikikg.formats.writers import union  # noqa: E402
from wikikg.pipeline.stages import build  # noqa: E402
from wikikg.quality.evaluate import CORE_PREDICATES, load_gold, score  # noqa: E402


def _rules(graph, fp) -> list[str]:
    """The rule ids of the statements behind one false positive."""
    found = set()
    for st in graph.subjects(RDF.subject, URIRef(fp.subject)):
        if graph.value(st, RDF.predicate) == WKG[fp.predicate] and str(graph.value(st, RDF.object)) == fp.object:
            found |= {str(r) for r in graph.objects(st, WKG.rule)}
    return sorted(found) or ["?"]


def lines(kinds: set[str] | None, title: str | None, by_rule: Counter | None = None):
    """Yield the error lines of the dev articles chosen (and count false positives by rule into `by_rule`)."""
    for row in manifest():
        if row["split"] != "dev" or kinds and row["kind"] not in kinds or title and row["title"] != title:
            continue
        path = BLIND / row["file"]
        if not path.with_suffix(".tsv").exists():
            continue
        graph = union(build([str(path)]).dataset)
        rep = score(graph, closed(load_gold(path.with_suffix(".tsv"))))
        head = f"{row['kind']}\t{row['title']}"
        for m in rep.misses:
            yield f"{head}\tFN\t{m.subject}\t{m.predicate}\t{m.object}\t{m.date or ''}"
        for f in rep.false_positives:
            rules = _rules(graph, f) if f.predicate in CORE_PREDICATES else []
            if by_rule is not None:
                by_rule.update((f.predicate, r) for r in rules)
            yield f"{head}\tFP\t{f.subject_label}\t{f.predicate}\t{f.object_label}\t{','.join(rules)}"
        for e in rep.type_errors:
            yield f"{head}\tTYPE\t{e.name}\tgold={','.join(sorted(e.gold_types))}\tgraph={','.join(sorted(e.graph_types))}"
        for n in rep.types_not_found:
            yield f"{head}\tNOTFOUND\t{n}"
        for d in rep.date_errors:
            r = d.relation
            yield (f"{head}\tDATE\t{r.subject}\t{r.predicate}\t{r.object}\tgold={r.date}"
                   f"\tgraph={','.join(sorted(d.graph_dates))}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kinds", help="only these kinds (comma-separated)")
    ap.add_argument("--article", help="only this article (its manifest title)")
    ap.add_argument("--rules", action="store_true", help="print false positives counted by rule instead")
    ap.add_argument("--split", default="dev", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.split != "dev":
        sys.exit("errors.py reads the dev split only: the test split is the honest measure, scored by blind.py")
    kinds = set(a.kinds.split(",")) if a.kinds else None
    if not a.rules:
        for line in lines(kinds, a.article):
            print(line)
        return
    counts: Counter = Counter()
    for _ in lines(kinds, a.article, counts):
        pass
    for (predicate, rule), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n}\t{predicate}\t{rule}")


if __name__ == "__main__":
    main()
