"""Every known name in a text at once, by a table of names keyed on their first two characters."""
from __future__ import annotations

import re
from functools import lru_cache

_WORDISH = re.compile(r"[\w-]")
_POSSESSIVES = ("'s", "’s")
# Every capital and digit is a candidate start whether or not a name starts with it (a position no
# name starts at has no bucket), so the start pattern of most articles' matchers is one already compiled.
_COMMON_FIRSTS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


@lru_cache(maxsize=256)
def _starts(firsts: frozenset[str]) -> re.Pattern:
    """A position not after a word character or "-", holding one of `firsts`: `(?<![\\w-])[firsts]`, written
    with the class first so that the regex engine skips to its characters (a leading lookbehind makes it try
    every position)."""
    chars = "".join(sorted(firsts))
    return re.compile(rf"[{re.escape(chars)}](?<![\w-].)" if chars else r"(?!)", re.S)


class NameMatcher:
    """Finds the known names of a text: whole words, longest first, with an optional "'s"."""

    # Finds what `(?<![\w-])(?:NAME|…)(?:'s|’s)?(?![\w-])` finds, names tried longest first, without
    # compiling that expression per article (compiling it cost more than the rest of extraction).

    __slots__ = ("_by_prefix", "_firsts", "_start")

    def __init__(self, names=()) -> None:
        self._by_prefix: dict[str, list[str]] = {}
        self._firsts: frozenset[str] = frozenset()  # what _start finds: the names' first characters and _COMMON_FIRSTS
        self._start = None
        self.add(names)

    def add(self, names) -> None:
        """Also find these names (each bucket stays longest first: equal lengths never compete)."""
        by_prefix = self._by_prefix
        for n in names:
            if len(n) < 2:
                continue
            bucket = by_prefix.setdefault(n[:2], [])
            if n in bucket:
                continue
            k, size = 0, len(n)
            while k < len(bucket) and len(bucket[k]) >= size:
                k += 1
            bucket.insert(k, n)
            if n[0] not in self._firsts:  # the start pattern changes only with a new first character
                self._firsts = self._firsts | _COMMON_FIRSTS | {n[0]}
                self._start = None

    def copy(self) -> NameMatcher:
        """An independent matcher of the same names."""
        other = NameMatcher()
        other._by_prefix = {k: list(v) for k, v in self._by_prefix.items()}
        other._firsts, other._start = self._firsts, self._start
        return other

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The (start, end) of every name found, left to right, without overlaps."""
        by_prefix, out, size, after = self._by_prefix, [], len(text), 0
        if self._start is None:  # a position not after a word character or "-", where some name starts
            self._start = _starts(self._firsts)
        word = _WORDISH.match
        for m in self._start.finditer(text):
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
