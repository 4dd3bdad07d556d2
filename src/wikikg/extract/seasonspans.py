"""A table's season ("2016–17") that the infobox dates the same fact within: the season's first year is no start."""
from __future__ import annotations

from dataclasses import replace

from wikikg.model import Mention, Statement


def within_seasons(tables: list[Statement], box: list[Statement]) -> list[Statement]:
    """The tables' statements, undated where a row's season spans two years ("| 2016–17 |", dated 2016 to 2017) and
    the infobox dates the same fact by the second year alone ("years3 = 2017–2019"): the player joined during the
    season (a January transfer, a loan from March), and its first year is when the season began, not the fact."""
    years: dict[tuple[str, str, str], set[str]] = {}
    for st in box:
        if st.date is not None and isinstance(st.obj, Mention):
            years.setdefault((st.subject.key, st.predicate, st.obj.key), set()).add(st.date.value[:4])
    return [replace(st, date=None, end_date=None) if _within(st, years) else st for st in tables]


def _within(st: Statement, years: dict[tuple[str, str, str], set[str]]) -> bool:
    """Whether a table's statement is dated by a two-year season whose second year alone the infobox gives it."""
    if not st.rule.startswith("table.") or st.date is None or st.end_date is None or not isinstance(st.obj, Mention):
        return False
    start, end = st.date.value, st.end_date.value
    if not (len(start) == len(end) == 4 and start.isdigit() and end.isdigit() and int(end) == int(start) + 1):
        return False
    boxed = years.get((st.subject.key, st.predicate, st.obj.key), set())
    return end in boxed and start not in boxed
