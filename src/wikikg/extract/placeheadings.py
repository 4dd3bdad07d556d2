"""Headings that name places among places: "=== Barshire ===" beside "=== Bazshire ===", "; Asia" beside "; Africa"."""
from __future__ import annotations

import re

from wikikg.extract.headings import _line_starts
from wikikg.extract.mentions import name_mention
from wikikg.kb.places import places
from wikikg.kb.prefilter import matches_at
from wikikg.model import Evidence, Mention

_HEADING = re.compile(r"^(={2,6})[ \t]*([^=\n]+?)[ \t]*\1[ \t]*$", re.M)
_TERM = re.compile(r"^;[ \t]*(?:'{2,3})?([^:\n']+?)(?:'{2,3})?[ \t]*$", re.M)  # "; Asia", ";'''Canada'''"


def place_headings(text: str) -> list[tuple[Mention, Evidence]]:
    """The places that an article's headings name, each with its heading as evidence: sibling headings (of one
    level under one parent heading; or a section's definition terms, "; Africa") of which two or more, and at
    least half, are known places' names (kb.places, as written whole) name those places: "== Works ==" over
    "=== Barshire ===", "=== Bazshire ===", "=== Freedonia ===". One such heading alone may be a homonym (a
    bird's "=== Turkey ===" beside "=== Chicken ===")."""
    if "\n=" not in text and "\n;" not in text:
        return []
    groups: dict[tuple, list[tuple[str, int, int, str]]] = {}
    path: list[tuple[int, int]] = []  # (level, offset) of the enclosing headings
    starts = []  # the headings' offsets
    for m in matches_at(_HEADING, text, _line_starts(text, "=")):  # tried only where a line opens with "="
        level = len(m.group(1))
        while path and path[-1][0] >= level:
            path.pop()
        groups.setdefault(("h", level, path[-1][1] if path else -1), []).append(
            (m.group(2).strip(), m.start(), m.end(), m.group(2).strip()))
        path.append((level, m.start()))
        starts.append(m.start())
    for m in matches_at(_TERM, text, _line_starts(text, ";")):
        section = max((s for s in starts if s < m.start()), default=-1)
        groups.setdefault(("t", section), []).append((m.group(1).strip(), m.start(), m.end(), _section(text, section)))
    out: list[tuple[Mention, Evidence]] = []
    known = places()
    for members in groups.values():
        named = [x for x in members if x[0] in known]
        if len(named) >= 2 and 2 * len(named) >= len(members):
            for name, start, end, section in named:
                m = name_mention(name)
                if "Place" in m.types:
                    out.append((m, Evidence(text[start:end], section, start, end)))
    return out


def _section(text: str, start: int) -> str:
    """The title of the heading at `start`, or "" (the lead)."""
    m = _HEADING.match(text, start) if start >= 0 else None
    return m.group(2).strip() if m else ""
