"""`wikikg build`: articles, folders and dumps into a graph file, a directory of files or a store."""
from __future__ import annotations

import json
import os
import sys
from contextlib import nullcontext
from pathlib import Path

import click

from wikikg.cli.common import fail
from wikikg.errors import InputError, OutputError

EXIT_SKIPPED = 3
MAX_ARTICLE_BYTES = 5_000_000  # the largest English Wikipedia articles hold about 1.5 MB of wikitext
ARTICLE_TIMEOUT = 120.0  # the slowest real article measured takes about 2 s


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "out", default=None, type=click.Path(path_type=str),
              help="File (.ttl .nt .nq .trig .jsonld ...) or directory (graph.ttl, graph.nq, ...). "
                   ".nq and .nt are written in streaming mode (flat memory, any size).")
@click.option("--kind", type=click.Choice(["wikitext", "text"]), default=None,
              help="Input kind; by default from the extension (.txt is plain text).")
@click.option("--title", default=None,
              help="The Wikipedia title of the one article read from stdin (required) or a single file.")
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
@click.option("--align", is_flag=True,
              help="Also write the triples the ontology's alignments entail: schema.org, DBpedia, W3C ORG, "
                   "FollowTheMoney and Wikidata (wdt:) properties and types beside the wkg: ones.")
def build(inputs: tuple[str, ...], out: Path | None, kind: str | None, title: str | None,
          store_dir: Path | None, jobs: int | None, only_infobox: str | None, titles_file: str | None,
          scheduler: str | None, dask_local: int | None, progress: bool | None, max_article_bytes: int,
          article_timeout: float, gazetteer_path: str | None, align: bool) -> None:
    """Build the graph of INPUT... (files, directories, MediaWiki XML dumps, '-' for stdin) into OUT."""
    from concurrent.futures.process import BrokenProcessPool

    import rdflib  # noqa: F401  (outside the store: its html5rdf builds classes from sets, another pattern each process)

    from wikikg.kb.compiledstore import compiled_from_disk

    # the pipeline's modules compile ~600 patterns as they are imported (~0.08 s of CPU): their code read from the
    # store too, then handed to preload, which compiles the rest and writes the file for both
    with compiled_from_disk(more=True) if "wikikg.pipeline.stages" not in sys.modules else nullcontext():
        from wikikg.formats.writers import format_of, write
        from wikikg.pipeline.limits import ArticleLimits
        from wikikg.pipeline.parallel import make_runner
        from wikikg.pipeline.stages import build as run
        from wikikg.read.dumps import read_titles

    if out is None and store_dir is None:
        fail("give -o OUT, --store DIR or both")
    out = _output(out) if out is not None else None
    if scheduler and dask_local:
        fail("give one of --scheduler and --dask-local")
    if out is not None and format_of(out) is None and out.suffix and not out.is_dir():
        fail(f"{out}: unknown output format {out.suffix!r} (for a directory, end it with /: {out}/)")
    _refuse_idle_options(inputs, kind, title)
    for target in (out, store_dir):
        if target is not None:
            _lock(Path(target))
    options = {"only_infobox": tuple((only_infobox or "").split(",")), "progress": progress,
               "titles": read_titles(titles_file) if titles_file else None,
               "limits": ArticleLimits(max_article_bytes, article_timeout)}
    if gazetteer_path:
        from wikikg.pipeline.gazetteer import GazetteerError, load_gazetteer

        try:
            options["gazetteer"] = load_gazetteer(gazetteer_path)
        except GazetteerError as e:
            fail(str(e))
    streaming = out is not None and format_of(out) in (".nq", ".nt")
    try:
        runner = make_runner(jobs, scheduler, dask_local)
    except ImportError:
        fail("--scheduler and --dask-local need Dask: pip install 'wikikg[dask]'")
    except OSError as e:
        fail(f"cannot reach the Dask scheduler {scheduler}: {e}")
    try:
        if streaming:
            from wikikg.pipeline.shards import build_stream

            result = build_stream(list(inputs), out, kind, title, runner=runner, **options)
        else:
            result = run(list(inputs), kind, title, runner=runner, **options)
        if result.articles == 0 and result.errors:
            fail(result.errors[0].reason)
        if align and not streaming:
            from wikikg.formats.aligned import align_dataset

            align_dataset(result.dataset)
        elif align:
            from wikikg.formats.aligned import align_file

            align_file(out)
        written = [out] if streaming else write(result.dataset, out) if out is not None else []
    except (InputError, OutputError) as e:
        fail(str(e))
    except BrokenProcessPool:
        fail("an extraction worker process died (killed, or out of memory); "
             "--jobs 1 shows which article it was")
    finally:
        runner.close()
    if store_dir is not None:
        if result.dataset is not None:
            _load_store(store_dir, result.dataset)
        else:
            _load_store_file(store_dir, out)
    report_dir = store_dir.parent if out is None else out if format_of(out) is None else out.parent
    described = _describe(result, list(inputs), out, store_dir, written, streaming, align)
    _report(result, written + ([store_dir] if store_dir else []) + [described], report_dir / "errors.jsonl")


def _describe(result, inputs: list[str], out: Path | None, store_dir: Path | None, written: list[Path],
              streaming: bool, align: bool) -> Path:
    """Write the build's VoID / DCAT description (counts from the N-Quads of what was built)."""
    from wikikg.formats.void import describe, stats_of, void_path
    from wikikg.formats.writers import to_nquads, write_atomic

    if streaming:
        with open(out, encoding="utf-8") as f:
            stats = stats_of(f)
    else:
        stats = stats_of(to_nquads(result.dataset).decode("utf-8").splitlines(keepends=True))
    path = void_path(out if out is not None else store_dir.with_name(store_dir.name + ".ttl"))
    text = describe(stats, result.articles, inputs, written, result.revisions, align)
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as e:
        fail(f"{path}: cannot write the build's description ({e.strerror or e})")
    return path


def _refuse_idle_options(inputs: tuple[str, ...], kind: str | None, title: str | None) -> None:
    """Refuse --title and --kind where they would do nothing: a dump's pages and a directory's files
    have their own titles, and a dump's pages are wikitext."""
    from wikikg.read.files import is_dump

    if title is not None:
        if len(inputs) > 1:
            fail(f"--title names the article of one file or of stdin, not of {len(inputs)} inputs")
        (raw,) = inputs
        if raw != "-" and is_dump(Path(raw)):
            fail(f"--title does nothing for a dump ({raw}): each page has its own title "
                 "(--titles FILE picks pages by title)")
        if raw != "-" and Path(raw).is_dir():
            fail(f"--title does nothing for a directory ({raw}): each file is titled by its name")
    if kind is not None and all(raw != "-" and is_dump(Path(raw)) for raw in inputs):
        fail("--kind does nothing for a dump: its pages are wikitext")


def _lock(target: Path) -> None:
    """Hold an exclusive lock on `.NAME.wikikg-lock` beside an output or store until the command ends
    (then the file goes): a second build into the same place stops at once instead of racing the first."""
    import fcntl

    lock = target.parent / f".{target.name}.wikikg-lock"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        f = open(lock, "a")  # noqa: SIM115 - held open until the command ends
    except OSError as e:
        fail(f"{target}: cannot write beside it ({e.strerror})")
    try:
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        f.close()
        fail(f"{target}: another wikikg build is writing it (lock {lock}); wait for it to end")
    def release() -> None:
        lock.unlink(missing_ok=True)  # no file left beside the outputs (still locked while unlinked)
        f.close()

    click.get_current_context().call_on_close(release)


def _output(raw: str) -> Path:
    """-o as a Path; written with a trailing slash it is a directory even with a dot in its name
    (`-o out_0.05/`), made now so the writer takes it for one."""
    out = Path(raw)
    if raw.endswith(("/", os.sep)) and not out.is_dir():
        try:
            out.mkdir(parents=True)
        except OSError as e:
            fail(f"{out}: cannot make the output directory ({e.strerror})")
    return out


def _report(result, written: list[Path], errors_file: Path) -> None:
    """Write the skipped articles and warnings to errors.jsonl (rewritten when one is there already) and
    tell what was built; exit with status 3 when articles were skipped."""
    from wikikg.formats.writers import write_atomic

    records = result.errors + result.warnings
    if records or errors_file.exists():
        lines = "".join(json.dumps(e.record(), sort_keys=True) + "\n" for e in records)
        write_atomic(errors_file, lines.encode("utf-8"))
    rels = ", ".join(f"{k} {v}" for k, v in sorted(result.relations.items()))
    click.echo(f"wikikg: {result.articles} article(s), {result.statements} statement(s) -> "
               f"{', '.join(map(str, written))}"
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


def _load_store(store_dir: Path, dataset) -> None:
    from wikikg.sparql.store import StoreError, load_dataset, open_store

    try:
        report = load_dataset(open_store(store_dir, create=True), dataset)
    except StoreError as e:
        fail(str(e))
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
        fail(str(e))
    click.echo(f"wikikg: store {store_dir}: {path} bulk-loaded", err=True)
