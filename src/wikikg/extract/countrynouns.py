"""A country's short form as a noun, which the name finder skips as a modifier: "in the UK.", "the U.S. and Freedonia"."""
from __future__ import annotations

import re
from functools import cache

from wikikg.kb.names import stop_names
from wikikg.kb.places import countries
from wikikg.model import Mention, Sentence

# after "the" (or a preposition of place), and before punctuation or a function word, the short form is the country
# itself; before a noun ("the UK government", "US dollars") or a name ("the U.S. Army") it modifies, and is no place
_NEXT = (r"(?=\s*(?:[.,;:)!?]|$|(?:and|or|in|at|on|from|to|by|for|with|as|was|were|is|are|has|had|have|until|"
         r"during|since|where|which|that|but|after|before|between|against)\b))")


@cache
def _forms() -> tuple[str, ...]:
    """The countries' short forms that are stop words ("UK", "U.S."), longest first."""
    return tuple(sorted((n for n in countries() if n in stop_names()), key=lambda n: (-len(n), n)))


@cache
def _pattern() -> re.Pattern | None:
    forms = _forms()
    if not forms:
        return None
    alts = "|".join(map(re.escape, forms))
    return re.compile(rf"\b(?:[Tt]he|in|to|from|across|throughout|outside|within|of|and)\s+(?P<name>{alts})(?!\w){_NEXT}")


def country_nouns(sentence: Sentence, taken: list[Mention]) -> list[Mention]:
    """The country short forms of a sentence that names.toml's stop words keep from being names ("UK", "U.S.") where
    they stand as nouns: after "the" or a preposition and before punctuation or a function word ("research in the
    UK, ...", "moved to the U.S. in 1990", "represented the UK at"); not where a mention already stands."""
    rx = _pattern()
    text = sentence.text
    if rx is None or not any(f in text for f in _forms()) or not any(c.isupper() for c in text):  # most: no form
        return []
    out = []
    for m in rx.finditer(text):
        s, e = m.span("name")
        if any(t.start < e and s < t.end for t in taken):
            continue
        out.append(Mention(m["name"], m["name"], False, frozenset({"Place"}), start=s, end=e, strength=2))
    return out
