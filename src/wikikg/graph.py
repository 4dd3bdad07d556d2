"""The only module that makes triples: entities, direct edges, statement nodes and provenance."""
from __future__ import annotations

import re
from urllib.parse import quote

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, RDF, RDFS, SKOS, XSD

from .extract.dates import parse_date
from .model import Citation, DateValue, Entity, Mention, Statement
from .ontology import (CITATION_PREFIX, DBR, EVIDENCE_PREFIX, FACT_PREFIX, PROV, SCHEMA, WIKI, WKG,
                       entity_iri, hashed_iri, title_path)

__all__ = ["add_entity", "add_statement", "article_graph", "article_graph_iri", "bind", "date_literal",
           "entity_iri", "entity_ref", "new_dataset", "quad_lines"]

_XSD = {"gYear": XSD.gYear, "gYearMonth": XSD.gYearMonth, "date": XSD.date}
_URL_LITERALS = {"website"}


def bind(g: Graph) -> Graph:
    """Bind the prefixes used in our output."""
    for prefix, ns in (("wkg", WKG), ("schema", SCHEMA), ("prov", PROV), ("dct", DCTERMS),
                       ("skos", SKOS), ("foaf", FOAF), ("owl", OWL), ("dbr", DBR),
                       ("res", "https://w3id.org/wikikg/resource/")):
        g.bind(prefix, ns, override=True, replace=True)
    return g


def new_dataset() -> Dataset:
    """An empty dataset with our prefixes bound."""
    return bind(Dataset())


def article_graph_iri(title: str) -> URIRef:
    """The named graph that holds one article's facts: the article's Wikipedia URL."""
    return URIRef(WIKI + title_path(title))


def article_graph(ds: Dataset, title: str) -> Graph:
    """The named graph of one article in `ds`."""
    return ds.graph(article_graph_iri(title))


def entity_ref(key: str, linked: bool) -> URIRef:
    """The IRI of an entity as an rdflib term."""
    return URIRef(entity_iri(key, linked))


def date_literal(d: DateValue) -> Literal:
    """A DateValue as a typed literal."""
    return Literal(d.value, datatype=_XSD[d.datatype])


def _iri(m: Mention) -> URIRef:
    return URIRef(entity_iri(m.key, m.linked))


def add_entity(g: Graph, e: Entity) -> URIRef:
    """Type, label, aliases and links to DBpedia/Wikipedia of one entity."""
    s = URIRef(entity_iri(e.key, e.linked))
    for t in sorted(e.types):
        g.add((s, RDF.type, WKG[t]))
    g.add((s, RDFS.label, Literal(e.label, lang="en")))
    for a in sorted(e.aliases):
        g.add((s, SKOS.altLabel, Literal(a, lang="en")))
    if e.linked:
        g.add((s, OWL.sameAs, URIRef(str(DBR) + title_path(e.key))))
        g.add((s, FOAF.isPrimaryTopicOf, URIRef(WIKI + title_path(e.key))))
    for p, v in e.attributes:
        g.add((s, WKG[p], Literal(v)))
    return s


def _object(st: Statement):
    if isinstance(st.obj, Mention):
        return _iri(st.obj)
    if isinstance(st.obj, DateValue):
        return date_literal(st.obj)
    if st.predicate in _URL_LITERALS:
        return Literal(st.obj, datatype=XSD.anyURI)
    return Literal(st.obj)


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def web_iri(url: str) -> str | None:
    """A cited URL as an absolute IRI: protocol-relative '//host/x' (as Wikipedia writes them) as https,
    unsafe characters percent-encoded; None for a URL with no scheme, which no IRI can hold."""
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    if not _SCHEME.match(url):
        return None
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")


def _citation(g: Graph, c: Citation) -> URIRef:
    node = URIRef(hashed_iri(CITATION_PREFIX, c.url or "", c.title or "", c.publisher or "", c.date or ""))
    g.add((node, RDF.type, WKG.Citation))
    url = web_iri(c.url) if c.url else None
    if url:
        g.add((node, SCHEMA.url, URIRef(url)))
    if c.title:
        g.add((node, DCTERMS.title, Literal(c.title)))
    if c.publisher:
        g.add((node, DCTERMS.publisher, Literal(c.publisher)))
    if c.date:
        d = parse_date(c.date)
        g.add((node, DCTERMS.date, date_literal(d) if d else Literal(c.date)))
    return node


def add_statement(g: Graph, st: Statement, article: str, subject_iri: URIRef,
                  linked: dict[str, bool] | None = None) -> URIRef:
    """The direct edge (unless the fact is only reported) and its statement node with provenance."""
    s, o, p = _iri(st.subject), _object(st), WKG[st.predicate]
    fact = URIRef(hashed_iri(FACT_PREFIX, article, str(s), st.predicate, str(o), st.rule,
                             str(st.evidence.start)))
    ev = URIRef(hashed_iri(EVIDENCE_PREFIX, article, str(st.evidence.start), str(st.evidence.end)))
    if st.attributed_to is None:
        g.add((s, p, o))
        if st.predicate == "partneredWith":
            g.add((o, p, s))
    g.add((fact, RDF.type, RDF.Statement))
    if st.event:
        g.add((fact, RDF.type, WKG[st.event]))
    g.add((fact, RDF.subject, s))
    g.add((fact, RDF.predicate, p))
    g.add((fact, RDF.object, o))
    g.add((fact, WKG.rule, Literal(st.rule)))
    g.add((fact, WKG.modality, Literal("reported" if st.attributed_to is not None else "asserted")))
    if st.attributed_to is not None and st.attributed_to.key:
        g.add((fact, WKG.attributedTo, _iri(st.attributed_to)))
    if st.date:
        g.add((fact, WKG.date, date_literal(st.date)))
    if st.end_date:
        g.add((fact, WKG.endDate, date_literal(st.end_date)))
    for q, v in st.qualifiers:
        if q == "programme":
            g.add((fact, WKG.programme, URIRef(entity_iri(v, (linked or {}).get(v, True)))))
        else:
            g.add((fact, WKG[q], Literal(v)))
            if q == "ticker" and st.attributed_to is None:
                g.add((s, WKG.ticker, Literal(v)))
    g.add((fact, PROV.wasDerivedFrom, ev))
    g.add((ev, RDF.type, WKG.Evidence))
    g.add((ev, WKG.text, Literal(st.evidence.text)))
    if st.evidence.plain:
        g.add((ev, WKG.plainText, Literal(st.evidence.plain)))
    g.add((ev, WKG.section, Literal(st.evidence.section)))
    g.add((ev, WKG.charStart, Literal(st.evidence.start)))
    g.add((ev, WKG.charEnd, Literal(st.evidence.end)))
    g.add((ev, WKG.article, subject_iri))
    for c in st.citations:
        g.add((fact, DCTERMS.source, _citation(g, c)))
    return fact


_SPECIAL = re.compile(r'[\\\n"\r]')


def _quoted(value: str) -> str:
    if _SPECIAL.search(value) is None:
        return value
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")


def _n3(t) -> str:
    if type(t) is URIRef:  # our IRIs are minted escaped (ontology.py): no check needed
        return f"<{t}>"
    if isinstance(t, Literal):
        s, lang = _quoted(str(t)), t.language
        if lang:
            return f'"{s}"@{lang}'
        return f'"{s}"^^<{t.datatype}>' if t.datatype is not None else f'"{s}"'
    return t.n3()


def quad_lines(triples, graph: URIRef | None = None) -> list[str]:
    """N-Quads lines (N-Triples when `graph` is None), byte for byte as rdflib's serializers write them."""
    tail = " .\n" if graph is None else f" {_n3(graph)} .\n"
    iri, lit, special, out = URIRef, Literal, _SPECIAL.search, []
    add = out.append
    for s, p, o in triples:
        kind = type(o)
        if kind is iri:
            obj = f"<{o}>"
        elif kind is lit:  # inlined _n3 (slots, not properties): the N-Triples writer's hot path
            v = o if special(o) is None else _quoted(o)
            lang, dt = o._language, o._datatype
            obj = f'"{v}"@{lang}' if lang else f'"{v}"^^<{dt}>' if dt is not None else f'"{v}"'
        else:
            obj = _n3(o)
        add(f"<{s}> <{p}> {obj}{tail}" if type(s) is iri else f"{_n3(s)} <{p}> {obj}{tail}")
    return out
