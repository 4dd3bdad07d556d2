"""Tests for wikikg.formats.quickstatements: v1 syntax, references on every line, placeholder resolution."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from wikikg.errors import OutputError
from wikikg.formats.propertygraph import Citation, Entity, Fact, PropertyGraph
from wikikg.formats.quickstatements import (
    ITEM_PROPERTIES,
    placeholders,
    resolve,
    time_value,
    to_quickstatements,
    to_statements,
)
from wikikg.formats.writers import FORMATS, property_graph
from wikikg.pipeline.stages import build

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "sensetime.wikitext"
RES = "https://w3id.org/wikikg/resource/"
WIKI = "https://en.wikipedia.org/wiki/"

# QuickStatements v1 values (https://www.wikidata.org/wiki/Help:QuickStatements), as a grammar.
ITEM = r"(?:Q\d+|\{enwiki:[^{}\t]+\})"
STRING = r'"[^"\t]*"'
TIME = r"\+\d{4}-\d{2}-\d{2}T00:00:00Z/(?:9|10|11)"
MONO = r'[a-z]{2,3}:"[^"\t]*"'
VALUE = rf"(?:{ITEM}|{STRING}|{TIME}|{MONO})"
LINE = re.compile(rf"^{ITEM}\tP\d+\t{VALUE}(?:\tP\d+\t{VALUE})*(?:\tS\d+\t{VALUE})+$")


def check(line: str) -> None:
    assert LINE.match(line), line
    fields = line.split("\t")
    refs = dict(zip(fields[3::2], fields[4::2], strict=False))
    assert re.fullmatch(r'"https?://[^"\s]+"', refs["S854"]), line  # reference-backed


@pytest.fixture(scope="module")
def seed_pg():
    return property_graph(build([str(SEED)]).dataset)


@pytest.fixture(scope="module")
def seed_lines(seed_pg):
    return to_statements(seed_pg)


def test_seed_lines_are_valid_and_referenced(seed_lines):
    assert seed_lines and seed_lines == sorted(set(seed_lines))
    for line in seed_lines:
        check(line)
    assert {line.split("\t")[1] for line in seed_lines} <= {"P112", "P414", "P159", "P749", "P355",
                                                           "P463", "P571", "P856"}


def test_founders_and_listing_with_ticker(seed_lines):
    founders = [line for line in seed_lines if "\tP112\t" in line]
    assert {line.split("\t")[2] for line in founders} == {"{enwiki:Tang Xiao'ou}",
                                                          "{enwiki:Xu Li (computer scientist)}"}
    (listing,) = [line for line in seed_lines if "\tP414\t" in line]
    fields = listing.split("\t")
    assert fields[:3] == ["{enwiki:SenseTime}", "P414", "{enwiki:Hong Kong Stock Exchange}"]
    assert fields[3:5] == ["P249", '"0020"'] and "P580\t+2021-12-30T00:00:00Z/11" in listing


def test_unnamed_items_and_uncited_facts_are_left_out(seed_pg, seed_lines):
    text = "\n".join(seed_lines)
    assert "/name/" not in text and "Global Artificial" not in text  # no Wikipedia article
    assert "P856" not in text  # the website comes from the infobox, with no citation


def test_time_values():
    assert time_value("2019") == "+2019-00-00T00:00:00Z/9"
    assert time_value("2017-10") == "+2017-10-00T00:00:00Z/10"
    assert time_value("2021-12-30") == "+2021-12-30T00:00:00Z/11"
    assert time_value("October 2019") is None


def small_graph() -> PropertyGraph:
    ents = {RES + t: Entity(RES + t, t.replace("_", " "), ("Company",), wikipedia=WIKI + t)
            for t in ("Foo_Media", "Bar_Holdings")}
    ents[RES + "name/nobody"] = Entity(RES + "name/nobody", "Nobody", ("Company",))
    cite = Citation("https://example.org/a", 'A "quoted" story', "Example", "2012-05-03")
    facts = [Fact("f1", RES + "Foo_Media", "subsidiaryOf", RES + "Bar_Holdings", True, date="2012",
                  citations=(cite, Citation("https://example.org/b"))),
             Fact("f2", RES + "Foo_Media", "memberOf", RES + "name/nobody", True, citations=(cite,)),
             Fact("f3", RES + "Foo_Media", "foundingDate", "2010-05", False, citations=(cite,)),
             Fact("f4", RES + "Foo_Media", "partneredWith", RES + "Bar_Holdings", True,
                  citations=(cite,)),
             Fact("f5", RES + "Foo_Media", "memberOf", RES + "Bar_Holdings", True,
                  modality="reported", citations=(cite,))]
    return PropertyGraph(ents, [], facts)


def test_subsidiary_both_ways_one_line_per_reference():
    lines = to_statements(small_graph())
    for line in lines:
        check(line)
    assert sum("\tP749\t" in line for line in lines) == 2  # two sources -> two reference lines
    assert sum(line.startswith("{enwiki:Bar Holdings}\tP355\t{enwiki:Foo Media}") for line in lines) == 2
    assert all("S1476" not in line for line in lines if "example.org/a" in line)  # '"' in title
    assert any(line.startswith("{enwiki:Foo Media}\tP571\t+2010-05-00T00:00:00Z/10") for line in lines)
    assert not any("P463" in line for line in lines)  # unnamed member, reported membership
    assert "partneredWith" not in ITEM_PROPERTIES


def test_resolve_placeholders_to_qids():
    text = to_quickstatements(small_graph()).decode("utf-8")
    assert placeholders(text) == ["Bar Holdings", "Foo Media"]
    done, missing = resolve(text, {"Foo Media": "Q1", "Bar Holdings": "Q2"})
    assert not missing and "{enwiki:" not in done
    for line in done.splitlines():
        check(line)
        assert re.match(r"^Q\d+\tP\d+\t", line)
    partial, missing = resolve(text, {"Foo Media": "Q1"})
    assert missing == ["Bar Holdings"]
    assert partial.splitlines() == [line for line in done.splitlines() if "Q2" not in line]


def test_registered_as_qs(seed_pg):
    assert ".qs" in FORMATS
    assert to_quickstatements(seed_pg).decode("utf-8").splitlines() == to_statements(seed_pg)


LANG_ARTICLE = (
    "'''Foo Media''' is a company. It was founded by [[Jane Roe]] in 2010.<ref>{{cite web "
    "|url=https://example.cn/a |title=富媒体成立 |language=zh-hans |date=3 May 2010}}</ref> "
    "Foo Media is a subsidiary of [[Bar Holdings]].<ref>{{cite news |url=https://example.de/b "
    "|title=Foo Media gehört zu Bar |language=German}}</ref><ref>{{cite web |url=https://example.org/c "
    "|title=Foo and Bar}}</ref><ref>{{cite web |url=https://example.fr/d |title=Foo et Bar "
    "|trans-title=Foo and Bar, translated}}</ref><ref>{{cite web |url=https://example.es/e "
    "|trans-title=Only a translated title |language=es}}</ref>\n")


def test_reference_title_in_the_citation_language(tmp_path):
    (tmp_path / "Foo_Media.wikitext").write_text(LANG_ARTICLE, "utf-8")
    lines = to_statements(property_graph(build([str(tmp_path)]).dataset))
    titles = {f[f.index("S1476") + 1] for f in (line.split("\t") for line in lines) if "S1476" in f}
    for line in lines:
        check(line)
    assert {'zh:"富媒体成立"', 'de:"Foo Media gehört zu Bar"', 'en:"Foo and Bar"', 'en:"Foo et Bar"',
            'en:"Only a translated title"'} <= titles  # no language= is English, a trans-title too


def test_a_build_with_no_statements_says_why_and_writes_nothing(tmp_path):
    import subprocess
    import sys

    plain = ROOT / "seeds" / "sensetime.txt"
    out = tmp_path / "x.qs"
    wikikg = Path(sys.executable).parent / "wikikg"
    done = subprocess.run([str(wikikg), "build", str(plain), "-o", str(out)], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode != 0 and not out.exists()
    (line,) = [x for x in done.stderr.splitlines() if "QuickStatements" in x]
    assert "no fact cites a source" in line and "plain text" in line
    with pytest.raises(OutputError, match="no QuickStatements to write"):
        to_quickstatements(PropertyGraph())
