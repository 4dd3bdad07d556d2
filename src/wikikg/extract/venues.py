"""Venues and buildings by their last word ("Foo Theatre", "Bar Field"), and where that word names none ("Jane Field")."""
from __future__ import annotations

import re
from functools import cache

from wikikg.kb.names import name_tables
from wikikg.kb.places import is_state


def no_venue(name: str, cls: str) -> bool:
    """Whether a name that ends in a venue's or a building's word (names.toml `venues`, `surnames`) names none: the word
    alone or after "of" or "for" ("Foo Theatre of Operations", "Curator of the Foo House"), or a word that is also a surname
    ("Field", "Hall") after a known given name (initials aside) or a person's name: "Jane Field", "Jane Roe Field" (a
    justice's or a ground's name) may be people; "Fooville Field", "Foo Hall" are a ground and a building."""
    spec = name_tables().shape[cls]
    venue = next((w for w in spec.venues + spec.surnames if name.endswith(w)), None)
    if venue is None or any(name.endswith(w) and len(w) > len(venue) for w in spec.suffix + spec.first) \
            or name.startswith(_head_starts(cls)):
        return False  # "Foo National Park", "Electoral district of Foo Park": other words of the class say it
    words = name[:-len(venue)].split()
    if words[:1] == ["The"]:
        words = words[1:]  # "The Hotel": the kind alone
    if not words or " of " in name or " for " in name or words[-1] in ("of", "the", "for"):
        return True
    if venue not in spec.surnames:
        return False
    if venue == "House" and is_state(" ".join(words)) or all(w in name_tables().stop.titles for w in words):
        return True  # "the Freedonia House" (its legislature's), "Captain Hall" (a person)
    from wikikg.extract.people import is_given_name, is_personal_name  # (people.py types names by this module's shapes)
    given = [w for w in words if not _INITIAL.fullmatch(w)]  # "G. Jane Hall", "Jane Q. Hall"; "Min-jun Park"
    return not given or len(given) == 1 and (is_given_name(given[0]) or _SPLIT_GIVEN.fullmatch(given[0]) is not None) \
        or is_personal_name(" ".join(words))


@cache
def _head_starts(cls: str) -> tuple[str, ...]:
    """A class's first words (names.toml `head`) with the space after them, bare or after "The ": what a name opens with."""
    return tuple(f"{the}{h} " for h in name_tables().shape[cls].head for the in ("", "The "))


_INITIAL = re.compile(r"[A-Z]\.")
_SPLIT_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")  # a two-syllable given name, romanised with a hyphen


def venue_end(name: str) -> bool:
    """Whether a name ends in a venue's or a building's word of names.toml ("Foo Hall", "Bar Theatre")."""
    return any(name.endswith(w) for spec in name_tables().shape.values() for w in spec.venues + spec.surnames)
