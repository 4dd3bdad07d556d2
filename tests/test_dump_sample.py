"""benchmarks/dump_sample.py: the changed facts between two builds, the paired measure of a code change."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("dump_sample", ROOT / "benchmarks" / "dump_sample.py")
dump_sample = importlib.util.module_from_spec(spec)
spec.loader.exec_module(dump_sample)


def row(fid, obj, date="", rule="r.one", subject="Jane Roe", article="Jane Roe"):
    return [fid, article, subject, "memberOf", obj, rule, date, "Jane Roe joined Foo.", "", ""]


@pytest.mark.parametrize("start,end,changes", [
    ([row("a", "Foo")], [row("a", "Foo")], []),
    ([row("a", "Foo")], [row("b", "Foo", rule="r.two")], []),  # another rule, the same fact: no change to judge
    ([row("a", "Foo")], [], [("Foo", "removed")]),
    ([], [row("a", "Foo")], [("Foo", "added")]),
    ([row("a", "Foo", "1990")], [row("a", "Foo", "1991")], [("Foo", "redated from 1990")]),
    ([row("a", "Foo")], [row("a", "Foo", "1991")], [("Foo", "redated from no date")]),
    ([row("a", "Foo", "1990"), row("b", "Foo")], [row("a", "Foo", "1990")], [("Foo", "redated from no date, 1990")]),
])
def test_changed_lists_each_fact_one_build_lacks_or_dates_otherwise(start, end, changes):
    assert [(r[4], r[-1]) for r in dump_sample.changed(start, end)] == changes


def test_changed_is_shuffled_by_its_seed_and_stable():
    start = [row(str(i), f"Foo {i}") for i in range(20)]
    one, again = dump_sample.changed(start, [], seed=3), dump_sample.changed(list(reversed(start)), [], seed=3)
    assert one == again and [r[4] for r in one] != sorted(r[4] for r in one)
