"""Read-only SPARQL 1.1 Protocol endpoint: killable worker processes, limits, content negotiation."""
from __future__ import annotations

import asyncio
import contextlib
import json
import multiprocessing
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from .query import Engine, named_queries
from .readonly import QueryError, QueryRefused, check, deny_network
from .results import MEDIA_TYPES, render
from .store import file_to_store, open_store

__all__ = ["Limits", "QueryPool", "create_app", "negotiate", "run_in_thread", "serve"]

_SELECT_OFFERS, _GRAPH_OFFERS = ("json", "xml", "csv", "tsv"), ("turtle", "nt")
_ALIASES = {"application/json": "json", "application/xml": "xml", "text/xml": "xml"}


@dataclass(frozen=True)
class Limits:
    """Per-query wall-clock limit (seconds) and caps; all set from `wikikg serve` options."""

    timeout: float = 10.0
    max_rows: int = 10_000
    max_bytes: int = 20_000_000
    max_request: int = 100_000
    workers: int = 2


def negotiate(accept: str, form: str) -> str | None:
    """The result format the Accept header prefers for a query form; None when it accepts none."""
    offers = _GRAPH_OFFERS if form in ("CONSTRUCT", "DESCRIBE") else _SELECT_OFFERS
    if not accept.strip():
        return offers[0]
    best, best_q = None, 0.0
    for part in accept.split(","):
        media, *params = [x.strip().lower() for x in part.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if media == "*/*":
            found = [offers[0]]
        elif media.endswith("/*"):
            found = [f for f in offers if MEDIA_TYPES[f].startswith(media[:-1])][:1]
        else:
            found = [f for f in offers if MEDIA_TYPES[f] == media or _ALIASES.get(media) == f]
        if found and q > best_q:
            best, best_q = found[0], q
    return best


def _answer(engine: Engine, graphs: set[str], job: dict, limits: Limits) -> tuple:
    """One request, in a worker: check, negotiate, run, render -> (status, media type, body, headers)."""
    start = time.perf_counter()
    try:
        checked = check(job["query"], graphs)
        protocol = job.get("default", []) + job.get("named", [])
        for g in protocol:
            if g not in graphs:
                raise QueryRefused(f"graph <{g}> is refused: no graph of that name here, and remote graphs "
                                   "are not fetched")
        if protocol:
            checked = replace(checked, default_graphs=tuple(job["default"]), named_graphs=tuple(job["named"]))
        fmt = negotiate(job.get("accept", ""), checked.form)
        if fmt is None:
            offers = _GRAPH_OFFERS if checked.form in ("CONSTRUCT", "DESCRIBE") else _SELECT_OFFERS
            return 406, "text/plain", (f"a {checked.form} query can answer as: "
                                       + ", ".join(MEDIA_TYPES[f] for f in offers)).encode(), {}
        result = engine.run(checked, None, limits.max_rows)
        body, cut = render(result, fmt, max_bytes=limits.max_bytes)
    except QueryRefused as e:
        return 403, "text/plain", str(e).encode("utf-8"), {}
    except QueryError as e:
        return 400, "text/plain", str(e).encode("utf-8"), {}
    except Exception as e:  # a bug or an engine failure: never kill the worker
        return 500, "text/plain", f"{type(e).__name__}: {e}".encode("utf-8"), {}
    headers = {"Server-Timing": f"query;dur={(time.perf_counter() - start) * 1000:.1f}"}
    if cut:
        headers["Wikikg-Truncated"] = f"max-rows={limits.max_rows}; max-bytes={limits.max_bytes}"
    return 200, MEDIA_TYPES[fmt], body, headers


def _worker_main(conn, store_dir: str, limits: Limits) -> None:
    """A query worker: no network, the store opened read-only, one job at a time from the pipe."""
    guarded = deny_network()
    try:
        engine = Engine.open(store=store_dir)
        graphs = engine.graphs()
    except Exception as e:
        conn.send(("error", str(e)))
        return
    conn.send(("ready", guarded, len(engine.store)))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_answer(engine, graphs, job, limits))


class _Worker:
    def __init__(self, ctx, store_dir: str, limits: Limits):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, store_dir, limits), daemon=True)
        self.proc.start()
        child.close()
        if not self.conn.poll(120):
            self.kill()
            raise RuntimeError("a query worker did not start")
        self.hello = self.conn.recv()
        if self.hello[0] != "ready":
            self.kill()
            raise RuntimeError(self.hello[1])

    def ask(self, job: dict, timeout: float) -> tuple:
        self.conn.send(job)
        if not self.conn.poll(timeout):
            raise TimeoutError
        return self.conn.recv()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(10)
        self.conn.close()


class QueryPool:
    """Worker processes answering queries; one that overruns the time limit is killed and replaced."""

    def __init__(self, store_dir: str, limits: Limits):
        self.store_dir, self.limits = store_dir, limits
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: asyncio.Queue | None = None
        self._all: set[_Worker] = set()
        self.guarded = self.quads = None

    def _spawn(self) -> _Worker:
        w = _Worker(self._ctx, self.store_dir, self.limits)
        self._all.add(w)
        return w

    async def start(self) -> None:
        """Start the workers and wait until each has opened the store."""
        self._idle = asyncio.Queue()
        workers = await asyncio.gather(*[asyncio.to_thread(self._spawn) for _ in range(self.limits.workers)])
        _, self.guarded, self.quads = workers[0].hello
        for w in workers:
            self._idle.put_nowait(w)

    async def _replace(self, w: _Worker) -> None:
        self._all.discard(w)
        await asyncio.to_thread(w.kill)
        self._idle.put_nowait(await asyncio.to_thread(self._spawn))

    async def ask(self, job: dict) -> tuple:
        """Answer one job -> (status, media type, body, headers), within the time limit."""
        try:
            w = await asyncio.wait_for(self._idle.get(), timeout=self.limits.timeout + 120)
        except asyncio.TimeoutError:
            return 503, "text/plain", b"no query worker is free; try again", {}
        try:
            reply = await asyncio.to_thread(w.ask, job, self.limits.timeout)
        except TimeoutError:
            asyncio.get_running_loop().create_task(self._replace(w))
            return 503, "text/plain", (f"query cancelled: it ran past the {self.limits.timeout:g} s time limit "
                                       "(wikikg serve --timeout)").encode(), {}
        except (EOFError, OSError):
            asyncio.get_running_loop().create_task(self._replace(w))
            return 500, "text/plain", b"the query worker died (out of memory?)", {}
        self._idle.put_nowait(w)
        return reply

    def close(self) -> None:
        """Stop every worker."""
        for w in list(self._all):
            w.kill()
        self._all.clear()


async def _body(request: Request, cap: int) -> bytes | None:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        return None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _text(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(message + "\n", status_code=status)


async def _sparql(request: Request) -> Response:
    limits: Limits = request.app.state.limits
    query_string = request.url.query
    if len(query_string) > limits.max_request:
        return _text(414, f"request larger than {limits.max_request} bytes (wikikg serve --max-request)")
    params = parse_qsl(query_string, keep_blank_values=True)
    if request.method == "POST":
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await _body(request, limits.max_request)
        if body is None:
            return _text(413, f"request larger than {limits.max_request} bytes (wikikg serve --max-request)")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return _text(400, "the request body is not UTF-8")
        if media == "application/x-www-form-urlencoded":
            params += parse_qsl(text, keep_blank_values=True)
        elif media == "application/sparql-query":
            params.append(("query", text))
        elif media == "application/sparql-update":
            return _text(403, "SPARQL Update is refused: this endpoint is read-only")
        else:
            return _text(415, "POST a query as application/sparql-query or application/x-www-form-urlencoded")
    if any(k == "update" for k, _ in params):
        return _text(403, "SPARQL Update is refused: this endpoint is read-only")
    queries = [v for k, v in params if k == "query"]
    if len(queries) != 1:
        return _text(400, "give exactly one `query` parameter (a query form is at /)")
    job = {"query": queries[0], "accept": request.headers.get("accept", ""),
           "default": [v for k, v in params if k == "default-graph-uri"],
           "named": [v for k, v in params if k == "named-graph-uri"]}
    status, media, body, headers = await request.app.state.pool.ask(job)
    charset = "; charset=utf-8" if media.startswith("text/") or media.endswith("json") else ""
    return Response(body, status, headers={**headers, "Vary": "Accept"}, media_type=media + charset)


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>wikikg SPARQL</title>
<style>body{font:14px system-ui,sans-serif;margin:1.5em;max-width:80em}textarea{width:100%;height:18em;
font:13px monospace}table{border-collapse:collapse;margin-top:1em}td,th{border:1px solid #ccc;padding:2px 6px;
text-align:left;vertical-align:top;font-size:13px}pre{background:#f4f4f4;padding:.6em;overflow:auto}
.err{color:#a00}#status{margin-left:1em;color:#555}</style></head><body>
<h1>wikikg SPARQL endpoint</h1>
<p>Read-only SPARQL 1.1 Protocol endpoint at <code>/sparql</code> (GET or POST).
Named query: <select id="named"><option value="">(choose)</option></select> <span id="desc"></span></p>
<form id="form" method="post" action="sparql"><textarea name="query" id="query" spellcheck="false">
SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20</textarea>
<p><label>Results as <select id="fmt"><option>table</option><option>json</option><option>xml</option>
<option>csv</option><option>tsv</option><option>turtle</option><option>nt</option></select></label>
<button type="submit">Run query</button><span id="status"></span></p></form>
<div id="out"></div>
<script id="queries" type="application/json">__QUERIES__</script>
<script>
const Q = JSON.parse(document.getElementById("queries").textContent);
const MEDIA = __MEDIA__;
const $ = (id) => document.getElementById(id);
for (const name of Object.keys(Q)) { const o = document.createElement("option"); o.textContent = name; $("named").append(o); }
$("named").onchange = () => { const q = Q[$("named").value]; if (q) { $("query").value = q.text; $("desc").textContent = q.description; } };
function cell(b) { if (!b) return ""; return b.value; }
$("form").onsubmit = async (e) => {
  e.preventDefault();
  const fmt = $("fmt").value, out = $("out"), t0 = performance.now();
  const accept = fmt === "table" ? MEDIA.json + ", " + MEDIA.turtle + ";q=0.9" : MEDIA[fmt];
  $("status").textContent = "running…"; out.replaceChildren();
  const r = await fetch("sparql", {method: "POST", headers: {"Content-Type": "application/x-www-form-urlencoded",
    "Accept": accept}, body: new URLSearchParams({query: $("query").value})});
  const body = await r.text(), cut = r.headers.get("Wikikg-Truncated");
  $("status").textContent = r.status + " " + r.statusText + " in " + Math.round(performance.now() - t0) + " ms" + (cut ? " (truncated: " + cut + ")" : "");
  if (r.ok && fmt === "table" && (r.headers.get("Content-Type") || "").includes("json")) {
    const data = JSON.parse(body);
    if ("boolean" in data) { out.textContent = String(data.boolean); return; }
    const table = document.createElement("table"), head = table.insertRow();
    for (const v of data.head.vars) { const th = document.createElement("th"); th.textContent = v; head.append(th); }
    for (const row of data.results.bindings) { const tr = table.insertRow(); for (const v of data.head.vars) tr.insertCell().textContent = cell(row[v]); }
    out.append(table, document.createTextNode(data.results.bindings.length + " rows"));
  } else { const pre = document.createElement("pre"); pre.textContent = body; if (!r.ok) pre.className = "err"; out.append(pre); }
};
</script></body></html>
"""


async def _index(request: Request) -> HTMLResponse:
    queries = {q.name: {"text": q.text, "description": q.description} for q in named_queries().values()}
    page = _PAGE.replace("__QUERIES__", json.dumps(queries).replace("</", "<\\/"))
    return HTMLResponse(page.replace("__MEDIA__", json.dumps(MEDIA_TYPES)))


def create_app(store_dir: str, limits: Limits = Limits(), cors_origins=(), on_ready=None) -> Starlette:
    """The ASGI app over the store at `store_dir`: `/` a query page, `/sparql` the endpoint."""
    pool = QueryPool(store_dir, limits)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        await pool.start()
        if on_ready:
            on_ready(pool)
        try:
            yield
        finally:
            pool.close()

    middleware = [Middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                             allow_headers=["Content-Type", "Accept"],
                             expose_headers=["Wikikg-Truncated"])] if cors_origins else []
    app = Starlette(routes=[Route("/", _index), Route("/sparql", _sparql, methods=["GET", "POST"])],
                    middleware=middleware, lifespan=lifespan)
    app.state.pool, app.state.limits = pool, limits
    return app


def _config(app, host: str, port: int):
    import uvicorn

    return uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on")


def serve(*, graph: str | None = None, store: str | None = None, host: str = "127.0.0.1", port: int = 7878,
          limits: Limits = Limits(), cors_origins=(), on_ready=None) -> None:
    """Serve a store directory, or a graph file loaded into a temporary store, until interrupted."""
    import uvicorn

    with tempfile.TemporaryDirectory(prefix="wikikg-serve-") as tmp:
        if graph:
            store = str(file_to_store(graph, tmp))
        else:
            del_store = open_store(store)  # fails early, with a clear message, on a missing store
            del del_store
        uvicorn.Server(_config(create_app(store, limits, cors_origins, on_ready), host, port)).run()


@contextlib.contextmanager
def run_in_thread(app, host: str = "127.0.0.1", port: int = 0):
    """Serve `app` from a background thread (tests, notebooks); yields the base URL."""
    import uvicorn

    server = uvicorn.Server(_config(app, host, port))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("the server did not start")
            time.sleep(0.02)
        bound = server.servers[0].sockets[0].getsockname()
        yield f"http://{bound[0]}:{bound[1]}"
    finally:
        server.should_exit = True
        thread.join(30)
