"""What wikikg.ttl says of its terms: the class hierarchy, symmetry, domain, range, labels, priorities."""
from __future__ import annotations

from functools import cache

from rdflib import BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from wikikg.kb.ontology import WKG, ontology_graph

__all__ = ["classes", "classes_by_priority", "core_classes", "domain", "is_symmetric", "labels",
           "org_classes", "properties", "range_of", "shown_as", "subclasses", "superclasses", "symmetric_properties"]

_NS = str(WKG)


def _local(term) -> str | None:
    """The wkg: local name of a term, None for a term of another vocabulary."""
    return str(term)[len(_NS):] if isinstance(term, URIRef) and str(term).startswith(_NS) else None


def _names(terms) -> frozenset[str]:
    return frozenset(n for n in map(_local, terms) if n)


@cache
def classes() -> frozenset[str]:
    """Local names of every class wikikg.ttl declares."""
    return _names(ontology_graph().subjects(RDF.type, OWL.Class))


@cache
def properties() -> frozenset[str]:
    """Local names of every property wikikg.ttl declares (every typed wkg: term that is no class)."""
    return _names(s for s in ontology_graph().subjects(RDF.type, None) if _local(s) not in classes())


@cache
def subclasses(cls: str) -> frozenset[str]:
    """Every class below `cls` (rdfs:subClassOf, transitively), without `cls` itself."""
    g, out, todo = ontology_graph(), set(), [WKG[cls]]
    while todo:
        for sub in g.subjects(RDFS.subClassOf, todo.pop()):
            name = _local(sub)
            if name and name not in out:
                out.add(name)
                todo.append(sub)
    return frozenset(out)


@cache
def superclasses(cls: str) -> tuple[str, ...]:
    """The wkg: classes above `cls`, nearest first (breadth first along rdfs:subClassOf)."""
    g, out, level = ontology_graph(), [], [WKG[cls]]
    while level:
        nxt = []
        for c in level:
            for sup in sorted(g.objects(c, RDFS.subClassOf)):
                name = _local(sup)
                if name and name not in out:
                    out.append(name)
                    nxt.append(sup)
        level = nxt
    return tuple(out)


@cache
def org_classes() -> frozenset[str]:
    """wkg:Organization and every class below it."""
    return subclasses("Organization") | {"Organization"}


@cache
def symmetric_properties() -> frozenset[str]:
    """Local names of the properties declared owl:SymmetricProperty."""
    return _names(ontology_graph().subjects(RDF.type, OWL.SymmetricProperty))


def is_symmetric(prop: str) -> bool:
    """Whether wikikg.ttl declares the property owl:SymmetricProperty (a -p-> b means b -p-> a)."""
    return prop in symmetric_properties()


def _members(node) -> frozenset[str]:
    """The classes a domain or range names: one class, or each class of an owl:unionOf."""
    g = ontology_graph()
    if isinstance(node, BNode) and g.value(node, OWL.unionOf) is not None:
        return frozenset().union(*(_members(m) for m in Collection(g, g.value(node, OWL.unionOf))))
    name = _local(node)
    return frozenset({name}) if name else frozenset({str(node)})


@cache
def domain(prop: str) -> frozenset[str]:
    """The classes the subject of `prop` may have (rdfs:domain; a union gives each of its classes;
    a term of another vocabulary is given as its full IRI)."""
    return frozenset().union(*(_members(d) for d in ontology_graph().objects(WKG[prop], RDFS.domain)))


@cache
def range_of(prop: str) -> frozenset[str]:
    """The classes (or datatypes, as full IRIs) the object of `prop` may have (rdfs:range)."""
    return frozenset().union(*(_members(r) for r in ontology_graph().objects(WKG[prop], RDFS.range)))


@cache
def labels() -> dict[str, str]:
    """wkg: local name -> its rdfs:label, for every term that has one."""
    g = ontology_graph()
    return {n: str(lab) for t, lab in g.subject_objects(RDFS.label) if (n := _local(t))}


@cache
def classes_by_priority() -> tuple[str, ...]:
    """The classes that carry a wkg:typePriority, the one that stands for an entity first."""
    ranked = ((int(p), n) for c, p in ontology_graph().subject_objects(WKG.typePriority) if (n := _local(c)))
    return tuple(n for _, n in sorted(ranked))


@cache
def shown_as(cls: str) -> str | None:
    """The coarser class a view shows `cls` as (wkg:shownAs), None when wikikg.ttl gives none."""
    return _local(ontology_graph().value(WKG[cls], WKG.shownAs))


@cache
def core_classes() -> frozenset[str]:
    """The classes of the public contract (wkg:core true): every entity has one, gold files use only them."""
    return _names(c for c, v in ontology_graph().subject_objects(WKG.core) if isinstance(v, Literal) and v.toPython() is True)


@cache
def admitted_subjects(prop: str) -> frozenset[str]:
    """The classes a subject of `prop` may have, with every class below them (empty: any subject)."""
    named = {c for c in domain(prop) if c in classes()}
    return frozenset(named).union(*(subclasses(c) for c in named))


@cache
def admitted_objects(prop: str) -> frozenset[str]:
    """The classes an object of `prop` may have, with every class below them (empty: any object)."""
    named = {c for c in range_of(prop) if c in classes()}
    return frozenset(named).union(*(subclasses(c) for c in named))
