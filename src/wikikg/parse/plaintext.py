"""Plain text (no markup) -> ParsedArticle: headings, list items, paragraphs and sentences with offsets."""
from __future__ import annotations

import re

from wikikg.model import Article, ParsedArticle, Sentence
from wikikg.parse.segment import paragraphs, split_sentences

_HEADING = re.compile(r"^\s*(?:=+\s*)?([^.!?:;]{1,60}?)(?:\s*=+)?\s*$")
_BULLET = re.compile(r"^\s*(?:[*•·‣◦▪–—-]|\d{1,3}[.)])\s+")
_MINOR = {"of", "and", "the", "for", "in", "de", "da", "del", "von", "van", "&", "at", "on", "to", "a", "an"}


def _is_heading(line: str) -> bool:
    m = _HEADING.match(line)
    return bool(m) and len(line.split()) <= 8 and not line.rstrip().endswith((",", ".", ")"))


def _short(line: str) -> bool:
    """A line that can be a list item: a few words, no sentence punctuation at its end."""
    return len(line.split()) <= 10 and not line.rstrip().endswith((".", ",", ";", ":", "!", "?"))


def _title_case(line: str) -> bool:
    """A name rather than a heading: every major word capitalised ("Pierre Berton", not "Early years")."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", line) if w.lower() not in _MINOR]
    return bool(words) and all(w[:1].isupper() for w in words)


def _kinds(text: str, lines: list[tuple[int, int]]) -> list[str]:
    """'heading', 'item' or 'prose' for each non-blank line: a heading-shaped line after a blank line
    is a heading unless it continues a list (a name after a heading or an item); short lines right
    after a heading or an item, and bulleted lines, are list items."""
    kinds: list[str] = []
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        blank_before = i == 0 or "\n\n" in text[lines[i - 1][1]:s] or text[lines[i - 1][1]:s].count("\n") > 1
        prev = kinds[-1] if kinds else "prose"
        if _BULLET.match(line):
            kinds.append("item")
        elif _is_heading(line) and blank_before and not re.fullmatch(r"\s*\d{4}s?\s*", line) \
                and prev in ("heading", "item") and _title_case(line) \
                and (prev == "heading" or len(line.split()) > 1):
            kinds.append("item")  # "Partners" / blank / "Huawei": the list's first name
        elif _is_heading(line) and (blank_before or prev == "prose"):
            kinds.append("heading")
        elif prev in ("heading", "item") and _short(line):
            kinds.append("item")
        else:
            kinds.append("prose")
    return kinds


def parse_text(article: Article) -> ParsedArticle:
    """Split plain text into sections (short unpunctuated lines), list items and sentences."""
    text, heads, sentences = article.text, [], []
    lines = paragraphs(text)
    for pi, ((ps, pe), kind) in enumerate(zip(lines, _kinds(text, lines), strict=False)):
        line = text[ps:pe]
        if kind == "heading":
            title = _HEADING.match(line).group(1).strip()
            if re.fullmatch(r"\d{4}s?", title) and heads:
                heads = heads[:1] + [title]
            else:
                heads = [title]
            continue
        if kind == "item":
            bullet = _BULLET.match(line)
            skip = bullet.end() if bullet else len(line) - len(line.lstrip())
            body = line[skip:].rstrip()
            if body:
                sentences.append(Sentence(len(sentences), body, body, ps + skip, ps + skip + len(body),
                                          " / ".join(heads), pi, item=True))
            continue
        for s, e in split_sentences(line):
            sentences.append(Sentence(len(sentences), line[s:e], line[s:e], ps + s, ps + e,
                                      " / ".join(heads), pi))
    return ParsedArticle(article.title, "text", text, tuple(sentences))
