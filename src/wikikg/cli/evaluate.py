"""`wikikg eval`: precision, recall and F1 of a graph against gold annotations or another graph."""
from __future__ import annotations

import sys

import click

from wikikg.cli.common import fail, load_graph


@click.command(name="eval")
@click.argument("graph_path")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--min-f1", type=float, default=None, help="Exit 1 when core micro F1 is below this.")
def evaluate(graph_path: str, gold: str, min_f1: float | None) -> None:
    """Precision / recall / F1 per relation of GRAPH against hand-written GOLD annotations (a .tsv
    file), or against another graph (any format we write): how far two builds agree."""
    from wikikg.formats.writers import union
    from wikikg.quality.agreement import gold_from_graph
    from wikikg.quality.evaluate import format_report, load_gold, score

    try:
        g = load_gold(gold) if gold.endswith(".tsv") else gold_from_graph(union(load_graph(gold)))
    except ValueError as e:
        fail(str(e))
    report = score(union(load_graph(graph_path)), g)
    click.echo(format_report(report))
    f1 = report.core.f1
    if min_f1 is not None and (f1 or 0.0) < min_f1:
        click.echo(f"wikikg: core F1 {f1 or 0.0:.3f} is below --min-f1 {min_f1}", err=True)
        sys.exit(1)
