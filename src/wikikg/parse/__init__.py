"""Wikitext and plain text -> ParsedArticle; this package is the only importer of mwparserfromhell."""
from __future__ import annotations

import bisect

from wikikg.model import Article, Link, ParsedArticle, Sentence, Table
from wikikg.parse.captions import caption_sentences
from wikikg.parse.definitions import canonical_title, is_calendar_title, is_disambiguation
from wikikg.parse.engine import render
from wikikg.parse.plaintext import parse_text
from wikikg.parse.segment import paragraphs, split_sentences
from wikikg.parse.softbreaks import join_soft_breaks
from wikikg.parse.successions import successions
from wikikg.parse.texttables import text_tables

__all__ = ["canonical_title", "parse_article", "parse_wikitext"]


def parse_wikitext(article: Article, tree: bool = False, captions: bool = True) -> ParsedArticle:
    """Parse raw wikitext: sentences with offsets, links, refs, infoboxes, categories (`tree`: rendered
    from mwparserfromhell's node tree instead of its token stream, the same result more slowly; `captions`: with the
    captions' sentences)."""
    r, warnings = render(article.text, tree)
    b = r.b
    plain = join_soft_breaks(b.text(), article.text, b)
    sec_pos = [p for p, _ in b.sections]
    links = sorted(ln for ln in b.links if not is_calendar_title(ln[2]))  # "[[December 2]], [[2006]]": a date
    link_starts = [s for s, _e, _t in links]
    ref_pos = [p for p, _ in b.refs]
    b.bold.sort()
    bold_starts = [p for p, _ in b.bold]
    b.italic.sort()
    italic_starts = [p for p, _ in b.italic]
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
            bold = tuple((bs - s, be - s) for bs, be in b.bold[bisect.bisect_left(bold_starts, s):
                                                                bisect.bisect_right(bold_starts, e)] if be <= e)
            italic = tuple((bs - s, be - s) for bs, be in b.italic[bisect.bisect_left(italic_starts, s):
                                                                    bisect.bisect_right(italic_starts, e)] if be <= e)
            src_s, src_e = b.src_span(s, e)
            sentences.append(Sentence(len(sentences), plain[s:e], article.text[src_s:src_e],
                                      src_s, src_e, section, pi, slinks, refs, bold, italic=italic))
    return ParsedArticle(article.title, "wikitext", article.text, tuple(sentences),
                         successions(tuple(r.infoboxes)), tuple(r.citations.values()),
                         tuple(dict.fromkeys(r.categories)), r.short, tables=_tables(r.tables, article.text, tuple(sentences)),
                         warnings=warnings,
                         disambiguation=is_disambiguation(article.title, article.text),
                         captions=caption_sentences(article, tuple(r.infoboxes), _caption_parser(tree)) if captions else ())


def _tables(tables: list[Table], text: str, sentences: tuple[Sentence, ...]) -> tuple[Table, ...]:
    """The wikitables and the standings laid out as preformatted text, in the order of the input."""
    more = text_tables(text, sentences)
    return tuple(sorted([*tables, *more], key=lambda t: t.start)) if more else tuple(tables)


def _caption_parser(tree: bool):
    return lambda a: parse_wikitext(a, tree, captions=False)


def parse_article(article: Article) -> ParsedArticle:
    """Parse an article of either kind into the same ParsedArticle shape."""
    if article.kind == "text":
        return parse_text(article)
    return parse_wikitext(article)
