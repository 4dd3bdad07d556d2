"""Wikitables -> Table records: header names and rows of cells with links and input spans."""
from __future__ import annotations

from mwparserfromhell.nodes import Tag, Wikilink

from ..model import Link, Table, TableCell
from .definitions import MEDIA_NAMESPACES, canonical_title


def _cell(node: Tag, start: int) -> TableCell:
    code = node.contents
    text, links, pos = [], [], 0
    for n in code.nodes if code is not None else ():
        if isinstance(n, Wikilink):
            raw = str(n.title)
            if ":" in raw and raw.split(":", 1)[0].strip().lower() in MEDIA_NAMESPACES | {"category"}:
                continue
            shown = n.text.strip_code().strip() if n.text is not None else raw.split("#")[0].strip()
            links.append(Link(canonical_title(raw), shown, pos, pos + len(shown)))
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
    links = [Link(l.target, l.text, l.start - lead, l.end - lead) for l in links]
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


def table(node: Tag, start: int, s: str, section: str) -> Table:
    """A table tag at input offset `start` (source `s`) as a Table record."""
    header: tuple[str, ...] = ()
    rows = []
    for tr, tr_start, tr_s in _children(node, start, s):
        if str(tr.tag) != "tr":
            continue
        cells = tuple(_cell(c, c_start) for c, c_start, _ in _children(tr, tr_start, tr_s)
                      if str(c.tag) in ("td", "th"))
        if cells and all(c.header for c in cells) and not header:
            header = tuple(c.text for c in cells)
        elif cells:
            rows.append(cells)
    return Table(section, header, tuple(rows), start, start + len(s))
