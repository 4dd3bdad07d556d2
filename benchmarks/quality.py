"""Extraction quality: core-relation precision / recall / F1 per annotated article, and micro totals.

Run: python benchmarks/quality.py [--write]   (from the repository root; ../shared/corpus beside it)

--write also records the micro totals in benchmarks/results/quality.json, which
benchmarks/make_docs.py turns into the README's figures.
"""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from wikikg.formats.writers import union
from wikikg.pipeline.stages import build
from wikikg.quality.evaluate import load_gold, score

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SETS = {
    "seed (wikitext)": [(ROOT / "seeds/sensetime.wikitext", ROOT / "tests/gold/sensetime.tsv", None)],
    "seed (plain text)": [(ROOT / "seeds/sensetime.txt", ROOT / "tests/gold/sensetime.tsv", "SenseTime")],
    "held-out companies": [(p, p.with_suffix(".tsv"), None) for p in sorted((ROOT / "tests/heldout").glob("*.wikitext"))],
    "corpus articles": [(CORPUS / f"{a}.wikitext", ROOT / "tests/gold" / g, None) for a, g in [
        ("Toronto_Star", "toronto_star.tsv"), ("American_National_Standards_Institute",
                                                "american_national_standards_institute.tsv"),
        ("Arts_Club_of_Chicago", "arts_club_of_chicago.tsv"), ("Angolan_Armed_Forces", "angolan_armed_forces.tsv"),
        ("Raith_Rovers_F.C.", "raith_rovers_fc.tsv"), ("American_Football_Conference",
                                                     "american_football_conference.tsv"),
        ("The_Atlas_newspaper", "the_atlas_newspaper.tsv")]],
}


def _fmt(x):
    return "  -  " if x is None else f"{x:.3f}"


def main() -> None:
    totals = {}
    print(f"{'article':48} {'tp':>4} {'fp':>4} {'fn':>4}  {'P':>5}  {'R':>5}  {'F1':>5}")
    for name, items in SETS.items():
        tp = fp = fn = 0
        for article, gold, title in items:
            if not article.exists():
                print(f"{article.name:48} (missing)", file=sys.stderr)
                continue
            kind = "text" if article.suffix == ".txt" else None
            report = score(union(build([str(article)], kind, title).dataset), load_gold(gold))
            c = report.core
            tp, fp, fn = tp + c.tp, fp + c.fp, fn + c.fn
            if len(items) > 1:
                print(f"  {article.stem:46} {c.tp:>4} {c.fp:>4} {c.fn:>4}  {_fmt(c.precision)}  {_fmt(c.recall)}  {_fmt(c.f1)}")
        p = tp / (tp + fp) if tp + fp else None
        r = tp / (tp + fn) if tp + fn else None
        f = 2 * p * r / (p + r) if p and r else None
        print(f"{name + ' (micro)':48} {tp:>4} {fp:>4} {fn:>4}  {_fmt(p)}  {_fmt(r)}  {_fmt(f)}")
        totals[name] = {"articles": len(items), "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}
    if "--write" in sys.argv[1:]:
        out = ROOT / "benchmarks" / "results" / "quality.json"
        out.write_text(json.dumps({"measured": date.today().isoformat(), "sets": totals}, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
