"""FollowTheMoney entities (JSON lines) for OpenSanctions-style tools: parties, sanctions, links."""
from __future__ import annotations

import hashlib
import json

import pycountry

from wikikg.formats.propertygraph import Edge, Entity, PropertyGraph, edges

__all__ = ["SCHEMA_OF_TYPE", "entity_id", "to_ftm", "to_ftm_entities"]

# Palette class (netexport.primary_type) -> FtM schema. Places and sanctions programmes
# are not parties: they become text properties (address, country, program) of other entities.
SCHEMA_OF_TYPE = {
    "Person": "Person", "Company": "Company", "GovernmentAgency": "PublicBody",
    "University": "Organization", "StockExchange": "Organization", "Organization": "Organization",
    "Thing": "LegalEntity",
}
# Literal-valued facts (node attributes) -> FtM property, per schema that has it.
_ATTRIBUTES = {
    "foundingDate": "incorporationDate", "dissolutionDate": "dissolutionDate", "website": "website",
    "industry": "sector", "ticker": "ticker", "organizationType": "legalForm",
    "birthDate": "birthDate", "occupation": "position",
}
_ORG_PROPS = {"incorporationDate", "dissolutionDate", "website", "sector", "legalForm"}
_ALLOWED = {"Person": {"birthDate", "position", "website"}, "Company": _ORG_PROPS | {"ticker"}}
# Relations that become an UnknownLink (subject, object, role); others are handled below.
_ROLES = {"partneredWith": "partner", "foundedBy": "founder", "hasAdvisor": "advisor",
          "affiliatedWith": "affiliated with", "educatedAt": "educated at"}
_ORGS = {"Company", "Organization", "PublicBody"}


def entity_id(iri: str) -> str:
    """A stable FtM id for an IRI (FtM ids are letters, digits, '.' and '-')."""
    return "wkg-" + hashlib.sha1(iri.encode("utf-8")).hexdigest()[:20]


def _country(label: str) -> str | None:
    try:
        found = pycountry.countries.lookup(label)
    except LookupError:
        return None
    return found.alpha_2.lower()


class _Out:
    """FtM entities being collected: id -> (schema, {property: set of values})."""

    def __init__(self) -> None:
        self.items: dict[str, tuple[str, dict[str, set[str]]]] = {}

    def add(self, id_: str, schema: str, **props) -> None:
        """Add an entity or more values to one already there."""
        _s, values = self.items.setdefault(id_, (schema, {}))
        for name, value in props.items():
            for v in value if isinstance(value, (list, tuple, set)) else [value]:
                if v:
                    values.setdefault(name, set()).add(str(v))


def _party(out: _Out, e: Entity) -> str | None:
    schema = SCHEMA_OF_TYPE.get(e.type)
    if schema is None:
        return None
    props: dict[str, list] = {"name": [e.label], "alias": list(e.aliases),
                              "wikipediaUrl": [e.wikipedia]}
    for attr, value in e.attributes:
        prop = _ATTRIBUTES.get(attr)
        if prop in _ALLOWED.get(schema, _ORG_PROPS):
            props.setdefault(prop, []).append(value)
    out.add(entity_id(e.iri), schema, **props)
    return schema


def _link_props(e: Edge) -> dict:
    facts = e.facts
    return {"startDate": e.date, "endDate": e.end_date,
            "sourceUrl": sorted({c.url for f in facts for c in f.citations if c.url}),
            "publisher": sorted({c.publisher for f in facts for c in f.citations if c.publisher}),
            "summary": sorted({f.plain or f.text for f in facts if f.plain or f.text})}


def _link(out: _Out, pg: PropertyGraph, e: Edge, schemas: dict[str, str]) -> None:
    s, o = schemas.get(e.subject), schemas.get(e.object)
    sid, oid = entity_id(e.subject), entity_id(e.object)
    link = "wkg-" + hashlib.sha1(f"{e.subject} {e.relation} {e.object}".encode()).hexdigest()[:20]
    target = pg.entities[e.object]
    props = _link_props(e)
    if e.relation == "sanctionedBy" and s:
        programmes = sorted({pg.entities[f.programme].label if f.programme in pg.entities
                             else f.programme for f in e.facts if f.programme})
        out.add(link, "Sanction", entity=sid, authority=target.label, program=programmes, **props)
    elif e.relation == "subsidiaryOf" and s == "Company" and o and o != "Person":
        out.add(link, "Ownership", owner=oid, asset=sid, role="parent company", **props)
    elif e.relation in ("acquired", "investedIn") and o == "Company" and s:
        role = "acquirer" if e.relation == "acquired" else "investor"
        out.add(link, "Ownership", owner=sid, asset=oid, role=role, **props)
    elif e.relation == "memberOf" and s and o in _ORGS:
        out.add(link, "Membership", member=sid, organization=oid, **props)
    elif e.relation == "keyPerson" and s in _ORGS and o:
        out.add(link, "Directorship", director=oid, organization=sid, role="key person", **props)
    elif e.relation == "headquarteredIn" and s and target.type == "Place":
        out.add(sid, s, address=target.label, country=_country(target.label))
    elif e.relation == "subsidiaryOf" and s and o:
        out.add(link, "UnknownLink", subject=sid, object=oid, role="subsidiary of", **props)
    elif e.relation in _ROLES and s and o:
        out.add(link, "UnknownLink", subject=oid if e.relation in ("foundedBy", "hasAdvisor") else sid,
                object=sid if e.relation in ("foundedBy", "hasAdvisor") else oid,
                role=_ROLES[e.relation], **props)


def to_ftm_entities(pg: PropertyGraph) -> list[dict]:
    """FtM entity dicts (id, schema, properties), sorted by id, values sorted."""
    out = _Out()
    schemas = {iri: s for iri, e in sorted(pg.entities.items()) if (s := _party(out, e))}
    for e in edges(pg):
        _link(out, pg, e, schemas)
    return [{"id": i, "schema": schema, "properties": {k: sorted(v) for k, v in sorted(props.items())}}
            for i, (schema, props) in sorted(out.items.items())]


def to_ftm(pg: PropertyGraph) -> bytes:
    """FtM entities as JSON lines (the format of `ftm` tools' *.ftm.json files)."""
    lines = [json.dumps(d, sort_keys=True, ensure_ascii=False) for d in to_ftm_entities(pg)]
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
