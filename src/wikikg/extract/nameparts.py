"""Where a name goes on past what the name pass reads as a break: "van der", a nickname in quotes, "Western State Foo College"."""
from __future__ import annotations

import re

from wikikg.extract.people import is_given_name

# a surname's second particle after its first: "Jan van der Berg", "Juana de la Foo", "Otto von der Foo"
PARTICLE_PAIRS = {"van": ("der", "den", "de"), "von": ("der", "dem", "den"), "de": ("la", "los", "las", "le")}
# a compass word that opens a name before another of the name pass's stop words: "Western State Foo College"
COMPASS = frozenset({"Western", "Eastern", "Northern", "Southern", "North", "South", "East", "West", "Central"})
_NICKNAME = re.compile(r' (?:"|“)[A-Z][\w.’\'-]*(?: [A-Z][\w.’\'-]*)?(?:"|”) ')


def join_nicknames(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans with a person's nickname in quotes joined to the names around it: 'Earl "Curly" Roe' is one name (a
    known given name first), not "Earl", "Curly" and "Roe"."""
    if '"' not in text and "“" not in text:
        return spans  # no quotes, no nickname (most texts)
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(spans):
        s, e = spans[k]
        if k + 2 < len(spans) and " " not in text[s:e] and is_given_name(text[s:e]) \
                and (m := _NICKNAME.match(text, e)) is not None and spans[k + 1][0] > e \
                and spans[k + 1][1] < m.end() and spans[k + 2][0] == m.end():
            out.append((s, spans[k + 2][1]))
            k += 3
            continue
        out.append((s, e))
        k += 1
    return out
