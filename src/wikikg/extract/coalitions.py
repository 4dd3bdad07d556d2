"""Parties linked right before a coalition's link that shows its noun alone: "[[A]]–[[B]] [[C|coalition]]"."""
from __future__ import annotations

import re
from functools import cache

from wikikg.extract.classify import split_title
from wikikg.extract.mentions import Context
from wikikg.kb.names import name_tables
from wikikg.kb.places import places
from wikikg.kb.vocabulary import org_classes
from wikikg.model import Evidence, Link, Mention, ParsedArticle, Statement

RULE = "membership.parties-coalition"
_JOIN = re.compile(r"\s*(?:[–—/&-]|and)?\s*")  # between two links of one run: "[[A]]–[[B]]", "[[A]] [[B]]"


def extract_coalitions(article: ParsedArticle, ctx: Context) -> list[Statement]:
    """`memberOf` for the parties whose links run (joined by a space, a dash, a slash or "and") right before a
    link that shows only the noun of a body of parties (names.toml [membership] of_parties), in prose ("the [[Foo
    Party|Foo]]–[[Bar Party|Bar]] [[Foo Coalition|coalition]] was defeated") and in infobox values
    ("opposition_parties = [[A|Foo]] [[B|Bar]] [[C|coalition]]"): each of them is a member of that body."""
    out: list[Statement] = []
    nouns = _body_nouns()  # the links' shown texts that are a body's noun, found once an article (most have none)
    bodies = {t for t in {k.text for s in article.sentences for k in s.links} if t.strip().casefold() in nouns}
    for s in article.sentences if bodies else ():
        if any(k.text in bodies for k in s.links):
            out += _members(s.text, s.links, ctx, Evidence.of_sentence(s), spans=True)
    for box in article.infoboxes:
        for f in box.fields:
            for item in f.items:
                if any(_is_body(k) for k in item.links):
                    out += _members(item.text, item.links, ctx, Evidence(f.source, "Infobox", f.start, f.end))
    return out


def _members(text: str, links: tuple[Link, ...], ctx: Context, evidence: Evidence,
             spans: bool = False) -> list[Statement]:
    """The statements of one text's runs of party links, each closed by a body's link."""
    out: list[Statement] = []
    run: list[tuple[Link, Mention]] = []  # the run's links with their parties' mentions, each made once
    for link in links:
        joined = bool(run) and _JOIN.fullmatch(text, run[-1][0].end, link.start) is not None
        if _is_body(link):
            if joined and (body := _mention(link, ctx, spans)) is not None:
                out += [Statement(party, "memberOf", body, RULE, evidence, "Membership")
                        for _, party in run if party.key != body.key]
            run = []
        elif (party := _mention(link, ctx, spans)) is not None:
            run = [*run, (link, party)] if joined else [(link, party)]
        else:
            run = []
    return out


def _is_body(link: Link) -> bool:
    return link.text.strip().casefold() in _body_nouns()


def _mention(link: Link, ctx: Context, spans: bool) -> Mention | None:
    """The link as an organisation's mention, typed as the article knows it; None when it names something else
    (a person, a place)."""
    known = ctx.typed.get(link.target) or ctx.index.get(link.target) or ctx.index.get(link.text)
    types = known.types if known is not None and known.key == link.target else frozenset()
    if types and not types & org_classes() or split_title(link.target)[0] in places():
        return None
    start, end = (link.start, link.end) if spans else (-1, -1)
    return Mention(link.text, link.target, True, types or frozenset({"Organization"}), start=start, end=end,
                   strength=known.strength if types and known is not None else 0)


@cache
def _body_nouns() -> frozenset[str]:
    return frozenset(w.casefold() for w in name_tables().of_parties)
