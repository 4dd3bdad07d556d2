"""Whether an infobox's subject is a unit of the university its box names: "Faculty of Law", "Foo University College of Law"."""
from __future__ import annotations

import functools
import re

from wikikg.kb.mappings import infoboxes


@functools.cache
def _patterns() -> tuple[re.Pattern, re.Pattern] | None:
    """infobox.toml [values] unit_name and unit_parent, compiled (None when either is not given)."""
    v = infoboxes().values
    if not (v.unit_name and v.unit_parent):
        return None
    return re.compile(v.unit_name), re.compile(v.unit_parent)


def is_unit_of(subject_names: tuple[str, ...], parent_names: tuple[str, ...]) -> bool:
    """Whether a subject of one of these names is a unit of an institution of one of those names: the subject's
    name, the institution's name taken out of it, is a unit's ("Faculty of Law", "Department of Social Policy,
    Foo School of Economics", "Foo University College of Business"), and the institution's name is in the subject's or is a
    university's or a college's ("affiliation = [[Foo University]]" in the box of "Jane Roe Faculty of Law"; not "Foo Engineering
    College", an affiliated college, nor "Foo School of Economics" in its own right)."""
    if (pats := _patterns()) is None:
        return False
    unit, parent = pats
    parents = [p.strip() for p in parent_names if p and p.strip()]
    for name in filter(None, subject_names):
        if any(p.casefold() == name.casefold() for p in parents):
            return False  # the institution itself
        inside = next((p for p in parents if p.casefold() in name.casefold()), None)
        if inside is None:  # an institution the name does not hold: a university's or a college's
            if any(parent.search(p) for p in parents) and unit.search(name):
                return True
            continue
        at = name.casefold().find(inside.casefold())
        if unit.search((name[:at] + name[at + len(inside):]).strip(" ,")):
            return True
    return False
