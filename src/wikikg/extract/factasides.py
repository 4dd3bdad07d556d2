"""The parts of a sentence told at another time than its fact's: a birth told as a predicate, a parenthesis's clause."""
from __future__ import annotations

import re

# a birth told as a predicate of its own: "was born March 9, 1792, graduated from ⟦X⟧ in 1811": the birth's date
# (no sentence rule reads a birth)
_BORN_ON = re.compile(r"\bborn\s+(?:on\s+|in\s+)?(?:(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?)?\d{4}(?!\d)")
# a parenthesis that opens a relative clause: "(who was a member of ⟦X⟧ ...)"
_RELATIVE_OPEN = re.compile(r"\s*(?:who|which|whose|where|when)\b")


def enclosing(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The parenthesis that holds a trigger at `span` ("married ⟦A⟧ (who was a member of ⟦X⟧ from 1992 to 1995)")."""
    depth, start = 0, None
    for i in range(span[0] - 1, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            if depth == 0:
                start = i
                break
            depth -= 1
    close = text.find(")", span[1]) if start is not None else -1
    return (start, close + 1) if close >= 0 and "(" not in text[span[1]:close] else None


def other_times(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The spans of `text` whose dates are not the fact's at `span`: a birth's date, and all but the parenthesis that
    holds the trigger when that parenthesis is a relative clause, of its own time: "On 29 June 1998, Roe married ⟦A⟧
    (who was a member of ⟦X⟧ from 1992 to 1995)" (not a label: "⟦A⟧ (junior partner)", nor a note whose clauses
    may date the fact by another event's: "(football program started in 1996, program joined ⟦X⟧ in 2003)")."""
    out = [m.span() for m in _BORN_ON.finditer(text) if not (m.start() <= span[0] < m.end() or m.start() < span[1] <= m.end())]
    within = enclosing(text, span)
    if within is not None and _RELATIVE_OPEN.match(text, within[0] + 1):
        out += [(0, within[0]), (within[1], len(text))]
    return out
