"""The blind evaluation set (tests/blind): every article has its gold and its source, and the gold loads."""
from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from wikikg.quality.evaluate import load_gold

ROOT = Path(__file__).resolve().parents[1]
BLIND = ROOT / "tests" / "blind"
ROWS = list(csv.DictReader(open(BLIND / "manifest.tsv", encoding="utf-8", newline=""), delimiter="\t"))


# the kinds issue 12 names (and the general articles that fill a dump): each has test articles
KINDS = ("tech_company", "defence_telecom", "conglomerate", "media_games", "joint_venture", "university",
         "research_institute", "government_agency", "regional_government", "military", "ngo_alliance",
         "sports", "person", "general")


def test_the_set_is_split_and_covers_the_kinds():
    tests = [r for r in ROWS if r["split"] == "test"]
    kinds = {r["kind"] for r in ROWS}
    assert len(ROWS) >= 59 and len(tests) >= 24 and set(KINDS) <= kinds
    for kind in KINDS:  # at least two test articles of every kind the issue names
        assert sum(r["kind"] == kind for r in tests) >= 2, kind


def test_every_file_in_the_folders_is_in_the_manifest():
    listed = {r["file"] for r in ROWS}
    for split in ("dev", "test"):
        for p in (BLIND / split).glob("*.wikitext"):
            assert f"{split}/{p.name}" in listed, f"{p} has no manifest row (and no source)"


@pytest.mark.parametrize("row", ROWS, ids=[r["title"] for r in ROWS])
def test_article_has_a_source_and_a_gold_that_loads(row):
    article = BLIND / row["file"]
    assert article.is_file() and row["file"].startswith(row["split"] + "/")
    assert row["repo"] and len(row["commit"]) == 40 and row["path"]
    gold = load_gold(article.with_suffix(".tsv"))
    # a general article may name no organisation, person or place at all (a chemical compound): then
    # anything the graph states there is false
    assert gold.entities or row["kind"] == "general", "a gold file names at least one entity"


def test_sources_md_is_generated_from_the_manifest():
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "blind.py"), "--sources"], check=True,
                         capture_output=True, text=True).stdout
    assert (BLIND / "SOURCES.md").read_text("utf-8") == out, "run: python benchmarks/blind.py --sources > tests/blind/SOURCES.md"


def test_provenance_counts_a_symmetric_edge_by_its_one_statement(tmp_path):
    """A partnership is written in both directions with one statement node: both edges are sourced."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from blind import provenance
    from wikikg.pipeline.stages import build
    text = "'''Foo Labs''' is a company. In 2016 Foo Labs partnered with [[Bar Motors]] on an app.\n"
    path = tmp_path / "Foo_Labs.wikitext"
    path.write_text(text, "utf-8")
    edges, sourced = provenance(build([str(path)]).dataset, text)
    assert edges == 2 and sourced == 2
