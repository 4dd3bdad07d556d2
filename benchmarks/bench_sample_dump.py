"""A whole build of the real 2016 sample dump, as a new user runs it: exit status, articles, statements,
skipped articles, wall and CPU time.

Run: python benchmarks/bench_sample_dump.py [--jobs 2] [--write]   (../shared/corpus beside the repository)

--write records the figures in benchmarks/results/sample_dump.json, which benchmarks/make_docs.py turns
into the README's figures.
"""
from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DUMP = ROOT.parent / "shared" / "corpus" / "enwiki-2016-sample-206-pages.xml.bz2"


def main() -> None:
    """Build the sample dump once into a temporary .nq and print (and with --write, record) the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.monotonic()
        run = subprocess.run([sys.executable, "-m", "wikikg", "build", str(DUMP), "-o", f"{tmp}/sample.nq",
                              "--jobs", str(args.jobs), "--no-progress"], capture_output=True, text=True)
        wall, after = time.monotonic() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
        skipped = 0
        errors = Path(tmp) / "errors.jsonl"
        if errors.exists():
            skipped = sum('"level": "error"' in line for line in errors.read_text("utf-8").splitlines())
    m = re.search(r"(\d+) article\(s\), (\d+) statement\(s\)", run.stderr)
    figures = {"measured": date.today().isoformat(), "dump": DUMP.name, "jobs": args.jobs,
               "exit": run.returncode, "articles": int(m.group(1)) if m else 0,
               "statements": int(m.group(2)) if m else 0, "skipped": skipped, "wall_s": round(wall, 1),
               "cpu_s": round((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 1)}
    print(json.dumps(figures, indent=1))
    if args.write:
        (ROOT / "benchmarks" / "results" / "sample_dump.json").write_text(json.dumps(figures, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
