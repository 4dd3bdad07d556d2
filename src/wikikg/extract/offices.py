"""An officeholder's posts in an infobox: the organisation a post heads, and who held it before and after."""
from __future__ import annotations

import functools
import re

from wikikg.extract.classify import name_types, split_title
from wikikg.extract.names import is_role_title
from wikikg.kb.names import name_tables
from wikikg.kb.vocabulary import org_classes
from wikikg.model import FieldItem, Link, Mention

# "Master of Foo College, Oxbridge", "Director of the [[Foo Institute]]", "7th President of X":
# a role title, "of" or "at", and the organisation; "Secretary of State for X" or "Member of Parliament
# for X" name a post of a state or a seat, not an organisation that the post heads
_POST = re.compile(r"(?P<role>[^\W\d][\w.'’ -]*?)\s+(?:of|at)\s+(?:the\s+)?(?P<org>[A-Z0-9].*?)\s*$")
_ORDINAL = re.compile(r"^\s*(?:the\s+)?\d+(?:st|nd|rd|th)\s+", re.IGNORECASE)


def office_organisation(item: FieldItem) -> tuple[str, Link | None] | None:
    """The organisation a post names ("Master of Foo College" -> "Foo College"), with the link that shows
    it, or None when the text is not a role title followed by an organisation's name."""
    text = _ORDINAL.sub("", item.text).strip()
    m = _POST.fullmatch(text)
    if m is None or not is_role_title(m["role"]):
        return None
    offset = len(item.text) - len(item.text.lstrip()) + (len(item.text.strip()) - len(text)) + m.start("org")
    links = [k for k in item.links if k.start < offset + len(m["org"]) and offset < k.end]
    if len(links) > 1 or links and (links[0].start != offset or links[0].text != m["org"]):
        return None  # the organisation is not one name, or not all of it is the link
    key = links[0].target if links else m["org"]
    shape = name_types(split_title(key)[0]) or name_types(m["org"])
    if not shape or not shape <= org_classes():
        return None  # a state, a place or a field ("President of [[X]]", "Professor of Greek"): no organisation
    return m["org"], (links[0] if links else None)


def office_mention(name: str, link: Link | None) -> Mention:
    """The mention of the organisation a post names, typed by its name's words."""
    key = link.target if link is not None else name
    types = name_types(split_title(key)[0]) or name_types(name)
    aliases = frozenset({name}) if link is not None and name != split_title(key)[0] else frozenset()
    return Mention(text=name, key=key, linked=link is not None, types=types, aliases=aliases, strength=3)


@functools.cache
def titles() -> frozenset[str]:
    """Titles before a person's name (names.toml [stop] titles), lower-cased."""
    return frozenset(t.casefold() for t in name_tables().stop.titles)


def names_office(name: str) -> bool:
    """Whether a value names an office, not its holder: a title or role and "of" ("Governor of Kerala")."""
    words = name.split()
    return len(words) >= 3 and words[1] in ("of", "for") and (
        words[0].casefold() in titles() or words[0] in name_tables().roles)


def untitled(name: str) -> str:
    """A person's name without the titles before it ("Dr. K. Geetha" -> "K. Geetha"), when a name
    of two words or more remains."""
    words = name.split()
    while len(words) > 2 and words[0].casefold() in titles():
        words = words[1:]
    return " ".join(words)
