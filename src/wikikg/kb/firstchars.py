"""The characters a pattern's match can open with, and a search that skips to them in the regex engine."""
from __future__ import annotations

import re

from wikikg.kb.prefilter import _FOLD
from wikikg.kb.prefilterstore import stored

try:  # the standard library's own regex parser (private, but part of every CPython >= 3.11)
    from re import _constants as _C
    from re import _parser
except ImportError:  # pragma: no cover - another Python: no set, every pattern runs as it is
    _parser = None

_WIDE = {}  # an ASCII letter's matches outside ASCII under re.IGNORECASE ("ſ" for "s", the Kelvin sign for "k")
for _wide, _letter in _FOLD:
    _WIDE[_letter] = _WIDE.get(_letter, "") + _wide


class _Unknown(Exception):
    """An item whose first characters are not listed (a category, any character, a negated set, a reference)."""


def _same(value: object) -> object:
    """The stored answer as it is (a string or None: JSON keeps it)."""
    return value


@stored(_same)
def first_chars(pattern: re.Pattern) -> str | None:
    """Every character a match of the pattern can open with (each ASCII letter with its other case and the letters
    outside ASCII re.IGNORECASE matches it with), sorted, as a string; None when the pattern can match the empty
    string, opens with an item whose characters are not listed (`\\w`, `.`, `[^x]`) or a cased letter outside ASCII."""
    if _parser is None or pattern.flags & re.LOCALE:
        return None
    try:
        chars, empty = _sequence(list(_parser.parse(pattern.pattern, pattern.flags)))
    except (_Unknown, re.error, RecursionError):
        return None
    return None if empty else "".join(sorted(chars))


def _sequence(items: list) -> tuple[set[str], bool]:
    """The first characters of a run of items, and whether the run can match the empty string."""
    out = set()
    for op, av in items:
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):  # zero width: the match opens with what follows
            continue
        chars, empty = _item(op, av)
        out |= chars
        if not empty:
            return out, False
    return out, True


def _item(op, av) -> tuple[set[str], bool]:
    """One parsed item's first characters, and whether it can match the empty string (_Unknown when not listed)."""
    if op is _C.LITERAL:
        return _cases(chr(av)), False
    if op is _C.IN:
        out = set()
        for iop, iav in av:
            if iop is _C.LITERAL:
                out |= _cases(chr(iav))
            elif iop is _C.RANGE and iav[1] < 128:
                for code in range(iav[0], iav[1] + 1):
                    out |= _cases(chr(code))
            else:  # a category, a negation, a range reaching past ASCII
                raise _Unknown
        return out, False
    if op is _C.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is _C.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is _C.BRANCH:
        out, empty = set(), False
        for alt in av[1]:
            chars, alt_empty = _sequence(list(alt))
            out, empty = out | chars, empty or alt_empty
        return out, empty
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        chars, empty = _sequence(list(av[2]))
        return chars, empty or av[0] == 0
    raise _Unknown


def _cases(c: str) -> set[str]:
    """The characters that match `c` with or without re.IGNORECASE: an ASCII character's cases (and a letter's
    matches outside ASCII, prefilter._FOLD), a character outside ASCII without case as itself."""
    if c.isascii():
        return {c, c.lower(), c.upper(), *_WIDE.get(c.lower(), "")}
    if c.lower() == c == c.upper() and c.casefold() == c:
        return {c}
    raise _Unknown


def skipping(pattern: re.Pattern) -> re.Pattern | None:
    """A pattern whose search finds the leftmost place at or after the start where `pattern` matches, skipping in the
    engine to its first characters (a case-sensitive set, which the engine scans for, then `pattern` itself looked
    ahead from the character before); None when they are not known (first_chars) or the wrapper does not compile."""
    chars = first_chars(pattern)
    if not chars:
        return None
    try:
        return re.compile(f"(?-i:[{''.join(map(re.escape, chars))}])(?<=(?={pattern.pattern})[\\s\\S])", pattern.flags)
    except re.error:  # an inline flag of the whole pattern ("(?i)" at its start) cannot move inside
        return None


def matches(pattern: re.Pattern, skip: re.Pattern | None, text: str) -> list[re.Match]:
    """pattern.finditer(text)'s matches, found by `skip` (skipping(pattern)) where it is given: each the pattern's own
    match at the place `skip` finds from the last one's end (a match is never empty)."""
    if skip is None:
        return list(pattern.finditer(text))
    out, end = [], 0
    while (at := skip.search(text, end)) is not None:
        m = pattern.match(text, at.start())
        out.append(m)
        end = m.end()
    return out
