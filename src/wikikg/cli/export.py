"""`wikikg export`: a graph converted between formats."""
from __future__ import annotations

from pathlib import Path

import click

from wikikg.cli.common import fail, load_graph
from wikikg.errors import OutputError


@click.command()
@click.option("--graph", "graph_path", required=True, help="A graph file in any format we write.")
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path))
def export(graph_path: str, out: Path) -> None:
    """Convert a graph between formats (by the output's extension)."""
    from wikikg.formats.writers import write

    try:
        write(load_graph(graph_path), out)
    except OutputError as e:
        fail(str(e))
