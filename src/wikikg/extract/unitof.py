"""A university's units: of the university a box names ("Faculty of Law"), of the one a name opens with ("Foo U. School of")."""
from __future__ import annotations

import functools
import re

from wikikg.kb.mappings import infoboxes
from wikikg.kb.places import places


@functools.cache
def unit_patterns() -> tuple[re.Pattern, re.Pattern] | None:
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
    if (pats := unit_patterns()) is None:
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



_HEAD_AFTER = re.compile(r"\s(?=(?:Graduate\s+)?(?:Faculty|Department|School|College|Institute|Centre|Center|Division|Laboratory)"
                         r"\s+(?:of|for)\s+[A-Z])")  # " School of Law" after the institution's name
_OF_PLACE = re.compile(r"^(?:[A-Z][\w'’.-]*\s+)*?University\s+of\s+(?:the\s+)?(?P<place>.+?)(?:\s+at\s+(?P<at>.+))?$")


def named_parent(name: str) -> str | None:
    """The university or college a unit's name opens with (infobox.toml [values] unit_name after a name that ends in a
    unit_parent's word, or "University of" a place: "Foo University School of Law", "Bar College Department of Physics",
    "University of Fooville at Bar College of Medicine"); None for a body of its own ("Foo University Press", "School
    of Law"), a bare "University College" or "State University" (unit_parent_generic) and a name the place does not end
    ("University of Fooville Jane School of")."""
    if (pats := unit_patterns()) is None:
        return None
    unit, parent = pats
    for cut in _HEAD_AFTER.finditer(name):
        head = re.sub(r"^The\s+", "", name[:cut.start()].strip())
        words = head.split()
        generic = infoboxes().values.unit_parent_generic
        if not unit.match(name[cut.end():]) or len(words) < 2 or all(parent.fullmatch(w) or w in generic for w in words):
            continue
        if parent.fullmatch(words[-1]) or (of := _OF_PLACE.match(head)) and of["place"] in places() and (
                of["at"] is None or of["at"] in places()):
            return head
    return None
