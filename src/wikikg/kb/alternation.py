"""A list of patterns searched, per text, only where the text holds one of a pattern's literal words."""
from __future__ import annotations

import re
import sys
from functools import lru_cache
from operator import itemgetter

from wikikg.kb.prefilter import fold, required, squeeze

_BACKREF = re.compile(r"\\[1-9]|\(\?P=")
_second = itemgetter(1)  # an automaton hit's value: (end, value)


class Alternation:
    """What `re.compile("(?:p1)|(?:p2)|…", flags)` finds with `search` and `finditer` (the match's span and
    text; its groups are each part's own), found by searching only the parts that can match the text.

    A part that cannot match without one of its literal words (kb/prefilter.py `required`) is skipped when
    the case-folded text holds none of them; the others are searched on their own and the leftmost match
    wins, the earlier part on a tie, which is the alternation's own choice. Each text's folded words are
    found in one pass of an Aho-Corasick automaton (pyahocorasick). A part that can match the empty string
    or refers back to a group makes `search` and `finditer` fall back to the plain alternation. `first`
    answers a class table's question: the first part, in order, that matches anywhere."""

    __slots__ = ("union", "pattern", "flags", "_exact", "_parts", "_always", "_by_key", "_automaton", "_live", "needs")

    def __init__(self, parts: list[str] | tuple[str, ...], flags: int = 0) -> None:
        self.union = re.compile("|".join(f"(?:{p})" for p in parts), flags)
        self.pattern, self.flags = self.union.pattern, self.union.flags
        compiled = tuple(re.compile(f"(?:{p})", flags) for p in parts)
        # a part that can match the empty string or refers back to a group: the plain alternation searches
        self._exact = bool(compiled) and not any(_BACKREF.search(p) or _may_be_empty(c)
                                                 for p, c in zip(parts, compiled, strict=True))
        keys = [required(c) for c in compiled]
        self._parts = compiled
        self._always = tuple(i for i, k in enumerate(keys) if k is None)
        by_key: dict[str, set[int]] = {}
        for i, k in enumerate(keys):
            for w in k or ():
                by_key.setdefault(w, set()).add(i)
        self._by_key = {w: frozenset(v) for w, v in by_key.items()}
        # the folded words without one of which `search` finds nothing (None: a part needs none, or the plain
        # alternation searches), none of them changed by prefilter.squeeze (no white space but lone spaces)
        self.needs = frozenset(by_key) if self._exact and not self._always and by_key \
            and all(squeeze(w) == w for w in by_key) else None
        self._automaton = None
        if by_key:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for w, indices in self._by_key.items():
                automaton.add_word(w, indices)  # a word's hit gives the parts that need it
            automaton.make_automaton()
            self._automaton = automaton
        self._live = lru_cache(maxsize=512)(self._live_parts)

    def __getstate__(self) -> dict:
        """What pickles: every slot but the per-object cache of `_live_parts` (made again when read)."""
        return {name: getattr(self, name) for name in self.__slots__ if name != "_live"}

    def __setstate__(self, state: dict) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        self._live = lru_cache(maxsize=512)(self._live_parts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Alternation) and self.union == other.union

    def __hash__(self) -> int:
        return hash(self.union)

    def __repr__(self) -> str:
        return f"Alternation({self.pattern!r})"

    def _live_parts(self, text: str) -> tuple[int, ...]:
        """The indices of the parts that may match `text`, in their order."""
        if self._automaton is None:
            return self._always
        hits = list(map(_second, self._automaton.iter(fold(text))))  # each hit's parts (C loops, no Python one)
        if not hits:
            return self._always
        return tuple(sorted(set(self._always).union(*hits)))

    def first(self, text: str) -> int | None:
        """The index of the first part, in their order, that matches somewhere in `text` (each part
        compiled on its own); None when none does."""
        for i in self._live(text):
            if self._parts[i].search(text) is not None:
                return i
        return None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        """The first match in text[pos:endpos], as the alternation's `search` finds it."""
        if not self._exact:
            return self.union.search(text, pos, endpos)
        best = None
        parts = self._parts
        for i in self._live(text):
            m = parts[i].search(text, pos, endpos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        """Every match in text[pos:endpos], left to right, as the alternation's `finditer` finds them."""
        if not self._exact:
            yield from self.union.finditer(text, pos, endpos)
            return
        while (m := self.search(text, pos, endpos)) is not None:
            yield m
            pos = m.end()


def _may_be_empty(pattern: re.Pattern) -> bool:
    """Whether the pattern's shortest match is empty (by the regex parser's own width bounds)."""
    try:
        from re import _parser

        return _parser.parse(pattern.pattern, pattern.flags).getwidth()[0] == 0
    except Exception:  # an unfamiliar parser: assume it may be
        return True


def longest_first(words) -> str:
    """Literal words as one regex alternation, escaped, longest first (a word wins over its prefix), words of one
    length in alphabetical order (the same text from a set in every process); `(?!)`, which never matches, when there are none."""
    return "|".join(sorted(map(re.escape, words), key=lambda w: (-len(w), w))) or "(?!)"
