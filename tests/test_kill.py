"""A `wikikg build` killed (SIGKILL) while writing its output leaves the previous output intact."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from wikikg.cli import main
from wikikg.sparql.store import Engine

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "sensetime.wikitext"
OTHER = [ROOT / "tests" / "heldout" / n for n in ("DJI.wikitext", "Huawei.wikitext")]
FOUNDERS = "SELECT ?f WHERE { <https://w3id.org/wikikg/resource/SenseTime> <https://w3id.org/wikikg/ontology#foundedBy> ?f }"

# Runs the real CLI in a subprocess with one call wrapped so that it stops there (and says so in FLAG):
# os.fsync (an output's temporary file is written, not yet renamed), os.replace (about to rename),
# or first-write: right after the store's first write (one article graph added or replaced).
WRAPPER = """
import os, sys, time
flag, where = sys.argv[1], sys.argv[2]
def stop(real):
    def wrapped(*args, **kwargs):
        open(flag, "w").close()
        time.sleep(120)
        return real(*args, **kwargs)
    return wrapped
if where == "first-write":  # stop right after the store's first write call: one article mid-replacement?
    import wikikg.sparql.store as store
    class Stopping:
        def __init__(self, real):
            self.real = real
        def __getattr__(self, name):
            got = getattr(self.real, name)
            if name not in ("add", "remove", "remove_graph", "clear_graph", "extend", "bulk_extend", "update"):
                return got
            def call(*args, **kwargs):
                got(*args, **kwargs)
                open(flag, "w").close()
                time.sleep(120)
            return call
    real_open = store.open_store
    store.open_store = lambda *a, **k: Stopping(real_open(*a, **k))
else:
    setattr(os, where, stop(getattr(os, where)))
sys.argv = ["wikikg", *sys.argv[3:]]
from wikikg.cli import main
main()
"""


def wikikg(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wikikg", *map(str, args)], capture_output=True, text=True,
                          timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})


def killed_during(where: str, tmp_path: Path, *args) -> None:
    """Start `wikikg build ARGS` stopped at `where`, wait until it gets there, SIGKILL it."""
    flag = tmp_path / "stopped"
    proc = subprocess.Popen([sys.executable, "-c", WRAPPER, str(flag), where, "build", *map(str, args)],
                            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    while not flag.exists():
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline, "the build never reached the point to kill it at"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    assert proc.returncode == -signal.SIGKILL


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


@pytest.fixture(scope="module")
def previous(tmp_path_factory) -> Path:
    """The output a kill must leave intact, built in this process (only the killed build needs its own)."""
    out = tmp_path_factory.mktemp("previous") / "out"
    result = CliRunner().invoke(main, ["build", str(SEED), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("where", ["fsync", "replace"])
def test_killed_while_writing_the_directory_outputs(previous, tmp_path, where):
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    before = snapshot(out)
    assert set(before) >= {"graph.ttl", "graph.nq", "graph.graphml", "graph.gexf"}
    killed_during(where, tmp_path, *OTHER, "-o", out, "--jobs", "1")
    assert snapshot(out) == before  # byte-identical, nothing half-written under a final name
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".")]
    assert all(n.endswith(".tmp") for n in leftovers)  # only the temporary file that was being written
    if where == "replace":
        assert wikikg("build", *OTHER, "-o", out, "--jobs", "1").returncode == 0  # and a rerun succeeds
        assert snapshot(out)["graph.ttl"] != before["graph.ttl"]


def test_killed_while_replacing_a_streamed_file(previous, tmp_path):
    out = tmp_path / "graph.nq"
    shutil.copy(previous / "graph.nq", out)
    before = out.read_bytes()
    killed_during("replace", tmp_path, *OTHER, "-o", out, "--jobs", "1")
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".nq"] == ["graph.nq"]


def test_killed_while_loading_the_store(tmp_path):
    store = tmp_path / "store"
    assert wikikg("build", SEED, "--store", store, "--jobs", "1").returncode == 0
    killed_during("first-write", tmp_path, *OTHER, "--store", store, "--jobs", "1")
    rows = Engine.open(store=str(store)).run(FOUNDERS).rows
    assert len(rows) == 2  # the store opens and still answers with what it held
    result = wikikg("query", "--store", store, FOUNDERS, "--format", "csv")
    assert result.returncode == 0 and result.stdout.count("\n") == 3, result.stderr


def test_an_article_replaced_in_the_store_is_replaced_whole_or_not_at_all(tmp_path):
    """Killed after the first write of an article's replacement: the article still has every statement
    (one transaction removes the old version and adds the new one)."""
    store = tmp_path / "store"
    assert wikikg("build", SEED, "--store", store, "--jobs", "1").returncode == 0
    full = len(Engine.open(store=str(store)).run("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }").rows)
    killed_during("first-write", tmp_path, SEED, "--store", store, "--jobs", "1")
    engine = Engine.open(store=str(store))
    assert len(engine.run("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }").rows) == full
    assert len(engine.run(FOUNDERS).rows) == 2


KILL_CREATE = """
import sys, time
import pyoxigraph as ox
ox.Store(sys.argv[1])
time.sleep(120)
"""


def test_a_store_killed_while_it_is_created_opens_or_says_how_to_repair_it(tmp_path):
    """SIGKILL within milliseconds of the store's directory appearing leaves RocksDB half made (no
    CURRENT file, or column families missing): `query` and `serve` opened it with a traceback. Each
    such store is repaired on open (RocksDB recovers when opened for writing) and answers."""
    damaged = 0
    for i, delay in enumerate([0.0, 0.002, 0.005, 0.008, 0.012, 0.016, 0.02, 0.025, 0.03, 0.04, 0.06]):
        where = tmp_path / f"store{i}"
        proc = subprocess.Popen([sys.executable, "-c", KILL_CREATE, str(where)])
        while not where.exists():
            assert proc.poll() is None
            time.sleep(0.0005)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        try:
            import pyoxigraph as ox
            ox.Store.read_only(str(where))
        except BaseException:  # noqa: BLE001 - any failure of the raw open is a damaged store
            damaged += 1
        result = wikikg("query", "--store", where, "ASK { ?s ?p ?o }")
        assert "Traceback" not in result.stderr, result.stderr
        if not any(where.iterdir()):  # killed before RocksDB wrote a file: not a store at all
            assert result.returncode == 1 and "no store there" in result.stderr
            continue
        assert result.returncode == 0 and result.stdout == "false\n", result.stderr
    assert damaged, "no kill landed while the store was being made: the test checked nothing"
