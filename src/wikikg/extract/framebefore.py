"""The frame right before a link ("joined ", "a subsidiary of the "), found from the window's end instead of a search."""
from __future__ import annotations

from functools import cache

from wikikg.kb.names import name_tables
from wikikg.kb.prefilter import fold

_DETERMINERS = ("the", "its", "their", "his", "her")  # what may stand between the frame and the link


@cache
def _by_end() -> dict[str, tuple[tuple[int, str, bool], ...]]:
    """names.toml [frames]' frames (a business's first, each list longest first, as frames.py's expression tries them)
    by their last three letters, folded: (place in that order, the frame folded, whether a business's)."""
    t = name_tables()
    frames = [(f, True) for f in sorted(t.company_frames, key=len, reverse=True)]
    frames += [(f, False) for f in sorted(t.org_frames, key=len, reverse=True)]
    out: dict[str, list[tuple[int, str, bool]]] = {}
    for i, (f, company) in enumerate(frames):
        out.setdefault(fold(f)[-3:], []).append((i, fold(f), company))
    return {k: tuple(v) for k, v in out.items()}


@cache
def usable() -> bool:
    """Whether every frame is ASCII, three characters or more and stripped (frame_before reads them so)."""
    t = name_tables()
    return all(f.isascii() and len(f) >= 3 and f == f.strip() for f in (*t.company_frames, *t.org_frames))


def frame_before(text: str, pos: int, end: int) -> bool | None:
    """Whether text[pos:end] ends in a business's frame (True) or another organisation's (False), then white space,
    then maybe a determiner and white space; None when it ends in none: what frames.py's expression searched in it
    finds (its leftmost match, and the first frame in its order at that place), from the frames whose last three
    letters end the text or the text before its determiner."""
    window = text[pos:end]
    stripped = window.rstrip()
    if len(stripped) == len(window):
        return None
    ends = [len(stripped)]
    for d in _DETERMINERS:
        if stripped.endswith(d) and len(stripped) > len(d) and stripped[-len(d) - 1].isspace():
            ends.append(len(stripped[:-len(d)].rstrip()))
    folded, by_end, best = fold(stripped), _by_end(), None
    for e in ends:
        for i, f, company in by_end.get(folded[e - 3:e], ()) if e >= 3 else ():
            s = e - len(f)
            if s >= 0 and folded.startswith(f, s) and (best is None or (s, i) < best[:2]) \
                    and not (pos + s and (text[pos + s - 1].isalnum() or text[pos + s - 1] in "_-")):
                best = (s, i, company)
    return None if best is None else best[2]
