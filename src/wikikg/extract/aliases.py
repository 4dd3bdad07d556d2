"""Every known name in a text at once, by a table of names keyed on their first two characters."""
from __future__ import annotations

import re

_START = re.compile(r"(?<![\w-]).", re.S)  # a position not preceded by a word character or "-"
_WORDISH = re.compile(r"[\w-]")
_POSSESSIVES = ("'s", "’s")


class NameMatcher:
    """Finds the known names of a text: whole words, longest first, with an optional "'s"."""

    # Finds what `(?<![\w-])(?:NAME|…)(?:'s|’s)?(?![\w-])` finds, names tried longest first, without
    # compiling that expression per article (compiling it cost more than the rest of extraction).

    __slots__ = ("_by_prefix",)

    def __init__(self, names) -> None:
        by_prefix: dict[str, list[str]] = {}
        for n in sorted({n for n in names if len(n) > 1}, key=len, reverse=True):
            by_prefix.setdefault(n[:2], []).append(n)
        self._by_prefix = by_prefix

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The (start, end) of every name found, left to right, without overlaps."""
        by_prefix, out, size, after = self._by_prefix, [], len(text), 0
        word = _WORDISH.match
        for m in _START.finditer(text):
            p = m.start()
            if p < after:
                continue
            bucket = by_prefix.get(text[p:p + 2])
            if bucket is None:
                continue
            for n in bucket:
                if not text.startswith(n, p):
                    continue
                q = p + len(n)
                if text.startswith(_POSSESSIVES, q) and (q + 2 >= size or not word(text, q + 2)):
                    q += 2
                elif q < size and word(text, q):
                    continue
                out.append((p, q))
                after = q
                break
        return out
