"""The persistent Oxigraph store: opening it, bulk loading one named graph per article, graph files."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

__all__ = ["FILE_FORMATS", "LoadReport", "StoreError", "file_to_store", "from_oxigraph", "load_dataset",
           "load_file", "open_store", "to_oxigraph"]

# Every graph format `wikikg build` writes, by extension (.json: JSON-LD under another name).
FILE_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS,
                ".trig": ox.RdfFormat.TRIG, ".jsonld": ox.RdfFormat.JSON_LD, ".json": ox.RdfFormat.JSON_LD}
_RDFLIB_DEFAULT = "urn:x-rdflib:default"
_CHUNK = 100_000


class StoreError(ValueError):
    """A store directory or graph file that cannot be opened or read."""


@dataclass(frozen=True)
class LoadReport:
    """What a load did: named graphs written, how many of them replaced older ones, quads added."""

    graphs: int
    replaced: int
    quads: int


def open_store(path: str | Path, *, create: bool = False) -> ox.Store:
    """The on-disk store at `path`: read-write (made if missing) when `create`, else read-only."""
    p = Path(path)
    try:
        if create:
            p.mkdir(parents=True, exist_ok=True)
            return ox.Store(str(p))
        if not p.is_dir() or not (p / "CURRENT").exists():
            raise StoreError(f"{path}: no store there (make one with `wikikg build ... --store {path}`)")
        return ox.Store.read_only(str(p))
    except OSError as e:
        raise StoreError(f"{path}: cannot open the store: {str(e).splitlines()[0][:200]}") from None


def to_oxigraph(term):
    """An rdflib term as a pyoxigraph term."""
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
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"not an RDF term: {term!r}")


def _graph_name(identifier) -> ox.NamedNode | ox.BlankNode | ox.DefaultGraph:
    if str(identifier) == _RDFLIB_DEFAULT:
        return ox.DefaultGraph()
    return to_oxigraph(identifier)


def load_dataset(store: ox.Store, ds) -> LoadReport:
    """Bulk-load an rdflib Dataset: each named graph (one per article) replaces its older version."""
    graphs = replaced = quads = 0
    for g in ds.graphs():
        if not len(g):
            continue
        name = _graph_name(g.identifier)
        if isinstance(name, ox.DefaultGraph):
            store.clear_graph(name)
        else:
            graphs += 1
            if store.contains_named_graph(name):
                store.remove_graph(name)
                replaced += 1
        batch = []
        for s, p, o in g:
            batch.append(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), name))
            if len(batch) >= _CHUNK:
                store.bulk_extend(batch)
                quads, batch = quads + len(batch), []
        store.bulk_extend(batch)
        quads += len(batch)
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
    """A graph file (any format we write) loaded into `store`, by default a new in-memory one."""
    p = Path(path)
    fmt = _format(p)
    store = ox.Store() if store is None else store
    try:
        store.bulk_load(path=str(p), format=fmt)
    except (SyntaxError, ValueError, OSError) as e:
        raise StoreError(f"{path}: not valid {p.suffix[1:]}: {str(e).splitlines()[0][:200]}") from None
    return store


def file_to_store(path: str | Path, directory: str | Path) -> Path:
    """Load a graph file into a new on-disk store at `directory` (for processes that share it)."""
    store = open_store(directory, create=True)
    load_file(path, store)
    store.flush()
    del store
    return Path(directory)
