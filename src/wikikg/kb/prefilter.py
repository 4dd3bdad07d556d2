"""The literal words a regular expression cannot match without: a cheap test before running it."""
from __future__ import annotations

import re
import unicodedata
from functools import cache

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
    for c, ascii_letter in _FOLD:
        if c in text:
            text = text.replace(c, ascii_letter)
    return text.lower()


def required(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Lower-case strings (ASCII, or caseless marks such as "’") at least one of which the folded text
    holds wherever the pattern matches; None when the pattern has no such list."""
    if _parser is None:
        return None
    try:
        return _sequence(list(_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:  # an unfamiliar parse tree: no test
        return None


def required_all(pattern: re.Pattern) -> tuple[tuple[str, ...], ...]:
    """Lists of such strings such that wherever the pattern matches, the folded text holds
    one string of every list (a literal run, the words of a branch, each part of a sequence on its
    own): a finer test than `required`'s one list; () when there is none."""
    if _parser is None:
        return ()
    try:
        clauses = _clauses(list(_parser.parse(pattern.pattern, pattern.flags)))
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

