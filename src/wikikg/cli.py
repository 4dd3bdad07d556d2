"""Thin subcommands over the pipeline, exports and evaluation."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .export import FORMATS, OutputError, write, write_atomic
from .read import InputError

EXIT_SKIPPED = 3


def _fail(message: str) -> None:
    click.echo(f"wikikg: error: {message}", err=True)
    sys.exit(1)


def load_graph(path: str):
    """Read any format we write into a Dataset (named graphs kept for .nq/.trig)."""
    from rdflib import Dataset

    from .graph import bind

    p = Path(path)
    fmt = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld",
           ".json": "json-ld"}.get(p.suffix.lower())
    if fmt is None:
        _fail(f"{path}: unknown graph format {p.suffix!r} (known: {', '.join(FORMATS)})")
    if not p.is_file():
        _fail(f"{path}: no such file")
    ds = bind(Dataset(default_union=True))
    try:
        if fmt in ("nquads", "trig"):
            ds.parse(p, format=fmt)
        else:
            ds.default_graph.parse(p, format=fmt)
    except RecursionError:
        _fail(f"{path}: nesting too deep to parse")
    except Exception as e:  # rdflib raises many kinds of syntax errors
        _fail(f"{path}: not valid {fmt}: {str(e).splitlines()[0][:200]}")
    return ds


@click.group()
@click.version_option(package_name="wikikg")
def main() -> None:
    """wikikg: Wikipedia articles -> a typed, dated, sourced knowledge graph in RDF."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path),
              help="File (.ttl .nt .nq .trig .jsonld) or directory (graph.ttl, graph.nq).")
@click.option("--kind", type=click.Choice(["wikitext", "text"]), default=None,
              help="Input kind; by default from the extension (.txt is plain text).")
@click.option("--title", default=None, help="Article title for stdin or a single file.")
def build(inputs: tuple[str, ...], out: Path, kind: str | None, title: str | None) -> None:
    """Build the graph of INPUT... (files, directories, '-' for stdin) into OUT."""
    from .pipeline import build as run

    try:
        result = run(list(inputs), kind, title)
        if result.articles == 0 and result.errors:
            _fail(result.errors[0]["reason"])
        written = write(result.dataset, out)
    except (InputError, OutputError) as e:
        _fail(str(e))
    report_dir = out if not out.suffix else out.parent
    errors_file = report_dir / "errors.jsonl"
    if result.errors or errors_file.exists():
        lines = "".join(json.dumps(e, sort_keys=True) + "\n" for e in result.errors)
        write_atomic(errors_file, lines.encode("utf-8"))
    rels = ", ".join(f"{k} {v}" for k, v in sorted(result.relations.items()))
    click.echo(f"wikikg: {result.articles} article(s), {result.statements} statement(s) -> "
               f"{', '.join(map(str, written))}" + (f"\n  {rels}" if rels else ""), err=True)
    if result.errors:
        click.echo(f"wikikg: completed with {len(result.errors)} skipped (see {errors_file})", err=True)
        for e in result.errors[:5]:
            click.echo(f"  skipped {e.get('title') or e.get('input')}: {e['reason']}", err=True)
        sys.exit(EXIT_SKIPPED)


@main.command()
@click.option("--graph", "graph_path", required=True, help="A graph file in any format we write.")
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path))
def export(graph_path: str, out: Path) -> None:
    """Convert a graph between formats (by the output's extension)."""
    try:
        write(load_graph(graph_path), out)
    except OutputError as e:
        _fail(str(e))


@main.command(name="eval")
@click.argument("graph_path")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--min-f1", type=float, default=None, help="Exit 1 when core micro F1 is below this.")
def evaluate(graph_path: str, gold: str, min_f1: float | None) -> None:
    """Precision / recall / F1 per relation of GRAPH against hand-written GOLD annotations."""
    from .evaluate import format_report, load_gold, score
    from .export import union

    try:
        g = load_gold(gold)
    except ValueError as e:
        _fail(str(e))
    report = score(union(load_graph(graph_path)), g)
    click.echo(format_report(report))
    f1 = report.core.f1
    if min_f1 is not None and (f1 or 0.0) < min_f1:
        click.echo(f"wikikg: core F1 {f1 or 0.0:.3f} is below --min-f1 {min_f1}", err=True)
        sys.exit(1)
