"""Tests for wikikg.formats.aligned and wikikg.kb.alignment: `build --align` and what it materialises."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from wikikg.cli import main
from wikikg.formats.aligned import aligned_lines, split_line
from wikikg.kb.alignment import alignment

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "sensetime.wikitext"
RES = "https://w3id.org/wikikg/resource/"
WKG = "https://w3id.org/wikikg/ontology#"
FOUNDERS = {RES + "Tang_Xiao'ou", RES + "Xu_Li_(computer_scientist)"}


def _build(*args) -> None:
    result = CliRunner().invoke(main, ["build", *map(str, args), "--no-progress"])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("aligned")
    _build(SEED, "-o", d / "plain.nq")
    _build(SEED, "-o", d / "aligned.nq", "--align")
    _build(SEED, "-o", d / "dir", "--align")
    return d


def _objects(path: Path, subject: str, predicate: str) -> set[str]:
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    q = f"SELECT DISTINCT ?o WHERE {{ GRAPH ?g {{ <{subject}> <{predicate}> ?o }} }}"
    return {row["o"].value for row in store.query(q)}


@pytest.mark.parametrize("predicate", ["http://schema.org/founder", "http://dbpedia.org/ontology/foundedBy",
                                       "http://www.wikidata.org/prop/direct/P112"])
def test_users_of_other_vocabularies_find_the_founders(builds, predicate):
    assert _objects(builds / "aligned.nq", RES + "SenseTime", predicate) == FOUNDERS
    assert _objects(builds / "plain.nq", RES + "SenseTime", predicate) == set()  # only when asked


def test_types_are_materialised_as_classes_and_as_wikidata_instance_of(builds):
    path = builds / "aligned.nq"
    person = RES + "Xu_Li_(computer_scientist)"
    types = _objects(path, person, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    assert {WKG + "Person", "http://schema.org/Person", "http://dbpedia.org/ontology/Person",
            "https://schema.followthemoney.tech/#Person", "http://xmlns.com/foaf/0.1/Person"} <= types
    assert _objects(path, person, "http://www.wikidata.org/prop/direct/P31") == {"http://www.wikidata.org/entity/Q5"}


def test_aligned_builds_add_only_entailed_triples_the_same_way_streamed_or_not(builds):
    plain = set((builds / "plain.nq").read_text("utf-8").splitlines(keepends=True))
    aligned = (builds / "aligned.nq").read_bytes()
    assert aligned == (builds / "dir" / "graph.nq").read_bytes()  # streamed file == in-memory dataset
    lines = set(aligned.decode("utf-8").splitlines(keepends=True))
    assert plain < lines
    assert lines - plain == set(aligned_lines(sorted(plain))) - plain
    for line in lines - plain:  # nothing new in wkg: terms but types
        _s, p, o, _g = split_line(line)
        assert not p.startswith(f"<{WKG}") and (o.startswith("<") or o.startswith('"'))


def test_inverse_alignments_swap_subject_and_object():
    line = f"<{RES}A> <{WKG}investedIn> <{RES}B> <https://en.wikipedia.org/wiki/A> .\n"
    assert list(aligned_lines([line])) == [
        f"<{RES}B> <http://schema.org/funder> <{RES}A> <https://en.wikipedia.org/wiki/A> .\n"]


def test_the_alignment_tables_follow_the_wkg_hierarchy():
    a = alignment()
    company = dict.fromkeys(a.classes[WKG + "Company"])
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    assert (rdf_type, "http://schema.org/Organization") in company  # via wkg:Organization
    assert ("http://www.wikidata.org/prop/direct/P31", "http://www.wikidata.org/entity/Q43229") in company
    assert ("http://www.wikidata.org/prop/direct/P112", False) in a.properties[WKG + "foundedBy"]
    assert WKG + "sanctionedBy" not in a.properties  # no counterpart, no invention


def test_an_aligned_graph_still_satisfies_the_shapes(builds):
    from pyshacl import validate
    from rdflib import Dataset, Graph

    ds = Dataset()
    ds.parse(builds / "aligned.nq", format="nquads")
    union = Graph()
    for s, p, o, _g in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle")
    conforms, _report, text = validate(union, shacl_graph=shapes, advanced=True)
    assert conforms, text


def test_export_aligns_a_graph_built_without_it(builds, tmp_path):
    result = CliRunner().invoke(main, ["export", "--graph", str(builds / "plain.nq"), "-o", str(tmp_path / "x.nq"),
                                       "--align"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "x.nq").read_bytes() == (builds / "aligned.nq").read_bytes()
