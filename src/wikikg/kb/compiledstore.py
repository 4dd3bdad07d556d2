"""The regex compiler's output for each pattern, kept on disk between processes (a start compiles ~1,500 patterns)."""
from __future__ import annotations

import hashlib
import marshal
import sys
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wikikg.kb.diskcache import cache_path, write_atomic

try:  # the standard library's own regex compiler (private, but the same in every CPython 3.11-3.13)
    import _sre
    from re import _compiler, _parser

    _ORIGINAL = _compiler.compile if array("I").itemsize == _sre.CODESIZE else None
except (ImportError, AttributeError):  # pragma: no cover - another Python: every pattern compiled as usual
    _ORIGINAL = None

__all__ = ["compiled_from_disk"]

# A pattern's code is a function of its text, its flags and the compiler's code (Python's version): the file's name
# holds the version and this module's own text, so another Python or an edit here starts a new file.
_NAME = "sre-" + hashlib.sha256((Path(__file__).read_text("utf-8") + sys.version).encode("utf-8")).hexdigest()[:16]


def _path() -> Path:
    return cache_path(f"{_NAME}.marshal")


def _read() -> dict:
    try:
        table = marshal.loads(_path().read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return table if isinstance(table, dict) else {}


def _write(table: dict) -> None:
    write_atomic(_path(), marshal.dumps(table))  # an unwritable cache is no error


def _parts(pattern: str, flags: int) -> tuple:
    """What re._compiler.compile hands _sre.compile after the pattern (final flags, code, groups, their names)."""
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    indexgroup = [None] * p.state.groups
    for name, i in p.state.groupdict.items():
        indexgroup[i] = name
    return (int(flags | p.state.flags), array("I", code).tobytes(), p.state.groups - 1, dict(p.state.groupdict),
            tuple(indexgroup))


def _made(pattern: str, parts: tuple):
    """The compiled pattern from its stored parts (None when they do not make one)."""
    try:
        final, code, groups, groupindex, indexgroup = parts
        return _sre.compile(pattern, final, array("I", code).tolist(), groups, groupindex, indexgroup)
    except (TypeError, ValueError, RuntimeError):
        return None


# What a use followed by another hands it (the file, the table read, the patterns used, those added): one read and
# one write for both
_HELD: list[tuple[Path, dict, dict, list]] = []


@contextmanager
def compiled_from_disk(more: bool = False) -> Iterator[None]:
    """While it runs, a text pattern compiled by `re` is made from the code stored for it (compiled and stored when
    there is none; the file is written at the end): the same Pattern as re._compiler.compile makes, without its
    parser and code generator, which are Python. `more`: another use follows in this process (a command's imports,
    then preload), which takes over this one's table and writes the file for both."""
    if _ORIGINAL is None or _compiler.compile is not _ORIGINAL:  # no compiler to stand in for, or nested
        yield
        return
    path = _path()
    held = _HELD.pop() if _HELD else None
    table, used, added = held[1:] if held and held[0] == path else (_read(), {}, [])

    def compile_(p, flags=0):
        if not isinstance(p, str) or flags & _compiler.SRE_FLAG_DEBUG:
            return _ORIGINAL(p, flags)
        key = (int(flags), p)
        parts = table.get(key)
        made = None if parts is None else _made(p, parts)
        if made is None:
            parts = table[key] = _parts(p, flags)
            made = _made(p, parts) or _ORIGINAL(p, flags)
            added.append(key)
        used[key] = parts
        return made

    _compiler.compile = compile_
    try:
        yield
    finally:
        _compiler.compile = _ORIGINAL
        if more:
            _HELD[:] = [(path, table, used, added)]
        elif added:  # the patterns this process compiled (those only another version of the rules had dropped)
            _write(used)
