"""Where a name goes on past what the name pass reads as a break: "van der", a nickname in quotes, "Western State Foo College"."""
from __future__ import annotations

import re

from wikikg.extract.classify import name_types
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


def join_dashed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans an en dash joins, with no space, into one name a class's words end ("Foo–Bar College", "Fooville–Bar
    High School", "Foo–Bar Municipal Airport": English joins two places' or founders' names so): one name, not "Foo"
    and "Bar College"; a pair the dash joins into no such name ("Foo–Bar route", "1990–1995") stays two, and so does
    a pair of two bodies' names, the left one typed already ("the Foo Party–Bar Party coalition")."""
    if "–" not in text:
        return spans
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and text[out[-1][1]:s] == "–" and not name_types(text[out[-1][0]:out[-1][1]]) \
                and name_types(text[out[-1][0]:e].rstrip(".")):
            out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out
