"""Read-only SPARQL 1.1 Protocol endpoint over HTTP: /sparql, a query page at /, limits on requests."""
from __future__ import annotations

import contextlib
import json
import tempfile
import threading
import time
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from wikikg.sparql.query import named_queries
from wikikg.sparql.results import MEDIA_TYPES
from wikikg.sparql.store import file_to_store, open_store
from wikikg.sparql.workers import Limits, QueryPool

__all__ = ["Limits", "create_app", "run_in_thread", "serve"]


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
    try:
        params = parse_qsl(query_string, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        return _text(400, "the request's query string is not UTF-8 once percent-decoded")
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
            try:
                params += parse_qsl(text, keep_blank_values=True, errors="strict")
            except UnicodeDecodeError:
                return _text(400, "the form is not UTF-8 once percent-decoded")
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
const SHORT = [["https://w3id.org/wikikg/resource/", "res:"], ["https://w3id.org/wikikg/ontology#", "wkg:"]];
function cell(b) { if (!b) return ""; if (b.type !== "uri") return b.value;
  for (const [ns, p] of SHORT) if (b.value.startsWith(ns)) return p + b.value.slice(ns.length); return b.value; }
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
            open_store(store)  # fails early, with a clear message, on a missing store
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
