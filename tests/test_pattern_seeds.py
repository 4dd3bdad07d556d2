"""The patterns preload compiles are the same text in every process: none built from a set's (hash-seeded) order,
which would make each start compile it again and rewrite the stored code (kb/compiledstore.py)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
SCRIPT = """
import hashlib
import wikikg.kb.compiledstore as cs
import wikikg.kb.tablestore as ts
ts._read = lambda path: {}  # every table built (kb/tablestore.py): the patterns building them compiles too
made = cs._made
seen = set()
cs._made = lambda p, parts: seen.add(p) or made(p, parts)
from wikikg.extract.preload import preload
preload()
print(len(seen), hashlib.sha1("\\n".join(sorted(seen)).encode("utf-8", "surrogatepass")).hexdigest())
"""


def _patterns(seed: int, cache: Path) -> str:
    env = dict(os.environ, PYTHONHASHSEED=str(seed), XDG_CACHE_HOME=str(cache), PYTHONPATH=str(SRC))
    return subprocess.run([sys.executable, "-c", SCRIPT], env=env, check=True, capture_output=True, text=True).stdout


def test_preload_compiles_the_same_patterns_under_any_hash_seed(tmp_path):
    first = _patterns(1, tmp_path)
    assert int(first.split()[0]) > 1000
    assert _patterns(2, tmp_path) == first
