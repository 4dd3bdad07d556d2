"""Dates an infobox field gives: from a date template ({{start date|2010|5|3}}), else from its text."""
from __future__ import annotations

import dataclasses
import re

from wikikg.extract.dates import bound_only, find_dates, parse_date
from wikikg.model import DateValue, InfoboxField

_DATE_TEMPLATE = re.compile(r"(start|end|birth|death|founding|dissolution)[ -]?(date|year)")
_NAME_SPACES = re.compile(r"[\s_]+")


def field_date(f: InfoboxField) -> DateValue | None:
    """The first date a field gives: from a date template, else from its text (not an end alone: "–2003")."""
    for item in f.items:
        dated = (_template_date(t.params) for t in item.templates
                 if _DATE_TEMPLATE.match(_NAME_SPACES.sub(" ", t.name).strip().lower()))
        if d := next(filter(None, dated), None) or (None if bound_only(item.text) else parse_date(item.text)):
            return d
    return None


def _template_date(params) -> DateValue | None:
    pos = [v.strip() for k, v in params if k.isdigit() and v.strip()][:3]
    if pos and all(p.isdigit() for p in pos) and len(pos[0]) == 4:
        parts = [int(p) for p in pos]
        if all(1 <= p <= lim for p, lim in zip(parts[1:], (12, 31), strict=False)):
            return DateValue("-".join([pos[0], *(f"{p:02d}" for p in parts[1:])]),
                             ("gYear", "gYearMonth", "date")[len(parts) - 1])
    return parse_date(" ".join(pos))


# "[[Foo Corporation]] (2005-2014)", "Bar Corporation (since 2014)", "(Since 2014)": the years a value held
_YEARS_NOTE = re.compile(r"\((?:[Ss]ince\s+|[Ff]rom\s+)?(\d{4})(?:\s*(?:[–—-]|to)\s*(\d{4}|present)?)?\)")


def held_years(text: str, pieces: int) -> list[tuple[DateValue | None, DateValue | None]]:
    """The (start, end) years an item's text gives each of its `pieces` values in parentheses, when it
    gives one such note per value; else none."""
    spans = _YEARS_NOTE.findall(text)
    if len(spans) != pieces:
        dated = [d for d in map(dated_note, _NOTE.findall(text)) if d is not None]
        return dated if len(dated) == pieces else [(None, None)] * pieces
    return [(DateValue(a, "gYear"), DateValue(b, "gYear") if b.isdigit() else None) for a, b in spans]


_NOTE = re.compile(r"\(([^()]*)\)")
_TO = re.compile(r"\s*(?:[–—-]|to|until)\s*")


def dated_note(note: str) -> tuple[DateValue, DateValue | None] | None:
    """A note that opens with a full date, and perhaps closes with one: "(28 Aug 1941 - )", "(1 May 1943 –
    2 June 1944)": a commander's or an officer's term."""
    found = [f for f in find_dates(note) if f[2] is not None]
    lead = len(note) - len(note.lstrip())
    if not found or found[0][0] != lead or found[0][3] is None:
        return None
    start = parse_date(note[found[0][0]:found[0][1]])
    rest = note[found[0][1]:]
    if start is None or not (_TO.fullmatch(rest) or not rest.strip() or len(found) == 2
                             and _TO.fullmatch(note[found[0][1]:found[1][0]]) and not note[found[1][1]:].strip()):
        return None
    end = parse_date(note[found[1][0]:found[1][1]]) if len(found) == 2 else None
    return start, end


# a line that totals the values above it ("Total", "Overall", "Career total"): no value, no date of its own
_TOTAL = re.compile(r"\W*(?:career\s+)?(?:totals?|overall)\W*", re.I)


def paired_dates(dates: InfoboxField | None, items: tuple) -> list[DateValue | None] | None:
    """Each item's own date when a date field lists one per item, in order ("| years = 1992–1993<br />1993–1996 |
    clubs = [[A]]<br />[[B]]": A's 1992, B's 1993), not the first for all; a closing total line pairs with none
    ("[[A]]<br />[[B]]<br />Overall"); when the counts differ, the first line's date is the first item's alone."""
    n = len(items)
    while n > 2 and _TOTAL.fullmatch(items[n - 1].text):
        n -= 1
    if dates is None or n < 2 or len(dates.items) < 2:
        return None
    if len(dates.items) != n:
        return [field_date(dataclasses.replace(dates, items=dates.items[:1]))] + [None] * (len(items) - 1)
    return [field_date(dataclasses.replace(dates, items=(it,))) for it in dates.items] + [None] * (len(items) - n)


def lone_date(dates: InfoboxField, items: tuple) -> DateValue | None:
    """The date field's date for every value of its field: none when it lists dates line by line over several values
    that its lines do not pair with ("| years = 1999–2006<br />2004 | clubs = [[A]]<br />[[B]]<br />[[C]]": its
    first is only the first club's)."""
    return None if len(dates.items) > 1 and len(items) > 1 else field_date(dates)
