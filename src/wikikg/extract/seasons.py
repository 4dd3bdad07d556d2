"""The league a season's article is about ("2014–15 Foo Football League"), whose teams tables list its members."""
from __future__ import annotations

import re

from wikikg.extract.classify import name_types
from wikikg.kb.vocabulary import org_classes
from wikikg.model import Mention

_SEASON = re.compile(r"^\d{4}(?:[–—-]\d{2,4})?\s+(?P<body>.+?(?:League|Liga|Championship|Division|Conference|Cup))$")


def season_of(title: str) -> Mention | None:
    """The league a season's article is about ("2014–15 Foo Football League": the league), whose
    teams tables list that league's members."""
    m = _SEASON.match(title)
    if not m or not (types := name_types(m["body"])) & org_classes():
        return None
    return Mention(text=m["body"], key=m["body"], linked=False, types=types, strength=3)


_EDITION = re.compile(r"^\d{4}(?:[–—-]\d{2,4})?\s+(?P<body>.+?)(?:\s+season)?$")


def members_owner(title: str, subject: Mention) -> Mention | None:
    """Whose members a squad or a teams list of the article names: the subject's; in a season's or an edition's
    article (a name that starts with a year), the league or the club the title names ("2014–15 Foo Football
    League", "2013 Foo FC season": the club, as WP:NCSPORT titles club seasons), else nobody's (an edition has none)."""
    m = _EDITION.match(title)
    if m is None:
        return subject
    if (league := season_of(title)) is not None:
        return league
    types = name_types(m["body"]) if title.endswith(" season") else frozenset()
    return Mention(text=m["body"], key=m["body"], linked=False, types=types, strength=3) if types & org_classes() else None
