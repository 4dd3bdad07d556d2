"""Typed loaders of sections.toml: lists and tables under a heading that relate their items to the subject."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from wikikg.errors import RuleError
from wikikg.kb.mappings import Directory, _classes, _declared, _regex
from wikikg.kb.schema import Free, Items, Table, checked
from wikikg.kb.tablestore import stored_table

__all__ = ["PairColumns", "SectionAttribute", "SectionSpec", "column_classes", "field_classes", "heading_classes",
           "item_people_unless", "load_sections", "pair_columns", "sections", "subheadings_unless"]


@dataclass(frozen=True)
class SectionAttribute:
    """A table column that relates a row's entity to what the column names."""

    column: re.Pattern
    relation: str
    types: tuple[str, ...]
    event: str | None = None
    unless_value: re.Pattern | None = None  # a cell text that names none ("Independent" under "Party")
    part: bool = False  # what the column names is also a part of the article's subject (a league's divisions)
    several: bool = False  # a cell may name several, between slashes ("Nationalist / Economy": a member of both)
    instead: tuple[str, tuple[str, ...]] | None = None  # (relation, classes): a row entity of these classes is so related


@dataclass(frozen=True)
class SectionSpec:
    """Lists and tables under a heading (or after an intro sentence) that relate items to the subject."""

    id: str
    relation: str
    direction: str
    types: tuple[str, ...]
    heading: re.Pattern  # never matches when the spec has no heading
    intro: re.Pattern | None = None
    event: str | None = None
    unless_subject: frozenset[str] = frozenset()
    only: str | None = None
    columns: tuple[re.Pattern, ...] = ()
    needs_dates: bool = False
    attributes: tuple[SectionAttribute, ...] = ()
    typed_subject: bool = False  # only when the article says what its subject is (not a default class)
    shaped_items: bool = False  # only items whose own name (or link) says what they are
    subjects: frozenset[str] = frozenset()  # only when the subject has one of these classes (any, when empty)
    shaped_for: frozenset[str] = frozenset()  # shaped items only, in an article whose subject has one of these classes
    unless_row: re.Pattern | None = None  # a table row whose other cells say this states something else
    subject_name: re.Pattern | None = None  # or when the subject's own name matches this ("… High School")
    every_column: bool = False  # each of `columns` names an entity of the row, not the first that names one
    owner_title: re.Pattern | None = None  # the article's title names the items' owner ("Politics of (Foo)")
    head_roles: re.Pattern | None = None  # a person item whose role after it matches heads the owner ("A, President")
    bare_items: bool = False  # an item nothing types counts only when the item is its name alone ("* Foo Division")
    subject_boxes: frozenset[str] = frozenset()  # or when the subject's own infobox is of one of these kinds
    people_unless: re.Pattern | None = None  # a heading under which person items are not of `types` ("Participants")
    season_only: bool = False  # only a table right under the heading, in a league's season article (its standings)
    since_founding: bool = False  # its rows' dates before the subject's founding are of what it replaced: none


SECTIONS = Table({"section": Items(Table(
    {"id": str, "heading": str, "intro": str, "relation": str, "direction": str, "event": str, "types": list,
     "unless_subject": list, "only": str, "columns": list, "needs_dates": bool, "typed_subject": bool,
     "shaped_items": bool, "shaped_items_for": list, "subjects": list, "unless_row": str, "subject_name": str,
     "every_column": bool, "owner_title": str, "head_roles": str, "bare_items": bool, "subject_boxes": list,
     "people_unless": str, "season_only": bool, "since_founding": bool,
     "attributes": Items(Table({"column": str, "relation": str, "event": str, "types": list, "unless_value": str,
                                "part": bool, "several": bool, "instead": str, "instead_for": list},
                               frozenset({"column", "relation", "types"})))},
    frozenset({"id", "relation", "direction", "types"}), "id")),
    "heading_classes": Free(str, what="class"), "column_classes": Free(str, what="class"),
    "field_classes": Free(str, what="class"),
    "pair_columns": Items(Table({"id": str, "person": str, "value": str, "relation": str, "event": str, "types": list,
                                 "unless_value": str, "direction": str, "typed_values": bool},
                                frozenset({"id", "person", "value", "relation", "types"}), "id")),
    "subheadings": Table({"unless": str}, frozenset({"unless"})),
    "item_people": Table({"unless_heading": str}, frozenset({"unless_heading"})),
    "item_words": Items(Table({"specs": list, "words": str, "relation": str, "event": str},
                              frozenset({"specs", "words", "relation"})))}, frozenset({"section"}))


def _section(s: dict) -> SectionSpec:
    f, where = "sections.toml", f"section {s['id']!r}"
    _declared(f, where, "relation", s["relation"])
    _classes(f, where, "event", s.get("event"))
    for key in ("types", "unless_subject", "subjects"):
        _classes(f, where, key, s.get(key))
    if s["direction"] not in ("forward", "inverse") or s.get("only", "tables") not in ("tables", "runin", "records", "career"):
        raise RuleError(f"{f} {where}: direction must be 'forward' or 'inverse', only (if given) 'tables', 'runin', "
                        "'records' or 'career'")
    attributes = []
    for a in s.get("attributes", ()):
        _declared(f, where, "relation", a["relation"])
        _classes(f, where, "types", a["types"])
        _classes(f, where, "event", a.get("event"))
        _declared(f, where, "instead", a.get("instead"))
        _classes(f, where, "instead_for", a.get("instead_for"))
        attributes.append(SectionAttribute(_regex(a["column"], f, where), a["relation"], tuple(a["types"]), a.get("event"),
                                           _regex(a["unless_value"], f, where) if "unless_value" in a else None,
                                           a.get("part", False), a.get("several", False),
                                           (a["instead"], tuple(a["instead_for"])) if "instead" in a else None))
    return SectionSpec(
        s["id"], s["relation"], s["direction"], tuple(s["types"]), _regex(s.get("heading", "(?!)"), f, where),
        _regex(s["intro"], f, where) if "intro" in s else None, s.get("event"), frozenset(s.get("unless_subject", ())),
        s.get("only"), tuple(_regex(c, f, where) for c in s.get("columns", ())), s.get("needs_dates", False),
        tuple(attributes), s.get("typed_subject", False), s.get("shaped_items", False), frozenset(s.get("subjects", ())),
        frozenset(s.get("shaped_items_for", ())), _regex(s["unless_row"], f, where) if "unless_row" in s else None,
        _regex(s["subject_name"], f, where) if "subject_name" in s else None, s.get("every_column", False),
        _regex(s["owner_title"], f, where) if "owner_title" in s else None,
        _regex(s["head_roles"], f, where) if "head_roles" in s else None, s.get("bare_items", False),
        frozenset(s.get("subject_boxes", ())),
        _regex(s["people_unless"], f, where) if "people_unless" in s else None, s.get("season_only", False),
        s.get("since_founding", False))


def load_sections(directory: Directory = None) -> tuple[SectionSpec, ...]:
    """sections.toml (of `directory`, for tests), checked against its closed schema."""
    data = checked("sections.toml", SECTIONS, directory)
    return tuple(_section(s) for s in data["section"])


@cache
def heading_classes() -> tuple[tuple[str, re.Pattern], ...]:
    """(class, heading regex) of sections.toml [heading_classes]: a list headed "member companies" lists
    companies, so an item nothing else types has that class."""
    d = checked("sections.toml", SECTIONS).get("heading_classes", {})
    for cls in d:
        _classes("sections.toml", "[heading_classes]", "class", cls)
    return tuple((cls, re.compile(rx, re.I)) for cls, rx in d.items())


@stored_table
def column_classes() -> tuple[tuple[str, re.Pattern], ...]:
    """(class, header regex) of sections.toml [column_classes]: a table column headed "Director" names
    people, so a cell's entity nothing else types has that class."""
    return _class_table("column_classes")


@cache
def field_classes() -> tuple[tuple[str, re.Pattern], ...]:
    """(class, name regex) of sections.toml [field_classes]: an infobox parameter "death_place" names places."""
    return _class_table("field_classes")


def _class_table(table: str) -> tuple[tuple[str, re.Pattern], ...]:
    d = checked("sections.toml", SECTIONS).get(table, {})
    for cls in d:
        _classes("sections.toml", f"[{table}]", "class", cls)
    return tuple((cls, re.compile(rx, re.I)) for cls, rx in d.items())


@dataclass(frozen=True)
class PairColumns:
    """sections.toml [[pair_columns]]: a table's column of people and a column that says what each belongs to."""

    id: str
    person: re.Pattern  # the header of the column of people
    value: re.Pattern  # the header of the column of what they belong to ("Party", "Club")
    relation: str
    types: tuple[str, ...]  # the classes its value may have (an untyped one gets the first)
    event: str | None = None
    unless_value: re.Pattern | None = None  # a cell text that names none ("Independent")
    inverse: bool = False  # value -> person ("Ministry | Minister": the ministry's key person)
    typed_values: bool = False  # only values their own link or name types (a post's link names no ministry)


@cache
def pair_columns() -> tuple[PairColumns, ...]:
    """sections.toml [[pair_columns]], in file order."""
    f, out = "sections.toml", []
    for d in checked(f, SECTIONS).get("pair_columns", ()):
        where = f"pair_columns {d['id']!r}"
        _declared(f, where, "relation", d["relation"])
        _classes(f, where, "types", d["types"])
        _classes(f, where, "event", d.get("event"))
        out.append(PairColumns(d["id"], _regex(d["person"], f, where), _regex(d["value"], f, where), d["relation"],
                               tuple(d["types"]), d.get("event"),
                               _regex(d["unless_value"], f, where) if "unless_value" in d else None,
                               d.get("direction", "forward") == "inverse", d.get("typed_values", False)))
        if d.get("direction", "forward") not in ("forward", "inverse"):
            raise RuleError(f"{f} {where}: direction must be 'forward' or 'inverse'")
    return tuple(out)


@cache
def subheadings_unless() -> re.Pattern:
    """sections.toml [subheadings] unless: a subheading that says its items are no longer what the
    section above lists ("Former subsidiaries"), so it does not inherit that section's spec."""
    d = checked("sections.toml", SECTIONS).get("subheadings", {"unless": "(?!)"})
    return _regex(d["unless"], "sections.toml", "[subheadings]")


@cache
def item_people_unless() -> re.Pattern:
    """sections.toml [item_people] unless_heading: a heading whose list's person items are authors or performers of
    works ("Publications", "Discography"), whose apposition names a publisher or a label, not an employer."""
    d = checked("sections.toml", SECTIONS).get("item_people", {"unless_heading": "(?!)"})
    return _regex(d["unless_heading"], "sections.toml", "[item_people]")


@cache
def sections() -> tuple[SectionSpec, ...]:
    """Section-list and table specs (ontology/sections.toml), in file order."""
    return load_sections()
