"""Wikitables -> Table records: header names and rows of cells with links and input spans."""
from __future__ import annotations

from mwparserfromhell.nodes import Tag, Wikilink

from wikikg.model import Link, Table, TableCell
from wikikg.parse.definitions import MEDIA_NAMESPACES, link_target


def _cell(node: Tag, start: int) -> TableCell:
    code = node.contents
    text, links, pos = [], [], 0
    for n in code.nodes if code is not None else ():
        if isinstance(n, Wikilink):
            raw = str(n.title)
            if ":" in raw and raw.split(":", 1)[0].strip().lower() in MEDIA_NAMESPACES | {"category"}:
                continue
            shown = n.text.strip_code().strip() if n.text is not None else raw.split("#")[0].strip()
            if target := link_target(raw):
                links.append(Link(target, shown, pos, pos + len(shown)))
            text.append(shown)
            pos += len(shown)
        else:
            plain = n.__strip__(normalize=True, collapse=True, keep_template_params=False) or ""
            plain = str(plain) if not isinstance(plain, str) else plain
            text.append(plain)
            pos += len(plain)
    full = "".join(text)
    lead = len(full) - len(full.lstrip())
    body = full.strip()
    links = [Link(ln.target, ln.text, ln.start - lead, ln.end - lead) for ln in links]
    return TableCell(body, tuple(links), start, start + len(str(node)), str(node.tag) == "th")


def _children(node: Tag, start: int, s: str):
    """(child tag, its input offset) for the tags directly inside `node`."""
    inner = str(node.contents) if node.contents is not None else ""
    base = start + max(s.find(inner), 0) if inner else start
    pos = base
    for child in node.contents.nodes if node.contents is not None else ():
        cs = str(child)
        if isinstance(child, Tag):
            yield child, pos, cs
        pos += len(cs)


_SPAN_CAP = {"rowspan": 500, "colspan": 50}  # enough to align real tables; bounds hostile ones


def _span(node: Tag, name: str) -> int:
    """A cell's rowspan or colspan (1 when absent or not a number; capped)."""
    if not node.has(name):
        return 1
    value = str(node.get(name).value).strip().strip("\"'")
    return min(int(value), _SPAN_CAP[name]) if value.isdigit() and int(value) > 0 else 1


def _grid(cells: list[tuple[TableCell, int, int]], carried: dict[int, tuple[TableCell, int]]) -> tuple:
    """One row laid out on the table's columns: cells spanning rows from above are carried down,
    a cell spanning columns fills each of them."""
    out: list[TableCell] = []
    queue = list(cells)
    while queue or any(col >= len(out) for col in carried):
        col = len(out)
        if col in carried:
            cell, left = carried[col]
            out.append(cell)
            if left > 1:
                carried[col] = (cell, left - 1)
            else:
                del carried[col]
            continue
        if not queue:
            out.append(TableCell(""))
            continue
        cell, rowspan, colspan = queue.pop(0)
        for _ in range(colspan):
            if rowspan > 1:
                carried[len(out)] = (cell, rowspan - 1)
            out.append(cell)
    return tuple(out)


def _rows(node: Tag, start: int, s: str):
    """Each row's (cell, rowspan, colspan) list; cells before the first row marker form a row."""
    loose: list = []
    for child, c_start, c_s in _children(node, start, s):
        tag = str(child.tag)
        if tag in ("td", "th"):
            loose.append((_cell(child, c_start), _span(child, "rowspan"), _span(child, "colspan")))
        elif tag == "tr":
            if loose:
                yield loose
                loose = []
            yield [(_cell(c, cs), _span(c, "rowspan"), _span(c, "colspan"))
                   for c, cs, _ in _children(child, c_start, c_s) if str(c.tag) in ("td", "th")]
    if loose:
        yield loose


def table(node: Tag, start: int, s: str, section: str) -> Table:
    """A table tag at input offset `start` (source `s`) as a Table record."""
    header: tuple[str, ...] = ()
    rows = []
    carried: dict[int, tuple[TableCell, int]] = {}
    for cells in _rows(node, start, s):
        if cells and all(c.header for c, _, _ in cells) and not header and not carried:
            header = tuple(c.text for c, _, _ in cells)
        elif cells:
            rows.append(_grid(cells, carried))
    return Table(section, header, tuple(rows), start, start + len(s))
