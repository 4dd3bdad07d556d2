"""Names joined by "son of" or "daughter of" ("Foo mac Bar", "Foo ibn Bar", "Foo ap Bar"): a person's, as English writes them."""
from __future__ import annotations

import re
from functools import cache

from wikikg.extract.classify import name_types
from wikikg.extract.nonentities import ends_as_a_work
from wikikg.kb.names import name_tables, stop_names

_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*")
_GENERATION = re.compile(r"(?P<name>.+?), (?P<generation>Jr\.?|Sr\.?|II|III|IV)")


@cache
def _particles() -> frozenset[str]:
    return frozenset(name_tables().patronymics)


def patronymic_name(name: str) -> bool:
    """Whether `name` is two to six capitalised words with a patronymic particle (names.toml [person_names]
    patronymics) between them ("Foo mac Bar", "Foo Baz ibn Bar", "Foo ingen Bar"): a person's; not one whose words
    name a class ("Foo ibn Bar University") or a work, nor one that opens with an opening word ("The")."""
    words = name.split()
    if not 3 <= len(words) <= 7 or words[0] in stop_names() or name_types(name) or ends_as_a_work(name):
        return False
    inner = [i for i, w in enumerate(words) if w in _particles()]
    return bool(inner) and all(0 < i < len(words) - 1 and words[i + 1] not in _particles() for i in inner) \
        and all(i in inner or _WORD.fullmatch(w) for i, w in enumerate(words))


def without_comma(name: str) -> str | None:
    """A full name with a generation after a comma ("Jane Roe, Jr.", "John Doe, Sr.", "Paul Roe, III") written without
    the comma ("Jane Roe Jr."), as Wikipedia titles it since 2012 (WP:JR); else None (not a given name alone: "Vic, Jr."
    is a son the article names by his father's given name, no full name)."""
    m = _GENERATION.fullmatch(name)
    return None if m is None or "," in m["name"] or " " not in m["name"] else f"{m['name']} {m['generation']}"
