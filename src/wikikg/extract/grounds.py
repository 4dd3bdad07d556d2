"""A club's ground in its box ("ground = [[Foo Park]]<br>[[Fooville]], [[Barshire]]"): the ground lies in the place after it."""
from __future__ import annotations

from itertools import takewhile

from wikikg.extract.classify import split_title
from wikikg.kb.mappings import infoboxes
from wikikg.kb.places import countries, places
from wikikg.model import Evidence, FieldItem, Link, Mention, ParsedArticle, Statement

_PLACE = frozenset({"Place"})


def _is_place(target: str) -> bool:
    """Whether a link's title names a known place or country ("Luanda"), or a place in one ("Fooville, Scotland")."""
    name = split_title(target)[0]
    return any(n in places() or n in countries() for n in (name, name.rsplit(",", 1)[-1].strip()))


def _placeish(links: list[Link], venue_words: frozenset[str]) -> list[bool]:
    """Whether each link a venue field names is a place: a known one, one whose title names its region ("[[Fooville,
    Scotland|Fooville]]"), or one a place follows ("[[Fooville]], [[Barshire]]", "[[Fooville]], [[Baz Island]],
    [[Barshire]]") unless its own name ends in a venue's word ("[[Bar Centre]], [[Fooville]]" is another venue)."""
    out = [False] * len(links)
    for j in reversed(range(len(links))):
        last = split_title(links[j].target)[0].split()[-1:]
        out[j] = _is_place(links[j].target) or j + 1 < len(links) and out[j + 1] \
            and not (last and last[0].casefold() in venue_words)
    return out


def _top_links(item: FieldItem) -> list[Link]:
    """The item's links outside parentheses ("[[Foo Park]] (capacity [[Bar]])": Foo Park alone)."""
    return [k for k in item.links if 0 <= k.start <= len(item.text)
            and item.text[:k.start].count("(") <= item.text[:k.start].count(")")]


def _mention(link: Link) -> Mention:
    alias = frozenset({link.text}) if link.text.casefold() != split_title(link.target)[0].casefold() else frozenset()
    return Mention(text=link.text, key=link.target, linked=True, types=_PLACE, aliases=alias, strength=3)


def extract_grounds(article: ParsedArticle) -> list[Statement]:
    """For each venue field of a box (infobox.toml [venue_chain]: "ground", "stadium", "arena"): the venues it links
    lie in the first place it links after them (_placeish): "[[Foo Park]]<br>[[Fooville]], [[Barshire]]" or "[[Foo
    Park]], [[Fooville]]" puts Foo Park in Fooville, and each place in the next (the place chain); a field that links
    venues only ("[[Foo Park]]<br>[[Bar Arena]] (1990–)") says nowhere they lie."""
    vc, pc = infoboxes().venue_chain, infoboxes().place_chain
    out: list[Statement] = []
    for f in (f for box in article.infoboxes for f in box.fields if vc is not None and f.name in vc.params):
        flat = [k for item in f.items for k in _top_links(item)]
        placeish = _placeish(flat, vc.venue_words)
        at = next((j for j in range(1, len(flat)) if placeish[j]), None)
        if at is None:  # "[[Foo Park]]<br>[[Bar Arena]] (1990–)": venues only
            continue
        where = [flat[j] for j in takewhile(placeish.__getitem__, range(at, len(flat)))]
        ev = Evidence(text=f.source, section="Infobox", start=f.start, end=f.end)
        town = _mention(where[0])
        out += [Statement(_mention(v), vc.property, town, vc.id, ev) for v in flat[:at]
                if v.target != where[0].target and split_title(v.target)[0] not in countries()]
        out += [Statement(_mention(a), pc.property, _mention(b), pc.id, ev)  # "[[Fooville]], [[Barshire]]"
                for a, b in zip(where, where[1:], strict=False) if a.target != b.target]
    return out
