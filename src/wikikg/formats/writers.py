"""Output formats registered by extension; deterministic bytes, written atomically."""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS

from wikikg.errors import OutputError
from wikikg.formats import propertygraph as netexport
from wikikg.formats.propertygraph import Citation, Entity, Fact, PropertyGraph
from wikikg.formats.turtle import TURTLE
from wikikg.graph import bind, quad_lines
from wikikg.kb.ontology import PROV, SCHEMA, WKG, ontology_dir
from wikikg.kb.vocabulary import labels, symmetric_properties


def union(ds: Dataset) -> Graph:
    """Every triple of every named graph, in one graph."""
    g = bind(Graph())
    for s, p, o, _c in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def _local(term) -> str | None:
    return str(term)[len(str(WKG)):] if str(term).startswith(str(WKG)) else None


def _one(g: Graph, s, p) -> str | None:
    values = sorted(str(o) for o in g.objects(s, p))
    return values[0] if values else None


def _fact(g: Graph, st) -> Fact:
    o = g.value(st, RDF.object)
    ev = g.value(st, PROV.wasDerivedFrom)
    cites = tuple(sorted((Citation(_one(g, c, SCHEMA.url), _one(g, c, DCTERMS.title),
                                   _one(g, c, DCTERMS.publisher), _one(g, c, DCTERMS.date),
                                   _one(g, c, DCTERMS.language))
                          for c in g.objects(st, DCTERMS.source)), key=repr))
    quals = tuple(sorted((_local(p), str(v)) for p, v in g.predicate_objects(st)
                         if _local(p) in _QUALIFIERS))
    return Fact(iri=str(st), subject=str(g.value(st, RDF.subject)),
                relation=_local(g.value(st, RDF.predicate)) or str(g.value(st, RDF.predicate)),
                object=str(o), object_is_entity=isinstance(o, URIRef),
                modality=_one(g, st, WKG.modality) or "asserted", rule=_one(g, st, WKG.rule) or "",
                date=_one(g, st, WKG.date), end_date=_one(g, st, WKG.endDate),
                events=tuple(sorted(t for t in map(_local, g.objects(st, RDF.type)) if t)),
                programme=_one(g, st, WKG.programme), attributed_to=_one(g, st, WKG.attributedTo),
                qualifiers=quals, text=_one(g, ev, WKG.text) or "" if ev else "",
                plain=_one(g, ev, WKG.plainText) or "" if ev else "",
                section=_one(g, ev, WKG.section) or "" if ev else "",
                article=_one(g, ev, WKG.article) if ev else None, citations=cites)


_QUALIFIERS = {"ticker", "role"}
_NOT_ENTITIES = {RDF.Statement, WKG.Evidence, WKG.Citation}


def property_graph(ds: Dataset, cast: bool = False, subjects: bool = False) -> PropertyGraph:
    """The union graph as plain records for the non-RDF exports: entities, edges, facts. Only entities
    on an edge are nodes; with `subjects`, each article's subject too (FtM, QuickStatements: its own
    facts need it); with `cast`, every entity: also those an article only names (wkg:mentionedIn), the
    sanctions programmes and the reporters of claims."""
    g = union(ds)
    entities: dict[str, Entity] = {}
    for s in sorted(set(g.subjects(RDFS.label)), key=str):
        kinds = set(g.objects(s, RDF.type))
        if kinds & _NOT_ENTITIES or not isinstance(s, URIRef):
            continue
        attrs = sorted((_local(p), str(o)) for p, o in g.predicate_objects(s)
                       if isinstance(o, Literal) and _local(p))
        entities[str(s)] = Entity(
            iri=str(s), label=_one(g, s, RDFS.label) or str(s),
            types=tuple(sorted(t for t in map(_local, kinds) if t)),
            aliases=tuple(sorted({str(a) for a in g.objects(s, SKOS.altLabel)})),
            attributes=tuple(attrs), wikipedia=_one(g, s, FOAF.isPrimaryTopicOf))
    triples = sorted((str(s), _local(p), str(o)) for s, p, o in g
                     if _local(p) and isinstance(o, URIRef) and str(s) in entities
                     and str(o) in entities)
    if not cast:  # a network of edges: a node no edge reaches (the cast, a programme, a reporter, an article
        # with no relation) is left out; a programme is on its sanctionedBy edge
        linked = {x for s, _p, o in triples for x in (s, o)}
        if subjects:
            linked |= {str(a) for a in g.objects(None, WKG.article)}
        entities = {iri: e for iri, e in entities.items() if iri in linked}
    names: dict[str, str] = {}
    for s, label in sorted((str(s), str(x)) for s, x in g.subject_objects(RDFS.label) if isinstance(s, URIRef)):
        names.setdefault(s, label)  # the first label in sorted order, as _one reads it
    facts = sorted((_fact(g, st) for st in set(g.subjects(RDF.type, RDF.Statement))),
                   key=lambda f: f.iri)
    return PropertyGraph(entities, triples, facts, dict(labels()), symmetric_properties(),
                         names)


def to_graphml(ds: Dataset, cast: bool = False) -> bytes:
    """GraphML for Gephi (see netexport): one edge per (subject, relation, object); `cast`: every entity."""
    return netexport.to_graphml(property_graph(ds, cast=cast))


def to_gexf(ds: Dataset, cast: bool = False) -> bytes:
    """GEXF 1.3 for Gephi's timeline (see netexport); `cast`: every entity, also those on no edge."""
    return netexport.to_gexf(property_graph(ds, cast=cast))


def to_ftm(ds: Dataset) -> bytes:
    """FollowTheMoney entities as JSON lines (see ftm)."""
    from wikikg.formats import ftm

    return ftm.to_ftm(property_graph(ds, subjects=True))


def to_quickstatements(ds: Dataset) -> bytes:
    """Wikidata QuickStatements (v1) keyed by English Wikipedia titles (see quickstatements)."""
    from wikikg.formats import quickstatements

    return quickstatements.to_quickstatements(property_graph(ds, subjects=True))


def to_turtle(ds: Dataset) -> bytes:
    """Turtle of the union graph (rdflib sorts subjects and predicates: stable output)."""
    return union(ds).serialize(format=TURTLE, encoding="utf-8")


def _lines(lines: set[str]) -> bytes:
    return "".join(sorted(lines)).encode("utf-8", "replace")


def to_ntriples(ds: Dataset) -> bytes:
    """N-Triples of the union graph, lines sorted (graph.quad_lines: rdflib's bytes, ~10x faster)."""
    return _lines(set(quad_lines((s, p, o) for s, p, o, _c in ds.quads((None, None, None, None)))))


def to_nquads(ds: Dataset) -> bytes:
    """N-Quads, one named graph per article, lines sorted (as rdflib writes them, ~10x faster)."""
    lines: set[str] = set()
    for g in ds.graphs():
        if g.identifier == DATASET_DEFAULT_GRAPH_ID:  # rdflib leaves the graph term empty
            lines.update(line[:-3] + "  .\n" for line in quad_lines(g))
        else:
            lines.update(quad_lines(g, g.identifier))
    return _lines(lines)


def to_trig(ds: Dataset) -> bytes:
    """TriG, one named graph per article, graphs in IRI order."""
    prefixes, blocks = [], []
    for g in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if not len(g):
            continue
        body = bind(Graph()).__iadd__(g).serialize(format=TURTLE).splitlines()
        prefixes.extend(line for line in body if line.startswith("@prefix"))
        inner = "\n".join("    " + line if line else "" for line in body if not line.startswith("@prefix"))
        blocks.append(f"<{g.identifier}> {{\n{inner.strip(chr(10))}\n}}\n")
    head = "\n".join(sorted(set(prefixes)))
    return (head + "\n\n" + "\n".join(blocks)).encode("utf-8")


CONTEXT_URL = "https://w3id.org/wikikg/context.jsonld"


@cache
def jsonld_context() -> dict:
    """The published JSON-LD context of the wkg: vocabulary (the package's context.jsonld)."""
    return json.loads(ontology_dir().joinpath("context.jsonld").read_text("utf-8"))["@context"]


def to_jsonld(ds: Dataset) -> bytes:
    """JSON-LD of the union graph, compacted with the published context (embedded: reads offline)."""
    ctx = jsonld_context()
    doc = json.loads(union(ds).serialize(format="json-ld", context=ctx, encoding="utf-8"))
    if isinstance(doc.get("@graph"), list):
        doc["@graph"].sort(key=lambda n: json.dumps(n, sort_keys=True))
        for node in doc["@graph"]:
            for _k, v in node.items():
                if isinstance(v, list):
                    v.sort(key=lambda x: json.dumps(x, sort_keys=True))
    doc["@context"] = ctx
    return (json.dumps(doc, sort_keys=True, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


# The one format table. A name may have a double extension (".ftm.json"): the longest one that
# the output's name ends with wins. RDF_FORMATS are the RDF serialisations, which read back.
RDF_FORMATS: dict[str, Callable[[Dataset], bytes]] = {
    ".ttl": to_turtle, ".nt": to_ntriples, ".nq": to_nquads, ".trig": to_trig, ".jsonld": to_jsonld,
}
FORMATS: dict[str, Callable[[Dataset], bytes]] = {
    **RDF_FORMATS, ".graphml": to_graphml, ".gexf": to_gexf,
    ".ftm.json": to_ftm, ".ftm.jsonl": to_ftm, ".qs": to_quickstatements,
}
DIRECTORY_OUTPUTS = ("graph.ttl", "graph.nq", "graph.graphml", "graph.gexf")


def format_of(path: Path) -> str | None:
    """The registered extension `path` ends with (longest first, case-insensitive), or None."""
    name = path.name.lower()
    return next((ext for ext in sorted(FORMATS, key=len, reverse=True) if name.endswith(ext)
                 and len(name) > len(ext)), None)


def _umask() -> int:
    """The process's umask, read without changing it where Linux says it (/proc), else by setting it back."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file. The file
    gets the mode open() would give it (0666 less the umask), not mkstemp's private 0600."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


NETWORK_FORMATS = (".graphml", ".gexf")  # the ones that take `cast` (every entity, not only those on an edge)


def _bytes(ds: Dataset, ext: str, cast: bool) -> bytes:
    return FORMATS[ext](ds, cast=True) if cast and ext in NETWORK_FORMATS else FORMATS[ext](ds)


def write(ds: Dataset, out: Path, cast: bool = False) -> list[Path]:
    """Write `ds` to a file (format by extension) or a directory (the DIRECTORY_OUTPUTS); with `cast`,
    the network formats have every entity as a node, also those no edge reaches."""
    ext = format_of(out)
    if ext is not None:
        write_atomic(out, _bytes(ds, ext, cast))
        return [out]
    if out.suffix and not out.is_dir():
        raise OutputError(f"{out}: unknown output format {out.suffix!r} (known: {', '.join(FORMATS)})")
    targets = [out / name for name in DIRECTORY_OUTPUTS]
    data = [_bytes(ds, format_of(t), cast) for t in targets]  # every format made before any file is touched
    for target, blob in zip(targets, data, strict=False):
        write_atomic(target, blob)
    return targets
