"""Citations: <ref> tags with cite templates, and named refs reused anywhere in the article."""
from __future__ import annotations

import hashlib
import re

import mwparserfromhell
from mwparserfromhell.nodes import Tag, Text
from mwparserfromhell.parser import tokens

from wikikg.kb.languages import language_codes
from wikikg.model import Citation
from wikikg.parse.definitions import CITE_PUBLISHER, NAME_SPACE
from wikikg.parse.definitions import template_name as _tname

_CODE = re.compile(r"([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*", re.I)
_LIST = re.compile(r"[,;/]| and ")
_SPACE = re.compile(r"\s+")


def language_code(value: str | None) -> str | None:
    """A cite template's language= as an ISO 639 code: 'en-US' -> 'en', 'Chinese' -> 'zh', the first of
    a list ('zh, en'); None when it names no language."""
    first = _LIST.split(value or "")[0].strip()
    by_alpha_2, by_alpha_3, by_any = language_codes()  # pycountry.languages' get() and lookup() as tables
    m = _CODE.fullmatch(first)
    if m:
        code = m.group(1).lower()
        return (by_alpha_2 if len(code) == 2 else by_alpha_3).get(code)
    return by_any.get(first.lower()) if first else None


_CITE_NAMES = {"citation", "cite news", "harvnb", "sfn"}


def _cite_template(key: str, text_of) -> Citation:
    """The Citation a cite template's fields give; `text_of(name)` is a parameter's plain text ("" if absent)."""
    def val(*names: str) -> str | None:
        for n in names:
            v = text_of(n)
            if v:
                return _SPACE.sub(" ", v)
        return None
    title = val("title", "chapter")
    language = language_code(val("language", "lang")) if title else "en" if val("trans-title") else None
    return Citation(key, val("url", "chapter-url"), title or val("trans-title"), val(*CITE_PUBLISHER),
                    val("date", "publication-date", "year"), language)


def citation(tag: Tag) -> Citation:
    """The Citation a <ref> tag gives (cite template fields, else its first URL or text)."""
    body = str(tag.contents) if tag.contents is not None else ""
    key = "c" + hashlib.sha1(body.strip().encode()).hexdigest()[:16]
    code = tag.contents if tag.contents is not None else mwparserfromhell.parse("")
    for t in code.filter_templates(recursive=False):
        name = _tname(t)
        if name.startswith("cite") or name in _CITE_NAMES:
            params = {str(p.name).strip(): p for p in t.params}  # the last of a name wins, as in t.get
            return _cite_template(key, lambda n: params[n].value.strip_code().strip() if n in params else "")
    links = code.filter_external_links() if code else []
    if links:
        link = links[0]
        return Citation(key, str(link.url).strip(),
                        link.title.strip_code().strip() if link.title else None)
    text = code.strip_code().strip() if code else ""
    return Citation(key, None, text or None)


def stream_citation(st, cs: int, ce: int) -> Citation:
    """citation() of the ref tag whose contents are tokens [cs, ce) of Stream `st`, read from the tokens."""
    key = "c" + hashlib.sha1(st.src(cs, ce).strip().encode()).hexdigest()[:16]
    toks, end = st.toks, st.end
    j = cs
    while j < ce:  # the top-level templates of the contents, in order
        e = end[j]
        if e < 0:
            j += 1
            continue
        if type(toks[j]) is tokens.TemplateOpen:
            name_end, plist = st.template_params(j)
            name = NAME_SPACE.sub(" ", st.strip(j + 1, name_end).strip()).lower()
            if name.startswith("cite") or name in _CITE_NAMES:
                params = {n: (vs, ve) for n, vs, ve in plist}  # the last of a name wins, as in t.get
                return _cite_template(key, lambda n: st.strip(*params[n]).strip() if n in params else "")
        j = e + 1
    for j in range(cs, ce):  # the first external link anywhere inside
        if type(toks[j]) is tokens.ExternalLinkOpen:
            e = end[j]
            seps = st.parts(j)
            url_end = seps[0] if seps else e
            title = st.strip(seps[0] + 1, e).strip() if seps and st.pos[e] > st.pos[seps[0] + 1] else None
            return Citation(key, st.src(j + 1, url_end).strip(), title)
    text = st.strip(cs, ce).strip()
    return Citation(key, None, text or None)


def _ref_tags(nodes, out: list) -> list:
    """The <ref> tags among `nodes` and their descendants, in the order of code.filter_tags()."""
    for node in nodes:
        kind = type(node)
        if kind is Text:
            continue
        if kind is Tag and str(node.tag).lower() == "ref":
            out.append(node)
        for code in node.__children__():
            _ref_tags(code.nodes, out)
    return out


def attr_text(tag, name: str) -> str:
    """A tag's attribute as plain text; "" for one written with no value ("<ref name>")."""
    value = tag.get(name).value
    return value.strip_code().strip() if value is not None else ""


def collect_refs(code, seen: dict[int, Citation] | None = None) -> dict[str, Citation]:
    """Named ref definitions anywhere in the article: name -> Citation; `seen` gets id(tag) -> Citation."""
    named = {}
    seen = {} if seen is None else seen
    for tag in _ref_tags(code.nodes, []):
        if tag.has("name") and tag.contents is not None and str(tag.contents).strip():
            name = attr_text(tag, "name")
            if name not in named:
                named[name] = seen[id(tag)] = citation(tag)
    return named
