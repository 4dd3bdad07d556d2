"""Meta-tests for the data files of ontology/: wikikg.ttl (OWL), shapes.ttl (SHACL), authorities.toml."""
from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"

WKG = Namespace("https://w3id.org/wikikg/ontology#")
SHS = Namespace("https://w3id.org/wikikg/shapes#")
SCHEMA = Namespace("http://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # open namespace: pytest probes module attributes

# Vocabularies an alignment may point to (DESIGN.md §1).
EXTERNAL = (
    "http://schema.org/",
    "http://www.w3.org/ns/org#",
    "http://xmlns.com/foaf/0.1/",
    "http://www.w3.org/ns/prov#",
    "http://purl.org/dc/terms/",
    "http://dbpedia.org/ontology/",
    "http://www.wikidata.org/prop/direct/",
    "https://schema.followthemoney.tech/#",
)

ORGANIZATION_CLASSES = {
    "Organization", "Company", "University", "GovernmentAgency", "StockExchange", "NewsOrganization",
    "SportsClub", "ResearchInstitute", "MilitaryOrganization", "NonProfit",
}
EVENT_CLASSES = {
    "Founding", "Partnership", "Sanction", "Membership", "Listing", "Acquisition", "Affiliation",
    "Appointment", "Headquarters", "Office",
}
CLASSES = ORGANIZATION_CLASSES | EVENT_CLASSES | {
    "Person", "Place", "SanctionsProgramme", "Evidence", "Citation", "Event",
}
OBJECT_PROPERTIES = {
    "foundedBy", "partneredWith", "sanctionedBy", "memberOf", "listedOn", "headquarteredIn",
    "subsidiaryOf", "affiliatedWith", "hasAdvisor", "hasOfficeIn", "keyPerson", "investedIn",
    "educatedAt", "birthPlace", "locatedIn", "jurisdiction", "programme", "attributedTo", "article",
}
DATATYPE_PROPERTIES = {
    "foundingDate", "dissolutionDate", "industry", "organizationType", "ticker", "website", "birthDate",
    "occupation", "date", "endDate", "rule", "modality", "text", "plainText", "section", "charStart",
    "charEnd", "sourceFile",
}
# Properties with no exact super-property in the EXTERNAL vocabularies (related terms are given
# with rdfs:seeAlso). Listed so that a new property must either be aligned or be added here.
UNALIGNED_PROPERTIES = {
    "sanctionedBy", "hasAdvisor", "acquired", "programme", "article", "organizationType", "rule",
    "modality", "plainText", "section", "charStart", "charEnd", "sourceFile", "mentionedIn",
}
# Non-wkg classes a domain or range may name.
ALLOWED_EXTERNAL_TYPES = {RDF.Statement, RDFS.Literal, OWL.Thing, XSD.string, XSD.integer, XSD.anyURI}


@cache
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "wikikg.ttl", format="turtle")


@cache
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")


@cache
def authorities() -> dict:
    with open(ONTOLOGY_DIR / "authorities.toml", "rb") as f:
        return tomllib.load(f)


def _wkg_terms(kind: URIRef) -> set[URIRef]:
    return {s for s in ontology().subjects(RDF.type, kind) if isinstance(s, URIRef) and s.startswith(WKG)}


def _local(iri: URIRef) -> str:
    return str(iri)[len(str(WKG)):]


def _is_external(node) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(EXTERNAL)


def _aligned(term: URIRef, links: tuple[URIRef, ...], seen: frozenset = frozenset()) -> bool:
    """True when `term` reaches an EXTERNAL term through `links`, possibly via other wkg terms."""
    for sup in (o for p in links for o in ontology().objects(term, p)):
        sup = ontology().value(sup, OWL.inverseOf) if isinstance(sup, BNode) else sup  # [ owl:inverseOf p ]
        if _is_external(sup):
            return True
        if isinstance(sup, URIRef) and sup.startswith(WKG) and sup not in seen:
            if _aligned(sup, links, seen | {term}):
                return True
    return False


# --- the ontology ---------------------------------------------------------------------------------


def test_ontology_header():
    g = ontology()
    (onto,) = list(g.subjects(RDF.type, OWL.Ontology))
    assert g.value(onto, DCTERMS.title) is not None
    assert g.value(onto, DCTERMS.description) is not None
    assert g.value(onto, OWL.versionInfo) == Literal("0.1.0")
    assert g.value(onto, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert "only for facts the text states" in " ".join(
        str(o) for p in (DCTERMS.description, RDFS.comment) for o in g.objects(onto, p)
    ).replace("\n", " ")


def test_declared_classes_and_properties():
    assert {_local(c) for c in _wkg_terms(OWL.Class)} >= CLASSES
    assert {_local(p) for p in _wkg_terms(OWL.ObjectProperty)} >= OBJECT_PROPERTIES
    assert {_local(p) for p in _wkg_terms(OWL.DatatypeProperty)} >= DATATYPE_PROPERTIES
    assert not _wkg_terms(OWL.ObjectProperty) & _wkg_terms(OWL.DatatypeProperty)
    assert (WKG.partneredWith, RDF.type, OWL.SymmetricProperty) in ontology()


def test_class_hierarchy():
    g = ontology()
    for name in ORGANIZATION_CLASSES - {"Organization"}:
        assert (WKG[name], RDFS.subClassOf, WKG.Organization) in g, name
    for name in EVENT_CLASSES:
        assert (WKG[name], RDFS.subClassOf, WKG.Event) in g, name
    assert {PROV.Activity, SCHEMA.Event} <= set(g.objects(WKG.Event, RDFS.subClassOf))
    assert PROV.Entity in set(g.objects(WKG.Evidence, RDFS.subClassOf))
    assert SCHEMA.CreativeWork in set(g.objects(WKG.Citation, RDFS.subClassOf))


def test_every_term_is_documented():
    g = ontology()
    problems = []
    terms = _wkg_terms(OWL.Class) | _wkg_terms(OWL.ObjectProperty) | _wkg_terms(OWL.DatatypeProperty)
    for term in sorted(terms):
        for p in (RDFS.label, RDFS.comment):
            values = list(g.objects(term, p))
            if not any(isinstance(v, Literal) and v.language == "en" for v in values):
                problems.append(f"{_local(term)}: no {p.n3(g.namespace_manager)}@en")
    for prop in sorted(_wkg_terms(OWL.ObjectProperty) | _wkg_terms(OWL.DatatypeProperty)):
        for p in (RDFS.domain, RDFS.range):
            if g.value(prop, p) is None:
                problems.append(f"{_local(prop)}: no {p.n3(g.namespace_manager)}")
    assert not problems, "\n".join(problems)


def test_domains_and_ranges_name_known_classes():
    g = ontology()
    classes = _wkg_terms(OWL.Class)
    problems = []
    for prop in _wkg_terms(OWL.ObjectProperty) | _wkg_terms(OWL.DatatypeProperty):
        for p in (RDFS.domain, RDFS.range):
            for value in g.objects(prop, p):
                if isinstance(value, BNode):  # owl:unionOf ( ... )
                    members = list(Collection(g, g.value(value, OWL.unionOf)))
                else:
                    members = [value]
                problems += [f"{_local(prop)} {p}: {m}" for m in members
                             if m not in classes and m not in ALLOWED_EXTERNAL_TYPES]
    assert not problems, "\n".join(problems)


def test_every_class_is_aligned():
    links = (RDFS.subClassOf, OWL.equivalentClass)
    unaligned = [_local(c) for c in _wkg_terms(OWL.Class) if not _aligned(c, links)]
    assert not unaligned, f"classes with no alignment to {EXTERNAL}: {sorted(unaligned)}"


def test_properties_are_aligned_where_a_counterpart_exists():
    links = (RDFS.subPropertyOf, OWL.equivalentProperty)
    props = _wkg_terms(OWL.ObjectProperty) | _wkg_terms(OWL.DatatypeProperty)
    aligned = {_local(p) for p in props if _aligned(p, links)}
    assert aligned == {_local(p) for p in props} - UNALIGNED_PROPERTIES
    for name in UNALIGNED_PROPERTIES:  # a related external term is at least pointed to, or explained
        term = WKG[name]
        assert (term, RDFS.seeAlso, None) in ontology() or "counterpart" in str(
            ontology().value(term, RDFS.comment)), name


def test_core_alignments():
    g = ontology()
    expected = {
        "subsidiaryOf": URIRef("http://www.w3.org/ns/org#subOrganizationOf"),
        "affiliatedWith": SCHEMA.affiliation,
        "educatedAt": SCHEMA.alumniOf,
        "foundedBy": SCHEMA.founder,
        "attributedTo": PROV.wasAttributedTo,
    }
    for name, sup in expected.items():
        assert (WKG[name], RDFS.subPropertyOf, sup) in g, name


DBO = Namespace("http://dbpedia.org/ontology/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
WD = Namespace("http://www.wikidata.org/entity/")
FTM = Namespace("https://schema.followthemoney.tech/#")
ORG = Namespace("http://www.w3.org/ns/org#")


def test_alignments_to_dbpedia_org_ftm_and_wikidata():
    g = ontology()
    properties = {
        "foundedBy": {SCHEMA.founder, DBO.foundedBy, WDT.P112},
        "subsidiaryOf": {DBO.parentOrganisation, WDT.P749, FTM["LegalEntity:parent"]},
        "headquarteredIn": {DBO.headquarter, WDT.P159},
        "memberOf": {SCHEMA.memberOf, ORG.memberOf, WDT.P463},
        "listedOn": {WDT.P414},
        "educatedAt": {DBO.almaMater, WDT.P69},
        "keyPerson": {DBO.keyPerson, ORG.hasMember},
        "foundingDate": {SCHEMA.foundingDate, WDT.P571},
    }
    for name, sups in properties.items():
        assert sups <= set(g.objects(WKG[name], RDFS.subPropertyOf)), name
    (inverse,) = g.objects(WKG.investedIn, RDFS.subPropertyOf)
    assert g.value(inverse, OWL.inverseOf) == SCHEMA.funder
    classes = {"Company": (DBO.Company, FTM.Company, WD.Q4830453), "Person": (DBO.Person, FTM.Person, WD.Q5),
               "Organization": (DBO.Organisation, FTM.Organization, WD.Q43229)}
    for name, (dbo, ftm, item) in classes.items():
        sups = set(g.objects(WKG[name], RDFS.subClassOf))
        assert {dbo, ftm} <= sups, name
        restrictions = {(g.value(b, OWL.onProperty), g.value(b, OWL.hasValue)) for b in sups if isinstance(b, BNode)}
        assert restrictions == {(WDT.P31, item)}, name
    # narrower, never the same: no wkg term is declared equivalent to an external one
    assert not list(g.triples((None, OWL.equivalentClass, None)))
    assert not list(g.triples((None, OWL.equivalentProperty, None)))


def test_every_wkg_term_used_is_declared():
    declared = _wkg_terms(OWL.Class) | _wkg_terms(OWL.ObjectProperty) | _wkg_terms(OWL.DatatypeProperty) \
        | _wkg_terms(OWL.AnnotationProperty)
    for name, graph in (("wikikg.ttl", ontology()), ("shapes.ttl", shapes())):
        used = {n for t in graph for n in t if isinstance(n, URIRef) and n.startswith(WKG)}
        assert used <= declared, f"{name} uses undeclared terms: {sorted(map(_local, used - declared))}"


# --- the SHACL shapes -----------------------------------------------------------------------------

PREFIXES = """\
@prefix wkg:    <https://w3id.org/wikikg/ontology#> .
@prefix res:    <https://w3id.org/wikikg/resource/> .
@prefix rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .
@prefix owl:    <http://www.w3.org/2002/07/owl#> .
@prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <http://schema.org/> .
@prefix prov:   <http://www.w3.org/ns/prov#> .
@prefix dct:    <http://purl.org/dc/terms/> .
@prefix foaf:   <http://xmlns.com/foaf/0.1/> .
"""

# Follows the statement example of DESIGN.md §1.
CONFORMING = PREFIXES + """
res:SenseTime a wkg:Company ;
    rdfs:label "SenseTime"@en ;
    skos:altLabel "商汤科技"@zh , "SenseTime Group" ;
    owl:sameAs <http://dbpedia.org/resource/SenseTime> ;
    foaf:isPrimaryTopicOf <https://en.wikipedia.org/wiki/SenseTime> ;
    wkg:foundingDate "2014"^^xsd:gYear ;
    wkg:partneredWith res:Qualcomm ;
    wkg:sanctionedBy res:Bureau_of_Industry_and_Security .

res:Qualcomm a wkg:Company ; rdfs:label "Qualcomm"@en ; wkg:partneredWith res:SenseTime .
res:Bureau_of_Industry_and_Security a wkg:GovernmentAgency ; rdfs:label "Bureau of Industry and Security"@en .
res:Entity_List a wkg:SanctionsProgramme ; rdfs:label "Entity List"@en .

_:st a rdf:Statement , wkg:Partnership ;
    rdf:subject res:SenseTime ; rdf:predicate wkg:partneredWith ; rdf:object res:Qualcomm ;
    wkg:date "2017-10"^^xsd:gYearMonth ;
    wkg:rule "partnership.agreement" ;
    wkg:modality "asserted" ;
    prov:wasDerivedFrom [ a wkg:Evidence ;
        wkg:text "In October 2017, SenseTime partnered with [[Qualcomm]]." ;
        wkg:plainText "In October 2017, SenseTime partnered with Qualcomm." ;
        wkg:section "History / 2017" ; wkg:charStart 1234 ; wkg:charEnd 1290 ;
        wkg:article res:SenseTime ] ;
    dct:source [ a wkg:Citation ; schema:url <https://example.org/news/sensetime-qualcomm> ;
        dct:title "SenseTime and Qualcomm" ; dct:publisher "Example News" ;
        dct:date "2017-10-18"^^xsd:date ] .

<https://w3id.org/wikikg/statement/2> a rdf:Statement , wkg:Sanction ;
    rdf:subject res:SenseTime ; rdf:predicate wkg:sanctionedBy ;
    rdf:object res:Bureau_of_Industry_and_Security ;
    wkg:programme res:Entity_List ;
    wkg:date "2019-10-07"^^xsd:date ;
    wkg:rule "sanction.placed_on_list" ;
    prov:wasDerivedFrom <https://w3id.org/wikikg/evidence/2> .

<https://w3id.org/wikikg/evidence/2> a wkg:Evidence ;
    wkg:text "In October 2019, SenseTime was placed on the Entity List." ;
    wkg:section "" ; wkg:charStart 0 ; wkg:charEnd 57 .

<https://w3id.org/wikikg/statement/3> a rdf:Statement ;
    rdf:subject res:SenseTime ; rdf:predicate wkg:foundingDate ; rdf:object "2014"^^xsd:gYear ;
    wkg:rule "infobox.founded" ;
    prov:wasDerivedFrom <https://w3id.org/wikikg/evidence/2> .
"""

# (name, SPARQL Update applied to the conforming graph, a result path the report must name)
BROKEN = [
    ("statement without evidence",
     "DELETE { ?st prov:wasDerivedFrom ?ev } WHERE { ?st rdf:predicate wkg:partneredWith ; prov:wasDerivedFrom ?ev }",
     "prov:wasDerivedFrom"),
    ("entity without label",
     "DELETE WHERE { res:Qualcomm rdfs:label ?l }", "rdfs:label"),
    ("date with a wrong datatype",
     'DELETE { ?st wkg:date ?d } INSERT { ?st wkg:date "October 2017" } '
     "WHERE { ?st rdf:predicate wkg:partneredWith ; wkg:date ?d }", "wkg:date"),
    ("date as xsd:dateTime",
     'DELETE { ?st wkg:date ?d } INSERT { ?st wkg:date "2019-10-07T00:00:00"^^xsd:dateTime } '
     "WHERE { ?st rdf:predicate wkg:sanctionedBy ; wkg:date ?d }", "wkg:date"),
    ("two dates",
     'INSERT { ?st wkg:date "2018"^^xsd:gYear } WHERE { ?st rdf:predicate wkg:partneredWith }', "wkg:date"),
    ("label without language tag",
     'DELETE { res:Qualcomm rdfs:label ?l } INSERT { res:Qualcomm rdfs:label "Qualcomm" } '
     "WHERE { res:Qualcomm rdfs:label ?l }", "rdfs:label"),
    ("two labels", 'INSERT DATA { res:Qualcomm rdfs:label "Qualcomm Inc."@en }', "rdfs:label"),
    ("altLabel that is an IRI", "INSERT DATA { res:Qualcomm skos:altLabel res:QCOM }", "skos:altLabel"),
    ("statement without rule",
     "DELETE { ?st wkg:rule ?r } WHERE { ?st rdf:predicate wkg:sanctionedBy ; wkg:rule ?r }", "wkg:rule"),
    ("statement with two subjects",
     "INSERT { ?st rdf:subject res:Qualcomm } WHERE { ?st rdf:predicate wkg:sanctionedBy }", "rdf:subject"),
    ("statement with a literal subject",
     'DELETE { ?st rdf:subject ?s } INSERT { ?st rdf:subject "SenseTime" } '
     "WHERE { ?st rdf:predicate wkg:sanctionedBy ; rdf:subject ?s }", "rdf:subject"),
    ("statement without object",
     "DELETE { ?st rdf:object ?o } WHERE { ?st rdf:predicate wkg:foundingDate ; rdf:object ?o }", "rdf:object"),
    ("evidence not typed wkg:Evidence",
     "DELETE { ?ev a wkg:Evidence } WHERE { ?ev wkg:section \"History / 2017\" }", "prov:wasDerivedFrom"),
    ("evidence without text", "DELETE { ?ev wkg:text ?t } WHERE { ?ev a wkg:Evidence ; wkg:text ?t }", "wkg:text"),
    ("evidence with empty text",
     'DELETE { ?ev wkg:text ?t } INSERT { ?ev wkg:text "" } WHERE { ?ev wkg:section "" ; wkg:text ?t }',
     "wkg:text"),
    ("evidence without section", "DELETE WHERE { ?ev wkg:section \"\" }", "wkg:section"),
    ("negative offset",
     "DELETE { ?ev wkg:charStart ?s } INSERT { ?ev wkg:charStart -1 } WHERE { ?ev wkg:section \"\" ; wkg:charStart ?s }",
     "wkg:charStart"),
    ("offset as a string",
     'DELETE { ?ev wkg:charEnd ?e } INSERT { ?ev wkg:charEnd "57" } WHERE { ?ev wkg:section "" ; wkg:charEnd ?e }',
     "wkg:charEnd"),
    ("start after end",
     "DELETE { ?ev wkg:charStart ?s } INSERT { ?ev wkg:charStart 99 } WHERE { ?ev wkg:section \"\" ; wkg:charStart ?s }",
     "wkg:charStart"),
    ("citation url as a literal",
     'DELETE { ?c schema:url ?u } INSERT { ?c schema:url "https://example.org/x" } WHERE { ?c schema:url ?u }',
     "schema:url"),
    ("citation with two urls",
     "INSERT { ?c schema:url <https://example.org/other> } WHERE { ?c a wkg:Citation }", "schema:url"),
    ("citation title as an IRI",
     "DELETE { ?c dct:title ?t } INSERT { ?c dct:title <https://example.org/t> } WHERE { ?c dct:title ?t }",
     "dct:title"),
    ("source that is not a citation", "DELETE WHERE { ?c a wkg:Citation }", "dct:source"),
    ("unknown modality",
     'DELETE { ?st wkg:modality ?m } INSERT { ?st wkg:modality "maybe" } WHERE { ?st wkg:modality ?m }',
     "wkg:modality"),
    ("untyped subject of a core relation without label",
     "INSERT DATA { res:Unnamed wkg:memberOf res:SenseTime }", "rdfs:label"),
    ("an entity related to itself", "INSERT DATA { res:SenseTime wkg:subsidiaryOf res:SenseTime }",
     "wkg:subsidiaryOf"),
    ("a parent that is a place",
     'INSERT DATA { res:Ruritania a wkg:Place ; rdfs:label "Ruritania"@en . res:SenseTime wkg:subsidiaryOf res:Ruritania }',
     "wkg:subsidiaryOf"),
    ("a headquarters that is a person",
     'INSERT DATA { res:Jane a wkg:Person ; rdfs:label "Jane"@en . res:SenseTime wkg:headquarteredIn res:Jane }',
     "wkg:headquarteredIn"),
]


def test_a_place_with_a_parent_breaks_the_domain():
    data = _data('INSERT DATA { res:Ruritania a wkg:Place ; rdfs:label "Ruritania"@en . '
                 'res:Ruritania wkg:subsidiaryOf res:SenseTime }')
    conforms, results, text = _validate(data)
    assert not conforms
    assert any(str(results.value(r, SH.focusNode)).endswith("/Ruritania")
               for r in results.subjects(RDF.type, SH.ValidationResult)), text


def _data(update: str | None = None) -> Graph:
    g = Graph().parse(data=CONFORMING, format="turtle")
    if update:
        g.update(PREFIXES.replace("@prefix", "PREFIX").replace(" .\n", "\n") + update)
    return g


def _validate(data: Graph) -> tuple[bool, Graph, str]:
    conforms, results, text = validate(data, shacl_graph=shapes(), inference="none", advanced=False)
    return conforms, results, text


def _result_paths(results: Graph) -> set[str]:
    """The sh:resultPath of every result, as a CURIE with the prefixes of PREFIXES."""
    prefixes = {}
    for line in PREFIXES.splitlines():
        _, prefix, iri, _ = line.split()
        prefixes[iri.strip("<>")] = prefix
    paths = set()
    for r in results.subjects(RDF.type, SH.ValidationResult):
        path = str(results.value(r, SH.resultPath))
        ns = max((iri for iri in prefixes if path.startswith(iri)), key=len, default="")
        paths.add(prefixes[ns] + path[len(ns):] if ns else path)
    return paths


def test_shapes_parse_and_target_the_contract():
    g = shapes()
    node_shapes = set(g.subjects(RDF.type, SH.NodeShape))
    assert {SHS.EntityShape, SHS.StatementShape, SHS.EvidenceShape, SHS.CitationShape,
            SHS.CoreSubjectShape} <= node_shapes
    targets = set(g.objects(SHS.EntityShape, SH.targetClass))
    assert {WKG[c] for c in ORGANIZATION_CLASSES | {"Person", "Place"}} <= targets
    assert set(g.objects(SHS.CoreSubjectShape, SH.targetSubjectsOf)) == {
        WKG[p] for p in ("foundedBy", "partneredWith", "sanctionedBy", "memberOf", "listedOn",
                         "headquarteredIn", "subsidiaryOf", "affiliatedWith")
    }


def test_conforming_graph_conforms():
    conforms, _, text = _validate(_data())
    assert conforms, text


def test_shapes_are_valid_shacl():
    # meta_shacl validates shapes.ttl against the SHACL-SHACL shapes first (raises if invalid)
    conforms, _, text = validate(_data(), shacl_graph=shapes(), meta_shacl=True)
    assert conforms, text


def test_conforming_graph_conforms_with_the_ontology_mixed_in():
    conforms, _, text = _validate(_data() + ontology())
    assert conforms, text


@pytest.mark.parametrize("name,update,path", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_graph_is_rejected(name, update, path):
    data = _data(update)
    assert not isomorphic(data, _data()), "the update changed nothing"
    conforms, results, text = _validate(data)
    assert not conforms, f"{name}: accepted"
    assert path in _result_paths(results), text


# --- authorities.toml -----------------------------------------------------------------------------

REQUIRED_AUTHORITIES = {
    "Federal government of the United States", "United States Department of the Treasury",
    "Office of Foreign Assets Control", "United States Department of Commerce",
    "Bureau of Industry and Security", "United States Department of Defense",
    "United States Department of State", "Federal Communications Commission", "European Union",
    "Council of the European Union", "HM Treasury", "Office of Financial Sanctions Implementation",
    "United Nations Security Council", "Government of Canada", "Australian Government",
    "Department of Foreign Affairs and Trade (Australia)", "Ministry of Economy, Trade and Industry",
    "Ministry of Commerce of the People's Republic of China",
}
REQUIRED_PROGRAMMES = {
    "Entity List", "Unverified List", "Military End-User List",
    "Specially Designated Nationals and Blocked Persons List",
    "Non-SDN Chinese Military-Industrial Complex Companies List", "Section 1260H list", "Covered List",
    "EU consolidated sanctions list", "UK sanctions list", "United Nations Security Council Consolidated List",
    "Unreliable Entity List", "Sectoral Sanctions Identifications List", "Global Magnitsky Act",
}
REQUIRED_ALIASES = {
    "Federal government of the United States":
        {"U.S. government", "US government", "United States government", "American government"},
    "Bureau of Industry and Security": {"BIS", "U.S. Commerce Department's Bureau of Industry and Security"},
    "Office of Foreign Assets Control": {"OFAC"},
    "Entity List": {"entity list", "trade blacklist", "Entity List of the Bureau of Industry and Security"},
    "Non-SDN Chinese Military-Industrial Complex Companies List":
        {"NS-CMIC list", "investment blacklist", "investment ban"},
    "Specially Designated Nationals and Blocked Persons List": {"SDN list"},
    "Section 1260H list": {"Chinese military companies list"},
    "Global Magnitsky Act": {"Magnitsky sanctions"},
}


def _entries() -> list[tuple[str, dict]]:
    data = authorities()
    return [("authority", a) for a in data["authority"]] + [("programme", p) for p in data["programme"]]


def test_authorities_load_and_are_well_formed():
    data = authorities()
    assert set(data) == {"authority", "programme"}
    org_classes = {_local(c) for c in _wkg_terms(OWL.Class)
                   if c == WKG.Organization or (c, RDFS.subClassOf, WKG.Organization) in ontology()}
    keys = {a["key"] for a in data["authority"]}
    for a in data["authority"]:
        assert set(a) <= {"key", "type", "aliases", "country", "parent"}, a["key"]
        assert a["type"] in org_classes, a["key"]
        assert isinstance(a.get("country", ""), str)
        if "parent" in a:
            assert a["parent"] in keys, f"{a['key']}: unknown parent {a['parent']!r}"
    for p in data["programme"]:
        assert set(p) <= {"key", "linked", "authority", "aliases", "about"}, p["key"]
        assert p["authority"] in keys, f"{p['key']}: unknown authority {p['authority']!r}"
        assert isinstance(p.get("linked", True), bool)
    for _, e in _entries():
        assert isinstance(e["key"], str) and e["key"].strip() == e["key"] != ""
        assert all(isinstance(x, str) and x.strip() == x != "" for x in e["aliases"]), e["key"]


def test_authority_parents_have_no_cycles():
    parents = {a["key"]: a.get("parent") for a in authorities()["authority"]}
    for key in parents:
        seen, cur = set(), key
        while cur is not None:
            assert cur not in seen, f"parent cycle through {key}"
            seen.add(cur)
            cur = parents[cur]


def test_no_duplicate_keys_or_aliases():
    owner: dict[str, str] = {}  # case-folded name -> the key of the entry that uses it
    for _kind, e in _entries():
        names = [e["key"], *e["aliases"]]
        assert len(names) == len(set(names)), f"{e['key']}: repeated name"
        for name in {n.casefold() for n in names}:
            assert name not in owner, f"{name!r} used by both {owner[name]!r} and {e['key']!r}"
            owner[name] = e["key"]


def test_required_coverage():
    data = authorities()
    assert REQUIRED_AUTHORITIES <= {a["key"] for a in data["authority"]}
    assert REQUIRED_PROGRAMMES <= {p["key"] for p in data["programme"]}
    aliases = {e["key"]: set(e["aliases"]) for _, e in _entries()}
    for key, required in REQUIRED_ALIASES.items():
        assert required <= aliases[key], f"{key}: missing {required - aliases[key]}"


def test_a_member_is_a_person_an_organisation_or_a_country():
    """memberOf's domain (wikikg.ttl) and shapes.ttl agree: a country may be a member, a programme may not."""
    country = _data('INSERT DATA { res:Ruritania a wkg:Place ; rdfs:label "Ruritania"@en . '
                    'res:Ruritania wkg:memberOf res:SenseTime }')
    assert _validate(country)[0]
    programme = _data('INSERT DATA { res:Prog a wkg:SanctionsProgramme ; rdfs:label "Prog"@en . '
                      'res:Prog wkg:memberOf res:SenseTime }')
    conforms, results, text = _validate(programme)
    assert not conforms
    assert any(str(results.value(r, SH.focusNode)).endswith("/Prog")
               for r in results.subjects(RDF.type, SH.ValidationResult)), text
