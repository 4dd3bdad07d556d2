"""Dates the prose gives a list's, a table's or an infobox's undated fact, read once the fact's ends are typed."""
from __future__ import annotations

from dataclasses import replace

from wikikg.extract.classify import split_title
from wikikg.extract.known import SHAPE
from wikikg.extract.mentions import Context, link_mention
from wikikg.extract.sentences import extract_sentences
from wikikg.kb.vocabulary import is_symmetric
from wikikg.model import Mention, ParsedArticle, Statement

_STRUCTURE = ("infobox.", "list.", "table.")  # the rules of the article's structure, whose facts carry no prose date


def _fact(st: Statement) -> tuple[str, str, str] | None:
    if not isinstance(st.obj, Mention) or st.attributed_to is not None:
        return None
    a, b = st.subject.key, st.obj.key
    return (min(a, b), st.predicate, max(a, b)) if is_symmetric(st.predicate) else (a, st.predicate, b)


def dated_by_prose(stated: list[Statement], article: ParsedArticle, ctx: Context) -> list[Statement]:
    """The prose's statements of facts that the article's lists or tables give with no date and no sentence
    dates, whose other end the prose leaves untyped: "| [[Foo FC]] || Fooville" in a members table, then
    "[[Foo FC]] joined the league in 1995." The paragraphs that name such an end are read again with it typed as
    the structure types it (an untyped link fills no rule's place); only their dated statements of those very
    facts are kept."""
    dated = {f for st in stated if st.date is not None and (f := _fact(st)) is not None}
    undated = {f: st for st in stated if st.rule.startswith(_STRUCTURE) and (f := _fact(st)) is not None
               and f not in dated}
    if not undated:
        return []
    typed = {m.key for m in (*ctx.typed.values(), *ctx.index.values()) if m.types}
    ends = {m.key: m for st in undated.values() for m in (st.subject, st.obj)
            if isinstance(m, Mention) and m.types and m.key != ctx.subject.key and m.key not in typed}
    if not ends:
        return []  # the prose types every end already: its rules read what they could
    names = {n for m in ends.values() for n in {m.text, split_title(m.key)[0]} if len(n) > 2}
    paragraphs = frozenset(s.paragraph for s in article.sentences if not s.item and (
        any(n in s.text for n in names) or any(link_mention(k.target, k.text).key in ends for k in s.links)))
    if not paragraphs:
        return []
    retyped = replace(ctx, index=dict(ctx.index), found={}, typed={
        **ctx.typed, **{k: replace(m, strength=max(m.strength, SHAPE)) for k, m in ends.items()}})
    return [st for st in extract_sentences(article, retyped, paragraphs)
            if st.date is not None and _fact(st) in undated and st.attributed_to is None]
