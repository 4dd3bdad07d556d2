"""Tables derived from installed packages' data, kept as JSON in the user's cache directory."""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

__all__ = ["cache_path", "cached_strings", "read_json", "write_atomic", "write_json"]


def cache_path(filename: str) -> Path:
    """Where the cache keeps `filename`: $XDG_CACHE_HOME/wikikg (else ~/.cache/wikikg)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wikikg" / filename


def write_atomic(path: Path, data: bytes) -> bool:
    """Write `data` to `path` through a temporary file and a rename (readers see the old file or the new one);
    False when the cache is unwritable, which is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        return False
    return True


def _path(name: str) -> Path:
    return cache_path(f"{name}.json")


def read_json(name: str) -> object:
    """What $XDG_CACHE_HOME/wikikg/NAME.json (else ~/.cache/wikikg) holds; None when it is missing or unreadable."""
    try:
        return json.loads(_path(name).read_text("utf-8"))
    except (OSError, ValueError):
        return None


def write_json(name: str, value: object) -> None:
    """Keep `value` as NAME.json there (atomically; an unwritable cache is no error)."""
    write_atomic(_path(name), json.dumps(value, ensure_ascii=False).encode("utf-8"))


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
