"""An event's article (a tournament, a battle, a treaty) lists its teams or parties, no members."""
from __future__ import annotations

import re
from functools import cache

from wikikg.extract.nonentities import _SEASON, _event_name
from wikikg.kb.names import name_tables
from wikikg.kb.sections import SectionSpec
from wikikg.model import Mention, ParsedArticle


def memberless(spec: SectionSpec, subject: Mention, season: Mention | None, article: ParsedArticle | None = None) -> bool:
    """Whether a spec that makes items members of the subject fails for a subject nothing types whose name is an
    event's ("2014 Foo Cup", "Battle of Foo", "Treaty of Foo", "Foo Games": its "Teams", "Participants" or "Members"
    took part in it or signed it; "Foo uprising", "Barshire general election of 1997": a title's common noun in lower
    case, as Wikipedia titles an event) or whose lead says it is a work or an event ("... was a one-day bicycle race");
    a season's article ("2014–15 Foo League", `season`) lists its league's members.
    A subject whose name starts with a year ("2014 Foo Rugby": an edition) has no members whatever types it."""
    return (spec.relation == "memberOf" and spec.direction == "inverse" and season is None
            and (not subject.strength and (_event_name(subject.key) or _lowercase_event(subject.key)
                                           or _lead_names_a_work(article))
                 or bool(_SEASON.match(subject.key))))


# a title's last word in lower case, a year after "of" at most ("Fooville uprising", "Foo campaign", "Barshire
# general election of 1997"): Wikipedia titles are in sentence case, so the word is a common noun, the event's
_LOWER_LAST = re.compile(r"\s([a-z][a-z-]*)(?:\s+of\s+\d{3,4})?$")


def _lowercase_event(title: str) -> bool:
    """Whether a title ends in an event's noun in lower case (names.toml [events]: "uprising", "campaign")."""
    m = _LOWER_LAST.search(title)
    return m is not None and (m[1] in _event_words() or m[1].capitalize() in _event_words())


@cache
def _event_words() -> frozenset[str]:
    return frozenset(name_tables().events)


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


def item_classes(spec: SectionSpec, heading: str) -> frozenset[str]:
    """The classes a list's items may have under `heading`: the spec's, without Person under a heading of its
    `people_unless` ("Participants": the bodies of a programme take part as its members, people at a conference or
    in a campaign belong to nothing by it)."""
    if spec.people_unless is not None and spec.people_unless.search(heading):
        return frozenset(spec.types) - {"Person"}
    return frozenset(spec.types)
