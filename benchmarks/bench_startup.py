"""CPU time of a cold `wikikg` command: `--help`, `queries`, and a bound named query over a store.

Run: python benchmarks/bench_startup.py [--runs 10]      (from the repository root, wikikg installed)

Each run is a fresh process (`python -m wikikg ...`); its CPU time is user + system time of the child
(resource.getrusage), which the load of a shared machine disturbs far less than wall time. The store
is built once from the seed article into a temporary directory. Figures go in docs/performance.md.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
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
    runs = ap.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        subprocess.run([sys.executable, "-m", "wikikg", "build", str(SEED), "--store", str(store),
                        "--no-progress"], check=True, stderr=subprocess.DEVNULL)
        commands = {
            "wikikg --help": ["--help"],
            "wikikg queries": ["queries"],
            "wikikg query founders --store S --param org=SenseTime":
                ["query", "founders", "--store", str(store), "--param", "org=SenseTime"],
            "wikikg query 'SELECT ...' --store S (inline, read-only check)":
                ["query", "SELECT ?s WHERE { ?s a <https://w3id.org/wikikg/ontology#University> }",
                 "--store", str(store)],
        }
        print(f"| command ({runs} fresh processes) | CPU min | median | max |\n|---|---|---|---|")
        for name, args in commands.items():
            times = [cpu_of(args) * 1000 for _ in range(runs)]
            print(f"| `{name}` | {min(times):.0f} ms | {statistics.median(times):.0f} ms | {max(times):.0f} ms |")


if __name__ == "__main__":
    main()
