"""Dereferenceable IRIs: /resource/X redirects (303) to an HTML page (/page/X) or RDF (/data/X.ttl …)."""
from __future__ import annotations

import json
from html import escape
from urllib.parse import quote, unquote

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from wikikg.sparql.results import GRAPH_OFFERS, MEDIA_TYPES, PREFIXES, choose, compact

__all__ = ["BASE", "EXTENSIONS", "describe_query", "facts_query", "routes"]

BASE = PREFIXES["res"]
EXTENSIONS = {"ttl": "turtle", "nt": "nt", "rdf": "rdfxml", "jsonld": "jsonld", "n3": "n3", "nq": "nq",
              "trig": "trig"}
_EXTENSION = {fmt: ext for ext, fmt in EXTENSIONS.items()}
_HTML = "html"
_SAFE = "!$&'()*+,;=:@/-._~"  # what stays unescaped in our IRIs (DBpedia style)
_NS = "PREFIX rdf: <{rdf}> PREFIX rdfs: <{rdfs}> PREFIX wkg: <{wkg}> PREFIX prov: <{prov}> PREFIX dct: <{dct}> " \
      "PREFIX schema: <{schema}> ".format(**PREFIXES)


def _candidates(raw_path: str) -> list[str]:
    """The IRIs a request path may name (as sent, decoded, re-escaped as we mint them); valid ones only."""
    out = []
    for local in (raw_path, unquote(raw_path), quote(unquote(raw_path), safe=_SAFE)):
        iri = BASE + local
        try:
            ox.NamedNode(iri)  # a valid IRI has no '>', space, quote or backslash: safe inside <…> below
        except ValueError:
            continue
        if iri not in out:
            out.append(iri)
    return out


def _values(iris: list[str]) -> str:
    return "VALUES ?x { " + " ".join(f"<{i}>" for i in iris) + " }"


def describe_query(iris: list[str]) -> str:
    """CONSTRUCT the description of an IRI: its triples both ways, and the statements about it with
    their evidence and citations."""
    return _NS + "CONSTRUCT { ?a ?b ?c } WHERE { " + _values(iris) + """
      { ?x ?b ?c BIND(?x AS ?a) } UNION { ?a ?b ?x BIND(?x AS ?c) }
      UNION { { ?a rdf:subject ?x } UNION { ?a rdf:object ?x } ?a ?b ?c }
      UNION { { ?st rdf:subject ?x } UNION { ?st rdf:object ?x } ?st prov:wasDerivedFrom|dct:source ?a . ?a ?b ?c } }"""


def facts_query(iris: list[str]) -> str:
    """SELECT the IRI's own triples (?dir out/in) and the statements about it with evidence and sources."""
    return _NS + "SELECT ?dir ?p ?v ?vl ?st ?s ?o ?date ?end ?text ?section ?url ?title WHERE { " + _values(iris) + """
      { ?x ?p ?v BIND("out" AS ?dir) OPTIONAL { ?v rdfs:label ?vl } }
      UNION { ?v ?p ?x BIND("in" AS ?dir) FILTER(?p NOT IN (rdf:subject, rdf:object)) OPTIONAL { ?v rdfs:label ?vl } }
      UNION { { ?st rdf:subject ?x } UNION { ?st rdf:object ?x } BIND("fact" AS ?dir)
              ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
              BIND(IF(?s = ?x, ?o, ?s) AS ?other) OPTIONAL { ?other rdfs:label ?vl }
              OPTIONAL { ?st wkg:date ?date } OPTIONAL { ?st wkg:endDate ?end }
              OPTIONAL { ?st prov:wasDerivedFrom ?ev OPTIONAL { ?ev wkg:plainText ?plain } OPTIONAL { ?ev wkg:text ?raw }
                         OPTIONAL { ?ev wkg:section ?section } BIND(COALESCE(?plain, ?raw) AS ?text) }
              OPTIONAL { ?st dct:source ?cite . ?cite schema:url ?url OPTIONAL { ?cite dct:title ?title } } }
    } ORDER BY ?dir ?p ?v ?st ?url"""


def _local(request: Request, prefix: str) -> str:
    raw = request.scope.get("raw_path") or request.url.path.encode()
    return raw.decode("latin-1")[len(prefix):]


def _href(iri: str) -> str | None:
    """Where a link to `iri` goes: our resources here, web pages as they are, anything else nowhere."""
    if iri.startswith(BASE):
        return "/resource/" + iri[len(BASE):]
    if iri.startswith(("http://", "https://")):
        return iri
    return None


def _link(iri: str, text: str | None = None) -> str:
    href, shown = _href(iri), escape(text or compact(iri))
    return f'<a href="{escape(href, quote=True)}">{shown}</a>' if href else shown


def _value(b: dict, labels: dict) -> str:
    if b["type"] == "uri":
        return _link(b["value"], labels.get(b["value"]))
    return escape(b["value"])


def _page(iri: str, rows: list[dict], truncated: bool) -> str:
    labels = {r["v"]["value"]: r["vl"]["value"] for r in rows if "vl" in r and "v" in r}
    labels.update({r[k]["value"]: r["vl"]["value"] for r in rows if "vl" in r and "st" in r
                   for k in ("s", "o") if r[k]["value"] != iri and r[k]["type"] == "uri"})
    own = [r for r in rows if r["dir"]["value"] == "out"]
    name = next((r["v"]["value"] for r in own if r["p"]["value"] == PREFIXES["rdfs"] + "label"), compact(iri))
    facts: dict[tuple, dict] = {}
    for r in (r for r in rows if r["dir"]["value"] == "fact"):
        f = facts.setdefault((r["s"]["value"], r["p"]["value"], r["o"]["value"], r["o"]["type"]), {})
        st = f.setdefault(r["st"]["value"], {"date": set(), "end": set(), "text": set(), "sources": {}})
        for k in ("date", "end"):
            if k in r:
                st[k].add(r[k]["value"])
        if "text" in r:
            st["text"].add((r.get("section", {}).get("value", ""), r["text"]["value"]))
        if "url" in r:
            st["sources"][r["url"]["value"]] = r.get("title", {}).get("value") or r["url"]["value"]
    here = iri[len(BASE):]
    out = [f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(name)} · wikikg</title>"]
    for fmt in GRAPH_OFFERS:
        out.append(f'<link rel="alternate" type="{MEDIA_TYPES[fmt]}" href="/data/{escape(here, quote=True)}.'
                   f'{_EXTENSION[fmt]}">')
    out.append("<style>body{font:14px system-ui,sans-serif;margin:1.5em;max-width:90em}table{border-collapse:"
               "collapse}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}"
               ".me{font-weight:bold}.sec{color:#666}</style></head><body>")
    out.append(f"<h1>{escape(name)}</h1><p><code>{escape(iri)}</code></p>")
    if facts:
        out.append("<h2>Facts</h2><table><tr><th>subject</th><th>relation</th><th>object</th><th>date</th>"
                   "<th>end</th><th>evidence</th><th>sources</th></tr>")
        for (s, p, o, kind), statements in sorted(facts.items()):
            side = [f'<span class="me">{escape(name)}</span>' if v == iri else
                    (_link(v, labels.get(v)) if t == "uri" else escape(v)) for v, t in ((s, "uri"), (o, kind))]
            cells = [" ".join(sorted(set().union(*(st[k] for st in statements.values())))) for k in ("date", "end")]
            evidence = "".join(f'<p>{escape(text)} <span class="sec">({escape(section or "lead")})</span></p>'
                               for section, text in sorted(set().union(*(st["text"] for st in statements.values()))))
            sources = {u: t for st in statements.values() for u, t in st["sources"].items()}
            links = "<br>".join(_link(u, t) for u, t in sorted(sources.items()))
            out.append(f"<tr><td>{side[0]}</td><td>{_link(p)}</td><td>{side[1]}</td><td>{escape(cells[0])}</td>"
                       f"<td>{escape(cells[1])}</td><td>{evidence}</td><td>{links}</td></tr>")
        out.append("</table>")
    out.append("<h2>Statements</h2><table><tr><th>property</th><th>value</th></tr>")
    for r in (r for r in rows if r["dir"]["value"] in ("out", "in")):
        prop, value = _link(r["p"]["value"]), _value(r["v"], labels)
        out.append(f"<tr><td>{prop}</td><td>{value}</td></tr>" if r["dir"]["value"] == "out" else
                   f"<tr><td>{value}</td><td>{prop} <span class=\"me\">{escape(name)}</span></td></tr>")
    out.append("</table>")
    if truncated:
        out.append("<p>(cut at the server's --max-rows)</p>")
    data = " · ".join(f'<a href="/data/{escape(here, quote=True)}.{_EXTENSION[f]}">{escape(f)}</a>'
                      for f in GRAPH_OFFERS)
    out.append(f"<p>As RDF: {data}</p></body></html>\n")
    return "\n".join(out)


def _error(status: int, body: bytes) -> PlainTextResponse:
    return PlainTextResponse(body.decode("utf-8", "replace"), status_code=status)


async def _resource(request: Request) -> Response:
    local = _local(request, "/resource/")
    fmt = choose(request.headers.get("accept", ""), (_HTML, *GRAPH_OFFERS), {_HTML: "text/html", **MEDIA_TYPES})
    if fmt is None:
        return PlainTextResponse("this resource is served as text/html or as: "
                                 + ", ".join(MEDIA_TYPES[f] for f in GRAPH_OFFERS) + "\n", status_code=406)
    target = f"/page/{local}" if fmt == _HTML else f"/data/{local}.{_EXTENSION[fmt]}"
    return RedirectResponse(target, status_code=303, headers={"Vary": "Accept"})


async def _html(request: Request) -> Response:
    iris = _candidates(_local(request, "/page/"))
    if not iris:
        return PlainTextResponse("not a resource IRI\n", status_code=404)
    job = {"query": facts_query(iris), "accept": MEDIA_TYPES["json"], "default": [], "named": []}
    status, _, body, headers = await request.app.state.pool.ask(job)
    if status != 200:
        return _error(status, body)
    rows = json.loads(body)["results"]["bindings"]
    if not any(r["dir"]["value"] in ("out", "in") for r in rows):
        return HTMLResponse("<!doctype html><title>Not found</title><p>No such resource here.</p>\n", 404)
    iri = next((i for i in iris if any(r["dir"]["value"] == "out" for r in rows)), iris[0])
    return HTMLResponse(_page(iri, rows, "Wikikg-Truncated" in headers))


async def _data(request: Request) -> Response:
    stem, _, ext = _local(request, "/data/").rpartition(".")
    if ext not in EXTENSIONS or not stem:
        return PlainTextResponse("ask for /data/NAME.EXT, EXT one of: " + ", ".join(EXTENSIONS) + "\n", 404)
    iris = _candidates(stem)
    if not iris:
        return PlainTextResponse("not a resource IRI\n", status_code=404)
    known = {"query": _NS + "ASK { " + _values(iris) + " { ?x ?p ?o } UNION { ?s ?p ?x } }",
             "accept": MEDIA_TYPES["json"], "default": [], "named": []}
    status, _, body, _ = await request.app.state.pool.ask(known)
    if status != 200:
        return _error(status, body)
    if not json.loads(body)["boolean"]:
        return PlainTextResponse("no such resource here\n", status_code=404)
    job = {"query": describe_query(iris), "accept": MEDIA_TYPES[EXTENSIONS[ext]], "default": [], "named": []}
    status, media, body, headers = await request.app.state.pool.ask(job)
    if status != 200:
        return _error(status, body)
    charset = "; charset=utf-8" if media.startswith("text/") or media.endswith("json") else ""
    return Response(body, 200, headers={k: v for k, v in headers.items() if k != "Server-Timing"},
                    media_type=media + charset)


def routes() -> list[Route]:
    """The routes that make resource IRIs dereferenceable, for create_app."""
    return [Route("/resource/{name:path}", _resource), Route("/page/{name:path}", _html),
            Route("/data/{name:path}", _data)]
