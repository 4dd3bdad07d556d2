"""Places by the company they keep: "[[Fooville]], [[Barshire]]" names a town in a district."""
from __future__ import annotations

from dataclasses import replace

from wikikg.extract.known import PLACE
from wikikg.kb.places import places, regions
from wikikg.model import Mention


def settled(found: list[Mention], text: str) -> list[Mention]:
    """An untyped linked name right before a comma and a region is a place ("[[Fooville]], [[Barshire]]",
    "[[Bazton]], [[East Quux]]"), down a chain of them ("[[A]], [[B]], [[Barshire]]"); before a country or a
    city it may be an organisation ("graduated from [[Foo Tech]], [[Freedonia]]"). `found` in text order."""
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        m, n = out[i], out[i + 1]
        if m.linked and not m.types and "Place" in n.types and text[m.end:n.start] == ", " \
                and (n.key in regions() or n.strength == PLACE and n.linked and n.key not in places()) \
                and not text.startswith(("'s", "’s", "-"), n.end):  # not "[[Foo]], [[China]]'s largest bank"
            out[i] = replace(m, types=frozenset({"Place"}), strength=PLACE)
    return out
