"""A piped link that shows a body's common noun for the body its target names: "the [[Bar University|university]]"."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from wikikg.extract.classify import is_concept_title, name_types, split_title
from wikikg.extract.nonentities import is_event, names_no_entity
from wikikg.kb.names import name_tables
from wikikg.kb.vocabulary import org_classes

__all__ = ["names_a_body"]

_CONNECTORS = frozenset({"of", "the", "and", "for", "de", "du", "des", "del", "la", "le", "y", "da", "do",
                         "di", "von", "van", "der", "et", "und", "&"})
_PLURAL_FIRST = re.compile(r"[A-Z][a-z]+s\s+(?:of|in)\s")  # "Colleges of the University of Foo": a list's topic


@cache
def _nouns() -> frozenset[str]:
    return frozenset(name_tables().shown_nouns)


@lru_cache(maxsize=8192)
def names_a_body(target: str, shown: str) -> bool:
    """Whether a link that shows a common noun ("the [[Bar University|university]]", "the [[Foo State
    Legislature|state legislature]]") still names an entity: its last word is a body's noun (names.toml [frames]
    shown) that its target's title holds too, and that title is a proper name (capitalised words and connectors)
    that its own class words make an organisation's, no event's, honour's or idea's, no list's topic."""
    noun = shown.split()[-1] if shown.split() else ""
    label, _ = split_title(target)
    words = label.split()
    if noun not in _nouns() or not any(w.casefold().startswith(noun) for w in words):
        return False
    if len(words) < 2 or not all(w[:1].isupper() or w[:1].isdigit() or w in _CONNECTORS for w in words):
        return False
    if names_no_entity(label) or is_event(label) or is_concept_title(label) or _PLURAL_FIRST.match(label):
        return False
    return bool(name_types(label) & org_classes())
