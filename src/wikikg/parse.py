"""Wikitext and plain text -> ParsedArticle; the only importer of mwparserfromhell."""
from __future__ import annotations

import bisect
import hashlib
import re

import mwparserfromhell
from mwparserfromhell.nodes import (Comment, ExternalLink, Heading, HTMLEntity, Tag, Template,
                                    Text, Wikilink)

from .model import (Article, Citation, FieldItem, Infobox, InfoboxField, Link, ParsedArticle,
                    Sentence, TemplateCall)
from .segment import Builder, paragraphs, split_sentences
from .textparse import parse_text

# Sections whose text is not article prose (lists of sources, navigation).
SKIP_SECTIONS = {"references", "external links", "see also", "further reading", "notes",
                 "bibliography", "sources", "footnotes", "citations", "notes and references",
                 "works cited", "literature", "gallery"}
# Link namespaces that are not article links.
SKIP_NAMESPACES = {"file", "image", "media", "category", "special", "help", "template", "wikipedia",
                   "wp", "portal", "wikt", "wiktionary", "commons", "s", "d", "user", "talk", "draft"}
SKIP_TAGS = {"table", "gallery", "math", "code", "pre", "timeline", "imagemap", "score",
             "syntaxhighlight", "source", "references", "graph", "mapframe", "chem", "ce", "hiero"}
BREAK_TAGS = {"br", "li", "dt", "dd", "hr", "p", "div", "blockquote", "ul", "ol", "dl"}
# Namespaces whose links show nothing in the text (images, media).
MEDIA_NAMESPACES = {"file", "image", "media"}
# Inline templates whose text is part of the sentence: name -> positional parameter to show.
TEXT_TEMPLATES = {"nowrap": "1", "nobr": "1", "small": "1", "lang": "2", "transl": "2", "sic": "1",
                  "nobold": "1", "noitalic": "1", "em": "1", "strong": "1", "nowrap begin": None,
                  "ill": "1", "interlanguage link": "1", "interlanguage link multi": "1",
                  "smallcaps": "1", "lang-en": "1", "not a typo": "1", "proper name": "1",
                  "ship": "2", "mvar": "1", "visible anchor": "1", "anchor": None}
LINK_TEMPLATES = {"ill", "interlanguage link", "interlanguage link multi"}
LIST_TEMPLATES = {"ubl", "unbulleted list", "plainlist", "plain list", "flatlist", "flat list",
                  "hlist", "collapsible list", "bulleted list", "bull list", "ublist", "cslist",
                  "endplainlist", "startplainlist", "indented plainlist"}
CITE_PUBLISHER = ("publisher", "work", "website", "newspaper", "magazine", "journal", "agency",
                  "periodical", "via")


def canonical_title(title: str) -> str:
    """A link target as its canonical Wikipedia title: no fragment, single spaces, first upper."""
    t = title.replace("_", " ").split("#", 1)[0]
    t = re.sub(r"\s+", " ", t).strip().lstrip(":").strip()
    return t[:1].upper() + t[1:] if t else t


def _tname(t: Template) -> str:
    return re.sub(r"[\s_]+", " ", t.name.strip_code().strip()).lower()


def _citation(tag: Tag) -> Citation:
    body = str(tag.contents) if tag.contents is not None else ""
    key = "c" + hashlib.sha1(body.strip().encode()).hexdigest()[:16]
    code = tag.contents if tag.contents is not None else mwparserfromhell.parse("")
    for t in code.filter_templates(recursive=False):
        name = _tname(t)
        if name.startswith("cite") or name in {"citation", "cite news", "harvnb", "sfn"}:
            def val(*names: str) -> str | None:
                for n in names:
                    if t.has(n) and t.get(n).value.strip_code().strip():
                        return re.sub(r"\s+", " ", t.get(n).value.strip_code().strip())
                return None
            url = val("url", "chapter-url")
            return Citation(key, url, val("title", "chapter", "trans-title"),
                            val(*CITE_PUBLISHER), val("date", "publication-date", "year"))
    links = code.filter_external_links() if code else []
    if links:
        link = links[0]
        return Citation(key, str(link.url).strip(),
                        link.title.strip_code().strip() if link.title else None)
    text = code.strip_code().strip() if code else ""
    return Citation(key, None, text or None)


def _collect_refs(code) -> dict[str, Citation]:
    """Named ref definitions anywhere in the article: name -> Citation."""
    named = {}
    for tag in code.filter_tags(matches=lambda n: n.tag.lower() == "ref"):
        if tag.has("name") and tag.contents is not None and str(tag.contents).strip():
            named.setdefault(tag.get("name").value.strip_code().strip(), _citation(tag))
    return named


class _Renderer:
    """Walks the node tree, rendering plain text into a Builder with input offsets."""

    def __init__(self, named: dict[str, Citation]):
        self.b = Builder()
        self.named = named
        self.citations: dict[str, Citation] = {}
        self.infoboxes: list[Infobox] = []
        self.categories: list[str] = []
        self.heads: list[str] = []
        self.skip = False
        self.short = None

    def nodes(self, nodes, offset: int) -> None:
        for node in nodes:
            s = str(node)
            self.node(node, offset, offset + len(s), s)
            offset += len(s)

    def node(self, node, start: int, end: int, s: str) -> None:
        b = self.b
        if isinstance(node, Heading):
            title = node.title.strip_code().strip()
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
        if isinstance(node, Text):
            b.add(s, start, end, True)
        elif isinstance(node, Wikilink):
            self.wikilink(node, start, end, s)
        elif isinstance(node, Tag):
            self.tag(node, start, end, s)
        elif isinstance(node, ExternalLink):
            if node.title is not None:
                b.add(node.title.strip_code(), start, end, False)
        elif isinstance(node, HTMLEntity):
            b.add(node.normalize(), start, end, False)
        elif isinstance(node, Comment):
            return

    def wikilink(self, node: Wikilink, start: int, end: int, s: str) -> None:
        raw = str(node.title)
        prefix = raw.split(":", 1)[0].strip().lower() if ":" in raw else ""
        if prefix in ("category",) and not raw.lstrip().startswith(":"):
            self.categories.append(raw.split(":", 1)[1].strip())
            return
        if self.skip or prefix in MEDIA_NAMESPACES or (
                re.fullmatch(r"[a-z]{2,3}(-[a-z]+)?", prefix) and not raw.startswith(":")):
            return
        target = canonical_title(raw) if prefix not in SKIP_NAMESPACES else ""
        if node.text is not None:
            shown = node.text.strip_code().strip()
            at = s.find(shown, 2 + len(raw)) if shown else -1
        else:
            shown = raw.split("#", 1)[0].strip()
            at = s.find(shown, 2) if shown else -1
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
        name = str(node.tag).lower().strip()
        if name == "ref":
            cit = None
            if node.contents is not None and str(node.contents).strip():
                cit = _citation(node)
            elif node.has("name"):
                cit = self.named.get(node.get("name").value.strip_code().strip())
            if cit:
                self.citations.setdefault(cit.key, cit)
                self.b.refs.append((self.b.length, cit.key))
            return
        if name in SKIP_TAGS or node.contents is None:
            if name in BREAK_TAGS:
                self.b.add("\n", start, end, False)
            return
        if name in BREAK_TAGS:
            self.b.add("\n", start, end, False)
        inner = str(node.contents)
        at = s.find(inner) if inner else -1
        first, p0 = len(self.b.pieces), self.b.length
        self.nodes(node.contents.nodes, start + max(at, 0))
        self.b.wrap(first, start, end)
        if name == "b" and self.b.length > p0:
            self.b.bold.append((p0, self.b.length))
        if name in BREAK_TAGS:
            self.b.add("\n", start, end, False)

    def template(self, node: Template, start: int, end: int, s: str) -> None:
        name = _tname(node)
        if name.startswith("infobox") or name.endswith(" infobox"):
            self.infoboxes.append(_infobox(node, name, start, s))
            return
        if name == "short description" and node.has("1"):
            self.short = node.get("1").value.strip_code().strip()
            return
        if self.skip or name not in TEXT_TEMPLATES or TEXT_TEMPLATES[name] is None:
            return
        key = TEXT_TEMPLATES[name]
        if not node.has(key):
            return
        shown = node.get(key).value.strip_code().strip()
        p0 = self.b.length
        self.b.add(shown, start, end, False)
        if name in LINK_TEMPLATES and shown:
            self.b.links.append((p0, self.b.length, canonical_title(shown)))


def _params(t: Template) -> tuple[tuple[str, str], ...]:
    return tuple((str(p.name).strip(), p.value.strip_code().strip()) for p in t.params)


def _infobox(t: Template, name: str, start: int, s: str) -> Infobox:
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
                cur[1].append((canonical_title(raw), shown, pos, pos + len(shown)))
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
                    walk(node.get(TEXT_TEMPLATES[name]).value.nodes)
                else:
                    cur[2].append(TemplateCall(name, _params(node)))
            elif isinstance(node, ExternalLink):
                cur[0].append(node.title.strip_code() if node.title else str(node.url))
            elif isinstance(node, HTMLEntity):
                cur[0].append(node.normalize())
        flush()

    walk(code.nodes)
    return items


def parse_wikitext(article: Article) -> ParsedArticle:
    """Parse raw wikitext: sentences with offsets, links, refs, infoboxes, categories."""
    code = mwparserfromhell.parse(article.text)
    r = _Renderer(_collect_refs(code))
    r.nodes(code.nodes, 0)
    b = r.b
    plain = b.text()
    sec_pos = [p for p, _ in b.sections]
    links = sorted(b.links)
    link_starts = [s for s, _e, _t in links]
    ref_pos = [p for p, _ in b.refs]
    sentences: list[Sentence] = []
    for pi, (ps, pe) in enumerate(paragraphs(plain)):
        spans = [(ps + s, ps + e) for s, e in split_sentences(plain[ps:pe])]
        for si, (s, e) in enumerate(spans):
            nxt = spans[si + 1][0] if si + 1 < len(spans) else pe + 1
            k = bisect.bisect_right(sec_pos, s) - 1
            section = b.sections[k][1] if k >= 0 else ""
            lo = bisect.bisect_left(link_starts, s)
            slinks = tuple(Link(t, plain[ls:le], ls - s, le - s)
                           for ls, le, t in links[lo:bisect.bisect_left(link_starts, e)] if le <= e)
            refs = tuple(dict.fromkeys(
                key for p, key in b.refs[bisect.bisect_right(ref_pos, s):bisect.bisect_right(ref_pos, nxt)]))
            bold = tuple((bs - s, be - s) for bs, be in b.bold if s <= bs and be <= e)
            src_s, src_e = b.src_span(s, e)
            sentences.append(Sentence(len(sentences), plain[s:e], article.text[src_s:src_e],
                                      src_s, src_e, section, pi, slinks, refs, bold))
    return ParsedArticle(article.title, "wikitext", article.text, tuple(sentences),
                         tuple(r.infoboxes), tuple(r.citations.values()),
                         tuple(dict.fromkeys(r.categories)), r.short)


def parse_article(article: Article) -> ParsedArticle:
    """Parse an article of either kind into the same ParsedArticle shape."""
    if article.kind == "text":
        return parse_text(article)
    return parse_wikitext(article)
