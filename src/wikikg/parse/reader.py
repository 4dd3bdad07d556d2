"""Evidence text as a reader of the article sees it: markup rendered away, and the holes removed templates leave closed."""
from __future__ import annotations

import re

from wikikg.parse.engine import render
from wikikg.parse.softbreaks import join_soft_breaks
from wikikg.parse.tokenize import parse_code

__all__ = ["reader_plain", "reader_text"]

_MARKUP = re.compile(r"\[\[|\{\{|\{\||''|<[a-zA-Z!/]|&[#a-zA-Z0-9]+;|\[(?:https?:)?//")
_FIELD = re.compile(r"\A\s*\|\s*([^=|\n{}\[\]<>]+?)\s*=(.*)\Z", re.S)  # "| founder = [[Jane Roe]]"
# Markup the tokenizer left as text (a <ref> whose contents it could not close, an unclosed comment):
# a reader sees none of it.
_LEFTOVER = re.compile(r"<ref\b[^<>]*/>|<ref\b[^<>]*>.*?(?:</ref\s*>|\Z)|<references\b[^<>]*/>|<!--.*?(?:-->|\Z)"
                       r"|</?(?:br|p|div|span|small|big|sup|sub|b|i|u|s|center|font|abbr|nowiki)\b[^<>]*>",
                       re.I | re.S)
# What a removed template leaves: "()", "( ; )", "(; , )", and "(, F.SH.F.)" -> "(F.SH.F.)".
_HOLE = re.compile(r"[ \t]*\([\s,;:/·•–—-]*\)")
_OPEN_PUNCT = re.compile(r"\(\s*(?:[,;:]\s*)+")
_CLOSE_PUNCT = re.compile(r"(?:\s*[,;:])+\s*\)")
_SPACE_PUNCT = re.compile(r"[ \t]+(?=[,;])")
_SPACES = re.compile(r"[ \t]{2,}")


def _render(text: str) -> str:
    """Wikitext rendered as the article's sentences are (links' shown text, no refs, templates or tags)."""
    r, _ = render(text)
    return join_soft_breaks(r.b.text(), text, r.b)


def _template_words(text: str) -> str:
    """What the templates of `text` say in their positional parameters ("{{Start date|df=yes|October
    2014}}" -> "October 2014"): the reader's text of a value that is only templates, which we do not expand."""
    out = []
    for t in parse_code(text).filter_templates(recursive=False):
        out += [p.value.strip_code().strip() for p in t.params if not p.showkey]
    return ", ".join(v for v in out if v)


def _tidy(text: str) -> str:
    """Close what removed markup left: leftover tags and refs, empty brackets, doubled spaces."""
    # each expression runs only on a text holding a character it cannot match without (most hold none)
    if "<" in text:
        text = _LEFTOVER.sub("", text)
    if "(" in text:
        text = _OPEN_PUNCT.sub("(", text)
    if ")" in text:
        text = _CLOSE_PUNCT.sub(")", text)
        if "(" in text:
            text = _HOLE.sub("", text)
    if "," in text or ";" in text:
        text = _SPACE_PUNCT.sub("", text)
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


def reader_plain(plain: str) -> str:
    """A rendered plain text (a sentence's) as a reader sees it: leftover refs, comments and tags
    dropped, the holes of removed templates closed ("Acme () is" -> "Acme is")."""
    return " ".join(_tidy(line) for line in plain.split("\n") if line.strip())


def reader_text(text: str) -> str:
    """Verbatim wikitext (a sentence, an infobox row) as a reader of the article sees it: an infobox
    row "| founder = [[A]]<br>[[B]]" reads "founder: A; B"."""
    field = _FIELD.match(text)
    if field:
        value = _render(field.group(2)) if _MARKUP.search(field.group(2)) else field.group(2)
        if not value.strip() and "{{" in field.group(2):
            value = _template_words(field.group(2))
        lines = [_tidy(v) for v in value.split("\n")]
        value = "; ".join(v.strip(" *#:;,") for v in lines if v.strip(" *#:;,"))
        return f"{field.group(1).strip().replace('_', ' ')}: {value}" if value else ""
    return reader_plain(_render(text) if _MARKUP.search(text) else text)
