"""`wikikg view`: the graph as an interactive HTML page or a PNG picture."""
from __future__ import annotations

from pathlib import Path

import click

from wikikg.cli.common import fail, load_graph


@click.command("view")
@click.argument("graph_path", metavar="GRAPH")
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path),
              help="graph.html (interactive, works offline) or graph.png (static picture).")
@click.option("--title", default=None, help="Heading of the picture (default: the file name).")
@click.option("--cast", is_flag=True,
              help="Draw every entity, also those no edge reaches (the whole cast, sanctions programmes, reporters).")
def view(graph_path: str, out: Path, title: str | None, cast: bool) -> None:
    """Draw GRAPH (any RDF format we write) as an HTML page or a PNG picture."""
    from wikikg.formats.view import WRITERS, edges
    from wikikg.formats.writers import property_graph, write_atomic

    writer = WRITERS.get(out.suffix.lower())
    if writer is None:
        fail(f"{out}: unknown picture format {out.suffix!r} (known: {', '.join(WRITERS)})")
    pg = property_graph(load_graph(graph_path), cast=cast)
    try:
        data = writer(pg, title or Path(graph_path).name)
    except ImportError as e:  # matplotlib is an extra; numpy a dependency of the layout
        if (e.name or "").startswith("matplotlib"):
            fail(f"PNG output needs matplotlib ({e.name}): pip install 'wikikg[png]'")
        fail(f"the picture's layout needs {e.name}, which wikikg depends on: reinstall it (pip install wikikg)")
    write_atomic(out, data)
    click.echo(f"wikikg: {len(pg.entities)} entities, {len(edges(pg))} edges -> {out}", err=True)
