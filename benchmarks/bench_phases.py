"""Where a whole build's CPU goes: `wikikg build` run in this process with CPU timers around its phases.

    python benchmarks/bench_phases.py DUMP_OR_FILES... -o out.nq [--jobs 1] [any other build option]

Runs the CLI's `build` command itself (so a streaming .nq/.nt build, with --jobs 1 everything runs here)
and prints, on stderr when it ends, the process CPU time and each phase's share: importing the CLI,
loading the tables (preload), reading the input, extraction (extract_article and its limits), the
per-partition summaries and spills (pickle + zlib), resolution's tables, writing the shards (the
statements' lines, then sorting and encoding them), the k-way merge, and the VoID statistics. The
collector's own time is measured too (gc.callbacks). What is left is the interpreter's, the CLI's
and the phases' glue. Not run by pytest; timers add a little to each phase.
"""
from __future__ import annotations

import atexit
import gc
import importlib
import sys
import time
from collections import Counter

T0 = time.process_time()
acc: Counter = Counter()


def timed(name: str, fn):
    """fn with its CPU time added to acc[name]."""
    def wrapper(*a, **k):
        t = time.process_time()
        try:
            return fn(*a, **k)
        finally:
            acc[name] += time.process_time() - t
    return wrapper


def timed_iter(name: str, fn):
    """A generator function whose CPU time between items is added to acc[name]."""
    def wrapper(*a, **k):
        it = fn(*a, **k)
        while True:
            t = time.process_time()
            try:
                x = next(it)
            except StopIteration:
                acc[name] += time.process_time() - t
                return
            acc[name] += time.process_time() - t
            yield x
    return wrapper


_gc_start: list[float] = []


def _gc(phase: str, info: dict) -> None:
    if phase == "start":
        _gc_start.append(time.process_time())
    elif _gc_start:
        acc["garbage collector"] += time.process_time() - _gc_start.pop()


def report() -> None:
    """Each phase's CPU seconds and share of the process's."""
    total = time.process_time()
    rows = {"import the CLI": acc["import"], "load the tables (preload)": acc["preload"],
            "read the input": acc["read"], "extract (extract_article)": acc["extract"],
            "summaries (resolution's input)": acc["summarise"],
            "spill (pickle + zlib)": acc["spill"] - acc["extract"] - acc["summarise"],
            "resolution's tables": acc["tables"], "statements' lines (article_triples)": acc["triples"],
            "shard: unpickle, sort, encode": acc["shard"] - acc["triples"], "merge the shards": acc["merge"],
            "VoID statistics": acc["void"], "garbage collector (inside the above)": acc["garbage collector"]}
    print(f"process CPU {total:.2f} s", file=sys.stderr)
    for name, v in rows.items():
        print(f"  {name:38s} {v:6.2f} s {100 * v / total:5.1f}%", file=sys.stderr)


def main() -> None:
    """Patch the phases' functions, then run `wikikg` with this script's arguments."""
    from wikikg import graph
    from wikikg.cli import main as cli
    from wikikg.pipeline import shards
    from wikikg.resolve import merge

    build = importlib.import_module("wikikg.cli.build")
    acc["import"] = time.process_time() - T0
    shards.freeze_tables = timed("preload", shards.freeze_tables)
    shards.read_articles = timed_iter("read", shards.read_articles)
    shards.extract_partition = timed("extract", shards.extract_partition)
    shards.extract_spill = timed("spill", shards.extract_spill)
    shards.write_shard = timed("shard", shards.write_shard)
    shards.merge_sorted = timed("merge", shards.merge_sorted)
    merge.summarise = timed("summarise", merge.summarise)
    merge.tables = timed("tables", merge.tables)
    graph.article_triples = timed("triples", graph.article_triples)
    build._describe = timed("void", build._describe)
    gc.callbacks.append(_gc)
    atexit.register(report)
    sys.argv = ["wikikg", "build", *sys.argv[1:]]
    cli()


if __name__ == "__main__":
    main()
