"""Keeps queries read-only and local: the parsed-query check and the query workers' network guard."""
from __future__ import annotations

import ctypes
import platform
import re
import sys
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Checked", "QueryError", "QueryRefused", "check", "deny_network"]

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
          "DescribeQuery": "DESCRIBE"}


class QueryError(ValueError):
    """A query, query file or parameter that cannot be used (HTTP 400)."""


class QueryRefused(QueryError):
    """A query that would change data or reach outside the local graph (HTTP 403)."""


# --- the read-only check --------------------------------------------------------------------------

@dataclass(frozen=True)
class Checked:
    """A query that passed the read-only check: its text as run, form and dataset (FROM) graphs."""

    text: str
    form: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


def _walk(node):
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        yield node
        for v in node.values():
            yield from _walk(v)
    elif isinstance(node, (list, tuple, ParseResults)):
        for v in node:
            yield from _walk(v)


def _update_refusal(text: str) -> str | None:
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        update = parseUpdate(text)
    except Exception:
        return None
    ops = sorted({c.name.upper() for r in update.request for c in [r]} or {"UPDATE"})
    return f"SPARQL Update ({', '.join(ops)}) is refused: this endpoint is read-only"


@lru_cache(maxsize=256)
def _parse(text: str):
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        return parseQuery(text)
    except RecursionError:
        raise QueryError("the query is nested too deeply") from None
    except Exception as e:
        refusal = _update_refusal(text)
        if refusal:
            raise QueryRefused(refusal) from None
        raise QueryError(f"SPARQL syntax error: {str(e).splitlines()[0][:300]}") from None


def _iri(term, prefixes: dict[str, str]) -> str:
    if getattr(term, "name", None) == "pname":
        if term.prefix not in prefixes:
            raise QueryError(f"undeclared prefix {term.prefix}:")
        return prefixes[term.prefix] + (term["localname"] if "localname" in term else "")
    return str(term)


def check(text: str, graphs: set[str] | frozenset[str] = frozenset()) -> Checked:
    """Refuse updates, SERVICE, and FROM / FROM NAMED of any graph not in `graphs`, before running.

    Codepoint escapes (\\uXXXX) are decoded first, as SPARQL says, and the decoded text is what runs,
    so the checker and the engine read the same characters.
    """
    decoded = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)
    if _ESCAPE.search(decoded):
        raise QueryError("codepoint escapes that decode to further escapes are not accepted")
    try:
        prologue, query = _parse(decoded)
    except (ValueError, OverflowError) as e:
        raise QueryError(str(e)) from None
    try:
        nodes = list(_walk(query))
    except RecursionError:
        raise QueryError("the query is nested too deeply") from None
    for node in nodes:
        if node.name == "ServiceGraphPattern":
            raise QueryRefused(f"SERVICE <{node['term'] if 'term' in node else '?'}> is refused: queries run on the local "
                               "graph only and make no outgoing requests")
    prefixes = {d.prefix or "": str(d.iri) for d in prologue if getattr(d, "name", "") == "PrefixDecl"}
    default, named = [], []
    for clause in query["datasetClause"] if "datasetClause" in query else []:
        key = "default" if "default" in clause else "named"
        iri = _iri(clause[key], prefixes)
        if iri not in graphs:
            raise QueryRefused(f"FROM <{iri}> is refused: no graph of that name here, and remote graphs "
                               "are not fetched")
        (default if key == "default" else named).append(iri)
    return Checked(decoded, _FORMS.get(query.name, "SELECT"), tuple(default), tuple(named))


# --- the network guard of query worker processes -------------------------------------------------

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
