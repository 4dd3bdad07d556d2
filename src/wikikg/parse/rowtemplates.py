"""Table rows written as templates: {{Cabinet table minister}} gives a portfolio's ministers, one row each."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import mwparserfromhell
from mwparserfromhell.nodes import Template

from wikikg.model import Link, TableCell
from wikikg.parse.definitions import template_name

# Template:Cabinet table minister: "| title = [[Minister of Foo]] | minister1 = [[Jane Roe]] | minister1_party = ...
# | minister1_termstart = ... | minister1_termend = ...": one row per minister, under the table's own header
# ("Portfolio | Minister | Took office | Left office | Party"); a header the table lacks is these.
_TEMPLATE = re.compile(r"\{\{\s*[Cc]abinet[ _]table[ _]minister\s*\|")
_FIELDS = ("title", "", "_termstart", "_termend", "_party")
_HEADER = ("Portfolio", "Minister", "Took office", "Left office", "Party")
# which of _FIELDS a header column shows (the first column that matches takes it)
_COLUMN = (re.compile(r"(?i)^(?:portfolio|office|post|title|ministry|position)s?$"),
           re.compile(r"(?i)^(?:minister|ministers|name|incumbent|officeholder)$"),
           re.compile(r"(?i)^(?:took\s+office|term\s+(?:start|began|commenced)|from|start|appointed)$"),
           re.compile(r"(?i)^(?:left\s+office|term\s+end(?:ed)?|to|until|end)$"),
           re.compile(r"(?i)^(?:party|political\s+party)$"))


def template_rows(s: str, start: int, header: tuple[str, ...],
                  runs: Callable) -> tuple[tuple[str, ...], list[tuple[TableCell, ...]]]:
    """The header and the rows of the row templates in a table's source `s` (at input offset `start`);
    no rows when it holds none. `runs(nodes, text, links)` reads a value's shown text and links."""
    if not _TEMPLATE.search(s):
        return header, []
    cols = _layout(header)
    if cols is None:
        header, cols = _HEADER, list(range(len(_HEADER)))
    rows: list[tuple[TableCell, ...]] = []
    at = 0
    for t in mwparserfromhell.parse(s).filter_templates(recursive=True):
        if template_name(t) != "cabinet table minister":
            continue
        src = str(t)
        at = s.find(src, at)
        if at < 0:
            break
        title = _param(t, "title", src, start + at, runs)
        k = 1
        while t.has(f"minister{k}"):
            cells = [title] + [_param(t, f"minister{k}{f}", src, start + at, runs) for f in _FIELDS[1:]]
            cells[-1] = _titled(cells[-1])
            row = [TableCell("")] * len(header)
            for field, col in enumerate(cols):
                if col is not None:
                    row[col] = cells[field]
            rows.append(tuple(row))
            k += 1
        at += len(src)
    return header, rows


def _layout(header: tuple[str, ...]) -> list[int | None] | None:
    """The header column of each of _FIELDS, or None when the header names no minister's column."""
    cols: list[int | None] = []
    for rx in _COLUMN:
        cols.append(next((i for i, h in enumerate(header) if rx.match(h.strip()) and i not in cols), None))
    return cols if cols[1] is not None else None


def _titled(cell: TableCell) -> TableCell:
    """A party cell written as the template documents it, the party's article title ("| minister1_party = Foo
    Party": the template links it): a link to that title, when the value holds no link of its own."""
    if cell.links or not cell.text or any(ch in cell.text for ch in "[]{}|<>"):
        return cell
    return replace(cell, links=(Link(cell.text, cell.text, 0, len(cell.text)),))


def _param(t: Template, name: str, src: str, at: int, runs: Callable) -> TableCell:
    """A template parameter's value as a cell: its shown text and links, placed at its input span."""
    if not t.has(name):
        return TableCell("")
    p = t.get(name)
    lo = at + max(src.find(str(p)), 0)
    text: list[str] = []
    links: list[Link] = []
    runs(p.value.nodes, text, links)
    full = "".join(text)
    lead = len(full) - len(full.lstrip())
    links = [Link(k.target, k.text, k.start - lead, k.end - lead) for k in links]
    return TableCell(full.strip(), tuple(links), lo, lo + len(str(p)))
