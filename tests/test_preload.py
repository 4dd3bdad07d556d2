"""extract/preload.py: every table extraction reads is loaded up front, so no article pays for one."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from wikikg.extract.preload import table_loaders

ROOT = Path(__file__).resolve().parents[1]

# After preload(), extracting real articles of each kind calls no table loader that has not run yet.
AFTER_PRELOAD = """
import sys
from pathlib import Path

import pytest
from wikikg.extract.preload import preload, table_loaders
from wikikg.model import Article
from wikikg.pipeline.stages import extract_article
preload()
before = {f: f.cache_info().misses for f in table_loaders()}
for path, kind in [(p, "text" if p.endswith(".txt") else "wikitext") for p in sys.argv[1:]]:
    extract_article(Article("SenseTime", Path(path).read_text("utf-8"), path, kind))
late = sorted(f"{f.__module__}.{f.__name__}" for f in table_loaders() if f.cache_info().misses != before[f])
print(" ".join(late) or "none")
"""

ARTICLES = ["seeds/sensetime.wikitext", "seeds/sensetime.txt", "tests/heldout/Huawei.wikitext"]


def test_no_table_is_loaded_after_preload():
    out = subprocess.run([sys.executable, "-c", AFTER_PRELOAD, *(str(ROOT / a) for a in ARTICLES)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "none"


def test_the_loaders_are_the_tables_of_extraction():
    names = {f"{f.__module__}.{f.__name__}" for f in table_loaders()}
    for expected in ("wikikg.kb.rules.relation_rules", "wikikg.kb.sections.sections", "wikikg.kb.places.places",
                     "wikikg.extract.classify._disambig_table", "wikikg.extract.people._given_names"):
        assert expected in names
    assert not any(n.startswith("wikikg.kb.alignment.") for n in names)  # the exports' table, not extraction's


def test_a_build_leaves_nothing_frozen(tmp_path):
    import gc

    from wikikg.pipeline.shards import build_stream
    from wikikg.pipeline.stages import build

    before = gc.get_freeze_count()
    build([str(ROOT / "seeds/sensetime.wikitext")])
    assert gc.get_freeze_count() == before
    build_stream([str(ROOT / "seeds/sensetime.wikitext")], tmp_path / "out.nq")
    assert gc.get_freeze_count() == before


def test_a_build_collects_less_often_and_restores_the_thresholds(tmp_path):
    import gc

    from wikikg.pipeline import stages
    from wikikg.pipeline.shards import build_stream

    before, seen = gc.get_threshold(), []
    real = stages.extract_one

    def spy(article, shared=None):
        seen.append(gc.get_threshold())
        return real(article, shared)

    stages.extract_one = spy
    try:
        build_stream([str(ROOT / "seeds/sensetime.wikitext")], tmp_path / "out.nq")
        stages.build([str(ROOT / "seeds/sensetime.wikitext")])
    finally:
        stages.extract_one = real
    assert seen == [stages.GC_THRESHOLDS] * 2 and stages.GC_THRESHOLDS[0] > before[0]
    assert gc.get_threshold() == before


def test_the_tables_load_under_the_builds_thresholds(monkeypatch):
    import gc

    from wikikg.pipeline import stages

    before, seen = gc.get_threshold(), []
    monkeypatch.setattr(stages, "preload", lambda: seen.append(gc.get_threshold()))
    stages.freeze_tables()
    stages.thaw_tables()
    assert seen == [stages.GC_THRESHOLDS] and gc.get_threshold() == before

    def broken():
        raise RuntimeError("a bad table")

    monkeypatch.setattr(stages, "preload", broken)
    with pytest.raises(RuntimeError):
        stages.freeze_tables()
    assert gc.get_threshold() == before  # a table that fails to load leaves the collector as it was


def test_no_garbage_is_frozen_with_the_tables(monkeypatch):
    import weakref

    from wikikg.pipeline import stages

    class Node:
        pass

    def cycle():
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle only the collector frees
        return weakref.ref(a)

    gone = cycle()
    monkeypatch.setattr(stages, "preload", lambda: None)
    monkeypatch.setattr(stages, "_collected", [])  # a fresh process
    stages.freeze_tables()
    try:
        assert gone() is None
    finally:
        stages.thaw_tables()
    kept = cycle()  # a later build of the same process (a test run's, a server's) makes no full pass over its heap
    stages.freeze_tables()
    try:
        assert kept() is not None
    finally:
        stages.thaw_tables()


def test_the_trigger_word_sets_are_left_to_their_readers():
    # kb/triggerwords.py serves benchmarks/explain.py and the tests, not extraction: preload builds none of it
    code = ("from wikikg.extract.preload import preload\npreload()\nfrom wikikg.kb import triggerwords as t\n"
            "print(t._rules_by_word.cache_info().currsize, t._trigger_automaton.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["0", "0"]
