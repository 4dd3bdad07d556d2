"""One-line, readable SPARQL syntax errors from rdflib's and Oxigraph's parser messages."""
from __future__ import annotations

import re

from wikikg.sparql.results import PREFIXES

__all__ = ["oxigraph_syntax_error"]

_OXIGRAPH = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.S)
# A prefixed name ending where Oxigraph stopped: the prefix it did not find.
_PNAME_BEFORE = re.compile(r"(?<![\w<\"'])([^\W\d][\w.-]*)?:[\w.%:-]*$")
_KEYWORD = re.compile(r'^(?:[A-Za-z][A-Za-z_]*|"[^"\s]{1,3}")$')
_MAX_EXPECTED = 8


def _near(text: str, line: int, col: int) -> str:
    """A few words of `text` from 1-based (line, col) on, in quotes; '' past the end."""
    lines = text.splitlines() or [""]
    if not 1 <= line <= len(lines):
        return " (at the end)"
    rest = " ".join(" ".join(lines[line - 1:line + 1])[max(col - 1, 0):].split())
    if not rest:
        return " (at the end of the line)"
    return f" near {rest[:30] + ('…' if len(rest) > 30 else '')!r}"


def _where(line: int, col: int) -> str:
    return f"SPARQL syntax error at line {line}, column {col}"


def _undeclared(text: str, line: int, col: int) -> tuple[int, str] | None:
    """(column where it starts, hint) for the prefixed name that ends just before (line, col)."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    m = _PNAME_BEFORE.search(lines[line - 1][:max(col - 1, 0)])
    if not m:
        return None
    name = m.group(1) or ""
    return m.start() + 1, (f"undeclared prefix {name}: (declare it: PREFIX {name}: <…>; predeclared: "
                           f"{', '.join(sorted(PREFIXES))})")


def oxigraph_syntax_error(message: str, text: str) -> str:
    """Oxigraph's parse error ("error at 1:34: expected one of …" over many lines) as one line."""
    m = _OXIGRAPH.match(message.strip())
    if not m:
        return " ".join(message.split())[:200]
    line, col, detail = int(m.group(1)), int(m.group(2)), " ".join(m.group(3).split())
    where = _where(line, col)
    if "Prefix not found" in detail:
        found = _undeclared(text, line, col)
        if found:
            return f"{_where(line, found[0])}: {found[1]}"
    if detail.startswith("expected one of "):
        alternatives = [a.strip() for a in re.split(r",\s*(?![^\[]*\])", detail[len("expected one of "):])]
        prose = [a for a in alternatives if " " in a and not a.startswith("[")]
        words = [a for a in alternatives if _KEYWORD.match(a)]
        if prose:
            detail = prose[0][:1].lower() + prose[0][1:]
        elif words:
            more = ", …" if len(words) > _MAX_EXPECTED else ""
            detail = "expected one of " + ", ".join(words[:_MAX_EXPECTED]) + more
        else:
            detail = "unexpected text"
    return f"{where}{_near(text, line, col)}: {detail[:160]}"
