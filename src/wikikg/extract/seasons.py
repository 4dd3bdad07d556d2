"""The league or the team a season's article is about ("2014–15 Foo League", "1997 Foo Bears season"), whose tables list its members."""
from __future__ import annotations

import re
from dataclasses import replace

from wikikg.extract.classify import name_types
from wikikg.extract.mentions import Context, link_mention
from wikikg.kb.names import name_tables
from wikikg.kb.sections import SectionSpec
from wikikg.kb.vocabulary import org_classes
from wikikg.model import Mention, ParsedArticle

_SEASON = re.compile(r"^\d{4}(?:[–—-]\d{2,4})?\s+(?P<body>.+?(?:League|Liga|Championship|Division|Conference|Cup))$")
_SEASON_AFTER = re.compile(r"^(?P<body>.+?(?:League|Liga|Championship|Division|Conference|Cup))\s+\d{4}(?:[–—-]\d{2,4})?$")


def season_of(title: str) -> Mention | None:
    """The league a season's article is about ("2014–15 Foo Football League", the older "Foo League 1992–93": the
    league), whose teams tables list that league's members."""
    m = _SEASON.match(title) or _SEASON_AFTER.match(title)
    if not m or not (types := name_types(m["body"])) & org_classes():
        return None
    return Mention(text=m["body"], key=m["body"], linked=False, types=types, strength=3)


# a league's own name ends in a league's word (not a cup's or a championship's: a knockout or a tournament, whose
# teams enter it and belong to nothing by it)
_LEAGUE = re.compile(r"(?:League|Liga|Division|Conference)$")
_SEASON_WORD = re.compile(r"\bseasons?\b")


def league_season(article: ParsedArticle) -> Mention | None:
    """The league a season's article is about (`season_of`), or the one its title names that its lead links in a
    sentence about a season ("Statistics of [[Foo Premier Division]] during the 2013–14 season", "was the 23rd season
    of [[Foo League]]"): the lead says it is a season of that league, whatever words the league's name has."""
    if (league := season_of(article.title)) is not None:
        return league
    m = _SEASON.match(article.title) or _SEASON_AFTER.match(article.title)
    if not m or not _LEAGUE.search(m["body"]):
        return None
    for sentence in article.sentences:
        if sentence.section:
            break
        link = next((k for k in sentence.links if k.target == m["body"]), None)
        if link is not None and _SEASON_WORD.search(sentence.text):
            return replace(link_mention(link.target, link.text), types=frozenset({"Organization"}), strength=3)
    return None


_EDITION = re.compile(r"^\d{4}(?:[–—-]\d{2,4})?\s+(?P<body>.+?)(?:\s+season)?$")


def team_season(article: ParsedArticle, subject: Mention) -> Mention | None:
    """The team a team's season article is about, whose roster lists that team's players: the team its season box
    names ("| team = Foo Bears", "| club = [[Foo F.C.|Foo]]"; names.toml [teams] season_boxes), a box only a team's
    season article carries; the subject itself where the title names that team and its sport ("2015 Foo Owls
    football team": the team of that season)."""
    m = _EDITION.match(article.title)
    t = name_tables()
    for box in article.infoboxes:
        for f in (box.field(n) for n in t.season_box_fields if box.kind in t.season_boxes):
            if f is None or len(f.items) != 1 or len(f.items[0].links) > 1:
                continue
            item = f.items[0]
            link = item.links[0] if item.links else None
            name = link.text.strip() if link is not None else item.text.strip()
            if not name:
                continue
            if m is not None and m["body"].startswith(name + " ") \
                    and m["body"][len(name):].strip().removesuffix(" team") in t.team_sports:
                return replace(subject, types=frozenset({"SportsClub"}), strength=3)
            team = link_mention(link.target, name) if link is not None else Mention(name, name, False)
            return replace(team, types=frozenset({"SportsClub"}), strength=3)  # "[[Foo F.C.|Foo]]": Foo F.C.'s
    return None


def members_owner(title: str, subject: Mention) -> Mention | None:
    """Whose members a squad or a teams list of the article names: the subject's; in a season's or an edition's
    article (a name that starts with a year), the league or the club the title names ("2014–15 Foo Football
    League", "2013 Foo FC season": the club, as WP:NCSPORT titles club seasons), else nobody's (an edition has none)."""
    if (league := season_of(title)) is not None:
        return league
    if (m := _EDITION.match(title)) is None:
        return subject
    types = name_types(m["body"]) if title.endswith(" season") else frozenset()
    return Mention(text=m["body"], key=m["body"], linked=False, types=types, strength=3) if types & org_classes() else None


def roster_context(spec: SectionSpec | None, ctx: Context, team: Mention | None,
                   season: Mention | None) -> tuple[Context, Mention | None]:
    """The context (and the season owner) a spec reads a team's season article in: a roster's players (a spec of
    people who are members) are the team's (`team_season`), any other spec's statements the article's as before."""
    if team is None or spec is None or (spec.relation, spec.direction) != ("memberOf", "inverse") \
            or set(spec.types) != {"Person"}:
        return ctx, season
    return replace(ctx, subject=team), team
