"""Places a topic's link shows: "[[Rail transport in Freedonia|Freedonia]]", "[[Anarchism in Freedonia|Freedonia]]"."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from wikikg.extract.mentions import name_mention
from wikikg.extract.nonentities import is_event
from wikikg.kb.names import name_tables
from wikikg.kb.places import places
from wikikg.model import Mention, Sentence

_TOPIC = re.compile(r"(?P<topic>[A-Z][a-z]+(?: [a-z]+)*) in (?:the )?(?P<place>.+)")


def topic_places(sentence: Sentence) -> list[Mention]:
    """The places of a sentence's links whose target is a topic in the place they show: "** [[Rail transport in
    Freedonia|Freedonia]]", "[[Anarchism in Freedonia|Freedonia]]" name Freedonia (a known place's name, as
    written whole); the topic's own words are lower case, no event ("[[Battle in Fooville|Fooville]]") and no
    kind of place ("[[Electoral district in Fooville|Fooville]]" is a district, which its own link names). Not
    "of": "[[Kingdom of Freedonia|Freedonia]]", "[[Capture of Fooville|Fooville]]" name a state and an event."""
    out = []
    for link in sentence.links:
        m = _TOPIC.fullmatch(link.target)
        if m is not None and m["place"] == link.text and link.text in places() and not _place_kind(m["topic"]) \
                and not is_event(link.target):
            place = name_mention(link.text)
            if "Place" in place.types:
                out.append(replace(place, start=link.start, end=link.end))
    return out


@cache
def _place_kinds() -> frozenset[str]:
    return frozenset(w.casefold() for w in name_tables().lead.get("Place", ()))


def _place_kind(topic: str) -> bool:
    """Whether a topic's words end in a kind of place (names.toml [lead] Place: "Electoral district", "County")."""
    words = topic.casefold().split()
    return any(" ".join(words[-n:]) in _place_kinds() for n in (1, 2, 3))
