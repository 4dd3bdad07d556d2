"""Tests for extract.pairtables: a table pairing people with parties, clubs, ministries, under any heading, makes each person a
member of the party in their row; and parse.rowtemplates' party cell, a party's article title."""
from __future__ import annotations

from wikikg.model import Article
from wikikg.pipeline.stages import extract_article

ELECTION = """The '''Freedonian presidential election, 1994''' was held on 26 June 1994.

==Results==
{| class=wikitable
!rowspan=2|Candidate
!rowspan=2|Party
!colspan=2|First round
|-
!Votes
!%
|-
|align=left|[[Jane Roe]] ||align=left|Non-partisan (Bar Bloc and [[Freedonian Foo Movement|FFM]]) ||9,977,766||38.4
|-
|align=left|[[John Doe]]||align=left|[[Socialist Party of Freedonia]] ([[Socialist Party of Freedonia|SPF]], [[Quux Party|QP]])||3,466||13.3
|-
|align=left|[[Max Mustermann]]||align=left|Independent||2,483,986||9.6
|-
|align=left|Erika Musterfrau||align=left|[[Foo Party (Freedonia)|Foo Party]]||143,361||0.6
|-
|align=left colspan=2|Against all||697,564||2.7
|}
"""

DISTRICTS = """'''Barshire''' is a county of Freedonia.

==Representatives==
{| class=wikitable
! District !! Winner !! Party !! Runner-up !! Party
|-
| [[Barshire 1st district|1st]] || [[Jane Roe]] || [[Foo Party (Freedonia)|Foo]] || [[John Doe]] || [[Bar Party]]
|}

==Economy==
{| class=wikitable
! Employer !! Affiliation !! Employees
|-
| [[Foo Mills]] || [[Bar Party]] || 1,200
|}
"""


def _facts(text: str, title: str) -> set[tuple[str, str, str]]:
    return {(st.subject.key, st.predicate, st.obj.key) for st in extract_article(Article(title, text)).statements
            if st.rule.startswith("table.")}


def test_a_candidate_is_a_member_of_the_party_their_row_links_first():
    facts = _facts(ELECTION, "Freedonian presidential election, 1994")
    assert ("John Doe", "memberOf", "Socialist Party of Freedonia") in facts
    assert ("Erika Musterfrau", "memberOf", "Foo Party (Freedonia)") in facts  # an unlinked person's name
    assert not any(s in ("Jane Roe", "Max Mustermann") for s, _, _ in facts)  # non-partisan, independent
    assert not any(o in ("Quux Party", "Freedonian Foo Movement") for _, _, o in facts)  # a bloc's partners
    assert len(facts) == 2


def test_each_party_column_goes_with_the_people_column_before_it():
    facts = _facts(DISTRICTS, "Barshire")
    assert facts == {("Jane Roe", "memberOf", "Foo Party (Freedonia)"), ("John Doe", "memberOf", "Bar Party")}


def test_a_cabinet_template_party_is_its_article_title():
    text = """'''Foo ministry''' was a government of Freedonia.

==Ministers==
{| class="wikitable"
! Portfolio !! Minister !! Took office !! Left office !! Party
|-
{{Cabinet table minister
 | title = [[Minister of Finance (Freedonia)|Minister of Finance]]
 | minister1 = [[Jane Roe]]
 | minister1_party = The Mountain
}}
|}
"""
    got = {(st.subject.key, st.predicate, st.obj.key) for st in extract_article(Article("Foo ministry", text)).statements}
    assert ("Jane Roe", "memberOf", "The Mountain") in got  # not "Mountain", a place


def test_a_scorers_table_makes_each_player_a_member_of_the_club_in_their_row_and_a_manager_staff():
    text = """The '''2014 Freedonian Foo League''' was the league's tenth season.

==Top scorers==
{| class=wikitable
! Rank !! Player !! Club !! Goals
|-
| 1 || [[Jane Roe]] || [[Fooville F.C.]] || 21
|-
| 2 || John Doe || Barshire United F.C. || 17
|-
| 3 || [[Max Mustermann]] || Free agent || 9
|}

==Manager of the Month==
{| class=wikitable
! Month !! Manager !! Club
|-
| May || [[Erika Musterfrau]] || [[Fooville F.C.]]
|}
"""
    facts = _facts(text, "2014 Freedonian Foo League")
    assert ("Jane Roe", "memberOf", "Fooville F.C.") in facts
    assert ("John Doe", "memberOf", "Barshire United F.C.") in facts  # a club's name by its shape
    assert not any(s == "Max Mustermann" for s, _, _ in facts)
    assert ("Erika Musterfrau", "affiliatedWith", "Fooville F.C.") in facts
    assert not any(s == "Erika Musterfrau" and p == "memberOf" for s, p, _ in facts)


def test_a_ministry_column_makes_the_minister_its_key_person_and_a_post_link_names_no_ministry():
    text = """The '''Foo cabinet''' was the government of Freedonia from 1990 to 1994.

==Composition==
{| class=wikitable
! Ministry !! Minister !! Party
|-
| [[Ministry of Finance (Freedonia)|Finance]] || [[Jane Roe]] || [[Foo Party (Freedonia)|Foo]]
|-
| [[Minister of Defence (Freedonia)|Defence]] || [[John Doe]] || [[Foo Party (Freedonia)|Foo]]
|}
"""
    facts = _facts(text, "Foo cabinet")
    assert ("Ministry of Finance (Freedonia)", "keyPerson", "Jane Roe") in facts
    assert not any(p == "keyPerson" and o == "John Doe" for _, p, o in facts)  # a post, no ministry
