"""Tests for wikikg.pipeline.gazetteer: a previous graph's entities recognised by name in new articles."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.namespace import RDFS

from wikikg.cli import main
from wikikg.formats.writers import union
from wikikg.model import Article
from wikikg.pipeline.gazetteer import GazetteerError, load_gazetteer
from wikikg.pipeline.stages import extract_article

ROOT = Path(__file__).resolve().parents[1]
KNOWN = """
@prefix wkg: <https://w3id.org/wikikg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix res: <https://w3id.org/wikikg/resource/> .
res:Borealis_Dynamics a wkg:Company ; rdfs:label "Borealis Dynamics"@en ; skos:altLabel "BDX"@en .
res:University_of_Eastmarch a wkg:University ; rdfs:label "University of Eastmarch"@en .
<https://w3id.org/wikikg/resource/name/north_bank> a wkg:Company ; rdfs:label "North Bank"@en .
res:Alpha_One a wkg:Company ; rdfs:label "Alpha One"@en ; skos:altLabel "Twin"@en .
res:Alpha_Two a wkg:Company ; rdfs:label "Alpha Two"@en ; skos:altLabel "Twin"@en .
<https://w3id.org/wikikg/resource/fact/abc> a wkg:Partnership ; rdfs:label "Not an entity"@en .
"""
TEXT = ("Glacier Labs is a software company. In 2019, Glacier Labs partnered with BDX and the "
        "University of Eastmarch. Twin signed an agreement with Glacier Labs. North Bank invested in it.")


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    path = tmp_path_factory.mktemp("gaz") / "known.ttl"
    path.write_text(KNOWN, encoding="utf-8")
    return load_gazetteer(path)


def test_entities_aliases_and_types_are_loaded(gazetteer):
    assert gazetteer.entities["BDX"].key == "Borealis Dynamics"
    assert gazetteer.entities["BDX"].types == {"Company"} and gazetteer.entities["BDX"].linked
    assert gazetteer.entities["North Bank"].linked is False
    assert "Not an entity" not in gazetteer.entities  # statement nodes are not entities


def test_a_name_two_entities_share_is_not_used(gazetteer):
    assert "Twin" not in {name for name, _ in gazetteer.find(TEXT)}
    assert len(gazetteer) == 6  # 5 entities' names + an alias, without the ambiguous one


def test_found_only_as_whole_words(gazetteer):
    assert gazetteer.find("the BDXL chip") == []
    assert [n for n, _ in gazetteer.find("sold to BDX.")] == ["BDX"]


def test_plain_text_with_a_gazetteer_links_known_entities(gazetteer):
    article = Article("Glacier Labs", TEXT, "x", "text")
    plain = extract_article(article)
    known = extract_article(article, gazetteer)
    partners = {st.obj.key: st.obj for st in known.statements if st.predicate == "partneredWith"}
    assert partners["Borealis Dynamics"].linked and "Company" in partners["Borealis Dynamics"].types
    assert "University" in partners["University of Eastmarch"].types
    assert "Borealis Dynamics" not in {getattr(st.obj, "key", "") for st in plain.statements}
    for st in known.statements:  # still verbatim evidence
        assert TEXT[st.evidence.start:st.evidence.end] == st.evidence.text


def test_missing_gazetteer_is_a_clear_error(tmp_path):
    with pytest.raises(GazetteerError, match="no such"):
        load_gazetteer(tmp_path / "nope.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(GazetteerError, match="bad.ttl"):
        load_gazetteer(bad)
    run = CliRunner().invoke(main, ["build", str(ROOT / "seeds" / "sensetime.txt"), "--gazetteer",
                                    str(tmp_path / "nope.ttl"), "-o", str(tmp_path / "x.ttl")])
    assert run.exit_code != 0 and "nope.ttl" in run.output


def test_build_with_the_seed_graph_as_gazetteer_shares_its_iris(tmp_path):
    ref, txt = tmp_path / "ref.nq", tmp_path / "txt.ttl"
    run = CliRunner()
    assert run.invoke(main, ["build", str(ROOT / "seeds" / "sensetime.wikitext"), "-o", str(ref)]).exit_code == 0
    res = run.invoke(main, ["build", str(ROOT / "seeds" / "sensetime.txt"), "--title", "SenseTime",
                            "--gazetteer", str(ref), "-o", str(txt)])
    assert res.exit_code == 0, res.output
    named = lambda g: {s for s in g.subjects(RDFS.label) if "/resource/" in str(s)  # noqa: E731
                       and not any(p in str(s) for p in ("/fact/", "/evidence/", "/citation/"))}
    reference = union(Dataset().parse(ref, format="nquads"))
    text_entities = named(Graph().parse(txt))
    shared = text_entities & named(reference)
    assert len(shared) >= 0.9 * len(text_entities) and len(text_entities) > 20


def test_a_store_directory_is_a_gazetteer(tmp_path):
    store = tmp_path / "store"
    run = CliRunner().invoke(main, ["build", str(ROOT / "seeds" / "sensetime.wikitext"), "--store", str(store)])
    assert run.exit_code == 0, run.output
    gaz = load_gazetteer(store)
    assert gaz.entities["Qualcomm"].key == "Qualcomm" and gaz.entities["Qualcomm"].linked
    assert "University" in gaz.entities["Massachusetts Institute of Technology"].types
    assert gaz.entities["MIT"].key == "Massachusetts Institute of Technology"  # an alias


def test_a_pickled_gazetteer_still_drops_ambiguous_names(gazetteer):
    import pickle

    copy = pickle.loads(pickle.dumps(gazetteer))  # as Dask and spawned workers receive it
    assert "Twin" not in {name for name, _ in copy.find(TEXT)} and len(copy) == len(gazetteer)


def test_the_gazetteer_reaches_pool_workers(tmp_path):
    from wikikg.formats.writers import to_nquads
    from wikikg.pipeline.stages import build

    ref = tmp_path / "ref.nq"
    assert CliRunner().invoke(main, ["build", str(ROOT / "seeds" / "sensetime.wikitext"), "-o", str(ref)]).exit_code == 0
    gaz = load_gazetteer(ref)
    texts = []
    for i in range(3):  # several articles, so the pool really gets work
        p = tmp_path / f"copy{i}.txt"
        p.write_text((ROOT / "seeds" / "sensetime.txt").read_text("utf-8"), encoding="utf-8")
        texts.append(str(p))
    one = to_nquads(build(texts, kind="text", jobs=1, gazetteer=gaz).dataset)
    two = to_nquads(build(texts, kind="text", jobs=2, gazetteer=gaz).dataset)
    assert one == two and b"/resource/Qualcomm>" in one
