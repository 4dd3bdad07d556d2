"""Tests for wikikg.extract.landforms: "Mount Foo" and "Lake Bar" are places as links, not by their shape unlinked."""
from __future__ import annotations

import pytest

from wikikg.extract.context import article_context
from wikikg.extract.mentions import find_mentions
from wikikg.model import Article
from wikikg.pipeline.stages import parse_article, subject_of


@pytest.mark.parametrize("text,name,want", [
    ("The station stands on [[Mount Quuxley]] near the coast.", "Mount Quuxley", {"Place"}),  # a link
    ("The camp used boats at [[Lake Quuxley]] that summer.", "Lake Quuxley", {"Place"}),
    ("His second stint at Mount Quuxley was short.", "Mount Quuxley", set()),  # a club's short name as often
    ("She led the Lake Quuxley soccer team to a title.", "Lake Quuxley", set()),
    ("He lived on Lake Road in Fooville.", "Lake Road", {"Place"}),  # a road's name: its own shape
])
def test_a_landform_named_kind_first_is_a_place_as_a_link(text, name, want):
    parsed = parse_article(Article("Foo Station", f"'''Foo Station''' is a radio station. {text}", "-"))
    ctx = article_context(parsed, subject_of(parsed))
    sentence = next(s for s in parsed.sentences if name in s.text)
    found = {m.text: m.types for m in find_mentions(sentence, ctx)}
    assert found.get(name, set()) == want
