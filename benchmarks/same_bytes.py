"""Whether a speed change kept the outputs byte-identical: hashes of every extract_article result, the sample
dump's N-Quads and the blind dev line, saved once and compared after each step.

    python benchmarks/same_bytes.py --save DIR        (before the change: writes DIR/reprs, DIR/dump.nq, DIR/dev.txt)
    python benchmarks/same_bytes.py --against DIR     (after: the same into a temporary directory, then compared)
    python benchmarks/same_bytes.py --save DIR --tree ../base   (the outputs of another checkout's sources)

`reprs` holds one line per article (title, sha1 of `repr(extract_article(article))` with PYTHONHASHSEED=0) for
the seed, the shared corpus, the held-out articles, the blind dev and test articles and the sample dump's
articles: the blind test articles' results are compared by machine only, never shown. `dump.nq` is the sample
dump built with two jobs; `dev.txt` is `benchmarks/blind.py --split dev`'s output. Not run by pytest; about two
minutes on 2 cores.
"""
from __future__ import annotations

import argparse
import filecmp
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
DUMP = SHARED / "enwiki-2016-sample-206-pages.xml.bz2"
FILES = ("reprs", "dump.nq", "dev.txt")


def _reprs(root: Path, out: Path) -> None:
    """One line per article: its title and the sha1 of its extract_article result's repr."""
    from wikikg.model import Article
    from wikikg.pipeline.stages import extract_article
    from wikikg.read.dumps import read_dump
    from wikikg.read.files import title_from_path

    files = [root / "seeds" / "sensetime.wikitext", *sorted(SHARED.glob("*.wikitext"))]
    for folder in ("heldout", "blind/dev", "blind/test"):
        files += sorted((root / "tests" / folder).glob("*.wikitext"))
    arts = [Article(title_from_path(p), p.read_text("utf-8"), p.name) for p in files]
    arts += list(read_dump(DUMP, []))
    with out.open("w", encoding="utf-8") as f:
        for a in arts:
            digest = hashlib.sha1(repr(extract_article(a)).encode("utf-8", "surrogatepass")).hexdigest()
            f.write(f"{a.title}\t{digest}\n")


def write(root: Path, out: Path) -> None:
    """The three outputs of the checkout `root` into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(root / "src"))
    subprocess.run([sys.executable, __file__, "--reprs", str(out / "reprs"), "--tree", str(root)], env=env, check=True)
    subprocess.run([sys.executable, "-c", "from wikikg.cli import main; main()", "build", str(DUMP), "-o",
                    str(out / "dump.nq"), "-j", "2", "--no-progress"], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    dev = subprocess.run([sys.executable, str(root / "benchmarks" / "blind.py"), "--split", "dev"], env=env,
                         check=True, capture_output=True, text=True, cwd=root)
    (out / "dev.txt").write_text(dev.stdout, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the outputs here (the baseline)")
    group.add_argument("--against", type=Path, help="write the outputs afresh and compare them with this baseline")
    group.add_argument("--reprs", type=Path, help=argparse.SUPPRESS)  # the child that hashes the results
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose sources and tests run (default: this one)")
    args = parser.parse_args()
    tree = args.tree.resolve()
    if args.reprs:
        _reprs(tree, args.reprs)
    elif args.save:
        write(tree, args.save)
        print(f"saved {', '.join(FILES)} in {args.save}")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            write(tree, Path(tmp))
            differ = [f for f in FILES if not filecmp.cmp(Path(tmp) / f, args.against / f, shallow=False)]
        for f in FILES:
            print(("DIFFERENT " if f in differ else "same ") + f)
        sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
