"""Tests for `wikikg serve` as a process: signals stop it cleanly, a bad or busy port fails before "serving"."""
from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and process groups")

GRAPH = "<http://a.example/s> <http://a.example/p> <http://a.example/o> .\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(tmp_path: Path, *args: str) -> subprocess.Popen:
    """`wikikg serve` in its own session (a process group, as a shell's job is), temp files under tmp_path."""
    graph = tmp_path / "graph.nt"
    graph.write_text(GRAPH, "utf-8")
    temp = tmp_path / "tmp"
    temp.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(temp)}
    return subprocess.Popen([sys.executable, "-m", "wikikg", "serve", "--graph", str(graph), "--workers", "1", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)


def _wait_serving(proc: subprocess.Popen, port: int) -> str:
    ready, _, _ = select.select([proc.stderr], [], [], 120)
    line = proc.stderr.readline() if ready else ""
    assert "serving" in line, line + (proc.stderr.read() if proc.poll() is not None else "")
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/sparql", params={"query": "ASK {}"}, timeout=10)
            return line
        except httpx.TransportError:
            assert time.monotonic() < deadline
            time.sleep(0.1)


def _temp_stores(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in (tmp_path / "tmp").glob("wikikg-serve-*"))


@pytest.mark.parametrize("sig, to_group", [(signal.SIGTERM, False), (signal.SIGINT, True)])
def test_a_signal_stops_serve_cleanly(tmp_path, sig, to_group):
    """SIGTERM (a service manager), or Ctrl-C (SIGINT to the whole foreground process group, the
    query workers too): the temporary store is removed and no traceback is printed."""
    port = _free_port()
    proc = _serve(tmp_path, "--port", str(port))
    try:
        _wait_serving(proc, port)
        assert len(_temp_stores(tmp_path)) == 1
        if to_group:
            os.killpg(proc.pid, sig)
        else:
            proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -sig  # it dies by the signal it was sent, once clean
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert _temp_stores(tmp_path) == []


def test_a_signal_while_loading_still_removes_the_temporary_store(tmp_path):
    proc = _serve(tmp_path, "--port", str(_free_port()))
    try:
        deadline = time.monotonic() + 60
        while not _temp_stores(tmp_path):
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.005)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGTERM and "Traceback" not in err, err
    assert _temp_stores(tmp_path) == []


def test_a_port_out_of_range_is_refused_before_serving(tmp_path):
    proc = _serve(tmp_path, "--port", "80000")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "serving" not in err and "Traceback" not in err, err
    assert "80000" in err and "--port" in err
    assert _temp_stores(tmp_path) == []


def test_a_busy_port_is_a_clear_error_before_serving(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        start = time.monotonic()
        proc = _serve(tmp_path, "--port", str(port))
        out, err = proc.communicate(timeout=60)
    lines = [line for line in err.splitlines() if line.strip()]
    assert proc.returncode == 1 and len(lines) == 1, err
    assert lines[0].startswith("wikikg: error: ") and f"127.0.0.1:{port}" in lines[0] and "in use" in lines[0]
    assert time.monotonic() - start < 30  # before the graph is loaded and workers started
    assert _temp_stores(tmp_path) == []


HELD = """
import os, signal, sys, tempfile
from contextlib import ExitStack
from wikikg.sparql.lifecycle import signals_held, stop_on_signals
with stop_on_signals(), ExitStack() as stack:
    with signals_held():
        os.kill(os.getpid(), signal.SIGTERM)  # arrives only when the block ends: the directory is made and registered
        made = stack.enter_context(tempfile.TemporaryDirectory(prefix="wikikg-serve-", dir=sys.argv[1]))
        print(made, flush=True)
    print("not reached", flush=True)
"""


def test_a_signal_while_the_temporary_store_is_made_waits_until_its_cleanup_is_registered(tmp_path):
    proc = subprocess.run([sys.executable, "-c", HELD, str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == -signal.SIGTERM and "Traceback" not in proc.stderr, proc.stderr
    assert "wikikg-serve-" in proc.stdout and "not reached" not in proc.stdout
    assert list(tmp_path.iterdir()) == []  # made, then removed by the cleanup the signal ran
