"""Tests for wikikg.formats.ftm: every entity validates against the followthemoney model."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from followthemoney import model
from followthemoney.types import registry

from wikikg.formats.ftm import entity_id, to_ftm, to_ftm_entities
from wikikg.formats.writers import FORMATS, format_of, property_graph, write
from wikikg.pipeline.stages import build

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "sensetime.wikitext"
RES = "https://w3id.org/wikikg/resource/"
SMALL = ("'''Foo Media''' is a company founded by [[Jane Roe]] in 2010. Foo Media is a subsidiary of "
         "[[Bar Holdings]].\n")


@pytest.fixture(scope="module")
def seed_ds():
    return build([str(SEED)]).dataset


@pytest.fixture(scope="module")
def seed(seed_ds):
    return to_ftm_entities(property_graph(seed_ds))


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    d = tmp_path_factory.mktemp("small")
    (d / "Foo_Media.wikitext").write_text(SMALL, "utf-8")
    return to_ftm_entities(property_graph(build([str(d)]).dataset))


def validate(entities: list[dict]) -> None:
    """What an FtM loader checks, and what Schema.validate leaves out (unknown or missing props,
    references to entities that are not there or of the wrong schema)."""
    ids = {e["id"]: e for e in entities}
    assert len(ids) == len(entities)
    for e in entities:
        schema = model.get(e["schema"])
        assert schema is not None and not schema.abstract, e["schema"]
        assert registry.entity.validate(e["id"]), e["id"]
        assert set(e["properties"]) <= set(schema.properties), (e["schema"], set(e["properties"]))
        assert set(schema.required) <= set(e["properties"]), (e["schema"], schema.required)
        schema.validate(e)  # raises InvalidData on a value its type rejects
        for name, values in e["properties"].items():
            prop = schema.properties[name]
            assert values and all(prop.type.validate(v) for v in values), (name, values)
            if prop.type == registry.entity:
                for ref in values:
                    assert ref in ids, (e["schema"], name, ref)
                    assert model.get(ids[ref]["schema"]).is_a(prop.range), (name, prop.range)
        proxy = model.get_proxy(e)
        assert proxy.schema.name == e["schema"] and proxy.caption


def by_schema(entities, schema):
    return [e for e in entities if e["schema"] == schema]


def test_seed_entities_validate(seed):
    validate(seed)
    schemas = {e["schema"] for e in seed}
    assert {"Company", "Person", "PublicBody", "Organization", "Sanction", "Membership",
            "UnknownLink"} <= schemas


def test_parties_carry_names_aliases_and_literal_facts(seed):
    (st,) = [e for e in seed if e["id"] == entity_id(RES + "SenseTime")]
    p = st["properties"]
    assert st["schema"] == "Company" and p["name"] == ["SenseTime"]
    assert p["incorporationDate"] == ["2014-10"] and p["ticker"] == ["0020"]
    assert p["sector"] == ["Artificial intelligence"] and p["country"] == ["hk"]
    assert p["wikipediaUrl"] == ["https://en.wikipedia.org/wiki/SenseTime"]
    people = {e["properties"]["name"][0] for e in by_schema(seed, "Person")}
    assert "Tang Xiao'ou" in people
    bodies = {e["properties"]["name"][0] for e in by_schema(seed, "PublicBody")}
    assert "Bureau of Industry and Security" in bodies
    assert not any(e["properties"].get("name") == ["Hong Kong"] for e in seed)  # places are not parties


def test_sanctions_have_authority_program_date_and_source(seed):
    sanctions = {e["properties"]["authority"][0]: e["properties"] for e in by_schema(seed, "Sanction")}
    bis = sanctions["Bureau of Industry and Security"]
    assert bis["entity"] == [entity_id(RES + "SenseTime")]
    assert bis["program"] == ["Entity List"] and bis["startDate"] == ["2019-10"]
    assert bis["sourceUrl"] and all(u.startswith("http") for u in bis["sourceUrl"])
    assert bis["summary"]  # the evidence sentence
    treasury = sanctions["United States Department of the Treasury"]
    assert treasury["startDate"] == ["2021-12-10"]


def test_memberships_and_partnerships(seed):
    members = by_schema(seed, "Membership")
    assert len(members) >= 9 and all(m["properties"]["startDate"] for m in members)
    partners = [e for e in by_schema(seed, "UnknownLink") if e["properties"]["role"] == ["partner"]]
    qualcomm = entity_id(RES + "Qualcomm")
    (link,) = [e for e in partners if qualcomm in e["properties"]["object"] + e["properties"]["subject"]]
    assert link["properties"]["startDate"] == ["2017-10"]


def test_subsidiary_is_an_ownership(small):
    validate(small)
    (own,) = by_schema(small, "Ownership")
    assert own["properties"]["owner"] == [entity_id(RES + "Bar_Holdings")]
    assert own["properties"]["asset"] == [entity_id(RES + "Foo_Media")]
    founders = [e for e in by_schema(small, "UnknownLink") if e["properties"]["role"] == ["founder"]]
    assert founders[0]["properties"]["subject"] == [entity_id(RES + "Jane_Roe")]


def test_json_lines_registered_with_a_double_extension(seed_ds, tmp_path):
    assert format_of(tmp_path / "x.ftm.json") == ".ftm.json"
    assert format_of(tmp_path / "X.FTM.JSONL") == ".ftm.jsonl"
    assert format_of(tmp_path / "x.json") is None
    out = tmp_path / "seed.ftm.json"
    write(seed_ds, out)
    data = out.read_bytes()
    assert data == FORMATS[".ftm.json"](seed_ds) == to_ftm(property_graph(seed_ds))
    lines = data.decode("utf-8").splitlines()
    entities = [json.loads(line) for line in lines]
    assert [e["id"] for e in entities] == sorted(e["id"] for e in entities)
    validate(entities)


def test_sanctions_have_the_country_and_the_reason_the_text_gives(seed):
    sanctions = {e["properties"]["authority"][0]: e["properties"] for e in by_schema(seed, "Sanction")}
    assert {p["country"][0] for p in sanctions.values()} == {"us"}
    bis = sanctions["Bureau of Industry and Security"]
    assert bis["reason"] == ["using its technology for human rights abuses in Xinjiang"]
    treasury = sanctions["United States Department of the Treasury"]
    assert treasury["reason"] == ["its alleged human rights abuses in Xinjiang"]
    assert treasury["program"] == ["Non-SDN Chinese Military-Industrial Complex Companies List"]


def test_no_reason_where_the_text_gives_none(tmp_path):
    (tmp_path / "Foo_Media.wikitext").write_text(
        "'''Foo Media''' is a company. In 2020, Foo Media was added to the [[Entity List]] by the "
        "[[Bureau of Industry and Security]].\n", "utf-8")
    entities = to_ftm_entities(property_graph(build([str(tmp_path)]).dataset))
    validate(entities)
    (sanction,) = by_schema(entities, "Sanction")
    assert sanction["properties"]["country"] == ["us"] and "reason" not in sanction["properties"]


def test_entities_are_built_by_followthemoney(seed):
    proxy = model.make_entity("Company", key_prefix="wkg")
    assert entity_id(RES + "SenseTime") == proxy.make_id(RES + "SenseTime")
    (st,) = [e for e in seed if e["id"] == entity_id(RES + "SenseTime")]
    assert st["properties"]["website"] == [model.get("Company").get("website").type.clean(
        st["properties"]["website"][0])]
    assert all(u.startswith(("http://", "https://")) for u in st["properties"]["website"])  # cleaned URL
