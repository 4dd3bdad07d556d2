"""The prefilter's answers about each pattern, kept on disk between processes (a build's start parses ~570 patterns)."""
from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path

from wikikg.kb.diskcache import read_json, write_json

__all__ = ["save", "stored"]

# The answers are a function of a pattern's text and flags, prefilter.py's and firstchars.py's code and the regex
# parser's (Python's version): the file's name holds them all, so an edit to any starts a new file.
_NAME = "prefilter-" + hashlib.sha256(
    ("".join(Path(__file__).with_name(f).read_text("utf-8") for f in ("prefilter.py", "firstchars.py"))
     + sys.version).encode("utf-8")).hexdigest()[:16]
_answers: dict[str, dict[str, object]] | None = None  # per function: "flags<TAB>pattern" -> its answer as JSON
_new = False


def _table(name: str) -> dict[str, object]:
    global _answers
    if _answers is None:
        read = read_json(_NAME)
        _answers = read if isinstance(read, dict) else {}
    return _answers.setdefault(name, {})


def stored(back: Callable[[object], object]) -> Callable:
    """A prefilter function of one compiled pattern whose answers are read from the file when it has them (`back`
    turns the JSON lists into the function's tuples), else made and added to it by `save()`."""
    def wrap(fn: Callable) -> Callable:
        @wraps(fn)
        def answer(pattern):
            global _new
            table, key = _table(fn.__name__), f"{pattern.flags}\t{pattern.pattern}"
            if key in table:
                return back(table[key])
            out = fn(pattern)
            table[key], _new = out, True
            return out
        return answer
    return wrap


def save() -> None:
    """Write the answers made since the file was read (with those it held) to it, and forget them all."""
    global _answers, _new
    if _new and _answers is not None:
        write_json(_NAME, _answers)
    _answers, _new = None, False


def words(value: object) -> tuple[str, ...] | None:
    """A list of strings (or none) as `required` and `leads` give it."""
    return None if value is None else tuple(value)


def lists(value: object) -> tuple[tuple[str, ...], ...]:
    """Lists of strings as `required_all` and `phrases` give them."""
    return tuple(map(tuple, value))
