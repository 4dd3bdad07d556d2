"""Tests for wikikg.extract.coordination: classes by the company a linked name keeps in a list."""
from __future__ import annotations

import re

import pytest

from wikikg.extract.coordination import coordinated
from wikikg.model import Mention

PERSON, PLACE = frozenset({"Person"}), frozenset({"Place"})

# (sentence with [[links]], the class of each link before: "P" person, "L" place, "-" untyped;
#  the classes expected after, same letters)
CASES = [
    ("[[Jane Roe]], [[John Doe]], [[Fyodor Quux]] and [[Sam Sample]]", "PP-P", "PPPP"),
    ("[[Jane Roe]], [[John Doe]], [[Fyodor Quux]] and [[Anarchism in Fooland]]", "PP--", "PPP-"),  # a concept
    ("[[Jane Roe]], [[John Doe]] and [[The Foo Boys]]", "PP-", "PP-"),  # a band's "The ..."
    ("[[Jane Roe]], [[John Doe]] and [[Foo Roe's Fables]]", "PP-", "PP-"),  # a work
    ("[[Fooland]], [[Barland]], [[Gulf of Quux]] and [[Battle of Baz]]", "LL--", "LLL-"),  # an event
    ("[[Jane Roe]], [[Fooland]] and [[Quux Corp]]", "PL-", "PL-"),  # the typed ones disagree
    ("[[Jane Roe]], [[Sam Sample]], [[Fyodor Quux]] and [[Abe Quuz]]", "P---", "P---"),  # one typed of four
    ("[[Jane Roe]] and [[Fyodor Quux]]", "P-", "P-"),  # two names are no list
    ("[[Jane Roe]], [[John Doe]] met [[Fyodor Quux]]", "PP-", "PP-"),  # a verb between: no list
]
_TYPES = {"P": PERSON, "L": PLACE, "-": frozenset()}


def _mentions(text: str, classes: str) -> list[Mention]:
    out = []
    for m, c in zip(re.finditer(r"\[\[([^\]]+)\]\]", text), classes, strict=True):
        out.append(Mention(m.group(1), m.group(1), True, _TYPES[c], start=m.start(), end=m.end(), strength=2 if c != "-" else 0))
    return out


@pytest.mark.parametrize("text,before,after", CASES)
def test_an_untyped_linked_name_takes_the_class_of_the_names_it_is_listed_with(text, before, after):
    got = coordinated(_mentions(text, before), text)
    letters = "".join("P" if "Person" in m.types else "L" if "Place" in m.types else "-" for m in got)
    assert letters == after


@pytest.mark.parametrize("sentence,names", [
    ("It oversees the Ministry of Agriculture, Forestry and Water Management.",
     ["Ministry of Agriculture, Forestry and Water Management"]),
    ("The Department of Budget, Accounting and Statistics reports to the Ministry of Finance, Jane Roe and John Doe.",
     ["Department of Budget, Accounting and Statistics", "Ministry of Finance", "Jane Roe", "John Doe"]),
])
def test_a_body_named_for_listed_fields_is_one_name(sentence, names):
    """fields_listed: the fields after a body's "of" that nothing else names are its name's."""
    from wikikg.extract.context import article_context
    from wikikg.extract.mentions import find_mentions
    from wikikg.model import Article
    from wikikg.pipeline.stages import parse_article, subject_of

    p = parse_article(Article("Fooland Government", "'''Fooland Government''' is a government. " + sentence, "-"))
    found = [m.text for m in find_mentions(p.sentences[1], article_context(p, subject_of(p)))]
    assert [n for n in found if n not in ("It",)] == names
