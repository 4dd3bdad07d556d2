"""Per-article limits: input size and a wall-clock cap that interrupts a runaway extraction."""
from __future__ import annotations

import contextlib
import ctypes
import signal
import sys
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


_hook_lock = threading.Lock()
_hook_users = 0
_hook_previous = None


def _drop_timeouts(unraisable) -> None:
    """sys.unraisablehook while a cap is armed: an ArticleTimeout that landed in a finalizer (__del__,
    a weakref callback) cannot stop the body and is dropped quietly (the next alarm will stop it);
    anything else goes to the hook that was installed before."""
    if isinstance(unraisable.exc_value, ArticleTimeout):
        return
    (_hook_previous or sys.__unraisablehook__)(unraisable)


@contextmanager
def _quiet_finalizers() -> Iterator[None]:
    """Install _drop_timeouts for the body (counted: caps in several threads install it once)."""
    global _hook_users, _hook_previous
    with _hook_lock:
        if _hook_users == 0:
            _hook_previous, sys.unraisablehook = sys.unraisablehook, _drop_timeouts
        _hook_users += 1
    try:
        yield
    finally:
        with _hook_lock:
            _hook_users -= 1
            if _hook_users == 0:
                sys.unraisablehook, _hook_previous = _hook_previous, None


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Have `exc` raised in that thread at its next bytecode (None: withdraw one not raised yet)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exc) if exc else ctypes.c_void_p(None))


class _Watchdog(threading.Thread):
    """Raises ArticleTimeout in one thread after `seconds`, then again every REPEAT, until stopped."""

    def __init__(self, target: int, seconds: float) -> None:
        super().__init__(name="wikikg-time-cap", daemon=True)
        self.target, self.seconds = target, seconds
        self.lock, self.stopped, self.done = threading.Lock(), False, threading.Event()

    def run(self) -> None:
        wait = self.seconds
        while not self.done.wait(wait):
            with self.lock:
                if self.stopped:
                    return
                _raise_in(self.target, ArticleTimeout)
            wait = REPEAT

    def stop(self) -> None:
        """Called in the target thread: no exception after this returns, and none left pending."""
        while not self.stopped:
            try:
                with self.lock:
                    self.stopped = True
                    _raise_in(self.target, None)
            except ArticleTimeout:  # raised on the way in: the body has ended, either way
                continue
        self.done.set()


@contextmanager
def _signal_cap(seconds: float) -> Iterator[bool]:
    previous = signal.signal(signal.SIGALRM, _expired)
    # Then again every REPEAT seconds: a handler that happens to run inside a finalizer (__del__, a
    # weakref callback) has its exception printed and dropped, and the next one must still stop the body.
    with _quiet_finalizers():
        signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT)
        try:
            yield True
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


@contextmanager
def _thread_cap(seconds: float) -> Iterator[bool]:
    with _quiet_finalizers():
        watchdog = _Watchdog(threading.get_ident(), seconds)
        watchdog.start()
        try:
            yield True
        finally:
            watchdog.stop()


def time_cap(seconds: float):
    """Interrupt the body with ArticleTimeout after `seconds` of wall-clock time; a context manager
    yielding whether the cap is armed (not for seconds <= 0). In the main thread (the CLI, process-pool
    workers) SIGALRM through setitimer raises it; in any other thread (Dask runs tasks in worker
    threads, where no signal arrives) a watchdog thread has CPython raise it in that thread. Either
    way it lands between two bytecodes: C code is not stopped mid-call (see parse/tokenize.py)."""
    if seconds <= 0:
        return contextlib.nullcontext(False)
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        return _signal_cap(seconds)
    return _thread_cap(seconds)
