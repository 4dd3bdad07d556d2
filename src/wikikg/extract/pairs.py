"""Two links joined by "and", or a list with two names typed by their form: untyped links take their organisation class."""
from __future__ import annotations

import re
from dataclasses import replace

from wikikg.extract.frames import typable
from wikikg.extract.known import CONTEXT, SHAPE
from wikikg.kb.vocabulary import org_classes
from wikikg.model import Mention

__all__ = ["paired", "strongly_listed"]

_ORG, _COMPANY = frozenset({"Organization"}), frozenset({"Company"})  # kept as they are; a finer class as _ORG

_AND = re.compile(r"\s+(?:and|or|&)\s+|\s*,\s+(?:and|or)\s+")  # "A and B", "A, and B"
LIST_JOIN = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+")  # any joint of a list: "A, B and C", "A, B, or C"


def paired(found: list[Mention], text: str) -> list[Mention]:
    """"rivals [[Foo Motors]] and [[Bar]]": of two links that only "and" (or "or") joins, and no third name
    listed with them, a proper name that nothing types takes the organisation class of the other (at the
    weakest strength, so any other signal wins). A list of three or more is coordination.py's. Not a
    person's class: a company and its founder are often named together. Not a link whose shown text goes on
    into a word ("the [[Foo Formation]]s": a kind of thing). `found` in text order."""
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if not (a.linked and b.linked and _AND.fullmatch(text, a.end, b.start)) or bool(a.types) == bool(b.types):
            continue
        if i > 0 and LIST_JOIN.fullmatch(text, out[i - 1].end, a.start) \
                or i + 2 < len(out) and LIST_JOIN.fullmatch(text, b.end, out[i + 2].start):
            continue  # three names or more
        typed, bare, j = (a, b, i + 1) if a.types else (b, a, i)
        if len(typed.types) == 1 and typed.types <= org_classes() and typed.strength >= SHAPE and typable(bare.key) \
                and not text[bare.end:bare.end + 2].startswith(("'s", "’s")) and not text[bare.end:bare.end + 1].isalpha():
            out[j] = replace(bare, types=typed.types if typed.types in (_ORG, _COMPANY) else _ORG,
                             strength=CONTEXT)
    return out


def strongly_listed(found: list[Mention], text: str) -> list[Mention]:
    """"competitors include [[Foo]], [[Bar]], [[Baz Corp]], [[Qux Group]] and [[Quux]]": in a list of three links
    or more that only commas and "and"/"or" join, where at least two names are typed by their own form or a
    table (a legal suffix, a class word) as one organisation class and no name otherwise, a proper name that
    nothing types takes that class (Organization for a finer one), however few the typed are (coordination.py
    asks half of a list). `found` in text order."""
    out = list(found)
    i = 0
    while i < len(out):
        k = i
        while k + 1 < len(out) and LIST_JOIN.fullmatch(text, out[k].end, out[k + 1].start):
            k += 1
        run = out[i:k + 1]
        typed = {m.types for m in run if m.types}
        if len(run) >= 3 and all(m.linked for m in run) and len(typed) == 1 and (cls := typed.pop()) <= org_classes() \
                and sum(1 for m in run if m.types and m.strength >= SHAPE) >= 2:
            for j in range(i, k + 1):
                m = out[j]
                if not m.types and typable(m.key) and not text[m.end:m.end + 1].isalpha():
                    out[j] = replace(m, types=cls if cls in (_ORG, _COMPANY) else _ORG, strength=CONTEXT)
        i = k + 1
    return out
