"""Cheap queries while expensive ones run: a bounded load test of `wikikg serve` on loopback.

A store of the seed and the held-out articles is served with 2 workers; 10 clients each send one
expensive query (a 3-way cartesian product that runs to the time limit, or a memory bomb) at the
start, while 16 clients send 400 cheap queries between them (25 each, one after the other): entity
lookups and the founders named query bound to one organisation, as an analyst or a page asks them.
It reports the cheap queries' latency (p50, p90, p99, max), every status code seen, and the largest
resident memory of any query worker (sampled every 50 ms) against the memory cap.

    python benchmarks/bench_starvation.py [--workers 2] [--cheap 400] [--clients 16] [--expensive 10]
        [--client raw|httpx] [--rounds N [--write]]

`--rounds N --write` runs N rounds in turn of the loaded run and the floor (no expensive query) and
records them in benchmarks/results/starvation.json (the README's figures: make_docs.py).

Not run by pytest; takes about a minute. Issue 14's bar: cheap p99 under 250 ms, no error other than
the expensive queries' 503s, worker memory never above the cap.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

import httpx

from wikikg.pipeline.stages import build
from wikikg.sparql.query import named_queries
from wikikg.sparql.store import load_dataset, open_store
from wikikg.sparql.workers import Limits

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = [ROOT / "seeds" / "sensetime.wikitext", *sorted((ROOT / "tests" / "heldout").glob("*.wikitext"))]
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ORDERED = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i LIMIT 1"
BOMB = ("SELECT (STRLEN(?a29) AS ?n) WHERE { BIND('ab' AS ?a0) "
        + " ".join(f"BIND(CONCAT(?a{i}, ?a{i}) AS ?a{i + 1})" for i in range(29)) + " }")
RES, WKG = "https://w3id.org/wikikg/resource/", "https://w3id.org/wikikg/ontology#"
CHEAP = [f"SELECT ?f WHERE {{ <{RES}SenseTime> <{WKG}foundedBy> ?f }}",  # what an analyst or a page asks
         f"SELECT ?p ?o WHERE {{ <{RES}SenseTime> ?p ?o }} LIMIT 100",
         f"ASK {{ <{RES}SenseTime> ?p ?o }}",
         named_queries()["founders"].text.replace(
             "?org wkg:foundedBy ?founder .", f"VALUES ?org {{ <{RES}SenseTime> }} ?org wkg:foundedBy ?founder .")]


def rss(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    m = re.search(r"VmRSS:\s+(\d+)", text)
    return int(m.group(1)) * 1024 if m else 0


class RawClient:
    """A lean HTTP/1.1 keep-alive client, one connection per caller: the load generator shares the 2
    cores with the server, and httpx spends ~3.5 ms of CPU a request (more than the server and its
    workers together on a cheap query), so `--client raw` measures the endpoint, not the client."""

    def __init__(self, url: str):
        self.host, self.port = url.removeprefix("http://").split(":")
        self.conn = None

    async def post(self, path: str, data: dict) -> tuple[int, dict, bytes]:
        body = urlencode(data).encode()
        head = (f"POST {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
                f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n")
        if self.conn is None:
            self.conn = await asyncio.open_connection(self.host, int(self.port))
        reader, writer = self.conn
        writer.write(head.encode() + body)
        lines = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = dict((k.strip().lower(), v.strip()) for k, _, v in (h.partition(":") for h in lines[1:] if h))
        payload = await reader.readexactly(int(headers.get("content-length", 0)))
        if headers.get("connection") == "close":
            writer.close()
            self.conn = None
        return status, headers, payload

    async def aclose(self) -> None:
        if self.conn is not None:
            self.conn[1].close()


class HttpxClient:
    """httpx, as a Python client of the endpoint would use it (costly in CPU: see RawClient)."""

    def __init__(self, client: httpx.AsyncClient, url: str):
        self.client, self.url = client, url

    async def post(self, path: str, data: dict) -> tuple[int, dict, bytes]:
        r = await self.client.post(self.url + path, data=data)
        return r.status_code, r.headers, r.content

    async def aclose(self) -> None:
        pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _workers(server: int) -> list[int]:
    """The server's descendant processes (its query workers, and a fork server and its children)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    out, frontier = [], {server}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier}
        out.extend(frontier)
    return out


async def _load(url: str, server: int, args) -> tuple[Counter, list[float], int, float]:
    statuses: Counter = Counter()
    latencies: list[float] = []
    peak = 0
    running = True
    trace: list[dict] = []
    origin = time.perf_counter()

    async def watch():  # the process list every 0.5 s (a scan of /proc), their memory every 50 ms
        nonlocal peak
        pids, tick = [], 0
        while running:
            if tick % 10 == 0:
                pids = _workers(server)
            peak = max([peak, *(rss(p) for p in pids)])
            tick += 1
            await asyncio.sleep(0.05)

    async def expensive(client, i):
        status, _, _ = await client.post("/sparql", {"query": [CARTESIAN, ORDERED, BOMB][i % 3]})
        statuses[f"expensive {status}"] += 1
        await client.aclose()

    async def cheap(client, n, k):
        for j in range(n):
            start = time.perf_counter()
            status, headers, _ = await client.post("/sparql", {"query": CHEAP[(k + j) % len(CHEAP)]})
            latencies.append(time.perf_counter() - start)
            statuses[f"cheap {status}"] += 1
            if args.trace:
                trace.append({"at": round(start - origin, 4), "ms": round(latencies[-1] * 1000, 1), "client": k,
                              "server": headers.get("server-timing", "")})
        await client.aclose()

    limits = httpx.Limits(max_connections=args.clients + args.expensive + 4)
    async with httpx.AsyncClient(timeout=120, limits=limits) as shared:
        def client():
            return RawClient(url) if args.client == "raw" else HttpxClient(shared, url)

        watcher = asyncio.create_task(watch())
        slow = [asyncio.create_task(expensive(client(), i)) for i in range(args.expensive)]
        await asyncio.sleep(0.05)
        start = time.perf_counter()
        await asyncio.gather(*[cheap(client(), args.cheap // args.clients, k) for k in range(args.clients)])
        wall = time.perf_counter() - start
        await asyncio.gather(*slow)
        running = False
        await watcher
    if args.trace:
        Path(args.trace).write_text("".join(json.dumps(t) + "\n" for t in trace))
    return statuses, latencies, peak, wall


def _serve_and_load(store: str, args, expensive: int) -> dict:
    """One run against a fresh `wikikg serve` over `store`: the cheap queries' figures and the load."""
    args = argparse.Namespace(**{**vars(args), "expensive": expensive})
    before = os.getloadavg()[0]
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "wikikg", "serve", "--store", store, "--port", str(port),
                               "--workers", str(args.workers), "--timeout", str(args.timeout),
                               *(["--max-memory", f"{args.max_memory}M"] if args.max_memory is not None else [])],
                              stderr=subprocess.PIPE, text=True)
    try:
        server.stderr.readline()  # "wikikg: serving ..." once every worker is ready
        statuses, latencies, peak, wall = asyncio.run(_load(f"http://127.0.0.1:{port}", server.pid, args))
    finally:
        server.terminate()
        server.wait(30)
    q = statistics.quantiles(latencies, n=100)
    return {"at": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()), "client": args.client,
            "expensive": expensive, "cheap": len(latencies), "clients": args.clients, "wall_s": round(wall, 2),
            "p50_ms": round(q[49] * 1000), "p90_ms": round(q[89] * 1000), "p99_ms": round(q[98] * 1000),
            "max_ms": round(max(latencies) * 1000), "statuses": dict(sorted(statuses.items())),
            "max_worker_rss_mb": peak >> 20, "load_before": round(before, 1),
            "load_after": round(os.getloadavg()[0], 1)}


def _show(run: dict, cap: int, workers: int) -> None:
    print(f"client {run['client']}, workers {workers}, memory cap {cap >> 20} MB, {run['expensive']} expensive, "
          f"{run['cheap']} cheap from {run['clients']} clients in {run['wall_s']:.1f} s")
    print(f"cheap latency: p50 {run['p50_ms']} ms, p90 {run['p90_ms']} ms, p99 {run['p99_ms']} ms, "
          f"max {run['max_ms']} ms")
    print("statuses:", ", ".join(f"{k}: {v}" for k, v in run["statuses"].items()))
    print(f"largest worker RSS: {run['max_worker_rss_mb']} MB (cap {cap >> 20} MB)")
    print(f"load average (1 min) before {run['load_before']:.1f}, after {run['load_after']:.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--cheap", type=int, default=400)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--expensive", type=int, default=10)
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--max-memory", type=int, default=None, metavar="MB", help="the workers' memory cap (serve's default)")
    ap.add_argument("--client", choices=["raw", "httpx"], default="raw",
                    help="the load generator's HTTP client (raw: lean keep-alive sockets; httpx: ~3.5 ms CPU a request)")
    ap.add_argument("--trace", metavar="FILE", help="write each cheap query's start, latency and Server-Timing")
    ap.add_argument("--rounds", type=int, default=0, metavar="N",
                    help="N rounds in turn of a loaded run (--expensive) and the floor (no expensive query)")
    ap.add_argument("--write", action="store_true", help="with --rounds: record them in benchmarks/results/starvation.json")
    args = ap.parse_args()
    cap = Limits(workers=args.workers, max_memory=None if args.max_memory is None else args.max_memory << 20).memory_cap()
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        load_dataset(open_store(tmp, create=True), build([str(p) for p in ARTICLES]).dataset)
        for _ in range(max(args.rounds, 1)):
            for expensive in ([args.expensive, 0] if args.rounds else [args.expensive]):
                runs.append(_serve_and_load(tmp, args, expensive))
                _show(runs[-1], cap, args.workers)
    if args.write and args.rounds:
        out = {"measured": runs[0]["at"][:10], "workers": args.workers, "memory_cap_mb": cap >> 20,
               "bar_p99_ms": 250, "runs": runs}
        (ROOT / "benchmarks" / "results" / "starvation.json").write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
