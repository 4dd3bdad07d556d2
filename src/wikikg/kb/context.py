"""The JSON-LD context of the wkg: vocabulary (ontology/context.jsonld), generated from the ontology."""
# After changing the properties of ontology/wikikg.ttl, regenerate the shipped file with
#     python -m wikikg.kb.context > ontology/context.jsonld
# (`python -m wikikg.kb.context --check` exits 1, saying so, when the shipped file is stale).
from __future__ import annotations

import json
import sys

from rdflib.namespace import DCTERMS, FOAF, OWL, RDF, RDFS, SKOS, XSD

from wikikg.kb.ontology import DBR, PROV, RES, SCHEMA, WKG, ontology_dir, ontology_graph

FILE = "context.jsonld"
COMMAND = f"python -m wikikg.kb.context > ontology/{FILE}"

# The prefixes of the graphs wikikg writes, in the order the context lists them (wkg: is also @vocab).
PREFIXES = (("wkg", WKG), ("res", RES), ("dbr", DBR), ("schema", SCHEMA), ("prov", PROV),
            ("dct", DCTERMS), ("skos", SKOS), ("foaf", FOAF), ("owl", OWL), ("rdfs", RDFS),
            ("rdf", RDF), ("xsd", XSD))

# The terms of other vocabularies the writers use: short name, compact IRI, whether the value is an IRI.
FOREIGN_TERMS = (
    ("label", "rdfs:label", False), ("altLabel", "skos:altLabel", False),
    ("sameAs", "owl:sameAs", True), ("isPrimaryTopicOf", "foaf:isPrimaryTopicOf", True),
    ("subject", "rdf:subject", True), ("predicate", "rdf:predicate", True), ("object", "rdf:object", False),
    ("wasDerivedFrom", "prov:wasDerivedFrom", True), ("source", "dct:source", True),
    ("url", "schema:url", True), ("title", "dct:title", False), ("publisher", "dct:publisher", False),
)


def _wkg_properties(kind) -> list[str]:
    """Local names of the wkg: properties of one OWL kind, sorted."""
    prefix = str(WKG)
    return sorted(str(p)[len(prefix):] for p in set(ontology_graph().subjects(RDF.type, kind))
                  if str(p).startswith(prefix))


def context() -> dict:
    """The "@context" mapping: the prefixes, the foreign terms, then every wkg: object property
    (values coerced to IRIs) and every wkg: datatype property of ontology/wikikg.ttl, by name."""
    ctx: dict = {"@vocab": str(WKG)}
    ctx.update((prefix, str(ns)) for prefix, ns in PREFIXES)
    for name, curie, is_iri in FOREIGN_TERMS:
        ctx[name] = {"@id": curie, "@type": "@id"} if is_iri else {"@id": curie}
    for name in _wkg_properties(OWL.ObjectProperty):
        ctx[name] = {"@id": f"wkg:{name}", "@type": "@id"}
    for name in _wkg_properties(OWL.DatatypeProperty):
        ctx[name] = {"@id": f"wkg:{name}"}
    return ctx


def render() -> str:
    """The text of ontology/context.jsonld as the ontology implies it."""
    return json.dumps({"@context": context()}, indent=2) + "\n"


def is_current() -> bool:
    """Whether the shipped ontology/context.jsonld is what render() gives."""
    return (ontology_dir() / FILE).read_bytes() == render().encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    """Print the context file's text, or with --check exit 1 (saying what to run) when the file is stale."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["--check"]:
        if is_current():
            return 0
        print(f"ontology/{FILE} is stale; regenerate it: {COMMAND}", file=sys.stderr)
        return 1
    if args:
        print("usage: python -m wikikg.kb.context [--check]", file=sys.stderr)
        return 2
    sys.stdout.buffer.write(render().encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
