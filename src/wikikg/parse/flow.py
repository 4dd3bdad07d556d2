"""Renders plain text with offsets back to the input from the token stream, without a node tree."""
from __future__ import annotations

from mwparserfromhell.parser import tokens as T

from wikikg.model import Citation, Infobox
from wikikg.parse.asof import AS_OF_TEMPLATES, as_of_text
from wikikg.parse.boxtokens import stream_infobox
from wikikg.parse.cite import stream_citation as _citation
from wikikg.parse.definitions import (
    BOX_TEMPLATES,
    BREAK_TAGS,
    LANGUAGE_CODE,
    LINK_TEMPLATES,
    MEDIA_NAMESPACES,
    NAME_SPACE,
    RECORD_TEMPLATES,
    SKIP_SECTIONS,
    SKIP_TAGS,
    TEXT_TEMPLATES,
    canonical_title,
    is_language_prefix,
    link_target,
)
from wikikg.parse.infobox import infobox as _infobox
from wikikg.parse.segment import Builder
from wikikg.parse.stream import Mismatch, Stream
from wikikg.parse.tables import stream_nested_tables
from wikikg.parse.tables import stream_table as _table

__all__ = ["Flow", "collect_refs"]

_Text = T.Text


def _get(params: list, key: str):
    """The last parameter named `key` (as Template.get finds it), or None."""
    for p in reversed(params):
        if p[0] == key:
            return p
    return None


def _attr_value(st: Stream, i: int, attrs: list, name: str) -> str | None:
    """Tag.get(name).value.strip_code().strip() of the tag at token i, or None without that attribute."""
    for a_name, vs, ve in reversed(attrs):
        if a_name == name:
            if vs is None:  # "<ref name>": an attribute with no value names nothing (as parse/cite.attr_text reads it)
                return ""
            return st.strip(vs, ve).strip()
    return None


def collect_refs(st: Stream, seen: dict[int, Citation]) -> dict[str, Citation]:
    """Named ref definitions anywhere in the article: name -> Citation; `seen` gets token index -> Citation."""
    named: dict[str, Citation] = {}
    toks = st.toks
    for i in st.tags:  # the tags' opening tokens, which the stream's index pass listed
        if type(toks[i + 1]) is not _Text or toks[i + 1]["text"].lower() != "ref":
            continue
        name, attrs, cs, ce = st.tag(i)
        if name.lower() != "ref" or cs is None or not st.src(cs, ce).strip():
            continue
        key = _attr_value(st, i, attrs, "name")
        if key is not None and key not in named:
            named[key] = seen[i] = _citation(st, cs, ce)
    return named


class Flow:
    """Walks the token stream, rendering plain text into a Builder with input offsets (as
    render.Renderer does over the node tree, offset for offset)."""

    def __init__(self, st: Stream, named: dict[str, Citation], seen: dict[int, Citation] | None = None):
        self.st = st
        self.b = Builder()
        self.named = named
        self.seen = seen or {}  # token index of a ref tag -> its Citation, where collect_refs made it
        self.citations: dict[str, Citation] = {}
        self.infoboxes: list[Infobox] = []
        self.tables: list = []
        self.categories: list[str] = []
        self.heads: list[str] = []
        self.skip = False
        self.hidden = False  # after an unclosed <!--: MediaWiki hides the rest of the page
        self.short = None

    def run(self) -> None:
        """Render the whole article."""
        self.nodes(0, len(self.st.toks), 0)

    def nodes(self, i: int, j: int, shift: int) -> None:
        """Render the sibling nodes of tokens [i, j); `shift` moves the offsets the way the tree
        renderer places a tag's contents (at the first match of their text in the tag)."""
        st = self.st
        toks, pos, end, text = st.toks, st.pos, st.end, st.text
        b = self.b
        while i < j:
            if self.hidden:
                return
            tok = toks[i]
            if type(tok) is _Text:
                s = tok["text"]
                start = pos[i] + shift
                if "<!--" in s:  # the tokenizer leaves an unclosed comment as text
                    cut = s.index("<!--")
                    s, self.hidden = s[:cut], True
                    if not self.skip:
                        b.add(s, start, start + cut, True)
                elif not self.skip:
                    b.add(s, start, start + len(s), True)
                i += 1
                continue
            e = end[i]
            if e < 0:
                i += 1
                continue
            self.node(i, e, pos[i] + shift, pos[e + 1] + shift, text[pos[i]:pos[e + 1]])
            i = e + 1

    def node(self, i: int, e: int, start: int, end: int, s: str) -> None:
        """Render the structure of tokens [i, e] spanning input[start:end] (its source is `s`)."""
        kind = type(self.st.toks[i])
        b = self.b
        if kind is T.HeadingStart:
            title = self.st.strip(i + 1, e, refs=False).strip()  # "===Panels<ref>...</ref>===": "Panels"
            level = max(self.st.toks[i].level - 2, 0)
            self.heads = self.heads[:level] + [title]
            self.skip = self.heads[0].lower() in SKIP_SECTIONS
            b.add("\n", start, end, False)
            b.sections.append((b.length, " / ".join(self.heads)))
            return
        if kind is T.TemplateOpen:
            self.template(i, e, start, end, s)
            return
        if kind is T.WikilinkOpen:
            self.wikilink(i, e, start, end, s)
            return
        if self.skip:
            return
        if kind is T.TagOpenOpen:
            self.tag(i, e, start, end, s)
        elif kind is T.ExternalLinkOpen:
            seps = self.st.parts(i)
            if seps:
                b.add(self.st.strip(seps[0] + 1, e), start, end, False)
        elif kind is T.HTMLEntityStart:
            b.add(self.st.entity(i).normalize(), start, end, False)

    def wikilink(self, i: int, e: int, start: int, end: int, s: str) -> None:
        """A link: its shown text, and the link's target and span."""
        st = self.st
        seps = st.parts(i)
        title_end = seps[0] if seps else e
        raw = st.src(i + 1, title_end)
        prefix = raw.split(":", 1)[0].strip().lower() if ":" in raw else ""
        if prefix in ("category",) and not raw.lstrip().startswith(":"):
            self.categories.append(raw.split(":", 1)[1].strip())
            return
        if self.skip or prefix in MEDIA_NAMESPACES or is_language_prefix(raw):
            return
        if seps:
            shown = st.strip(seps[0] + 1, e).strip()
            at = s.find(shown, 2 + len(raw)) if shown else -1
        else:
            shown = raw.split("#", 1)[0].strip()
            at = s.find(shown, 2) if shown else -1
        target = link_target(raw, shown)
        if not shown:
            return
        b = self.b
        p0 = b.length
        if at >= 0:
            b.add(shown, start + at, start + at + len(shown), True)
        else:
            b.add(shown, start, end, False)
        b.wrap(len(b.pieces) - 1, start, end)
        if target:
            b.links.append((p0, b.length, target))

    def tag(self, i: int, e: int, start: int, end: int, s: str) -> None:
        """A tag: refs become citations, formatting renders its contents, tables are skipped."""
        st, b = self.st, self.b
        name, attrs, cs, ce = st.tag(i)
        name = name.lower().strip()
        if name == "ref":
            cit = None
            if cs is not None and st.src(cs, ce).strip():
                cit = self.seen.get(i) or _citation(st, cs, ce)
            else:
                key = _attr_value(st, i, attrs, "name")
                if key is not None:
                    cit = self.named.get(key)
            if cit:
                self.citations.setdefault(cit.key, cit)
                b.refs.append((b.length, cit.key))
            return
        if name == "table" and not self.skip:
            self.tables.append(_table(st, i, start, s, " / ".join(self.heads)))
            self.tables += stream_nested_tables(st, i, start, s, " / ".join(self.heads))  # side-by-side tables in a layout one
            return
        if name in SKIP_TAGS or cs is None:
            if name in BREAK_TAGS:
                b.add("\n", start, end, False)
            return
        if name in BREAK_TAGS:
            b.add("\n", start, end, False)
        inner = st.src(cs, ce)
        at = s.find(inner) if inner else -1
        first, p0 = len(b.pieces), b.length
        self.nodes(cs, ce, start + max(at, 0) - st.pos[cs])
        b.wrap(first, start, end)
        if name in ("b", "i") and b.length > p0:
            (b.bold if name == "b" else b.italic).append((p0, b.length))
        if name in BREAK_TAGS:
            b.add("\n", start, end, False)

    def template(self, i: int, e: int, start: int, end: int, s: str) -> None:
        """A template: infoboxes are collected, inline text templates render their text."""
        st = self.st
        name = NAME_SPACE.sub(" ", st.strip(i + 1, st.name_end(i)).strip()).lower()
        if name.startswith("infobox") or name.endswith(" infobox") or name in RECORD_TEMPLATES or name in BOX_TEMPLATES:
            try:
                box = stream_infobox(st, i, name, start, s)
            except Mismatch:  # a shape the token reader does not know: build the template's nodes
                box = _infobox(st.node(i), name, start, s)
            self.infoboxes.append(box)
            return
        if name != "short description" and name not in AS_OF_TEMPLATES and TEXT_TEMPLATES.get(name) is None:
            return  # a template that renders nothing (its parameters are not read)
        params = st.template_params(i)[1]
        if name == "short description":
            p = _get(params, "1")
            if p is not None:
                self.short = st.strip(p[1], p[2]).strip()
                return
        if name in AS_OF_TEMPLATES and not self.skip:
            if shown := as_of_text(lambda k: st.strip(q[1], q[2]).strip() if (q := _get(params, k)) else None):
                self.b.add(shown, start, end, False)  # {{As of|2012}}: "As of 2012"
            return
        if self.skip or name not in TEXT_TEMPLATES or TEXT_TEMPLATES[name] is None:
            return
        p = _get(params, TEXT_TEMPLATES[name])
        if p is None:
            return
        shown = st.strip(p[1], p[2]).strip()
        if name in LINK_TEMPLATES and LANGUAGE_CODE.fullmatch(shown) and (q := _get(params, "2")) is not None:
            shown = st.strip(q[1], q[2]).strip()  # {{ill|de|Gymnasium Gotha}}: the code first, the name second
        b = self.b
        p0 = b.length
        b.add(shown, start, end, False)
        if name in LINK_TEMPLATES and shown:
            b.links.append((p0, b.length, canonical_title(shown)))
