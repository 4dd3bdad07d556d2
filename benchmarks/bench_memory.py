"""Peak memory of whole-dump builds: dumps of 1k, 5k and 20k re-titled articles must stay flat.

For each size, a dump is generated as in bench_throughput.py and `wikikg build DUMP -o OUT.nq`
(streaming mode: spilled partitions, shards, k-way merge) runs with --jobs (default: all cores);
the peak RSS of the whole process tree and of the main process are printed, then whether the
largest is within 20% of the smallest and under 500 MB.

    python benchmarks/bench_memory.py [--sizes 1000,5000,20000] [--source small|company|all] [--jobs N]

Not run by pytest. --source small (one 2 KB real article, ~5 ms to extract) keeps the 20k run
to a few minutes on 2 cores; --source all is the realistic mix and takes far longer at 20k.
"""
from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from bench_throughput import machine, make_dump, run_build


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,5000,20000")
    ap.add_argument("--source", choices=["all", "company", "small"], default="small")
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    args = ap.parse_args()
    print(f"# memory: re-titled articles ({args.source}), --jobs {args.jobs}; {machine()}")
    peaks = []
    for n in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            dump = make_dump(Path(tmp) / "bench.xml.bz2", n, args.source)
            r = run_build(dump, Path(tmp) / "out.nq", args.jobs)
            size = (Path(tmp) / "out.nq").stat().st_size / 2**20
        peaks.append(r["tree_mb"])
        print(f"{n:6d} articles: peak RSS {r['tree_mb']:.0f} MB (main process {r['main_mb']:.0f} MB), "
              f"{r['wall']:.0f} s, {n / r['wall']:.1f} articles/s, output {size:.0f} MB")
    growth = max(peaks) / min(peaks) - 1
    print(f"growth from smallest to largest: {growth * 100:.0f}% (target <= 20%); "
          f"max {max(peaks):.0f} MB (target < 500 MB)")


if __name__ == "__main__":
    main()
