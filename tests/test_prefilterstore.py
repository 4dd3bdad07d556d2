"""kb/prefilterstore.py: the prefilter's answers about a pattern, read back from the disk, are the ones it makes."""
from __future__ import annotations

import re

from wikikg.kb import firstchars, prefilter, prefilterstore
from wikikg.kb.rules import relation_rules

FUNCTIONS = (prefilter.required, prefilter.required_all, prefilter.phrases, prefilter.leads, firstchars.first_chars)


def _patterns() -> list[re.Pattern]:
    out = [re.compile(r"\bfounded (?:in|by)\s+⟦", re.I), re.compile(r"(?:Foo|Bar) Corp\b"), re.compile("(?!)")]
    for r in relation_rules():
        out += [p for p in (r.trigger, r.requires, r.coordinate) if p is not None]
    return out


def test_stored_answers_are_the_prefilters_own(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(prefilterstore, "_answers", None)
    patterns = _patterns()
    made = [[fn(p) for p in patterns] for fn in FUNCTIONS]  # none in the empty cache: each made
    prefilterstore.save()
    assert list((tmp_path / "wikikg").glob("prefilter-*.json"))
    read = [[fn(p) for p in patterns] for fn in FUNCTIONS]  # each read back from the file
    assert read == made == [[fn.__wrapped__(p) for p in patterns] for fn in FUNCTIONS]
    assert all(fn.__name__ in prefilterstore._answers for fn in FUNCTIONS)
    prefilterstore.save()


def test_the_file_is_read_not_the_pattern(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(prefilterstore, "_answers", None)
    foo = re.compile(r"\bFoo Holdings\b", re.I)
    assert prefilter.required(foo) == ("foo holdings",)
    prefilterstore.save()
    prefilterstore._table("required")[f"{foo.flags}\t{foo.pattern}"] = ["stored"]  # as if another process wrote it
    assert prefilter.required(foo) == ("stored",)
    monkeypatch.setattr(prefilterstore, "_answers", None)


def test_an_unwritable_cache_is_no_error(tmp_path, monkeypatch):
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    monkeypatch.setattr(prefilterstore, "_answers", None)
    assert prefilter.leads(re.compile(r"degree from")) == ("degree from",)
    prefilterstore.save()
    assert prefilterstore._answers is None
