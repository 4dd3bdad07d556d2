"""Wikitables -> Table records: header names and rows of cells with links and input spans."""
from __future__ import annotations

from mwparserfromhell.nodes import Tag, Wikilink
from mwparserfromhell.parser import tokens

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
            header = tuple(c.text for c, _, span in cells for _ in range(max(span, 1)))  # "colspan=2|Party": two
        elif cells:
            rows.append(_grid(cells, carried))
    return Table(section, header, tuple(rows), start, start + len(s))


# -- the same records read from the token stream (parse/stream.py) ----------------------------------

def _stream_cell(st, i: int, start: int) -> TableCell:
    """_cell() of the cell tag at token i of Stream `st`, placed at input offset `start`."""
    toks, end = st.toks, st.end
    name, _attrs, cs, ce = st.tag(i)
    text, links, pos = [], [], 0
    j = cs if cs is not None else 0
    while cs is not None and j < ce:
        e = end[j]
        if e < 0 and type(toks[j]) is not _Text:
            j += 1
            continue
        if type(toks[j]) is _WikilinkOpen:
            seps = st.parts(j)
            raw = st.src(j + 1, seps[0] if seps else e)
            if not (":" in raw and raw.split(":", 1)[0].strip().lower() in MEDIA_NAMESPACES | {"category"}):
                shown = st.strip(seps[0] + 1, e).strip() if seps else raw.split("#")[0].strip()
                if target := link_target(raw):
                    links.append(Link(target, shown, pos, pos + len(shown)))
                text.append(shown)
                pos += len(shown)
        else:
            plain = toks[j]["text"] if e < 0 else (st.strip_node(j) or "")
            text.append(plain)
            pos += len(plain)
        j = j + 1 if e < 0 else e + 1
    full = "".join(text)
    lead = len(full) - len(full.lstrip())
    body = full.strip()
    links = [Link(ln.target, ln.text, ln.start - lead, ln.end - lead) for ln in links]
    return TableCell(body, tuple(links), start, start + st.pos[end[i] + 1] - st.pos[i], name == "th")


def _stream_children(st, i: int, start: int, s: str):
    """(token index, input offset, source) of the tags directly inside the tag at token i."""
    _name, _attrs, cs, ce = st.tag(i)
    if cs is None:
        return
    inner = st.src(cs, ce)
    base = start + max(s.find(inner), 0) if inner else start
    shift = base - st.pos[cs]
    toks, end, pos = st.toks, st.end, st.pos
    j = cs
    while j < ce:
        e = end[j]
        if e < 0:
            j += 1
            continue
        if type(toks[j]) is _TagOpenOpen:
            yield j, pos[j] + shift, st.text[pos[j]:pos[e + 1]]
        j = e + 1


def _stream_span(st, attrs: list, name: str) -> int:
    """_span() of a cell whose attributes (Stream.tag) are `attrs`."""
    for a_name, vs, ve in reversed(attrs):
        if a_name == name:
            if vs is None:
                return 1
            if vs < ve and type(st.toks[vs]) is _TagAttrQuote:
                vs += 1
            value = st.src(vs, ve).strip().strip("\"'")
            return min(int(value), _SPAN_CAP[name]) if value.isdigit() and int(value) > 0 else 1
    return 1


def _stream_row_cell(st, j: int, c_start: int) -> tuple[TableCell, int, int]:
    attrs = st.tag(j)[1]
    return _stream_cell(st, j, c_start), _stream_span(st, attrs, "rowspan"), _stream_span(st, attrs, "colspan")


def _stream_rows(st, i: int, start: int, s: str):
    loose: list = []
    for j, c_start, c_s in _stream_children(st, i, start, s):
        tag = st.tag_name(j)
        if tag in ("td", "th"):
            loose.append(_stream_row_cell(st, j, c_start))
        elif tag == "tr":
            if loose:
                yield loose
                loose = []
            yield [_stream_row_cell(st, k, cs) for k, cs, _ in _stream_children(st, j, c_start, c_s)
                   if st.tag_name(k) in ("td", "th")]
    if loose:
        yield loose


def stream_table(st, i: int, start: int, s: str, section: str) -> Table:
    """table() of the table tag at token i of Stream `st` (input offset `start`, source `s`)."""
    header: tuple[str, ...] = ()
    rows = []
    carried: dict[int, tuple[TableCell, int]] = {}
    for cells in _stream_rows(st, i, start, s):
        if cells and all(c.header for c, _, _ in cells) and not header and not carried:
            header = tuple(c.text for c, _, span in cells for _ in range(max(span, 1)))  # "colspan=2|Party": two
        elif cells:
            rows.append(_grid(cells, carried))
    return Table(section, header, tuple(rows), start, start + len(s))


_Text, _WikilinkOpen = tokens.Text, tokens.WikilinkOpen
_TagOpenOpen, _TagAttrQuote = tokens.TagOpenOpen, tokens.TagAttrQuote
