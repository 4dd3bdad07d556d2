"""A link to a learned body's fellowship or membership grade ("[[Fellow of the Royal Society]]") or to a seat names the body."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from wikikg.extract.classify import split_title
from wikikg.extract.offices import seat_body
from wikikg.kb.names import name_tables


@cache
def _grades() -> re.Pattern:
    return re.compile(name_tables().fellow_links)


@lru_cache(maxsize=16384)
def fellowship_body(target: str, shown: str) -> str | None:
    """The body's name a link to a fellowship's title shows ("[[Fellow of the Royal Society of Foo]]": "Royal Society
    of Foo"; names.toml [membership] fellow_links), when the link shows its title, or the body a seat's post names
    (offices.seat_body: "[[Member of the Foo Parliament]]"); None for any other link."""
    label = split_title(target)[0]
    label = label[:1].upper() + label[1:]  # "[[fellow of the Foo Society]]": the title's first letter is a capital
    if not shown or shown[:1].upper() + shown[1:] != label or not (m := _grades().fullmatch(label)):
        return seat_body(target, shown) if shown else None  # "[[Member of the Foo Parliament]]": a seat's body
    return m["body"]
