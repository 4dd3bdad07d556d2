"""People by what they made: "painted by [[Jane Roe]]", "a novel by [[John Doe]]" (names.toml [person_names])."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from wikikg.extract.classify import name_types, split_title
from wikikg.extract.known import CONTEXT
from wikikg.extract.nonentities import is_event
from wikikg.extract.people import PARTICLES, is_given_name
from wikikg.kb.names import name_tables, stop_names
from wikikg.model import Mention

_PERSON = frozenset({"Person"})


@cache
def _made_by() -> re.Pattern:
    """One of names.toml [person_names] makers_by, then "by", right before a name."""
    words = "|".join(map(re.escape, name_tables().makers_by)) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{words})\s+by\s+$", re.I)


def by_makers(found: list[Mention], text: str) -> list[Mention]:
    """A linked name nothing types, right after a maker's participle or work and "by" ("painted by", "a novel by"), is
    a person's when its title reads as a personal name to the given-name lexicon alone (people.py asks the name
    parser too: "Henry Ford" is a firm to it). `found` in text order."""
    if " by " not in text:
        return found
    out = list(found)
    for i, m in enumerate(out):
        if m.linked and not m.types and _made_by().search(text, max(0, m.start - 40), m.start) and _personal(m.key):
            out[i] = replace(m, types=_PERSON, strength=CONTEXT)
    return out


def _personal(title: str) -> bool:
    """Two to four capitalised words (particles allowed), no qualifier, no class of their own, no event, a known
    given name first (not a stop word: "Late Greek", "Arab Christians" are a language and a people)."""
    label, qualifier = split_title(title)
    words = label.split()
    if qualifier is not None or not 2 <= len(words) <= 4 or words[0] == "The" or name_types(label) or is_event(label) \
            or not all(w[:1].isupper() and not w.isupper() or w in PARTICLES for w in words):
        return False
    return is_given_name(words[0].split("-")[0].rstrip(".")) and words[0] not in stop_names()
