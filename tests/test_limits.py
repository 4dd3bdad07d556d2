"""Tests for wikikg.pipeline.limits and the per-article limits of `wikikg build` (size, time, runaway markup)."""
from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time

import pytest
from click.testing import CliRunner

from wikikg.cli import main
from wikikg.model import Article, Problem
from wikikg.parse.tokenize import BUDGET, retry_cost
from wikikg.pipeline.limits import ArticleLimits, ArticleTimeout, time_cap
from wikikg.pipeline.stages import ArticleResult, Shared, build, extract_one

# 3,000 unclosed template openers: the tokenizer's backtracking takes over a minute on this input
RUNAWAY = "'''Runaway Corp''' is a company. " + "{{a|x " * 3000
GOOD = "'''{0}''' is a company. {0} was founded by [[Jane Roe]] in 2001."


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_time_cap_interrupts_python_code_and_restores_the_handler():
    before = signal.getsignal(signal.SIGALRM)
    start = time.monotonic()
    try:
        with time_cap(0.2) as armed:
            assert armed
            _spin(5)
        raise AssertionError("not interrupted")
    except ArticleTimeout:
        pass
    assert time.monotonic() - start < 1.5
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with time_cap(0) as armed:
        assert not armed


def _capped_spin(seen: list) -> None:
    try:
        with time_cap(0.2) as armed:
            seen.append(armed)
            _spin(30)
        seen.append("not interrupted")
    except ArticleTimeout:
        seen.append("stopped")
    _spin(0.6)  # past the cap and its repeats: nothing else may be raised here
    seen.append("went on")


def test_time_cap_interrupts_a_thread_too():
    """Dask runs tasks in worker threads, where no signal arrives: the cap stops them all the same."""
    seen: list = []
    thread = threading.Thread(target=_capped_spin, args=(seen,))
    thread.start()
    thread.join(60)
    assert seen == [True, "stopped", "went on"]


class _SlowFinalizer:
    def __del__(self):
        _spin(0.4)  # the cap's first alarm lands in here, where raising cannot stop the body


@pytest.mark.parametrize("in_thread", [False, True], ids=["signal", "watchdog"])
def test_a_timeout_that_lands_in_a_finalizer_is_dropped_quietly(monkeypatch, in_thread):
    """CI once failed here: an alarm raised inside a __del__ is "unraisable", and pytest's hook (or
    the default one, printing "Exception ignored in ...") got it. The cap drops its own timeouts
    there, hands anything else on, and the next alarm still stops the body."""
    heard: list = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: heard.append(type(u.exc_value).__name__))
    seen: list = []

    def body():
        try:
            with time_cap(0.1):
                _SlowFinalizer()  # dropped at once: its __del__ runs inside the body
                seen.append("past the finalizer")
                _spin(30)
        except ArticleTimeout:
            seen.append("stopped")
    if in_thread:
        thread = threading.Thread(target=body)
        thread.start()
        thread.join(60)
    else:
        body()
    assert seen == ["past the finalizer", "stopped"]
    assert heard == [] and sys.unraisablehook is not None
    assert sys.unraisablehook.__name__ == "<lambda>"  # the hook before the cap is back


def test_a_thread_that_finishes_in_time_is_left_alone():
    seen: list = []

    def body():
        with time_cap(0.2) as armed:
            seen.append(armed)
            _spin(0.05)
        _spin(0.5)  # after the body: the cap is gone
        seen.append("done")
    thread = threading.Thread(target=body)
    thread.start()
    thread.join(60)
    assert seen == [True, "done"]


def test_runaway_markup_goes_to_the_interruptible_tokenizer():
    assert retry_cost(RUNAWAY) > BUDGET
    assert retry_cost("{{a|b}} [[x]] <ref>y</ref> [http://z w] <br> <span>s</span>") == 0
    start = time.monotonic()
    result = extract_one(Article("Runaway Corp", RUNAWAY), Shared(ArticleLimits(timeout=1.0)))
    assert time.monotonic() - start < 30  # stopped, not run to the end (generous: CI machines are shared)
    assert isinstance(result, Problem) and "ran past the 1 s limit" in result.reason
    assert "--article-timeout" in result.reason


def test_size_limit():
    text = GOOD.format("Big Corp") + " x" * 1000
    result = extract_one(Article("Big Corp", text), Shared(ArticleLimits(max_bytes=1000)))
    assert isinstance(result, Problem) and "over the 1,000-byte limit" in result.reason
    assert isinstance(extract_one(Article("Big Corp", text), Shared(ArticleLimits(max_bytes=10_000))), ArticleResult)


def _corpus(tmp_path, runaway_at: int, n: int = 8):
    for i in range(n):
        name = f"Corp {i:02d}"
        text = RUNAWAY if i == runaway_at else GOOD.format(name)
        (tmp_path / f"{name.replace(' ', '_')}.wikitext").write_text(text, "utf-8")
    return tmp_path


def test_the_time_cap_works_in_process_pool_workers(tmp_path):
    """The runaway is in the second partition, which a pool worker extracts; the worker goes on."""
    (tmp_path / "in").mkdir()
    src = _corpus(tmp_path / "in", runaway_at=4)
    start = time.monotonic()
    result = build([str(src)], jobs=2, limits=ArticleLimits(timeout=1.0))
    assert time.monotonic() - start < 30
    assert result.articles == 7 and result.relations["foundedBy"] == 7
    (err,) = result.errors
    assert err.title == "Corp 04" and "ran past the 1 s limit" in err.reason


# 1,500 unclosed openers: tokenized by the interruptible (pure-Python) tokenizer, ~15 s of work
SLOW = "'''Slow Corp''' is a company. " + "{{a|x " * 1500


def test_the_time_cap_holds_under_dask(tmp_path):
    """Dask runs each task in a worker thread: a runaway article is stopped there too, recorded in
    errors.jsonl, and the rest of the batch is built; the rerun gives the same bytes."""
    pytest.importorskip("dask.distributed")
    (tmp_path / "in").mkdir()
    src = _corpus(tmp_path / "in", runaway_at=-1, n=4)
    (src / "Slow_Corp.wikitext").write_text(SLOW, "utf-8")
    out = tmp_path / "out"
    outputs = []
    for _ in range(2):
        result = CliRunner().invoke(main, ["build", str(src), "-o", str(out / "graph.nq"), "--dask-local", "1",
                                           "--article-timeout", "1"])
        assert result.exit_code == 3, result.output
        records = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
        assert [(r["title"], r["level"]) for r in records] == [("Slow Corp", "error")]
        assert "ran past the 1 s limit" in records[0]["reason"]
        outputs.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert outputs[0] == outputs[1]
    assert all(f"Corp_0{i}" in outputs[0]["graph.nq"].decode() for i in range(4))
    assert sorted(outputs[0]) == ["errors.jsonl", "graph.nq", "graph.void.ttl"]  # no temporary files left


def test_cli_limits_are_reported_in_errors_jsonl(tmp_path):
    (tmp_path / "in").mkdir()
    src = _corpus(tmp_path / "in", runaway_at=1, n=3)
    (src / "Huge.wikitext").write_text(GOOD.format("Huge") + " padding" * 5000, "utf-8")
    out = tmp_path / "out"
    for target in (out / "graph.ttl", out / "graph.nq"):  # in-memory and streaming builds
        result = CliRunner().invoke(main, ["build", str(src), "-o", str(target), "--jobs", "1",
                                           "--article-timeout", "1", "--max-article-bytes", "30000"])
        assert result.exit_code == 3, result.output
        assert "completed with 2 skipped" in result.stderr
        records = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
        reasons = {r.get("title") or r["input"]: r["reason"] for r in records}
        assert "ran past the 1 s limit" in reasons["Corp 01"]
        assert "over the 30,000-byte limit" in reasons[str(src / "Huge.wikitext")]
        assert {r["level"] for r in records} == {"error"}


def test_deep_nesting_is_a_warning_not_a_skip(tmp_path):
    src = tmp_path / "Deep_Corp.wikitext"
    src.write_text(GOOD.format("Deep Corp") + " " + "{{a|" * 50 + "x" + "}}" * 50, "utf-8")
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(tmp_path / "o" / "g.ttl")])
    assert result.exit_code == 0, result.output
    assert "1 warning(s)" in result.stderr
    (record,) = [json.loads(line) for line in (tmp_path / "o" / "errors.jsonl").read_text("utf-8").splitlines()]
    assert record["level"] == "warning" and record["title"] == "Deep Corp"
    assert "deeper than the parser's limit" in record["reason"]


def _die(part, limits=None):
    os._exit(9)  # a worker killed mid-article (the OOM killer, a crash in C code)


def test_a_dead_worker_is_a_one_line_error(tmp_path, monkeypatch):
    import wikikg.pipeline.stages
    monkeypatch.setattr(wikikg.pipeline.stages, "extract_partition", _die)
    (tmp_path / "in").mkdir()
    src = _corpus(tmp_path / "in", runaway_at=-1)
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(tmp_path / "g.ttl"), "--jobs", "2"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.strip() == ("wikikg: error: an extraction worker process died (killed, or out of memory); "
                                     "--jobs 1 shows which article it was")


class _Finalized:
    def __del__(self):
        _spin(0.3)  # the first alarm lands here, where Python prints and drops any exception


def test_an_alarm_dropped_in_a_finalizer_is_repeated():
    start = time.monotonic()
    try:
        with time_cap(0.1):
            _Finalized()  # freed at once: its __del__ runs inside the capped body
            _spin(5)
        raise AssertionError("not interrupted")
    except ArticleTimeout:
        pass
    assert time.monotonic() - start < 2
