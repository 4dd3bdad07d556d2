"""Typed loaders of the mapping tables of ontology/: infoboxes (exchanges, authorities re-exported; sections in kb/sections)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path

from wikikg.errors import RuleError
from wikikg.kb.authorities import Authorities, Authority, Programme, authorities, load_authorities
from wikikg.kb.exchanges import Exchange, exchanges, load_exchanges
from wikikg.kb.ontology import declared_terms
from wikikg.kb.schema import Free, Items, Table, check, read
from wikikg.kb.tablestore import stored_table
from wikikg.kb.vocabulary import classes

__all__ = ["Authorities", "Authority", "Exchange", "InfoboxKind", "InfoboxMapping", "InfoboxValues", "Infoboxes",
           "PlaceChain", "Programme", "VenueChain", "authorities", "exchanges", "infoboxes", "load_authorities",
           "load_exchanges", "load_infoboxes"]

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
