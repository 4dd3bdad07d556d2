"""The ontology's alignments: what a wkg: class or property entails in other vocabularies' terms."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import BNode, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from wikikg.kb.ontology import WKG, ontology_graph

__all__ = ["Alignment", "alignment"]


@dataclass(frozen=True)
class Alignment:
    """For each wkg: property, the properties it entails (and whether each runs the other way); for each
    wkg: class, the (property, value) pairs an instance entails: (rdf:type, class) or a restriction's
    owl:hasValue. All IRIs as strings, transitively closed over the wkg: hierarchy."""

    properties: dict[str, tuple[tuple[str, bool], ...]]
    classes: dict[str, tuple[tuple[str, str], ...]]


def _closure(start: URIRef, link: URIRef) -> list:
    """Every node above `start` along `link` (through wkg: terms and anything else wikikg.ttl says of a
    node), nearest first, without `start`."""
    g, out, todo = ontology_graph(), [], [start]
    while todo:
        for sup in sorted(g.objects(todo.pop(0), link), key=str):
            if sup not in out and sup != start:
                out.append(sup)
                todo.append(sup)
    return out


def _property_entails(p: URIRef) -> tuple[tuple[str, bool], ...]:
    g, out = ontology_graph(), []
    for sup in _closure(p, RDFS.subPropertyOf):
        if isinstance(sup, BNode):
            inverse = g.value(sup, OWL.inverseOf)
            if isinstance(inverse, URIRef):
                out.append((str(inverse), True))
        else:
            out.append((str(sup), False))
    return tuple(dict.fromkeys(out))


def _class_entails(c: URIRef) -> tuple[tuple[str, str], ...]:
    g, out = ontology_graph(), []
    for sup in _closure(c, RDFS.subClassOf):
        if isinstance(sup, BNode):
            prop, value = g.value(sup, OWL.onProperty), g.value(sup, OWL.hasValue)
            if isinstance(prop, URIRef) and isinstance(value, URIRef):
                out.append((str(prop), str(value)))
        else:
            out.append((str(RDF.type), str(sup)))
    return tuple(dict.fromkeys(out))


def _wkg(kinds) -> list[URIRef]:
    g = ontology_graph()
    return sorted({s for k in kinds for s in g.subjects(RDF.type, k)
                   if isinstance(s, URIRef) and str(s).startswith(str(WKG))}, key=str)


@cache
def alignment() -> Alignment:
    """The alignments wikikg.ttl states, as tables keyed by the wkg: term's IRI (empty entries left out)."""
    props = {str(p): e for p in _wkg((OWL.ObjectProperty, OWL.DatatypeProperty)) if (e := _property_entails(p))}
    classes = {str(c): e for c in _wkg((OWL.Class,)) if (e := _class_entails(c))}
    return Alignment(props, classes)
