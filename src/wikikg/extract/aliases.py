"""Every known name in a text at once, by a table of names keyed on their first two characters."""
from __future__ import annotations

import os
import re
from functools import lru_cache

_WORDISH = re.compile(r"[\w-]")
_POSSESSIVES = ("'s", "’s")
# Every capital and digit is a candidate start whether or not a name starts with it (a position no
# name starts at has no bucket), so every matcher's start pattern is the one compiled pattern. Names
# that start otherwise ("the Star", "entity list", "eBay") are found where their bucket's common
# prefix occurs (an automaton's pass), not at every word of their first letter ("the", "to", "in").
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

    __slots__ = ("_by_prefix", "_other", "_others")

    def __init__(self, names=()) -> None:
        self._by_prefix: dict[str, list[str]] = {}
        self._other: set[str] = set()  # the keys of the buckets whose names start outside _COMMON_FIRSTS
        self._others = None  # an automaton of those names' buckets' common prefixes (made when first needed)
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
            if n[0] not in _COMMON_FIRSTS:  # the other names' prefixes change
                self._other.add(n[:2])
                self._others = None

    def copy(self) -> NameMatcher:
        """An independent matcher of the same names."""
        other = NameMatcher()
        other._by_prefix = {k: list(v) for k, v in self._by_prefix.items()}
        other._other, other._others = set(self._other), self._others
        return other

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The (start, end) of every name found, left to right, without overlaps."""
        by_prefix, out, size, after = self._by_prefix, [], len(text), 0
        word = _WORDISH.match
        starts = [m.start() for m in _COMMON_START.finditer(text)]  # a capital or digit not after [\w-]
        if self._other:  # and where another name's bucket's prefix stands, not after [\w-]
            if self._others is None:
                self._others = _automaton([by_prefix[k] for k in sorted(self._other)])
            other = [p for end, n in self._others.iter(text) if (p := end - n + 1) == 0 or not word(text, p - 1)]
            if other:
                starts = sorted(starts + other)
        for p in starts:
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


_COMMON_START = _starts(_COMMON_FIRSTS)


def _automaton(buckets: list[list[str]]):
    """An Aho-Corasick automaton (pyahocorasick) of the common prefix of each bucket (of names that start outside
    _COMMON_FIRSTS), each prefix's value its length: every place such a name may start is one of its hits."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for bucket in buckets:
        prefix = os.path.commonprefix(bucket)
        automaton.add_word(prefix, len(prefix))
    automaton.make_automaton()
    return automaton
