"""A headerless table whose first column ranks its rows ("1." | "[[Foo FC|Foo]]" | "18"): its names are the next column's."""
from __future__ import annotations

from wikikg.model import Table


def ranked(table: Table) -> bool:
    """Whether a table's first column ranks its rows (1, 2, 3 ...: not a squad's shirt numbers) and its second
    links each row's name."""
    return len(table.rows) > 1 and all(len(r) > 1 and bool(r[1].links) and r[0].text.strip().rstrip(".") == str(i)
                                       for i, r in enumerate(table.rows, 1))
