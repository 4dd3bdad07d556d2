"""FollowTheMoney entities (JSON lines) for OpenSanctions-style tools: parties, sanctions, links."""
from __future__ import annotations

import json
import re
from functools import cache

from followthemoney import model
from followthemoney.proxy import EntityProxy

from wikikg.formats.propertygraph import Edge, Entity, PropertyGraph, edges, evidence, programmes
from wikikg.kb.mappings import authorities
from wikikg.kb.places import countries

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
KEY_PREFIX = "wkg"
# What introduces a sanction's reason in English prose, after the authority or the list is named:
# "placed on the Entity List for using ...", "... because of its alleged abuses", "due to allegations that".
_REASON = re.compile(r"\b(?:because of|due to|on (?:the )?grounds? (?:of|that)|in response to|over|for|citing)\s+"
                     r"(?!(?:the first time|years?|months?|\d)\b)([^,;:()]+?)\s*(?:[,;:(]|\.\s*$|$)")


def entity_id(iri: str) -> str:
    """A stable FtM id for an IRI: followthemoney's make_id with the 'wkg' key prefix (a SHA-1)."""
    return model.make_entity("Thing", key_prefix=KEY_PREFIX).make_id(iri)


class _Out:
    """FtM entities being collected, built by followthemoney (its proxies clean every value: dates,
    countries, URLs), by id."""

    def __init__(self) -> None:
        self.items: dict[str, EntityProxy] = {}

    def add(self, schema: str, parts: tuple[str, ...], **props) -> str:
        """Add an entity, id made from `parts`, or more values to the one already there; its id."""
        proxy = model.make_entity(schema, key_prefix=KEY_PREFIX)
        proxy.make_id(*parts)
        proxy = self.items.setdefault(proxy.id, proxy)
        for name, value in props.items():
            for v in value if isinstance(value, (list, tuple, set)) else [value]:
                if v:
                    proxy.add(name, v)
        return proxy.id


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
    out.add(schema, (e.iri,), **props)
    return schema


def _link_props(e: Edge) -> dict:
    facts = e.facts
    return {"startDate": e.date, "endDate": e.end_date,
            "sourceUrl": sorted({c.url for f in facts for c in f.citations if c.url}),
            "publisher": sorted({c.publisher for f in facts for c in f.citations if c.publisher}),
            "summary": evidence(e)}


@cache
def _authority_country(title: str) -> str | None:
    """The country of a sanctioning authority the authorities table knows (by its Wikipedia title)."""
    found = next((a for a in authorities().authorities if a.key == title), None)
    return found.country if found else None


def _names(pg: PropertyGraph, iri: str) -> list[str]:
    ent = pg.entities.get(iri)
    return [pg.name(iri), *(ent.aliases if ent else ())]


def sanction_country(pg: PropertyGraph, e: Edge) -> str | None:
    """The country whose authority imposed the sanction: the authorities table's, else a country the
    authority's name gives ('United States Department of the Treasury'), else one the sentence puts
    just before it ('the United States Bureau of Industry and Security')."""
    known = _authority_country(pg.name(e.object))
    if known:
        return known
    names = sorted(countries(), key=len, reverse=True)
    for label in _names(pg, e.object):
        found = next((c for c in names if re.search(rf"(?<!\w){re.escape(c)}(?!\w)", label)), None)
        if found:
            return found
    for sentence in evidence(e):
        for label in _names(pg, e.object):
            at = sentence.find(label)
            if at > 0:
                found = next((c for c in names if sentence[:at].rstrip().endswith(c)), None)
                if found:
                    return found
    return None


def sanction_reasons(pg: PropertyGraph, e: Edge) -> list[str]:
    """The reasons the sentences give for the sanction: the clause after 'for', 'because of', 'due
    to', ... that follows the authority's or the programme's name (or the sentence's start)."""
    marks = _names(pg, e.object) + [p for f in e.facts if f.programme for p in _names(pg, f.programme)]
    reasons = set()
    for sentence in evidence(e):
        after = max((sentence.find(m) + len(m) for m in marks if m and m in sentence), default=0)
        m = _REASON.search(sentence, after)
        if m and len(m.group(1).split()) >= 2:
            reasons.add(m.group(1).strip())
    return sorted(reasons)


def _link(out: _Out, pg: PropertyGraph, e: Edge, schemas: dict[str, str]) -> None:
    s, o = schemas.get(e.subject), schemas.get(e.object)
    sid, oid = entity_id(e.subject), entity_id(e.object)
    link = (e.subject, e.relation, e.object)
    target = pg.entities[e.object]
    props = _link_props(e)
    if e.relation == "sanctionedBy" and s:
        out.add("Sanction", link, entity=sid, authority=target.label, program=programmes(pg, e),
                country=sanction_country(pg, e), reason=sanction_reasons(pg, e), **props)
    elif e.relation == "subsidiaryOf" and s == "Company" and o and o != "Person":
        out.add("Ownership", link, owner=oid, asset=sid, role="parent company", **props)
    elif e.relation in ("acquired", "investedIn") and o == "Company" and s:
        role = "acquirer" if e.relation == "acquired" else "investor"
        out.add("Ownership", link, owner=sid, asset=oid, role=role, **props)
    elif e.relation == "memberOf" and s and o in _ORGS:
        out.add("Membership", link, member=sid, organization=oid, **props)
    elif e.relation == "keyPerson" and s in _ORGS and o:
        out.add("Directorship", link, director=oid, organization=sid, role="key person", **props)
    elif e.relation == "headquarteredIn" and s and target.type == "Place":
        out.add(s, (e.subject,), address=target.label, country=target.label)
    elif e.relation == "subsidiaryOf" and s and o:
        out.add("UnknownLink", link, subject=sid, object=oid, role="subsidiary of", **props)
    elif e.relation in _ROLES and s and o:
        out.add("UnknownLink", link, subject=oid if e.relation in ("foundedBy", "hasAdvisor") else sid,
                object=sid if e.relation in ("foundedBy", "hasAdvisor") else oid,
                role=_ROLES[e.relation], **props)


def to_ftm_entities(pg: PropertyGraph) -> list[dict]:
    """FtM entity dicts (id, schema, properties), sorted by id, values sorted."""
    out = _Out()
    schemas = {iri: s for iri, e in sorted(pg.entities.items()) if (s := _party(out, e))}
    for e in edges(pg):
        _link(out, pg, e, schemas)
    docs = []
    for i, proxy in sorted(out.items.items()):
        d = proxy.to_dict()
        docs.append({"id": i, "schema": d["schema"],
                     "properties": {k: sorted(v) for k, v in sorted(d["properties"].items())}})
    return docs
def to_ftm(pg: PropertyGraph) -> bytes:
    """FtM entities as JSON lines (the format of `ftm` tools' *.ftm.json files)."""
    lines = [json.dumps(d, sort_keys=True, ensure_ascii=False) for d in to_ftm_entities(pg)]
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
