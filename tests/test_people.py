"""Tests for wikikg.extract.people: personal names by given-name lexicon and name parser (cases as data)."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from wikikg.extract import people
from wikikg.extract.people import is_personal_name, personal_types
from wikikg.model import Mention

CASES = tomllib.loads((Path(__file__).parent / "cases" / "people.toml").read_text("utf-8"))["case"]


@pytest.mark.parametrize("case", [
    pytest.param(c, marks=pytest.mark.xfail(reason=c["known_miss"], strict=True)) if "known_miss" in c else c
    for c in CASES], ids=[c["name"] for c in CASES])
def test_personal_name(case):
    assert is_personal_name(case["name"]) is case["person"]


def test_the_given_names_are_the_detectors_and_are_kept_on_disk(tmp_path, monkeypatch):
    """gender-guesser's dictionary takes ~0.3 s to parse per process: its names (all a given-name check reads:
    the detector says "unknown" exactly for a name it does not hold) are kept as JSON in the cache directory."""
    import gender_guesser.detector as gd

    from wikikg.extract import people

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    detector = gd.Detector(case_sensitive=False)
    people._given_names.cache_clear()
    try:
        made = people._given_names()
        assert made == frozenset(detector.names)
        assert list(tmp_path.glob("wikikg/given-names-*.json"))
        people._given_names.cache_clear()
        assert people._given_names() == made  # read back from the file
        for name in ("Agnès", "Khurshid", "Denver", "Acme", "JEAN", "forest"):
            assert (detector.get_gender(name) == "unknown") is (name.lower() not in made)
    finally:
        people._given_names.cache_clear()


SURNAME_CASES = [  # (article text, linked name, a person's by its surname used alone)
    ("[[Karlheinz Roeberg]] founded it. Roeberg realised two works there; later Roeberg left.", "Karlheinz Roeberg", True),
    ("[[Karlheinz Roeberg]] founded it. Roeberg left.", "Karlheinz Roeberg", False),  # once is not enough
    ("[[General Fooatomics]] made parts. The General Fooatomics plant and Fooatomics grew.", "General Fooatomics", False),
    ("[[Martin Church]] is a church. The Church grew; the Church moved.", "Martin Church", False),  # a common noun too
    ("[[Sullivan & Roeberg]] advised. Roeberg said so; Roeberg did.", "Sullivan & Roeberg", False),  # a firm of partners
    ("[[Frank House]] ... the House of Lords and the House of Commons.", "Frank House", False),  # another name's word
    ("", "Karlheinz Roeberg", False),  # an empty text
    ("Roeberg wrote. Roeberg left. [[Karlheinz Roeberg]]", "Karlheinz Roeberg", True),  # the text's first word
    ("[[Karlheinz Roeberg]]: Roeberg of Foo; Roeberg of Bar.", "Karlheinz Roeberg", False),  # "of" after: a name's part
    ("[[Karlheinz Roeberg]] ... Roebergs, Roeberg's, Roeberg-Foo.", "Karlheinz Roeberg", False),  # other words
    # a work's or a creed's last word ([works] heads) or a class's word, however often alone: no surname
    ("raised in the [[Roman Catholic]] faith. In line with her Catholic beliefs, Catholic rites", "Roman Catholic", False),
    ("[[Karl Fooshow]] ... the Karl Show ran; the Show ended.", "Karl Show", False),
]


@pytest.mark.parametrize("text,name,person", SURNAME_CASES)
def test_a_linked_name_is_a_persons_by_its_surname_used_alone(text, name, person):
    from wikikg.extract.people import SurnameUse

    assert SurnameUse(text).person(name) is person


def test_lone_given_names_share_a_surname_only_before_a_full_name_written():
    roe = Mention("Emily Roe", "Emily Roe", False, frozenset({"Person"}), start=11, end=20, strength=2)
    andrew = Mention("Andrew", "Andrew", False, frozenset(), start=0, end=6)
    text = "Andrew and Emily Roe"
    assert [m.key for m in people.shared_surnames([andrew, roe], text)] == ["Andrew Roe", "Emily Roe"]
    # "Stanton and Lincoln": the person after is named by the surname alone, so nothing is shared
    lincoln = Mention("Lincoln", "Abraham Lincoln", True, frozenset({"Person"}), start=12, end=19, strength=4)
    stanton = Mention("Stanton", "Stanton", False, frozenset(), start=0, end=7)
    assert [m.key for m in people.shared_surnames([stanton, lincoln], "Stanton and Lincoln")] == \
        ["Stanton", "Abraham Lincoln"]


def test_link_titles_of_one_first_and_last_name_and_agreeing_middle_names_are_one_person():
    """context._one_person: "Joseph A. Roe" and "Joseph Albert Roe" share the surname "Roe"; two middle
    initials, two first names or two middle names do not."""
    from wikikg.extract.context import _one_person
    assert _one_person({"Joseph A. Roe", "Joseph Albert Roe"}) and _one_person({"Jane Roe"})
    assert not _one_person({"Joseph A. Roe", "Joseph B. Roe"})
    assert not _one_person({"Jane Roe", "John Roe"})
    assert not _one_person({"Joseph Albert Roe", "Joseph Alfred Roe"})


@pytest.mark.parametrize("name,want", [
    ("B. Gerald Roe", True), ("F. Jane Doe", True),  # an initial before the name one goes by
    ("A. Foo Bank", False), ("U. S. Steel", False),
])
def test_a_leading_initial(name, want):
    assert is_personal_name(name) is want


@pytest.mark.parametrize("text,name,want", [
    ("It was led by E.R. Roe until 1950.", "E.R. Roe", {"Person"}),
    ("He was the head of J.P. Roe's Private Bank.", "J.P. Roe", {"Organization"}),  # the possessor of a bank: a firm
    ("In 2010 the R.S. Roe company made the statuettes.", "R.S. Roe", {"Company"}),
    ("the merger of Cassa di Risparmio di Fooburgo (C.R. Fooburgo) and others", "C.R. Fooburgo", set()),
    ("The club was founded by Jane Rita Roe and J.R. Roe.", "J.R. Roe", {"Person"}),  # no connector: a person's name
])
def test_initials_before_a_surname_may_name_a_firm_by_their_context(text, name, want):
    start = text.index(name)
    assert personal_types(name, text, start, start + len(name))[0] == want


@pytest.mark.parametrize("text,name,want", [
    ("The choir sang at the Jane Albert Hall in 1990.", "Jane Albert Hall", {"Place"}),  # no one's name takes "the"
    ("A hotel, the Glen House, was built for passengers.", "Glen House", {"Place"}),
    ("The choir toured with John Hall in 1995.", "John Hall", {"Person"}),
    ("The choir sang at Jane Albert Hall's wedding.", "Jane Albert Hall", {"Person"}),
])
def test_a_person_shaped_name_after_the_with_a_place_s_last_word_is_a_place(text, name, want):
    start = text.index(name)
    assert personal_types(name, text, start, start + len(name))[0] == want


@pytest.mark.parametrize("text,name,role", [
    ("Jane Roe starred as John Doe in the film.", "John Doe", True),
    ("She was best known for her role as Dr. Jane Doe on the series.", "Jane Doe", True),
    ("The film also stars John Roe as Captain Foo and Jane Roe as Mary Bar.", "Mary Bar", True),
    ("John Roe as Jane Doe", "Jane Doe", True),
    ("The Foo Girl at the Bar Theatre (1913, as Jane Doe), and then Baz.", "Jane Doe", True),
    ("Foo Blues (1961) as a Jane Doe", "Jane Doe", True),
    ("He was born as John Doe in Fooville.", "John Doe", False),
    ("Writers such as John Doe praised the play.", "John Doe", False),
    ("Her stage roles were praised, and she was later known as Jane Doe.", "Jane Doe", False),
    ("He served as John Roe's deputy.", "John Roe", False),
    ("He reached the papacy as Pope John XI.", "John XI", False),
    ("1966 Foo (as Dr. John Doe in \"The Bar\")", "John Doe", True),
    ("At the band's start, Roe (as John Doe) also played for Foo.", "John Doe", False)])
def test_a_name_after_as_is_a_role_an_actor_plays(text, name, role):
    """names.toml roles_played: a name right after "as" that a word of acting, a cast line or a credit's
    parenthesis introduces is a character, nobody; "born as", "such as", "known as" name people."""
    from wikikg.extract.people import played_role

    assert played_role(text, text.index(name), text.index(name) + len(name)) is role
