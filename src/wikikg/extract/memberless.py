"""An event's article (a tournament, a battle, a treaty) lists its teams or parties, no members."""
from __future__ import annotations

import re
from functools import cache

from wikikg.extract.nonentities import _SEASON, _event_name
from wikikg.kb.mappings import SectionSpec
from wikikg.kb.names import name_tables
from wikikg.model import Mention, ParsedArticle


def memberless(spec: SectionSpec, subject: Mention, season: Mention | None, article: ParsedArticle | None = None) -> bool:
    """Whether a spec that makes items members of the subject fails for a subject nothing types whose name is an
    event's ("2014 Foo Cup", "Battle of Foo", "Treaty of Foo", "Foo Games": its "Teams", "Participants" or "Members"
    took part in it or signed it) or whose lead says it is a work or an event ("... was a one-day bicycle race");
    a season's article ("2014–15 Foo League", `season`) lists its league's members.
    A subject whose name starts with a year ("2014 Foo Rugby": an edition) has no members whatever types it."""
    return (spec.relation == "memberOf" and spec.direction == "inverse" and season is None
            and (not subject.strength and (_event_name(subject.key) or _lead_names_a_work(article))
                 or bool(_SEASON.match(subject.key))))


def _lead_names_a_work(article: ParsedArticle | None) -> bool:
    """Whether the article's lead sentence says its subject is a work or an event ("is a television comedy")."""
    return article is not None and bool(article.sentences) and _work_lead().search(article.sentences[0].text) is not None


@cache
def _work_lead() -> re.Pattern:
    """"is a/an/the" + a lead's noun phrase whose head is a work's or an event's noun (names.toml [works] lead_nouns)."""
    t = name_tables()
    nouns = "|".join(map(re.escape, sorted(t.work_lead_nouns, key=len, reverse=True))) or "(?!)"
    ends = "|".join(map(re.escape, t.lead_ends)) or "(?!)"
    after = "|".join(map(re.escape, t.lead_ends + t.lead_joins)) or "(?!)"
    return re.compile(rf"\b(?:is|was|are|were)\s+(?:an?|the)\s+(?:(?!(?<=\s)(?:{ends}|and|or)\b)[^.;:()\[\]]){{0,100}}?"
                      rf"\b(?:{nouns})s?\b(?=\s*(?:$|[.;:,()\[\]\"'—–]|(?:{after}|held|\w+ed)\b))", re.I)
