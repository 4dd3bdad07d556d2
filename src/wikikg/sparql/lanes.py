"""The pool's lanes: idle workers handed to waiting queries, those that cannot be expensive first."""
from __future__ import annotations

import asyncio
import time
from collections import deque

__all__ = ["Lanes"]


class Lanes:
    """Idle lane workers and the queries waiting for one, in two queues: a worker that comes free goes
    to the longest-waiting query the static estimate calls cheap, and to a suspect one only when no
    cheap query waits or the suspect has waited `patience` seconds (so a steady cheap load cannot
    starve it)."""

    def __init__(self, patience: float):
        self.patience = patience
        self._free: deque = deque()
        self._cheap: deque[asyncio.Future] = deque()
        self._suspect: deque[tuple[float, asyncio.Future]] = deque()

    def release(self, worker) -> None:
        """A worker is free: give it to the next waiting query, or keep it."""
        while self._suspect and self._suspect[0][1].done():
            self._suspect.popleft()
        while self._cheap and self._cheap[0].done():
            self._cheap.popleft()
        if self._suspect and (not self._cheap or time.monotonic() - self._suspect[0][0] >= self.patience):
            self._suspect.popleft()[1].set_result(worker)
        elif self._cheap:
            self._cheap.popleft().set_result(worker)
        else:
            self._free.append(worker)

    async def acquire(self, suspect: bool, timeout: float):
        """A free worker for a query; raises asyncio.TimeoutError after `timeout` seconds."""
        if self._free and (suspect and not self._cheap or not suspect):
            return self._free.popleft()
        waiter = asyncio.get_running_loop().create_future()
        if suspect:
            self._suspect.append((time.monotonic(), waiter))
        else:
            self._cheap.append(waiter)
        try:
            return await asyncio.wait_for(asyncio.shield(waiter), timeout)
        except BaseException:
            if waiter.done() and not waiter.cancelled():
                self.release(waiter.result())  # handed a worker just as it gave up: pass it on
            else:
                waiter.cancel()
            raise
