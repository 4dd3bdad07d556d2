"""`wikikg serve` as a process: the port bound before anything else, signals that stop it cleanly."""
from __future__ import annotations

import contextlib
import errno
import os
import signal
import socket
import sys
import threading

from wikikg.errors import ServerError

__all__ = ["Stopped", "listen", "stop_on_signals"]

_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to (host, port) and listening: a bad, busy or forbidden port fails here, at once."""
    if not 0 <= port <= 65535:
        raise ServerError(f"--port {port}: a port is a number from 0 to 65535")
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
    except (socket.gaierror, UnicodeError) as e:
        raise ServerError(f"--host {host}: not an address of this machine ({e})") from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn: a port in TIME_WAIT is free
        sock.bind(address)
        sock.listen(2048)
    except OSError as e:
        sock.close()
        why = {errno.EADDRINUSE: "the port is in use (another server?); choose another --port",
               errno.EACCES: "permission denied (ports below 1024 need privileges)",
               errno.EADDRNOTAVAIL: "not an address of this machine"}.get(e.errno, e.strerror or str(e))
        raise ServerError(f"cannot listen on {host}:{port}: {why}") from None
    return sock


class Stopped(BaseException):
    """SIGTERM or SIGINT arrived: unwinds the stack (so `with` blocks clean up) like KeyboardInterrupt."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _raise(signum, _frame):
    raise Stopped(signum)


@contextlib.contextmanager
def stop_on_signals():
    """SIGTERM and SIGINT raise Stopped inside the block (uvicorn, while it runs, takes them over and
    raises them again once shut down); after the block has cleaned up, the process dies by that signal,
    as its parent asked, without a traceback."""
    if threading.current_thread() is not threading.main_thread():  # signals reach the main thread only
        yield
        return
    old = {s: signal.signal(s, _raise) for s in _SIGNALS}
    try:
        yield
    except Stopped as e:
        for s, handler in old.items():
            signal.signal(s, handler)
        sys.stdout.flush()
        sys.stderr.flush()
        signal.signal(e.signum, signal.SIG_DFL)
        os.kill(os.getpid(), e.signum)
        raise SystemExit(128 + e.signum) from None  # if the signal was blocked
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)


@contextlib.contextmanager
def signals_held():
    """SIGTERM and SIGINT wait until the block ends (then arrive): a resource made inside it is in place to be
    cleaned up before a signal can interrupt its making (a temporary directory between its mkdir and its
    cleanup being registered)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
