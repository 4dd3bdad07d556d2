"""A unit's name that goes on into a field's link: "Faculty of [[Industrial technology]]" is one name, not "Faculty of Industrial"."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache

from wikikg.kb.names import name_tables
from wikikg.model import Link


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
