"""The read-only check's cost: the lexer (sparql/lexer.py) against rdflib's SPARQL parser, which the
check used before issue 14, on queries of growing size.

    python benchmarks/bench_check.py

Not run by pytest; a few seconds (rdflib's parse of the largest queries takes longer).
"""
from __future__ import annotations

import time

from wikikg.sparql.query import check

QUERIES = {
    "founders (named query)": None,
    "84 triple patterns": "SELECT * WHERE { " + " ".join(f"?s <urn:p{i}> ?o{i} ." for i in range(84)) + " }",
    "37 nested groups": "SELECT * WHERE " + "{ " * 37 + "?s ?p ?o " + "} " * 37,
    "12 kB || filter": "SELECT * WHERE { ?s ?p ?o FILTER(" + " || ".join(f'?o = "v{i}"' for i in range(1000)) + ") }",
    "95 kB VALUES": "SELECT * WHERE { VALUES ?o { " + " ".join(f"<urn:x:{i}>" for i in range(7000)) + " } ?s ?p ?o }",
}


def best(fn, text, runs=5) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        try:
            fn(text)
        except Exception:  # noqa: BLE001 - rdflib's "nested too deeply" counts as an answer too
            pass
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    from rdflib.plugins.sparql.parser import parseQuery

    from wikikg.sparql.query import named_queries

    QUERIES["founders (named query)"] = named_queries()["founders"].text
    print("| query | size | check (lexer) | rdflib parse |")
    print("|---|---|---|---|")
    for name, text in QUERIES.items():
        ours = best(check, text)
        theirs = best(parseQuery, text, runs=1)
        print(f"| {name} | {len(text):,} B | {ours * 1000:.1f} ms | {theirs * 1000:,.0f} ms |")


if __name__ == "__main__":
    main()
