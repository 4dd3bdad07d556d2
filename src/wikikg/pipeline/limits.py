"""Per-article limits: input size and a wall-clock cap that interrupts a runaway extraction."""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from wikikg.errors import ArticleSkipped

__all__ = ["ArticleLimits", "ArticleSkipped", "ArticleTimeout", "time_cap"]

REPEAT = 0.25  # seconds between further alarms once the cap is reached


@dataclass(frozen=True)
class ArticleLimits:
    """`wikikg build --max-article-bytes` (UTF-8 bytes) and `--article-timeout` (seconds); 0: none."""

    max_bytes: int = 0
    timeout: float = 0.0


class ArticleTimeout(BaseException):
    """Raised inside an extraction that ran past its time cap (a BaseException, like
    KeyboardInterrupt, so that no `except Exception` on the way swallows it)."""


def _expired(signum, frame) -> None:
    raise ArticleTimeout


@contextmanager
def time_cap(seconds: float) -> Iterator[bool]:
    """Interrupt the body with ArticleTimeout after `seconds` of wall-clock time (SIGALRM through
    setitimer). Works in the main thread of any process (the CLI, process-pool workers); elsewhere
    (threads, e.g. Dask's) or for seconds <= 0 it does nothing. Yields whether the cap is armed."""
    armed = seconds > 0 and hasattr(signal, "setitimer") and \
        threading.current_thread() is threading.main_thread()
    if not armed:
        yield False
        return
    previous = signal.signal(signal.SIGALRM, _expired)
    # Then again every REPEAT seconds: a handler that happens to run inside a finalizer (__del__, a
    # weakref callback) has its exception printed and dropped, and the next one must still stop the body.
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT)
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
