"""Tests for a league season's standings (extract.seasons `league_season`, sections.toml table.standings), standings
laid out as preformatted text (parse.texttables) and HTML tables with a doubled end tag (parse.strays)."""
from __future__ import annotations

import re

import pytest

from wikikg.extract.rankcolumns import ranked
from wikikg.model import Article, Link, Table, TableCell
from wikikg.parse import parse_article
from wikikg.parse.strays import blank_strays
from wikikg.pipeline.stages import extract_article

PRE = """ 1.[[Foo Rovers FC|Foo Rovers]]        18  14  4  0  43-13  46  Champions
 2.[[Bar Town F.C.|Bar Town]]          18  12  2  4  38-18  38
 -------------------------------------------
 3.[[Baz United]] 18   4  5  9  17-40  17  Relegated
 4.[[Quux Athletic F.C.|Quux]] Reserves  18   1  2 15  16-57   5  Relegated
"""
WIKI = ("{| class=\"wikitable\"\n!Pos!!Club!!P!!W!!Pts\n|-\n|1||[[Foo Rovers FC|Foo Rovers]]||20||11||26\n"
        "|-\n|2||[[Bar Town F.C.|Bar Town]]||20||10||25\n|-\n|3||[[Baz United]]||20||8||24\n|}\n")
CLUBS = {"Foo Rovers FC", "Bar Town F.C.", "Baz United", "Quux Athletic F.C."}
WIKI_CLUBS = CLUBS - {"Quux Athletic F.C."}


def _members(title: str, text: str) -> dict[tuple[str, str], object]:
    return {(st.subject.key, st.obj.key): st for st in extract_article(Article(title, text)).statements
            if st.predicate == "memberOf"}


# (case, title, lead, heading, table, expected members of the league, the league)
CASES = [
    ("a stub's preformatted standings, its lead linking the league", "2013–14 Foo Premier Division",
     "Statistics of [[Foo Premier Division]] during the 2013–14 season.", "== League table ==", PRE, CLUBS,
     "Foo Premier Division"),
    ("a wikitable right under Final standings", "2014–15 Bar League",
     "The '''2014–15 Bar League''' was the 23rd season of [[Bar League]].", "== Final standings ==", WIKI,
     WIKI_CLUBS, "Bar League"),
    ("a division's table under the standings heading: the division's clubs", "2014–15 Bar League",
     "The '''2014–15 Bar League''' was the 23rd season of [[Bar League]].", "== League table ==\n=== Division One ===",
     WIKI, set(), "Bar League"),
    ("a cup's season: its teams enter it, no members", "2013–14 Foo Cup",
     "Statistics of [[Foo Cup]] during the 2013–14 season.", "== Table ==", PRE, set(), "Foo Cup"),
    ("a club's season: its league's table is no club's", "2013–14 Foo Rovers FC season",
     "The 2013–14 season was [[Foo Rovers FC]]'s 20th season.", "== League table ==", PRE, set(), "Foo Rovers FC"),
    ("a lead that names no season of the league", "2013–14 Foo Premier Division",
     "[[Foo Premier Division]] is a league.", "== League table ==", PRE, set(), "Foo Premier Division"),
    ("a table under another heading", "2013–14 Foo Premier Division",
     "Statistics of [[Foo Premier Division]] during the 2013–14 season.", "== Results ==", PRE, set(),
     "Foo Premier Division"),
]


@pytest.mark.parametrize("case,title,lead,heading,table,expected,league", CASES, ids=[c[0] for c in CASES])
def test_a_league_seasons_standings_name_the_leagues_members(case, title, lead, heading, table, expected, league):
    got = _members(title, f"{lead}\n\n{heading}\n\n{table}\n==References==\n")
    assert {s for s, o in got if o == league and s in CLUBS} == expected
    assert all(st.date is None and st.rule == "table.standings" for (s, o), st in got.items() if s in CLUBS)


def test_a_preformatted_row_is_read_verbatim_and_its_evidence_spans_the_row():
    text = f"Statistics of [[Foo Premier Division]] during the 2013–14 season.\n\n== League table ==\n\n{PRE}"
    [table] = parse_article(Article("2013–14 Foo Premier Division", text)).tables
    assert table.section == "League table" and len(table.rows) == 4
    row = table.rows[3]
    assert [c.text for c in row[:3]] == ["4.", "Quux Reserves", "18"] and row[-1].text == "Relegated"
    assert row[1].links[0].target == "Quux Athletic F.C." and all(text[c.start:c.end].strip() for c in row)
    st = _members("2013–14 Foo Premier Division", text)[("Baz United", "Foo Premier Division")]
    assert text[st.evidence.start:st.evidence.end] == st.evidence.text == "3.[[Baz United]] 18   4  5  9  17-40  17  Relegated"


@pytest.mark.parametrize("block", [
    " def foo():\n     return 1\n     return 2\n",  # code
    " 1.[[Foo Rovers FC|Foo Rovers]] 18 14 4\n 2.[[Bar Town F.C.|Bar Town]] 18 12 2\n",  # two rows: no table
    " 1. Foo Rovers 18 14 4\n 2. Bar Town 18 12 2\n 3. Baz 18 1 1\n",  # no links: no names to trust
])
def test_preformatted_text_that_is_no_standings_makes_no_table(block):
    text = f"Statistics of [[Foo Premier Division]] during the 2013–14 season.\n\n== League table ==\n\n{block}"
    assert parse_article(Article("2013–14 Foo Premier Division", text)).tables == ()


SPOKES = """'''Foo National Party''' is a political party.

==Ministers and spokesmen==
<table cellpadding=5>
<tr><th>Portfolio</th><th>Spokesman</th></tr>
<tr>
<td>'''Leader of the Foo National Party'''</td></td>
<td>[[Jane Roe|Rt Hon Jane Roe]] MP</td>
</tr>
<tr>
<td>'''[[Minister for Barland]]'''</td>
<td>[[John Doe (politician)|John Doe]] MP</td>
</tr>
</table>
"""


def test_a_doubled_end_tag_is_blanked_and_keeps_the_offsets():
    text = "<td>a</td></td>\n<td>b</td>"
    assert blank_strays(text) == "<td>a</td>     \n<td>b</td>" and len(blank_strays(text)) == len(text)
    assert blank_strays("<td>a</td>\n<td>b</td>") == "<td>a</td>\n<td>b</td>"


def test_an_html_table_with_a_doubled_end_tag_is_read_and_a_partys_spokesmen_are_its_members():
    [table] = parse_article(Article("Foo National Party", SPOKES)).tables
    assert table.header == ("Portfolio", "Spokesman") and len(table.rows) == 2
    got = _members("Foo National Party", SPOKES)
    assert {s for s, o in got if o == "Foo National Party"} == {"Jane Roe", "John Doe (politician)"}
    assert all(st.evidence.text == SPOKES[st.evidence.start:st.evidence.end] for st in got.values())


def _cells(*texts: str) -> tuple[TableCell, ...]:
    return tuple(TableCell(t, (Link(t[2:-2], t[2:-2], 0, 1),) if t.startswith("[[") else ()) for t in texts)


@pytest.mark.parametrize("firsts,second,expected", [
    (("1.", "2.", "3."), "[[Foo FC]]", True),  # ranks, linked names
    (("1", "2", "3"), "[[Foo FC]]", True),
    (("21", "4", "10"), "[[Foo FC]]", False),  # a squad's shirt numbers
    (("1.", "2.", "3."), "GK", False),  # no names after the ranks
])
def test_a_first_column_of_ranks_puts_the_names_in_the_next(firsts, second, expected):
    table = Table("", ("", "", ""), tuple(_cells(f, second, "18") for f in firsts), 0, 1)
    assert ranked(table) is expected



@pytest.mark.parametrize("case,text,found", [
    ("after line feeds", "Intro.\n" + PRE, 4),
    ("at the text's start", PRE, 4),
    ("after carriage returns", "Intro.\r" + PRE.replace("\n", "\r"), 4),
    ("after carriage returns and line feeds", "Intro.\r\n" + PRE.replace("\n", "\r\n"), 4),
    ("the first after a line separator, the others after carriage returns", "Intro.\u2028" + PRE.replace("\n", "\r"), 4),
    ("each after a line separator (which stays in the line before)", "Intro.\u2028" + PRE.replace("\n", "\u2028"), 0),
    ("each after a form feed", "Intro.\f" + PRE.replace("\n", "\f"), 0),
    ("two rows only", "Intro.\n" + "".join(PRE.splitlines(keepends=True)[:2]), 0),
])
def test_the_whole_text_searched_first_finds_the_tables_its_lines_hold(case, text, found, monkeypatch):
    # text_tables searches the text for a row after a line end before it reads any line: the same tables as the lines
    from wikikg.model import Sentence
    from wikikg.parse import texttables
    rows = [line for line in text.splitlines() if "[[" in line]
    sentences = tuple(Sentence(i, r, r, text.index(r), text.index(r) + len(r), "League table", i)
                      for i, r in enumerate(rows))
    tables = texttables.text_tables(text, sentences)
    assert sum(len(t.rows) for t in tables) == found
    assert all(text[row[0].start:row[0].end] == row[0].text for t in tables for row in t.rows)
    anything = re.compile("")
    monkeypatch.setattr(texttables, "_LF_ROW", anything)
    monkeypatch.setattr(texttables, "_CR_ROW", anything)
    assert texttables.text_tables(text, sentences) == tables  # the lines read one by one
