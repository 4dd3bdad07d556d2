"""Tests for a table's columns that the header names in two rows (groups over names) or in a column of their own
(an end date's "To", "Left office" after a "From", "Took office")."""
from __future__ import annotations

import pytest

from wikikg.model import Article
from wikikg.pipeline.stages import extract_article

# An ice hockey player's career table: a row of groups ("Regular season", "Playoffs", blanks over the first columns)
# over the column names ("Season | Team | League | GP ...").
HOCKEY = """'''Jane Roe''' (born 1980) is a Freedonian ice hockey centre.

==Career statistics==
{| BORDER="0" CELLPADDING="1" CELLSPACING="0"
|- bgcolor="#e0e0e0"
! colspan="3" bgcolor="#ffffff" | &nbsp;
! rowspan="99" bgcolor="#ffffff" | &nbsp;
! colspan="5" | Regular&nbsp;season
! rowspan="99" bgcolor="#ffffff" | &nbsp;
! colspan="5" | Playoffs
|- bgcolor="#e0e0e0"
! Season
! Team
! League
! GP !! G !! A !! Pts !! PIM
! GP !! G !! A !! Pts !! PIM
|-
| 1998–99
| [[Fooville Foxes]]
| [[Freedonian Junior Hockey League|FJHL]]
| 60 || 20 || 25 || 45 || 30
| 5 || 1 || 2 || 3 || 4
|- bgcolor="#f0f0f0"
| 1999–00
| [[Barshire Bears]]
| [[Freedonian Hockey League|FHL]]
| 70 || 30 || 35 || 65 || 40
| — || — || — || — || —
|-
| 2000–01
| [[Barshire Bears]]
| [[Freedonian Challenge Cup]]
| — || — || — || — || —
| 4 || 1 || 1 || 2 || 0
|-
| colspan="3" | FHL Totals
| 70 || 30 || 35 || 65 || 40
| 4 || 1 || 1 || 2 || 0
|}
"""


def test_a_header_of_groups_over_column_names_gives_way_to_the_names():
    got = {(st.subject.key, st.obj.key, st.date.value if st.date else "")
           for st in extract_article(Article("Jane Roe", HOCKEY)).statements if st.predicate == "memberOf"}
    assert got == {("Jane Roe", "Fooville Foxes", "1998"), ("Jane Roe", "Barshire Bears", "1999"),
                   ("Jane Roe", "Barshire Bears", "2000"),  # no league from its cup's row, no totals row's team
                   ("Fooville Foxes", "Freedonian Junior Hockey League", ""),
                   ("Barshire Bears", "Freedonian Hockey League", "")}


def test_a_season_that_ends_in_the_next_century_ends_there():
    ends = {(st.obj.key, st.date.value, st.end_date.value) for st in extract_article(Article("Jane Roe", HOCKEY)).statements
            if st.predicate == "memberOf" and st.subject.key == "Jane Roe" and st.date and st.end_date}
    assert ("Fooville Foxes", "1998", "1999") in ends and ("Barshire Bears", "1999", "2000") in ends  # "1999–00"


@pytest.mark.parametrize("start,end", [("From", "To"), ("Took office", "Left office"), ("Joined", "Left"),
                                       ("Start", "End"), ("Term began", "Term ended")])
def test_a_column_after_the_dates_that_says_when_it_ended_gives_the_end_date(start, end):
    text = ("'''Example Society''' is a learned society.\n\n==Presidents==\n{| class=\"wikitable\"\n"
            f"! Name !! {start} !! {end}\n|-\n| [[Jane Roe]] || 12 May 1995 || 3 June 1999\n"
            "|-\n| [[Joan Doe]] || 1999 || present\n|-\n| [[John Poe]] || 2004 || 2001\n|}\n")
    got = {(st.obj.key, st.date.value if st.date else "", st.end_date.value if st.end_date else "")
           for st in extract_article(Article("Example Society", text)).statements if st.predicate == "keyPerson"}
    assert got == {("Jane Roe", "1995-05-12", "1999-06-03"), ("Joan Doe", "1999", ""), ("John Poe", "2004", "")}


def test_a_to_column_with_no_dates_before_it_gives_no_end():
    text = ("'''Example Society''' is a learned society.\n\n==Presidents==\n{| class=\"wikitable\"\n"
            "! Name !! To !! Since\n|-\n| [[Jane Roe]] || 1999 || 1995\n|}\n")
    got = {(st.obj.key, st.date.value if st.date else "", st.end_date.value if st.end_date else "")
           for st in extract_article(Article("Example Society", text)).statements if st.predicate == "keyPerson"}
    assert got == {("Jane Roe", "1995", "")}
