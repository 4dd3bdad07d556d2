"""Plain text with a map back to the input, split into paragraphs and sentences."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

# Abbreviations that do not end a sentence (general English; "may_end" ones can, before a
# sentence opener). Source: common English style guides' abbreviation lists.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "no", "nos", "vs", "etc", "e.g", "i.e",
    "u.s", "u.k", "u.n", "e.u", "inc", "ltd", "co", "corp", "plc", "llc", "gen", "col", "lt", "sgt",
    "capt", "cmdr", "adm", "gov", "sen", "rep", "rev", "hon", "approx", "est", "fig", "vol", "pp",
    "op", "ca", "c", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "dept", "univ", "assn", "bros", "ave", "blvd", "rd", "ft", "mass", "calif", "ont", "wash",
    "pte", "pty", "s.a", "n.v", "b.v", "k.k", "s.p.a", "a.g", "l.p", "s.a.b", "c.v", "pvt", "bhd", "sdn", "tbk",
    "s.r.l", "s.l", "s.a.s",
    # titles and ranks before a name ("Msgr. Jane Roe", "Fr. John Doe", "Maj. Jane Roe", "Cpt. John Doe")
    "msgr", "mgr", "fr", "maj", "brig", "cdr", "cpl", "cpt", "lieut", "supt", "messrs", "mme", "mlle",
    # German "Nummer" in units' names ("Reserve-Infanterie-Regiment Nr. 6"; British "nr." for "near"), a rank held
    # "temp." (temporarily: "Colonel (temp. Brigadier General) Jane Roe")
    "nr", "temp",
}
# Life-date abbreviations before a year ("(b. 1950)", "(d. 1990)", "(fl. 1200)", "(r. 1200–1250)", "m. 1975",
# "bap. 1600", "bur. 1650"): no sentence end when a digit or a month's name follows ("(b. May 5, 1950)").
_BEFORE_YEAR = {"b", "d", "fl", "r", "m", "bap", "bapt", "bur", "reg"}
_MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"}
_MAY_END = {"u.s", "u.k", "u.n", "e.u", "inc", "ltd", "co", "corp", "plc", "llc", "etc", "jr", "sr"}
_OPENERS = {
    "The", "In", "On", "It", "He", "She", "They", "This", "That", "These", "A", "An", "During",
    "After", "Since", "Its", "His", "Her", "Their", "As", "At", "By", "From", "However", "Following",
    "Later", "Before", "When", "While", "According", "There",
}
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?(?:[A-Z0-9]|[a-z]+[A-Z]))")
_LAST_WORD = re.compile(r"([\w.]+)[.!?]*[\"'”’)\]]*$")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(\[]?(\w+)")
_LOWER, _UPPER = re.compile(r"[a-z]"), re.compile(r"[A-Z]")


@dataclass
class Piece:
    """A run of plain text and the input span it came from."""

    plain_start: int
    plain_end: int
    src_start: int
    src_end: int
    exact: bool  # plain text equals the input slice, char for char
    outer_start: int = -1  # bounds of the markup around it (a link's "[[" ... "]]")
    outer_end: int = -1


@dataclass
class Builder:
    """Accumulates plain text, its pieces, links, refs, bold and italic spans and section markers."""

    parts: list[str] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    length: int = 0
    links: list[tuple[int, int, str]] = field(default_factory=list)  # plain span, target
    refs: list[tuple[int, str]] = field(default_factory=list)  # plain position, citation key
    bold: list[tuple[int, int]] = field(default_factory=list)
    italic: list[tuple[int, int]] = field(default_factory=list)
    sections: list[tuple[int, str]] = field(default_factory=list)  # plain position, section path
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)  # the pieces' plain_start, for _src

    def add(self, text: str, src_start: int, src_end: int, exact: bool) -> None:
        """Append `text`, rendered from input[src_start:src_end]."""
        if not text:
            return
        n = len(text)
        self.pieces.append(Piece(self.length, self.length + n, src_start, src_end, exact,
                                 src_start, src_end))
        self.parts.append(text)
        self.length += n

    def text(self) -> str:
        """The plain text built so far."""
        return "".join(self.parts)

    def wrap(self, first_piece: int, outer_start: int, outer_end: int) -> None:
        """Widen the outer bounds of pieces from `first_piece` on to the markup around them."""
        if first_piece < len(self.pieces):
            p0, p1 = self.pieces[first_piece], self.pieces[-1]
            p0.outer_start = min(p0.outer_start, outer_start)
            p1.outer_end = max(p1.outer_end, outer_end)

    def src_span(self, start: int, end: int) -> tuple[int, int]:
        """The input span of plain text [start, end), widened to whole markup at the edges."""
        return self._src(start, True), self._src(end - 1, False)

    def _src(self, pos: int, is_start: bool) -> int:
        starts = self._starts
        if len(starts) != len(self.pieces):  # pieces are only appended, their plain_start never changes
            starts.extend(p.plain_start for p in self.pieces[len(starts):])
        p = self.pieces[max(bisect.bisect_right(starts, pos) - 1, 0)]  # the last piece starting at or before pos
        if is_start:
            if pos == p.plain_start:
                return p.outer_start
            return p.src_start + (pos - p.plain_start) if p.exact else p.src_start
        if pos == p.plain_end - 1:
            return p.outer_end
        return p.src_start + (pos - p.plain_start) + 1 if p.exact else p.src_end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans in one paragraph of plain text, whitespace trimmed."""
    spans, start = [], 0
    for m in _END.finditer(text):
        end = m.end()
        # the last word holds no space, so it starts after the last one (same match, shorter search)
        word = _LAST_WORD.search(text, max(start, text.rfind(" ", start, end) + 1), end)
        token = word.group(1).rstrip(".").lower() if word else ""
        nxt = _NEXT_WORD.match(text, end)
        next_word = nxt.group(1) if nxt else ""
        if text[m.start()] == "." and token in _ABBREV:
            if not (token in _MAY_END and next_word in _OPENERS):
                continue
        if text[m.start()] == "." and token in _BEFORE_YEAR \
                and (next_word[:1].isdigit() or next_word in _MONTH_NAMES):
            continue
        if text[m.start()] == "." and _LOWER.fullmatch(token) and token.upper() in text[m.start() - 1]:
            continue
        if _UPPER.fullmatch(text[m.start() - 1]) and (m.start() < 2 or not text[m.start() - 2].isalnum()) \
                and not (token in _MAY_END and next_word in _OPENERS):
            continue  # an initial: "Ada B. Lovelace"
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        seg = text[s:e]
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs > ls:
            out.append((s + ls, s + rs))
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of `text` (a line is a paragraph or a list item)."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out
