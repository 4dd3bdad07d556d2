"""kb/tablestore.py: a table kept on disk is read back as it was built, and a start with the file builds none."""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from wikikg.kb import tablestore
from wikikg.kb.tablestore import stored_table, tables_from_disk

SRC = Path(__file__).resolve().parents[1] / "src"
BUILT: list[str] = []


@stored_table
def _made_up() -> dict[str, frozenset[str]]:
    BUILT.append("made")
    return {"Foo Corp": frozenset({"Jane Roe", "John Doe"}), "Bar Ltd": frozenset()}


def test_a_stored_table_is_read_back_as_built(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    BUILT.clear()
    _made_up.cache_clear()
    with tables_from_disk():
        built = _made_up()
    assert BUILT == ["made"] and list(tmp_path.glob("wikikg/tables-*.pickle"))
    _made_up.cache_clear()
    with tables_from_disk():
        assert _made_up() == built
    assert BUILT == ["made"]  # read, not built again
    _made_up.cache_clear()
    assert _made_up() == built and BUILT == ["made", "made"]  # outside the store's use: built as any cached loader
    _made_up.cache_clear()


def test_an_unreadable_file_is_an_empty_one(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = tablestore._path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    BUILT.clear()
    _made_up.cache_clear()
    with tables_from_disk():
        assert _made_up()["Foo Corp"] == {"Jane Roe", "John Doe"}
    assert BUILT == ["made"] and isinstance(pickle.loads(path.read_bytes()), dict)  # built, and the file made whole
    _made_up.cache_clear()


def test_only_the_newest_files_are_kept(tmp_path):
    for i in range(tablestore.KEEP + 3):
        old = tmp_path / f"tables-{i:016x}.pickle"
        old.write_bytes(b"")
        os.utime(old, (i, i))
    tablestore._prune(tmp_path / "tables-0.pickle")
    assert sorted(p.name for p in tmp_path.glob("tables-*.pickle")) == [
        f"tables-{i:016x}.pickle" for i in range(3, tablestore.KEEP + 3)]


# preload's stored tables: each as its loader builds it, and a second start builds none (the file is not rewritten)
SCRIPT = """
import pickle, sys
from wikikg.extract.preload import preload, table_loaders
from wikikg.kb import tablestore
preload()
stored = [f for f in table_loaders() if hasattr(f, "stored_as")]
def same(a, b):  # an Aho-Corasick automaton (pyahocorasick) by its words and values, a graph by its triples
    if hasattr(a, "make_automaton"):
        return sorted(a.items()) == sorted(b.items()) and a.kind == b.kind
    if hasattr(a, "triples"):
        from rdflib.compare import isomorphic
        return isomorphic(a, b)
    return a == b
differ = [f.__name__ for f in stored if not same(f(), f.__wrapped__.__wrapped__())]
print(len(stored), " ".join(differ) or "none")
"""


def _start(cache: Path) -> str:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache), PYTHONPATH=str(SRC))
    return subprocess.run([sys.executable, "-c", SCRIPT], env=env, check=True, capture_output=True, text=True).stdout


def test_preloads_stored_tables_read_back_as_built(tmp_path):
    first = _start(tmp_path)
    (path,) = tmp_path.glob("wikikg/tables-*.pickle")
    written = path.stat().st_mtime_ns
    assert int(first.split()[0]) >= 10 and first.split()[1] == "none"
    assert len(pickle.loads(path.read_bytes())) == int(first.split()[0])  # every stored table pickles
    assert _start(tmp_path) == first
    assert path.stat().st_mtime_ns == written  # the second start read every table: none built, nothing written


def test_the_key_follows_every_data_file(tmp_path, monkeypatch):
    """An edit of a rule file (ontology/, the package's data wherever it is installed) starts a new file of tables."""
    data = tmp_path / "data"
    (data / "sub").mkdir(parents=True)
    (data / "names.toml").write_text("a = 1\n")
    (data / "sub" / "more.toml").write_text("b = 2\n")
    monkeypatch.setattr(tablestore, "files", lambda package: data)
    before = tablestore._key()
    (data / "sub" / "more.toml").write_text("b = 3\n")
    edited = tablestore._key()
    (data / "sub" / "more.toml").write_text("b = 2\n")
    assert before != edited and tablestore._key() == before
    assert [name for name, _ in tablestore._data_files(data, "")] == ["names.toml", "sub/more.toml"]
def test_the_key_follows_the_data_files_where_the_package_reads_them(tmp_path, monkeypatch):
    """An edit of ontology/ makes a new key, in an editable install too (where wikikg.kb.data is ontology/ itself)."""
    import shutil
    from importlib.resources import files

    from wikikg.kb import tablestore

    data = tmp_path / "data"
    shutil.copytree(str(files("wikikg.kb.data")), data, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(tablestore, "files", lambda package: data)
    before = tablestore._key()
    names = data / "names.toml"
    names.write_text(names.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert tablestore._key() != before
