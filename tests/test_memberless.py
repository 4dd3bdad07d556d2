"""extract/memberless.py: an event's article (a tournament, a battle, a treaty) lists no members of it."""
from __future__ import annotations

import pytest

from wikikg.model import Article
from wikikg.pipeline.stages import extract_article


def _members(title: str, text: str) -> set[tuple[str, str]]:
    return {(st.subject.key, st.obj.key) for st in extract_article(Article(title, text, "case", "wikitext")).statements
            if st.predicate == "memberOf"}


@pytest.mark.parametrize("title,lead,heading", [
    ("2014 Foo Cup", "The '''2014 Foo Cup''' was the tenth edition of an international football tournament.", "Teams"),
    ("Battle of Foo", "The '''Battle of Foo''' was fought in 1805 near [[Fooville]].", "Participants"),
    ("Foo Games", "The '''Foo Games''' are a multi-sport event held every four years.", "Members"),
])
def test_an_event_s_teams_or_participants_are_no_members_of_it(title, lead, heading):
    text = f"{lead}\n\n== {heading} ==\n* [[Fooville F.C.]]\n* [[Freedonian Army]]\n"
    assert not _members(title, text)


def test_an_edition_named_by_its_year_has_no_members_even_when_its_infobox_types_it():
    text = ("{{Infobox rugby union season\n| name = 2014 Foo Rugby\n}}\nThe '''2014 Foo Rugby''' competitions were "
            "contested from January to April 2014.\n\n== Teams ==\n{| class=\"wikitable\"\n! Team !! University\n"
            "|-\n| Foo Lions || [[University of Fooville]]\n|-\n| Bar Eagles || [[University of Barshire]]\n|}\n")
    assert not _members("2014 Foo Rugby", text)


def test_a_league_season_s_teams_are_its_league_s_members():
    text = ("The '''2014–15 Foo Football League''' was the second season of the [[Foo Football League]].\n\n"
            "== Teams ==\n* [[Fooville F.C.]]\n* [[Barshire United F.C.]]\n")
    assert ("Fooville F.C.", "Foo Football League") in _members("2014–15 Foo Football League", text)


def test_a_league_whose_infobox_types_it_keeps_its_members_whatever_its_name():
    text = ("{{Infobox football league\n| name = Foo Championship\n}}\nThe '''Foo Championship''' is the second tier "
            "of football in [[Freedonia]].\n\n== Clubs ==\n* [[Fooville F.C.]]\n* [[Barshire United F.C.]]\n")
    assert ("Fooville F.C.", "Foo Championship") in _members("Foo Championship", text)


def test_a_tournament_s_table_of_qualified_teams_makes_no_members():
    text = ("The '''2014 Foo Cup''' was the tenth edition of an international football tournament.\n\n"
            "== Qualified teams ==\n{| class=\"wikitable\"\n! Team !! Qualified as\n|-\n| [[Fooville F.C.]] || Winner\n"
            "|-\n| [[Barshire United F.C.]] || Runner-up\n|}\n")
    assert not _members("2014 Foo Cup", text)


def test_a_club_season_s_squad_are_the_club_s_members_and_an_edition_s_nobody_s():
    squad = "\n\n== Squad ==\n{{Fs player|no=1|nat=USA|pos=GK|name=[[Jane Roe]]}}\n{{Fs player|no=2|pos=DF|name=[[Ann Doe]]}}\n"
    season = _members("2013 Foo FC season", "The '''2013 Foo FC season''' was the club's fourth season." + squad)
    assert season == {("Jane Roe", "Foo FC"), ("Ann Doe", "Foo FC")}
    assert not _members("2014 Foo Rugby", "The '''2014 Foo Rugby''' competition was the fourth edition." + squad)


@pytest.mark.parametrize("title,lead", [
    ("Foo Minutes", "'''''Foo Minutes''''' is a [[Freedonia|Freedonian]] [[television]] comedy that airs on [[Foo TV]]."),
    ("Foo Cycle Classic", "The '''Foo Cycle Classic''' was a one-off, one-day bicycle race that acted as a test event."),
    ("Foo ShockWave", "'''Foo ShockWave''', similar to the [[Bar Storm]], was a 4-hour [[wargame]] conducted by [[Baz]]."),
    ("Foo Rally 2014", "The '''Foo Rally''' (Theme: \"Foo: Protest Till It's Dropped\") was a rally held in [[Fooville]]."),
    ("Foo Strike", "The '''Foo Strike''' was a general strike in [[Fooville]] in 1926."),
])
def test_an_untyped_subject_whose_lead_names_a_work_or_an_event_has_no_members(title, lead):
    assert not _members(title, f"{lead}\n\n== Members ==\n* [[Jane Roe]]\n* [[John Doe]]\n")


def test_an_untyped_subject_whose_lead_names_a_work_only_after_its_head_noun_keeps_its_members():
    text = ("'''Foo Rovers''' are a metal band from [[Fooville]], named after a video game.\n\n"
            "== Members ==\n* [[Jane Roe]] - drums\n* [[John Doe]] - bass\n")
    assert ("Jane Roe", "Foo Rovers") in _members("Foo Rovers", text)
