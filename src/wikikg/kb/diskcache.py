"""Tables derived from installed packages' data, kept as JSON in the user's cache directory."""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

__all__ = ["cached_strings"]


def cached_strings(name: str, make: Callable[[], frozenset[str]]) -> frozenset[str]:
    """The strings `make()` returns, read from $XDG_CACHE_HOME/wikikg/NAME.json (else ~/.cache/wikikg)
    when that file exists, else made and written there (atomically; an unwritable cache is no error).
    `name` must change whenever what `make` returns may (a format number, the packages' versions)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wikikg"
    path = base / f"{name}.json"
    try:
        return frozenset(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError):
        pass
    out = make()
    try:
        base.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(sorted(out), ensure_ascii=False), "utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
    return out
