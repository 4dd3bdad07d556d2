"""Schools below a university's rank ("[[Fooley School]]") that an education frame typed a university: organisations."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from wikikg.extract.classify import name_types, split_title
from wikikg.extract.known import STRONG
from wikikg.extract.retype import mentions_of, retyped
from wikikg.kb.alternation import longest_first
from wikikg.kb.names import name_tables
from wikikg.model import Mention, Statement


@cache
def _school() -> re.Pattern:
    """A name ending in a school's word (names.toml [schools] heads), not after a word of a higher school's."""
    t = name_tables()
    heads, higher = "|".join(map(re.escape, t.school_heads)) or "(?!)", _higher().pattern
    return re.compile(rf"^(?!.*\b(?:{higher})\s+(?:{heads})$).*\S\s+(?:{heads})$")


def is_school(name: str) -> bool:
    """Whether a name is a school's below a university's rank by its last word ("Foo School", "Bar Grammar School";
    not "Foo Law School", "Foo Graduate School", nor one its words make a university's: "Foo University School")."""
    base = split_title(name)[0].strip()
    return bool(_school().match(base)) and "University" not in name_types(base)


def _as_organisation(m: Mention, colleges: frozenset[str] = frozenset()) -> Mention:
    """The mention typed an organisation if it names a school (not its own article's subject, which its box types)."""
    if "University" not in m.types or m.strength >= STRONG or not (
            is_school(m.key) or not m.linked and is_school(m.text) or m.key in colleges):
        return m
    return replace(m, types=(m.types - {"University"}) | {"Organization"})


def schools_as_organisations(statements: list[Statement], title: str = "") -> list[Statement]:
    """Every statement, a school below a university's rank that it types a university typed an organisation
    ("educated at [[Fooley School]] and [[Foo College, Oxbridge]]": Fooley School is a school, no university), and so
    a "... College" the article calls a school anywhere (`school_colleges`)."""
    colleges = school_colleges(statements, title)
    return retyped(statements, lambda m: _as_organisation(m, colleges))


_COMMA_PLACE = re.compile(r",\s+[^,]+$")


def _college(name: str) -> bool:
    """Whether a name is typed a university by its "College" alone ("Foo College", "St Bar's College, Bazton"), not by
    other words ("Foo University College", "College of Bar")."""
    base = _COMMA_PLACE.sub("", split_title(name)[0].strip())
    return base.endswith(" College") and name_types(base) == _UNIVERSITY and name_types(base[:-8]) != _UNIVERSITY \
        and " College of " not in f" {base} "


_UNIVERSITY = frozenset({"University"})


@cache
def _cues() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """A school's noun right before a name, one in an apposition after it, a school head's "of" before it, and
    the words of a heading or a list's title of schools and of higher education (names.toml [schools])."""
    t = name_tables()
    nouns = longest_first(t.school_nouns)
    higher = _higher().pattern
    staff = "|".join(map(re.escape, t.school_staff)) or "(?!)"
    heads = "|".join(map(re.escape, t.school_headings)) or "(?!)"
    unless = "|".join(map(re.escape, t.school_heading_unless)) or "(?!)"
    return (re.compile(rf"(?:^|(?<=\s))(?P<prev>[\w'’-]+\s+)?(?i:{nouns}),?\s+$"),
            re.compile(rf"^,\s+(?:an?|the)\s+(?!(?:[\w'’-]+\s+){{0,4}}?(?i:{higher})\s+school\b)"
                       rf"(?:[\w'’-]+\s+){{0,4}}?(?:{nouns})\b"),
            re.compile(rf"\b(?i:{staff})\s+(?:at|of)\s+(?:the\s+)?$"),
            re.compile(rf"\b(?i:{heads})\b"), re.compile(rf"\b(?i:{unless})\b"))


def _schools_heading(heading: str, title: str) -> bool:
    """Whether a section's heading or the list's title names schools below a university's rank ("Secondary schools",
    "List of schools in Fooshire"; not "Universities and colleges", "Member schools" alone)."""
    _, _, _, heads, unless = _cues()
    if unless.search(heading):
        return False
    return bool(heads.search(heading)) or title.startswith("List of") and bool(_titles().search(title)) \
        and not unless.search(title)


@cache
def _titles() -> re.Pattern:
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, name_tables().school_titles)) or '(?!)'})\b", re.I)


def _called_school(m: Mention, st: Statement, title: str) -> bool:
    """Whether the statement's evidence calls the mentioned "... College" a school."""
    if m.start < 0 or m.strength >= STRONG or "University" not in m.types or not _college(m.key):
        return False
    section = st.evidence.section.rsplit(" / ", 1)[-1]
    if _schools_heading(section, title):
        return True
    text = (st.evidence.plain or st.evidence.text).replace("’", "'")  # "a boys’ school"
    before, after = text[max(0, m.start - 60):m.start], text[m.end:m.end + 80]
    noun, apposed, staff, _, _ = _cues()
    named = noun.search(before)
    if named and not _higher().fullmatch((named["prev"] or "").strip()):
        return True  # "the boarding school Foo College", not "the medical school Bar College"
    return bool(apposed.match(after) or staff.search(before))


@cache
def _higher() -> re.Pattern:
    """A word of a higher school's or a university unit's (names.toml [schools] higher, units' fields)."""
    t = name_tables()
    return re.compile("|".join(map(re.escape, t.school_higher + t.unit_fields)) or "(?!)", re.I)


def school_colleges(statements: list[Statement], title: str) -> frozenset[str]:
    """The keys of the "... College" names the article calls schools below a university's rank, in one sentence or by
    the heading or the list title they stand under ("the boarding school [[Foo College]]", "headmaster of Bar
    College", "=== Secondary schools ===" over "* [[Baz College]]")."""
    return frozenset(m.key for st in statements for m in mentions_of(st) if _called_school(m, st, title))
