"""Tests for wikikg.quality.evaluate on small hand-made graphs and on the shipped gold files."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib.namespace as ns
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from wikikg.quality.evaluate import CORE_PREDICATES, format_report, load_gold, normalise, score

WKG = Namespace("https://w3id.org/wikikg/ontology#")
RES = Namespace("https://w3id.org/wikikg/resource/")
GOLD_DIR = Path(__file__).parent / "gold"
ALLOWED_TYPES = {"Company", "Person", "University", "GovernmentAgency", "Organization",
                 "StockExchange", "Place"}

GOLD_TEXT = """\
# a tiny gold file
kind\tsubject\tpredicate\tobject\tdate
entity\tSenseTime\ttype\tCompany
entity\tTang Xiao'ou\ttype\tPerson
entity\tQualcomm\ttype\tOrganization
entity\tMassachusetts Institute of Technology\ttype\tUniversity
alias\tMassachusetts Institute of Technology\taltLabel\tMIT
relation\tSenseTime\tfoundedBy\tTang Xiao'ou\t2014-10
relation\tSenseTime\tpartneredWith\tQualcomm\t2017-10
relation\tSenseTime\tpartneredWith\tMassachusetts Institute of Technology\t2018-02
"""


def write_gold(tmp_path: Path, text: str = GOLD_TEXT):
    path = tmp_path / "gold.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def entity(g: Graph, key: str, label: str, cls: str, *alts: str) -> URIRef:
    node = RES[key]
    g.add((node, RDFS.label, Literal(label, lang="en")))
    for alt in alts:
        g.add((node, SKOS.altLabel, Literal(alt, lang="en")))
    g.add((node, RDF.type, WKG[cls]))
    return node


def edge(g: Graph, s: URIRef, p: str, o: URIRef, date: str | None = None, dtype=ns.XSD.gYearMonth):
    g.add((s, WKG[p], o))
    st = BNode()
    g.add((st, RDF.type, RDF.Statement))
    g.add((st, RDF.subject, s))
    g.add((st, RDF.predicate, WKG[p]))
    g.add((st, RDF.object, o))
    if date is not None:
        g.add((st, WKG.date, Literal(date, datatype=dtype)))


def perfect_graph() -> tuple[Graph, dict[str, URIRef]]:
    g = Graph()
    n = {
        "st": entity(g, "SenseTime", "SenseTime", "Company"),
        "tang": entity(g, "Tang_Xiao'ou", "Tang Xiao\u2019ou", "Person"),  # curly apostrophe
        "qc": entity(g, "Qualcomm", "Qualcomm", "Organization"),
        "mit": entity(g, "Massachusetts_Institute_of_Technology",
                      "Massachusetts Institute of Technology", "University", "MIT"),
    }
    edge(g, n["st"], "foundedBy", n["tang"], "2014-10")
    edge(g, n["st"], "partneredWith", n["qc"], "2017-10")
    edge(g, n["st"], "partneredWith", n["mit"], "2018-02")
    return g, n


def test_perfect_graph_scores_one(tmp_path):
    gold = load_gold(write_gold(tmp_path))
    graph, _ = perfect_graph()
    report = score(graph, gold)
    assert (report.core.tp, report.core.fp, report.core.fn) == (3, 0, 0)
    assert report.core.precision == report.core.recall == report.core.f1 == 1.0
    assert report.relation("partneredWith").f1 == 1.0
    assert report.relation("subsidiaryOf").f1 is None  # nothing either side
    assert (report.types_found, report.types_correct, report.types_total) == (4, 4, 4)
    assert (report.dates_checked, report.dates_correct) == (3, 3)
    assert not report.misses and not report.false_positives and not report.date_errors
    assert [r.name for r in report.relations][:8] == list(CORE_PREDICATES)


def test_missing_edge_lowers_recall(tmp_path):
    gold = load_gold(write_gold(tmp_path))
    graph, n = perfect_graph()
    graph.remove((n["st"], WKG.partneredWith, n["qc"]))
    report = score(graph, gold)
    pw = report.relation("partneredWith")
    assert (pw.tp, pw.fp, pw.fn) == (1, 0, 1)
    assert pw.precision == 1.0 and pw.recall == 0.5
    assert report.core.recall == pytest.approx(2 / 3)
    assert [(m.subject, m.object) for m in report.misses] == [("SenseTime", "Qualcomm")]
    assert "SenseTime --partneredWith--> Qualcomm" in format_report(report)


def test_extra_edge_lowers_precision(tmp_path):
    gold = load_gold(write_gold(tmp_path))
    graph, n = perfect_graph()
    honda = entity(graph, "Honda", "Honda", "Company")
    edge(graph, n["st"], "partneredWith", honda, "2017-12")
    edge(graph, n["st"], "subsidiaryOf", honda)
    report = score(graph, gold)
    pw = report.relation("partneredWith")
    assert (pw.tp, pw.fp, pw.fn) == (2, 1, 0)
    assert pw.precision == pytest.approx(2 / 3) and pw.recall == 1.0
    sub = report.relation("subsidiaryOf")  # a core predicate absent from the gold still counts
    assert (sub.tp, sub.fp, sub.fn) == (0, 1, 0)
    assert report.core.precision == pytest.approx(3 / 5)
    assert {(f.predicate, f.subject_label, f.object_label) for f in report.false_positives} == {
        ("partneredWith", "SenseTime", "Honda"), ("subsidiaryOf", "SenseTime", "Honda")}
    text = format_report(report)
    assert "SenseTime --subsidiaryOf--> Honda" in text


def test_alias_matching(tmp_path):
    gold = load_gold(write_gold(tmp_path))
    graph = Graph()
    # The graph knows MIT only by its acronym, and SenseTime with a leading "The" and odd spacing.
    st = entity(graph, "X1", "The  SenseTime", "Company")
    mit = entity(graph, "X2", "MIT", "University")
    edge(graph, st, "partneredWith", mit, "2018-02")
    report = score(graph, gold)
    pw = report.relation("partneredWith")
    assert (pw.tp, pw.fp, pw.fn) == (1, 0, 1)
    # A graph altLabel naming the gold's canonical name also matches.
    graph2 = Graph()
    st2 = entity(graph2, "X1", "Sense Time Co", "Company", "SenseTime")
    q = entity(graph2, "X3", "QUALCOMM", "Organization")
    edge(graph2, st2, "partneredWith", q)
    assert score(graph2, gold).relation("partneredWith").tp == 1


def test_normalise():
    assert normalise("  The\u00a0Chinese  University ") == "chinese university"
    assert normalise("Tang Xiao\u2019ou") == normalise("TANG XIAO'OU")
    assert normalise("\uff2d\uff29\uff34") == "mit"  # full-width letters via NFKC


def test_symmetric_partneredwith(tmp_path):
    gold = load_gold(write_gold(tmp_path))
    graph, n = perfect_graph()
    # Reverse one partnership; add the reverse of the other as well (must count once).
    graph.remove((n["st"], WKG.partneredWith, n["qc"]))
    edge(graph, n["qc"], "partneredWith", n["st"], "2017-10")
    graph.add((n["mit"], WKG.partneredWith, n["st"]))
    report = score(graph, gold)
    pw = report.relation("partneredWith")
    assert (pw.tp, pw.fp, pw.fn) == (2, 0, 0)
    assert report.dates_correct == report.dates_checked == 3
    # foundedBy is not symmetric: reversed, it is a miss and a false positive.
    graph.remove((n["st"], WKG.foundedBy, n["tang"]))
    graph.add((n["tang"], WKG.foundedBy, n["st"]))
    fb = score(graph, gold).relation("foundedBy")
    assert (fb.tp, fb.fp, fb.fn) == (0, 1, 1)


def test_dates_right_and_wrong(tmp_path):
    gold = load_gold(write_gold(tmp_path))
    graph = Graph()
    st = entity(graph, "SenseTime", "SenseTime", "Company")
    tang = entity(graph, "Tang", "Tang Xiao'ou", "Person")
    qc = entity(graph, "Qualcomm", "Qualcomm", "Organization")
    mit = entity(graph, "MIT", "Massachusetts Institute of Technology", "University")
    edge(graph, st, "foundedBy", tang, "2014", dtype=ns.XSD.gYear)  # less precise than the gold
    edge(graph, st, "partneredWith", qc, "2017-10")
    edge(graph, st, "partneredWith", qc, "2019-01")  # a second statement: any one may carry the date
    edge(graph, st, "partneredWith", mit)  # no date at all
    report = score(graph, gold)
    assert report.core.f1 == 1.0
    assert (report.dates_checked, report.dates_correct) == (3, 1)
    errors = {(d.relation.predicate, d.relation.object): d.graph_dates for d in report.date_errors}
    assert errors == {("foundedBy", "Tang Xiao'ou"): {"2014"},
                      ("partneredWith", "Massachusetts Institute of Technology"): set()}
    assert "gold 2014-10; graph 2014" in format_report(report)


def test_types(tmp_path):
    gold = load_gold(write_gold(tmp_path))
    graph, n = perfect_graph()
    graph.set((n["qc"], RDF.type, WKG.Company))  # gold Organization: a finer class is wrong
    graph.add((n["mit"], RDF.type, WKG.Organization))  # a superclass next to the right class is fine
    report = score(graph, gold)
    assert (report.types_found, report.types_correct) == (4, 3)
    assert [t.name for t in report.type_errors] == ["Qualcomm"]
    graph.remove((n["tang"], None, None))
    report = score(graph, gold)
    assert report.types_not_found == ("Tang Xiao'ou",)


@pytest.mark.parametrize("line, why", [
    ("relation\tSenseTime\tfoundedBy", "columns"),
    ("relation\tSenseTime\tfoundedBy\tTang Xiao'ou\t2014-13", "bad date"),
    ("relation\tSenseTime\tfoundedBy\tTang Xiao'ou\tOctober 2014", "bad date"),
    ("relation\tSenseTime\tfounded by\tTang Xiao'ou", "bad predicate"),
    ("relation\tSenseTime\tfoundedBy\tNobody", "no 'entity' line"),
    ("relation\tQualcomm\tpartneredWith\tSenseTime\t2017-10", "already given on line 9"),
    ("entity\tHonda\ttype\tcompany", "bad type"),
    ("alias\tHonda\taltLabel\tHonda Motor", "no 'entity' line"),
    ("fact\tSenseTime\tfoundedBy\tTang Xiao'ou", "unknown kind"),
    ("entity SenseTime type Company", "unknown kind"),
])
def test_malformed_line_raises_with_line_number(tmp_path, line, why):
    path = write_gold(tmp_path, GOLD_TEXT + "\n" + line + "\n")
    with pytest.raises(ValueError) as info:
        load_gold(path)
    message = str(info.value)
    assert f"{path}:12:" in message  # line 11 is blank
    assert why in message


def test_trailing_empty_date_column_is_accepted(tmp_path):
    gold = load_gold(write_gold(tmp_path, GOLD_TEXT.replace("\t2018-02", "\t")))
    dates = {r.object: r.date for r in gold.relations}
    assert dates["Massachusetts Institute of Technology"] is None
    assert dates["Qualcomm"] == "2017-10"
    assert gold.aliases == {"Massachusetts Institute of Technology": frozenset({"MIT"})}


@pytest.mark.parametrize("path", sorted(GOLD_DIR.glob("*.tsv")), ids=lambda p: p.name)
def test_shipped_gold_is_well_formed(path):
    gold = load_gold(path)  # parses: columns, dates, declared entities, no duplicate facts
    assert gold.relations
    for name, types in gold.entities.items():
        assert types and types <= ALLOWED_TYPES, name
    for r in gold.relations:
        assert gold.entities.get(r.subject) and gold.entities.get(r.object), r
        assert r.date is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", r.date), r
    keys = [normalise(n) for n in gold.entities]
    assert len(keys) == len(set(keys)), "two gold entities normalise to the same name"


def test_sensetime_gold_content():
    gold = load_gold(GOLD_DIR / "sensetime.tsv")
    assert ("SenseTime", "foundedBy", "Tang Xiao'ou", "2014-10") in gold.relations
    assert ("SenseTime", "listedOn", "Hong Kong Stock Exchange", "2021-12-30") in gold.relations
    assert gold.entities["Shanghai Municipal Government"] == {"GovernmentAgency"}
    assert "MIT" in gold.aliases["Massachusetts Institute of Technology"]
    # A gold file scored against a graph built from itself is perfect.
    graph = Graph()
    nodes = {}
    for i, (name, types) in enumerate(sorted(gold.entities.items())):
        nodes[name] = entity(graph, f"E{i}", name, next(iter(types)))
    for r in gold.relations:
        edge(graph, nodes[r.subject], r.predicate, nodes[r.object], r.date)
    report = score(graph, gold)
    assert report.overall.f1 == 1.0
    assert report.types_correct == report.types_total
    assert report.dates_correct == report.dates_checked
