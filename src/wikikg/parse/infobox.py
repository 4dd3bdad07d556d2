"""Infobox templates -> Infobox records: fields split into items with links and templates."""
from __future__ import annotations

import re

from mwparserfromhell.nodes import ExternalLink, HTMLEntity, Tag, Template, Text, Wikilink

from wikikg.model import FieldItem, Infobox, InfoboxField, Link, TemplateCall
from wikikg.parse.definitions import (
    BREAK_TAGS,
    LANGUAGE_CODE,
    LINK_TEMPLATES,
    LIST_TEMPLATES,
    SKIP_NAMESPACES,
    SKIP_TAGS,
    TEXT_TEMPLATES,
    link_target,
)
from wikikg.parse.definitions import template_name as _tname

_KIND = re.compile(r"^infobox\s*|\s*infobox$")
_SPACES = re.compile(r"[\s]+")


def _params(t: Template) -> tuple[tuple[str, str], ...]:
    return tuple((str(p.name).strip(), p.value.strip_code().strip()) for p in t.params)


def infobox(t: Template, name: str, start: int, s: str) -> Infobox:
    """An infobox template at offset `start` (source `s`) as an Infobox record."""
    return record(name, start, s, ((str(p), str(p.name), _items(p.value)) for p in t.params))


def record(name: str, start: int, s: str, params) -> Infobox:
    """The Infobox record of a template named `name` at offset `start` (source `s`) from its parameters
    as (source, name as written, items), in order."""
    kind = _KIND.sub("", name).strip()
    fields, cursor = [], 0
    for ps, raw_name, found in params:
        at = s.find(ps, cursor)
        cursor = max(cursor, at + len(ps)) if at >= 0 else cursor
        pname = _SPACES.sub("_", raw_name.strip().lower())
        items = tuple(i for i in found if i.text or i.links or i.templates)
        if not items:
            continue
        fs = start + at - 1 if at > 0 and s[at - 1] == "|" else start + max(at, 0)
        fe = start + at + len(ps.rstrip()) if at >= 0 else start + len(s)
        fields.append(InfoboxField(pname, items, s[fs - start:fe - start], fs, fe))
    return Infobox(kind, tuple(fields), start, start + len(s))


class Items:
    """The items of an infobox value being read: split at <br>, bullets, newlines and list templates."""

    __slots__ = ("items", "text", "links", "templates")

    def __init__(self) -> None:
        self.items: list[FieldItem] = []
        self.text: list[str] = []
        self.links: list[tuple[str, str, int, int]] = []
        self.templates: list[TemplateCall] = []

    def flush(self) -> None:
        """End the current item (kept if it has text, links or templates)."""
        text = "".join(self.text)
        lead = len(text) - len(text.lstrip(" *#:;,\t"))
        clean = text.strip(" *#:;,\t")
        links = tuple(Link(t, x, s - lead, e - lead) for t, x, s, e in self.links)
        if clean or links or self.templates:
            self.items.append(FieldItem(clean, links, tuple(self.templates)))
        self.text, self.links, self.templates = [], [], []

    def add_text(self, text: str) -> None:
        """Plain text: each newline ends an item."""
        for i, part in enumerate(text.split("\n")):
            if i:
                self.flush()
            self.text.append(part)

    def add_link(self, raw: str, shown: str) -> None:
        """A wikilink to `raw` showing `shown` (no link when `raw` names no page)."""
        pos = sum(len(x) for x in self.text)
        if target := link_target(raw, shown):
            self.links.append((target, shown, pos, pos + len(shown)))
        self.text.append(shown)


def _items(code) -> list[FieldItem]:
    """Split an infobox value into items at <br>, bullets, newlines and list templates."""
    cur = Items()

    def walk(nodes, top=True):
        for node in nodes:
            if isinstance(node, Text):
                cur.add_text(str(node))
            elif isinstance(node, Wikilink):
                raw = str(node.title)
                if ":" in raw and raw.split(":", 1)[0].strip().lower() in SKIP_NAMESPACES:
                    continue
                cur.add_link(raw, node.text.strip_code().strip() if node.text is not None else raw.strip())
            elif isinstance(node, Tag):
                tag = str(node.tag).lower()
                if tag == "ref" or tag in SKIP_TAGS:
                    continue
                if tag in BREAK_TAGS:
                    cur.flush()
                if node.contents is not None:
                    walk(node.contents.nodes)
            elif isinstance(node, Template):
                name = _tname(node)
                if name in LIST_TEMPLATES:
                    cur.flush()
                    for p in node.params:
                        if str(p.name).strip().isdigit():
                            walk(p.value.nodes)
                            cur.flush()
                elif name in TEXT_TEMPLATES and TEXT_TEMPLATES[name] and node.has(TEXT_TEMPLATES[name]):
                    key = TEXT_TEMPLATES[name]
                    if name in LINK_TEMPLATES and node.has("2") \
                            and LANGUAGE_CODE.fullmatch(node.get(key).value.strip_code().strip()):
                        key = "2"  # {{ill|de|Gymnasium Gotha}}: the language code first, the name second
                    walk(node.get(key).value.nodes, name in LINK_TEMPLATES)  # "({{nfly|1970}}–2001)": one item
                else:
                    cur.templates.append(TemplateCall(name, _params(node)))
            elif isinstance(node, ExternalLink):
                cur.text.append(node.title.strip_code() if node.title else str(node.url))
            elif isinstance(node, HTMLEntity):
                cur.text.append(node.normalize())
        if top:
            cur.flush()

    walk(code.nodes)
    return cur.items
