"""An event's article (a tournament, a battle, a treaty) lists its teams or parties, no members."""
from __future__ import annotations

from wikikg.extract.nonentities import _SEASON, _event_name
from wikikg.kb.mappings import SectionSpec
from wikikg.model import Mention


def memberless(spec: SectionSpec, subject: Mention, season: Mention | None, work: bool = False) -> bool:
    """Whether a spec that makes items members of the subject fails for a subject nothing types whose name is an
    event's ("2014 Foo Cup", "Battle of Foo", "Treaty of Foo", "Foo Games": its "Teams", "Participants" or "Members"
    took part in it or signed it); a season's article ("2014–15 Foo League", `season`) lists its league's members.
    A subject whose name starts with a year ("2014 Foo Rugby": an edition) has no members whatever types it, nor
    one nothing types that is a work or an event (`work`: an italic title, or a lead "is a television comedy")."""
    return (spec.relation == "memberOf" and spec.direction == "inverse" and season is None
            and (not subject.strength and (work or _event_name(subject.key)) or bool(_SEASON.match(subject.key))))
