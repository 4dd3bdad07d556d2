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


def test_the_names_test_skips_only_mentions_no_fix_applies_to():
    import pickle

    from wikikg.model import Evidence, Statement
    from wikikg.resolve.merge import Tables, _fixed, resolved

    m, other = _full(), Mention("Beta", "Beta", False, frozenset(), start=10, end=14)
    to = replace(other, key="Beta Inc", text="Beta Inc", start=-1, end=-1)
    t = Tables({_bare(other): to}, {}, {})
    assert t.fixed_names == {("Beta", False, "Beta")}
    st = Statement(m, "partneredWith", other, "r", Evidence("s", "", 0, 20), attributed_to=other)
    assert _fixed(st, t.fixes, t.fixed_names) == _fixed(st, t.fixes)
    assert _fixed(st, t.fixes, frozenset()) is st  # no name of a fix: not looked up
    same_name = replace(other, types=frozenset({"Company"}))  # same key and text, another mention: no fix
    st2 = replace(st, obj=same_name, attributed_to=None)
    assert _fixed(st2, t.fixes, t.fixed_names) is st2 and _fixed(st2, t.fixes) is st2
    assert pickle.loads(pickle.dumps(t)).fixed_names == t.fixed_names  # sent to a pool's workers

    class R:
        subject, statements = m, (st, st2)

    assert resolved(R, t) == resolved(R, Tables(dict(t.fixes), {}, {}))
