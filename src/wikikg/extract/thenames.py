"""A person-shaped name right after "the" that ends its phrase ("the Red Cross in", "the Foo Church."): no person."""
# The name parser reads "Red Cross", "Christian Church", "Royal Box" and "Fooville Airshow" as a given name and a
# surname. English gives no one's name the article: "the" before such a name makes it a body's, a place's, a work's
# or an event's ("volunteered with the Red Cross", "writers in the Christian Church within", "the Royal Box for"),
# which the words do not say, so the name is left untyped. Only when a punctuation mark, the sentence's end or one of
# names.toml [person_names] `the_next` (prepositions, relative pronouns, auxiliaries) comes next: not when a common
# noun follows, which the name only modifies ("the Jane Roe film", "the John Doe administration": the person), nor
# when the name goes on ("the Jane Roe Center"), nor when a title, a peer's title or a style with "of" opens it ("the
# Rev. Jane Roe", "the Earl of Foo", "the Shah of Fooland") or a peer's title follows it after a comma: a person the
# article names so.
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from wikikg.extract.classify import split_title
from wikikg.extract.known import SHAPE
from wikikg.extract.names import rank_prefix, title_prefix
from wikikg.extract.people import is_personal_name
from wikikg.extract.placeends import THE_BEFORE
from wikikg.kb.names import name_tables
from wikikg.model import Mention, Sentence

_PERSON = frozenset({"Person"})
_END = re.compile(r"\s*(?:[,;:.!?)\]]|$)")


def the_names(found: list[Mention], text: str) -> list[Mention]:
    """`found` with each name of two words or more typed a person by its shape alone (known.SHAPE at most), its last
    word capitalised and, if a link, shown as its title ("the [[Jane Roe|Roe government]]" names the person), that
    "the" comes right before and a punctuation mark or a word of names.toml [person_names] `the_next` right after,
    left untyped."""
    out = list(found)
    for i, m in enumerate(out):
        if m.types == _PERSON and m.strength <= SHAPE and _cued(m, text):
            out[i] = replace(m, types=frozenset(), strength=0)
    return out


def _cued(m: Mention, text: str) -> bool:
    """Whether a mention of two words or more, its last capitalised and its link's title shown, stands right after
    "the" and before a punctuation mark or a `the_next` word, no title or peer's title opening or following it."""
    span = text[m.start:m.end] if m.start >= 0 else ""
    if len(span.split()) < 2 or span.split()[-1][:1].islower() or m.linked and split_title(m.key)[0] != m.text \
            or not THE_BEFORE.search(text, max(0, m.start - 8), m.start) or _styled(span) or _styled(m.text) \
            or _peer().search(span) or _peer_after().match(text, m.end):
        return False
    return bool(_END.match(text, m.end) or _next().match(text, m.end))


def the_named(found: Iterable[tuple[Sentence, Iterable[Mention]]]) -> frozenset[str]:
    """The keys of the person-shaped names an article writes as no one's, from each sentence and its mentions: after
    "the" where their phrase ends ("parcels from the Jane Cross, some"), or as a link with a plural's or a word's
    ending run on ("their [[Christian Quux]]es": Wikipedia's link trail): a name English writes so is no one's
    anywhere the build names it, so its other mentions typed a person by their shape alone are no evidence either
    (resolve/entities.py). Not a title in italics or quotation marks ("the ''Jane Roe'' was launched", ""The Jane
    Roe at Fooville"": a ship's or a pub's, named after the person)."""
    return frozenset(m.key for s, ms in found for m in ms if m.start >= 0 and _no_one(m, s))


def _no_one(m: Mention, s: Sentence) -> bool:
    """Whether a link the sentence shows as its title is written as no one's name (`the_named`)."""
    text = s.text
    if not any(k.start == m.start and k.end == m.end for k in s.links):
        return False  # a link, not a name the text only writes ("than the Jane Roe.": a slip, no one's writing)
    if not (not m.types and _cued(m, text) or m.linked and m.types == _PERSON and m.strength <= SHAPE
            and split_title(m.key)[0] == m.text and _plural(text, m.end)):
        return False
    return is_personal_name(text[m.start:m.end]) and not _QUOTED.search(text, max(0, m.start - 8), m.start) \
        and not any(a < m.end and m.start < b for a, b in s.italic)


def _plural(text: str, end: int) -> bool:
    """Whether a link's trail makes it a plural ("[[Foo Bar]]es,", "[[Foo Bar]]s that"), a punctuation mark or a
    `the_next` word after it (not "[[Jane Roe]]s acting": a possessive's apostrophe left out or rendered away; not
    "[[Jane II of Foo]]ia": another word the trail spells)."""
    trail = _TRAIL.match(text, end)
    return trail is not None and bool(_END.match(text, trail.end()) or _next().match(text, trail.end()))


_TRAIL = re.compile(r"e?s\b")
_QUOTED = re.compile(r"[\"“‘'«]\s*[Tt]he\s+$")


def _styled(name: str) -> bool:
    """Whether a name opens with a title, a rank or a peer's title, or is a style of one word and "of" ("the Rev. Jane
    Roe", "the Marquis Foo", "the 3rd Earl of Foo", "the Shah of Fooland"): a person the article names so."""
    return bool(title_prefix().match(name) or rank_prefix().match(name) or _style().match(name))


def _peers() -> str:
    """names.toml [person_names] peerages as one alternation."""
    return "|".join(map(re.escape, name_tables().peerages))


@cache
def _style() -> re.Pattern:
    return re.compile(rf"(?:\d+(?:st|nd|rd|th)\s+)?(?:(?:{_peers()})\s|[A-Z][\w-]*\s+of\s)")


@cache
def _peer() -> re.Pattern:
    """A peer's title anywhere in a name ("Jane Roe, 3rd Duchess of Foo")."""
    return re.compile(rf"\b(?:{_peers()})\b")


@cache
def _peer_after() -> re.Pattern:
    """A peer's title after a comma, past an ordinal ("the Jane Roe, fourth Duchess of Foo": a typo's "the")."""
    return re.compile(rf",\s+(?:[\w-]+\s+)?(?:{_peers()})\b")


@cache
def _next() -> re.Pattern:
    """A word of names.toml [person_names] `the_next` right after a name."""
    words = "|".join(map(re.escape, sorted(name_tables().the_next, key=len, reverse=True)))
    return re.compile(rf"\s+(?:{words})\b")
