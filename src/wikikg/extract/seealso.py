"""A "See also" list's links: entities an article points its reader to, typed by their titles alone."""
from __future__ import annotations

import re

from wikikg.extract.classify import _NAME_CONNECTORS, split_title
from wikikg.extract.headings import _line_starts
from wikikg.extract.known import SHAPE, STRONG
from wikikg.extract.mentions import is_entity_link, link_mention
from wikikg.extract.people import SurnameUse
from wikikg.kb.prefilter import matches_at
from wikikg.model import Evidence, Mention
from wikikg.parse.definitions import link_target

_HEADING = re.compile(r"^(=+)[ \t]*See also[ \t]*\1[ \t]*$", re.M | re.I)
_NEXT_HEADING = re.compile(r"^=+[^=\n].*?=+[ \t]*$", re.M)
_ITEM = re.compile(r"^\*+(.*)$", re.M)
_LINK = re.compile(r"\[\[([^\[\]|{}]+)(?:\|([^\[\]{}]*))?\]\]")
_MARKUP = re.compile(r"'{2,}")


def see_also(text: str) -> list[tuple[Mention, Evidence]]:
    """The linked entities of the bulleted items under an article's "See also" heading, each with its item as
    evidence: "* [[Foo Alliance]]", "* [[Jane Roe]], its first director". The section is left out of the text
    the other extractors read (its links are related topics, not statements), so its items say nothing but what
    a title says: an entity's class comes from its title alone (a name's shape, a gazetteer, a qualifier, a
    personal name); a concept ("[[Thorium fuel cycle]]"), a list, a topic or a disambiguation page gets none and
    stays out."""
    if "See also" not in text and "see also" not in text.lower():
        return []
    out: list[tuple[Mention, Evidence]] = []
    use = SurnameUse(text)
    for h in matches_at(_HEADING, text, _line_starts(text, "=")):  # tried only where a line opens with "="
        nxt = _NEXT_HEADING.search(text, h.end())
        end = nxt.start() if nxt else len(text)
        for item in _ITEM.finditer(text, h.end(), end):
            for link in _LINK.finditer(item.group(1)):
                shown = _MARKUP.sub("", link.group(2) or link.group(1)).strip()
                target = link_target(link.group(1), shown)
                if not target or not shown or not is_entity_link(target, shown) or _topic(target):
                    continue
                m = link_mention(target, shown)
                if m.types and _typed_enough(m, target, use):
                    out.append((m, Evidence(item.group(0), "See also", item.start(), item.end())))
    return out


def _topic(title: str) -> bool:
    """Whether a title holds a lower-case word that is no connector: a topic's article, no entity's ("Military
    history of Fooland", "Foo units of the Bar Air Force"), whatever class its capitalised words would give."""
    return any(w[:1].islower() and w not in _NAME_CONNECTORS for w in split_title(title)[0].split())


_DISAMBIGUATION = re.compile(r"\(disambiguation\)\s*$", re.I)


def _typed_enough(m: Mention, title: str, use: SurnameUse) -> bool:
    """Whether a See also link's title alone types it well enough, with no sentence around it: not a
    disambiguation page; a class from the shape of a name of three words or more ("Foo Energy Alliance"; a
    shape word after one other, "Perpetual Union", "Animation Department", is as often a concept's title); a
    person by the given-name lexicons only when the article never writes the last word in lower case ("Albert
    Roe House": a house)."""
    if _DISAMBIGUATION.search(title):
        return False
    label = split_title(title)[0]
    if m.strength == SHAPE and len(label.split()) < 3:
        return False
    if "Person" in m.types and m.strength < STRONG and use.in_lower_case(label.split()[-1].lower()):
        return False
    return True
