"""`wikikg query` and `wikikg queries`: SPARQL over a graph file or a store, and the named queries."""
from __future__ import annotations

import click

from wikikg.cli.common import fail, load_graph


@click.command()
@click.argument("spec", metavar="SPARQL|FILE.rq|NAME")
@click.option("--graph", "graph_path", default=None, help="A graph file in any format we write.")
@click.option("--store", "store_dir", default=None, help="A store made by `wikikg build --store DIR`.")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "csv", "tsv", "json", "xml", "turtle", "nt", "rdfxml", "jsonld", "n3", "nq",
                                 "trig"]),
              help="SELECT/ASK: table (labels for IRIs), csv, tsv, json, xml; CONSTRUCT/DESCRIBE: turtle, nt, "
                   "rdfxml, jsonld, n3, nq, trig.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query variable: an entity by label or IRI, prefix:name, \"literal\".")
@click.option("--engine", type=click.Choice(["oxigraph", "rdflib"]), default="oxigraph", show_default=True,
              help="rdflib's evaluator instead of Oxigraph (--graph only; for comparison).")
def query(spec: str, graph_path: str | None, store_dir: str | None, fmt: str, params: tuple[str, ...],
          engine: str) -> None:
    """Run a named query, a .rq file or inline SPARQL over --graph FILE or --store DIR."""
    from wikikg.sparql.query import answer
    from wikikg.sparql.store import Engine, QueryError, RdflibEngine, StoreError

    if bool(graph_path) == bool(store_dir):
        fail("give one of --graph FILE or --store DIR")
    if engine == "rdflib" and store_dir:
        fail("--engine rdflib reads a --graph file, not a store")
    try:
        runner = RdflibEngine(load_graph(graph_path)) if engine == "rdflib" else \
            Engine.open(graph=graph_path, store=store_dir)
        data = answer(runner, spec, params, fmt)
    except (QueryError, StoreError) as e:
        fail(str(e))
    click.echo(data, nl=False)


@click.command()
def queries() -> None:
    """List the named queries shipped with the package."""
    from wikikg.sparql.query import catalogue

    click.echo(catalogue(), nl=False)
