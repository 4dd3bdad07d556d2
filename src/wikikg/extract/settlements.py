"""Places by the company they keep: "[[Fooville]], [[Barshire]]" names a town in a district, "near [[Fooville]]" a town."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from wikikg.extract.known import PLACE
from wikikg.extract.nonentities import is_event, italic_title
from wikikg.kb.names import name_tables
from wikikg.kb.places import linked_towns, linked_villages, places, regions
from wikikg.model import Mention


def settled(found: list[Mention], text: str, italic: tuple[tuple[int, int], ...] = ()) -> list[Mention]:
    """An untyped linked name right before a comma and a region is a place ("[[Fooville]], [[Barshire]]",
    "[[Bazton]], [[East Quux]]"), down a chain of them ("[[A]], [[B]], [[Barshire]]"); before a country or a
    city it may be an organisation ("graduated from [[Foo Tech]], [[Freedonia]]"). A town's bare title
    (kb.places.linked_towns) or a village's (linked_villages) is a place after a preposition of place or before a
    comma or parenthesis and any place (`_town_company`), unless it is a whole ''italic'' run (`italic`: a work's or a
    taxon's title, "a double spread in ''[[Fooby]]''", "crops such as ''[[Fooby]]''"); any linked proper name is one
    after names.toml [place_names] links_after ("born in [[Bazton]]"). `found` in text order."""
    out = list(found)
    for i in range(len(out) - 1, -1, -1):
        m, n = out[i], (out[i + 1] if i + 1 < len(out) else None)
        if not m.linked or m.types or text.startswith(("'s", "’s", "-"), m.end):
            continue
        if n is not None and "Place" in n.types and text[m.end:n.start] == ", " \
                and (n.key in regions() or n.strength == PLACE and n.linked and n.key not in places()) \
                and not text.startswith(("'s", "’s", "-"), n.end):  # not "[[Foo]], [[China]]'s largest bank"
            out[i] = replace(m, types=frozenset({"Place"}), strength=PLACE)
        elif _town_company(m, n, text) and not italic_title(italic, text, m.start, m.end):  # "near [[Fooville]]"
            out[i] = replace(m, types=frozenset({"Place"}), strength=PLACE)
        elif _after_place_words().search(text, max(0, m.start - 20), m.start) and _proper(m.key):
            out[i] = replace(m, types=frozenset({"Place"}), strength=PLACE)  # "born in [[Bazton]]"
    return out


def _town_company(m: Mention, n: Mention | None, text: str) -> bool:
    """Whether a town's or a village's bare title (kb.places.linked_towns, linked_villages) stands in a place's company:
    after names.toml [place_names] towns_after (a village's: villages_after), or before a comma or a parenthesis and
    a place."""
    town = m.key in linked_towns()
    if not town and m.key not in linked_villages():
        return False
    if (_after_preposition() if town else _after_village_words()).search(text, max(0, m.start - 16), m.start):
        return True
    return n is not None and "Place" in n.types and text[m.end:n.start] in (", ", " (") \
        and not text.startswith(("'s", "’s", "-"), n.end)


_WORD = re.compile(r"[A-ZÀ-Þ0-9][\w'’.-]*|of|the|and|de|del|la|le|on|upon|am|an|im|sur")


def _proper(title: str) -> bool:
    """Whether a link's title is a proper name and no event: capitalised words and connectors, no qualifier."""
    return "(" not in title and all(_WORD.fullmatch(w) for w in title.split()) and not is_event(title)


@cache
def _after_preposition() -> re.Pattern:
    """names.toml [place_names] towns_after, right before a name."""
    return _before(name_tables().towns_after)


@cache
def _after_village_words() -> re.Pattern:
    """names.toml [place_names] villages_after, right before a name."""
    return _before(name_tables().villages_after)


@cache
def _after_place_words() -> re.Pattern:
    """names.toml [place_names] links_after, right before a name."""
    return _before(name_tables().links_after)


def _before(words_list: tuple[str, ...]) -> re.Pattern:
    words = "|".join(map(re.escape, words_list)) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{words}) $")
