"""A unit's name that goes on into a field's link: "Faculty of [[Industrial technology]]" is one name, not "Faculty of Industrial"."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache

from wikikg.extract.classify import name_types, split_title
from wikikg.kb.names import name_tables
from wikikg.kb.places import places
from wikikg.model import Link

_ORDINAL_BEFORE = re.compile(r"(?<![\w-])\d+(?:st|nd|rd|th)\s+$")  # "the 1st " before the link
_CAPITALS_AFTER = re.compile(r"(?:\s+[A-Z][\w'’-]*)+")  # " Casual Detachment" after it


@cache
def _heads() -> tuple[str, ...]:
    """The heads of units' names that a field follows: names.toml [shape.Organization] head's "… of" ("Faculty of",
    "School of")."""
    shape = name_tables().shape.get("Organization")
    return tuple(h + " " for h in (shape.head if shape else ()) if h.endswith(" of"))


def unit_spans(spans: Iterable[tuple[int, int]], text: str, links: Iterable[Link],
               is_entity: Callable[[Link], bool]) -> Iterable[tuple[int, int]]:
    """Name spans, a unit's name that ends inside a link after its head carried to the link's end, and on through
    " and " and a next field's link shown capitalised: the name finder stops at a field's first lower-case word
    ("Faculty of Civil" in "Faculty of [[Civil engineering]] and [[Urban planning|Planning]]", "Faculty of Art" in
    "Faculty of [[Art and design]]"), which names no unit. Links that name an entity (`is_entity`) end no such name."""
    heads = _heads()
    if not any(h in text for h in heads):  # no span can start with a head: the spans as they are (most texts)
        return spans
    return _carried(spans, text, links, is_entity, heads)


def _carried(spans: Iterable[tuple[int, int]], text: str, links: Iterable[Link], is_entity: Callable[[Link], bool],
             heads: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """unit_spans's spans for a text that holds a unit's head."""
    fields = [k for k in links if not is_entity(k)]
    for s, e in spans:
        if text.startswith(heads, s) and (k := next((k for k in fields if s < k.start < e < k.end), None)):
            e = k.end
            while (k := next((n for n in fields if n.start == e + 5 and text[n.start:n.start + 1].isupper()), None)) \
                    and text[e:k.start] == " and ":
                e = k.end
        yield s, e


def place_in_unit_name(text: str, link: Link) -> bool:
    """Whether a place's link stands inside a numbered unit's name ("the Army's 1st [[Fort Foo]] Casual Detachment"):
    the sentence names the unit, not the place (the name finder reads the whole name as the unit's)."""
    before = _ORDINAL_BEFORE.search(text, max(0, link.start - 10), link.start)
    after = _CAPITALS_AFTER.match(text, link.end) if before else None
    if after is None:
        return False
    place = split_title(link.target)[0] in places() or "Place" in name_types(link.text)
    return place and "MilitaryOrganization" in name_types(text[before.start():after.end()])
