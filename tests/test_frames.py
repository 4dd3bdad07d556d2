"""Tests for wikikg.extract.frames: a bare link typed by a frame that only an organisation fills."""
from __future__ import annotations

import pytest

from wikikg.extract.frames import frame_types


def _types(sentence: str, title: str | None = None) -> frozenset[str]:
    start = sentence.index("[[")
    end = sentence.index("]]") - 2
    text = sentence.replace("[[", "").replace("]]", "")
    shown = text[start:end]
    return frame_types(title or shown, text, start, end)


@pytest.mark.parametrize("sentence", [
    "In 1999 she joined [[Foo]] as a partner.", "He worked for [[Bar]] until 2004.",
    "The station is a member of [[Baz]].", "She serves on the board of [[Bar]] and is a trustee.",
    "He signed for [[Foo]] in 2010.", "The bank was a founding member of the [[Baz]], Bar and Qux.",
    "She was the leader of the [[Foo]] until 1990.", "He is the Secretary General of the [[Bar]].",
    "She left in 2017 to join [[Foo]] for the election.", "He played for the [[Bar]] in 1990.",
    "In 1959 Bar Engines merged with [[Foo]] to form Baz.", "It was forced to merge with [[Qux]], [[Quux]] and Bar.",
])
def test_an_organisations_frame_types_a_bare_link(sentence):
    assert _types(sentence) == {"Organization"}


@pytest.mark.parametrize("sentence", [
    "It became a subsidiary of [[Qux]] in 2001.", "The firm was acquired by [[Foo]] in 2004 for $1 billion.",
    "The hotel was owned by the [[Foo Railway]], and later by Bar.", "In 2013 Foo took over Bar's stake in [[Baz]].",
])
def test_a_business_frame_types_a_bare_link_as_a_company(sentence):
    assert _types(sentence) == {"Company"}


@pytest.mark.parametrize("sentence, title", [
    ("He was a member of the [[Foo]] family.", None),  # a modifier of a common noun
    ("No member of the [[Foo]] or Bar families should be involved.", None),
    ("It is home to members of the [[Foo]], Bar and Baz communities.", None),
    ("It joined the [[Foo States of Bar]].", None),  # a polity
    ("The moth is a member of [[Fooidae]].", None),  # a taxon
    ("She became a member of [[Fooism]] in 1990.", None),  # a creed, an idea
    ("He was a member of [[Anglican]] in 1990.", None),  # a creed's adherents' word alone
    ("The company was acquired by [[J. S. Roe]] in 1928.", None),  # a person's initials
    ("He joined the [[Foo]] in 1914.", "Foo (film)"),  # a qualified title: its qualifier decides
    ("He joined the [[Battle of Foo]].", None),  # an event
    ("The road (co-signed with [[Foo 20]]) runs east.", None),  # not the frame's word
    ("She founded [[Fooville]] in 1850.", None),  # "founded" admits a place
])
def test_no_type_where_the_frame_admits_more_or_the_link_names_no_body(sentence, title):
    assert _types(sentence, title) == frozenset()


def test_a_census_list_of_creeds_takes_no_body_class_from_its_churches():
    """pairs.strongly_listed: "[[Anglican]], [[Uniting Church in Foo|Uniting]], [[Church of Bar]] and [[Islam]]": the two
    churches' class words type no creed listed beside them."""
    from wikikg.extract.pairs import strongly_listed
    from wikikg.model import Mention

    text = "Anglican, Uniting, Church of Bar and Islam"
    found = [Mention("Anglican", "Anglican", True, frozenset(), start=0, end=8),
             Mention("Uniting", "Uniting Church in Foo", True, frozenset({"Organization"}), start=10, end=17, strength=3),
             Mention("Church of Bar", "Church of Bar", True, frozenset({"Organization"}), start=19, end=32, strength=3),
             Mention("Islam", "Islam", True, frozenset(), start=37, end=42)]
    assert [m.types for m in strongly_listed(found, text)][::3] == [frozenset(), frozenset()]
