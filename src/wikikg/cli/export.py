"""`wikikg export`: a graph converted between formats."""
from __future__ import annotations

from pathlib import Path

import click

from wikikg.cli.common import fail, load_graph
from wikikg.errors import OutputError


@click.command()
@click.option("--graph", "graph_path", required=True, help="A graph file in any format we write.")
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path))
@click.option("--align", is_flag=True, help="Also write the triples the ontology's alignments entail (as build --align).")
@click.option("--cast", is_flag=True,
              help="GraphML / GEXF / property graphs: every entity as a node, also those no edge reaches.")
def export(graph_path: str, out: Path, align: bool, cast: bool) -> None:
    """Convert a graph between formats (by the output's extension)."""
    from wikikg.formats.writers import write

    ds = load_graph(graph_path)
    if align:
        from wikikg.formats.aligned import align_dataset

        align_dataset(ds)
    try:
        write(ds, out, cast=cast)
    except OutputError as e:
        fail(str(e))
