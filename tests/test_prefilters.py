"""Tests that the cheap tests written to spare per-name and per-sentence work answer as the work they skip."""
from __future__ import annotations

import pytest

from wikikg.extract import nonentities, teams
from wikikg.extract.factdates import when_date
from wikikg.extract.nameparts import join_nicknames
from wikikg.extract.nonentityends import _no_entity
from wikikg.extract.titled import _called
from wikikg.kb.names import name_tables
from wikikg.model import Mention

TEAMS = ["Foo Tech Owls football", "Bar University Badgers men's basketball", "Fooville Bears", "Barshire State Golden Eagles",
         "Foo Tech Owls", "Foo University", "Jane Hawks", "Fooville Bears football club", "Foo Owls footballs", "Fooville",
         "Foo Bears (ice hockey)", ""]


def _shipped() -> list[str]:
    t = name_tables()
    return [f"{p} Foo" for p in t.ship_prefixes] + [f"French {k} Bar" for k in t.vessels] \
        + [f"Royal Navy {k} Foo Roe" for k in t.vessels] + [f"{p}  Foo" for p in t.ship_prefixes[:3]] \
        + ["CSS Industries", "HMS of Foo", "Foo frigate", "French Foo frigate Bar", "", "Frigate Foo", "Foo"]


@pytest.mark.parametrize("name", TEAMS + [f"Foo Tech Owls {s}" for s in name_tables().team_sports])
def test_college_team_is_the_pattern(name):
    assert teams.college_team(name) == (name[-1:].islower() and teams._patterns()[1].fullmatch(name) is not None)


@pytest.mark.parametrize("name", TEAMS + [f"Fooville {n}" for n in name_tables().team_nicknames[:20]])
def test_a_team_name_without_a_nickname_at_its_end_has_no_place_and_nickname(name):
    if teams._patterns()[0].fullmatch(name) is not None:
        assert name.endswith(teams._ends()[0])


@pytest.mark.parametrize("name", _shipped())
def test_is_vessel_is_the_shape(name):
    shape, bodies, _ = nonentities._vessel()
    norm = " ".join(name.split())
    expected = bool(shape.fullmatch(norm)) and not any(w in bodies for w in norm.split()[1:])
    assert nonentities.is_vessel(name) == expected


def test_a_ship_by_its_prefix_or_kind_and_no_firm():
    assert nonentities.is_vessel("HMS Foo") and nonentities.is_vessel("French frigate Bar")
    assert not nonentities.is_vessel("CSS Industries") and not nonentities.is_vessel("Foo Roe")


def test_nicknames_without_quotes_are_the_spans_as_they_are():
    spans = [(0, 4), (5, 10), (11, 14)]
    assert join_nicknames("Earl Curly Roe", spans) == spans
    assert join_nicknames('Earl "Curly" Roe', [(0, 4), (6, 11), (13, 16)]) == [(0, 16)]


def test_a_calling_before_a_name_and_none_without_one():
    text = "Journalist Jane Roe said"
    m = _called("Journalist Jane Roe", text, 0, 19)
    assert m is not None and m.key == "Jane Roe" and m.start == 11
    assert _called("Foo Bar Jane Roe", "Foo Bar Jane Roe", 0, 16) is None


def test_no_when_clause_without_when():
    assert when_date("In 1990 it joined ⟦0⟧", (11, 17), 21) is None


def test_a_mentions_no_entity_test_is_its_names():
    vacant = Mention("Vacant", "Vacant", False, frozenset())
    assert _no_entity(vacant) and _no_entity(Mention("OBE", "Order of the British Empire", True, frozenset()))
    assert not _no_entity(Mention("Jane Roe", "Jane Roe", False, frozenset({"Person"}))) and not _no_entity("Vacant")


def test_every_property_has_its_domain_and_range_loaded_before_the_forks():
    from wikikg.extract.preload import preload
    from wikikg.kb.vocabulary import domain, properties, range_of

    preload()
    assert {"foundedBy", "memberOf", "birthDate"} <= properties()
    assert domain.cache_info().currsize >= len(properties()) and range_of.cache_info().currsize >= len(properties())


def _guarded_names() -> list[str]:
    """Names that hold each word of the data's lists the guarded name tests read, and names that hold none."""
    t = name_tables()
    words = [*t.events, *t.awards, *t.laws, *t.fields[:40], *t.subunits, *t.groups, *t.sessions]
    return [f"Foo {w}" for w in words] + [f"{w} of Foo" for w in words] + [f"Second {w}" for w in t.sessions] \
        + [f"Company {w}" for w in ("A", "B")] + [f"{w} Act of 1934" for w in t.laws] \
        + ["Order of Foo", "Officer of the Order of Foo", "Knight Bachelor", "Military Cross", "Foo Medal for Bar",
           "Roman Catholics", "Jane Roe", "Foo Corporation", "", " ", "2014–15 Foo League", "Foo  War II", "FOO AWARD"]


@pytest.mark.parametrize("name", _guarded_names())
def test_a_names_tests_skipped_by_the_guard_cannot_match_it(name):
    patterns = (nonentities._event_head(), nonentities._sitting(), nonentities._law(), nonentities._fields(),
                nonentities._subunit(), nonentities._honours()[0], nonentities._group(), nonentities._event_pattern())
    live = nonentities._guard().live(name)
    for i, pattern in enumerate(patterns):
        if not live >> i & 1:
            assert pattern.search(name) is None and pattern.search(name.strip()) is None, (i, name)


def test_a_guard_asks_a_pattern_without_literal_words_always():
    import re

    from wikikg.kb.prefilter import Guard

    guard = Guard((re.compile(r"Foo\s+Bar"), re.compile(r"[A-Z]\w+"), re.compile(r"(?:Baz|Qux)$")))
    assert guard.always == 0b010
    assert guard.live("the foo  bar and QUX") == 0b111 and guard.live("Jane Roe") == 0b010
    assert guard.live("a Baz") == 0b110 and Guard(()).live("Foo") == 0


def test_a_statements_end_is_dropped_by_its_kinds_whatever_the_step():
    from wikikg.extract.nonentityends import without_nonentities
    from wikikg.model import Evidence, Statement

    subject = Mention("Foo Corporation", "Foo Corporation", True, frozenset({"Company"}))

    def st(predicate: str, s: Mention, o: Mention) -> Statement:
        return Statement(s, predicate, o, "test", Evidence("", "", 0, 0))

    ship = Mention("HMS Foo", "HMS Foo", False, frozenset())
    field = Mention("Human Resources", "Human Resources", True, frozenset())
    jane = Mention("Jane Roe", "Jane Roe", False, frozenset({"Person"}))
    kept = [st("keyPerson", ship, jane), st("subsidiaryOf", field, subject), st("memberOf", jane, subject)]
    dropped = [st("memberOf", jane, ship), st("employer", jane, field),
               st("memberOf", jane, Mention("Vacant", "Vacant", False, frozenset()))]
    assert without_nonentities(kept + dropped, "Foo Corporation") == kept


@pytest.mark.parametrize("name", ["Minister of Culture", "Deputy Governor of Foo State", "President for Life", "Foo Council of Bar",
                                  "Port Authority of Fooville", "Minister\tof Culture", "Minister of\xa0Culture", "Treasury Secretary",
                                  "Foo ofBar", "Jane Roe", "Secretary and Treasurer of the Foo Society", "2nd Minister of Foo"])
def test_a_post_or_head_before_of_is_asked_only_of_a_name_with_of_or_for(name):
    from wikikg.extract.classify import _HEAD_OF, _POST_OF

    if _POST_OF.match(name) or _HEAD_OF.match(name):
        assert " of " in name or " for " in name


@pytest.mark.parametrize("name", [f"Fooville {n}" for n in name_tables().team_nicknames] + TEAMS
                         + [f"Fooville  {n}" for n in name_tables().team_nicknames[:5]])
def test_a_place_and_nickname_ends_in_a_nicknames_last_word(name):
    if teams._patterns()[0].fullmatch(name) is not None:
        assert name.rpartition(" ")[2] in teams._last_words()
        assert teams.team_types(name) == teams.team_types.__wrapped__(name)
