"""A class's word used as a modifier before another kind's head: "Foo University Library" names a library."""
from __future__ import annotations

import re
from functools import cache

from wikikg.kb.names import name_tables


@cache
def _yielding() -> dict[str, tuple[re.Pattern, re.Pattern | None, tuple[tuple[str, re.Pattern], ...]]]:
    """For each class with names.toml [shape.X] yields_to: (its words as a modifier, its own last words, and per
    class it yields to the pattern of that class's head in the rest of the name)."""
    shapes = name_tables().shape
    out = {}
    for cls, spec in shapes.items():
        words = [re.escape(w) for w in spec.anywhere if not w.endswith((" of", " for"))]
        if not spec.yields_to or not words:
            continue
        own = [re.escape(w) for w in spec.suffix]
        heads = []
        for other in spec.yields_to:
            o = shapes.get(other)
            if o is None:
                continue
            parts = []
            if last := [re.escape(w) for w in o.suffix + o.first]:
                parts.append(rf"(?<![\w])(?:{'|'.join(last)})(?:'s|’s)?\s*$")  # "... Library", "... Football Club"
            if of := [re.escape(w) for w in o.anywhere + o.head if w.endswith((" of", " for", " on"))]:
                parts.append(rf"^\s*(?:{'|'.join(of)})\s")  # "... School of Oratory", "... Society for Debate"
            if parts:
                heads.append((other, re.compile("|".join(parts))))
        if spec.unit_heads:  # "... University Library", "... University Sport": a unit or body of the university
            units = "|".join(map(re.escape, spec.unit_heads))
            heads.append(("Organization", re.compile(rf"(?<![\w])(?:{units})(?:'s|’s)?\s*$")))
        out[cls] = (re.compile(rf"(?<![\w])(?:{'|'.join(words)})(?![\w])(?!\s+(?:of|for|at|in)\b)(?!,)"),
                    re.compile(rf"(?<![\w])(?:{'|'.join(own)})\s*$") if own else None, tuple(heads))
    return out


def yielded_class(name: str, cls: str) -> str | None:
    """The class a name of `cls` has instead when its `cls` word is a modifier before another kind's head
    (names.toml yields_to: "Foo University Archives", "Bar University Football Club", "Baz University Society for
    Debate"), None when it keeps `cls` ("University of the Foo Islands", "Foo University Law School")."""
    spec = _yielding().get(cls)
    if spec is None:
        return None
    word, own, heads = spec
    last = None
    for m in word.finditer(name):
        last = m
    if last is None or not (tail := name[last.end():]).strip() or own is not None and own.search(tail):
        return None
    return next((other for other, head in heads if head.search(tail)), None)
