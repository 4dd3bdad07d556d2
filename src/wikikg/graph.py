"""The only module that makes triples: entities, direct edges, statement nodes and provenance."""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, RDF, RDFS, SKOS, XSD

from wikikg.extract.cast import MENTIONS
from wikikg.extract.dates import parse_date
from wikikg.kb.ontology import (
    CITATION_PREFIX,
    DBR,
    EVIDENCE_PREFIX,
    FACT_PREFIX,
    PROV,
    SCHEMA,
    WIKI,
    WKG,
    dbpedia_iri,
    entity_iri,
    hashed_iri,
    title_path,
)
from wikikg.kb.vocabulary import is_symmetric
from wikikg.model import Citation, DateValue, Entity, Mention, Statement
from wikikg.parse.reader import reader_plain, reader_text
from wikikg.resolve.merge import resolved

__all__ = ["NT", "RDFLIB", "LineSink", "Terms", "add_entity", "add_statement", "article_graph",
           "article_graph_iri", "bind", "date_literal", "entity_iri", "entity_ref", "new_dataset",
           "quad_lines"]

_XSD = {"gYear": XSD.gYear, "gYearMonth": XSD.gYearMonth, "date": XSD.date}
_URL_LITERALS = {"website"}
_WKG = str(WKG)
_INTEGER = str(XSD.integer)
# The vocabulary the writers use: name -> IRI.
_VOCAB = {"type": RDF.type, "statement": RDF.Statement, "subject": RDF.subject, "predicate": RDF.predicate,
          "object": RDF.object, "label": RDFS.label, "alt": SKOS.altLabel, "same": OWL.sameAs,
          "topic": FOAF.isPrimaryTopicOf, "derived": PROV.wasDerivedFrom, "source": DCTERMS.source,
          "title": DCTERMS.title, "publisher": DCTERMS.publisher, "date": DCTERMS.date, "url": SCHEMA.url,
          "language": DCTERMS.language}


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


@lru_cache(maxsize=4096)
def _nt_typed(value, datatype: str) -> str:
    return _n3(Literal(value, datatype=URIRef(datatype)))


@lru_cache(maxsize=64)
def _datatype(iri: str) -> URIRef:
    return URIRef(iri)


@lru_cache(maxsize=4096)
def _lexical(value, datatype: str) -> str:
    return str(Literal(value, datatype=URIRef(datatype)))


def _nt_lit(value) -> str:
    kind = type(value)
    if kind is str:
        return f'"{value}"' if _SPECIAL.search(value) is None else f'"{_quoted(value)}"'
    if kind is int:
        return f'"{value}"^^<{_INTEGER}>'
    return _n3(Literal(value))


class Terms:
    """How terms are spelt: rdflib terms (for graphs) or N-Triples text (for line sinks)."""

    def __init__(self, iri, lit, lang_lit, typed_lit):
        self.iri, self.lit, self.lang_lit, self.typed_lit = iri, lit, lang_lit, typed_lit
        self.v = {k: iri(str(v)) for k, v in _VOCAB.items()}
        self._wkg: dict[str, object] = {}

    def wkg(self, name: str):
        """The term of a wkg: local name."""
        t = self._wkg.get(name)
        if t is None:
            t = self._wkg[name] = self.iri(_WKG + name)
        return t

    def date(self, d: DateValue):
        """A DateValue as a typed literal."""
        return self.typed_lit(d.value, str(_XSD[d.datatype]))


RDFLIB = Terms(URIRef, Literal, lambda v, lang: Literal(v, lang=lang),
               lambda v, dt: Literal(v, datatype=_datatype(dt)))
NT = Terms(lambda v: f"<{v}>", _nt_lit, lambda v, lang: f'"{_quoted(v)}"@{lang}', _nt_typed)


class LineSink:
    """A graph-like sink of N-Triples text terms: each added triple becomes an N-Quads line in `graph`
    (an N-Triples line when None)."""

    terms = NT

    def __init__(self, graph: str | None = None, lines: set[str] | None = None) -> None:
        self.tail = " .\n" if graph is None else f" <{graph}> .\n"
        self.lines: set[str] = set() if lines is None else lines

    def add(self, triple: tuple) -> None:
        """Add one (s, p, o) triple of N-Triples terms."""
        s, p, o = triple
        self.lines.add(f"{s} {p} {o}{self.tail}")


_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")  # embeddings, overrides, isolates


def shown(name: str) -> str:
    """A name as a label: without bidi embedding, override and isolate controls, which can make a label
    display as another (U+202E turns 'Corp\u202egnp.exe' into 'Corpexe.png')."""
    return _BIDI.sub("", name) or name


def add_entity(g: Graph, e: Entity, terms: Terms = RDFLIB):
    """Type, label, aliases and links to DBpedia/Wikipedia of one entity."""
    T, v = terms, terms.v
    s = T.iri(entity_iri(e.key, e.linked))
    for t in sorted(e.types):
        g.add((s, v["type"], T.wkg(t)))
    g.add((s, v["label"], T.lang_lit(shown(e.label), "en")))
    for a in sorted({shown(a) for a in e.aliases} - {shown(e.label)}):
        g.add((s, v["alt"], T.lang_lit(a, "en")))
    if e.linked:
        g.add((s, v["same"], T.iri(dbpedia_iri(e.key))))
        g.add((s, v["topic"], T.iri(WIKI + title_path(e.key))))
    for p, value in e.attributes:
        g.add((s, T.wkg(p), T.lit(value)))
    return s


def _object(st: Statement, T: Terms) -> tuple[str, object]:
    """The object's lexical form (or IRI) and its term."""
    if isinstance(st.obj, Mention):
        raw = entity_iri(st.obj.key, st.obj.linked)
        return raw, T.iri(raw)
    if isinstance(st.obj, DateValue):
        dt = str(_XSD[st.obj.datatype])
        return _lexical(st.obj.value, dt), T.typed_lit(st.obj.value, dt)
    if st.predicate in _URL_LITERALS:
        return _lexical(st.obj, str(XSD.anyURI)), T.typed_lit(st.obj, str(XSD.anyURI))
    return str(Literal(st.obj)) if type(st.obj) is not str else st.obj, T.lit(st.obj)


_SCHEME = re.compile(r"https?://", re.I)


def web_iri(url: str) -> str | None:
    """A cited URL as an absolute IRI: protocol-relative '//host/x' (as Wikipedia writes them) as https,
    unsafe characters percent-encoded; None for a URL with no scheme, which no IRI can hold, and for
    any scheme but http and https (javascript:, data:, file: would become links in the view)."""
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    if not _SCHEME.match(url):
        return None
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")


def _citation(g: Graph, c: Citation, T: Terms):
    v = T.v
    node = T.iri(hashed_iri(CITATION_PREFIX, c.url or "", c.title or "", c.publisher or "", c.date or ""))
    g.add((node, v["type"], T.wkg("Citation")))
    url = web_iri(c.url) if c.url else None
    if url:
        g.add((node, v["url"], T.iri(url)))
    if c.title:
        g.add((node, v["title"], T.lit(c.title)))
    if c.publisher:
        g.add((node, v["publisher"], T.lit(c.publisher)))
    if c.language:
        g.add((node, v["language"], T.lit(c.language)))
    if c.date:
        d = parse_date(c.date)
        g.add((node, v["date"], T.date(d) if d else T.lit(c.date)))
    return node


def add_statement(g: Graph, st: Statement, article: str, subject_iri, linked: dict[str, bool] | None = None,
                  terms: Terms = RDFLIB, done: set | None = None):
    """The direct edge (unless the fact is only reported) and its statement node with provenance
    (`subject_iri`: the article subject's term; `done`: the evidence already written into `g`)."""
    T, v, wkg, ev_ = terms, terms.v, terms.wkg, st.evidence
    s_raw = entity_iri(st.subject.key, st.subject.linked)
    o_raw, o = _object(st, T)
    s, p = T.iri(s_raw), wkg(st.predicate)
    key = hashed_iri(FACT_PREFIX, article, s_raw, st.predicate, o_raw, st.rule, str(ev_.start))
    if done is not None:  # one evidence stating one fact for two periods ("parent = [[Foo]] (1925-1983)<br>[[Foo]]
        dates = (st.date.value if st.date else "", st.end_date.value if st.end_date else "")  # (1984-1996)"): a
        if ("fact", key) in done and ("dated", key, dates) not in done:  # statement node each, the later one
            key = hashed_iri(FACT_PREFIX, article, s_raw, st.predicate, o_raw, st.rule, str(ev_.start), *dates)
        done.update((("fact", key), ("dated", key, dates)))  # named by its dates too
    fact = T.iri(key)
    ev = T.iri(hashed_iri(EVIDENCE_PREFIX, article, str(ev_.start), str(ev_.end)))
    add = g.add
    if st.attributed_to is None:
        add((s, p, o))
        if is_symmetric(st.predicate):  # owl:SymmetricProperty: the edge both ways
            add((o, p, s))
    add((fact, v["type"], v["statement"]))
    if st.event:
        add((fact, v["type"], wkg(st.event)))
    add((fact, v["subject"], s))
    add((fact, v["predicate"], p))
    add((fact, v["object"], o))
    add((fact, wkg("rule"), T.lit(st.rule)))
    add((fact, wkg("modality"), T.lit("reported" if st.attributed_to is not None else "asserted")))
    if st.attributed_to is not None and st.attributed_to.key:
        add((fact, wkg("attributedTo"), T.iri(entity_iri(st.attributed_to.key, st.attributed_to.linked))))
    if st.date:
        add((fact, wkg("date"), T.date(st.date)))
    if st.end_date:
        add((fact, wkg("endDate"), T.date(st.end_date)))
    for q, value in st.qualifiers:
        if q == "programme":
            add((fact, wkg("programme"), T.iri(entity_iri(value, (linked or {}).get(value, True)))))
        else:
            add((fact, wkg(q), T.lit(value)))
            if q == "ticker" and st.attributed_to is None:
                add((s, wkg("ticker"), T.lit(value)))
    add((fact, v["derived"], ev))
    _add_evidence(g, ev, ev_, subject_iri, T, done)
    for c in st.citations:
        add((fact, v["source"], _citation(g, c, T)))
    return fact


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


def _add_evidence(g: Graph, ev, ev_, subject_iri, T: Terms, done: set | None = None) -> None:
    """An evidence node: the verbatim text, its plain text, section, offsets and the article's subject
    (nothing when `done` holds the same evidence: its triples are in `g` already)."""
    if done is not None:
        key = (ev, ev_, subject_iri)
        if key in done:  # several facts of one sentence share its evidence (and its reader_text render)
            return
        done.add(key)
    add, wkg = g.add, T.wkg
    add((ev, T.v["type"], wkg("Evidence")))
    add((ev, wkg("text"), T.lit(ev_.text)))
    plain = reader_plain(ev_.plain) if ev_.plain else reader_text(ev_.text)
    if plain and plain != ev_.text:  # as a reader of the article sees it, where that differs
        add((ev, wkg("plainText"), T.lit(plain)))
    add((ev, wkg("section"), T.lit(ev_.section)))
    add((ev, wkg("charStart"), T.lit(ev_.start)))
    add((ev, wkg("charEnd"), T.lit(ev_.end)))
    add((ev, wkg("article"), subject_iri))


def add_mention(g: Graph, st: Statement, article: str, subject_iri, terms: Terms = RDFLIB,
                done: set | None = None) -> None:
    """An entity the article names outside any fact (extract/cast.py): `entity wkg:mentionedIn evidence`."""
    ev_ = st.evidence
    ev = terms.iri(hashed_iri(EVIDENCE_PREFIX, article, str(ev_.start), str(ev_.end)))
    g.add((terms.iri(entity_iri(st.obj.key, st.obj.linked)), terms.wkg(MENTIONS), ev))
    _add_evidence(g, ev, ev_, subject_iri, terms, done)


def article_triples(g, r, t) -> list[Statement]:
    """Write one article's statements, resolved by the global tables `t` (resolve.merge.Tables), and the
    entities they use into `g` (a graph or a LineSink, whose `terms` say how to spell them); returns
    the facts written (cast records, `mentionedIn`, are not facts)."""
    sts, entities = resolved(r, t)
    terms = getattr(g, "terms", RDFLIB)
    subject_iri = terms.iri(entity_iri(r.subject.key, True))
    facts, done = [], set()
    for st in sts:
        if st.predicate == MENTIONS:
            add_mention(g, st, r.title, subject_iri, terms, done)
        else:
            add_statement(g, st, r.title, subject_iri, t.linked, terms, done)
            facts.append(st)
    for entity in entities:
        add_entity(g, entity, terms)
    return facts
