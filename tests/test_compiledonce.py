"""Tests that the tests and prefixes written to spare a fresh process its compiles answer as the patterns they replace."""
from __future__ import annotations

import re

import pytest

from wikikg.extract.unitnames import unit_spans
from wikikg.extract.venues import _head_starts
from wikikg.kb.names import name_tables
from wikikg.model import Link

NAMES = ["Faculty of Law", "The Faculty of Law", "Faculty of", "The Faculty ofLaw", "Foo Faculty of Law",
         "School of Arts", "The School of Arts Hall", "Graduate School of Business", "the School of Arts", "Foo Hall"]


@pytest.mark.parametrize("cls", sorted(name_tables().shape))
def test_head_starts_are_the_patterns(cls):
    heads = name_tables().shape[cls].head
    names = NAMES + [f"{h} Foo" for h in heads] + [f"The {h} Foo" for h in heads] + [f"The {h}Foo" for h in heads]
    for name in names:
        expected = any(re.match(rf"(?:The )?{re.escape(h)} ", name) for h in heads)
        assert name.startswith(_head_starts(cls)) == expected, name


def test_unit_spans_without_a_head_are_the_spans():
    spans = [(0, 3), (8, 11)]
    assert list(unit_spans(spans, "Foo and Bar", [], lambda k: False)) == spans


def test_unit_spans_carry_a_faculty_into_its_field():
    text = "Faculty of Civil engineering and Urban planning"
    links = [Link("Civil engineering", "Civil engineering", 11, 28), Link("Urban planning", "Urban planning", 33, 47)]
    assert list(unit_spans([(0, 16)], text, links, lambda k: False)) == [(0, 47)]


def test_slot_after_a_conjunct_by_position_is_the_slice():
    from wikikg.extract.factdates import _SLOT_NEXT

    text = "and the ⟦1⟧ and ⟦2⟧ the  ⟦3⟧"
    for a in range(len(text) + 1):
        for b in range(len(text) + 1):
            assert bool(_SLOT_NEXT.match(text, a, b)) == bool(re.match(r"(?:the\s+)?⟦", text[a:b])), (a, b)
