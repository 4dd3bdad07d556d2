"""Thin subcommands over the pipeline, exports and evaluation."""
from __future__ import annotations

import json
import sys
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import click

from wikikg.formats.writers import OutputError, write, write_atomic
from wikikg.read.files import InputError

EXIT_SKIPPED = 3
MAX_ARTICLE_BYTES = 5_000_000  # the largest English Wikipedia articles hold about 1.5 MB of wikitext
ARTICLE_TIMEOUT = 120.0  # the slowest real article measured takes about 2 s


def _fail(message: str) -> None:
    click.echo(f"wikikg: error: {message}", err=True)
    sys.exit(1)


def load_graph(path: str):
    """Read any format we write into a Dataset (named graphs kept for .nq/.trig); exit 1 if it cannot."""
    from wikikg.formats.readers import read_graph

    try:
        return read_graph(path)
    except InputError as e:
        _fail(str(e))


@click.group()
@click.version_option(package_name="wikikg")
def main() -> None:
    """wikikg: Wikipedia articles -> a typed, dated, sourced knowledge graph in RDF."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "out", default=None, type=click.Path(path_type=Path),
              help="File (.ttl .nt .nq .trig .jsonld ...) or directory (graph.ttl, graph.nq, ...). "
                   ".nq and .nt are written in streaming mode (flat memory, any size).")
@click.option("--kind", type=click.Choice(["wikitext", "text"]), default=None,
              help="Input kind; by default from the extension (.txt is plain text).")
@click.option("--title", default=None, help="Article title for stdin or a single file.")
@click.option("--store", "store_dir", default=None, type=click.Path(path_type=Path),
              help="Also bulk-load the Oxigraph store DIR: one named graph per article, replaced on rebuild.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Extraction processes (default: all cores).")
@click.option("--only-infobox", default=None, metavar="KIND[,KIND]",
              help="Only articles with one of these infoboxes (e.g. company,organization).")
@click.option("--titles", "titles_file", default=None, type=click.Path(exists=True, dir_okay=False),
              help="Only the articles whose titles the file lists, one a line.")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT",
              help="Extract on this Dask cluster (workers need wikikg installed).")
@click.option("--dask-local", type=click.IntRange(min=1), default=None, metavar="N",
              help="Extract on a local Dask cluster of N worker processes.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: when stderr is a terminal).")
@click.option("--max-article-bytes", type=click.IntRange(min=0), default=MAX_ARTICLE_BYTES, show_default=True,
              help="Skip an article (or input file) larger than this many UTF-8 bytes; 0: no limit.")
@click.option("--article-timeout", type=click.FloatRange(min=0), default=ARTICLE_TIMEOUT, show_default=True,
              metavar="SECONDS", help="Stop and skip an article whose extraction runs longer; 0: no limit.")
@click.option("--gazetteer", "gazetteer_path", default=None, metavar="GRAPH",
              help="Also recognise the entities and aliases this graph file or store DIR knows "
                   "(e.g. a previous build): most useful for plain text, which has no links.")
def build(inputs: tuple[str, ...], out: Path | None, kind: str | None, title: str | None,
          store_dir: Path | None, jobs: int | None, only_infobox: str | None, titles_file: str | None,
          scheduler: str | None, dask_local: int | None, progress: bool | None, max_article_bytes: int,
          article_timeout: float, gazetteer_path: str | None) -> None:
    """Build the graph of INPUT... (files, directories, MediaWiki XML dumps, '-' for stdin) into OUT."""
    from wikikg.formats.writers import format_of
    from wikikg.pipeline.limits import ArticleLimits
    from wikikg.pipeline.parallel import make_runner
    from wikikg.pipeline.stages import build as run
    from wikikg.read.dumps import read_titles

    if out is None and store_dir is None:
        _fail("give -o OUT, --store DIR or both")
    if scheduler and dask_local:
        _fail("give one of --scheduler and --dask-local")
    if out is not None and format_of(out) is None and out.suffix and not out.is_dir():
        _fail(f"{out}: unknown output format {out.suffix!r}")
    options = {"only_infobox": tuple((only_infobox or "").split(",")), "progress": progress,
               "titles": read_titles(titles_file) if titles_file else None,
               "limits": ArticleLimits(max_article_bytes, article_timeout)}
    if gazetteer_path:
        from wikikg.pipeline.gazetteer import GazetteerError, load_gazetteer

        try:
            options["gazetteer"] = load_gazetteer(gazetteer_path)
        except GazetteerError as e:
            _fail(str(e))
    streaming = out is not None and format_of(out) in (".nq", ".nt")
    try:
        runner = make_runner(jobs, scheduler, dask_local)
    except ImportError:
        _fail("--scheduler and --dask-local need Dask: pip install 'wikikg[dask]'")
    except OSError as e:
        _fail(f"cannot reach the Dask scheduler {scheduler}: {e}")
    try:
        if streaming:
            from wikikg.pipeline.shards import build_stream

            result = build_stream(list(inputs), out, kind, title, runner=runner, **options)
        else:
            result = run(list(inputs), kind, title, runner=runner, **options)
        if result.articles == 0 and result.errors:
            _fail(result.errors[0].reason)
        written = [out] if streaming else write(result.dataset, out) if out is not None else []
    except (InputError, OutputError) as e:
        _fail(str(e))
    except BrokenProcessPool:
        _fail("an extraction worker process died (killed, or out of memory); "
              "--jobs 1 shows which article it was")
    finally:
        runner.close()
    if store_dir is not None:
        if result.dataset is not None:
            _load_store(store_dir, result.dataset)
        else:
            _load_store_file(store_dir, out)
    report_dir = store_dir.parent if out is None else out if not out.suffix else out.parent
    errors_file = report_dir / "errors.jsonl"
    records = result.errors + result.warnings
    if records or errors_file.exists():
        lines = "".join(json.dumps(e.record(), sort_keys=True) + "\n" for e in records)
        write_atomic(errors_file, lines.encode("utf-8"))
    rels = ", ".join(f"{k} {v}" for k, v in sorted(result.relations.items()))
    click.echo(f"wikikg: {result.articles} article(s), {result.statements} statement(s) -> "
               f"{', '.join(map(str, written + ([store_dir] if store_dir else [])))}"
               + (f"\n  {rels}" if rels else ""), err=True)
    if result.warnings:
        click.echo(f"wikikg: {len(result.warnings)} warning(s) (see {errors_file})", err=True)
        for w in result.warnings[:5]:
            click.echo(f"  warning {w.title}: {w.reason}", err=True)
    if result.errors:
        click.echo(f"wikikg: completed with {len(result.errors)} skipped (see {errors_file})", err=True)
        for e in result.errors[:5]:
            click.echo(f"  skipped {e.title or e.input}: {e.reason}", err=True)
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
    """Precision / recall / F1 per relation of GRAPH against hand-written GOLD annotations (a .tsv
    file), or against another graph (any format we write): how far two builds agree."""
    from wikikg.formats.writers import union
    from wikikg.quality.agreement import gold_from_graph
    from wikikg.quality.evaluate import format_report, load_gold, score

    try:
        g = load_gold(gold) if gold.endswith(".tsv") else gold_from_graph(union(load_graph(gold)))
    except ValueError as e:
        _fail(str(e))
    report = score(union(load_graph(graph_path)), g)
    click.echo(format_report(report))
    f1 = report.core.f1
    if min_f1 is not None and (f1 or 0.0) < min_f1:
        click.echo(f"wikikg: core F1 {f1 or 0.0:.3f} is below --min-f1 {min_f1}", err=True)
        sys.exit(1)


def _load_store(store_dir: Path, dataset) -> None:
    from wikikg.sparql.store import StoreError, load_dataset, open_store

    try:
        report = load_dataset(open_store(store_dir, create=True), dataset)
    except StoreError as e:
        _fail(str(e))
    click.echo(f"wikikg: store {store_dir}: {report.graphs} article graph(s) loaded "
               f"({report.replaced} replaced), {report.quads} quads", err=True)


def _load_store_file(store_dir: Path, path: Path) -> None:
    """Bulk-load a streamed .nq/.nt build into the store (adds; the in-memory build replaces graphs)."""
    from wikikg.sparql.store import StoreError, load_file, open_store

    try:
        store = open_store(store_dir, create=True)
        load_file(path, store)
        store.flush()
    except StoreError as e:
        _fail(str(e))
    click.echo(f"wikikg: store {store_dir}: {path} bulk-loaded", err=True)


@main.command()
@click.argument("spec", metavar="SPARQL|FILE.rq|NAME")
@click.option("--graph", "graph_path", default=None, help="A graph file in any format we write.")
@click.option("--store", "store_dir", default=None, help="A store made by `wikikg build --store DIR`.")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "csv", "tsv", "json", "xml", "turtle", "nt"]),
              help="SELECT/ASK: table (labels for IRIs), csv, tsv, json, xml; CONSTRUCT: turtle, nt.")
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
        _fail("give one of --graph FILE or --store DIR")
    if engine == "rdflib" and store_dir:
        _fail("--engine rdflib reads a --graph file, not a store")
    try:
        runner = RdflibEngine(load_graph(graph_path)) if engine == "rdflib" else \
            Engine.open(graph=graph_path, store=store_dir)
        data = answer(runner, spec, params, fmt)
    except (QueryError, StoreError) as e:
        _fail(str(e))
    click.echo(data, nl=False)


@main.command()
def queries() -> None:
    """List the named queries shipped with the package."""
    from wikikg.sparql.query import catalogue

    click.echo(catalogue(), nl=False)


@main.command()
@click.option("--graph", "graph_path", default=None, help="A graph file (loaded into a temporary store).")
@click.option("--store", "store_dir", default=None, help="A store made by `wikikg build --store DIR`.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=7878, show_default=True, type=int)
@click.option("--timeout", default=10.0, show_default=True, help="Seconds a query may run.")
@click.option("--max-rows", default=10_000, show_default=True, help="Rows (or triples) per answer.")
@click.option("--max-bytes", default=20_000_000, show_default=True, help="Bytes per answer.")
@click.option("--max-request", default=100_000, show_default=True, help="Bytes per request.")
@click.option("--workers", default=2, show_default=True, help="Query worker processes.")
@click.option("--cors-origin", "cors", multiple=True, help="Allow browser pages from ORIGIN ('*': any).")
def serve(graph_path: str | None, store_dir: str | None, host: str, port: int, timeout: float,
          max_rows: int, max_bytes: int, max_request: int, workers: int, cors: tuple[str, ...]) -> None:
    """Serve a read-only SPARQL 1.1 Protocol endpoint (/sparql) and a query page (/)."""
    from wikikg.sparql.server import Limits
    from wikikg.sparql.server import serve as run
    from wikikg.sparql.store import StoreError

    if bool(graph_path) == bool(store_dir):
        _fail("give one of --graph FILE or --store DIR")
    if min(timeout, max_rows, max_bytes, max_request, workers) <= 0:
        _fail("--timeout, --max-rows, --max-bytes, --max-request and --workers must be positive")

    def ready(pool) -> None:
        guard = "on" if pool.guarded else "off (audit hook only)"
        click.echo(f"wikikg: serving {graph_path or store_dir} ({pool.quads} quads) at http://{host}:{port}/ "
                   f"- SPARQL endpoint /sparql; read-only, network guard {guard}", err=True)

    try:
        run(graph=graph_path, store=store_dir, host=host, port=port, cors_origins=cors, on_ready=ready,
            limits=Limits(timeout, max_rows, max_bytes, max_request, workers))
    except StoreError as e:
        _fail(str(e))


from wikikg.cli.view import view  # noqa: E402  (its own module: the HTML view and picture)

main.add_command(view)
