"""Tests for wikikg.extract.venuecues: a centre where the text holds an event is a place."""
from __future__ import annotations

import pytest

from wikikg.extract.venuecues import centres_as_places
from wikikg.model import Evidence, Mention, Statement

_SUBJECT = Mention("Foo Tour", "Foo Tour", True, frozenset({"Organization"}), strength=4)


def _statement(text: str, name: str, types=frozenset({"Organization"}), strength: int = 3) -> Statement:
    start = text.index(name)
    m = Mention(name, name, True, types, start=start, end=start + len(name), strength=strength)
    return Statement(_SUBJECT, "mentionedIn", m, "cast", Evidence(text, "History", 0, len(text)))


@pytest.mark.parametrize("text,name,want", [
    ("The 2004 conference was held at the Foo Exhibition and Conference Centre.", "Foo Exhibition and Conference Centre",
     "Place"),
    ("The team played their home games at the Jane Roe Memorial Center and were members of the league.",
     "Jane Roe Memorial Center", "Place"),
    ("The episode took place before a live studio audience at Bar Television Centre.", "Bar Television Centre", "Place"),
    ("He exhibited at the Foo show in 1974, at the Bar Center in Bazton.", "Bar Center", "Place"),
    ("The satellite was launched from the Foo Space Center.", "Foo Space Center", "Place"),
    # an infobox's field of where it is held or launched
    ("launch site: Foo Space Center", "Foo Space Center", "Place"),
    ("sites: ELA-3, Foo Space Centre", "Foo Space Centre", "Place"),
    ("operator: Foo Space Center", "Foo Space Center", "Organization"),
    ("The band performed at the Foo Centre in 1990.", "Foo Centre", "Place"),
    # a centre as a body: it does, owns or employs
    ("She held a fellowship at the Foo Policy Center.", "Foo Policy Center", "Organization"),
    ("He performed the first transplant at the Foo Medical Center.", "Foo Medical Center", "Organization"),
    ("She worked for the Foo Policy Center in 1990.", "Foo Policy Center", "Organization"),
    ("The Foo Research Center held a conference in Bazton.", "Foo Research Center", "Organization"),
    ("The event was co-sponsored by the Foo Folklife Center.", "Foo Folklife Center", "Organization"),
    # the verb too far before it, or in another sentence's clause
    ("The concert was held in 1990; Roe later joined the Foo Arts Centre.", "Foo Arts Centre", "Organization"),
    # no centre: a name of other words
    ("The concert was held at the Foo Institute.", "Foo Institute", "Organization"),
])
def test_a_centre_where_an_event_is_held_is_a_place(text, name, want):
    assert centres_as_places([_statement(text, name)])[0].obj.types == {want}


def test_every_mention_of_that_centre_goes_with_it():
    held = _statement("The final was held at the Foo Centre.", "Foo Centre")
    other = _statement("The Foo Centre was renovated.", "Foo Centre")
    assert [st.obj.types for st in centres_as_places([held, other])] == [{"Place"}] * 2


def test_a_centre_typed_otherwise_or_by_a_table_stays():
    """A finer class (a research institute) or a table's, an infobox's class (known.STRONG) is left alone."""
    text = "The meeting was held at the Foo Centre."
    assert centres_as_places([_statement(text, "Foo Centre", strength=4)])[0].obj.types == {"Organization"}
    finer = _statement(text, "Foo Centre", types=frozenset({"ResearchInstitute"}))
    assert centres_as_places([finer])[0].obj.types == {"ResearchInstitute"}
