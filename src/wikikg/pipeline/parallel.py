"""Parallel maps over partitions: in-process, a local process pool, or a Dask cluster; progress on stderr."""
from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from itertools import chain, islice
from pathlib import Path

__all__ = ["DaskRunner", "LocalRunner", "Progress", "input_bytes", "make_runner", "partitions"]

_SHARED: object = None


def _set_shared(shared: object) -> None:
    global _SHARED
    _SHARED = shared


def _call(fn: Callable, item: object) -> object:
    return fn(item, _SHARED)


def partitions(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of `size` items (the last may be shorter)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class LocalRunner:
    """Runs fn(item, shared) on this machine: in-process for one job, else in a pool of processes."""

    def __init__(self, jobs: int | None = None) -> None:
        self.workers = max(1, jobs or os.cpu_count() or 1)

    def imap(self, fn: Callable, items: Iterable, shared: object = None) -> Iterator:
        """Results in completion order; at most 2 x workers items in flight, so memory stays flat."""
        if self.workers == 1:
            for item in items:
                yield fn(item, shared)
            return
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        with ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_set_shared,
                                 initargs=(shared,)) as pool:
            pool.submit(int).result()  # start the workers now, before any reader thread runs
            it = iter(items)
            head = list(islice(it, 2))
            if len(head) < 2:  # one item: no need to ship it to a worker
                for item in head:
                    yield fn(item, shared)
                return
            pending: set = set()
            for item in chain(head, it):
                pending.add(pool.submit(_call, fn, item))
                if len(pending) >= 2 * self.workers:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for f in done:
                        yield f.result()
            for f in pending:
                yield f.result()

    def close(self) -> None:
        """Nothing to release: pools live for one map."""


class _Box:
    """Holds a shared value so that Dask scatters it as one object (not a dict's items)."""

    def __init__(self, value: object) -> None:
        self.value = value


def _unbox(fn: Callable, item: object, box: _Box | None) -> object:
    return fn(item, box.value if box is not None else None)


class DaskRunner:
    """Runs fn(item, shared) on a Dask cluster: a scheduler's address, or a local cluster of N workers."""

    def __init__(self, address: str | None = None, local: int | None = None) -> None:
        from dask.distributed import Client, LocalCluster

        if address:
            self.cluster = None
            self.client = Client(address, timeout="10s")
        else:
            self.cluster = LocalCluster(n_workers=local or 1, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=40)
            self.client = Client(self.cluster)
        info = self.client.scheduler_info()
        self.workers = max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))

    def imap(self, fn: Callable, items: Iterable, shared: object = None) -> Iterator:
        """Results in completion order; the shared value is sent once to every worker."""
        from dask.distributed import as_completed

        box = self.client.scatter(_Box(shared), broadcast=True) if shared is not None else None
        queue = as_completed()
        inflight = 0
        for item in items:
            queue.add(self.client.submit(_unbox, fn, item, box, pure=False))
            inflight += 1
            if inflight >= 2 * self.workers:
                yield next(queue).result()
                inflight -= 1
        for f in queue:
            yield f.result()

    def close(self) -> None:
        """Disconnect, and stop the local cluster if this runner started one."""
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_runner(jobs: int | None = None, scheduler: str | None = None, dask_local: int | None = None):
    """The runner the options ask for: Dask (a scheduler address or a local cluster), else local."""
    if scheduler or dask_local:
        return DaskRunner(scheduler, dask_local)
    return LocalRunner(jobs)


def input_bytes(inputs: Iterable[str]) -> int | None:
    """The bytes the inputs hold on disk (None when one is stdin): the total of the progress bar."""
    total = 0
    for raw in inputs:
        if raw == "-":
            return None
        p = Path(raw)
        if p.is_dir():
            total += sum(f.stat().st_size for f in p.rglob("*") if f.is_file())
        elif p.is_file():
            total += p.stat().st_size
    return total


class Progress:
    """A progress bar on stderr: articles extracted of articles known, and input bytes read.

    Articles known are those read so far plus, while reading goes on, an estimate of the rest from the
    share of the input bytes read (shown as ~N); once the inputs are read the count is exact. Bytes
    read follow the reader (compressed bytes for a dump), which runs ahead of extraction."""

    def __init__(self, total_bytes: int | None, enabled: bool | None = None, desc: str = "extract") -> None:
        from tqdm import tqdm

        self.total_bytes, self.bytes, self.seen, self.articles = total_bytes, 0, 0, 0
        self.reading, self._pos, self.start = True, {}, time.monotonic()
        self.bar = tqdm(total=None, desc=desc, file=sys.stderr, mininterval=0.5,
                        disable=not enabled if enabled is not None else None, bar_format=self._format(None))

    def _format(self, total: int | None) -> str:
        """The bar's template: a bar and ETA once a total is known, else counts and a rate."""
        if total is None:
            return "{desc}: {n_fmt} " + ("article" if self.articles == 1 else "articles") + " [{elapsed}]{postfix}"
        known = "{total_fmt}" if not self.reading else "~{total_fmt}"
        word = "article" if total == 1 else "articles"
        return "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/" + known + f" {word} [{{elapsed}}<{{remaining}}]{{postfix}}"

    def _known(self) -> int | None:
        """Articles known: exact when the inputs are read, else extrapolated from the bytes read."""
        if not self.reading:
            return self.seen
        if not self.total_bytes or not self.bytes or not self.seen:
            return None
        return max(self.seen, round(self.seen * self.total_bytes / min(self.bytes, self.total_bytes)))

    def _show(self) -> None:
        size = self.bar.format_sizeof
        total = self._known()
        self.bar.total = total
        self.bar.bar_format = self._format(total)
        parts = [f"{self.articles / max(time.monotonic() - self.start, 1e-9):.1f} articles/s"]
        if self.total_bytes or self.bytes:
            of = f"/{size(self.total_bytes, 'B', 1000)}" if self.total_bytes else ""
            parts.append(f"{size(self.bytes, 'B', 1000)}{of} read")
        self.bar.set_postfix_str(", ".join(parts), refresh=False)

    def read(self, source: str, position: int) -> None:
        """Input `source` has been read up to byte `position`."""
        delta = position - self._pos.get(source, 0)
        if delta > 0:
            self._pos[source] = position
            self.bytes += delta

    def counted(self, articles: Iterable) -> Iterator:
        """The articles as they are read, counted; when they run out the count is exact."""
        for a in articles:
            self.seen += 1
            yield a
        self.reading = False
        self._show()

    def done(self, articles: int) -> None:
        """`articles` more articles are extracted."""
        self.articles += articles
        self._show()
        self.bar.update(articles)

    def close(self) -> None:
        """Finish the bar with the final counts."""
        self._show()
        self.bar.close()
