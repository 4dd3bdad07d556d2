"""Tests for wikikg.extract.retype: statements with their mentions retyped by one function."""
from __future__ import annotations

from dataclasses import replace

from wikikg.extract.retype import mentions_of, retyped
from wikikg.model import Evidence, Mention, Statement

_A = Mention("Foo Corp", "Foo Corp", True, frozenset({"Company"}))
_B = Mention("Bar Institute", "Bar Institute", True, frozenset({"Organization"}))
_EVIDENCE = Evidence("Foo Corp is part of Bar Institute.", "", 0, 34)


def test_mentions_of_a_statement_are_its_subject_and_its_mention_object():
    assert mentions_of(Statement(_A, "subsidiaryOf", _B, "r", _EVIDENCE)) == (_A, _B)
    assert mentions_of(Statement(_A, "website", "https://foo.example", "r", _EVIDENCE)) == (_A,)


def test_retyped_changes_both_ends_and_keeps_a_statement_it_leaves_alone():
    st = Statement(_A, "subsidiaryOf", _B, "r", _EVIDENCE)
    other = Statement(_B, "website", "https://bar.example", "r", _EVIDENCE)
    out = retyped([st, other], lambda m: replace(m, types=frozenset({"Place"})) if m.key == "Foo Corp" else m)
    assert out[0].subject.types == {"Place"} and out[0].obj is _B
    assert out[1] is other
