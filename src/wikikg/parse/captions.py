"""Captions as sentences: an image's caption, a gallery line's, an infobox's caption field, with offsets."""
from __future__ import annotations

import re
from dataclasses import replace

from wikikg.model import Article, Infobox, Sentence
from wikikg.parse.definitions import SKIP_SECTIONS

# "[[File:Foo.jpg|thumb|right|200px|upright=1.2|alt=...|The caption]]": the options MediaWiki's image syntax
# knows (Help:Images); the caption is the last part that is none of them
_OPTION = re.compile(r"\s*(?:thumb(?:nail)?(?:=.*)?|frame(?:d|less)?|border|left|right|center|centre|none|upright(?:=.*)?|"
                     r"baseline|middle|sub|super|text-top|text-bottom|top|bottom|\d*(?:x\d+)?\s*px|"
                     r"(?:alt|link|page|class|lang|thumbtime|start|end)\s*=.*)\s*", re.S | re.I)
_MEDIA = re.compile(r"\[\[\s*(?:File|Image)\s*:", re.I)
_GALLERY = re.compile(r"<gallery\b[^>]*>(.*?)</gallery\s*>", re.S | re.I)
_HEADING = re.compile(r"^(=+)\s*(.*?)\s*\1\s*$", re.M)
_MARK = re.compile(r"\[\[|\]\]|\{\{|\}\}|\|")  # what opens, closes or parts an image's markup
_LONGEST = 20_000  # characters an image's markup may span (a caption with links and templates is far shorter)
_CAPTION_FIELD = re.compile(r"(?:\w+_)?caption\d*|footer")  # Template:Infobox's "caption", "image_caption", "caption2"


def caption_sentences(article: Article, infoboxes: tuple[Infobox, ...], parse) -> tuple[Sentence, ...]:
    """The sentences of an article's captions (`parse`: the wikitext parser, run on each caption alone), their
    offsets into the article's text; none in a section of references or links."""
    text = article.text
    heads = [(m.start(), m.group(2)) for m in _HEADING.finditer(text)]
    out: list[Sentence] = []
    for start, end in sorted(set(_spans(text, infoboxes))):
        section = next((h for p, h in reversed(heads) if p < start), "")
        if section.lower() in SKIP_SECTIONS - {"gallery"}:
            continue
        for s in parse(Article(article.title, text[start:end])).sentences:
            out.append(replace(s, index=-1 - len(out), source=text[start + s.start:start + s.end],
                               start=start + s.start, end=start + s.end, section=section,
                               paragraph=-1 - len(out)))
    return tuple(out)


def _spans(text: str, infoboxes: tuple[Infobox, ...]) -> list[tuple[int, int]]:
    out = []
    for m in _MEDIA.finditer(text):
        parts, i, depth, last = [], m.end(), 1, m.end()
        stop = min(len(text), m.end() + _LONGEST)  # an unclosed "[[File:" scans no further: no quadratic walk
        for t in _MARK.finditer(text, m.end(), stop):
            mark, i = t.group(), t.end()
            if mark in ("[[", "{{"):
                depth += 1
            elif mark in ("]]", "}}"):
                depth -= 1
                if not depth:
                    break
            elif depth == 1:
                parts.append((last, t.start()))
                last = i
        if depth == 0:
            parts.append((last, i - 2))
            s, e = parts[-1]
            if len(parts) > 1 and not _OPTION.fullmatch(text, s, e) and text[s:e].strip():
                out.append((s, e))
    for g in _GALLERY.finditer(text):  # "File:Foo.jpg|The caption", one image a line
        pos = g.start(1)
        for line in g.group(1).split("\n"):
            bar = line.find("|")
            if bar >= 0 and not _OPTION.fullmatch(line[bar + 1:]) and line[bar + 1:].strip():
                out.append((pos + bar + 1, pos + len(line)))
            pos += len(line) + 1
    for box in infoboxes:
        for f in box.fields:
            if _CAPTION_FIELD.fullmatch(f.name) and (eq := f.source.find("=")) >= 0 and f.source[eq + 1:].strip():
                out.append((f.start + eq + 1, f.end))
    return out
