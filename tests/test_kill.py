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

from wikikg.sparql.store import Engine

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "sensetime.wikitext"
OTHER = [ROOT / "tests" / "heldout" / n for n in ("DJI.wikitext", "Huawei.wikitext")]
FOUNDERS = "SELECT ?f WHERE { <https://w3id.org/wikikg/resource/SenseTime> <https://w3id.org/wikikg/ontology#foundedBy> ?f }"

# Runs the real CLI in a subprocess with one call wrapped so that it stops there (and says so in FLAG):
# os.fsync (an output's temporary file is written, not yet renamed), os.replace (about to rename),
# or the store's _add (one article graph is in the store, the load goes on).
WRAPPER = """
import os, sys, time
flag, where = sys.argv[1], sys.argv[2]
def stop(real):
    def wrapped(*args, **kwargs):
        out = real(*args, **kwargs) if where == "store" else None
        open(flag, "w").close()
        time.sleep(120)
        return out if where == "store" else real(*args, **kwargs)
    return wrapped
if where == "store":
    import wikikg.sparql.store as store
    store._add = stop(store._add)
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
    out = tmp_path_factory.mktemp("previous") / "out"
    assert wikikg("build", SEED, "-o", out, "--jobs", "1").returncode == 0
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
    killed_during("store", tmp_path, *OTHER, "--store", store, "--jobs", "1")
    rows = Engine.open(store=str(store)).run(FOUNDERS).rows
    assert len(rows) == 2  # the store opens and still answers with what it held
    result = wikikg("query", "--store", store, FOUNDERS, "--format", "csv")
    assert result.returncode == 0 and result.stdout.count("\n") == 3, result.stderr
