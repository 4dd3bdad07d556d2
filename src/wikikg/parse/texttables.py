"""Standings laid out as preformatted text (lines led by a space: " 1.[[Foo FC|Foo]]  18  14  4  0  43-13  46") -> Table records."""
from __future__ import annotations

import bisect
import re

from wikikg.model import Link, Sentence, Table, TableCell
from wikikg.parse.definitions import canonical_title

# one row: a space-led line, a rank ("1." or "1"), a name (a link, words after it at most: "[[Foo F.C.|Foo]]
# Reserves"), then at least three columns of figures ("18", "43-13", "+30") and a note of words at most ("Relegated")
_ROW = re.compile(r"^ +(?P<rank>\d{1,3}\.?) *(?P<name>\[\[(?P<target>[^\[\]{}|#<>]+)(?:\|(?P<shown>[^\[\]{}|<>]+))?\]\]"
                  r"(?P<after>[A-Za-z .'&-]*?)) +(?P<figures>[+-]?\d+(?:[-–:][-–:\d]*)?(?: +[+-]?\d+(?:[-–:]\d+)?){2,})"
                  r"(?: +(?P<note>[A-Za-z][A-Za-z .,'()-]*?))? *$")
_RULE = re.compile(r"^ *-{3,} *$")  # " -----------": a line between the promoted and the relegated
_FIGURE = re.compile(r"\S+")
_MIN_ROWS = 3  # fewer rows than this make no table (a stray line of figures)
# a row at a line's start after a line feed or a carriage return, searched in the whole text before any line is: a table
# has two rows or more, and the line before its second ends in one of them (_ROW and _RULE match no line that keeps
# another of str.splitlines' line ends, "\u2028"), so a text without such a row, most articles, has no table
_LF_ROW = re.compile(r"\n +\d{1,3}\.? *\[\[")
_CR_ROW = re.compile(r"\r +\d{1,3}\.? *\[\[")


def text_tables(text: str, sentences: tuple[Sentence, ...]) -> list[Table]:
    """The standings tables of preformatted lines in `text`, each under the section of the sentences its lines became
    (none where no sentence came from them: a skipped section, a comment)."""
    if _LF_ROW.search(text) is None and ("\r" not in text or _CR_ROW.search(text) is None):
        return []
    out: list[Table] = []
    rows: list[tuple[TableCell, ...]] = []
    pos = 0
    starts = [s.start for s in sentences]
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if (m := _ROW.match(body)) is not None:
            rows.append(_cells(m, pos))
        elif not _RULE.match(body) or not rows:
            _close(rows, sentences, starts, out)
            rows = []
        pos += len(line)
    _close(rows, sentences, starts, out)
    return out


def _close(rows: list[tuple[TableCell, ...]], sentences: tuple[Sentence, ...], starts: list[int],
           out: list[Table]) -> None:
    if len(rows) < _MIN_ROWS:
        return
    start, end = rows[0][0].start, rows[-1][-1].end
    k = bisect.bisect_left(starts, rows[0][0].start - 1)
    if k >= len(sentences) or sentences[k].start >= end:
        return
    width = max(len(r) for r in rows)
    out.append(Table(sentences[k].section, ("",) * width, tuple(rows), start, end))


def _cells(m: re.Match, pos: int) -> tuple[TableCell, ...]:
    """A row's cells: its rank, its name (with its link), each figure, and its note."""
    shown = (m["shown"] or m["target"]).strip()
    after = m["after"].rstrip()
    name = TableCell(shown + after, (Link(canonical_title(m["target"]), shown, 0, len(shown)),),
                     pos + m.start("name"), pos + m.start("name") + len(m["name"].rstrip()))
    cells = [TableCell(m["rank"], (), pos + m.start("rank"), pos + m.end("rank")), name]
    base = pos + m.start("figures")
    cells += [TableCell(f.group(), (), base + f.start(), base + f.end()) for f in _FIGURE.finditer(m["figures"])]
    if m["note"]:
        cells.append(TableCell(m["note"], (), pos + m.start("note"), pos + m.end("note")))
    return tuple(cells)
