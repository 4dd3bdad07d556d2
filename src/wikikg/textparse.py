"""Plain text (no markup) -> ParsedArticle: headings, paragraphs and sentences with offsets."""
from __future__ import annotations

import re

from .model import Article, ParsedArticle, Sentence
from .segment import paragraphs, split_sentences

_HEADING = re.compile(r"^\s*(?:=+\s*)?([^.!?:;]{1,60}?)(?:\s*=+)?\s*$")


def _is_heading(line: str) -> bool:
    m = _HEADING.match(line)
    return bool(m) and len(line.split()) <= 8 and not line.rstrip().endswith((",", ".", ")"))


def parse_text(article: Article) -> ParsedArticle:
    """Split plain text into sections (short unpunctuated lines) and sentences."""
    text, heads, sentences = article.text, [], []
    for pi, (ps, pe) in enumerate(paragraphs(text)):
        line = text[ps:pe]
        if _is_heading(line):
            title = _HEADING.match(line).group(1).strip()
            if re.fullmatch(r"\d{4}s?", title) and heads:
                heads = heads[:1] + [title]
            else:
                heads = [title]
            continue
        for s, e in split_sentences(line):
            sentences.append(Sentence(len(sentences), line[s:e], line[s:e], ps + s, ps + e,
                                      " / ".join(heads), pi))
    return ParsedArticle(article.title, "text", text, tuple(sentences))
