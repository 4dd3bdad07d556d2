"""The floor: mwparserfromhell's parse alone against our full per-article extraction.

For the seed and every real article in ../shared/corpus/ (and tests/heldout/), it times
`mwparserfromhell.parse(text)` and `wikikg.pipeline.stages.extract_article(article)` (parse + extract +
the per-article resolution work, no graph), best of --runs in CPU time, and prints both per article
and the ratio.
A profile of the slowest article's extraction (top functions by own time) follows with --profile.

    python benchmarks/bench_floor.py [--runs 3] [--profile]

Not run by pytest. About a minute on 2 cores.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import platform
import pstats
import time
from pathlib import Path

import mwparserfromhell

from wikikg.model import Article
from wikikg.pipeline.stages import extract_article
from wikikg.read.files import title_from_path

ROOT = Path(__file__).resolve().parents[1]


def articles() -> list[Article]:
    """The seed, the shared corpus and the held-out company articles, as Articles."""
    files = [ROOT / "seeds" / "sensetime.wikitext"]
    files += sorted((ROOT.parent / "shared" / "corpus").glob("*.wikitext"))
    files += sorted((ROOT / "tests" / "heldout").glob("*.wikitext"))
    return [Article(title_from_path(p), p.read_text("utf-8"), str(p)) for p in files if p.exists()]


def best(fn, runs: int) -> float:
    """The fastest of `runs` timings of fn(), in CPU seconds of this process (a shared machine's
    other load does not count; one thread, so it equals wall time on an idle machine)."""
    times = []
    for _ in range(runs):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="profile the slowest article")
    args = ap.parse_args()
    arts = articles()
    extract_article(arts[0])  # load the rules once
    print(f"# floor: {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(f"{'article':42s} {'KB':>6s} {'parse ms':>9s} {'full ms':>9s} {'ratio':>6s}")
    total_p = total_f = 0.0
    slowest = (0.0, arts[0])
    for a in arts:
        p = best(lambda: mwparserfromhell.parse(a.text), args.runs)
        f = best(lambda: extract_article(a), args.runs)
        total_p, total_f = total_p + p, total_f + f
        slowest = max(slowest, (f, a), key=lambda x: x[0])
        print(f"{a.title[:42]:42s} {len(a.text) / 1000:6.1f} {p * 1000:9.1f} {f * 1000:9.1f} {f / p:6.1f}")
    print(f"{'all ' + str(len(arts)) + ' articles':42s} {'':6s} {total_p * 1000:9.1f} {total_f * 1000:9.1f} "
          f"{total_f / total_p:6.1f}")
    print(f"full extraction / raw parse = {total_f / total_p:.1f}x (target <= 2x); "
          f"{len(arts) / total_f:.1f} articles/s on one core")
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(extract_article, slowest[1])
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(12)
        print(f"\n# profile of {slowest[1].title}\n" + out.getvalue())


if __name__ == "__main__":
    main()
