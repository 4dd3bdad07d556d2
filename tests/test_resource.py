"""Tests for wikikg.sparql.resource: resource IRIs dereferenced on a running server, HTML or RDF by Accept."""
from __future__ import annotations

from pathlib import Path

import httpx
import lxml.html
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from wikikg.pipeline.stages import build
from wikikg.sparql.server import Limits, create_app, run_in_thread
from wikikg.sparql.store import load_dataset, open_store

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "sensetime.wikitext"
RES = "https://w3id.org/wikikg/resource/"
WKG = "https://w3id.org/wikikg/ontology#"
NYT = "https://www.nytimes.com/2019/10/07/us/politics/us-to-blacklist-28-chinese-entities-over-abuses-in-xinjiang.html"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
LIMITS = Limits(timeout=5.0, max_rows=2_000, workers=1)


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    path = tmp_path_factory.mktemp("store")
    load_dataset(open_store(path, create=True), build([str(SEED)]).dataset)
    with run_in_thread(create_app(str(path), LIMITS)) as base:
        yield base


def get(url, path, accept, follow=True):
    return httpx.get(url + path, headers={"Accept": accept}, follow_redirects=follow, timeout=30)


def test_a_browser_is_sent_to_the_page_of_facts_and_evidence(url):
    r = get(url, "/resource/SenseTime", BROWSER, follow=False)
    assert r.status_code == 303 and r.headers["location"] == "/page/SenseTime" and r.headers["vary"] == "Accept"
    page = get(url, "/resource/SenseTime", BROWSER)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    doc = lxml.html.fromstring(page.text)
    assert doc.findtext(".//h1") == "SenseTime"
    links = {a.get("href"): a.text_content() for a in doc.iter("a")}
    assert links["/resource/Tang_Xiao'ou"] == "Tang Xiao'ou" and NYT in links  # founders, sources
    assert links["/resource/name/Shanghai_SenseTime"] == "Shanghai SenseTime"  # the subject of a fact about it
    text = doc.text_content()
    assert "In October 2019, SenseTime was placed on the United States Bureau of Industry" in text
    assert "2019-10" in text and "Entity List" in text
    assert {a.get("href") for a in doc.iter("link")} >= {"/data/SenseTime.ttl", "/data/SenseTime.rdf"}


@pytest.mark.parametrize("accept, ext, syntax", [
    ("text/turtle", "ttl", "turtle"), ("application/rdf+xml", "rdf", "xml"), ("application/ld+json", "jsonld", "json-ld"),
    ("application/n-triples", "nt", "nt"), ("text/n3", "n3", "n3"), ("application/n-quads", "nq", "nquads"),
    ("application/trig", "trig", "trig"), ("application/json", "jsonld", "json-ld"),
])
def test_an_rdf_client_gets_the_description(url, accept, ext, syntax):
    r = get(url, "/resource/SenseTime", accept, follow=False)
    assert r.status_code == 303 and r.headers["location"] == f"/data/SenseTime.{ext}"
    r = get(url, "/resource/SenseTime", accept)
    assert r.status_code == 200 and r.headers["content-type"].split(";")[0] in (accept, "application/ld+json")
    g = Dataset().parse(data=r.text, format=syntax)
    me = URIRef(RES + "SenseTime")
    assert (me, URIRef(WKG + "foundedBy"), URIRef(RES + "Tang_Xiao'ou")) in g
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    reported = {st for st in g.subjects(URIRef(rdf + "object"), me)  # statements with it as object, too
                if (st, URIRef(rdf + "predicate"), URIRef(WKG + "subsidiaryOf")) in g}
    assert len(reported) == 1 and (reported.pop(), URIRef(WKG + "modality"), Literal("reported")) in g
    sentences = {str(o) for o in g.objects(None, URIRef(WKG + "plainText"))}
    assert any(s.startswith("In October 2019, SenseTime was placed on") for s in sentences)  # the evidence


def test_rdflib_dereferences_an_iri_itself(url):
    """rdflib asks for RDF and follows the 303, as any linked-data client does."""
    g = Graph().parse(url + "/resource/Tang_Xiao%27ou")
    assert (URIRef(RES + "SenseTime"), URIRef(WKG + "foundedBy"), URIRef(RES + "Tang_Xiao'ou")) in g
    assert (URIRef(RES + "Tang_Xiao'ou"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
            Literal("Tang Xiao'ou", lang="en")) in g


def test_names_with_slashes_and_unknown_resources(url):
    page = get(url, "/resource/name/National_Supercomputing_Centre_of_Singapore", BROWSER)
    assert page.status_code == 200 and "National Supercomputing Centre of Singapore" in page.text
    assert get(url, "/resource/Nobody_Here", BROWSER).status_code == 404
    assert get(url, "/resource/Nobody_Here", "text/turtle").status_code == 404
    assert get(url, "/data/SenseTime.exe", "*/*").status_code == 404
    assert get(url, "/resource/SenseTime", "text/csv").status_code == 406
    assert get(url, "/resource/a%3Eb%20c", BROWSER).status_code == 404  # not an IRI: never in a query


def test_hostile_text_in_the_graph_stays_text(tmp_path):
    """Labels, sentences and URLs from articles are escaped; only http(s) and local links become links."""
    evil = "</td></table><script>alert(1)</script><img src=x onerror=alert(2)>"
    me, st, ev, cite = (ox.NamedNode(RES + x) for x in ("Evil", "fact/1", "evidence/1", "citation/1"))
    p = lambda ns, local: ox.NamedNode(ns + local)  # noqa: E731
    rdf, rdfs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/2000/01/rdf-schema#"
    other = ox.NamedNode(RES + "Other")
    triples = [(me, p(rdfs, "label"), ox.Literal(evil, language="en")), (other, p(rdfs, "label"), ox.Literal(evil)),
               (me, p(WKG, "partneredWith"), other), (st, p(rdf, "subject"), me),
               (st, p(rdf, "predicate"), p(WKG, "partneredWith")), (st, p(rdf, "object"), other),
               (st, p("http://www.w3.org/ns/prov#", "wasDerivedFrom"), ev),
               (ev, p(WKG, "plainText"), ox.Literal('"><svg onload=alert(3)>' + evil)),
               (ev, p(WKG, "section"), ox.Literal(evil)), (st, p("http://purl.org/dc/terms/", "source"), cite),
               (cite, p("http://schema.org/", "url"), ox.NamedNode("javascript:alert(4)")),
               (st, p(WKG, "date"), ox.Literal(evil))]
    store = open_store(tmp_path / "store", create=True)
    store.bulk_extend([ox.Quad(s, pr, o, ox.DefaultGraph()) for s, pr, o in triples])
    store.flush()
    del store
    with run_in_thread(create_app(str(tmp_path / "store"), Limits(workers=1))) as base:
        page = get(base, "/resource/Evil", BROWSER)
    assert page.status_code == 200
    doc = lxml.html.fromstring(page.text)
    assert doc.findtext(".//h1") == evil  # shown as text
    assert not doc.xpath("//script|//img|//svg|//iframe")
    assert not [a for el in doc.iter() if isinstance(el.tag, str) for a in el.attrib if a.lower().startswith("on")]
    assert all(h.startswith(("/", "http://", "https://")) for h in doc.xpath("//@href"))
    assert "javascript:alert(4)" in doc.text_content() and len(doc.xpath("//table")) == 2
