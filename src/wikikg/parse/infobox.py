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


def _params(t: Template) -> tuple[tuple[str, str], ...]:
    return tuple((str(p.name).strip(), p.value.strip_code().strip()) for p in t.params)


def infobox(t: Template, name: str, start: int, s: str) -> Infobox:
    """An infobox template at offset `start` (source `s`) as an Infobox record."""
    kind = re.sub(r"^infobox\s*|\s*infobox$", "", name).strip()
    fields, cursor = [], 0
    for p in t.params:
        ps = str(p)
        at = s.find(ps, cursor)
        cursor = max(cursor, at + len(ps)) if at >= 0 else cursor
        pname = re.sub(r"[\s]+", "_", str(p.name).strip().lower())
        items = tuple(i for i in _items(p.value) if i.text or i.links or i.templates)
        if not items:
            continue
        fs = start + at - 1 if at > 0 and s[at - 1] == "|" else start + max(at, 0)
        fe = start + at + len(ps.rstrip()) if at >= 0 else start + len(s)
        fields.append(InfoboxField(pname, items, s[fs - start:fe - start], fs, fe))
    return Infobox(kind, tuple(fields), start, start + len(s))


def _items(code) -> list[FieldItem]:
    """Split an infobox value into items at <br>, bullets, newlines and list templates."""
    items: list[FieldItem] = []
    cur: list = [[], [], []]  # text parts, links, templates

    def flush():
        text = "".join(cur[0])
        lead = len(text) - len(text.lstrip(" *#:;,\t"))
        clean = text.strip(" *#:;,\t")
        links = tuple(Link(t, x, s - lead, e - lead) for t, x, s, e in cur[1])
        if clean or links or cur[2]:
            items.append(FieldItem(clean, links, tuple(cur[2])))
        cur[0], cur[1], cur[2] = [], [], []

    def walk(nodes):
        for node in nodes:
            if isinstance(node, Text):
                parts = str(node).split("\n")
                for i, part in enumerate(parts):
                    if i:
                        flush()
                    cur[0].append(part)
            elif isinstance(node, Wikilink):
                raw = str(node.title)
                if ":" in raw and raw.split(":", 1)[0].strip().lower() in SKIP_NAMESPACES:
                    continue
                shown = node.text.strip_code().strip() if node.text is not None else raw.strip()
                pos = sum(len(x) for x in cur[0])
                if target := link_target(raw):
                    cur[1].append((target, shown, pos, pos + len(shown)))
                cur[0].append(shown)
            elif isinstance(node, Tag):
                tag = str(node.tag).lower()
                if tag == "ref" or tag in SKIP_TAGS:
                    continue
                if tag in BREAK_TAGS:
                    flush()
                if node.contents is not None:
                    walk(node.contents.nodes)
            elif isinstance(node, Template):
                name = _tname(node)
                if name in LIST_TEMPLATES:
                    flush()
                    for p in node.params:
                        if str(p.name).strip().isdigit():
                            walk(p.value.nodes)
                            flush()
                elif name in TEXT_TEMPLATES and TEXT_TEMPLATES[name] and node.has(TEXT_TEMPLATES[name]):
                    key = TEXT_TEMPLATES[name]
                    if name in LINK_TEMPLATES and node.has("2") \
                            and LANGUAGE_CODE.fullmatch(node.get(key).value.strip_code().strip()):
                        key = "2"  # {{ill|de|Gymnasium Gotha}}: the language code first, the name second
                    walk(node.get(key).value.nodes)
                else:
                    cur[2].append(TemplateCall(name, _params(node)))
            elif isinstance(node, ExternalLink):
                cur[0].append(node.title.strip_code() if node.title else str(node.url))
            elif isinstance(node, HTMLEntity):
                cur[0].append(node.normalize())
        flush()

    walk(code.nodes)
    return items
