"""Tests for wikikg.sparql.store: the on-disk Oxigraph store, bulk loading per article, graph files, engines."""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import XSD

from wikikg.cli import main
from wikikg.formats.writers import union, write
from wikikg.pipeline.stages import build
from wikikg.sparql.store import (
    Engine,
    QueryError,
    StoreError,
    file_to_store,
    from_oxigraph,
    load_dataset,
    load_file,
    open_store,
    to_oxigraph,
)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "sensetime.wikitext"
ARTICLE = URIRef("https://en.wikipedia.org/wiki/SenseTime")
OTHER = ("'''Beta Corp''' is a company founded by [[Jane Roe]] in 2010.\n\n== History ==\n"
         "In October 2017, Beta Corp partnered with [[Qualcomm]].\n")


@pytest.fixture(scope="module")
def seed() -> Dataset:
    return build([str(SEED)]).dataset


def quads(ds: Dataset) -> int:
    return sum(1 for _ in ds.quads((None, None, None, None)))


def count(store: ox.Store, graph: str) -> int:
    return len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(graph))))


def default(store: ox.Store) -> int:
    return len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph())))


def test_load_one_named_graph_per_article_and_replace_it_on_rebuild(seed, tmp_path):
    store = open_store(tmp_path / "store", create=True)
    report = load_dataset(store, seed)
    assert (report.graphs, report.replaced, report.quads) == (1, 0, quads(seed))
    assert [g.value for g in store.named_graphs()] == [str(ARTICLE)]
    assert count(store, str(ARTICLE)) == default(store) == quads(seed)
    again = load_dataset(store, seed)  # a rebuild replaces the article's graph, no duplicates
    assert (again.graphs, again.replaced) == (1, 1)
    assert count(store, str(ARTICLE)) == default(store) == quads(seed)
    smaller = Dataset()
    g = smaller.graph(ARTICLE)
    for i, t in enumerate(seed.graph(ARTICLE)):
        if i % 2:
            g.add(t)
    load_dataset(store, smaller)  # the old version's facts are gone, not merged
    assert count(store, str(ARTICLE)) == default(store) == len(g)


def test_rebuilding_one_article_leaves_the_others(seed, tmp_path):
    other = tmp_path / "beta.wikitext"
    other.write_text(OTHER)
    both = build([str(SEED), str(other)]).dataset
    store = open_store(tmp_path / "store", create=True)
    load_dataset(store, both)
    names = sorted(g.value for g in store.named_graphs())
    assert len(names) == 2 and str(ARTICLE) in names
    beta = next(n for n in names if n != str(ARTICLE))
    before = count(store, beta)
    merged = default(store)
    shared = [q for q in store.quads_for_pattern(None, None, None, ox.NamedNode(beta))
              if any(store.quads_for_pattern(q.subject, q.predicate, q.object, ox.NamedNode(str(ARTICLE))))]
    assert shared  # both articles state some triples (Qualcomm's label and type): the merge has them once
    assert merged == len({(q.subject, q.predicate, q.object) for q in store if q.graph_name != ox.DefaultGraph()})
    load_dataset(store, seed)
    assert count(store, beta) == before and count(store, str(ARTICLE)) == len(seed.graph(ARTICLE))
    assert default(store) == merged
    shrunk = Dataset()
    shrunk.graph(URIRef(beta)).add(next(iter(both.graph(URIRef(beta)))))
    load_dataset(store, shrunk)  # beta rebuilt with one triple: what only beta stated leaves the merge
    assert count(store, beta) == 1
    assert default(store) == len({(q.subject, q.predicate, q.object) for q in store
                                  if q.graph_name != ox.DefaultGraph()})
    for q in shared:  # still stated by the seed article, so still in the merge
        assert ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) in store


def test_a_read_only_store_answers_queries(seed, tmp_path):
    store = open_store(tmp_path / "store", create=True)
    load_dataset(store, seed)
    del store
    engine = Engine.open(store=str(tmp_path / "store"))
    assert engine.graphs() == {str(ARTICLE)}
    assert engine.label(ox.NamedNode("https://w3id.org/wikikg/resource/Qualcomm")) == "Qualcomm"
    assert engine.label(ox.NamedNode("http://example.org/nothing")) is None
    n = engine.run("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0]
    assert int(n.value) == quads(seed)  # the merge of the article graphs is the default graph
    with pytest.raises(QueryError):
        engine.run("SELECT nonsense")
    with pytest.raises(RuntimeError, match="read-write"):  # read-only below any check of ours
        engine.store.update("INSERT DATA { <http://a> <http://b> <http://c> }")


@pytest.mark.parametrize("ext", [".ttl", ".nt", ".nq", ".trig", ".jsonld"])
def test_every_format_we_write_loads(seed, tmp_path, ext):
    path = tmp_path / f"graph{ext}"
    write(seed, path)
    store = load_file(path)
    assert len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))) == len(union(seed))
    assert len(list(store.named_graphs())) == (1 if ext in (".nq", ".trig") else 0)


def test_graph_file_errors(tmp_path):
    with pytest.raises(StoreError, match="no such file"):
        load_file(tmp_path / "missing.ttl")
    with pytest.raises(StoreError, match="unknown graph format"):
        load_file(tmp_path / "graph.xyz")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n")
    with pytest.raises(StoreError, match="not valid ttl"):
        load_file(bad)
    with pytest.raises(StoreError, match="no store there"):
        open_store(tmp_path / "nothing")


def test_file_to_store_makes_a_store_other_processes_can_open(seed, tmp_path):
    write(seed, tmp_path / "graph.nq")
    directory = file_to_store(tmp_path / "graph.nq", tmp_path / "s")
    assert len(open_store(directory)) == 2 * quads(seed)  # the article graph and the merge


def test_terms_round_trip():
    for term in (URIRef("http://x/a"), BNode("b1"), Literal("plain"), Literal("hi", lang="en"),
                 Literal("2019-10", datatype=XSD.gYearMonth)):
        assert from_oxigraph(to_oxigraph(term)) == term
    with pytest.raises(TypeError):
        to_oxigraph("not a term")


def test_cli_build_with_store_loads_and_replaces(tmp_path):
    store = tmp_path / "store"
    for replaced in (0, 1):
        r = CliRunner().invoke(main, ["build", str(SEED), "-o", str(tmp_path / "out"), "--store", str(store)])
        assert r.exit_code == 0, r.output
        assert f"1 article graph(s) loaded ({replaced} replaced)" in r.stderr
    r = CliRunner().invoke(main, ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", str(store),
                                  "--format", "json"])
    n = int(json.loads(r.output)["results"]["bindings"][0]["n"]["value"])
    nq = (tmp_path / "out" / "graph.nq").read_text().strip().splitlines()
    assert n == len(nq)


def test_loading_an_nquads_file_again_replaces_its_article_graphs(seed, tmp_path):
    path = tmp_path / "graph.nq"
    write(seed, path)
    store = open_store(tmp_path / "store", create=True)
    load_file(path, store)
    lines = path.read_text().splitlines()
    path.write_text("\n".join(lines[: len(lines) // 2]) + "\n")  # a rebuild that states less
    load_file(path, store)
    assert count(store, str(ARTICLE)) == default(store) == len(lines) // 2
