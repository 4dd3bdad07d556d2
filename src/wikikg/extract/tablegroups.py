"""A members table's group rows ("! colspan=9 | East Division" over its teams): each row's division, as a column."""
from __future__ import annotations

import re
from dataclasses import replace

from wikikg.model import Table, TableCell

# a group row that names a division or a conference of the league ("East Division", "Western Conference"); not
# "Former members", "Associate members" or a region's name, which group the rows without naming a body
_GROUP = re.compile(r"(?:[A-Z][\w.'’-]*\s+){1,3}(?:Division|Conference)")
_COLUMN = re.compile(r"^(?:division|conference)$", re.I)


def _group(row: tuple[TableCell, ...]) -> TableCell | None:
    """The group cell of a row that is one header cell spanning the table and naming a division, else None."""
    if not row or not all(c is row[0] for c in row) or not row[0].header:
        return None
    return row[0] if _GROUP.fullmatch(row[0].text.strip()) else None


def grouped(table: Table) -> Table:
    """The table with its group rows ("! colspan=9 | East Division") read as a "Division" column of the rows below
    them (a division of the league, which the members spec's division attribute reads); unchanged without any, or
    when a column already gives each row's division."""
    if not table.header or any(_COLUMN.match(h.strip()) for h in table.header):
        return table
    if not any(_group(row) for row in table.rows):
        return table
    rows: list[tuple[TableCell, ...]] = []
    width = len(table.header)
    current: TableCell | None = None
    for row in table.rows:
        if (cell := _group(row)) is not None:
            current = cell
            continue
        if current is None:
            rows.append(row)
            continue
        rows.append(tuple(row[:width]) + (TableCell(""),) * (width - len(row)) + (current,))
    return replace(table, header=(*table.header, "Division"), rows=tuple(rows))
