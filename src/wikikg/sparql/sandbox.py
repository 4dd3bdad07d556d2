"""The query workers' network guard: an audit hook for Python code and a seccomp filter for native code."""
from __future__ import annotations

import ctypes
import platform
import sys

__all__ = ["deny_network"]

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
