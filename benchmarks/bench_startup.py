"""CPU time of a cold `wikikg` command: `--help`, `queries`, and a bound named query over a store.

Run: python benchmarks/bench_startup.py [--runs 10] [--write]   (from the repository root, wikikg installed)

Each run is a fresh process (`python -m wikikg ...`); its CPU time is user + system time of the child
(resource.getrusage), which the load of a shared machine disturbs far less than wall time. The store
is built once from the seed article into a temporary directory. Figures go in docs/performance.md;
--write records the medians in benchmarks/results/startup.json for the README (benchmarks/make_docs.py).
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "sensetime.wikitext"


def cpu_of(args: list[str]) -> float:
    """CPU seconds (user + system) of one fresh `python -m wikikg ARGS` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "wikikg", *args], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    """Print a Markdown table: min / median / max CPU ms of each command over --runs fresh processes."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    runs, medians = args.runs, {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        subprocess.run([sys.executable, "-m", "wikikg", "build", str(SEED), "--store", str(store),
                        "--no-progress"], check=True, stderr=subprocess.DEVNULL)
        commands = {  # name in the table -> (key in startup.json, arguments)
            "wikikg --help": ("help", ["--help"]),
            "wikikg queries": ("queries", ["queries"]),
            "wikikg query founders --store S --param org=SenseTime":
                ("named_query", ["query", "founders", "--store", str(store), "--param", "org=SenseTime"]),
            "wikikg query 'SELECT ...' --store S (inline, read-only check)":
                ("inline_query", ["query", "SELECT ?s WHERE { ?s a <https://w3id.org/wikikg/ontology#University> }",
                                  "--store", str(store)]),
        }
        print(f"| command ({runs} fresh processes) | CPU min | median | max |\n|---|---|---|---|")
        for name, (key, cmd) in commands.items():
            times = [cpu_of(cmd) * 1000 for _ in range(runs)]
            medians[key] = round(statistics.median(times))
            print(f"| `{name}` | {min(times):.0f} ms | {statistics.median(times):.0f} ms | {max(times):.0f} ms |")
    if args.write:
        figures = {"measured": date.today().isoformat(), "runs": runs, "cpu_ms_median": medians}
        (ROOT / "benchmarks" / "results" / "startup.json").write_text(json.dumps(figures, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
