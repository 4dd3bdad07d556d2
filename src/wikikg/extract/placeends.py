"""A person-shaped name that ends in a word places share ("Foo Hall", "Bar Hill"): a place where the words around say so."""
# The name parser reads "Jane Park", "Fooley Hill" and "Barton House" as people's names (a given name and a
# surname), and they may be: "John Hill", "Edward Q. House". English says which by the words around the name: no
# one's name takes "the" ("in the Foo Albert Hall"; but "the Jane Hall character" is the person's: a noun follows that
# the name modifies), a place follows a locative preposition ("a concert at Foo Park", "born in Bar Hill"), and a
# place's name is followed by its town's or region's ("Foo House, Barshire"). Only a name
# typed a person by its shape alone (known.PLACE at most), never one whose possessive follows ("at Jane Hall's
# wedding": the person).
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from wikikg.extract.known import PLACE, SHAPE
from wikikg.extract.pairs import LIST_JOIN
from wikikg.kb.names import name_tables
from wikikg.kb.places import places
from wikikg.model import Mention

_PERSON = frozenset({"Person"})
_PLACE = frozenset({"Place"})
_AFTER_NAME = re.compile(r"['’]s?\b|\s+[A-Z0-9]")  # a possessive ("Foo Hall's"), or the name goes on past the link
_COMMA_PLACE = re.compile(r",\s+(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})(?=\s*(?:[,;:.)]|$|\s+[a-z(]))")


def place_ends(found: list[Mention], text: str) -> list[Mention]:
    """`found` with each name typed a person by its shape alone that ends in a word places share (names.toml
    [person_names] place_ends) retyped a place where "the" comes right before it or its town follows after a comma
    (as strongly as a name's shape: known.SHAPE), or a locative preposition or a place's noun and "of" right before it
    (known.PLACE)."""
    if not found:
        return found
    out, listed = list(found), False  # listed: a name left that _among_places may retype
    for i, m in enumerate(out):
        if m.types != _PERSON or m.strength > PLACE or not shared_end(m.text):
            continue
        if m.start >= 0 and not _AFTER_NAME.match(text, m.end) and (strength := _place_evidence(text, m.start, m.end)):
            out[i] = replace(m, types=_PLACE, strength=strength)
        else:
            listed = True
    return _among_places(out, text) if listed else out


def _among_places(out: list[Mention], text: str) -> list[Mention]:
    """"Bramhall and Foo Grove", "Foo Village, Jane Hill, Bar Point": such a name listed (by commas and "and") with a
    place and no other class is one too (known.PLACE)."""
    run: list[int] = []
    for i in range(len(out) + 1):
        if i < len(out) and run and LIST_JOIN.fullmatch(text, out[run[-1]].end, out[i].start):
            run.append(i)
            continue
        shared = [k for k in run if out[k].types == _PERSON and out[k].strength <= PLACE and shared_end(out[k].text)
                  and not _AFTER_NAME.match(text, out[k].end)]
        others = {out[k].types for k in run if out[k].types and k not in shared}
        if shared and others == {_PLACE}:
            for k in shared:
                out[k] = replace(out[k], types=_PLACE, strength=PLACE)
        run = [i] if i < len(out) else []
    return out


def shared_end(name: str) -> bool:
    """Whether a name of two words or more ends in a word places' names and surnames share."""
    words = name.split()
    return len(words) >= 2 and words[-1] in _ends()


def _place_evidence(text: str, start: int, end: int) -> int:
    """How strongly the words around text[start:end] make it a place: known.SHAPE, known.PLACE or 0."""
    before = text[max(0, start - 24):start]
    if THE_BEFORE.search(before):
        return 0 if _person_noun().match(text, end) else SHAPE  # "the Jane Hall character": the person
    if (c := _COMMA_PLACE.match(text, end)) is not None and c["place"] in places():
        return SHAPE
    if (p := _before().search(before)) is not None and (p["verb"] or "").lower() not in _AIMING:
        return PLACE
    if _of().search(text, max(0, start - 40), start):
        return PLACE  # "the village of Foo Hill", "south of Bar Lake"
    return 0


THE_BEFORE = re.compile(r"(?<![\w-])[Tt]he\s+$")  # "the" right before a name
# Verbs that aim "at" someone ("shot at Jane Hall", "laughed at John Hill"): no place after them
_AIMING = frozenset({"shot", "shoots", "shooting", "aimed", "aiming", "laughed", "laughing", "looked", "looking",
                     "stared", "staring", "glared", "yelled", "shouted", "swung", "pointed", "smiled", "jabbed",
                     "lashed", "hurled", "threw", "thrown", "directed", "poked", "swiped", "snapped", "fired"})


@cache
def _before() -> re.Pattern:
    """A locative preposition right before a name, with the word before it."""
    words = "|".join(map(re.escape, name_tables().place_before))
    return re.compile(rf"(?:(?<![\w-])(?P<verb>[A-Za-z]+)\s+)?(?<![\w-])(?i:{words})\s+$")


@cache
def _of() -> re.Pattern:
    """A noun or a direction that "of" and a place follow, right before a name."""
    words = "|".join(map(re.escape, name_tables().place_of))
    return re.compile(rf"(?<![\w-])(?i:{words})\s+of\s+$")


@cache
def _person_noun() -> re.Pattern:
    """A common noun a person's name modifies right after a name ("the Jane Hall character", "the John Hill song")."""
    words = "|".join(map(re.escape, name_tables().person_nouns))
    return re.compile(rf"\s+(?:{words})\b")


@cache
def _ends() -> frozenset[str]:
    return frozenset(name_tables().place_ends)
