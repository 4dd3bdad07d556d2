"""Schools below a university's rank ("[[Fooley School]]") that an education frame typed a university: organisations."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from wikikg.extract.classify import name_types, split_title
from wikikg.extract.known import STRONG
from wikikg.kb.names import name_tables
from wikikg.model import Mention, Statement


@cache
def _school() -> re.Pattern:
    """A name ending in a school's word (names.toml [schools] heads), not after a word of a higher school's."""
    t = name_tables()
    heads = "|".join(map(re.escape, t.school_heads)) or "(?!)"
    higher = "|".join(map(re.escape, t.school_higher + t.unit_fields)) or "(?!)"
    return re.compile(rf"^(?!.*\b(?:{higher})\s+(?:{heads})$).*\S\s+(?:{heads})$")


def is_school(name: str) -> bool:
    """Whether a name is a school's below a university's rank by its last word ("Foo School", "Bar Grammar School";
    not "Foo Law School", "Foo Graduate School", nor one its words make a university's: "Foo University School")."""
    base = split_title(name)[0].strip()
    return bool(_school().match(base)) and "University" not in name_types(base)


def _as_organisation(m: Mention) -> Mention:
    """The mention typed an organisation if it names a school (not its own article's subject, which its box types)."""
    if "University" not in m.types or m.strength >= STRONG or not (is_school(m.key) or not m.linked and is_school(m.text)):
        return m
    return replace(m, types=(m.types - {"University"}) | {"Organization"})


def schools_as_organisations(statements: list[Statement]) -> list[Statement]:
    """Every statement, a school below a university's rank that it types a university typed an organisation
    ("educated at [[Fooley School]] and [[Foo College, Oxbridge]]": Fooley School is a school, no university)."""
    out = []
    for st in statements:
        subject, obj = _as_organisation(st.subject), st.obj
        if isinstance(obj, Mention):
            obj = _as_organisation(obj)
        out.append(st if subject is st.subject and obj is st.obj else replace(st, subject=subject, obj=obj))
    return out
