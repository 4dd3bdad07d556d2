"""kb/compiledstore.py: a pattern made from the code stored on disk is the one the regex compiler makes."""
from __future__ import annotations

import re
from re import _compiler

import pytest

from wikikg.kb import compiledstore
from wikikg.kb.compiledstore import compiled_from_disk
from wikikg.kb.firstchars import skipping
from wikikg.kb.rules import relation_rules

MADE_UP = [
    (r"\bfounded (?:in|by)\s+⟦", re.I), (r"(?P<who>Jane|John) (?P<last>Roe)\b", 0), (r"(?i)foo corp", 0),
    (r"(?<=⟧)\s+(?:was|is)\s+(?x: a \s+ firm )", re.I | re.M), (r"(?:Foo|Bar){2,5}+(?!x)", re.S), ("(?!)", 0),
    (r"ſtraße|\u212a", re.I), (r"(a)(?:b)(?P<c>c)\1", re.A),
]


def _rule_patterns() -> list[tuple[str, int]]:
    """Each relation rule's patterns and its trigger's first-character wrapper (kb/firstchars.py)."""
    out = []
    for r in relation_rules():
        out += [(p.pattern, p.flags) for p in (r.trigger, r.requires, r.coordinate) if p is not None]
        if (wrapper := skipping(r.trigger)) is not None:
            out.append((wrapper.pattern, wrapper.flags))
    return out


def _same(a: re.Pattern, b: re.Pattern) -> bool:
    """Equal patterns (text, flags and code: Pattern.__eq__) with the same groups."""
    return a == b and a.groups == b.groups and dict(a.groupindex) == dict(b.groupindex)


@pytest.mark.skipif(compiledstore._ORIGINAL is None, reason="no re._compiler of this shape")
def test_stored_code_makes_the_compilers_patterns(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    patterns = MADE_UP + _rule_patterns()
    own = [compiledstore._ORIGINAL(p, f) for p, f in patterns]
    with compiled_from_disk():  # none in the empty cache: each compiled, then written
        made = [_compiler.compile(p, f) for p, f in patterns]
    assert list((tmp_path / "wikikg").glob("sre-*.marshal"))
    with compiled_from_disk():  # each made from the file
        read = [_compiler.compile(p, f) for p, f in patterns]
    assert _compiler.compile is compiledstore._ORIGINAL
    assert all(_same(a, b) and _same(a, c) for a, b, c in zip(own, made, read, strict=True))
    assert read[1].match("Jane Roe").group("last") == "Roe" and read[2].flags & re.I


def test_re_compile_goes_through_it_and_errors_stay_errors(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls = []
    with compiled_from_disk():
        monkeypatch.setattr(compiledstore, "_parts", lambda p, f, parts=compiledstore._parts: calls.append(p) or parts(p, f))
        re.purge()
        assert re.compile(r"Foo (?P<x>Corp)").match("Foo Corp")["x"] == "Corp"
        with pytest.raises(re.error):
            re.compile(r"(?P<x>unclosed")
        assert re.compile(rb"bytes \d").match(b"bytes 1")  # a bytes pattern compiled as ever
    assert calls == [r"Foo (?P<x>Corp)", r"(?P<x>unclosed"]
    re.purge()


def test_a_broken_file_is_no_error(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    compiledstore._path().parent.mkdir(parents=True)
    compiledstore._path().write_bytes(b"\x00not marshal")
    with compiled_from_disk():
        assert _compiler.compile(r"Foo\s+Corp", 0) == compiledstore._ORIGINAL(r"Foo\s+Corp", 0)
    with compiled_from_disk():  # the file rewritten with the pattern
        assert _compiler.compile(r"Foo\s+Corp", 0) == compiledstore._ORIGINAL(r"Foo\s+Corp", 0)


def _stored() -> set[str]:
    """The patterns in the store's file."""
    return {p for _flags, p in compiledstore._read()}


def test_a_use_followed_by_another_hands_it_the_table(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    with compiled_from_disk(more=True):  # a command's imports: nothing written yet
        _compiler.compile(r"Foo\s+Corp", 0)
    assert not compiledstore._path().exists()
    with compiled_from_disk():  # preload: the file written with both uses' patterns
        _compiler.compile(r"Bar\s+Ltd", 0)
    assert _stored() == {r"Foo\s+Corp", r"Bar\s+Ltd"} and not compiledstore._HELD
    calls = []
    monkeypatch.setattr(compiledstore, "_parts", lambda p, f, parts=compiledstore._parts: calls.append(p) or parts(p, f))
    with compiled_from_disk(more=True):
        made = _compiler.compile(r"Foo\s+Corp", 0)
    with compiled_from_disk():
        _compiler.compile(r"Baz\s+Inc", 0)
    assert calls == [r"Baz\s+Inc"] and made == compiledstore._ORIGINAL(r"Foo\s+Corp", 0)
    assert _stored() == {r"Foo\s+Corp", r"Baz\s+Inc"}  # a pattern neither use made dropped


def test_a_held_table_of_another_file_is_not_taken(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "one"))
    with compiled_from_disk(more=True):
        _compiler.compile(r"Foo\s+Corp", 0)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "two"))
    with compiled_from_disk():
        _compiler.compile(r"Bar\s+Ltd", 0)
    assert _stored() == {r"Bar\s+Ltd"} and not compiledstore._HELD
