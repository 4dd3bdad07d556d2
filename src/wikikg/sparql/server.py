"""Read-only SPARQL 1.1 Protocol endpoint over HTTP: /sparql, a query page at /, limits on requests."""
from __future__ import annotations

import contextlib
import json
import tempfile
import threading
import time
from importlib.resources import files
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from wikikg.sparql.guard import LOOPBACK_NAMES, SecurityHeaders, allowed_hosts, header_deadline
from wikikg.sparql.lifecycle import listen, signals_held, stop_on_signals
from wikikg.sparql.query import named_queries
from wikikg.sparql.resource import routes as resource_routes
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




async def _index(request: Request) -> HTMLResponse:
    queries = {q.name: {"text": q.text, "description": q.description} for q in named_queries().values()}
    page = files("wikikg.sparql").joinpath("templates", "query.html").read_text("utf-8")
    page = page.replace("__QUERIES__", json.dumps(queries).replace("</", "<\\/"))
    return HTMLResponse(page.replace("__MEDIA__", json.dumps(MEDIA_TYPES)))


def create_app(store_dir: str, limits: Limits | None = None, cors_origins=(), on_ready=None,
               hosts: tuple[str, ...] | None = LOOPBACK_NAMES) -> Starlette:
    """The ASGI app over the store at `store_dir`: `/` a query page, `/sparql` the endpoint; requests
    naming a Host not in `hosts` (None: any) are refused, every response has security headers."""
    limits = limits or Limits()
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
    middleware.insert(0, Middleware(SecurityHeaders, hosts=hosts))  # outermost: before anything answers
    app = Starlette(routes=[Route("/", _index), Route("/sparql", _sparql, methods=["GET", "POST"]), *resource_routes()],
                    middleware=middleware, lifespan=lifespan)
    app.state.pool, app.state.limits = pool, limits
    return app


def _config(app, host: str, port: int):
    import uvicorn

    # asyncio's own loop whether or not uvloop is installed (uvloop measured no better here)
    return uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on", loop="asyncio",
                          http=header_deadline(app.state.limits.header_timeout))


def serve(*, graph: str | None = None, store: str | None = None, host: str = "127.0.0.1", port: int = 7878,
          limits: Limits | None = None, cors_origins=(), on_ready=None) -> None:
    """Serve a store directory, or a graph file loaded into a temporary store, until interrupted."""
    import uvicorn

    with stop_on_signals():  # SIGTERM/SIGINT, even while loading: the temporary store is removed
        sock = listen(host, port)  # a bad or busy port fails now, before loading or "serving"
        with sock, contextlib.ExitStack() as stack:
            with signals_held():  # a signal now could leave the directory made but not yet cleaned up
                tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="wikikg-serve-"))
            if graph:
                store = str(file_to_store(graph, tmp))
            else:
                open_store(store)  # fails early, with a clear message, on a missing store
            app = create_app(store, limits, cors_origins, on_ready, hosts=allowed_hosts(host))
            uvicorn.Server(_config(app, host, port)).run(sockets=[sock])


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
