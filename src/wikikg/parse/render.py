"""Walks the node tree of an article, rendering plain text with offsets back to the input."""
from __future__ import annotations

from mwparserfromhell.nodes import Comment, ExternalLink, Heading, HTMLEntity, Tag, Template, Text, Wikilink

from wikikg.model import Citation, Infobox
from wikikg.parse.asof import AS_OF_TEMPLATES, as_of_text
from wikikg.parse.cite import attr_text
from wikikg.parse.cite import citation as _citation
from wikikg.parse.definitions import (
    BOX_TEMPLATES,
    BREAK_TAGS,
    LANGUAGE_CODE,
    LINK_TEMPLATES,
    MEDIA_NAMESPACES,
    RECORD_TEMPLATES,
    SKIP_SECTIONS,
    SKIP_TAGS,
    TEXT_TEMPLATES,
    canonical_title,
    is_language_prefix,
    link_target,
)
from wikikg.parse.definitions import template_name as _tname
from wikikg.parse.infobox import infobox as _infobox
from wikikg.parse.segment import Builder
from wikikg.parse.tables import nested_tables
from wikikg.parse.tables import table as _table


class Renderer:
    """Walks the node tree, rendering plain text into a Builder with input offsets."""

    def __init__(self, named: dict[str, Citation], seen: dict[int, Citation] | None = None):
        self.b = Builder()
        self.named = named
        self.seen = seen or {}  # id(ref tag) -> its Citation, where collect_refs made it already
        self.citations: dict[str, Citation] = {}
        self.infoboxes: list[Infobox] = []
        self.tables: list = []
        self.categories: list[str] = []
        self.heads: list[str] = []
        self.skip = False
        self.hidden = False  # after an unclosed <!--: MediaWiki hides the rest of the page
        self.short = None

    def nodes(self, nodes, offset: int, sources: list[str] | None = None) -> None:
        """Render a sequence of sibling nodes starting at input offset `offset` (`sources`: their
        source strings, when already made)."""
        for node, s in zip(nodes, sources or [str(n) for n in nodes], strict=False):
            if self.hidden:
                return
            self.node(node, offset, offset + len(s), s)
            offset += len(s)

    def node(self, node, start: int, end: int, s: str) -> None:
        """Render one node spanning input[start:end] (its source is `s`)."""
        b = self.b
        if type(node) is Text:  # the commonest node first
            if "<!--" in s:  # the tokenizer leaves an unclosed comment as text
                cut = s.index("<!--")
                s, end, self.hidden = s[:cut], start + cut, True
            if not self.skip:
                b.add(s, start, end, True)
            return
        if isinstance(node, Heading):
            title = _title(node).strip()  # "===Panels<ref>...</ref>===": "Panels"
            level = max(node.level - 2, 0)
            self.heads = self.heads[:level] + [title]
            self.skip = self.heads[0].lower() in SKIP_SECTIONS
            b.add("\n", start, end, False)
            b.sections.append((b.length, " / ".join(self.heads)))
            return
        if isinstance(node, Template):
            self.template(node, start, end, s)
            return
        if isinstance(node, Wikilink):
            self.wikilink(node, start, end, s)
            return
        if self.skip:
            return
        if isinstance(node, Tag):
            self.tag(node, start, end, s)
        elif isinstance(node, ExternalLink):
            if node.title is not None:
                b.add(node.title.strip_code(), start, end, False)
        elif isinstance(node, HTMLEntity):
            b.add(node.normalize(), start, end, False)
        elif isinstance(node, Comment):
            return

    def wikilink(self, node: Wikilink, start: int, end: int, s: str) -> None:
        """A link: its shown text, and the link's target and span."""
        raw = str(node.title)
        prefix = raw.split(":", 1)[0].strip().lower() if ":" in raw else ""
        if prefix in ("category",) and not raw.lstrip().startswith(":"):
            self.categories.append(raw.split(":", 1)[1].strip())
            return
        if self.skip or prefix in MEDIA_NAMESPACES or is_language_prefix(raw):
            return
        if node.text is not None:
            shown = node.text.strip_code().strip()
            at = s.find(shown, 2 + len(raw)) if shown else -1
        else:
            shown = raw.split("#", 1)[0].strip()
            at = s.find(shown, 2) if shown else -1
        target = link_target(raw, shown)
        if not shown:
            return
        p0 = self.b.length
        if at >= 0:
            self.b.add(shown, start + at, start + at + len(shown), True)
        else:
            self.b.add(shown, start, end, False)
        self.b.wrap(len(self.b.pieces) - 1, start, end)
        if target:
            self.b.links.append((p0, self.b.length, target))

    def tag(self, node: Tag, start: int, end: int, s: str) -> None:
        """A tag: refs become citations, formatting renders its contents, tables are skipped."""
        name = str(node.tag).lower().strip()
        if name == "ref":
            cit = None
            if node.contents is not None and str(node.contents).strip():
                cit = self.seen.get(id(node)) or _citation(node)
            elif node.has("name"):
                cit = self.named.get(attr_text(node, "name"))
            if cit:
                self.citations.setdefault(cit.key, cit)
                self.b.refs.append((self.b.length, cit.key))
            return
        if name == "table" and not self.skip:
            self.tables.append(_table(node, start, s, " / ".join(self.heads)))
            self.tables += nested_tables(node, start, s, " / ".join(self.heads))  # side-by-side tables in a layout one
            return
        if name in SKIP_TAGS or node.contents is None or node.self_closing:  # "<br />": one break, as the stream
            if name in BREAK_TAGS:
                self.b.add("\n", start, end, False)
            return
        if name in BREAK_TAGS:
            self.b.add("\n", start, end, False)
        sources = [str(n) for n in node.contents.nodes]
        inner = "".join(sources)
        at = s.find(inner) if inner else -1
        first, p0 = len(self.b.pieces), self.b.length
        self.nodes(node.contents.nodes, start + max(at, 0), sources)
        self.b.wrap(first, start, end)
        if name in ("b", "i") and self.b.length > p0:
            (self.b.bold if name == "b" else self.b.italic).append((p0, self.b.length))
        if name in BREAK_TAGS:
            self.b.add("\n", start, end, False)

    def template(self, node: Template, start: int, end: int, s: str) -> None:
        """A template: infoboxes are collected, inline text templates render their text."""
        name = _tname(node)
        if name.startswith("infobox") or name.endswith(" infobox") or name in RECORD_TEMPLATES or name in BOX_TEMPLATES:
            self.infoboxes.append(_infobox(node, name, start, s))
            return
        if name == "short description" and node.has("1"):
            self.short = node.get("1").value.strip_code().strip()
            return
        if name in AS_OF_TEMPLATES and not self.skip:
            if shown := as_of_text(lambda k: node.get(k).value.strip_code().strip() if node.has(k) else None):
                self.b.add(shown, start, end, False)  # {{As of|2012}}: "As of 2012"
            return
        if self.skip or name not in TEXT_TEMPLATES or TEXT_TEMPLATES[name] is None:
            return
        key = TEXT_TEMPLATES[name]
        if not node.has(key):
            return
        shown = node.get(key).value.strip_code().strip()
        if name in LINK_TEMPLATES and LANGUAGE_CODE.fullmatch(shown) and node.has("2"):
            shown = node.get("2").value.strip_code().strip()  # {{ill|de|Gymnasium Gotha}}: the code first
        p0 = self.b.length
        self.b.add(shown, start, end, False)
        if name in LINK_TEMPLATES and shown:
            self.b.links.append((p0, self.b.length, canonical_title(shown)))


def _title(heading: Heading) -> str:
    """A heading's title as Wikicode.strip_code() renders it, without its <ref> tags."""
    parts = [str(x) for n in heading.title.nodes
             if not (isinstance(n, Tag) and str(n.tag).strip().lower() == "ref")
             and (x := n.__strip__(normalize=True, collapse=True, keep_template_params=False))]
    out = "".join(parts).strip("\n")
    while "\n\n\n" in out:
        out = out.replace("\n\n\n", "\n\n")
    return out
