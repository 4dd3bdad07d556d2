"""A single newline inside a wikitext paragraph is a space (MediaWiki joins the lines)."""
from __future__ import annotations

import bisect

from wikikg.parse.segment import Builder

_BLOCK = set("*#:;{|!=<\n ")  # a line starting with these is a list item, table, heading, block...


def join_soft_breaks(plain: str, source: str, b: Builder) -> str:
    """`plain` with each newline that MediaWiki renders as a space replaced by one (same length, so
    offsets hold): a newline of the input text itself, between two non-empty lines of prose."""
    if "\n" not in plain:
        return plain
    starts = [p.plain_start for p in b.pieces]
    spaces = []  # the newlines that become spaces, in order (the text is cut there, not copied char by char)
    at = plain.find("\n")
    while at >= 0:
        k = bisect.bisect_right(starts, at) - 1
        piece = b.pieces[k] if k >= 0 else None
        if piece is not None and piece.exact and 0 < at < len(plain) - 1 and plain[at - 1] != "\n" \
                and plain[at + 1] != "\n":
            src = piece.src_start + (at - piece.plain_start)
            line = source.rfind("\n", 0, src) + 1
            after = source[src + 1:src + 2]
            if source[src] == "\n" and after and after not in _BLOCK and source[line:line + 1] not in _BLOCK:
                spaces.append(at)
        at = plain.find("\n", at + 1)
    if not spaces:
        return plain
    out, prev = [], 0
    for at in spaces:
        out += (plain[prev:at], " ")
        prev = at + 1
    out.append(plain[prev:])
    return "".join(out)
