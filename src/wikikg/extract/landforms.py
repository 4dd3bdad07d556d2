"""An unlinked "Mount Foo" or "Lake Bar": no place by its shape alone (names.toml [place_names] linked_landforms)."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from wikikg.extract.classify import is_shape_word
from wikikg.extract.known import PLACE
from wikikg.kb.names import name_tables
from wikikg.model import Mention

_PLACE = frozenset({"Place"})


def linked_landforms(found: list[Mention]) -> list[Mention]:
    """`found` with each unlinked name of a landform's kind and one word ("Mount Foo", "Lake Bar"), typed a place by
    that shape alone (above known.PLACE), left untyped: the words around it may still make it a place. Not one whose
    last word is a shape's own ("Lake Road", "Lake District", "Mount Street": a road's, a district's name)."""
    out = list(found)
    for i, m in enumerate(out):
        if not m.linked and m.types == _PLACE and m.strength > PLACE and _landform().fullmatch(m.text) \
                and not is_shape_word(m.text.split()[-1]):
            out[i] = replace(m, types=frozenset(), strength=0)
    return out


@cache
def _landform() -> re.Pattern:
    words = "|".join(map(re.escape, name_tables().linked_landforms))
    return re.compile(rf"(?:{words})\s+[A-Z][\w'’-]+")
