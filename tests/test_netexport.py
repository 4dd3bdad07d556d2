"""Tests for wikikg.formats.propertygraph: GraphML read back by igraph; GEXF 1.3 validated against the
normative gexf.rng and read back by lxml, networkx and graphology (node)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import igraph
import networkx as nx
import pytest
from lxml import etree

from wikikg.formats.propertygraph import (
    PALETTE,
    color_of,
    edges,
    period_end,
    period_start,
    primary_type,
    to_gexf,
    to_graphml,
)
from wikikg.formats.writers import FORMATS, property_graph, write
from wikikg.kb.ontology import WKG, ontology_graph
from wikikg.pipeline.stages import build

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "sensetime.wikitext"
RES = "https://w3id.org/wikikg/resource/"
# Two relations between the same pair, one of them dated and cited.
SMALL = ("'''Foo Media''' is a company founded by [[Jane Roe]] in 2010. Foo Media is a subsidiary of "
         "[[Bar Holdings]].\n\nIn 2012, Foo Media partnered with [[Bar Holdings]].<ref>{{cite web "
         "|url=https://example.org/a |title=A story |publisher=Example News |date=3 May 2012}}</ref>\n")
GEXF_RNG = ROOT / "tests" / "schemas" / "gexf-1.3" / "gexf.rng"  # from gephi/gexf, see its README.md
JS = ROOT / "tests" / "js"  # graphology + graphology-gexf (package.json), installed by .ci/run or below
GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"


@pytest.fixture(scope="module")
def seed_ds():
    return build([str(SEED)]).dataset


@pytest.fixture(scope="module")
def seed(seed_ds):
    return property_graph(seed_ds)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    d = tmp_path_factory.mktemp("small")
    (d / "Foo_Media.wikitext").write_text(SMALL, "utf-8")
    return property_graph(build([str(d)]).dataset)


@pytest.fixture(scope="module")
def igraph_seed(seed, tmp_path_factory):
    path = tmp_path_factory.mktemp("graphml") / "seed.graphml"
    path.write_bytes(to_graphml(seed))
    return igraph.Graph.Read_GraphML(str(path))


def vertex(g: igraph.Graph, label: str):
    found = [v for v in g.vs if v["label"] == label]
    assert len(found) == 1, label
    return found[0]


# --- the property graph -------------------------------------------------------------------------

def test_literal_facts_are_attributes_not_nodes(seed):
    st = seed.entities[RES + "SenseTime"]
    attrs = dict(st.attributes)
    assert attrs["industry"] == "Artificial intelligence" and attrs["foundingDate"] == "2014-10"
    assert attrs["ticker"] == "0020" and attrs["website"].startswith("http")
    labels = {e.label for e in seed.entities.values()}
    assert "Artificial intelligence" not in labels and "0020" not in labels


def test_one_edge_per_subject_relation_object_and_symmetric_ones_once(seed):
    es = edges(seed)
    keys = [(e.subject, e.relation, e.object) for e in es]
    assert len(keys) == len(set(keys))
    pairs = {frozenset((e.subject, e.object)) for e in es if e.relation == "partneredWith"}
    assert len(pairs) == sum(e.relation == "partneredWith" for e in es)
    assert [e.id for e in es] == [f"e{i}" for i in range(len(es))]


def test_reported_claims_make_no_edge(seed):
    reported = [f for f in seed.facts if f.modality == "reported"]
    assert reported
    keys = {(e.subject, e.relation, e.object) for e in edges(seed)}
    assert all((f.subject, f.relation, f.object) not in keys for f in reported)


def test_periods_become_full_dates():
    assert period_start("2019") == "2019-01-01" and period_end("2019") == "2019-12-31"
    assert period_start("2017-10") == "2017-10-01" and period_end("2017-10") == "2017-10-31"
    assert period_end("2020-02") == "2020-02-29" and period_end("2019-02") == "2019-02-28"
    assert period_start("2021-12-10") == period_end("2021-12-10") == "2021-12-10"


def test_palette_covers_every_class_of_the_ontology():
    from rdflib import OWL, RDF
    classes = {str(c)[len(str(WKG)):] for c in ontology_graph().subjects(RDF.type, OWL.Class)
               if str(c).startswith(str(WKG))}
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in PALETTE.values())
    assert len(set(PALETTE.values())) == len(PALETTE)
    for c in ("Person", "Company", "University", "GovernmentAgency", "StockExchange", "Place"):
        assert primary_type((c,)) == c and c in classes
    assert primary_type(("NewsOrganization", "Organization")) == "Organization"
    assert color_of("ResearchInstitute") == PALETTE["University"]
    assert primary_type(()) == "Thing"


# --- GraphML, read by igraph ---------------------------------------------------------------------

def test_graphml_read_by_igraph_keeps_labels_colours_and_sizes(seed, igraph_seed):
    g = igraph_seed
    assert g.is_directed() and g.vcount() == len(seed.entities) and g.ecount() == len(edges(seed))
    assert {"label", "type", "r", "g", "b", "color", "size", "iri"} <= set(g.vs.attributes())
    st = vertex(g, "SenseTime")
    assert st["type"] == "Company" and st["color"] == PALETTE["Company"] == "#0072B2"
    assert (int(st["r"]), int(st["g"]), int(st["b"])) == (0, 114, 178)
    assert st["iri"] == RES + "SenseTime" and st["industry"] == "Artificial intelligence"
    assert st["size"] == max(g.vs["size"])
    assert vertex(g, "Tang Xiao'ou")["color"] == PALETTE["Person"]


def test_graphml_edges_keep_relation_label_date_rule_and_source(igraph_seed):
    g = igraph_seed
    assert {"label", "relation", "weight", "date", "rule", "source"} <= set(g.es.attributes())
    st, qc = vertex(g, "SenseTime").index, vertex(g, "Qualcomm").index
    (e,) = [e for e in g.es if {e.source, e.target} == {st, qc}]
    assert e["relation"] == "partneredWith" and e["label"] == "partnered with"
    assert e["date"] == "2017-10" and e["rule"] and e["source"].startswith("http")
    assert e["weight"] >= 1
    bis = vertex(g, "Bureau of Industry and Security").index
    (s,) = [e for e in g.es if (e.source, e.target) == (st, bis)]
    assert s["relation"] == "sanctionedBy" and s["date"] == "2019-10"


def test_graphml_keeps_different_relations_between_the_same_pair_apart(small, tmp_path):
    path = tmp_path / "small.graphml"
    path.write_bytes(to_graphml(small))
    g = igraph.Graph.Read_GraphML(str(path))
    foo, bar = vertex(g, "Foo Media").index, vertex(g, "Bar Holdings").index
    between = [e for e in g.es if {e.source, e.target} == {foo, bar}]
    assert sorted(e["relation"] for e in between) == ["partneredWith", "subsidiaryOf"]
    ids = etree.fromstring(path.read_bytes()).xpath("//*[local-name()='edge']/@id")
    assert len(ids) == len(set(ids)) == g.ecount()


# --- GEXF 1.3, read with lxml --------------------------------------------------------------------

@pytest.fixture(scope="module")
def gexf_seed(seed):
    return etree.fromstring(to_gexf(seed))


def test_gexf_is_version_1_3_dynamic_with_dates(gexf_seed):
    root = gexf_seed
    assert root.tag == GEXF + "gexf" and root.get("version") == "1.3"
    graph = root.find(GEXF + "graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    assert graph.get("defaultedgetype") == "directed"
    assert root.find(f"{GEXF}meta/{GEXF}creator").text == "wikikg"
    assert root.find(f"{GEXF}meta").get("lastmodifieddate") is None  # reproducible bytes


def test_gexf_nodes_have_labels_viz_colour_and_size(seed, gexf_seed):
    nodes = gexf_seed.findall(f".//{GEXF}node")
    assert len(nodes) == len(seed.entities)
    for n in nodes:
        ent = seed.entities[n.get("id")]
        assert n.get("label") == ent.label
        c = n.find(VIZ + "color")
        assert "#{:02X}{:02X}{:02X}".format(*(int(c.get(k)) for k in "rgb")) == color_of(ent.type)
        assert float(n.find(VIZ + "size").get("value")) >= 10


def test_gexf_edges_carry_kind_and_the_history(seed, gexf_seed):
    es = gexf_seed.findall(f".//{GEXF}edge")
    assert len(es) == len(edges(seed))
    relations = {e.relation for e in edges(seed)}
    assert {e.get("kind") for e in es} == relations
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", e.get("start")) for e in es if e.get("start"))
    years = {int(e.get("start")[:4]) for e in es if e.get("start")}
    assert {2014, 2017, 2019, 2021} <= years  # founding, partnerships, sanctions
    by = {(e.get("source")[len(RES):], e.get("kind"), e.get("target")[len(RES):]): e for e in es}
    assert by[("SenseTime", "foundedBy", "Tang_Xiao'ou")].get("start") == "2014-10-01"
    mit = by[("SenseTime", "partneredWith", "Massachusetts_Institute_of_Technology")]
    assert (mit.get("start"), mit.get("end")) == ("2018-02-01", "2020-12-31")
    assert mit.get("label") == "partnered with"
    titles = {a.get("title") for a in gexf_seed.iter(GEXF + "attribute")}
    assert {"relation", "date", "rule", "source", "type", "iri", "symmetric", "evidence", "programme"} <= titles
    assert "networkx_key" not in titles


def test_gexf_validates_against_the_normative_gexf_1_3_schema(seed, small):
    schema = etree.RelaxNG(etree.parse(str(GEXF_RNG)))
    for pg in (seed, small):
        doc = etree.fromstring(to_gexf(pg))
        assert schema.validate(doc), schema.error_log.last_error


def test_gexf_symmetric_relations_are_directed_edges_that_say_so(seed, gexf_seed):
    ids = {a.get("title"): a.get("id") for a in gexf_seed.iter(GEXF + "attribute")}
    assert all(e.get("type") is None for e in gexf_seed.iter(GEXF + "edge"))  # no mixed graph
    assert gexf_seed.find(GEXF + "graph").get("defaultedgetype") == "directed"
    for e in gexf_seed.iter(GEXF + "edge"):
        values = {v.get("for"): v.get("value") for v in e.iter(GEXF + "attvalue")}
        assert values[ids["symmetric"]] == ("true" if e.get("kind") in seed.symmetric else "false")


def _timeline(edges_: list[tuple[str, str, dict]]) -> dict:
    return {(s[len(RES):], d["relation"], t[len(RES):]): (d.get("start"), d.get("end")) for s, t, d in edges_}


def test_gexf_reads_back_with_networkx_with_its_timeline(seed, small, tmp_path):
    path = tmp_path / "seed.gexf"
    path.write_bytes(to_gexf(seed))
    g = nx.read_gexf(path)
    assert g.is_directed() and len(g) == len(seed.entities) and g.number_of_edges() == len(edges(seed))
    times = _timeline(list(g.edges(data=True)))
    assert times[("SenseTime", "partneredWith", "Massachusetts_Institute_of_Technology")] == ("2018-02-01", "2020-12-31")
    assert times[("SenseTime", "foundedBy", "Tang_Xiao'ou")] == ("2014-10-01", None)
    mit = g.edges[RES + "SenseTime", RES + "Massachusetts_Institute_of_Technology"]
    assert mit["symmetric"] is True and mit["label"] == "partnered with"
    path.write_bytes(to_gexf(small))  # two relations between one pair: a multigraph
    g = nx.read_gexf(path)
    between = g.get_edge_data(RES + "Foo_Media", RES + "Bar_Holdings")
    assert g.is_multigraph() and sorted(d["relation"] for d in between.values()) == ["partneredWith", "subsidiaryOf"]


@pytest.fixture(scope="module")
def graphology_reader():
    node = shutil.which("node")
    assert node, "node is needed to read GEXF with graphology (.ci/run installs it)"
    if not (JS / "node_modules" / "graphology-gexf").is_dir():
        npm = shutil.which("npm")
        assert npm, "npm is needed to install graphology-gexf (.ci/run installs it)"
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--prefix", str(JS)], check=True, timeout=600,
                       capture_output=True)

    def read(path: Path) -> dict:
        done = subprocess.run([node, str(JS / "read_gexf.js"), str(path)], capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    return read


def test_gexf_reads_back_with_graphology_with_its_timeline(seed, small, tmp_path, graphology_reader):
    path = tmp_path / "seed.gexf"
    path.write_bytes(to_gexf(seed))
    out = graphology_reader(path)
    assert out["type"] == "directed"
    nodes, es = out["graph"]["nodes"], out["graph"]["edges"]
    assert len(nodes) == len(seed.entities) and len(es) == len(edges(seed))
    times = _timeline([(e["source"], e["target"], e["attributes"]) for e in es])
    assert times[("SenseTime", "partneredWith", "Massachusetts_Institute_of_Technology")] == ("2018-02-01", "2020-12-31")
    assert times[("SenseTime", "sanctionedBy", "United_States_Department_of_the_Treasury")][0] == "2021-12-10"
    by_kind = {e["attributes"]["kind"] for e in es}
    assert by_kind == {e.relation for e in edges(seed)}
    st = next(n for n in nodes if n["key"] == RES + "SenseTime")["attributes"]
    assert st["label"] == "SenseTime" and st["color"].startswith("rgba(0,114,178")
    path.write_bytes(to_gexf(small))
    assert graphology_reader(path)["multi"] is True


# --- the sanctions story on the edge, no floating nodes ------------------------------------------

def test_sanction_edges_carry_the_programme_and_the_evidence(seed, igraph_seed, gexf_seed):
    st = vertex(igraph_seed, "SenseTime").index
    treasury = vertex(igraph_seed, "United States Department of the Treasury").index
    bis = vertex(igraph_seed, "Bureau of Industry and Security").index
    (t,) = [e for e in igraph_seed.es if (e.source, e.target) == (st, treasury)]
    assert t["programme"] == "Non-SDN Chinese Military-Industrial Complex Companies List"
    assert "investment blacklist" in t["evidence"] and "[[" not in t["evidence"]
    (b,) = [e for e in igraph_seed.es if (e.source, e.target) == (st, bis)]
    assert b["programme"] == "Entity List" and "Entity List" in b["evidence"]
    ids = {a.get("title"): a.get("id") for a in gexf_seed.iter(GEXF + "attribute")}
    (g,) = [e for e in gexf_seed.iter(GEXF + "edge") if e.get("target") == RES + "Bureau_of_Industry_and_Security"]
    values = {v.get("for"): v.get("value") for v in g.iter(GEXF + "attvalue")}
    assert values[ids["programme"]] == "Entity List" and "Xinjiang" in values[ids["evidence"]]


def test_no_node_without_an_edge_unless_the_whole_cast_is_asked_for(seed_ds, seed):
    linked = {x for e in edges(seed) for x in (e.subject, e.object)}
    assert set(seed.entities) == linked  # programmes, reporters, claims' objects: not floating nodes
    assert RES + "Entity_List" not in seed.entities and seed.name(RES + "Entity_List") == "Entity List"
    whole = property_graph(seed_ds, cast=True)
    assert RES + "Entity_List" in whole.entities and set(whole.entities) > set(seed.entities)


# --- registration and determinism ------------------------------------------------------------------

def test_registered_and_written_to_directories(seed_ds, tmp_path):
    assert FORMATS[".graphml"] and FORMATS[".gexf"]
    written = write(seed_ds, tmp_path / "out")
    assert {p.name for p in written} >= {"graph.graphml", "graph.gexf"}
    assert (tmp_path / "out" / "graph.gexf").read_bytes() == to_gexf(property_graph(seed_ds))


def test_same_input_same_bytes(seed, seed_ds):
    again = property_graph(seed_ds)
    assert to_graphml(seed) == to_graphml(again) and to_gexf(seed) == to_gexf(again)


def test_the_whole_cast_when_asked_for(seed_ds, seed, tmp_path):
    write(seed_ds, tmp_path / "all.gexf", cast=True)
    ids = {n.get("id") for n in etree.parse(str(tmp_path / "all.gexf")).iter(GEXF + "node")}
    assert RES + "Entity_List" in ids and len(ids) > len(seed.entities)
    write(seed_ds, tmp_path / "net.gexf")
    assert {n.get("id") for n in etree.parse(str(tmp_path / "net.gexf")).iter(GEXF + "node")} == set(seed.entities)


def test_export_draws_the_whole_cast_when_asked_for(seed_ds, seed, tmp_path):
    from click.testing import CliRunner

    from wikikg.cli import main
    from wikikg.formats.writers import write as write_graph

    write_graph(seed_ds, tmp_path / "seed.nq")
    for args, name in (([], "net.gexf"), (["--cast"], "all.gexf")):
        r = CliRunner().invoke(main, ["export", "--graph", str(tmp_path / "seed.nq"), "-o", str(tmp_path / name), *args])
        assert r.exit_code == 0, r.output
    ids = lambda name: {n.get("id") for n in etree.parse(str(tmp_path / name)).iter(GEXF + "node")}  # noqa: E731
    assert ids("net.gexf") == set(seed.entities)
    assert RES + "Entity_List" in ids("all.gexf") and len(ids("all.gexf")) > len(seed.entities)
