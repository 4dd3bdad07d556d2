"""Tests for wikikg.sparql.server and wikikg.sparql.workers: the SPARQL 1.1 Protocol endpoint on a free local port."""
from __future__ import annotations

import csv
import io
import os
import platform
import select
import socket
import subprocess
import sys
import textwrap
import threading
import time
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TURTLE, XML, SPARQLWrapper

from wikikg.cli import main
from wikikg.pipeline.stages import build
from wikikg.sparql.query import named_queries
from wikikg.sparql.results import negotiate
from wikikg.sparql.server import Limits, create_app, run_in_thread
from wikikg.sparql.store import load_dataset, open_store

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "sensetime.wikitext"
RES = "https://w3id.org/wikikg/resource/"
ARTICLE = "https://en.wikipedia.org/wiki/SenseTime"
FOUNDERS = named_queries()["founders"].text
LIMITS = Limits(timeout=1.0, max_rows=50, max_bytes=200_000, max_request=4_000, workers=2)
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("store")
    load_dataset(open_store(path, create=True), build([str(SEED)]).dataset)
    return str(path)


@pytest.fixture(scope="module")
def app(store_dir):
    return create_app(store_dir, LIMITS)


@pytest.fixture(scope="module")
def url(app):
    with run_in_thread(app) as base:
        yield base


def post(url, query, accept="application/sparql-results+json", **kw):
    return httpx.post(url + "/sparql", data={"query": query}, headers={"Accept": accept}, timeout=30, **kw)


def founders(data: dict) -> set[str]:
    return {b["founder"]["value"] for b in data["results"]["bindings"]}


class Recorder(BaseHTTPRequestHandler):
    """A stand-in remote endpoint on loopback that records every request it gets."""

    hits: list = []

    def do_GET(self):  # noqa: N802
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(b'{"head":{"vars":[]},"results":{"bindings":[{}]}}')

    do_POST = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture()
def remote():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Recorder.hits = []
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()


# --- content negotiation ----------------------------------------------------------------------

@pytest.mark.parametrize("accept, form, fmt", [
    ("", "SELECT", "json"), ("*/*", "SELECT", "json"), ("text/csv", "SELECT", "csv"),
    ("application/sparql-results+xml", "ASK", "xml"), ("text/tab-separated-values", "SELECT", "tsv"),
    ("text/csv;q=0.5, application/sparql-results+json", "SELECT", "json"), ("application/json", "SELECT", "json"),
    ("text/*", "SELECT", "csv"), ("text/html, */*;q=0.8", "SELECT", "json"), ("", "CONSTRUCT", "turtle"),
    ("application/n-triples", "CONSTRUCT", "nt"), ("text/turtle;q=0.2, application/n-triples", "DESCRIBE", "nt"),
    ("text/csv", "CONSTRUCT", None), ("text/turtle", "SELECT", None), ("text/csv;q=x", "SELECT", None),
    ("application/rdf+xml", "CONSTRUCT", "rdfxml"), ("application/ld+json", "DESCRIBE", "jsonld"),
    ("application/json", "CONSTRUCT", "jsonld"), ("application/xml", "CONSTRUCT", "rdfxml"),
    ("application/n-quads", "CONSTRUCT", "nq"), ("application/trig", "CONSTRUCT", "trig"), ("text/n3", "CONSTRUCT", "n3"),
    ("application/x-json+ld", "CONSTRUCT", "jsonld"), ("application/turtle", "CONSTRUCT", "turtle"),
    ("application/sparql-results+xml, application/rdf+xml, */*", "CONSTRUCT", "rdfxml"),
    ("application/ld+json;profile=http://www.w3.org/ns/json-ld#compacted", "CONSTRUCT", "jsonld"),
    ("text/*;q=0.5, application/n-triples;q=0.5", "CONSTRUCT", "turtle"), ("*/*;q=0.1, text/n3", "CONSTRUCT", "n3"),
    ("application/rdf+xml", "SELECT", None),
])
def test_negotiate(accept, form, fmt):
    assert negotiate(accept, form) == fmt


# --- the protocol ---------------------------------------------------------------------------

def test_get_post_form_and_direct_post(url):
    r = httpx.get(url + "/sparql", params={"query": FOUNDERS}, timeout=30)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/sparql-results+json")
    assert founders(r.json()) == {RES + "Tang_Xiao'ou", RES + "Xu_Li_(computer_scientist)"}
    assert founders(post(url, FOUNDERS).json()) == founders(r.json())
    direct = httpx.post(url + "/sparql", content=FOUNDERS.encode(), timeout=30,
                        headers={"Content-Type": "application/sparql-query"})
    assert direct.status_code == 200 and founders(direct.json()) == founders(r.json())
    assert "query;dur=" in r.headers["server-timing"] and r.headers["vary"] == "Accept"


def test_each_result_type(url):
    xml = post(url, FOUNDERS, "application/sparql-results+xml")
    assert xml.headers["content-type"].startswith("application/sparql-results+xml")
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert {u.text for u in ET.fromstring(xml.content).iter(ns + "uri")} >= {RES + "Xu_Li_(computer_scientist)"}
    got = list(csv.reader(io.StringIO(post(url, FOUNDERS, "text/csv").text)))
    assert got[0] == ["org", "founder", "date"] and [RES + "SenseTime", RES + "Tang_Xiao'ou", "2014-10"] in got
    tsv = post(url, FOUNDERS, "text/tab-separated-values")
    assert tsv.headers["content-type"].startswith("text/tab-separated-values")
    assert tsv.text.splitlines()[0] == "?org\t?founder\t?date"
    construct = f"CONSTRUCT WHERE {{ <{RES}SenseTime> <https://w3id.org/wikikg/ontology#foundedBy> ?f }}"
    ttl = post(url, construct, "text/turtle")
    assert ttl.headers["content-type"].startswith("text/turtle")
    assert {str(o) for o in Graph().parse(data=ttl.text, format="turtle").objects()} == founders(
        post(url, FOUNDERS).json())
    nt = post(url, construct, "application/n-triples")
    assert nt.headers["content-type"] == "application/n-triples" and len(nt.text.strip().splitlines()) == 2
    refused = post(url, construct, "text/csv")
    assert refused.status_code == 406 and "text/turtle" in refused.text
    assert post(url, "ASK { ?s ?p ?o }").json() == {"head": {}, "boolean": True}


def test_a_python_sparql_client(url):
    client = SPARQLWrapper(url + "/sparql")
    client.setQuery(FOUNDERS)
    client.setReturnFormat(JSON)
    assert founders(client.query().convert()) == {RES + "Tang_Xiao'ou", RES + "Xu_Li_(computer_scientist)"}
    client.setReturnFormat(XML)
    assert len(client.query().convert().getElementsByTagName("result")) == 2
    client.setReturnFormat(CSV)
    assert client.query().convert().decode().startswith("org,founder,date")
    client.setMethod("POST")
    client.setQuery(f"CONSTRUCT WHERE {{ <{RES}SenseTime> <http://www.w3.org/2000/01/rdf-schema#label> ?l }}")
    client.setReturnFormat(TURTLE)
    assert b"SenseTime" in client.query().convert()


GRAPH_QUERY = f"CONSTRUCT WHERE {{ <{RES}SenseTime> <https://w3id.org/wikikg/ontology#foundedBy> ?f }}"
FOUNDED_BY = {RES + "Tang_Xiao'ou", RES + "Xu_Li_(computer_scientist)"}


def _objects(g: Graph) -> set[str]:
    return {str(o) for o in g.objects()}


def test_sparqlwrapper_gets_every_rdf_syntax_of_a_construct(url):
    """SPARQLWrapper's default for CONSTRUCT/DESCRIBE is RDF/XML; JSON-LD, N3 and Turtle as it asks for them."""
    client = SPARQLWrapper(url + "/sparql")
    client.setQuery(GRAPH_QUERY)
    assert _objects(client.query().convert()) == FOUNDED_BY  # the default: XML, i.e. application/rdf+xml
    for fmt, parse_as in ((RDFXML, None), (JSONLD, None), (N3, "n3"), (TURTLE, "turtle")):
        client.setReturnFormat(fmt)
        result = client.query()
        got = result.convert()
        assert _objects(Graph().parse(data=got, format=parse_as) if parse_as else got) == FOUNDED_BY, fmt
    client.setQuery(f"DESCRIBE <{RES}Tang_Xiao'ou>")
    client.setReturnFormat(JSONLD)
    assert "Tang Xiao'ou" in {str(o) for o in client.query().convert().objects()}


@pytest.mark.parametrize("accept, media, rdflib_format", [
    ("application/rdf+xml", "application/rdf+xml", "xml"), ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/json", "application/ld+json", "json-ld"), ("text/n3", "text/n3", "n3"),
    ("application/n-quads", "application/n-quads", "nquads"), ("application/trig", "application/trig", "trig"),
    ("text/turtle", "text/turtle", "turtle"), ("application/n-triples", "application/n-triples", "nt"),
])
def test_construct_in_each_rdf_syntax(url, accept, media, rdflib_format):
    r = post(url, GRAPH_QUERY, accept)
    assert r.status_code == 200 and r.headers["content-type"].split(";")[0] == media, r.text
    if rdflib_format in ("nquads", "trig"):
        from rdflib import Dataset
        assert _objects(Dataset().parse(data=r.text, format=rdflib_format)) == FOUNDED_BY
    else:
        assert _objects(Graph().parse(data=r.text, format=rdflib_format)) == FOUNDED_BY


def test_the_endpoint_knows_the_default_prefixes(url):
    r = post(url, "SELECT ?founder WHERE { res:SenseTime wkg:foundedBy ?founder }")
    assert r.status_code == 200 and founders(r.json()) == FOUNDED_BY
    r = post(url, "SELECT ?s WHERE { ?s a nope:Thing }")
    assert r.status_code == 400 and r.text.count("\n") == 1 and "undeclared prefix nope:" in r.text


def test_named_graphs_from_the_store_and_the_protocol(url):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    total = post(url, count).json()["results"]["bindings"][0]["n"]["value"]
    r = post(url, f"SELECT (COUNT(*) AS ?n) FROM <{ARTICLE}> WHERE {{ ?s ?p ?o }}")
    assert r.json()["results"]["bindings"][0]["n"]["value"] == total
    r = httpx.get(url + "/sparql", params={"query": count, "default-graph-uri": ARTICLE}, timeout=30)
    assert r.json()["results"]["bindings"][0]["n"]["value"] == total
    r = post(url, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    assert [b["g"]["value"] for b in r.json()["results"]["bindings"]] == [ARTICLE]


# --- read-only and local ------------------------------------------------------------------

def test_updates_are_refused(url):
    for r in (httpx.post(url + "/sparql", data={"update": "INSERT DATA { <a:a> <a:b> <a:c> }"}, timeout=30),
              httpx.post(url + "/sparql", content=b"CLEAR ALL", timeout=30,
                         headers={"Content-Type": "application/sparql-update"}),
              post(url, "INSERT DATA { <http://a> <http://b> <http://c> }"),
              post(url, "DROP ALL")):
        assert r.status_code == 403 and "read-only" in r.text
    r = post(url, "LOAD <http://example.org/data.ttl>")
    assert r.status_code == 403 and "LOAD" in r.text
    assert post(url, "ASK { ?s ?p ?o }").json()["boolean"] is True  # nothing was dropped


def test_service_and_remote_graphs_are_refused_without_any_request(url, remote):
    for query in (f"SELECT * WHERE {{ SERVICE <{remote}> {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE SILENT <{remote}> {{ ?s ?q ?r }} }} }}",
                  f"ASK {{ FILTER NOT EXISTS {{ SERVICE <{remote}> {{ ?s ?p ?o }} }} }}",
                  f"SELECT * FROM <{remote}> WHERE {{ ?s ?p ?o }}",
                  f"SELECT * FROM NAMED <{remote}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"):
        r = post(url, query)
        assert r.status_code == 403, (query, r.text)
        assert "refused" in r.text
    r = post(url, f"SELECT * WHERE {{ \\u0053ERVICE <{remote}> {{ ?s ?p ?o }} }}")
    assert r.status_code == 400 and "syntax error" in r.text  # Oxigraph reads no escape outside strings
    r = httpx.get(url + "/sparql", params={"query": "ASK {}", "named-graph-uri": remote}, timeout=30)
    assert r.status_code == 403
    assert Recorder.hits == []


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.machine() not in ("x86_64", "aarch64"),
                    reason="the seccomp guard is for Linux on x86_64 and aarch64")
def test_the_worker_guard_stops_native_and_python_requests(remote):
    """Below the parsed-query check: a worker process cannot reach the network at all."""
    code = textwrap.dedent(f"""
        import socket, urllib.request, pyoxigraph
        from wikikg.sparql.workers import deny_network
        assert deny_network()
        for attempt in (lambda: list(pyoxigraph.Store().query("SELECT * {{ SERVICE <{remote}> {{ ?s ?p ?o }} }}")),
                        lambda: urllib.request.urlopen("{remote}"),
                        lambda: socket.create_connection(("127.0.0.1", {remote.split(":")[2].split("/")[0]}))):
            try:
                attempt()
                print("went out")
            except Exception as e:
                print("refused", type(e).__name__)
        print(len(list(pyoxigraph.Store().query("SELECT * {{ VALUES ?x {{ 1 2 }} }}"))))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n") == ["refused PermissionError"] * 3 + [
                                      "2", ""], out.stdout
    assert Recorder.hits == []


# --- limits ---------------------------------------------------------------------------------

def test_a_slow_query_is_cut_off_and_the_endpoint_recovers(url, app):
    pids = {w.proc.pid for w in app.state.pool._all}
    start = time.monotonic()
    r = post(url, SLOW)
    elapsed = time.monotonic() - start
    assert r.status_code == 503 and "time limit" in r.text and elapsed < LIMITS.timeout + 3
    assert founders(post(url, FOUNDERS).json())  # the other worker answers at once
    deadline = time.monotonic() + 30
    while len(app.state.pool._all) < len(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = {w.proc.pid for w in app.state.pool._all}  # lanes and spares
    assert len(alive) == len(pids) > LIMITS.workers and len(pids - alive) == 1  # one killed, one new
    killed = (pids - alive).pop()
    deadline = time.monotonic() + 15  # the killed worker is reaped, not left behind (a zombie until joined)
    while time.monotonic() < deadline:
        try:
            os.kill(killed, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    with pytest.raises(ProcessLookupError):
        os.kill(killed, 0)


def test_row_byte_and_request_caps(url):
    r = post(url, "SELECT * WHERE { ?s ?p ?o }")
    assert r.status_code == 200 and len(r.json()["results"]["bindings"]) == LIMITS.max_rows
    assert "max-rows=50" in r.headers["wikikg-truncated"]
    assert "wikikg-truncated" not in post(url, FOUNDERS).headers
    big = "SELECT * WHERE { ?s ?p ?o } # " + "x" * LIMITS.max_request
    assert post(url, big).status_code == 413
    assert httpx.get(url + "/sparql", params={"query": big}, timeout=30).status_code == 414


def test_bad_requests(url):
    assert httpx.get(url + "/sparql", timeout=30).status_code == 400
    r = post(url, "SELECT WHERE {")
    assert r.status_code == 400 and "syntax" in r.text
    r = httpx.post(url + "/sparql", content=b"ASK {}", headers={"Content-Type": "text/plain"}, timeout=30)
    assert r.status_code == 415
    assert httpx.delete(url + "/sparql", timeout=30).status_code == 405


def test_the_query_page(url):
    r = httpx.get(url + "/", timeout=30)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert '<textarea name="query"' in r.text and 'action="sparql"' in r.text
    for name in named_queries():
        assert f'"{name}"' in r.text


def test_cors_is_off_unless_asked(url, store_dir):
    headers = {"Origin": "https://example.org"}
    assert "access-control-allow-origin" not in httpx.get(
        url + "/sparql", params={"query": "ASK {}"}, headers=headers, timeout=30).headers
    with run_in_thread(create_app(store_dir, Limits(workers=1), cors_origins=["https://example.org"])) as other:
        r = httpx.get(other + "/sparql", params={"query": "ASK {}"}, headers=headers, timeout=30)
        assert r.headers["access-control-allow-origin"] == "https://example.org"


def test_serve_binds_loopback_by_default():
    params = {p.name: p for p in main.commands["serve"].params}
    assert params["host"].default == "127.0.0.1" and params["cors"].multiple and not params["cors"].required
    import inspect

    from wikikg.sparql.server import serve
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    assert inspect.signature(create_app).parameters["cors_origins"].default == ()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_wikikg_serve_as_a_user_runs_it(tmp_path):
    port = _free_port()
    graph = tmp_path / "graph.ttl"
    from wikikg.formats.writers import write
    write(build([str(SEED)]).dataset, graph)
    proc = subprocess.Popen([sys.executable, "-m", "wikikg", "serve", "--graph", str(graph), "--port", str(port)],
                            stderr=subprocess.PIPE, text=True)
    try:
        ready, _, _ = select.select([proc.stderr], [], [], 90)
        line = proc.stderr.readline() if ready else ""
        assert f"at http://127.0.0.1:{port}/" in line and "network guard" in line, line
        deadline = time.monotonic() + 20
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/sparql", params={"query": FOUNDERS}, timeout=10)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline
                time.sleep(0.1)
        assert founders(r.json()) == {RES + "Tang_Xiao'ou", RES + "Xu_Li_(computer_scientist)"}
    finally:
        proc.terminate()
        proc.wait(20)
    bad = subprocess.run([sys.executable, "-m", "wikikg", "serve", "--store", str(tmp_path / "none")],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1 and bad.stderr.startswith("wikikg: error:") and "no store there" in bad.stderr


# --- hostile requests (issue 7) -----------------------------------------------------------------

@pytest.fixture()
def listener():
    """A raw TCP listener on loopback: any connection at all (not only a full HTTP request) is seen."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield server
    server.close()


def _connections(server: socket.socket) -> int:
    n = 0
    while select.select([server], [], [], 0.2)[0]:
        conn, _ = server.accept()
        conn.close()
        n += 1
    return n


def test_no_query_form_makes_an_outgoing_connection(url, listener):
    remote = f"http://127.0.0.1:{listener.getsockname()[1]}/x"
    refused = [f"LOAD <{remote}>", f"LOAD SILENT <{remote}> INTO GRAPH <urn:g>",
               f"SELECT * WHERE {{ SERVICE <{remote}> {{ ?s ?p ?o }} }}",
               f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE SILENT <{remote}> {{ ?s ?p ?o }} }} }} }}",
               f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{remote}> {{ ?s ?p ?o }} }}",
               f"ASK FROM <{remote}> {{ ?s ?p ?o }}", f"DESCRIBE <{remote}> FROM NAMED <{remote}>"]
    for query in refused:
        r = post(url, query)
        assert 400 <= r.status_code < 500, (query, r.status_code, r.text)
    for params in ({"query": "ASK {}", "default-graph-uri": remote}, {"query": "ASK {}", "named-graph-uri": remote}):
        assert httpx.get(url + "/sparql", params=params, timeout=30).status_code == 403
    r = httpx.post(url + "/sparql", data={"update": f"LOAD <{remote}>"}, timeout=30)
    assert r.status_code == 403
    assert _connections(listener) == 0


def test_malformed_requests_get_a_clear_4xx(url):
    bad_utf8 = httpx.post(url + "/sparql", content=b"ASK { \xff\xfe }", timeout=30,
                          headers={"Content-Type": "application/sparql-query"})
    assert bad_utf8.status_code == 400 and "not UTF-8" in bad_utf8.text
    form = httpx.post(url + "/sparql", content=b"query=ASK%20%7B%7D%FF", timeout=30,
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert form.status_code == 400 and "not UTF-8" in form.text
    for content_type in ("application/json", "multipart/form-data; boundary=x", ""):
        r = httpx.post(url + "/sparql", content=b"ASK {}", headers={"Content-Type": content_type}, timeout=30)
        assert r.status_code == 415, content_type
    two = httpx.get(url + "/sparql", params=[("query", "ASK {}"), ("query", "ASK {}")], timeout=30)
    assert two.status_code == 400 and "exactly one" in two.text
    empty_form = httpx.post(url + "/sparql", data={"default-graph-uri": ARTICLE}, timeout=30)
    assert empty_form.status_code == 400 and "query" in empty_form.text
    junk = httpx.get(url + "/sparql", params={"query": "\x00\ud7ff\U0010ffff {{{"}, timeout=30)
    assert junk.status_code == 400
    host, port = url.rsplit("/", 1)[1].split(":")
    with socket.create_connection((host, int(port)), timeout=30) as raw:  # a body far smaller than declared
        raw.sendall(b"POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\n"
                    b"Content-Length: 999999999\r\n\r\nASK {}")
        assert raw.recv(100).startswith(b"HTTP/1.1 413")
    assert post(url, FOUNDERS).status_code == 200  # and the endpoint still answers


def test_an_oversized_query_is_refused_before_it_is_read(url):
    big = b"ASK {} #" + b"x" * (LIMITS.max_request * 20)
    r = httpx.post(url + "/sparql", content=big, headers={"Content-Type": "application/sparql-query"}, timeout=30)
    assert r.status_code == 413 and "--max-request" in r.text
    r = httpx.post(url + "/sparql", data={"query": big.decode()}, timeout=30)
    assert r.status_code == 413


def _listening(port: int) -> set[str]:
    """The local addresses listening on `port`, from /proc/net/tcp (IPv4, hex little-endian)."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        addr, p = local.split(":")
        if int(p, 16) == port and state == "0A":  # LISTEN
            found.add(socket.inet_ntoa(bytes.fromhex(addr)[::-1]))
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux's /proc/net/tcp")
def test_serve_listens_on_loopback_by_default(tmp_path):
    port = _free_port()
    graph = tmp_path / "graph.nt"
    graph.write_text("<http://a> <http://b> <http://c> .\n", "utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "wikikg", "serve", "--graph", str(graph), "--port", str(port),
                             "--workers", "1"], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 90
        while not _listening(port):
            assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read() if proc.poll() else ""
            time.sleep(0.1)
        assert _listening(port) == {"127.0.0.1"}
    finally:
        proc.terminate()
        proc.wait(20)
