"""Succession boxes -> one record each: a post's title, its years and who held it before and after."""
from __future__ import annotations

from wikikg.model import Infobox

# {{s-bef|before=[[A]]}} {{s-ttl|title=Director of the [[Foo Institute]]|years=1990–2000}} {{s-aft|after=[[B]]}}:
# three templates that make one box between them, read as one {{succession box}}
BOX = "succession box"
PARTS = ("s-bef", "s-ttl", "s-aft")


def successions(boxes: tuple[Infobox, ...]) -> tuple[Infobox, ...]:
    """The records with each run of s-bef, s-ttl and s-aft templates joined into one succession box (its fields in
    their order); a run without a title ("{{s-bef}}" alone) gives none."""
    out: list[Infobox] = []
    run: list[Infobox] = []
    for box in (*boxes, None):
        if box is not None and box.kind in PARTS and not (run and _closes(run, box)):
            run.append(box)
            continue
        if any(b.kind == "s-ttl" for b in run):
            out.append(Infobox(BOX, tuple(f for b in run for f in b.fields), run[0].start, run[-1].end))
        run = [box] if box is not None and box.kind in PARTS else []
        if box is not None and box.kind not in PARTS:
            out.append(box)
    return tuple(out)


def _closes(run: list[Infobox], box: Infobox) -> bool:
    """Whether `box` starts the next post's run: a title or a "before" after the run's title."""
    titled = any(b.kind == "s-ttl" for b in run)
    return titled and box.kind in ("s-bef", "s-ttl")
