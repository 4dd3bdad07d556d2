"""Tests for wikikg.parse.reader: evidence text (wkg:plainText, FtM summary, the view's facts) reads as
a reader of the article sees it, without raw markup or the holes removed templates leave."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wikikg.formats.ftm import to_ftm_entities
from wikikg.formats.view import view_data
from wikikg.formats.writers import property_graph
from wikikg.parse.reader import reader_plain, reader_text
from wikikg.pipeline.stages import build

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "sensetime.wikitext"
WKG = "https://w3id.org/wikikg/ontology#"
# What a reader never sees: tags, refs, comments, and brackets or punctuation a removed template left.
RAW = re.compile(r"<br|<ref|</ref|<!--|-->|\{\{|\}\}|\[\[|\]\]|\(\s*\)|\(\s*[;,]|[;,]\s*\)|''")


@pytest.mark.parametrize("plain, seen", [
    ("SenseTime () is a Hong Kong company.", "SenseTime is a Hong Kong company."),
    ("Aruba ( ; ) is a country", "Aruba is a country"),
    ("Andorra (; , ), officially the Principality of Andorra (), is", "Andorra, officially the Principality of Andorra, is"),
    ("the Football Association of Albania (, F.SH.F.), which", "the Football Association of Albania (F.SH.F.), which"),
    ("Aristotle (;  , Aristotélēs; 384–322 BC) was", "Aristotle (Aristotélēs; 384–322 BC) was"),
    ("a bank in Nevada.<ref>{{cite web |url= |title=Independent bank}}</ref> He has", "a bank in Nevada. He has"),
    ("a cut<ref name=x/> here<!-- note --> and<br/>there", "a cut here andthere"),
    ("He said (see below) that A, B; C.", "He said (see below) that A, B; C."),
])
def test_reader_plain(plain, seen):
    assert reader_plain(plain) == seen


@pytest.mark.parametrize("text, seen", [
    ("| founder = [[Jane Roe]]<br> [[xu li (computer scientist)|Xu Li]]<ref>x</ref>", "founder: Jane Roe; Xu Li"),
    ("| key_people = * [[Ann Bee]] (CEO)\n* Bob Cee (CTO)", "key people: Ann Bee (CEO); Bob Cee (CTO)"),
    ("| net_income = <!-- none -->", ""),
    ("| foundation = {{Start date and age|df=yes|October 2014}}", "foundation: October 2014"),
    ("'''Acme''' ({{zh|s=阿克米}}) is a company.<ref>{{cite web|url=http://x.org|title=T}}</ref>",
     "Acme is a company."),
    ("Plain words stay as they are.", "Plain words stay as they are."),
])
def test_reader_text(text, seen):
    assert reader_text(text) == seen


@pytest.fixture(scope="module")
def seed_ds():
    return build([str(SEED)]).dataset


def test_seed_plain_texts_hold_no_markup(seed_ds):
    plains = [str(o) for _s, p, o, _g in seed_ds.quads((None, None, None, None)) if str(p) == WKG + "plainText"]
    assert plains
    assert not [t for t in plains if RAW.search(t)]
    assert any(t.startswith("SenseTime is a Hong Kong-headquartered") for t in plains)
    assert any(t.startswith("founder") or t.startswith("founders") for t in plains)  # infobox rows too


def test_ftm_summary_and_view_hold_no_markup(seed_ds):
    pg = property_graph(seed_ds)
    summaries = [s for e in to_ftm_entities(pg) for s in e["properties"].get("summary", [])]
    assert summaries and not [s for s in summaries if RAW.search(s)]
    shown = list(_texts(view_data(pg)))  # the view's fact panel shows these
    assert shown and not [t for t in shown if RAW.search(t)]


def _texts(data):
    """Every "text" value anywhere in the view's data."""
    if isinstance(data, dict):
        for k, v in data.items():
            if k == "text" and isinstance(v, str):
                yield v
            else:
                yield from _texts(v)
    elif isinstance(data, list):
        for v in data:
            yield from _texts(v)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["(", ")", " ", "\t", ",", ";", ":", "<ref>x</ref>", "<br>", "<!-- c -->", "a",
                                 "·", "\n", "é", "  "]), max_size=16).map("".join))
def test_tidy_runs_an_expression_only_where_it_can_match(text):
    from wikikg.parse import reader

    old = text
    for pattern, by in ((reader._LEFTOVER, ""), (reader._OPEN_PUNCT, "("), (reader._CLOSE_PUNCT, ")"),
                        (reader._HOLE, ""), (reader._SPACE_PUNCT, ""), (reader._SPACES, " ")):
        old = pattern.sub(by, old)
    assert reader._tidy(text) == old.strip()
