"""Tests for the published JSON-LD context (ontology/context.jsonld) and its use by to_jsonld."""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph
from rdflib import OWL, RDF, Graph
from rdflib.compare import isomorphic

from wikikg.formats.writers import jsonld_context, to_jsonld, union
from wikikg.kb.ontology import WKG, ontology_graph
from wikikg.pipeline.stages import build

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "sensetime.wikitext"
CONTEXT = ROOT / "ontology" / "context.jsonld"


def test_context_names_every_property_of_the_ontology():
    ctx = json.loads(CONTEXT.read_text("utf-8"))["@context"]
    assert ctx == jsonld_context()
    assert ctx["wkg"] == str(WKG) and ctx["@vocab"] == str(WKG)
    onto = ontology_graph()
    for kind, coerced in ((OWL.ObjectProperty, True), (OWL.DatatypeProperty, False)):
        for p in onto.subjects(RDF.type, kind):
            if str(p).startswith(str(WKG)):
                name = str(p)[len(str(WKG)):]
                assert name in ctx, f"add {name!r} to ontology/context.jsonld"
                assert ctx[name]["@id"] == f"wkg:{name}"
                assert (ctx[name].get("@type") == "@id") is coerced, name


def test_jsonld_uses_the_context_and_round_trips():
    ds = build([str(SEED)]).dataset
    data = to_jsonld(ds)
    doc = json.loads(data)
    assert doc["@context"] == jsonld_context()
    res = jsonld_context()["res"]
    nodes = {n["@id"].replace("res:", res, 1): n for n in doc["@graph"]}  # compact IRI or not
    st = nodes[res + "SenseTime"]
    assert "Company" in st["@type"] and "industry" in st and "label" in st
    assert isomorphic(Graph().parse(data=data, format="json-ld"), union(ds))
    quads = list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.JSON_LD))
    assert len(quads) == len(union(ds))
