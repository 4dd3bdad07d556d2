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
