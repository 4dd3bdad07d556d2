"""Integration with independent tools: the Oxigraph server (loaded over the Graph Store Protocol) gives
every named query the same rows as `wikikg query`, and raptor's `rapper` parses our Turtle and N-Quads.

Outside CI these skip when the tool is missing; in CI (CI set) a missing tool is a failure.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from wikikg.cli import main
from wikikg.formats.writers import write
from wikikg.pipeline.stages import build
from wikikg.sparql.query import named_queries

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "sensetime.wikitext"


def tool(name: str) -> str:
    """The path of a command-line tool: the venv's bin first (pip installs `oxigraph` there), then PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail(f"{name} is not installed; .ci/run must install it")
    pytest.skip(f"{name} is not installed (CI installs it)")


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("graph")
    ds = build([str(SEED)]).dataset
    for name in ("graph.ttl", "graph.nq", "graph.trig"):
        write(ds, out / name)
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    """`oxigraph serve` on loopback with a temporary --location, stopped by its PID."""
    binary = tool("oxigraph")
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(base + "/query", params={"query": "ASK {}"}, timeout=5)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"oxigraph serve did not start: {proc.stderr.read().decode()[:500]}")
                time.sleep(0.1)
        yield base
    finally:
        os.kill(proc.pid, 15)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, 9)
            proc.wait(10)


def bindings(data: dict) -> list[tuple]:
    """SPARQL JSON results as a sorted list of rows, each a sorted tuple of (variable, term)."""
    rows = [tuple(sorted((k, tuple(sorted(v.items()))) for k, v in b.items())) for b in data["results"]["bindings"]]
    return sorted(rows)


def test_every_named_query_gives_the_same_rows_on_the_oxigraph_server(oxigraph_server, files):
    turtle = (files / "graph.ttl").read_bytes()
    r = httpx.post(oxigraph_server + "/store", params={"default": ""}, content=turtle, timeout=60,
                   headers={"Content-Type": "text/turtle"})
    assert r.status_code in (200, 201, 204), r.text
    count = httpx.post(oxigraph_server + "/query", content=b"SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", timeout=60,
                       headers={"Content-Type": "application/sparql-query",
                                "Accept": "application/sparql-results+json"}).json()
    assert int(count["results"]["bindings"][0]["n"]["value"]) == len(Graph().parse(files / "graph.ttl"))
    for name, q in named_queries().items():
        theirs = httpx.post(oxigraph_server + "/query", content=q.text.encode("utf-8"), timeout=60,
                            headers={"Content-Type": "application/sparql-query",
                                     "Accept": "application/sparql-results+json"})
        assert theirs.status_code == 200, (name, theirs.text)
        ours = CliRunner().invoke(main, ["query", name, "--graph", str(files / "graph.ttl"), "--format", "json"])
        assert ours.exit_code == 0, ours.output
        assert bindings(json.loads(ours.output)) == bindings(theirs.json()), name
        assert theirs.json()["results"]["bindings"], f"{name} returned no rows on the seed"


def _rapper(fmt: str, path: Path) -> int:
    out = subprocess.run([tool("rapper"), "-c", "-i", fmt, str(path)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    m = re.search(r"Parsing returned (\d+) triples", out.stderr)
    assert m, out.stderr
    return int(m.group(1))


def test_rapper_parses_our_turtle(files):
    assert _rapper("turtle", files / "graph.ttl") == len(Graph().parse(files / "graph.ttl"))


def test_rapper_parses_our_nquads_and_trig(files):
    ds = Dataset()
    ds.parse(files / "graph.nq", format="nquads")
    quads = sum(1 for _ in ds.quads((None, None, None, None)))
    assert _rapper("nquads", files / "graph.nq") == quads
    assert _rapper("trig", files / "graph.trig") == quads
