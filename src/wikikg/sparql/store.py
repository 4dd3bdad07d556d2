"""The persistent Oxigraph store: opening, bulk loading one named graph per article, running SPARQL."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from wikikg.errors import QueryError, StoreError
from wikikg.sparql.messages import oxigraph_syntax_error
from wikikg.sparql.results import PREFIXES, Result

__all__ = ["FILE_FORMATS", "Engine", "LoadReport", "QueryError", "RdflibEngine", "StoreError", "file_to_store",
           "from_oxigraph", "load_dataset", "load_file", "open_store", "to_oxigraph"]

# Every graph format `wikikg build` writes, by extension (.json: JSON-LD under another name).
FILE_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS,
                ".trig": ox.RdfFormat.TRIG, ".jsonld": ox.RdfFormat.JSON_LD, ".json": ox.RdfFormat.JSON_LD}
_RDFLIB_DEFAULT = "urn:x-rdflib:default"
_DEFAULT = ox.DefaultGraph()
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True)
class LoadReport:
    """What a load did: named graphs written, how many of them replaced older ones, quads added."""

    graphs: int
    replaced: int
    quads: int


_MARKS = ("CURRENT", "IDENTITY", "LOCK", "LOG")  # RocksDB writes these first: without any, no store


def open_store(path: str | Path, *, create: bool = False) -> ox.Store:
    """The on-disk store at `path`: read-write (made if missing) when `create`, else read-only.

    A store killed while it was being made (no CURRENT file, column families missing) is repaired on
    open: RocksDB recovers it when it is opened for writing once. Anything else is one line."""
    p = Path(path)
    try:
        if create:
            p.mkdir(parents=True, exist_ok=True)
            return ox.Store(str(p))
        if not p.is_dir() or not any((p / m).exists() for m in _MARKS):
            raise StoreError(f"{path}: no store there (make one with `wikikg build ... --store {path}`)")
        try:
            return ox.Store.read_only(str(p))
        except (OSError, RuntimeError):
            _repair(p)
            return ox.Store.read_only(str(p))
    except (OSError, RuntimeError) as e:
        raise StoreError(f"{path}: cannot open the store ({str(e).splitlines()[0][:200]}); if a build was "
                         f"killed while writing it, delete it and build it again (wikikg build ... --store "
                         f"{path})") from None


def _repair(p: Path) -> None:
    """Open the store for writing once, which makes RocksDB finish what a killed process left."""
    store = ox.Store(str(p))
    store.flush()
    del store


@cache
def _rdflib():
    """rdflib's term classes, imported when first needed: a query over a store needs no rdflib."""
    from rdflib import RDFS, BNode, Literal, URIRef

    return RDFS, BNode, Literal, URIRef


def to_oxigraph(term):
    """An rdflib term as a pyoxigraph term."""
    _, BNode, Literal, URIRef = _rdflib()
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_oxigraph(term):
    """A pyoxigraph term as an rdflib term."""
    _, BNode, Literal, URIRef = _rdflib()
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:  # rdflib keeps "x" and "x"^^xsd:string apart
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"not an RDF term: {term!r}")


def _graph_name(identifier) -> ox.NamedNode | ox.BlankNode | ox.DefaultGraph:
    if str(identifier) == _RDFLIB_DEFAULT:
        return ox.DefaultGraph()
    return to_oxigraph(identifier)


def _forget(store: ox.Store, name) -> None:
    """Remove an article graph, and from the default graph what no other article still states."""
    old = list(store.quads_for_pattern(None, None, None, name))
    store.remove_graph(name)
    for q in old:
        if not any(not isinstance(m.graph_name, ox.DefaultGraph)
                   for m in store.quads_for_pattern(q.subject, q.predicate, q.object, None)):
            store.remove(ox.Quad(q.subject, q.predicate, q.object, _DEFAULT))


def _replace(store: ox.Store, name: ox.NamedNode, triples) -> None:
    """Replace an article graph in one transaction (a SPARQL update): a killed load leaves the old
    version or the new one, never a mix. The default graph loses what only the old version stated."""
    data = " ".join(f"{s} {p} {o} ." for s, p, o in triples)
    store.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} FILTER NOT EXISTS {{ GRAPH ?h "
                 f"{{ ?s ?p ?o }} FILTER (?h != {name}) }} }} ; DROP SILENT GRAPH {name} ; "
                 f"INSERT DATA {{ GRAPH {name} {{ {data} }} {data} }}")


def load_dataset(store: ox.Store, ds) -> LoadReport:
    """Bulk-load an rdflib Dataset: each article's named graph replaces its older version, and the
    default graph stays the merge (set union) of all article graphs, so queries see each fact once."""
    graphs = replaced = quads = 0
    for g in ds.graphs():
        if not len(g):
            continue
        name = _graph_name(g.identifier)
        if isinstance(name, ox.DefaultGraph):  # triples outside any article: the default graph only
            store.bulk_extend([ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), name) for s, p, o in g])
            continue
        graphs += 1
        triples = [(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in g]
        if store.contains_named_graph(name):
            _replace(store, name, triples)
            replaced += 1
        else:
            store.extend(q for s, p, o in triples for q in (ox.Quad(s, p, o, name), ox.Quad(s, p, o, _DEFAULT)))
        quads += len(triples)
    store.flush()
    return LoadReport(graphs, replaced, quads)


def _format(path: Path) -> ox.RdfFormat:
    fmt = FILE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StoreError(f"{path}: unknown graph format {path.suffix!r} (known: {', '.join(FILE_FORMATS)})")
    if not path.is_file():
        raise StoreError(f"{path}: no such file")
    return fmt


def load_file(path: str | Path, store: ox.Store | None = None) -> ox.Store:
    """A graph file (any format we write) loaded into `store`, by default a new in-memory one; the
    named graphs of an .nq/.trig file replace those of the same name already in `store`."""
    p = Path(path)
    fmt = _format(p)
    store = ox.Store() if store is None else store
    try:
        if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):  # each quad, and its triple in the merge
            if next(iter(store.named_graphs()), None) is not None:  # graphs in the file replace old ones
                names = {q.graph_name for q in ox.parse(path=str(p), format=fmt)}
                for name in names - {_DEFAULT}:
                    if store.contains_named_graph(name):
                        _forget(store, name)
            store.bulk_extend(_with_merge(ox.parse(path=str(p), format=fmt)))
        else:
            store.bulk_load(path=str(p), format=fmt)
    except (SyntaxError, ValueError, OSError) as e:
        raise StoreError(f"{path}: not valid {p.suffix[1:]}: {str(e).splitlines()[0][:200]}") from None
    return store


def _with_merge(quads):
    for q in quads:
        yield q
        if not isinstance(q.graph_name, ox.DefaultGraph):
            yield ox.Quad(q.subject, q.predicate, q.object, _DEFAULT)


def file_to_store(path: str | Path, directory: str | Path) -> Path:
    """Load a graph file into a new on-disk store at `directory` (for processes that share it)."""
    store = open_store(directory, create=True)
    load_file(path, store)
    store.flush()
    del store
    return Path(directory)


_RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


@dataclass
class Engine:
    """Runs SPARQL on an Oxigraph store whose default graph is the merge of its article graphs."""

    store: ox.Store
    _labels: dict = field(default_factory=dict)
    entities: dict = field(default_factory=dict)  # name -> the one entity it labels (query.find_entity)
    _graphs: frozenset[str] | None = None

    @classmethod
    def open(cls, *, graph: str | None = None, store: str | None = None) -> "Engine":
        """An engine over a store directory (read-only) or a graph file (loaded in memory)."""
        return cls(open_store(store) if store else load_file(graph))

    def graphs(self) -> frozenset[str]:
        """The names of the named graphs (one per article): the only ones FROM may name. Listed once
        per engine (the store is read-only while it serves queries)."""
        if self._graphs is None:
            self._graphs = frozenset(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))
        return self._graphs

    def run(self, text: str, bindings: dict | None = None, max_rows: int | None = None,
            default_graphs=(), named_graphs=()) -> Result:
        """Run a query (already checked) with variables bound, keeping at most `max_rows` answers."""
        dataset = {}  # the default graph is the merge of the article graphs (see load_dataset)
        if default_graphs or named_graphs:  # FROM / FROM NAMED, or the protocol's graph URIs
            dataset = {"default_graph": [ox.NamedNode(g) for g in default_graphs],
                       "named_graphs": [ox.NamedNode(g) for g in named_graphs]}
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items()} or None
        try:  # PREFIXES: predeclared, as in the named queries; a query's own PREFIX wins
            return Result.collect(self.store.query(text, prefixes=PREFIXES, substitutions=subs, **dataset), max_rows)
        except SyntaxError as e:
            raise QueryError(oxigraph_syntax_error(str(e), text)) from None
        except (RuntimeError, OSError, ValueError) as e:
            raise QueryError(str(e).splitlines()[0][:300]) from None

    def label(self, term) -> str | None:
        """The rdfs:label of an IRI, if it has one (English first)."""
        if not isinstance(term, ox.NamedNode):
            return None
        if term.value not in self._labels:
            found = [q.object for q in self.store.quads_for_pattern(term, _RDFS_LABEL, None, None)]
            found.sort(key=lambda o: (getattr(o, "language", None) != "en", o.value))
            self._labels[term.value] = found[0].value if found else None
        return self._labels[term.value]


class RdflibEngine(Engine):
    """The same interface over an rdflib Dataset (default graph = union), with rdflib's evaluator."""

    def __init__(self, ds):
        super().__init__(ox.Store())
        self.ds = ds

    def graphs(self) -> frozenset[str]:
        """None: rdflib would fetch a FROM graph from the web."""
        return frozenset()

    def run(self, text: str, bindings: dict | None = None, max_rows: int | None = None,
            default_graphs=(), named_graphs=()) -> Result:
        """Run a query (already checked) with rdflib's SPARQL engine."""
        try:
            res = self.ds.query(text, initNs=PREFIXES,
                                initBindings={k: from_oxigraph(v) for k, v in (bindings or {}).items()})
            return Result.from_rdflib(res, to_oxigraph, max_rows)
        except TimeoutError:  # a caller's alarm, not a query error
            raise
        except Exception as e:  # rdflib raises many kinds
            raise QueryError(f"{type(e).__name__}: {(str(e).splitlines() or [''])[0][:300]}") from None

    def label(self, term) -> str | None:
        """The rdfs:label of an IRI, if it has one."""
        if not isinstance(term, ox.NamedNode):
            return None
        RDFS, _, _, URIRef = _rdflib()
        found = sorted(str(o) for o in self.ds.objects(URIRef(term.value), RDFS.label))
        return found[0] if found else None
