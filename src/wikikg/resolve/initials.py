"""Titles written with initials point at the one title of the batch that spells them out ("F. E. Foo Base")."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

_INITIAL = re.compile(r"[A-Z]\.")
_WORD = re.compile(r"[A-Z][a-z]+")
_SPLIT = re.compile(r"(?<=[A-Z]\.)(?=[A-Z]\.)")  # "F.E." is "F. E."


def _tokens(title: str) -> list[str]:
    return _SPLIT.sub(" ", title).split()


def _signature(tokens: list[str]) -> tuple[str, ...]:
    return tuple(t[0] if _INITIAL.fullmatch(t) or _WORD.fullmatch(t) else t for t in tokens)


def _spells_out(short: list[str], full: list[str]) -> bool:
    """Whether `full` spells out some of `short`'s initials and agrees on every other word, two of them at least
    (one a whole word): "Jane Q. Roe" for "J. Q. Roe", "United States Foo Bureau" for "U.S. Foo Bureau"."""
    initials = same = words = 0
    for a, b in zip(short, full, strict=True):
        if a == b:
            same += 1
            words += not _INITIAL.fullmatch(a)
        elif _INITIAL.fullmatch(a) and _WORD.fullmatch(b) and b[0] == a[0]:
            initials += 1
        else:
            return False
    return initials > 0 and same >= 2 and words > 0


def spelled_out(titles: Iterable[str]) -> dict[str, str]:
    """Each title with initials -> the one other title that spells them out (the fullest when they chain:
    "S. C. Foo" -> "Sam C. Foo" -> "Sam Cole Foo"); none when two titles spell it out differently."""
    groups: dict[tuple[str, ...], list[tuple[str, list[str]]]] = defaultdict(list)
    for title in titles:
        tokens = _tokens(title)
        if len(tokens) > 1:
            groups[_signature(tokens)].append((title, tokens))
    step: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        for title, tokens in members:
            if not any(_INITIAL.fullmatch(t) for t in tokens):
                continue
            fuller = [(other, theirs) for other, theirs in members if other != title and _spells_out(tokens, theirs)]
            tops = {other for other, theirs in fuller
                    if not any(o != other and _spells_out(theirs, more) for o, more in fuller)}
            if len(tops) == 1:
                step[title] = tops.pop()
    out = {}
    for title, to in step.items():
        while to in step:  # each step spells out more initials: no cycle
            to = step[to]
        out[title] = to
    return out
