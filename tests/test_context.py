"""Tests for the published JSON-LD context (ontology/context.jsonld): generated from the ontology by
wikikg.kb.context, current, and used by to_jsonld."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph
from rdflib import OWL, RDF, Graph
from rdflib.compare import isomorphic

from wikikg.formats.writers import jsonld_context, to_jsonld, union
from wikikg.kb import context as generator
from wikikg.kb.ontology import WKG, ontology_graph
from wikikg.pipeline.stages import build

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "sensetime.wikitext"
CONTEXT = ROOT / "ontology" / "context.jsonld"


def test_the_shipped_context_is_the_generated_one():
    """ontology/context.jsonld is generated from ontology/wikikg.ttl; a stale copy fails here."""
    assert CONTEXT.read_bytes() == generator.render().encode("utf-8"), (
        f"ontology/context.jsonld is stale; regenerate it: {generator.COMMAND}")
    assert generator.is_current() and generator.main(["--check"]) == 0


def test_check_reports_a_stale_context(tmp_path, monkeypatch, capsys):
    for f in generator.ontology_dir().iterdir():
        if f.is_file():
            shutil.copy(f, tmp_path / f.name)
    ttl = tmp_path / "wikikg.ttl"
    ttl.write_text(ttl.read_text("utf-8") + "\nwkg:newTerm a owl:DatatypeProperty .\n", "utf-8")
    monkeypatch.setattr(generator, "ontology_dir", lambda: tmp_path)
    monkeypatch.setattr(generator, "ontology_graph", lambda: Graph().parse(ttl, format="turtle"))
    assert generator.context()["newTerm"] == {"@id": "wkg:newTerm"}
    assert generator.main(["--check"]) == 1
    assert generator.COMMAND in capsys.readouterr().err
    (tmp_path / "context.jsonld").write_text(generator.render(), "utf-8")
    assert generator.main(["--check"]) == 0


def test_main_prints_the_file(capsysbinary):
    assert generator.main([]) == 0
    assert capsysbinary.readouterr().out == CONTEXT.read_bytes()
    assert generator.main(["--bogus"]) == 2


def test_context_names_every_property_of_the_ontology():
    ctx = json.loads(CONTEXT.read_text("utf-8"))["@context"]
    assert ctx == jsonld_context() == generator.context()
    assert ctx["wkg"] == str(WKG) and ctx["@vocab"] == str(WKG)
    onto = ontology_graph()
    for kind, coerced in ((OWL.ObjectProperty, True), (OWL.DatatypeProperty, False)):
        for p in onto.subjects(RDF.type, kind):
            if str(p).startswith(str(WKG)):
                name = str(p)[len(str(WKG)):]
                assert name in ctx, f"{name!r} missing: {generator.COMMAND}"
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
