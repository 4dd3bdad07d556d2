"""resolve/merge.py builds Mentions field by field (no dataclasses.replace): it must name every field."""
from __future__ import annotations

from dataclasses import fields, replace

from wikikg.model import Mention
from wikikg.resolve.merge import _bare, _fix


def _full() -> Mention:
    return Mention("Acme", "Acme Corp", True, frozenset({"Company"}), frozenset({"ACME"}), 3, 7, True, 3)


def test_mention_fields_are_the_ones_merge_copies():
    assert [f.name for f in fields(Mention)] == ["text", "key", "linked", "types", "aliases", "start", "end",
                                                "authority", "strength"]


def test_bare_and_fix_copy_every_field():
    m = _full()
    assert _bare(m) == replace(m, start=-1, end=-1)
    to = replace(m, key="Other", text="Other", start=-1, end=-1, authority=False, strength=4)
    assert _fix(m, {_bare(m): to}) == replace(to, start=3, end=7)
    assert _fix(m, {}) is m


def test_a_statement_is_fixed_only_where_a_fix_applies():
    from wikikg.model import Evidence, Statement
    from wikikg.resolve.merge import _fixed

    m, other = _full(), Mention("Beta", "Beta", False, frozenset(), start=10, end=14)
    st = Statement(m, "partneredWith", other, "r", Evidence("s", "", 0, 20), attributed_to=other)
    assert _fixed(st, {}) is st
    to = replace(other, key="Beta Inc", text="Beta Inc", start=-1, end=-1)
    fixed = _fixed(st, {_bare(other): to})
    assert fixed == replace(st, obj=replace(to, start=10, end=14), attributed_to=replace(to, start=10, end=14))
    assert fixed.subject is m
