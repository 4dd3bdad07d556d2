"""Query worker processes: no network, the store read-only, killed and replaced past the time limit."""
from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from wikikg.sparql.cost import suspect
from wikikg.sparql.lanes import Lanes
from wikikg.sparql.query import QueryError, QueryRefused, check
from wikikg.sparql.results import GRAPH_OFFERS, MEDIA_TYPES, SELECT_OFFERS, negotiate, render
from wikikg.sparql.sandbox import deny_network
from wikikg.sparql.store import Engine

__all__ = ["Limits", "QueryPool", "default_max_memory", "deny_network"]

_MB = 2**20


def default_max_memory(workers: int) -> int:
    """A quarter of the machine's memory shared by the workers, each between 512 MB and 4 GB."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        total = 8 * 1024 * _MB
    return max(512 * _MB, min(4096 * _MB, total // 4 // max(workers, 1)))


@dataclass(frozen=True)
class Limits:
    """Per-query wall-clock limit (seconds) and caps; all set from `wikikg serve` options."""

    timeout: float = 10.0
    max_rows: int = 10_000
    max_bytes: int = 20_000_000
    max_request: int = 100_000
    workers: int = 2
    max_memory: int | None = None  # bytes of data memory per worker; None: default_max_memory; 0: no cap
    header_timeout: float = 10.0  # seconds a connection may take to send its request head

    def memory_cap(self) -> int:
        """The per-worker memory cap in bytes (0: none)."""
        return default_max_memory(self.workers) if self.max_memory is None else self.max_memory


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
    except MemoryError:
        raise
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


def _memory_reply(limits: Limits) -> tuple:
    return 503, "text/plain", (f"query cancelled: it went past the {limits.memory_cap() // _MB} MB memory limit "
                               "(wikikg serve --max-memory)\n").encode(), {}


def cap_memory(cap: int) -> None:
    """Cap this process's data memory (heap, anonymous maps: RLIMIT_DATA) at `cap` bytes; past it an
    allocation fails and the process aborts (Oxigraph) or raises MemoryError (Python). No core dump."""
    import resource

    os.environ["RUST_BACKTRACE"] = "0"  # the abort prints one line, not a backtrace
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if cap:
        resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))


def _worker_main(conn, store_dir: str, limits: Limits) -> None:
    """A query worker: no network, memory capped, the store opened read-only, one job at a time."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the server stops us
    guarded = deny_network()
    try:
        cap_memory(limits.memory_cap())
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
        try:
            reply = _answer(engine, graphs, job, limits)
        except MemoryError:  # Python ran out under the cap: say so, and let the pool start a fresh worker
            conn.send(_memory_reply(limits))
            return
        conn.send(reply)


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
        except EOFError:  # e.g. a script without `if __name__ == "__main__":` (workers run it again)
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

    def kill(self, close: bool = True) -> None:
        """Stop the process; close the connection unless a thread may still be reading it (closing it
        then would free its number for the next worker's pipe, which that thread would read)."""
        self.proc.kill()
        self.proc.join(10)
        if close:
            self.conn.close()


CHECK_EVERY = 0.05  # seconds of wall time between looks at a running query
SLOW_CPU = 0.1  # seconds of CPU: a query that has used this much is expensive and leaves its lane
SLOW_AFTER = 1.0  # seconds of wall time: a query holding a lane this long is expensive whatever its CPU
WALL_SLOW = 0.2  # seconds of wall time: where CPU time cannot be read, a query running this long is expensive
SPARES = 2  # spare workers per lane, started and waiting to take over a lane
PATIENCE = 2.0  # seconds a suspect query (cost.suspect) waits for an expensive slot, then behind cheap ones
_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) process `pid` has used, from /proc (None where there is none)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICK
    except (OSError, ValueError, IndexError):
        return None


def start_context():
    """How workers start: forked from a fork server that has imported the worker's modules (a new
    worker then only opens the store: ~10x less CPU than a fresh interpreter, which matters when an
    expensive query is cancelled and replaced while cheap ones run); spawned where there is none."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["wikikg.sparql.workers", "wikikg.cli"])  # the CLI: what `wikikg serve` runs
    return ctx


class QueryPool:
    """Worker processes answering queries; one that overruns the time limit is killed and replaced.

    Fair service: `workers` lanes take queries in order, those a static estimate calls suspect
    (cost.suspect: a cartesian product, a repetition path, many BINDs) after the others. A suspect
    query runs on a ready spare worker at the lowest CPU priority (nice 19), taking no lane, once an
    expensive slot is free (it waits PATIENCE for one at most, then queues for a lane). A query whose
    worker has spent SLOW_CPU of CPU on it (or that has held its lane SLOW_AFTER) is expensive: it
    gives its lane to a ready spare worker and goes on at nice 19, so cheap queries keep flowing; at
    most `workers` such expensive queries run at once, and one more is cancelled with a 503 at once
    rather than queued (benchmarks/bench_starvation.py measures it)."""

    def __init__(self, store_dir: str, limits: Limits):
        self.store_dir, self.limits = store_dir, limits
        self._ctx = start_context()
        self._lanes = Lanes(PATIENCE)
        self._spares: asyncio.Queue | None = None
        self._all: set[_Worker] = set()
        self._tasks: set[asyncio.Task] = set()
        self._slow = 0
        self._expensive: dict[str, None] = {}
        # Threads that wait for answers, apart from those that start and stop workers (the default
        # executor has cpus + 4: on 2 cores the expensive queries and a few starts filled it, and cheap
        # queries waited behind them). One per query running at once: lanes, expensive, cancelled.
        self._waiters = ThreadPoolExecutor(4 * limits.workers + 4, thread_name_prefix="wikikg-query")
        self.guarded = self.quads = None

    def _spawn(self) -> _Worker:
        w = _Worker(self._ctx, self.store_dir, self.limits)
        self._all.add(w)
        return w

    async def start(self) -> None:
        """Start the workers (lanes and spares) and wait until each has opened the store."""
        self._spares = asyncio.Queue()
        workers = await asyncio.gather(*[asyncio.to_thread(self._spawn) for _ in range(SPARES * self.limits.workers + self.limits.workers)])
        _, self.guarded, self.quads = workers[0].hello
        for i, w in enumerate(workers):
            self._lanes.release(w) if i < self.limits.workers else self._spares.put_nowait(w)

    def _later(self, coro) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _fill(self, lane: bool) -> None:
        w = await asyncio.to_thread(self._spawn)
        self._lanes.release(w) if lane else self._spares.put_nowait(w)

    def _hand_over(self) -> None:
        """A lane lost its worker: a spare takes it now (a new spare is started), or a new worker later."""
        if self._spares.empty():
            self._later(self._fill(True))
        else:
            self._lanes.release(self._spares.get_nowait())
            self._later(self._fill(False))

    async def _retire(self, w: _Worker, task: asyncio.Future | None = None) -> None:
        """Stop a worker; with the `task` still reading its answer, its connection is closed after it."""
        self._all.discard(w)
        if task is not None and not task.done():
            task.add_done_callback(lambda _: w.conn.close())
            await asyncio.to_thread(w.kill, False)
        else:
            await asyncio.to_thread(w.kill)

    async def _replace(self, w: _Worker, task: asyncio.Future | None = None) -> None:
        await self._retire(w, task)
        self._hand_over()

    def _reply(self, w: _Worker, task: asyncio.Future) -> tuple:
        """The outcome of a finished job: its reply, or why the worker failed it."""
        try:
            reply = task.result()
        except TimeoutError:
            return 503, "text/plain", (f"query cancelled: it ran past the {self.limits.timeout:g} s time limit "
                                       "(wikikg serve --timeout)\n").encode(), {}
        except (EOFError, OSError):
            w.proc.join(5)
            if w.proc.exitcode in (-signal.SIGABRT, -signal.SIGKILL) and self.limits.memory_cap():
                return _memory_reply(self.limits)  # Oxigraph aborts when an allocation fails under the cap
            return 500, "text/plain", f"the query worker died (exit code {w.proc.exitcode})\n".encode(), {}
        return reply

    def _busy(self) -> tuple:
        return 503, "text/plain", (f"query cancelled: it is expensive and {self._slow} expensive queries are "
                                   "running already; try again later\n").encode(), {}

    def _remember(self, query: str) -> None:
        """An expensive query's text: sent again while the expensive slots are full, it is refused at once."""
        self._expensive[query] = None
        if len(self._expensive) > 1000:
            del self._expensive[next(iter(self._expensive))]

    async def _cheap(self, w: _Worker, task: asyncio.Future) -> bool:
        """Wait for the job while it stays cheap: True when it is done, False once it has used SLOW_CPU
        of the worker's CPU or held the lane SLOW_AFTER. CPU, not wall time, so that a cheap query kept
        waiting by a busy machine is not taken for an expensive one (where /proc is missing: wall time)."""
        start = cpu_seconds(w.proc.pid)
        waited, limit = 0.0, SLOW_AFTER if start is not None else WALL_SLOW
        while waited < limit - 1e-9:
            await asyncio.wait({task}, timeout=CHECK_EVERY)
            if task.done():
                return True
            waited += CHECK_EVERY
            used = cpu_seconds(w.proc.pid)
            if start is not None and used is not None and used - start >= SLOW_CPU:
                return False
        return task.done()

    @staticmethod
    def _nice(w: _Worker, value: int = 19) -> bool:
        """Set the worker's nice value; False where this process may not (lowering it needs privilege)."""
        try:
            os.setpriority(os.PRIO_PROCESS, w.proc.pid, value)
        except OSError:
            return False
        return True

    async def _aside(self, job: dict) -> tuple:
        """A suspect query on a spare worker at nice 19, in an expensive slot from the start: it takes
        no lane. Answered in time, the worker goes back to the spares where it can be given nice 0 again
        (that needs privilege); otherwise it is dropped and a new spare started."""
        w = self._spares.get_nowait()
        self._slow += 1
        self._nice(w)
        task = asyncio.ensure_future(asyncio.get_running_loop().run_in_executor(
            self._waiters, w.ask, job, self.limits.timeout))
        try:
            await asyncio.wait({task})
        except asyncio.CancelledError:
            self._later(self._replace_spare(w, task))
            raise
        finally:
            self._slow -= 1
        reply = self._reply(w, task)
        if reply[0] == 503:
            self._remember(job.get("query", ""))
        if task.exception() is None and w.proc.is_alive() and reply != _memory_reply(self.limits) \
                and self._nice(w, 0):
            self._spares.put_nowait(w)
        else:
            self._later(self._replace_spare(w))
        return reply

    async def _replace_spare(self, w: _Worker, task: asyncio.Future | None = None) -> None:
        await self._retire(w, task)
        await self._fill(False)

    async def ask(self, job: dict) -> tuple:
        """Answer one job -> (status, media type, body, headers), within the time and memory limits."""
        if job.get("query") in self._expensive and self._slow >= self.limits.workers:
            return self._busy()
        doubtful = suspect(job.get("query", ""))
        if doubtful:  # waits up to PATIENCE for an expensive slot, then for a lane behind cheap queries
            deadline = time.monotonic() + PATIENCE
            while self._slow >= self.limits.workers or self._spares.empty():
                if time.monotonic() >= deadline:
                    break
                await asyncio.sleep(CHECK_EVERY)
            else:
                return await self._aside(job)
        try:
            w = await self._lanes.acquire(doubtful, self.limits.timeout + 120)
        except asyncio.TimeoutError:
            return 503, "text/plain", b"no query worker is free; try again\n", {}
        if job.get("query") in self._expensive and self._slow >= self.limits.workers:  # found out meanwhile
            self._lanes.release(w)
            return self._busy()
        task = asyncio.ensure_future(asyncio.get_running_loop().run_in_executor(
            self._waiters, w.ask, job, self.limits.timeout))
        lane = True
        try:
            if not await self._cheap(w, task):
                self._remember(job.get("query", ""))
                if self._slow >= self.limits.workers:  # enough expensive queries already
                    await self._replace(w, task)
                    await asyncio.wait({task})
                    return self._busy()
                self._slow, lane = self._slow + 1, False
                self._nice(w)
                self._hand_over()
                try:
                    await asyncio.wait({task})
                finally:
                    self._slow -= 1
            reply = self._reply(w, task)
        except asyncio.CancelledError:  # the request went away mid-query: the worker may be busy still
            self._later(self._replace(w, task) if lane else self._retire(w, task))
            raise
        if lane and task.exception() is None and w.proc.is_alive() and reply != _memory_reply(self.limits):
            self._lanes.release(w)
        else:
            self._later(self._replace(w) if lane else self._retire(w))
        return reply

    def pids(self) -> list[int]:
        """The worker processes' ids (benchmarks watch their memory)."""
        return [w.proc.pid for w in self._all]

    def close(self) -> None:
        """Stop every worker."""
        for w in list(self._all):
            w.kill()
        self._all.clear()
        self._waiters.shutdown(wait=False, cancel_futures=True)
