"""A header of two rows, groups over names ("Regular season" over "Season | Team | League"): the lower row names."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from wikikg.model import Table


def lower_header(table: Table, names: Callable[[str], bool]) -> Table:
    """The table with its first body row as its header when that row is all header cells, names a column the reader
    looks for (`names`: "Team", "Club") and the header names none: the header is then a row of groups over those
    names ("! colspan=3 | " then "! colspan=5 | Regular season"), which the parser took for the column names; the
    lower row must be as wide as the rows below it, laid out on the same columns. Else the table unchanged."""
    if not table.header or not table.rows:
        return table
    lower = table.rows[0]
    if len(lower) < 2 or not all(c.header for c in lower) or any(names(h.strip()) for h in table.header):
        return table
    if not any(names(c.text.strip()) for c in lower):
        return table
    body = [len(r) for r in table.rows[1:] if not all(c.header for c in r)]
    if not body or len(lower) != max(set(body), key=body.count):
        return table  # a row short of the rows below it: cells of the header above span both rows ("! rowspan=2 |
        # Season" over "! Division !! P !! W"), and its names would stand over the wrong columns
    return replace(table, header=tuple(c.text for c in lower), rows=table.rows[1:])
