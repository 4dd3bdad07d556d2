"""A coach's or manager's teams in a person's box: those the subject headed, not as an assistant, nor a school."""
from __future__ import annotations

import re
from functools import cache

from wikikg.extract.classify import name_types, split_title
from wikikg.kb.names import name_tables
from wikikg.kb.places import settlement_title
from wikikg.model import DateValue, FieldItem, Link

_NOTE = re.compile(r"\(([^()]*)\)")


def headed_items(items: list[FieldItem], dates: list[DateValue | None] | None, notes: str | None,
                 unless: tuple[str, ...], heads: tuple[str, ...] = ()) -> tuple[list[FieldItem], list[DateValue | None] | None]:
    """The items (and their paired dates, kept in step) whose every parenthesised note fullmatches `notes` (a head's
    post: "[[Foo Bears]] (interim)"; not "[[Foo Bears]] (asst.)", "(DL)", "(GA)": an assistant's or a position
    coach's) and whose link names nothing of a class in `unless` by its shape, nor ends in one of `heads` ("[[Foo
    State University|Foo State]]", "[[Foo School]]": the school, whose team the subject coached, is no team he headed),
    nor shows a club's youth or reserve side ("[[Foo F.C.|Foo Juvenil]]": that side, not the club, was his)."""
    pattern = re.compile(notes, re.I) if notes else None
    keep = [(pattern is None or all(pattern.fullmatch(n.strip()) for n in _NOTE.findall(item.text)))
            and not any(_names_other(split_title(k.target)[0], unless, heads) or _side(k) for k in item.links)
            for item in items]
    if (dates is None and len(items) > 1) or (dates is not None and len(dates) != len(items)):
        dates = [None] * len(items)  # the box's years not in step with the items: none is sure
    return ([item for item, k in zip(items, keep, strict=True) if k],
            None if dates is None else [d for d, k in zip(dates, keep, strict=True) if k])


def _names_other(title: str, classes: tuple[str, ...], heads: tuple[str, ...]) -> bool:
    """Whether a link's title has the shape of one of `classes` (a place's: a settlement's "Fooville, New South Wales"
    too) or ends in one of `heads`."""
    return (bool(name_types(title) & set(classes)) or "Place" in classes and settlement_title(title)
            or (title.split() or [""])[-1] in heads)


@cache
def _sides() -> re.Pattern:
    words = "|".join(map(re.escape, name_tables().team_sides)) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])")


def _side(link: Link) -> bool:
    """Whether a link shows a word of a club's youth or reserve side that its title does not hold (names.toml [teams]
    sides): "[[Foo F.C.|Foo Reserves]]" names the reserve side; "[[Foo Juniors]]" is a club's own name."""
    shown = set(_sides().findall(link.text))
    return bool(shown - set(_sides().findall(link.target)))
