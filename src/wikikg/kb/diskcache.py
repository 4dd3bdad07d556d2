"""Tables derived from installed packages' data, kept as JSON in the user's cache directory."""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

__all__ = ["cached_strings", "read_json", "write_json"]


def _path(name: str) -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wikikg" / f"{name}.json"


def read_json(name: str) -> object:
    """What $XDG_CACHE_HOME/wikikg/NAME.json (else ~/.cache/wikikg) holds; None when it is missing or unreadable."""
    try:
        return json.loads(_path(name).read_text("utf-8"))
    except (OSError, ValueError):
        return None


def write_json(name: str, value: object) -> None:
    """Keep `value` as NAME.json there (atomically; an unwritable cache is no error)."""
    path = _path(name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(value, ensure_ascii=False), "utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def cached_strings(name: str, make: Callable[[], frozenset[str]]) -> frozenset[str]:
    """The strings `make()` returns, read from $XDG_CACHE_HOME/wikikg/NAME.json (else ~/.cache/wikikg)
    when that file exists, else made and written there (atomically; an unwritable cache is no error).
    `name` must change whenever what `make` returns may (a format number, the packages' versions)."""
    stored = read_json(name)
    if isinstance(stored, list):
        return frozenset(stored)
    out = make()
    write_json(name, sorted(out))
    return out
