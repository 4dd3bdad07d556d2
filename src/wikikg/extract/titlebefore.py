"""A person's title right before a name ("Governor ", "Dr. "), found from the text's last word instead of a search."""
from __future__ import annotations

from functools import cache

from wikikg.kb.names import name_tables

_BOUNDS = "(["  # besides white space, what may stand right before a title


@cache
def _by_last_word() -> dict[str, tuple[str, ...]]:
    """names.toml [stop] titles by their last word (`_last_word`), longest first."""
    out: dict[str, list[str]] = {}
    for t in sorted(name_tables().stop.titles, key=len, reverse=True):
        out.setdefault(_last_word(t), []).append(t)
    return {w: tuple(ts) for w, ts in out.items()}


def _last_word(text: str) -> str:
    """What follows the text's last white space, "(" or "[" (all of it when it holds none)."""
    words = text.split()
    last = words[-1] if words else ""
    return last.rsplit("(", 1)[-1].rsplit("[", 1)[-1]


def title_before(before: str) -> bool:
    """Whether `before` ends in a title and white space, the title at its start or after white space, "(" or "[":
    what `(?:^|(?<=[\\s(\\[]))(?:TITLE|…)\\s+$` finds searched in it (each title's last word, which holds none of
    those, is then the text's own last word: one dict lookup instead of a search from every position; titles are
    stripped, as names.toml writes them)."""
    text = before.rstrip()
    if len(text) == len(before) or not text:
        return False
    for t in _by_last_word().get(_last_word(text), ()):
        k = len(text) - len(t)
        if text.endswith(t) and (k == 0 or text[k - 1].isspace() or text[k - 1] in _BOUNDS):
            return True
    return False
