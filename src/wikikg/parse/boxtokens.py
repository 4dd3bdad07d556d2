"""Infobox templates read straight off the token stream: the records parse/infobox.py reads off nodes."""
# mwparserfromhell's Python Builder, which made a node tree of each infobox template, cost ~5% of an
# article's extraction; the walk below reads the same parts from the tokens (Stream) instead. Any token
# this reader does not expect raises Mismatch, and the caller builds the nodes as before.
from __future__ import annotations

import re

from mwparserfromhell.parser import tokens as T

from wikikg.model import Infobox, TemplateCall
from wikikg.parse.definitions import (
    BREAK_TAGS,
    LANGUAGE_CODE,
    LINK_TEMPLATES,
    LIST_TEMPLATES,
    SKIP_NAMESPACES,
    SKIP_TAGS,
    TEXT_TEMPLATES,
)
from wikikg.parse.infobox import Items, record
from wikikg.parse.stream import Mismatch, Stream

__all__ = ["stream_infobox", "template_params"]

_Text = T.Text
_SPACES = re.compile(r"[\s_]+")


def template_params(st: Stream, i: int) -> tuple[int, list[tuple[str, int, int, int]]]:
    """Stream.param_spans, strict: a token this reader does not expect makes the caller build nodes."""
    return st.param_spans(i, strict=True)


def _name(st: Stream, i: int, name_end: int) -> str:
    """A template's name as definitions.template_name spells it."""
    return _SPACES.sub(" ", st.strip(i + 1, name_end).strip()).lower()


def _get(params: list, key: str):
    """The last parameter named `key` (Template.get), or None."""
    for p in reversed(params):
        if p[0].strip() == key:
            return p
    return None


def stream_infobox(st: Stream, i: int, name: str, start: int, s: str) -> Infobox:
    """The infobox template at token i (offset `start`, source `s`) as an Infobox record."""
    _, params = template_params(st, i)
    return record(name, start, s, ((st.src(a, stop), raw, _items(st, v, stop)) for raw, a, v, stop in params))


def _items(st: Stream, a: int, b: int):
    """A value's items (the tokens [a, b)), as parse/infobox.py's _items splits its nodes."""
    cur = Items()
    _walk(st, a, b, cur)
    return cur.items


def _walk(st: Stream, a: int, b: int, cur: Items, top: bool = True) -> None:
    toks, end = st.toks, st.end
    i = a
    while i < b:
        tok = toks[i]
        kind = type(tok)
        if kind is _Text:
            cur.add_text(tok["text"])
            i += 1
            continue
        e = end[i]
        if e < 0:
            raise Mismatch(f"unexpected {kind.__name__} at token {i}")
        if kind is T.WikilinkOpen:
            _wikilink(st, i, e, cur)
        elif kind is T.TagOpenOpen:
            _tag(st, i, cur)
        elif kind is T.TemplateOpen:
            _template(st, i, cur)
        elif kind is T.ExternalLinkOpen:
            seps = st.parts(i)
            if len(seps) > 1:
                raise Mismatch(f"an external link with {len(seps)} separators at token {i}")
            if seps and st.pos[e] > st.pos[seps[0] + 1]:
                cur.text.append(st.strip(seps[0] + 1, e))
            else:
                cur.text.append(st.src(i + 1, seps[0] if seps else e))
        elif kind is T.HTMLEntityStart:
            cur.text.append(st.entity(i).normalize())
        # comments, arguments ({{{x}}}) and headings add nothing, as in the node walk
        i = e + 1
    if top:
        cur.flush()


def _wikilink(st: Stream, i: int, e: int, cur: Items) -> None:
    seps = st.parts(i)
    if len(seps) > 1:
        raise Mismatch(f"a wikilink with {len(seps)} separators at token {i}")
    raw = st.src(i + 1, seps[0] if seps else e)
    if ":" in raw and raw.split(":", 1)[0].strip().lower() in SKIP_NAMESPACES:
        return
    cur.add_link(raw, st.strip(seps[0] + 1, e).strip() if seps else raw.strip())


def _tag(st: Stream, i: int, cur: Items) -> None:
    name, _attrs, cs, ce = st.tag(i)
    parts = st.parts(i)
    if any(type(t) is not _Text for t in st.toks[i + 1:parts[0] if parts else st.end[i]]):
        raise Mismatch(f"a tag name with markup at token {i}")
    tag = name.lower()
    if tag == "ref" or tag in SKIP_TAGS:
        return
    if tag in BREAK_TAGS:
        cur.flush()
    if cs is not None:
        _walk(st, cs, ce, cur)


def _template(st: Stream, i: int, cur: Items) -> None:
    name_end, params = template_params(st, i)
    name = _name(st, i, name_end)
    if name in LIST_TEMPLATES:
        cur.flush()
        for raw, _a, v, stop in params:
            if raw.strip().isdigit():
                _walk(st, v, stop, cur)
                cur.flush()
        return
    key = TEXT_TEMPLATES.get(name)
    if key and _get(params, key) is not None:
        if name in LINK_TEMPLATES and _get(params, "2") is not None:
            p = _get(params, key)
            if LANGUAGE_CODE.fullmatch(st.strip(p[2], p[3]).strip()):
                key = "2"  # {{ill|de|Gymnasium Gotha}}: the language code first, the name second
        p = _get(params, key)
        _walk(st, p[2], p[3], cur, name in LINK_TEMPLATES)  # "({{nfly|1970}}–2001)": one item
        return
    cur.templates.append(TemplateCall(name, tuple((raw.strip(), st.strip(v, stop).strip())
                                                  for raw, _a, v, stop in params)))
