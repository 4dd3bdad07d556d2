"""Query worker processes: no network, the store read-only, killed and replaced past the time limit."""
from __future__ import annotations

import asyncio
import ctypes
import multiprocessing
import platform
import signal
import sys
import time
from dataclasses import dataclass

from wikikg.sparql.query import QueryError, QueryRefused, check
from wikikg.sparql.results import GRAPH_OFFERS, MEDIA_TYPES, SELECT_OFFERS, negotiate, render
from wikikg.sparql.store import Engine

__all__ = ["Limits", "QueryPool", "deny_network"]


@dataclass(frozen=True)
class Limits:
    """Per-query wall-clock limit (seconds) and caps; all set from `wikikg serve` options."""

    timeout: float = 10.0
    max_rows: int = 10_000
    max_bytes: int = 20_000_000
    max_request: int = 100_000
    workers: int = 2


def _answer(engine: Engine, graphs: set[str], job: dict, limits: Limits) -> tuple:
    """One request, in a worker: check, negotiate, run, render -> (status, media type, body, headers)."""
    start = time.perf_counter()
    try:
        checked = check(job["query"], graphs)
        protocol = job.get("default", []) + job.get("named", [])
        for g in protocol:
            if g not in graphs:
                raise QueryRefused(f"graph <{g}> is refused: no graph of that name here, and remote graphs "
                                   "are not fetched")
        default, named = (job["default"], job["named"]) if protocol else \
            (checked.default_graphs, checked.named_graphs)
        fmt = negotiate(job.get("accept", ""), checked.form)
        if fmt is None:
            offers = GRAPH_OFFERS if checked.form in ("CONSTRUCT", "DESCRIBE") else SELECT_OFFERS
            return 406, "text/plain", (f"a {checked.form} query can answer as: "
                                       + ", ".join(MEDIA_TYPES[f] for f in offers) + "\n").encode(), {}
        result = engine.run(checked.text, None, limits.max_rows, default, named)
        body, cut = render(result, fmt, max_bytes=limits.max_bytes)
    except QueryRefused as e:
        return 403, "text/plain", f"{e}\n".encode("utf-8"), {}
    except QueryError as e:
        return 400, "text/plain", f"{e}\n".encode("utf-8"), {}
    except Exception as e:  # a bug or an engine failure: never kill the worker
        return 500, "text/plain", f"{type(e).__name__}: {e}\n".encode("utf-8"), {}
    headers = {"Server-Timing": f"query;dur={(time.perf_counter() - start) * 1000:.1f}"}
    if cut:
        headers["Wikikg-Truncated"] = f"max-rows={limits.max_rows}; max-bytes={limits.max_bytes}"
    return 200, MEDIA_TYPES[fmt], body, headers


def _worker_main(conn, store_dir: str, limits: Limits) -> None:
    """A query worker: no network, the store opened read-only, one job at a time from the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the server stops us
    guarded = deny_network()
    try:
        engine = Engine.open(store=store_dir)
        graphs = engine.graphs()
        check("ASK {}")  # builds the SPARQL grammar once, before the first request
    except Exception as e:
        conn.send(("error", str(e)))
        return
    conn.send(("ready", guarded, len(engine.store)))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_answer(engine, graphs, job, limits))


class _Worker:
    def __init__(self, ctx, store_dir: str, limits: Limits):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, store_dir, limits), daemon=True)
        self.proc.start()
        child.close()
        if not self.conn.poll(120):
            self.kill()
            raise RuntimeError("a query worker did not start")
        try:
            self.hello = self.conn.recv()
        except EOFError:  # e.g. a script without `if __name__ == "__main__":` (workers are spawned)
            self.kill()
            raise RuntimeError("a query worker exited while starting") from None
        if self.hello[0] != "ready":
            self.kill()
            raise RuntimeError(self.hello[1])

    def ask(self, job: dict, timeout: float) -> tuple:
        self.conn.send(job)
        if not self.conn.poll(timeout):
            raise TimeoutError
        return self.conn.recv()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(10)
        self.conn.close()


class QueryPool:
    """Worker processes answering queries; one that overruns the time limit is killed and replaced."""

    def __init__(self, store_dir: str, limits: Limits):
        self.store_dir, self.limits = store_dir, limits
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: asyncio.Queue | None = None
        self._all: set[_Worker] = set()
        self._tasks: set[asyncio.Task] = set()
        self.guarded = self.quads = None

    def _spawn(self) -> _Worker:
        w = _Worker(self._ctx, self.store_dir, self.limits)
        self._all.add(w)
        return w

    async def start(self) -> None:
        """Start the workers and wait until each has opened the store."""
        self._idle = asyncio.Queue()
        workers = await asyncio.gather(*[asyncio.to_thread(self._spawn) for _ in range(self.limits.workers)])
        _, self.guarded, self.quads = workers[0].hello
        for w in workers:
            self._idle.put_nowait(w)

    def _later(self, coro) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _replace(self, w: _Worker) -> None:
        self._all.discard(w)
        await asyncio.to_thread(w.kill)
        self._idle.put_nowait(await asyncio.to_thread(self._spawn))

    async def ask(self, job: dict) -> tuple:
        """Answer one job -> (status, media type, body, headers), within the time limit."""
        try:
            w = await asyncio.wait_for(self._idle.get(), timeout=self.limits.timeout + 120)
        except asyncio.TimeoutError:
            return 503, "text/plain", b"no query worker is free; try again\n", {}
        try:
            reply = await asyncio.to_thread(w.ask, job, self.limits.timeout)
        except TimeoutError:
            self._later(self._replace(w))
            return 503, "text/plain", (f"query cancelled: it ran past the {self.limits.timeout:g} s time limit "
                                       "(wikikg serve --timeout)\n").encode(), {}
        except (EOFError, OSError):
            self._later(self._replace(w))
            return 500, "text/plain", b"the query worker died (out of memory?)\n", {}
        except asyncio.CancelledError:  # the request went away mid-query: the worker may be busy still
            self._later(self._replace(w))
            raise
        self._idle.put_nowait(w)
        return reply

    def close(self) -> None:
        """Stop every worker."""
        for w in list(self._all):
            w.kill()
        self._all.clear()


# --- the network guard ---------------------------------------------------------------------------

_AUDIT_EVENTS = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.sendto",
                 "socket.sendmsg", "urllib.Request", "http.client.connect"}
# (AUDIT_ARCH, socket syscall, seccomp syscall) for the architectures the filter knows.
_ARCH = {"x86_64": (0xC000003E, 41, 317), "aarch64": (0xC00000B7, 198, 277)}
_IO_URING_SETUP, _X32 = 425, 0x40000000
_AF_INET, _AF_INET6, _EACCES = 2, 10, 13
_ALLOW, _ERRNO = 0x7FFF0000, 0x00050000


def _audit(event: str, args) -> None:
    if event in _AUDIT_EVENTS:
        raise PermissionError(f"{event}: query workers make no network requests")


class _Filter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint32)]


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_Filter))]


def _seccomp() -> bool:
    """Make socket(AF_INET|AF_INET6) and io_uring fail with EACCES in this process and its threads."""
    arch = _ARCH.get(platform.machine())
    if not sys.platform.startswith("linux") or arch is None:
        return False
    audit_arch, nr_socket, nr_seccomp = arch
    ld, jeq, ret = 0x20, 0x15, 0x06  # BPF_LD|W|ABS, BPF_JMP|JEQ|K, BPF_RET|K
    code = [(ld, 0, 0, 4), (jeq, 1, 0, audit_arch), (ret, 0, 0, _ALLOW),  # other ABI: not ours
            (ld, 0, 0, 0), (jeq, 6, 0, _IO_URING_SETUP), (jeq, 5, 0, nr_socket | _X32),
            (jeq, 0, 3, nr_socket), (ld, 0, 0, 16), (jeq, 2, 0, _AF_INET), (jeq, 1, 0, _AF_INET6),
            (ret, 0, 0, _ALLOW), (ret, 0, 0, _ERRNO | _EACCES)]
    filters = (_Filter * len(code))(*[_Filter(*c) for c in code])
    prog = _Program(len(code), filters)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS
        return False
    # seccomp(SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, &prog): every thread, now and later
    return libc.syscall(nr_seccomp, 1, 1, ctypes.byref(prog)) == 0


def deny_network() -> bool:
    """Forbid this process any network access: an audit hook (Python code) and, on Linux, a seccomp
    filter (native code such as Oxigraph's SERVICE client). True when the seccomp filter is on."""
    sys.addaudithook(_audit)
    try:
        return _seccomp()
    except (OSError, AttributeError):
        return False
