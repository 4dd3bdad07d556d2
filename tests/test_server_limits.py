"""The endpoint under attack (issue 14): memory caps on query workers, fair service while expensive
queries run, the Host check, security headers, slow headers; a real server on a free loopback port."""
from __future__ import annotations

import re
import time
from pathlib import Path

import httpx
import pytest

from wikikg.pipeline.stages import build
from wikikg.sparql.server import Limits, create_app, run_in_thread
from wikikg.sparql.store import load_dataset, open_store

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "sensetime.wikitext"
MB = 2**20
# 1 kB of query that doubles a string 29 times: 1.6 GB within seconds, unless the worker is capped
BOMB = ("SELECT (STRLEN(?a29) AS ?n) WHERE { BIND('ab' AS ?a0) "
        + " ".join(f"BIND(CONCAT(?a{i}, ?a{i}) AS ?a{i + 1})" for i in range(29)) + " }")


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("store")
    load_dataset(open_store(path, create=True), build([str(SEED)]).dataset)
    return str(path)


def post(url, query, **kw):
    return httpx.post(url + "/sparql", data={"query": query}, timeout=60, **kw)


def rss(pid: int) -> int:
    text = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", text).group(1)) * 1024


def test_a_memory_bomb_gets_a_clean_503_and_the_worker_is_replaced(store_dir):
    limits = Limits(timeout=30.0, workers=1, max_memory=400 * MB)
    app = create_app(store_dir, limits)
    with run_in_thread(app) as url:
        start = time.monotonic()
        r = post(url, BOMB)
        assert r.status_code == 503 and "400 MB memory limit" in r.text, r.text
        assert time.monotonic() - start < 25  # stopped by the cap, not by the time limit
        for _ in range(100):  # the worker is replaced: the next query is answered
            r = post(url, "ASK { ?s ?p ?o }")
            if r.status_code == 200:
                break
            time.sleep(0.2)
        assert r.status_code == 200 and r.json()["boolean"] is True
        assert all(rss(pid) < 400 * MB for pid in app.state.pool.pids())


def test_the_default_memory_cap_is_sized_for_the_machine():
    from wikikg.sparql.workers import default_max_memory

    assert 512 * MB <= Limits().memory_cap() <= 4096 * MB
    assert default_max_memory(1) >= default_max_memory(8)
    assert Limits(max_memory=0).memory_cap() == 0
