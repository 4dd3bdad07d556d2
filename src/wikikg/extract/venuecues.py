"""Centres the text uses as places: "the concert was held at the [[Foo Centre]]", "launch site: [[Bar Space Center]]"."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from wikikg.extract.classify import split_title
from wikikg.extract.known import STRONG
from wikikg.extract.retype import mentions_of, retyped
from wikikg.kb.alternation import longest_first
from wikikg.kb.names import name_tables
from wikikg.model import Mention, Statement

_ORGANIZATION = frozenset({"Organization"})
_PLACE = frozenset({"Place"})


@cache
def _frame() -> re.Pattern:
    """An event's verb, then up to eight words and "at", "in" or "from", or a verb and its "at" (and "the") right before a
    name."""
    t = name_tables()
    verbs = longest_first(t.venue_verbs)
    at = longest_first(t.venue_at)
    return re.compile(rf"(?:\b(?:{verbs})\b(?:\s+[^\s.;:!?]+){{0,8}}?\s+(?:at|in|from)|\b(?:{at}))\s+(?:the\s+)?$")


@cache
def _field() -> re.Pattern:
    """An infobox field of where a thing is held or launched, as its evidence opens ("launch site: ")."""
    fields = longest_first(name_tables().venue_fields)
    return re.compile(rf"(?i:{fields}):\s")


@cache
def _head() -> re.Pattern:
    heads = "|".join(map(re.escape, name_tables().venue_heads)) or "(?!)"
    return re.compile(rf"\S\s+(?:{heads})(?:,\s+[^,]+)?$")


def _centre(m: Mention) -> bool:
    """A name typed an organisation by its centre's last word alone (names.toml [venue_frames] heads)."""
    return m.types == _ORGANIZATION and m.strength < STRONG and bool(_head().search(split_title(m.key)[0].strip()))


def _held_at(m: Mention, st: Statement) -> bool:
    if m.start < 0 or not _centre(m):
        return False
    text = st.evidence.plain or st.evidence.text
    field = _field().match(text)
    return field is not None and field.end() <= m.start or _frame().search(text, max(0, m.start - 120), m.start) is not None


def centres_as_places(statements: list[Statement]) -> list[Statement]:
    """Every statement, a centre typed a place where the article holds an event at it ("the final was held at the
    [[Foo Centre]]", "played their home games at the Bar Center", "launched from the Foo Space Center"), everywhere
    the article names it: a centre's name is a body's and a building's alike, and there the text means the building."""
    held = {m.key for st in statements for m in mentions_of(st) if _held_at(m, st)}
    if not held:
        return statements
    return retyped(statements, lambda m: replace(m, types=_PLACE) if m.key in held and _centre(m) else m)
