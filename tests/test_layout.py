"""Tests for wikikg.formats.layout: the same positions in every process, whatever its hash seed."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# The shape of the sample dump's graph (nodes renamed n000..., edges, label widths in pixels), made once from a
# build of it: a part of the graph under half of it is where the order used to leak in.
SHAPE = Path(__file__).parent / "cases" / "layout_sample_dump_shape.json"
SCRIPT = """
import json, sys
from wikikg.formats.layout import positions
d = json.loads(open(sys.argv[1], encoding="utf-8").read())
print(json.dumps(sorted(positions(d["nodes"], [tuple(p) for p in d["pairs"]], d["widths"]).items())))
"""


def _run(seed: str) -> list:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(SHAPE)], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_positions_do_not_depend_on_the_processs_hash_seed():
    """A networkx subgraph view of under half of a graph iterates its nodes in a set's order, which changes with
    the hash seed: the layout must not see that order (a picture or a page of a graph is one file in every run)."""
    first = _run("1")
    assert all(_run(seed) == first for seed in ("2", "3"))
