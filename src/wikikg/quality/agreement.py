"""Another build's graph used as gold: agreement between two graphs (e.g. plain text vs wikitext)."""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from wikikg.kb.vocabulary import is_symmetric
from wikikg.quality.evaluate import CORE_PREDICATES, WKG, Gold, GoldRelation


def _name(graph: Graph, node) -> str | None:
    labels = sorted(str(o) for o in graph.objects(node, RDFS.label) if isinstance(o, Literal))
    return labels[0] if labels else None


def gold_from_graph(graph: Graph, predicates: tuple[str, ...] = CORE_PREDICATES) -> Gold:
    """The graph's labelled entities, their aliases and its `predicates` edges (with the earliest
    stated date), in the shape `evaluate.score` takes as gold."""
    entities: dict[str, set[str]] = {}
    aliases: dict[str, set[str]] = {}
    relations: dict[tuple, GoldRelation] = {}

    def entity(node) -> str | None:
        name = _name(graph, node) if isinstance(node, URIRef) else None
        if name is None:
            return None
        types = {str(t)[len(WKG):] for t in graph.objects(node, RDF.type) if str(t).startswith(WKG)}
        types = types or {"Organization"}
        if len(types) > 1:
            types.discard("Organization")  # the more specific classes the graph claims
        entities.setdefault(name, set()).update(types)
        aliases.setdefault(name, set()).update(
            str(o) for p in (RDFS.label, SKOS.altLabel) for o in graph.objects(node, p) if str(o) != name)
        return name

    for p in predicates:
        prop = URIRef(WKG + p)
        for s, o in sorted(graph.subject_objects(prop)):
            subject, obj = entity(s), entity(o)
            if subject is None or obj is None or subject == obj:
                continue
            key = (p, frozenset((subject, obj))) if is_symmetric(p) else (subject, p, obj)
            dates = sorted(str(d) for st in graph.subjects(RDF.subject, s)
                           if (st, RDF.predicate, prop) in graph and (st, RDF.object, o) in graph
                           for d in graph.objects(st, URIRef(WKG + "date")))
            date = dates[0] if dates else None
            if key not in relations or (date and (relations[key].date or "9999") > date):
                relations[key] = GoldRelation(subject, p, obj, date)
    return Gold(entities={k: frozenset(v) for k, v in entities.items()},
                aliases={k: frozenset(v) for k, v in aliases.items() if v},
                relations=frozenset(relations.values()), source="graph")
