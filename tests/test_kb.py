"""Tests for wikikg.kb: closed schemas of the ontology/ data files, typed records, what the ontology says."""
from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest

from wikikg.errors import RuleError
from wikikg.kb import mappings, names, rules, schema, sections, vocabulary
from wikikg.kb.ontology import ontology_dir

ROOT = Path(__file__).resolve().parents[1]
REFUSED = tomllib.loads((ROOT / "tests" / "cases" / "kb" / "refused.toml").read_text("utf-8"))["case"]
LOADERS = {
    "relations.toml": rules.load_relations, "cues.toml": rules.load_cues, "names.toml": names.load_names,
    "infobox.toml": mappings.load_infoboxes, "exchanges.toml": mappings.load_exchanges,
    "authorities.toml": mappings.load_authorities, "sections.toml": sections.load_sections,
}


def _copy(tmp_path: Path) -> Path:
    for f in ontology_dir().iterdir():
        if f.is_file():
            shutil.copy(f, tmp_path / f.name)
    return tmp_path


# --- every data file loads, and a typo in any of them is refused ---------------------------------

def test_every_data_file_has_a_loader():
    data = {f.name for f in ontology_dir().iterdir() if f.name.endswith(".toml")}
    assert data == set(LOADERS)
    assert {c["file"] for c in REFUSED} == set(LOADERS)


@pytest.mark.parametrize("file", sorted(LOADERS))
def test_the_shipped_file_loads(file, tmp_path):
    assert LOADERS[file](_copy(tmp_path)) == LOADERS[file]()  # a directory argument reads that copy


@pytest.mark.parametrize("case", REFUSED, ids=[c["name"] for c in REFUSED])
def test_a_broken_copy_is_refused(case, tmp_path):
    path = _copy(tmp_path) / case["file"]
    text = path.read_text("utf-8")
    assert case["find"] in text, f"{case['name']}: {case['find']!r} is not in {case['file']} any more"
    path.write_text(text.replace(case["find"], case["replace"], 1), "utf-8")
    with pytest.raises(RuleError) as err:
        LOADERS[case["file"]](tmp_path)
    for part in case["message"]:
        assert part in str(err.value), f"{part!r} not in {str(err.value)!r}"


def test_invalid_toml_is_a_rule_error(tmp_path):
    (_copy(tmp_path) / "exchanges.toml").write_text("[[exchange]\n", "utf-8")
    with pytest.raises(RuleError, match="exchanges.toml: not valid TOML"):
        mappings.load_exchanges(tmp_path)


def test_schema_messages_name_the_path():
    s = schema.Table({"a": schema.Items(schema.Table({"id": str, "b": schema.Table({"c": int})}, named_by="id"))})
    with pytest.raises(RuleError, match=r"f.toml a 'x' b: unknown key 'cc' \(did you mean 'c'\?\)"):
        schema.check({"a": [{"id": "x", "b": {"cc": 1}}]}, s, "f.toml")
    with pytest.raises(RuleError, match=r"f.toml a #1: unknown key 'zzz' \(valid: b, id\)"):
        schema.check({"a": [{"zzz": 1}]}, s, "f.toml")
    with pytest.raises(RuleError, match=r"f.toml \[x\]: missing key 'y'"):
        schema.check({"x": {}}, schema.Table({"x": schema.Table({"y": str}, frozenset({"y"}))}), "f.toml")


# --- typed records --------------------------------------------------------------------------------

def test_records_are_typed_and_frozen():
    box = mappings.infoboxes().kinds[0]
    assert isinstance(box, mappings.InfoboxKind) and isinstance(box.mappings[0], mappings.InfoboxMapping)
    assert all(isinstance(s, sections.SectionSpec) and isinstance(s.heading, re.Pattern) for s in sections.sections())
    assert all(isinstance(e, mappings.Exchange) for e in mappings.exchanges())
    auth = mappings.authorities()
    assert auth.programme(auth.programmes[0].key) is auth.programmes[0] and auth.programme("no such") is None
    with pytest.raises(AttributeError):
        box.kind = "other"  # frozen


def test_name_tables_keep_the_file_order():
    tables = names.name_tables()
    text = (ROOT / "ontology" / "names.toml").read_text("utf-8")
    order = re.findall(r"^\[shape\.(\w+)\]", text, re.M)
    assert list(tables.shape) == order  # the order classes win in
    assert tables.legal.cls in vocabulary.classes()


# --- what the ontology says -----------------------------------------------------------------------

def test_organisation_classes_come_from_the_hierarchy():
    orgs = vocabulary.org_classes()
    assert {"Organization", "Company", "University", "GovernmentAgency", "StockExchange"} <= orgs
    assert "Person" not in orgs and "Place" not in orgs
    assert vocabulary.subclasses("Organization") == orgs - {"Organization"}
    assert vocabulary.superclasses("NewsOrganization") == ("Organization",)
    assert vocabulary.subclasses("Person") == frozenset()


def test_symmetry_domain_and_range():
    assert vocabulary.symmetric_properties() == {"partneredWith"}
    assert vocabulary.is_symmetric("partneredWith") and not vocabulary.is_symmetric("foundedBy")
    assert vocabulary.domain("sanctionedBy") == {"Organization", "Person"}  # an owl:unionOf
    assert vocabulary.range_of("listedOn") == {"StockExchange"}
    assert vocabulary.range_of("ticker") == {"http://www.w3.org/2001/XMLSchema#string"}
    assert vocabulary.labels()["partneredWith"] == "partnered with"


def test_symmetric_rules_are_the_rules_of_symmetric_relations():
    for rule in rules.relation_rules():
        assert rule.symmetric == vocabulary.is_symmetric(rule.relation), rule.id


def test_type_groups_are_derived_from_the_hierarchy():
    assert rules.type_group("org") == vocabulary.org_classes() - {"StockExchange"}
    assert rules.type_group("agent") == rules.type_group("org") | {"Person"}


def test_priorities_folds_and_core_classes():
    order = vocabulary.classes_by_priority()
    assert order[0] == "Person" and order.index("Company") < order.index("Organization")
    assert set(order) <= vocabulary.classes()
    assert vocabulary.shown_as("ResearchInstitute") == "University" and vocabulary.shown_as("Company") is None
    assert vocabulary.core_classes() == {"Company", "Person", "University", "GovernmentAgency", "Organization",
                                         "StockExchange", "Place"}


def test_legal_suffixes_are_one_list():
    every, plain = names.legal_suffixes(), names.legal_suffixes(ambiguous=False)
    assert {"Ltd.", "Inc", "GmbH", "LLC"} <= set(plain) and "AB" in every and "AB" not in plain
    assert set(plain) < set(every)
    assert [len(f) for f in every] == sorted((len(f) for f in every), reverse=True)  # longest first


# --- IRIs -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("title,iri", [
    ("Zürich", "Zürich"),  # non-ASCII as it is: DBpedia publishes IRIs, not percent-encoded URIs
    ("São Paulo", "São_Paulo"),
    ("AT&T", "AT&T"),  # sub-delims stay (DBpedia's release checks refuse %26, %28 ...)
    ("Acme (company)", "Acme_(company)"),
    ("C++", "C++"),
    ('"Weird Al" Yankovic', "%22Weird_Al%22_Yankovic"),  # what an IRI cannot hold is encoded
    ("What?", "What%3F"),
    ("100%", "100%25"),
    ("Tag\U000e0001", "Tag%F3%A0%80%81"),  # outside RFC 3987's ucschar: encoded
    ("\U00020000", "\U00020000"),
])
def test_dbpedia_iri_is_spelled_as_dbpedia_spells_it(title, iri):
    from wikikg.kb.ontology import dbpedia_iri

    assert dbpedia_iri(title) == "http://dbpedia.org/resource/" + iri
