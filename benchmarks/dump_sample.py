"""A fixed random sample of the facts a build of the sample dump asserts, for a judge to mark against
their evidence sentence; and the precision of a judged sample.

    python benchmarks/dump_sample.py sample GRAPH.nq [--n 150] [--seed 2026] [--predicates P1,P2] > tests/blind/dump-sample.tsv
    python benchmarks/dump_sample.py changed START.nq END.nq [--seed 1] [--predicates P1,P2] > changed.tsv
    python benchmarks/dump_sample.py score tests/blind/dump-sample.tsv

`changed` lists what a change of the code did to one input's facts, for a judge (the paired measure: two
independent samples of the start and end builds cannot see a change that touches 1% of the facts): every fact
(article, subject, predicate, object) that only one build asserts, and every fact both assert with other dates,
in seeded random order, with a `change` column (added, removed, or "redated from D").

The sample file is TAB-separated: id, article (the article the evidence is from), subject,
predicate, object, rule, date, evidence (plain text of the sentence, one line), verdict (empty until
judged: `yes` when the sentence states the fact, `no` when it does not), note. Every asserted
statement node (wkg:modality "asserted") with an entity object counts.
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter

from rdflib import RDF, RDFS, Dataset, Literal, Namespace

WKG = Namespace("https://w3id.org/wikikg/ontology#")
PROV = Namespace("http://www.w3.org/ns/prov#")
COLUMNS = ["id", "article", "subject", "predicate", "object", "rule", "date", "evidence", "verdict", "note"]


def _label(g, node) -> str:
    return str(g.value(node, RDFS.label) or node)


def facts(path: str) -> list[list[str]]:
    """Every asserted fact between two entities, as sample rows, sorted by statement IRI."""
    ds = Dataset(default_union=True)
    ds.parse(path, format="nquads")
    g = ds
    rows = []
    for st in sorted(set(g.subjects(RDF.type, RDF.Statement)), key=str):
        if str(g.value(st, WKG.modality)) != "asserted":
            continue
        o = g.value(st, RDF.object)
        if isinstance(o, Literal):
            continue
        ev = g.value(st, PROV.wasDerivedFrom)
        text = str(g.value(ev, WKG.plainText) or g.value(ev, WKG.text) or "")
        rows.append([str(st).rsplit("/", 1)[-1], _label(g, g.value(ev, WKG.article)), _label(g, g.value(st, RDF.subject)),
                     str(g.value(st, RDF.predicate)).rsplit("#", 1)[-1], _label(g, o),
                     str(g.value(st, WKG.rule)), str(g.value(st, WKG.date) or ""),
                     " ".join(text.split()), "", ""])
    return rows


def changed(start: list[list[str]], end: list[list[str]], seed: int = 1) -> list[list[str]]:
    """The facts only one build asserts and those whose dates differ, shuffled, each with its change."""
    def by_fact(rows):
        grouped: dict[tuple, list[list[str]]] = {}
        for r in sorted(rows):
            grouped.setdefault((r[1], r[2], r[3], r[4]), []).append(r)
        return grouped
    old, new = by_fact(start), by_fact(end)
    out = [old[k][0] + ["removed"] for k in old.keys() - new.keys()]
    out += [new[k][0] + ["added"] for k in new.keys() - old.keys()]
    for k in old.keys() & new.keys():
        was = sorted({r[6] for r in old[k]})
        moved = [r for r in new[k] if r[6] not in was]
        if moved or {r[6] for r in new[k]} != set(was):
            row = moved[0] if moved else new[k][0]
            out.append(row + ["redated from " + (", ".join(d or "no date" for d in was))])
    out.sort()
    random.Random(seed).shuffle(out)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("graph")
    s.add_argument("--n", type=int, default=150)
    s.add_argument("--seed", type=int, default=2026)
    s.add_argument("--predicates", help="only facts of these predicates (comma-separated); default all")
    d = sub.add_parser("changed")
    d.add_argument("start")
    d.add_argument("end")
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--predicates", help="only facts of these predicates (comma-separated); default all")
    c = sub.add_parser("score")
    c.add_argument("sample")
    args = ap.parse_args()
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    if args.cmd == "sample":
        rows = facts(args.graph)
        if args.predicates:
            rows = [r for r in rows if r[3] in args.predicates.split(",")]
        picked = random.Random(args.seed).sample(rows, min(args.n, len(rows)))
        w.writerow(COLUMNS)
        w.writerows(sorted(picked, key=lambda r: (r[3], r[0])))
        print(f"{len(picked)} of {len(rows)} asserted facts", file=sys.stderr)
        return
    if args.cmd == "changed":
        keep = set(args.predicates.split(",")) if args.predicates else None
        rows = changed(*([r for r in facts(g) if keep is None or r[3] in keep] for g in (args.start, args.end)),
                       seed=args.seed)
        w.writerow(COLUMNS + ["change"])
        w.writerows(rows)
        print(f"{len(rows)} changed facts: " + ", ".join(f"{k} {n}" for k, n in Counter(
            r[-1].split(" from ")[0] for r in rows).most_common()), file=sys.stderr)
        return
    with open(args.sample, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    verdicts = Counter(r["verdict"].strip().lower() for r in rows)
    by_pred: dict[str, Counter] = {}
    for r in rows:
        by_pred.setdefault(r["predicate"], Counter())[r["verdict"].strip().lower()] += 1
        if r.get("change"):
            by_pred.setdefault("change: " + r["change"].split(" from ")[0], Counter())[r["verdict"].strip().lower()] += 1
    judged = verdicts["yes"] + verdicts["no"]
    print(f"judged {judged} of {len(rows)}; precision {verdicts['yes'] / judged:.3f}" if judged else "none judged")
    for p, cnt in sorted(by_pred.items()):
        n = cnt["yes"] + cnt["no"]
        print(f"  {p:18} {cnt['yes']:>3}/{n:<3}" + (f" {cnt['yes'] / n:.2f}" if n else ""))


if __name__ == "__main__":
    main()
