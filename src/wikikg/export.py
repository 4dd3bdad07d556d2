"""Output formats registered by extension; deterministic bytes, written atomically."""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from rdflib import Dataset, Graph

from .graph import bind


def union(ds: Dataset) -> Graph:
    """Every triple of every named graph, in one graph."""
    g = bind(Graph())
    for s, p, o, _c in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def _sorted_lines(data: str) -> bytes:
    lines = sorted(set(line for line in data.splitlines() if line.strip()))
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def to_turtle(ds: Dataset) -> bytes:
    """Turtle of the union graph (rdflib sorts subjects and predicates: stable output)."""
    return union(ds).serialize(format="turtle", encoding="utf-8")


def to_ntriples(ds: Dataset) -> bytes:
    """N-Triples of the union graph, lines sorted."""
    return _sorted_lines(union(ds).serialize(format="nt", encoding="utf-8").decode("utf-8"))


def to_nquads(ds: Dataset) -> bytes:
    """N-Quads, one named graph per article, lines sorted."""
    return _sorted_lines(ds.serialize(format="nquads", encoding="utf-8").decode("utf-8"))


def to_trig(ds: Dataset) -> bytes:
    """TriG, one named graph per article, graphs in IRI order."""
    prefixes, blocks = [], []
    for g in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if not len(g):
            continue
        body = bind(Graph()).__iadd__(g).serialize(format="turtle").splitlines()
        prefixes.extend(line for line in body if line.startswith("@prefix"))
        inner = "\n".join("    " + line if line else "" for line in body if not line.startswith("@prefix"))
        blocks.append(f"<{g.identifier}> {{\n{inner.strip(chr(10))}\n}}\n")
    head = "\n".join(sorted(set(prefixes)))
    return (head + "\n\n" + "\n".join(blocks)).encode("utf-8")


def to_jsonld(ds: Dataset) -> bytes:
    """JSON-LD of the union graph with the wkg: prefixes as context."""
    g = union(ds)
    ctx = {p: str(ns) for p, ns in g.namespaces() if p in {"wkg", "schema", "prov", "dct", "skos",
                                                            "foaf", "owl", "rdfs", "rdf", "xsd", "res"}}
    doc = json.loads(g.serialize(format="json-ld", context=ctx, encoding="utf-8"))
    if isinstance(doc.get("@graph"), list):
        doc["@graph"].sort(key=lambda n: json.dumps(n, sort_keys=True))
        for node in doc["@graph"]:
            for k, v in node.items():
                if isinstance(v, list):
                    v.sort(key=lambda x: json.dumps(x, sort_keys=True))
    return (json.dumps(doc, sort_keys=True, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


FORMATS: dict[str, Callable[[Dataset], bytes]] = {
    ".ttl": to_turtle, ".nt": to_ntriples, ".nq": to_nquads, ".trig": to_trig, ".jsonld": to_jsonld,
}
DIRECTORY_OUTPUTS = ("graph.ttl", "graph.nq")


class OutputError(ValueError):
    """An output path whose extension names no format we write."""


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write(ds: Dataset, out: Path) -> list[Path]:
    """Write `ds` to a file (format by extension) or a directory (graph.ttl, graph.nq)."""
    if out.suffix.lower() in FORMATS:
        write_atomic(out, FORMATS[out.suffix.lower()](ds))
        return [out]
    if out.suffix and not out.is_dir():
        raise OutputError(f"{out}: unknown output format {out.suffix!r} (known: {', '.join(FORMATS)})")
    written = []
    for name in DIRECTORY_OUTPUTS:
        target = out / name
        write_atomic(target, FORMATS[target.suffix](ds))
        written.append(target)
    return written
