"""The literal words a regular expression cannot match without: a cheap test before running it."""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from wikikg.kb.prefilterstore import lists, stored, words

try:  # the standard library's own regex parser (private, but part of every CPython >= 3.11)
    from re import _constants as _C
    from re import _parser
except ImportError:  # pragma: no cover - another Python: no test, every pattern runs
    _parser = None

# The characters outside ASCII that an ASCII letter matches under re.IGNORECASE (a test checks
# every code point): folding them first makes `str.lower` agree with the regex engine.
_FOLD = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))


def fold(text: str) -> str:
    """The text lower-cased the way re.IGNORECASE compares ASCII letters."""
    if text.isascii():  # none of _FOLD's characters (a flag of the string: no scan)
        return text.lower()
    return _fold_wide(text)


@lru_cache(maxsize=64)  # a slotted sentence (not ASCII: its slots' brackets) is folded by each list searched in it
def _fold_wide(text: str) -> str:
    for c, ascii_letter in _FOLD:
        if c in text:
            text = text.replace(c, ascii_letter)
    return text.lower()


@lru_cache(maxsize=1)  # required, required_all and phrases of one rule's trigger parse it once
def _tree(pattern: str, flags: int) -> list:
    return list(_parser.parse(pattern, flags))


@stored(words)
def required(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Lower-case strings (ASCII, or caseless marks such as "’") at least one of which the folded text
    holds wherever the pattern matches; None when the pattern has no such list."""
    if _parser is None:
        return None
    try:
        return _sequence(_tree(pattern.pattern, pattern.flags))
    except Exception:  # an unfamiliar parse tree: no test
        return None


@stored(lists)
def required_all(pattern: re.Pattern) -> tuple[tuple[str, ...], ...]:
    """Lists of such strings such that wherever the pattern matches, the folded text holds
    one string of every list (a literal run, the words of a branch, each part of a sequence on its
    own): a finer test than `required`'s one list; () when there is none."""
    if _parser is None:
        return ()
    try:
        clauses = _clauses(_tree(pattern.pattern, pattern.flags))
    except Exception:  # an unfamiliar parse tree: no test
        return ()
    return tuple(dict.fromkeys(clauses))


def _clauses(items: list) -> list[tuple[str, ...]]:
    out, run = [], []
    for op, av in items:
        if op is _C.LITERAL and _caseless(av):
            run.append(chr(av))
            continue
        if run:
            out.append(("".join(run).lower(),))
            run = []
        if op is _C.SUBPATTERN:
            out += _clauses(list(av[-1]))
        elif op is _C.ASSERT:
            out += _clauses(list(av[1]))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT) and av[0] >= 1:
            out += _clauses(list(av[2]))
        elif op is _C.BRANCH:
            alts = [_sequence(list(alt)) for alt in av[1]]
            if all(a is not None for a in alts):
                out.append(_minimal({s for a in alts for s in a}))
    if run:
        out.append(("".join(run).lower(),))
    return out


def _caseless(code: int) -> bool:
    """Whether a literal stands for itself in the folded text: an ASCII character (fold lowers it as
    re.IGNORECASE compares it), or a punctuation mark or symbol with no case ("’", "⟦")."""
    if code < 128:
        return True
    c = chr(code)
    return unicodedata.category(c)[0] in "PS" and c.lower() == c == c.upper() and c.casefold() == c


def _better(a: tuple[str, ...] | None, b: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """The more selective of two lists: longer shortest string, then fewer strings."""
    if a is None or b is None:
        return a if b is None else b
    return max(a, b, key=lambda x: (min(map(len, x)), -len(x)))


def _sequence(items: list) -> tuple[str, ...] | None:
    best, run = None, []
    for op, av in items:
        if op is _C.LITERAL and _caseless(av):
            run.append(chr(av))
            continue
        if run:
            best, run = _better(best, ("".join(run).lower(),)), []
        if op is _C.SUBPATTERN:
            best = _better(best, _sequence(list(av[-1])))
        elif op is _C.ASSERT:
            best = _better(best, _sequence(list(av[1])))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT) and av[0] >= 1:
            best = _better(best, _sequence(list(av[2])))
        elif op is _C.BRANCH:
            alts = [_sequence(list(alt)) for alt in av[1]]
            if all(a is not None for a in alts):
                best = _better(best, _minimal({s for a in alts for s in a}))
    if run:
        best = _better(best, ("".join(run).lower(),))
    return best


def _minimal(words: set[str]) -> tuple[str, ...]:
    """The words without those that hold another one ("members" goes where "member" is)."""
    return tuple(sorted(w for w in words if not any(v != w and v in w for v in words)))


@cache
def any_of(words: tuple[str, ...] | None) -> re.Pattern | None:
    """One compiled search for any of the words (to run on a folded text); None for no words."""
    return None if words is None else re.compile("|".join(map(re.escape, words)))


def matches_at(pattern: re.Pattern, text: str, starts: list[int]):
    """pattern.finditer(text) for a pattern whose every match starts at one of `starts` (in order) and is
    never empty: the leftmost match is the first of them at which it matches, the next one is sought
    from its end."""
    end = 0
    for p in starts:
        if p >= end and (m := pattern.match(text, p)) is not None:
            yield m
            end = m.end()



class Guard:
    """Which of several patterns may match a text, all found in one pass: each pattern's `required` strings in one
    Aho-Corasick automaton (pyahocorasick) over the folded text; a pattern with no such strings may always match."""

    __slots__ = ("always", "_automaton")

    def __init__(self, patterns: list[re.Pattern] | tuple[re.Pattern, ...]) -> None:
        self.always, by_key = 0, {}
        for i, pattern in enumerate(patterns):
            keys = required(pattern)
            if not keys or "" in keys:  # no list (or an empty string in it): the pattern is always asked
                self.always |= 1 << i
                continue
            for w in keys:
                by_key[w] = by_key.get(w, 0) | 1 << i
        self._automaton = None
        if by_key:
            import ahocorasick

            self._automaton = ahocorasick.Automaton()
            for w, bits in by_key.items():
                self._automaton.add_word(w, bits)
            self._automaton.make_automaton()

    def live(self, text: str) -> int:
        """The patterns that may match somewhere in `text` (or in a part of it), as bits: bit i for the i-th."""
        if self._automaton is None:
            return self.always
        bits = self.always
        for _end, hit in self._automaton.iter(fold(text)):
            bits |= hit
        return bits


_SPACES = re.compile(r"\s{2,}|[^\S ]")  # what squeeze changes: a lone space stays as it is
_MAX_STRINGS = 64  # a window of literals is cut where it could spell more strings than this
_MAX_LEADS = 512  # what a pattern's first items spell (`leads`): a longer list, asked of the few rules with no other
_NEXT_SLOT = "⟧ ⟦"  # one slot's end, white space and the next one's start: two names side by side, rare in prose


def squeeze(text: str) -> str:
    """The text with each run of white space as one space (what `phrases`' strings are looked for in)."""
    if "  " not in text and text.isprintable():  # its only white space is lone spaces (the others are not printable)
        return text
    return _SPACES.sub(" ", text)


@stored(lists)
def phrases(pattern: re.Pattern) -> tuple[tuple[str, ...], ...]:
    """Lists of strings with a space inside ("at ⟦", "at the ⟦") such that wherever the pattern matches, the
    folded and squeezed text holds one string of every list: a run of the pattern's items that can only
    spell a few strings, white space spelt as one space (the words around a `\\s+`, which `required_all`
    cannot join); () when there is none."""
    if _parser is None:
        return ()
    try:
        out = _phrases(_tree(pattern.pattern, pattern.flags), {})
    except Exception:  # an unfamiliar parse tree: no test
        return ()
    return tuple(dict.fromkeys(c for c in out if all(" " in w.strip(" ") and (len(w.replace(" ", "")) >= 3
                                                                         or w.strip(" ") == _NEXT_SLOT) for w in c)))


@stored(words)
def leads(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Strings one of which the folded and squeezed text holds wherever the pattern matches: what its first items
    spell (up to _MAX_LEADS strings: "degree ", "a b.a. "), each with three characters or more besides white space;
    None when they spell no such list. A finer test than `phrases` where the first words are short or many."""
    if _parser is None:
        return None
    try:
        out, memo = {""}, {}
        for item in _tree(pattern.pattern, pattern.flags):
            joined = _join(out, _language((item,), memo, _MAX_LEADS), _MAX_LEADS)
            if joined is None:
                break
            out = joined
    except Exception:  # an unfamiliar parse tree: no test
        return None
    words = _minimal({squeeze(w) for w in out})
    return words if all(len(w.replace(" ", "")) >= 3 for w in words) else None


def _phrases(items: list, memo: dict) -> list[tuple[str, ...]]:
    out, window = [], {""}

    def flush() -> None:
        nonlocal window
        if window != {""}:
            out.append(_minimal({squeeze(w) for w in window}))
        window = {""}

    for item in items:
        op, av = item
        if op is _C.ASSERT:
            edge = _edge(av[1], memo, av[0] == 1)
            if av[0] == 1:  # a lookahead: the text goes on with one of the strings its first items spell
                joined = _join(window, edge)
                if joined is None:
                    flush()
                    joined = edge
                window = joined
            flush()  # ... but what follows starts where it starts: the window ends here
            if av[0] != 1:  # a lookbehind: the text before ends with what its last items spell
                window = edge
            if _language(av[1], memo) is None:
                out += _phrases(av[1], memo)
            continue
        lang = _language((item,), memo)
        if lang is not None:
            joined = _join(window, lang)
            if joined is None:
                flush()
                joined = lang
            window = joined
            continue
        flush()
        if op is _C.SUBPATTERN:
            out += _phrases(av[-1], memo)
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT) and av[0] >= 1:
            out += _phrases(av[2], memo)
        elif op is _C.BRANCH:
            best = [max(_phrases(alt, memo), key=lambda c: (min(map(len, c)), -len(c)), default=None) for alt in av[1]]
            if all(b is not None for b in best):
                out.append(_minimal({w for b in best for w in b}))
    flush()
    return out


def _edge(items, memo: dict, front: bool) -> set[str]:
    """What the first (`front`) or the last items of `items` spell, as far as they spell few strings."""
    out = {""}
    for item in (items if front else list(items)[::-1]):
        lang = _language((item,), memo)
        joined = None if lang is None else _join(out, lang) if front else _join(lang, out)
        if joined is None:
            break
        out = joined
    return out


def _join(a: set[str] | None, b: set[str] | None, cap: int = _MAX_STRINGS) -> set[str] | None:
    """Every string of `a` followed by one of `b`; None when that is more than `cap`."""
    if a is None or b is None or len(a) * len(b) > cap:
        return None
    return {x + y for x in a for y in b}


def _language(items, memo: dict, cap: int = _MAX_STRINGS) -> set[str] | None:
    """Every string the items can match (folded; white space as one space, zero-width tests as nothing), when
    they can match only a few; None otherwise. `memo` keeps each item's answer (by identity, for one tree)."""
    out, run = {""}, ""
    for item in items:
        if item[0] is _C.LITERAL and _caseless(item[1]):  # a run of literals joins the strings once
            c = chr(item[1])
            run += " " if c.isspace() else c.lower()
            continue
        if id(item) in memo:
            part = memo[id(item)]
        else:
            part = memo[id(item)] = _item_language(*item, memo, cap)
        if part is None:
            return None
        out = _join(out, {run + w for w in part} if run else part, cap)
        run = ""
        if out is None:
            return None
    return _join(out, {run}, cap) if run else out


def _item_language(op, av, memo: dict, cap: int = _MAX_STRINGS) -> set[str] | None:
    if op is _C.LITERAL:
        return {" " if chr(av).isspace() else chr(av).lower()} if _caseless(av) else None
    if op is _C.IN:
        part = set()
        for iop, iav in av:
            if iop is _C.LITERAL and _caseless(iav):
                part.add(" " if chr(iav).isspace() else chr(iav).lower())
            elif iop is _C.CATEGORY and iav in (_C.CATEGORY_SPACE, _C.CATEGORY_UNI_SPACE):
                part.add(" ")
            else:
                return None
        return part
    if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
        return {""}  # zero width: the text holds the strings around it next to each other
    if op is _C.SUBPATTERN:
        return _language(av[-1], memo, cap)
    if op is _C.BRANCH:
        alts = [_language(alt, memo, cap) for alt in av[1]]
        return None if any(a is None for a in alts) else {w for a in alts for w in a}
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        body = _language(av[2], memo, cap)
        if body == {" "}:  # a run of white space: one space in the squeezed text
            return {" "} if av[0] >= 1 else {"", " "}
        if body is not None and (av[0], av[1]) in ((0, 1), (1, 1)):
            return body | {""} if av[0] == 0 else body
    return None
