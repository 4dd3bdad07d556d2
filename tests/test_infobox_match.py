"""Tests for wikikg.extract.infobox._match: remembered answers are the mappings' own, per kind."""
from __future__ import annotations

from pathlib import Path

from wikikg.extract.infobox import _first_match, _match, _tables
from wikikg.model import Article
from wikikg.parse import parse_article
from wikikg.read.files import title_from_path

ROOT = Path(__file__).resolve().parents[1]
FILES = [ROOT / "seeds" / "sensetime.wikitext", *sorted((ROOT / "tests" / "heldout").glob("*.wikitext")),
         *sorted((ROOT / "tests" / "blind" / "dev").glob("*.wikitext"))[:20]]


def _names() -> list[str]:
    """Parameter names of real infoboxes and of every mapping (numbered ones with and without a number)."""
    names = {f.name for p in FILES for box in parse_article(Article(title_from_path(p), p.read_text("utf-8"))).infoboxes
             for f in box.fields}
    for _cls, maps in _tables()[0].values():
        for m, _patterns in maps:
            names.update(p.replace("{n}", n) for p in m.params for n in ("", "2", "13"))
    return sorted(names) + ["no_such_parameter", "name"]


def test_remembered_answers_are_the_mappings_own_for_every_kind():
    names = _names()
    kinds = list(dict.fromkeys(maps for _cls, maps in _tables()[0].values())) + [()]
    differ = 0
    for _ in range(2):  # asked again: the remembered answer
        for maps in kinds:
            for name in names:
                assert _match(maps, name) == _first_match(maps, name), name
    for name in names:  # the same name means different things in different kinds: the memory is per kind
        differ += len({_first_match(maps, name)[0] for maps in kinds}) > 1
    assert differ > 10


def test_a_fresh_mapping_tuple_is_not_answered_from_another():
    cls, maps = next(iter(_tables()[0].values()))
    copy = tuple(maps)  # equal but not the same object: remembered apart
    name = next(p for m, _ in maps for p in m.params if "{n}" not in p)
    assert _match(maps, name)[0] is not None
    assert _match(copy, name) == _match(maps, name)
    assert _match((), name) == (None, "")
