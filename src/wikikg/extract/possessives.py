"""Possessives and "on" inside one name: "Shipowners' Association", "People's Liberation", "Council on Foo"."""
from __future__ import annotations

import re
from functools import cache

from wikikg.kb.names import name_tables


@cache
def _possessives() -> tuple[frozenset[str], frozenset[str]]:
    """Irregular possessives and the heads after a plural's possessive (names.toml [possessive])."""
    t = name_tables()
    return frozenset(t.possessive_irregular), frozenset(t.possessive_heads)


@cache
def on_heads() -> frozenset[str]:
    """Heads a name goes on past "on" with ("Council on Foo Relations"): names.toml [on_names]."""
    return frozenset(name_tables().on_heads)


_MENS = re.compile(r"men['’]s$")  # "Workmen's", "Women's": an irregular plural's possessive


def name_possessive(tok: str, after: str) -> bool:
    """Whether a possessive goes on into the next word of one name (names.toml [possessive]):
    "Shipowners' Association", "People's Liberation", "Workmen's Circle"; not "Google's Android"."""
    irregular, heads = _possessives()
    if tok in irregular or _MENS.search(tok):
        return after[:1].isupper()
    return tok[-2:] in ("s'", "s’") and after in heads


_PLURAL_TAIL = re.compile(r"s['’](?=\s+[^\s'’])")


def plural_possessive(sentence: str, start: int, end: int) -> int | None:
    """Where a name ends before the plural's possessive apostrophe that ends or follows its mention ("Globex
    Hotels' subsidiary", "[[Foo Ventures]]' Jane Roe"), or None; not a name in single quotes ("'Foo Hotels' is")."""
    if sentence[start - 1:start] in ("'", "’"):
        return None
    for stop in (end - 1, end):  # the apostrophe inside the mention's span, or right after it
        if _PLURAL_TAIL.match(sentence, stop - 1) and stop > start + 1:
            return stop
    return None


@cache
def _denomination() -> re.Pattern:
    whole = name_tables().shape["Organization"].whole
    return re.compile("|".join(whole) if whole else "(?!)")


_FIELD_HALL = re.compile(r"[A-Z][\w-]* Hall of Fame")  # "Boxing Hall of Fame": a field's word alone before it


def church_after_possessive(text: str, start: int, name: str) -> bool:
    """Whether a denomination's church by its adjective alone stands right after a possessive ("St Foo's Episcopal
    Church"), or a hall of fame by one field's word alone ("Foo Garden's Boxing Hall of Fame", "Barshire's Sports Hall of
    Fame"): a parish's, a building's or an owner's hall's name cut short, not the denomination nor the field's hall."""
    return text[max(0, start - 3):start] in ("'s ", "’s ") \
        and bool(_denomination().fullmatch(name) or _FIELD_HALL.fullmatch(name))
