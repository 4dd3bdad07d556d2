"""Table columns under one header cell spanning several ("! colspan=2 | Chairman" over "1st" and the name)."""
from __future__ import annotations


def spanned(header: tuple[str, ...], col: int) -> list[int]:
    """The columns after `col` that share its header name, next to it: the parser repeats a header cell
    that spans columns once per column, so these are the same header's other columns."""
    out: list[int] = []
    if not 0 <= col < len(header) or not header[col].strip():
        return out
    i = col + 1
    while i < len(header) and header[i] == header[col]:
        out.append(i)
        i += 1
    return out
