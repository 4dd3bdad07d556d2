"""Tests for wikikg.formats.void: every build is described in VoID / DCAT beside its output."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF

from wikikg.cli import main
from wikikg.formats.void import LICENCE, void_path
from wikikg.read.dumps import Page, write_dump

VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
PAGES = [Page("Beta Corp", 0, 1, "'''Beta Corp''' is a company founded by [[Jane Roe]] in 2010.\n", None, 9001),
         Page("Acme Widgets", 0, 2, "'''Acme Widgets''' is a company. Acme Widgets partnered with [[Qualcomm]] "
                                    "in 2017.\n", None, 9002),
         Page("Acme", 0, 3, "#REDIRECT [[Acme Widgets]]", "Acme Widgets", 9003)]


def _build(*args) -> None:
    result = CliRunner().invoke(main, ["build", *map(str, args), "--no-progress"])
    assert result.exit_code == 0, result.output


def _build_of(g: Graph):
    (build,) = g.subjects(RDF.type, VOID.Dataset)
    return build


def test_a_dump_build_is_described_with_sources_revisions_licence_and_counts(tmp_path):
    dump = write_dump(PAGES, tmp_path / "d.xml.bz2")
    out = tmp_path / "out" / "g.nq"
    _build(dump, "-o", out)
    path = tmp_path / "out" / "g.void.ttl"
    g = Graph().parse(path, format="turtle")
    build = _build_of(g)
    assert (build, RDF.type, DCAT.Dataset) in g
    assert g.value(build, DCTERMS.license) == URIRef(LICENCE)
    assert g.value(g.value(build, DCTERMS.source), URIRef("http://www.w3.org/2000/01/rdf-schema#label")) \
        == Literal("d.xml.bz2")
    triples = {line.rsplit(" <", 1)[0] for line in out.read_text("utf-8").splitlines()}
    assert g.value(build, VOID.triples).toPython() == len(triples)
    assert g.value(build, VOID.documents).toPython() == 2
    revisions = {(str(s), str(o)) for s, o in g.subject_objects(PROV.wasDerivedFrom)}
    assert revisions == {("https://en.wikipedia.org/wiki/Beta_Corp", "https://en.wikipedia.org/w/index.php?oldid=9001"),
                         ("https://en.wikipedia.org/wiki/Acme_Widgets",
                          "https://en.wikipedia.org/w/index.php?oldid=9002")}
    parts = {g.value(p, VOID.property): g.value(p, VOID.triples).toPython() for p in g.objects(build, VOID.propertyPartition)}
    assert parts[URIRef("https://w3id.org/wikikg/ontology#foundedBy")] == 1
    first = path.read_bytes()
    _build(dump, "-o", out)
    assert path.read_bytes() == first  # reruns give the same bytes


def test_a_directory_build_lists_its_files_as_distributions(tmp_path):
    article = tmp_path / "Beta_Corp.wikitext"
    article.write_text(PAGES[0].text, "utf-8")
    _build(article, "-o", tmp_path / "out")
    g = Graph().parse(tmp_path / "out" / "void.ttl", format="turtle")
    names = {str(d).rsplit("/", 1)[1] for d in g.objects(_build_of(g), DCAT.distribution)}
    assert names == {"graph.ttl", "graph.nq", "graph.graphml", "graph.gexf"}
    assert not list(g.subject_objects(PROV.wasDerivedFrom))  # a file gives no revision id


def test_void_path():
    assert void_path(Path("out/graph.nq")) == Path("out/graph.void.ttl")
    assert void_path(Path("out/x.ftm.json")) == Path("out/x.void.ttl")
    assert void_path(Path("out/Raith_Rovers_F.C..nq")) == Path("out/Raith_Rovers_F.C..void.ttl")
    assert void_path(Path("out")) == Path("out/void.ttl")
