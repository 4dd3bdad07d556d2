"""Serialisation rates (triples/s): Turtle and N-Triples with rdflib, with pyoxigraph, and ours.

The graph: the seed and the held-out company articles are built once, then their named graphs are
copied under new IRIs (every resource IRI gets a "/copy-K" suffix) until there are --triples triples.
Timed, on the same union graph:
  - rdflib Turtle (export.to_turtle) and rdflib N-Triples (Graph.serialize, lines then sorted);
  - rdflib N-Triples with its lines sorted (what export.to_ntriples did before);
  - ours: graph.quad_lines over the triples, sorted, joined, encoded (what export.to_ntriples,
    to_nquads and the streaming build's shards write; byte-identical to rdflib's, checked here),
    and export.to_ntriples itself (the same plus reading the triples out of the Dataset);
  - pyoxigraph Turtle and N-Triples (pyoxigraph.serialize over the quads; conversion not timed).

    python benchmarks/bench_serialise.py [--triples 500000]

Not run by pytest. A few minutes on 2 cores, most of it rdflib.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from wikikg.formats.writers import to_ntriples, to_turtle
from wikikg.graph import bind, new_dataset, quad_lines
from wikikg.pipeline.stages import build
from wikikg.sparql.store import to_oxigraph

ROOT = Path(__file__).resolve().parents[1]
RES = "https://w3id.org/wikikg/resource/"


def graph_of(n: int):
    """A dataset of about n triples: real extractions copied under new IRIs."""
    files = [str(ROOT / "seeds" / "sensetime.wikitext")] + sorted(map(str, (ROOT / "tests" / "heldout").glob("*.wikitext")))
    base = list(build(files).dataset.quads((None, None, None, None)))
    ds, k = new_dataset(), 0
    while len(ds) < n:
        def move(t):
            return URIRef(f"{t}/copy-{k}") if isinstance(t, URIRef) and str(t).startswith(RES) else t
        for s, p, o, g in base:
            ds.graph(URIRef(f"{g.identifier if hasattr(g, 'identifier') else g}/copy-{k}")).add((move(s), p, move(o)))
        k += 1
    return ds


def rate(label: str, n: int, fn) -> bytes:
    """Time fn() once and print triples per second of wall time and of CPU time (the CPU figure
    holds on a machine shared with other work)."""
    t, c = time.perf_counter(), time.process_time()
    data = fn()
    dt, dc = time.perf_counter() - t, time.process_time() - c
    print(f"{label:44s} {dt:7.2f} s {n / dt:12,.0f} triples/s  (CPU {dc:6.2f} s: {n / dc:10,.0f} triples/s)")
    return data


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=500_000)
    args = ap.parse_args()
    ds = graph_of(args.triples)
    union = bind(Graph())
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    triples = list(union)
    n = len(triples)
    print(f"# serialisation of {n:,} triples")
    rate("rdflib Turtle (export.to_turtle)", n, lambda: to_turtle(ds))
    rate("rdflib N-Triples (serialize, unsorted)", n, lambda: union.serialize(format="nt", encoding="utf-8"))
    ref = rate("rdflib N-Triples + sort (before: to_ntriples)", n, lambda: "".join(sorted(
        line + "\n" for line in union.serialize(format="nt", encoding="utf-8").decode().split("\n")
        if line.strip())).encode("utf-8"))
    rate("export.to_ntriples (dataset union + ours)", n, lambda: to_ntriples(ds))
    ours = rate("ours: quad_lines + sort (N-Triples)", n,
                lambda: "".join(sorted(quad_lines(triples))).encode("utf-8"))  # a graph's triples are unique
    assert ours == ref, "our N-Triples differ from rdflib's"
    quads = [ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in triples]
    rate("pyoxigraph Turtle", n, lambda: ox.serialize(quads, format=ox.RdfFormat.TURTLE))
    rate("pyoxigraph N-Triples (unsorted)", n, lambda: ox.serialize(quads, format=ox.RdfFormat.N_TRIPLES))
    print("ours is byte-identical to rdflib's sorted N-Triples")


if __name__ == "__main__":
    main()
