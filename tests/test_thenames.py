"""Tests for wikikg.extract.thenames: a person-shaped name right after "the" that ends its phrase is no person."""
from __future__ import annotations

import pytest

from wikikg.extract.thenames import the_names
from wikikg.model import Mention


@pytest.mark.parametrize("text,name,want", [
    ("She worked for the Jane Cross in a military hospital.", "Jane Cross", ""),  # a preposition next
    ("Writers in the Christian Quux within the empire agreed.", "Christian Quux", ""),
    ("He collected parcels from the Jane Cross, some with maps.", "Jane Cross", ""),  # a punctuation mark
    ("The band recorded at the Jane Ballroom.", "Jane Ballroom", ""),
    ("The Jane Quux had not yet presented its case.", "Jane Quux", ""),  # an auxiliary; "The" opening the sentence
    ("It was the Jane Roe film of the year.", "Jane Roe", "Person"),  # a common noun: the name modifies it
    ("Roe worked under the John Doe administration.", "John Doe", "Person"),
    ("He won the Jane Roe Prize in 1990.", "Jane Roe", "Person"),  # the name goes on
    ("It was the Jane Roe who witnessed nine charters.", "Jane Roe", "Person"),  # "who": the one of that name
    ("It was signed by the Jane Roe and John Doe governments.", "Jane Roe", "Person"),  # "and"
    ("He was the son of the Rev. Jane Roe, a chaplain.", "Rev. Jane Roe", "Person"),  # a title opens it
    ("The stone was laid by the Duke of Fooshire in 1800.", "Duke of Fooshire", "Person"),  # a peer
    ("The monarchy of the Shah of Fooland fell.", "Shah of Fooland", "Person"),  # a style with "of"
    ("The Marquis Quux was sent to Fooville.", "Marquis Quux", "Person"),
    ("She married Jane Roe in 1900.", "Jane Roe", "Person"),  # no "the"
    ("She was the wife of the Jane Roe, fourth Duke of Foo.", "Jane Roe", "Person"),  # a peer's title after a comma
])
def test_a_person_shaped_name_after_the_ending_its_phrase_is_no_person(text, name, want):
    start = text.index(name)
    m = Mention(name, name, False, frozenset({"Person"}), start=start, end=start + len(name), strength=3)
    assert the_names([m], text)[0].types == (frozenset({want}) if want else frozenset())


def test_a_piped_link_to_a_person_stays_a_person():
    """"the [[Jane Roe|Roe Family]]," names a thing of the person's; the link's title is the person."""
    text = "The land belonged to the Roe Family, who sold it."
    m = Mention("Roe Family", "Jane Roe", True, frozenset({"Person"}), start=25, end=35, strength=2)
    assert the_names([m], text)[0].types == {"Person"}


def test_a_name_typed_more_strongly_stays_a_person():
    """A person by a table, an infobox or a title's qualifier (known.STRONG) is left alone."""
    text = "She worked for the Jane Cross in a hospital."
    m = Mention("Jane Cross", "Jane Cross", True, frozenset({"Person"}), start=19, end=29, strength=4)
    assert the_names([m], text)[0].types == {"Person"}
