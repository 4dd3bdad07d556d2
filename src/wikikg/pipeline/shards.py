"""Streaming builds to N-Quads / N-Triples: partitions extracted and spilled, shards written, merged sorted."""
from __future__ import annotations

import heapq
import os
import pickle
import shutil
import tempfile
import zlib
from collections import Counter
from pathlib import Path

from wikikg import graph as G
from wikikg.model import Problem
from wikikg.pipeline.gazetteer import Gazetteer
from wikikg.pipeline.limits import ArticleLimits
from wikikg.pipeline.parallel import LocalRunner, Progress, input_bytes, partitions
from wikikg.pipeline.stages import (
    ArticleResult,
    BuildResult,
    Shared,
    extract_partition,
    freeze_tables,
    read_articles,
    thaw_tables,
    warning_records,
)
from wikikg.resolve import merge

__all__ = ["build_stream", "extract_spill", "merge_sorted", "sorted_lines", "write_shard"]

PARTITION = 16  # articles per partition (one spill file and one shard each)
FAN_IN = 128  # shard files merged at once


def extract_spill(item: tuple[int, list], shared: Shared | None = None) -> tuple:
    """Round 1 (on a worker): extract a partition -> (index, summary, compressed results, errors,
    warnings), each error and warning with its sequence number."""
    k, part = item
    done = extract_partition(part, shared)
    results = [(s, r) for s, r in done if isinstance(r, ArticleResult)]
    failed = [(s, r) for s, r in done if not isinstance(r, ArticleResult)]
    warned = [(s, w) for s, r in results for w in warning_records([r])]
    blob = zlib.compress(pickle.dumps(results, pickle.HIGHEST_PROTOCOL), 1)
    return k, merge.summarise(results), blob, failed, warned


def sorted_lines(lines: set[str]) -> bytes:
    """The lines in code point order, as UTF-8: each encoded, then sorted as bytes (UTF-8's byte order
    is code point order, and bytes compare faster); lines holding a lone surrogate, which UTF-8 cannot
    encode, are sorted as text and encoded with "?" for it."""
    try:
        return b"".join(sorted([line.encode("utf-8") for line in lines]))
    except UnicodeEncodeError:
        return "".join(sorted(lines)).encode("utf-8", "replace")


def write_shard(item: tuple[int, bytes, bool], tables: merge.Tables) -> tuple:
    """Round 2 (on a worker): a spilled partition -> (index, sorted N-Quads or N-Triples lines as UTF-8,
    statements, statements per relation), with the global tables of resolution. The lines are not
    compressed: they go once to the process that writes the shard file, and compressing them cost more
    than sending them."""
    k, blob, quads = item
    lines: set[str] = set()
    statements, relations = 0, Counter()
    for _, r in pickle.loads(zlib.decompress(blob)):
        sink = G.LineSink(str(G.article_graph_iri(r.title)) if quads else None, lines)
        sts = G.article_triples(sink, r, tables)
        statements += len(sts)
        relations.update(st.predicate for st in sts)
    return k, sorted_lines(lines), statements, relations


def _merge(files: list[Path], out: Path) -> int:
    n, last = 0, None
    handles = [open(f, "rb") for f in files]
    try:
        with open(out, "wb") as w:
            for line in heapq.merge(*handles):
                if line != last:
                    w.write(line)
                    n, last = n + 1, line
            w.flush()
            os.fsync(w.fileno())  # on disk before it is renamed over the previous output
    finally:
        for h in handles:
            h.close()
    return n


def merge_sorted(files: list[Path], out: Path) -> int:
    """K-way merge of files of sorted lines into `out`, each line once (UTF-8 byte order is code
    point order, as Python sorts); returns the number of lines."""
    files, level = list(files), 0
    while len(files) > FAN_IN:
        level += 1
        groups = [files[i:i + FAN_IN] for i in range(0, len(files), FAN_IN)]
        files = [g[0].with_name(f"merge-{level}-{i:06d}") for i, g in enumerate(groups)]
        for g, target in zip(groups, files, strict=False):
            _merge(g, target)
    return _merge(files, out)


def build_stream(inputs: list[str], out: Path, kind: str | None = None, title: str | None = None, *,
                 jobs: int = 1, runner=None, only_infobox: tuple[str, ...] = (),
                 titles: frozenset[str] | None = None, progress: bool | None = False,
                 partition: int = PARTITION, limits: ArticleLimits | None = None,
                 gazetteer: Gazetteer | None = None) -> BuildResult:
    """Build straight into an .nq or .nt file in flat memory: round 1 extracts partitions and spills
    them, the summaries resolve entities across all articles, round 2 writes sorted shards in parallel,
    and a k-way merge writes the output (byte-identical to the in-memory build's). When every input
    failed, `out` is left as it was."""
    quads = out.name.lower().endswith(".nq")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    errors: list[Problem] = []
    redirects: list[tuple[str, str]] = []
    failed, warned, spills, summary = [], [], {}, merge.Summary()
    result = BuildResult(None)
    bar = Progress(input_bytes(inputs), progress)
    own = runner is None
    runner = runner or LocalRunner(jobs)
    freeze_tables()
    try:
        articles = bar.counted(read_articles(inputs, kind, title, errors, redirects, only_infobox, titles,
                                             bar.read, limits.max_bytes if limits else 0, result.revisions))
        items = enumerate(partitions(enumerate(articles), partition))
        shared = Shared(limits or ArticleLimits(), gazetteer)
        for k, part_summary, blob, part_failed, part_warned in runner.imap(extract_spill, items, shared):
            summary.update(part_summary)
            failed += part_failed
            warned += part_warned
            spills[k] = tmp / f"spill-{k:06d}"
            spills[k].write_bytes(blob)
            bar.done(part_summary.articles + len(part_failed))
        bar.close()
        tables = merge.tables(summary, redirects)
        shards = []
        work = ((k, path.read_bytes(), quads) for k, path in sorted(spills.items()))
        for k, data, statements, relations in runner.imap(write_shard, work, tables):
            shards.append(tmp / f"shard-{k:06d}")
            shards[-1].write_bytes(data)
            spills.pop(k).unlink()
            result.statements += statements
            result.relations.update(relations)
        target = tmp / "merged"
        merge_sorted(sorted(shards), target)
        if summary.articles or not (errors or failed):  # a build that read nothing keeps the old file
            os.replace(target, out)
    finally:
        bar.close()
        if own:
            runner.close()
        thaw_tables()
        shutil.rmtree(tmp, ignore_errors=True)
    result.articles = summary.articles
    result.errors = errors + [e for _, e in sorted(failed, key=lambda x: x[0])]
    result.warnings = [w for _, w in sorted(warned, key=lambda x: x[0])]
    return result
