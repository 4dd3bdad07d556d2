"""Plain text and wikitext of the seed agree (issue 3); a graph works as gold for another graph."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import RDF

from wikikg.cli import main
from wikikg.formats.writers import union
from wikikg.kb.ontology import PROV, WKG
from wikikg.pipeline.stages import build
from wikikg.quality.agreement import gold_from_graph
from wikikg.quality.evaluate import load_gold, score

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def wikitext_graph() -> Graph:
    return union(build([str(SEEDS / "sensetime.wikitext")]).dataset)


@pytest.fixture(scope="module")
def text_graph() -> Graph:
    result = build([str(SEEDS / "sensetime.txt")], kind="text", title="SenseTime")
    assert result.errors == []
    return union(result.dataset)


def test_plain_text_finds_most_of_what_wikitext_finds(wikitext_graph, text_graph):
    reference = gold_from_graph(wikitext_graph)
    assert len(reference.relations) >= 25  # the seed's core facts, not an empty reference
    report = score(text_graph, reference)
    assert report.core.recall >= 0.8, report
    assert report.core.precision >= 0.85, report


def test_plain_text_is_precise_against_the_hand_gold(text_graph):
    report = score(text_graph, load_gold(ROOT / "tests" / "gold" / "sensetime.tsv"))
    assert report.core.precision >= 0.85 and report.core.recall >= 0.8, report


def test_plain_text_evidence_is_verbatim(text_graph):
    text = (SEEDS / "sensetime.txt").read_text("utf-8")
    statements = list(text_graph.subjects(RDF.type, RDF.Statement))
    assert len(statements) > 30
    for st in statements:
        ev = text_graph.value(st, PROV.wasDerivedFrom)
        start, end = int(text_graph.value(ev, WKG.charStart)), int(text_graph.value(ev, WKG.charEnd))
        assert text[start:end] == str(text_graph.value(ev, WKG.text))


def test_a_graph_is_its_own_perfect_gold(wikitext_graph):
    report = score(wikitext_graph, gold_from_graph(wikitext_graph))
    assert report.core.tp > 0 and report.core.fp == 0 and report.core.fn == 0
    assert report.dates_correct == report.dates_checked > 0


def test_gold_from_graph_keeps_the_earliest_date_and_types():
    g = Graph().parse(format="turtle", data="""
        @prefix wkg: <https://w3id.org/wikikg/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
        <urn:a> a wkg:Company, wkg:Organization ; rdfs:label "Acme" ; wkg:partneredWith <urn:b> .
        <urn:b> a wkg:Organization ; rdfs:label "Bolt" ; wkg:partneredWith <urn:a> .
        <urn:s1> rdf:subject <urn:a> ; rdf:predicate wkg:partneredWith ; rdf:object <urn:b> ;
            wkg:date "2019" .
        <urn:s2> rdf:subject <urn:b> ; rdf:predicate wkg:partneredWith ; rdf:object <urn:a> ;
            wkg:date "2017-05" .
    """)
    gold = gold_from_graph(g)
    assert gold.entities == {"Acme": frozenset({"Company"}), "Bolt": frozenset({"Organization"})}
    [rel] = gold.relations
    assert rel.predicate == "partneredWith" and rel.date == "2017-05"


def test_eval_command_takes_a_graph_as_gold(tmp_path, wikitext_graph):
    ref = tmp_path / "ref.ttl"
    wikitext_graph.serialize(ref, format="turtle")
    txt = tmp_path / "txt.ttl"
    assert CliRunner().invoke(main, ["build", str(SEEDS / "sensetime.txt"), "--kind", "text",
                                     "--title", "SenseTime", "-o", str(txt)]).exit_code == 0
    run = CliRunner().invoke(main, ["eval", str(txt), "--gold", str(ref), "--min-f1", "0.8"])
    assert run.exit_code == 0, run.output
    assert "core (micro)" in run.output and "partneredWith" in run.output
