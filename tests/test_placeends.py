"""Tests for wikikg.extract.placeends: a person-shaped name ending in a word places share, a place by its context."""
from __future__ import annotations

import pytest

from wikikg.extract.placeends import place_ends
from wikikg.model import Mention


@pytest.mark.parametrize("text,name,want", [
    ("The band played a concert at Jane Park in 2009.", "Jane Park", "Place"),  # a locative preposition
    ("He was born in Jane Hill, Kansas on 2 May 1900.", "Jane Hill", "Place"),
    ("In Forest Quux Hill the station was closed.", "Forest Quux Hill", "Place"),
    ("It toured the Brighton festival and the John Albert Hall in 1990.", "John Albert Hall", "Place"),  # "the"
    ("The choir sang at Danny Quux House, Sussex, in 1999.", "Danny Quux House", "Place"),
    ("The mill was moved to Jane Mill, London, in 1870.", "Jane Mill", "Place"),  # its town after a comma
    ("The road runs south of Glen Quux Lake to the coast.", "Glen Quux Lake", "Place"),  # a direction and "of"
    ("It lies in the village of Jane Hill near Fooville.", "Jane Hill", "Place"),
    ("The play is a work of Jane Hill in four acts.", "Jane Hill", "Person"),
    ("He lived at Jane Hall's house for a year.", "Jane Hall", "Person"),  # a possessive: the person
    ("A man shot at John Hill during the raid.", "John Hill", "Person"),  # a verb that aims at someone
    ("The choir toured with John Hill in 1995.", "John Hill", "Person"),
    ("He was an aide to Edward Q. House, where he met Jane Roe.", "Edward Q. House", "Person"),
    ("The prize went to Jane Ford in 2001.", "Jane Ford", "Person"),  # no word places share
    ("They hiked the Jane Roe Trail in 1990.", "Jane Roe Trail", "Place"),  # a trail, a road and a walk
    ("A bus ran along the Queen Jane Way to Fooville.", "Queen Jane Way", "Place"),
    ("The shop stood at Jane Walk for a decade.", "Jane Walk", "Place"),
    ("The song was written by Tony Way in 1990.", "Tony Way", "Person"),  # a surname too
    ("One is the Jane Wood character, whose name is Foo.", "Jane Wood", "Person"),  # a noun the name modifies
    ("He recorded the John Hill song in 1990.", "John Hill", "Person"),
    ("The Jane Hall administration ended in 1990.", "Jane Hall", "Person"),
    ("The Jane Roe Field modernization ended in 1990.", "Jane Roe Field", "Place"),  # not a person's noun
])
def test_a_person_shaped_name_with_a_place_s_last_word_is_a_place_by_its_context(text, name, want):
    start = text.index(name)
    m = Mention(name, name, False, frozenset({"Person"}), start=start, end=start + len(name), strength=2)
    assert place_ends([m], text)[0].types == {want}


@pytest.mark.parametrize("text,names,before,after", [
    ("The paper covers Fooham and Hazel Quux Grove each week.", ["Fooham", "Hazel Quux Grove"], "LP", "LL"),
    ("It includes Foo Village, Jane Quux Hill, Cedar Quux Grove and Fooville.", ["Foo Village", "Jane Quux Hill", "Cedar Quux Grove",
                                                                          "Fooville"], "LPPL", "LLLL"),
    ("It was sung by Jane Roe, Adam Hill and Fooville.", ["Jane Roe", "Adam Hill", "Fooville"], "PPL", "PPL"),  # a person too
])
def test_a_person_shaped_name_listed_with_places_only_is_a_place(text, names, before, after):
    kinds = {"P": frozenset({"Person"}), "L": frozenset({"Place"})}
    found = [Mention(n, n, False, kinds[c], start=text.index(n), end=text.index(n) + len(n), strength=2)
             for n, c in zip(names, before, strict=True)]
    assert "".join("P" if m.types == {"Person"} else "L" for m in place_ends(found, text)) == after


def test_a_name_typed_more_strongly_stays_a_person():
    """A person by a table, an infobox or a title (strength above known.PLACE) is left alone."""
    text = "The band played at Jane Park in 2009."
    m = Mention("Jane Park", "Jane Park", True, frozenset({"Person"}), start=19, end=28, strength=3)
    assert place_ends([m], text)[0].types == {"Person"}


def test_a_linked_place_after_the_is_a_place_in_an_article():
    """Through the mention pass: "[[Jane Albert Hall]]" after "the" is a place, "[[John Hill]]" after "with" a person."""
    from wikikg.extract.context import article_context
    from wikikg.extract.mentions import find_mentions
    from wikikg.model import Article
    from wikikg.pipeline.stages import parse_article, subject_of

    p = parse_article(Article("Foo Choir", "'''Foo Choir''' is a choir. It sang in the [[Jane Albert Hall]] with "
                              "[[John Hill]] in 1990.", "-"))
    found = {m.text: m.types for m in find_mentions(p.sentences[1], article_context(p, subject_of(p)))}
    assert found.get("Jane Albert Hall") != {"Person"} and found.get("John Hill") == {"Person"}


def test_the_listing_pass_runs_only_for_a_name_it_may_retype(monkeypatch):
    from wikikg.extract import placeends

    text = "It includes Foo Village, Jane Roe and Fooville Quux Hill."
    found = [Mention(n, n, False, frozenset({t}), start=text.index(n), end=text.index(n) + len(n), strength=2)
             for n, t in (("Foo Village", "Place"), ("Jane Roe", "Person"), ("Fooville Quux Hill", "Place"))]
    calls = []
    monkeypatch.setattr(placeends, "_among_places", lambda out, text: calls.append(out) or out)
    assert place_ends(found, text) == found and not calls  # no person-shaped name ending in a word places share
    text = "It includes Foo Village, Jane Quux Hill and Fooville."
    found = [Mention(n, n, False, frozenset({t}), start=text.index(n), end=text.index(n) + len(n), strength=2)
             for n, t in (("Foo Village", "Place"), ("Jane Quux Hill", "Person"), ("Fooville", "Place"))]
    place_ends(found, text)
    assert len(calls) == 1
