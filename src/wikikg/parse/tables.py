"""Wikitables -> Table records: header names and rows of cells with links and input spans."""
from __future__ import annotations

from mwparserfromhell.nodes import Tag, Template, Wikilink
from mwparserfromhell.parser import tokens

from wikikg.model import Link, Table, TableCell
from wikikg.parse.definitions import MEDIA_NAMESPACES, NAME_SPACE, link_target, template_name
from wikikg.parse.rowtemplates import template_rows

# Templates that show their text in a table cell: {{sort|key|shown}}, {{sortname|First|Last|target}} (a
# sortable table's names), {{nowrap|…}}, {{small|…}}: name -> the parameters shown, joined by a space.
FORMAT_TAGS = {"b", "i", "small", "big", "span", "font", "center", "u", "s", "sup", "sub", "em", "strong"}
CELL_TEMPLATES = {"sort": ("2",), "sortname": ("1", "2"), "nowrap": ("1",), "small": ("1",), "nobold": ("1",)}


def _cell(node: Tag, start: int) -> TableCell:
    code = node.contents
    text: list[str] = []
    links: list[Link] = []
    _node_runs(code.nodes if code is not None else (), text, links)
    full = "".join(text)
    lead = len(full) - len(full.lstrip())
    body = full.strip()
    links = [Link(ln.target, ln.text, ln.start - lead, ln.end - lead) for ln in links]
    return TableCell(body, tuple(links), start, start + len(str(node)), str(node.tag) == "th")


def _node_runs(nodes, text: list[str], links: list[Link]) -> None:
    """The shown text and links of a cell's nodes, appended (a cell template's shown parameters too)."""
    for n in nodes:
        pos = sum(map(len, text))
        if isinstance(n, Wikilink):
            raw = str(n.title)
            if ":" in raw and raw.split(":", 1)[0].strip().lower() in MEDIA_NAMESPACES | {"category"}:
                continue
            shown = n.text.strip_code().strip() if n.text is not None else raw.split("#")[0].strip()
            if target := link_target(raw, shown):
                links.append(Link(target, shown, pos, pos + len(shown)))
            text.append(shown)
        elif isinstance(n, Template) and (name := template_name(n)) in CELL_TEMPLATES:
            shown_params = [n.get(k).value for k in CELL_TEMPLATES[name] if n.has(k)]
            if name == "sort" and not shown_params and n.has("1"):
                shown_params = [n.get("1").value]
            for k, value in enumerate(shown_params):
                if k:
                    text.append(" ")
                _node_runs(value.nodes, text, links)
            if name == "sortname" and len(shown_params) == 2 and not n.has("nolink"):
                whole = "".join(str(v.strip_code()).strip() + " " for v in shown_params).strip()
                target = link_target(str(n.get("3").value).strip()) if n.has("3") else link_target(whole)
                if target:
                    links.append(Link(target, whole, pos, pos + len(whole)))
        elif isinstance(n, Tag) and str(n.tag).lower() in FORMAT_TAGS and n.contents is not None \
                and any(isinstance(k, Wikilink) for k in n.contents.nodes):
            _node_runs(n.contents.nodes, text, links)  # a link inside bold text: [[HV Aalsmeer|FIQAS/Aalsmeer]]
        else:
            plain = n.__strip__(normalize=True, collapse=True, keep_template_params=False) or ""
            plain = str(plain) if not isinstance(plain, str) else plain
            text.append(plain)


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


def _caption(source: str) -> bool:
    """Whether a cell's source is the table's caption ("|+ Committee"), which the markup parser reads as a cell."""
    return source.lstrip().startswith("|+")


def _rows(node: Tag, start: int, s: str):
    """Each row's (cell, rowspan, colspan) list; cells before the first row marker form a row."""
    loose: list = []
    for child, c_start, c_s in _children(node, start, s):
        tag = str(child.tag)
        if tag in ("td", "th") and not _caption(c_s):
            loose.append((_cell(child, c_start), _span(child, "rowspan"), _span(child, "colspan")))
        elif tag == "tr":
            if loose:
                yield loose
                loose = []
            yield [(_cell(c, cs), _span(c, "rowspan"), _span(c, "colspan"))
                   for c, cs, cc in _children(child, c_start, c_s) if str(c.tag) in ("td", "th") and not _caption(cc)]
    if loose:
        yield loose


def table(node: Tag, start: int, s: str, section: str) -> Table:
    """A table tag at input offset `start` (source `s`) as a Table record."""
    header, rows = _laid_out(_rows(node, start, s))
    header, more = template_rows(s, start, header, _node_runs)  # {{Cabinet table minister}} rows
    return Table(section, header, tuple(rows + more), start, start + len(s))


def _laid_out(source) -> tuple[tuple[str, ...], list[tuple]]:
    """The header names and the rows laid out on the columns, from the rows of cells (cell, rowspan, colspan).
    The first row of header cells names the columns, unless it is one cell spanning the table, a title ("! colspan=5
    | Chicago years"), and the next row is header cells too ("! No. !! Player ..."): that row names them. Groups
    ("! colspan=2 | Sponsor" over "! Brand !! Company name") keep the group's name, which says what the column holds."""
    header: tuple[str, ...] = ()
    rows: list[tuple] = []
    carried: dict[int, tuple[TableCell, int]] = {}
    title = False  # the header so far is a title row, and the next row may name the columns
    for cells in source:
        if cells and all(c.header and not c.text for c, _, _ in cells):
            continue  # a bar of empty header cells ("!bgcolor=#000000 colspan=6|"): no header, no row
        if cells and all(c.header for c, _, _ in cells) and (title or not header and not carried):
            header = tuple(c.text for c, _, span in cells for _ in range(max(span, 1)))  # "colspan=2|Party": two
            title = not title and len(cells) == 1 and cells[0][2] > 1
        elif cells:
            title = False
            rows.append(_grid(cells, carried))
    return header, rows


# -- the same records read from the token stream (parse/stream.py) ----------------------------------

def _stream_cell(st, i: int, start: int) -> TableCell:
    """_cell() of the cell tag at token i of Stream `st`, placed at input offset `start`."""
    end = st.end
    name, _attrs, cs, ce = st.tag(i)
    text: list[str] = []
    links: list[Link] = []
    if cs is not None:
        _stream_runs(st, cs, ce, text, links)
    full = "".join(text)
    lead = len(full) - len(full.lstrip())
    body = full.strip()
    links = [Link(ln.target, ln.text, ln.start - lead, ln.end - lead) for ln in links]
    return TableCell(body, tuple(links), start, start + st.pos[end[i] + 1] - st.pos[i], name == "th")


def _stream_runs(st, j: int, stop: int, text: list[str], links: list[Link]) -> None:
    """_node_runs() of the tokens [j, stop) of Stream `st`."""
    toks, end = st.toks, st.end
    while j < stop:
        e = end[j]
        pos = sum(map(len, text))
        if e < 0 and type(toks[j]) is not _Text:
            j += 1
            continue
        if type(toks[j]) is _WikilinkOpen:
            seps = st.parts(j)
            raw = st.src(j + 1, seps[0] if seps else e)
            if not (":" in raw and raw.split(":", 1)[0].strip().lower() in MEDIA_NAMESPACES | {"category"}):
                shown = st.strip(seps[0] + 1, e).strip() if seps else raw.split("#")[0].strip()
                if target := link_target(raw, shown):
                    links.append(Link(target, shown, pos, pos + len(shown)))
                text.append(shown)
        elif type(toks[j]) is _TemplateOpen and (tname := _stream_template_name(st, j)) in CELL_TEMPLATES:
            params = st.template_params(j)[1]
            got = {k: (vs, ve) for k, vs, ve in params}
            shown = [got[k] for k in CELL_TEMPLATES[tname] if k in got]
            if tname == "sort" and not shown and "1" in got:
                shown = [got["1"]]
            for k, (vs, ve) in enumerate(shown):
                if k:
                    text.append(" ")
                _stream_runs(st, vs, ve, text, links)
            if tname == "sortname" and len(shown) == 2 and "nolink" not in got:
                whole = " ".join(st.strip(vs, ve).strip() + "" for vs, ve in shown).strip()
                target = link_target(st.src(*got["3"]).strip()) if "3" in got else link_target(whole)
                if target:
                    links.append(Link(target, whole, pos, pos + len(whole)))
        elif type(toks[j]) is _TagOpenOpen and (inner := _linked_format(st, j)) is not None:
            _stream_runs(st, inner[0], inner[1], text, links)  # a link inside bold or small text
        else:
            plain = toks[j]["text"] if e < 0 else (st.strip_node(j) or "")
            text.append(plain)
        j = j + 1 if e < 0 else e + 1


def _linked_format(st, j: int) -> tuple[int, int] | None:
    """The contents' token range of a formatting tag (bold, small ...) that holds a link directly."""
    name, _attrs, cs, ce = st.tag(j)
    if cs is None or name.strip().lower() not in FORMAT_TAGS:
        return None
    k = cs
    while k < ce:
        if type(st.toks[k]) is _WikilinkOpen:
            return cs, ce
        k = st.end[k] + 1 if st.end[k] >= 0 else k + 1
    return None


def _stream_template_name(st, j: int) -> str:
    """A template's name as template_name() spells it (lower case, single spaces, no namespace)."""
    return NAME_SPACE.sub(" ", st.strip(j + 1, st.name_end(j)).strip()).lower()


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
        if tag in ("td", "th") and not _caption(c_s):
            loose.append(_stream_row_cell(st, j, c_start))
        elif tag == "tr":
            if loose:
                yield loose
                loose = []
            yield [_stream_row_cell(st, k, cs) for k, cs, cc in _stream_children(st, j, c_start, c_s)
                   if st.tag_name(k) in ("td", "th") and not _caption(cc)]
    if loose:
        yield loose


def stream_table(st, i: int, start: int, s: str, section: str) -> Table:
    """table() of the table tag at token i of Stream `st` (input offset `start`, source `s`)."""
    header, rows = _laid_out(_stream_rows(st, i, start, s))
    header, more = template_rows(s, start, header, _node_runs)  # {{Cabinet table minister}} rows
    return Table(section, header, tuple(rows + more), start, start + len(s))


_Text, _WikilinkOpen, _TemplateOpen = tokens.Text, tokens.WikilinkOpen, tokens.TemplateOpen
_TagOpenOpen, _TagAttrQuote = tokens.TagOpenOpen, tokens.TagAttrQuote


# -- tables laid out inside a table's cells ("{| | valign=top | {| class=wikitable ...": two lists side by side) --

def nested_tables(node: Tag, start: int, s: str, section: str) -> list[Table]:
    """The tables inside the cells of the table tag `node` (and inside theirs), each a Table of its own."""
    out: list[Table] = []
    for cell, c_start, c_s in _cells(node, start, s):
        for child, t_start, t_s in _children(cell, c_start, c_s):
            if str(child.tag).lower() == "table":
                out += [table(child, t_start, t_s, section), *nested_tables(child, t_start, t_s, section)]
    return out


def _cells(node: Tag, start: int, s: str):
    """(cell tag, offset, source) of each cell of the table tag `node`, in or out of a row tag."""
    for child, c_start, c_s in _children(node, start, s):
        tag = str(child.tag)
        if tag in ("td", "th"):
            yield child, c_start, c_s
        elif tag == "tr":
            yield from ((c, cs, cc) for c, cs, cc in _children(child, c_start, c_s) if str(c.tag) in ("td", "th"))


def stream_nested_tables(st, i: int, start: int, s: str, section: str) -> list[Table]:
    """nested_tables() of the table tag at token i of Stream `st`."""
    out: list[Table] = []
    for k, cs, cc in _stream_cells(st, i, start, s):
        for t, t_start, t_s in _stream_children(st, k, cs, cc):
            if st.tag_name(t).lower() == "table":
                out += [stream_table(st, t, t_start, t_s, section), *stream_nested_tables(st, t, t_start, t_s, section)]
    return out


def _stream_cells(st, i: int, start: int, s: str):
    """_cells() of the table tag at token i of Stream `st`: (token index, offset, source) of each cell."""
    for j, c_start, c_s in _stream_children(st, i, start, s):
        tag = st.tag_name(j)
        if tag in ("td", "th"):
            yield j, c_start, c_s
        elif tag == "tr":
            yield from ((k, cs, cc) for k, cs, cc in _stream_children(st, j, c_start, c_s) if st.tag_name(k) in ("td", "th"))
