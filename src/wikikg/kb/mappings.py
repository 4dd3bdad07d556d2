"""Typed loaders of the mapping tables of ontology/: infoboxes and sections (exchanges, authorities re-exported)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources.abc import Traversable
from pathlib import Path

from wikikg.errors import RuleError
from wikikg.kb.authorities import Authorities, Authority, Programme, authorities, load_authorities
from wikikg.kb.exchanges import Exchange, exchanges, load_exchanges
from wikikg.kb.ontology import declared_terms
from wikikg.kb.schema import Free, Items, Table, check, checked, read
from wikikg.kb.tablestore import stored_table
from wikikg.kb.vocabulary import classes

__all__ = ["Authorities", "Authority", "Exchange", "InfoboxKind", "InfoboxMapping", "InfoboxValues", "Infoboxes",
           "PlaceChain", "Programme", "SectionAttribute", "SectionSpec", "VenueChain", "authorities", "exchanges",
           "infoboxes", "load_authorities", "load_exchanges", "load_infoboxes", "load_sections", "sections"]

Directory = Path | Traversable | None


def _declared(file: str, where: str, key: str, names) -> None:
    """Every name (a str, a list or None) must be a term of wikikg.ttl."""
    for name in [names] if isinstance(names, str) else names or ():
        if name not in declared_terms():
            raise RuleError(f"{file} {where}: {key} {name!r} is not declared in wikikg.ttl")


def _classes(file: str, where: str, key: str, names) -> None:
    for name in [names] if isinstance(names, str) else names or ():
        if name not in classes():
            raise RuleError(f"{file} {where}: {key} {name!r} is not a class of wikikg.ttl")


def _regex(pattern: str, file: str, where: str) -> re.Pattern:
    try:
        return re.compile(pattern, re.I)
    except re.error as e:
        raise RuleError(f"{file} {where}: bad regex: {e}") from None


# --- infobox.toml ----------------------------------------------------------------------------------

VALUE_KINDS = ("entity", "person", "place", "organization", "date", "literal", "url", "exchange", "office")


@dataclass(frozen=True)
class InfoboxMapping:
    """One infobox parameter mapping (see ontology/infobox.toml for the fields)."""

    id: str
    params: tuple[str, ...]
    property: str
    value: str
    direction: str = "forward"
    types: tuple[str, ...] | None = None  # None: the default of the value kind
    event: str | None = None
    date_from: str | None = None
    role: str | None = None
    roles: dict[str, str] = field(default_factory=dict, hash=False)
    role_param: str | None = None
    linked_only: bool = False
    shaped_unlinked: bool = False  # with linked_only: an unlinked value whose own name's shape gives one of `types` too
    shaped_only: bool = False  # only values whose own name (or link target) has an organisation's shape
    schools_only: bool = False  # values only when they (their link titles) name a school: a body's shape, a school's word
    if_headquarters_given: str | None = None  # the property instead when the box names its headquarters
    if_value_class: tuple[tuple[str, str], ...] = ()  # (class, property): the property instead for a value of that class
    join: tuple[str, ...] = ()  # further parameters whose values continue the name ("first" + "last")
    if_membership_body: str | None = None  # the property instead for a membership body ("... Association")
    if_subject_unit: str | None = None  # the property instead when the subject's name says it is a unit of the value
    date_param: str | None = None  # a sibling parameter dating the value ("years{n}" for "clubs{n}")
    holders: tuple[str, ...] = ()  # sibling parameters naming a post's other holders ("predecessor{n}")
    item_notes: str | None = None  # a regex every parenthesised note of a kept item fullmatches ("interim")
    unless_shaped: tuple[str, ...] = ()  # classes whose shape in an item's link drops the item ("Foo University")
    unless_heads: tuple[str, ...] = ()  # last words of a link's title that drop the item ("Foo School")
    unless_near: bool = False  # no place the value or the lead puts the subject near ("near [[Foo]]", "5 km west of Foo")


@dataclass(frozen=True)
class InfoboxKind:
    """One infobox template: its names, the class of its article's subject, its mappings."""

    kind: str
    aliases: tuple[str, ...]
    cls: str | None
    mappings: tuple[InfoboxMapping, ...]


@dataclass(frozen=True)
class InfoboxValues:
    """[values] of infobox.toml: how item texts are read."""

    placeholders: frozenset[str]
    skip_prefixes: tuple[str, ...]
    government_words: frozenset[str]
    street_address: str
    organization_words: frozenset[str]
    role_words: frozenset[str]
    founder_role: str | None = None
    place_settings: frozenset[str] = frozenset()
    unit_name: str | None = None  # a unit's name: "Faculty of Law", "Foo University College of Business"
    unit_parent: str | None = None  # the name of what such a unit is a part of: "Foo University"
    unit_parent_generic: frozenset[str] = frozenset()  # words that with unit_parent's name no one body: "State University"


@dataclass(frozen=True)
class PlaceChain:
    """The rule id and property of "each place lies in the next one named"."""

    id: str
    property: str


@dataclass(frozen=True)
class VenueChain:
    """The rule id, property and box fields of "a venue lies in the place named after it" (a club's ground)."""

    id: str
    property: str
    params: tuple[str, ...]
    venue_words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Infoboxes:
    """infobox.toml."""

    kinds: tuple[InfoboxKind, ...]
    values: InfoboxValues
    place_chain: PlaceChain
    venue_chain: VenueChain | None = None


MAPPING = Table({"id": str, "params": list, "property": str, "value": str, "direction": str, "types": list,
                 "event": str, "date_from": str, "role": str, "roles": Free(str, what="parameter"), "role_param": str,
                 "linked_only": bool, "shaped_unlinked": bool, "shaped_only": bool, "schools_only": bool,
                 "if_headquarters_given": str,
                 "if_value_class": Free(str, what="class"), "join": list,
                 "if_membership_body": str, "if_subject_unit": str, "date_param": str, "holders": list,
                 "item_notes": str, "unless_shaped": list, "unless_heads": list, "unless_near": bool},
                frozenset({"id", "params", "property", "value"}), "id")
INFOBOXES = Table({
    "values": Table({k: list for k in ("placeholders", "skip_prefixes", "government_words", "organization_words",
                                       "role_words", "place_settings", "unit_parent_generic")}
                    | {"street_address": str, "founder_role": str, "unit_name": str, "unit_parent": str},
                    frozenset({"placeholders", "skip_prefixes", "government_words", "organization_words",
                               "role_words", "street_address"})),
    "place_chain": Table({"id": str, "property": str}, frozenset({"id", "property"})),
    "venue_chain": Table({"id": str, "property": str, "params": list, "venue_words": list},
                         frozenset({"id", "property", "params"})),
    "infobox": Items(Table({"kind": str, "aliases": list, "class": str, "mapping": Items(MAPPING)},
                           frozenset({"kind"}), "kind")),
}, frozenset({"values", "place_chain", "infobox"}))


def _mapping(m: dict, where: str) -> InfoboxMapping:
    f = "infobox.toml"
    _declared(f, where, "property", m["property"])
    _declared(f, where, "date_from", m.get("date_from"))
    _declared(f, where, "if_headquarters_given", m.get("if_headquarters_given"))
    _declared(f, where, "if_membership_body", m.get("if_membership_body"))
    _declared(f, where, "if_subject_unit", m.get("if_subject_unit"))
    for cls, prop in m.get("if_value_class", {}).items():
        _classes(f, where, "if_value_class", [cls])
        _declared(f, where, "if_value_class", prop)
    if "if_value_class" in m:
        m = {**m, "if_value_class": tuple(sorted(m["if_value_class"].items()))}
    _classes(f, where, "event", m.get("event"))
    _classes(f, where, "types", m.get("types"))
    _classes(f, where, "unless_shaped", m.get("unless_shaped"))
    if "item_notes" in m:
        _regex(m["item_notes"], f, where)
    if m["value"] not in VALUE_KINDS:
        raise RuleError(f"{f} {where}: value {m['value']!r} is not one of {', '.join(VALUE_KINDS)}")
    if m.get("direction", "forward") not in ("forward", "inverse"):
        raise RuleError(f"{f} {where}: direction {m['direction']!r} is not 'forward' or 'inverse'")
    return InfoboxMapping(**{k: tuple(v) if isinstance(v, list) else v for k, v in m.items()})


def load_infoboxes(directory: Directory = None) -> Infoboxes:
    """infobox.toml (of `directory`, for tests), checked against its closed schema."""
    d = check(read("infobox.toml", directory), INFOBOXES, "infobox.toml")
    kinds = []
    for box in d["infobox"]:
        where = f"infobox {box['kind']!r}"
        _classes("infobox.toml", where, "class", box.get("class"))
        kinds.append(InfoboxKind(box["kind"], tuple(box.get("aliases", ())), box.get("class"), tuple(
            _mapping(m, f"{where} mapping {m['id']!r}") for m in box.get("mapping", ()))))
    v = d["values"]
    values = InfoboxValues(frozenset(v["placeholders"]), tuple(v["skip_prefixes"]), frozenset(v["government_words"]),
                           v["street_address"], frozenset(v["organization_words"]), frozenset(v["role_words"]),
                           v.get("founder_role"), frozenset(w.casefold() for w in v.get("place_settings", ())),
                           v.get("unit_name"), v.get("unit_parent"), frozenset(v.get("unit_parent_generic", ())))
    _declared("infobox.toml", "[place_chain]", "property", d["place_chain"]["property"])
    venues = d.get("venue_chain")
    if venues is not None:
        _declared("infobox.toml", "[venue_chain]", "property", venues["property"])
        venues = VenueChain(venues["id"], venues["property"], tuple(venues["params"]),
                            frozenset(w.casefold() for w in venues.get("venue_words", ())))
    return Infoboxes(tuple(kinds), values, PlaceChain(**d["place_chain"]), venues)


@stored_table
def infoboxes() -> Infoboxes:
    """The infobox mappings (ontology/infobox.toml)."""
    return load_infoboxes()


# --- sections.toml ---------------------------------------------------------------------------------

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


SECTIONS = Table({"section": Items(Table(
    {"id": str, "heading": str, "intro": str, "relation": str, "direction": str, "event": str, "types": list,
     "unless_subject": list, "only": str, "columns": list, "needs_dates": bool, "typed_subject": bool,
     "shaped_items": bool, "shaped_items_for": list, "subjects": list, "unless_row": str, "subject_name": str,
     "every_column": bool, "owner_title": str, "head_roles": str, "bare_items": bool, "subject_boxes": list,
     "people_unless": str,
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
        _regex(s["people_unless"], f, where) if "people_unless" in s else None)


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
