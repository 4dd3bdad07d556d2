"""Built tables kept on disk between processes: a start reads them in one file instead of building them again."""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import sysconfig
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache, wraps
from importlib.resources import files
from pathlib import Path

from wikikg.kb.diskcache import cache_path, write_atomic

__all__ = ["stored_table", "tables_from_disk"]

_PACKAGE = Path(__file__).resolve().parents[1]  # src/wikikg: its modules build the tables, kb/data holds their data
KEEP = 8  # the files of this many versions of the package kept (branches and checkouts sharing one cache)


class _Held:
    """While tables_from_disk runs: its file, the tables read from it and those this process used, by loader."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.read: dict | None = None
        self.used: dict = {}


_OPEN: list[_Held] = []


def stored_table(fn: Callable[[], object]) -> Callable[[], object]:
    """functools.cache of a table loader of no argument whose table tables_from_disk keeps between processes: while
    one runs, the loader's first call takes the table the file holds (else builds it, and the file is written)."""
    name = f"{fn.__module__}.{fn.__qualname__}"

    @wraps(fn)
    def load():
        if not _OPEN:
            return fn()
        held = _OPEN[-1]
        if held.read is None:  # the file found and read at the first table asked for: not when all are loaded
            held.path = _path()
            held.read = _read(held.path)
        value = held.read[name] if name in held.read else fn()
        held.used[name] = value
        return value

    loader = cache(load)
    loader.stored_as = name  # what the file calls its table
    return loader


def _key() -> str:
    """What the tables are a function of: Python's version, the text of every module of the package and data file
    of kb/data (ontology/), and the installed distributions (their names hold their versions: GeoNames, pycountry)."""
    digest = hashlib.sha256(sys.version.encode("utf-8"))
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(_PACKAGE)).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    data = Path(str(files("wikikg.kb.data")))  # kb/data in a wheel, ontology/ itself in an editable install
    for path in sorted(p for p in data.rglob("*") if p.is_file()):
        digest.update(f"kb/data/{path.relative_to(data)}".encode() + b"\0" + path.read_bytes() + b"\0")
    for where in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}:
        try:
            digest.update("\0".join(sorted(n for n in os.listdir(where) if n.endswith(".dist-info"))).encode("utf-8"))
        except OSError:
            pass
    return digest.hexdigest()[:16]


def _path() -> Path:
    return cache_path(f"tables-{_key()}.pickle")


def _prune(path: Path) -> None:
    """Only the KEEP newest files of tables left in the directory (each edit of the package starts a new one)."""
    try:
        files = sorted(path.parent.glob("tables-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def _read(path: Path) -> dict:
    enabled = gc.isenabled()
    gc.disable()  # the tables are lasting objects: the collector's passes while they are made would find nothing
    try:
        table = pickle.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - a missing, partial or stale file (a class since renamed) is an empty one
        return {}
    finally:
        if enabled:
            gc.enable()
    return table if isinstance(table, dict) else {}


def _write(path: Path, table: dict) -> None:
    try:
        data = pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):  # a table that cannot be kept: none is
        return
    if write_atomic(path, data):  # an unwritable cache is no error
        _prune(path)


@contextmanager
def tables_from_disk() -> Iterator[None]:
    """While it runs, a stored_table loader takes its table from the file of this package's text and data (read once,
    one pickle: tables that share objects still share them); the file is written at the end when a loader built
    its table, with every table read or built."""
    if _OPEN:  # nested: the outer use reads and writes
        yield
        return
    _OPEN.append(_Held())
    try:
        yield
    finally:
        held = _OPEN.pop()
        if held.path is not None and any(name not in held.read for name in held.used):
            _write(held.path, {**held.read, **held.used})
