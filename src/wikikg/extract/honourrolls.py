"""Honour rolls ("Foo Hall of Fame", "Foo Ring of Honor"): being "a member" of one is an honour, no membership."""
from __future__ import annotations

import re
from functools import cache

from wikikg.extract.classify import split_title
from wikikg.kb.names import name_tables
from wikikg.model import Mention, Statement

_JOINED = frozenset({"memberOf", "affiliatedWith"})


@cache
def _rolls() -> re.Pattern:
    return re.compile(name_tables().honour_rolls or "(?!)")


def honour_roll(m: object) -> bool:
    """Whether a mention names an honour roll (names.toml [membership] honours), by its words or its link's title."""
    return isinstance(m, Mention) and bool(_rolls().search(m.text) or _rolls().search(split_title(m.key)[0]))


def honour_heading(heading: str) -> bool:
    """Whether a heading names an honour roll ("=== Ring of Honor ==="): the dates of its list are inductions'."""
    return bool(_rolls().search(heading))


def without_honour_memberships(statements: list[Statement]) -> list[Statement]:
    """The statements less memberships and affiliations whose body is an honour roll ("elected to the Foo Sports
    Hall of Fame": an honour, not a membership)."""
    return [s for s in statements if not (s.predicate in _JOINED and honour_roll(s.obj))]
