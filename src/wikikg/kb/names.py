"""ontology/names.toml as typed tables: name shapes, class cues, stop words and legal-form suffixes."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path

from wikikg.errors import RuleError
from wikikg.kb.schema import Table, by_class, check, read
from wikikg.kb.tablestore import stored_table
from wikikg.kb.vocabulary import classes

__all__ = ["Legal", "Names", "Shape", "StopWords", "legal_suffixes", "load_names", "name_tables"]


@dataclass(frozen=True)
class Shape:
    """Words in a name that give its class: anywhere in it, or as its last words."""

    anywhere: tuple[str, ...] = ()
    suffix: tuple[str, ...] = ()
    numbered: tuple[str, ...] = ()  # after an ordinal first word ("919th ... Group")
    first: tuple[str, ...] = ()  # last words that give this class before any other class's words
    head: tuple[str, ...] = ()  # first words ("Faculty of") that give this class before any other words
    compound: tuple[str, ...] = ()  # endings of a last word ("Micro|systems", "Bio|sciences")
    yields_to: tuple[str, ...] = ()  # classes whose last words win after this class's word as a modifier
    unit_heads: tuple[str, ...] = ()  # last words after it as a modifier that name an Organization ("... Library")
    venues: tuple[str, ...] = ()  # last words of a venue's or a building's name ("Theatre"), not after "of"
    surnames: tuple[str, ...] = ()  # venues' last words that are also surnames ("Hall"): not after a given name alone
    whole: tuple[str, ...] = ()  # patterns a whole name matches ("KFOO-FM": a call sign)


@dataclass(frozen=True)
class StopWords:
    """Capitalised words that are no names on their own, titles before a person's name, and the
    lower-case words allowed inside a name."""

    openers: tuple[str, ...]
    words: tuple[str, ...]
    titles: tuple[str, ...]
    joiners: tuple[str, ...]
    generic: str = "(?!)"  # a regex: unlinked names that name no entity of their own ("Audit Committee")
    pages: str = "(?!)"  # a regex: titles of pages about many entities or a topic ("List of …"), no entity
    subjectless: str = "(?!)"  # a regex: titles of pages whose own subject is no fact's end ("List of …", "Murder of …")
    ranks: tuple[str, ...] = ()  # military ranks in capitals before a name ("COL", "BGEN")
    full_name_titles: tuple[str, ...] = ()  # titles that make a person only of a full name ("Sister Jane Roe")
    enders: tuple[str, ...] = ()  # a post's abbreviation after a body's name, which ends it ("Foo Brigade GOC Colonel")
    number_signs: tuple[str, ...] = ()  # abbreviations of "number" whose number ends a name ("Foo Regiment No. 6")


@dataclass(frozen=True)
class Legal:
    """Legal-form suffixes as written ("Ltd.", "GmbH"), those that are also ordinary words or other
    abbreviations ("AB", "SE"), and the class a name ending in one of them has."""

    suffixes: tuple[str, ...]
    ambiguous: tuple[str, ...]
    cls: str


@dataclass(frozen=True)
class Names:
    """names.toml. Tables keyed by class keep the file's order, which is the order classes win in."""

    shape: dict[str, Shape]
    disambiguation: dict[str, tuple[str, ...]]
    context: dict[str, tuple[str, ...]]
    stop: StopWords
    categories: dict[str, tuple[str, ...]]
    lead: dict[str, tuple[str, ...]]
    membership: tuple[str, ...]
    legal: Legal
    short_form: tuple[str, ...]
    lead_ends: tuple[str, ...] = ()
    lead_joins: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    and_heads: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    role_modifiers: tuple[str, ...] = ()
    post_modifiers: tuple[str, ...] = ()  # modifiers that end no body's name before a post's word ("Athletic Director")
    role_heads: tuple[str, ...] = ()  # the roles and offices of a body's head ("President", "Chairman")
    possessive_irregular: tuple[str, ...] = ()
    possessive_heads: tuple[str, ...] = ()
    on_heads: tuple[str, ...] = ()
    containment_inside: tuple[str, ...] = ()
    containment_states: tuple[str, ...] = ()  # a state's head word: a place that ranks with countries ("Foo Empire")
    city_named_kinds: tuple[str, ...] = ()  # ISO 3166-2 kinds of a division whose bare name is its chief city's
    division_words: tuple[str, ...] = ()  # the kind's word a division's own name adds ("Foo Province", "Bar County")
    near_words: tuple[str, ...] = ()  # words before a town that place a site beside it ("near", "west of")
    offices: tuple[str, ...] = ()
    awards: tuple[str, ...] = ()
    service_bodies: tuple[str, ...] = ()  # chambers a person serves in as a member ("House of Representatives")
    school_heads: tuple[str, ...] = ()  # a school's last word below a university's rank ("School": "Fooley School")
    school_higher: tuple[str, ...] = ()  # words before it of a school of a university's rank ("Law", "Graduate")
    school_nouns: tuple[str, ...] = ()  # nouns that call a "... College" a school ("the boarding school Foo College")
    school_staff: tuple[str, ...] = ()  # a school's head, whose "of" names a school ("headmaster of Foo College")
    school_headings: tuple[str, ...] = ()  # heading or list-title words of schools below a university's rank
    school_titles: tuple[str, ...] = ()  # a list's title words of schools below a university's rank ("schools")
    school_heading_unless: tuple[str, ...] = ()  # ... unless these words of higher education stand there too
    venue_heads: tuple[str, ...] = ()  # a venue's or a body's last word ("Center"): a place where an event is held
    periodicals: tuple[str, ...] = ()  # a periodical's first words ("Proceedings of"): a work's name, no body's
    venue_verbs: tuple[str, ...] = ()  # what is held, played or launched at a place ("held", "home games")
    venue_at: tuple[str, ...] = ()  # ... right before a place's name ("performed at")
    venue_fields: tuple[str, ...] = ()  # an infobox's fields of where a thing is held or launched ("launch site")
    staff_bodies: tuple[str, ...] = ()  # a staff body's first or last word ("Headquarters Foo", "Foo Office")
    staff_posts: tuple[str, ...] = ()  # posts on a body's staff a person joins it "as" ("coach"), and "staff" itself
    partisans: tuple[tuple[str, str], ...] = ()  # (a party's name, the noun for its member): "Democrat"
    place_parts: tuple[str, ...] = ()  # words naming a part of a place before its name ("Northern", "Greater")
    place_states: tuple[str, ...] = ()  # head nouns of states' names ("Republic": "Weimar Republic")
    state_kinds: tuple[str, ...] = ()  # words of a kind of state, no state's name ("People's Republic")
    government_heads: tuple[str, ...] = ()  # lower-case heads of a government's title ("Roe ministry")
    government_kinds: tuple[str, ...] = ()  # words of a kind of government, no one government ("Local")
    fields: tuple[str, ...] = ()  # words of fields of study and work ("Business", "Administration")
    unit_fields: tuple[str, ...] = ()  # academic disciplines a body's unit is named by ("Classics", "Theology")
    unit_kinds: tuple[str, ...] = ()  # a unit's nouns before or after its discipline ("Department", "Faculty")
    unit_bare: tuple[str, ...] = ()  # names of a unit by its kind alone, any body's ("Students' Union")
    work_heads: tuple[str, ...] = ()  # last words of works' and things' names, no person's ("Show", "Memorial")
    work_lead_nouns: tuple[str, ...] = ()  # a lead's head nouns that make its subject a work or an event ("song")
    subunits: tuple[str, ...] = ()  # a unit's sub-units' nouns, named by a letter ("Company A", "B Battery")
    work_qualifiers: tuple[str, ...] = ()  # a link qualifier's head nouns that say it is a work ("film", "novel")
    work_first: tuple[str, ...] = ()  # a document's noun before "of" ("Diploma of", "Decree of")
    laws: tuple[str, ...] = ()  # a law's last noun, before its year at most ("Foo University Act 1891")
    work_next: tuple[str, ...] = ()  # a word after a name that makes it a kind of thing's ("Foo class patrol boat")
    ship_prefixes: tuple[str, ...] = ()  # a ship's name's prefix ("HMS", "USS")
    vessels: tuple[str, ...] = ()  # a vessel's kind before its name, a nationality first ("French frigate Foo")
    work_nouns: tuple[str, ...] = ()  # a work's noun right before its title in prose ("the musical Foo Bar")
    work_verbs: tuple[str, ...] = ()  # those of the work nouns that are a verb's forms too ("play", "book")
    sessions: tuple[str, ...] = ()  # a body's noun that a numbered sitting names ("25th Congress")
    session_kinds: tuple[str, ...] = ()  # a word between a sitting's ordinal and its noun ("Second Vatican Council")
    part_heads: tuple[str, ...] = ()  # head nouns of a part's name that give it no class ("Support Unit")
    part_self: tuple[str, ...] = ()  # of those, the ones that after a body's name name the body itself ("[[Foo]] Group")
    towns_after: tuple[str, ...] = ()  # prepositions that put a town's link in its place ("near [[Fooville]]")
    links_after: tuple[str, ...] = ()  # words that only a place's link follows ("born in [[Fooville]]")
    villages_after: tuple[str, ...] = ()  # words that put a village's link in its place ("a village near [[Fooby]]")
    world_regions: tuple[str, ...] = ()  # regions of the world no gazetteer lists ("Middle East", "Balkans")
    linked_landforms: tuple[str, ...] = ()  # a landform's kind before its name, a place only as a link ("Lake")
    degree_codes: tuple[str, ...] = ()  # postal codes that are also a degree's after a name ("Jane Roe, MD")
    makers_by: tuple[str, ...] = ()  # participles of a person's making before "by" ("painted by [[Jane Roe]]")
    surname_endings: tuple[str, ...] = ()  # endings of surnames in other languages ("-enko", "-ov", "-dze")
    place_ends: tuple[str, ...] = ()  # last words places' names and surnames share ("Hall", "Hill", "Park")
    person_nouns: tuple[str, ...] = ()  # nouns a person's name modifies after "the" ("the Jane Hall character")
    place_before: tuple[str, ...] = ()  # prepositions that put a name of those in its place ("at", "near")
    place_of: tuple[str, ...] = ()  # nouns and directions before "of" and such a place ("the village of", "south of")
    place_from: tuple[str, ...] = ()  # more words a place's name follows and a person's rarely ("from", "city of")
    the_next: tuple[str, ...] = ()  # words after "the" and a person-shaped name that end its phrase ("in", "who")
    peerages: tuple[str, ...] = ()  # a peer's or a baronet's title after a comma ("Jane Roe, 3rd Duchess of Foo")
    not_initials: tuple[str, ...] = ()  # abbreviations written as initials that stand for no one's names ("U.S.")
    clans: tuple[str, ...] = ()  # first words of a tribe's or a clan's title, given names too ("Banu Foo": no person)
    patronymics: tuple[str, ...] = ()  # "son of", "daughter of" inside a person's name ("Foo mac Bar", "Foo ibn Bar")
    not_given: tuple[str, ...] = ()  # words the given names' lexicon lists that open no one's name ("The")
    groups: tuple[str, ...] = ()  # plural nouns of a creed's adherents ("Catholics"): a group of people, nobody
    adjective_given: tuple[str, ...] = ()  # a people's adjective and a given name ("Roman"): no one's before a country
    group_nouns: tuple[str, ...] = ()  # a group's last words after a person-shaped name ("Roe Sisters"): nobody
    group_nouns_after_names: tuple[str, ...] = ()  # ... after a full name only ("Jane Roe Band"; "Jane Band": one)
    roles_played: tuple[str, ...] = ()  # words of acting before "as" and a character's name ("starred as Jane Roe")
    lifespans: tuple[str, ...] = ()  # words of the categories only a biography carries ("births", "Living people")
    critic_verbs: tuple[str, ...] = ()  # a critic's verbs after "Jane Roe of ''Foo''" ("said", "called"): two names
    team_nicknames: tuple[str, ...] = ()  # a sports team's plural nickname after a place's name ("Fooville Bears")
    team_sports: tuple[str, ...] = ()  # a sport after a team's nickname in a college team's title ("... football")
    team_leagues: tuple[str, ...] = ()  # last words of a league's name after "[team] of the" ("... Hockey League")
    team_sides: tuple[str, ...] = ()  # a club's youth or reserve side's word its link shows ("[[Foo|Foo Reserves]]")
    college_nicknames: tuple[str, ...] = ()  # a college team's singular nickname before its sport ("... Tribe football")
    season_boxes: tuple[str, ...] = ()  # infobox kinds of one team's season ("nfl season")
    season_box_fields: tuple[str, ...] = ()  # their parameters that name the team ("team", "club")
    player_sports: tuple[str, ...] = ()  # sports a title's qualifier names for a player, never a team ("(tennis)")
    membership_unless: str = ""  # names of bodies the suffixes would make membership bodies that are not ("… Research Council")
    honour_rolls: str = ""  # names of honour rolls, whose "members" are honoured, not members ("Foo Hall of Fame")
    fellow_links: str = "(?!)"  # titles of a learned body's fellowship, whose link names the body ("Fellow of the Foo Society")
    seat_links: str = "(?!)"  # titles of a seat in a body, whose link names the body ("Member of the Foo Parliament")
    unnamed_chambers: str = "(?!)"  # a chamber's kind, which names no chamber ("Legislative Assembly", "Parliament")
    membership_of_institutions: tuple[str, ...] = ()  # words of a body of institutions ("… Universities", "Interuniversity …")
    membership_of_institutions_unless: str = "(?!)"  # ... not an accreditor's or a regulator's ("Accrediting ...")
    of_parties: tuple[str, ...] = ()  # a body of parties named by its noun alone ("[[A]]–[[B]] [[C|coalition]]")
    org_frames: tuple[str, ...] = ()  # words before a link whose object is an organisation ("joined", "member of")
    company_frames: tuple[str, ...] = ()  # ... whose object is a business ("a subsidiary of", "acquired by")
    frame_next: tuple[str, ...] = ()  # words that may follow such a link
    frame_unless: str = "(?!)"  # link titles no frame types (a taxon's Latin name)
    frame_posts: tuple[str, ...] = ()  # posts and ranks only a body gives, between it and a holder ("[[Foo]] CEO")
    frame_nouns: tuple[str, ...] = ()  # nouns after "the [[Foo]]" that say what the link names ("faction")
    shown_nouns: tuple[str, ...] = ()  # a body's nouns a piped link may show for it ("[[Foo Senate|state senate]]")
    honours: str = "(?!)"  # names of honours by their form: orders of merit, decorations, grades ("Knight Bachelor")
    honours_unless: str = "(?!)"  # ... not a religious or fraternal order's ("Order of Foo Friars")
    placeholders: tuple[str, ...] = ()  # what tables and lists write for "nobody" or "not known" ("Vacant", "TBA")
    compass_points: tuple[str, ...] = ()  # a compass point alone, no place's name ("East"; "[[South (constituency)]]" is)
    clipped: str = "(?!)"  # unlinked abbreviations and name parts alone ("Lab", "Ind.", "Jr.")
    degrees: str = "(?!)"  # degrees and post-nominal letters, linked or not ("B.S.", "[[MBA]]", "O.S.B.")


SCHEMA = Table({
    "shape": by_class(Table({"anywhere": list, "suffix": list, "numbered": list, "first": list,
                                     "head": list, "compound": list, "yields_to": list,
                                     "unit_heads": list, "venues": list,
                                     "surnames": list, "whole": list})),
    "disambiguation": by_class(), "context": by_class(), "categories": by_class(), "lead": by_class(),
    "stop": Table({"openers": list, "words": list, "titles": list, "joiners": list, "generic": str, "pages": str, "subjectless": str,
                   "ranks": list, "full_name_titles": list, "enders": list, "number_signs": list},
                  frozenset({"openers", "words", "titles", "joiners"})),
    "membership": Table({"suffix": list, "unless": str, "honours": str, "of_institutions": list,
                                "of_institutions_unless": str, "of_parties": list, "fellow_links": str,
                                "seat_links": str},
                        frozenset({"suffix"})),
    "legal": Table({"suffixes": list, "ambiguous": list, "class": str}, frozenset({"suffixes", "class"})),
    "short_form": Table({"drop": list}),
    "lead_phrase": Table({"ends": list, "joins": list}),
    "events": Table({"words": list, "awards": list, "sessions": list, "session_kinds": list}),
    "and_names": Table({"heads": list}),
    "roles": Table({"words": list, "modifiers": list, "offices": list, "heads": list, "post_only": list},
                   frozenset({"words"})),
    "possessive": Table({"irregular": list, "heads": list}),
    "on_names": Table({"heads": list}),
    "containment": Table({"inside": list, "states": list, "city_named": list, "division_words": list,
                           "near": list}),
    "service": Table({"bodies": list, "staff": list, "staff_bodies": list, "unnamed": str}),
    "schools": Table({"heads": list, "higher": list, "nouns": list, "staff": list, "headings": list,
                      "titles": list, "heading_unless": list}),
    "venue_frames": Table({"heads": list, "verbs": list, "at": list, "fields": list}),
    "partisans": Table({"members": list}),
    "place_names": Table({"parts": list, "states": list, "kinds": list, "towns_after": list,
                                  "links_after": list, "villages_after": list, "world_regions": list,
                                  "degree_codes": list, "linked_landforms": list}),
    "governments": Table({"heads": list, "kinds": list}),
    "teams": Table({"nicknames": list, "sports": list, "leagues": list, "college_nicknames": list, "sides": list,
                    "player_sports": list, "season_boxes": list, "season_box_fields": list}),
    "fields": Table({"words": list}),
    "units": Table({"fields": list, "heads": list, "bare": list}),
    "works": Table({"heads": list, "qualifiers": list, "first": list, "laws": list, "next": list,
                    "ship_prefixes": list, "vessels": list, "lead_nouns": list, "nouns": list,
                    "verbs": list, "periodicals": list}),
    "subunits": Table({"words": list}),
    "parts": Table({"heads": list, "self": list}),
    "person_names": Table({"makers_by": list, "surname_endings": list, "peerages": list, "not_initials": list,
                           "clans": list, "patronymics": list, "not_given": list, "roles_played": list, "groups": list, "lifespans": list,
                           "adjective_given": list, "group_nouns": list, "group_nouns_after_names": list,
                           "place_ends": list, "person_nouns": list, "place_before": list, "place_of": list,
                           "place_from": list,
                           "the_next": list, "critic_verbs": list}),
    "frames": Table({"before": list, "company": list, "next": list, "unless": str, "posts": list, "nouns": list,
                               "shown": list}),
    "honours": Table({"names": str, "unless": str}),
    "placeholders": Table({"words": list, "clipped": str, "degrees": str, "compass": list}),
}, frozenset({"shape", "stop", "legal"}))


# Names' fields read from a list of names.toml: field -> (table, key)
_LISTS = {
    "lead_ends": ("lead_phrase", "ends"), "lead_joins": ("lead_phrase", "joins"), "events": ("events", "words"),
    "and_heads": ("and_names", "heads"), "roles": ("roles", "words"), "role_modifiers": ("roles", "modifiers"),
    "post_modifiers": ("roles", "post_only"),
    "role_heads": ("roles", "heads"),
    "possessive_irregular": ("possessive", "irregular"), "possessive_heads": ("possessive", "heads"),
    "on_heads": ("on_names", "heads"), "containment_inside": ("containment", "inside"),
    "containment_states": ("containment", "states"), "city_named_kinds": ("containment", "city_named"),
    "division_words": ("containment", "division_words"), "near_words": ("containment", "near"), "offices": ("roles", "offices"),
    "awards": ("events", "awards"), "service_bodies": ("service", "bodies"), "staff_posts": ("service", "staff"),
    "staff_bodies": ("service", "staff_bodies"),
    "school_heads": ("schools", "heads"), "school_higher": ("schools", "higher"),
    "school_nouns": ("schools", "nouns"), "school_staff": ("schools", "staff"),
    "school_headings": ("schools", "headings"), "school_heading_unless": ("schools", "heading_unless"),
    "school_titles": ("schools", "titles"),
    "periodicals": ("works", "periodicals"),
    "venue_heads": ("venue_frames", "heads"), "venue_verbs": ("venue_frames", "verbs"),
    "venue_at": ("venue_frames", "at"), "venue_fields": ("venue_frames", "fields"),
    "place_parts": ("place_names", "parts"),
    "place_states": ("place_names", "states"), "state_kinds": ("place_names", "kinds"),
    "government_heads": ("governments", "heads"), "government_kinds": ("governments", "kinds"),
    "fields": ("fields", "words"), "unit_fields": ("units", "fields"), "unit_kinds": ("units", "heads"),
    "unit_bare": ("units", "bare"), "work_heads": ("works", "heads"), "subunits": ("subunits", "words"),
    "work_lead_nouns": ("works", "lead_nouns"),
    "work_qualifiers": ("works", "qualifiers"), "work_first": ("works", "first"), "work_next": ("works", "next"),
    "laws": ("works", "laws"), "ship_prefixes": ("works", "ship_prefixes"), "vessels": ("works", "vessels"),
    "work_nouns": ("works", "nouns"), "work_verbs": ("works", "verbs"),
    "sessions": ("events", "sessions"), "session_kinds": ("events", "session_kinds"),
    "part_heads": ("parts", "heads"), "part_self": ("parts", "self"), "towns_after": ("place_names", "towns_after"),
    "links_after": ("place_names", "links_after"),
    "villages_after": ("place_names", "villages_after"), "world_regions": ("place_names", "world_regions"),
    "linked_landforms": ("place_names", "linked_landforms"),
    "degree_codes": ("place_names", "degree_codes"),
    "makers_by": ("person_names", "makers_by"),
    "surname_endings": ("person_names", "surname_endings"), "peerages": ("person_names", "peerages"),
    "not_initials": ("person_names", "not_initials"), "clans": ("person_names", "clans"),
    "patronymics": ("person_names", "patronymics"),
    "not_given": ("person_names", "not_given"),
    "roles_played": ("person_names", "roles_played"), "groups": ("person_names", "groups"),
    "group_nouns": ("person_names", "group_nouns"), "adjective_given": ("person_names", "adjective_given"),
    "group_nouns_after_names": ("person_names", "group_nouns_after_names"),
    "lifespans": ("person_names", "lifespans"), "critic_verbs": ("person_names", "critic_verbs"),
    "place_ends": ("person_names", "place_ends"),
    "place_before": ("person_names", "place_before"), "place_of": ("person_names", "place_of"),
    "place_from": ("person_names", "place_from"),
    "person_nouns": ("person_names", "person_nouns"),
    "the_next": ("person_names", "the_next"),
    "team_nicknames": ("teams", "nicknames"), "team_sports": ("teams", "sports"), "team_leagues": ("teams", "leagues"),
    "team_sides": ("teams", "sides"), "season_boxes": ("teams", "season_boxes"),
    "season_box_fields": ("teams", "season_box_fields"),
    "college_nicknames": ("teams", "college_nicknames"), "player_sports": ("teams", "player_sports"),
    "org_frames": ("frames", "before"),
    "company_frames": ("frames", "company"), "frame_next": ("frames", "next"),
    "frame_posts": ("frames", "posts"), "frame_nouns": ("frames", "nouns"), "shown_nouns": ("frames", "shown"),
    "placeholders": ("placeholders", "words"), "compass_points": ("placeholders", "compass"),
    "of_parties": ("membership", "of_parties"),
}


def _words(table: dict) -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in table.items()}


def load_names(directory: Path | Traversable | None = None) -> Names:
    """names.toml (of `directory`, for tests), checked against its closed schema."""
    d = check(read("names.toml", directory), SCHEMA, "names.toml")
    legal = d["legal"]
    if legal["class"] not in classes():
        raise RuleError(f"names.toml [legal]: class {legal['class']!r} is not declared in wikikg.ttl")
    if bad := sorted(set(d.get("containment", {}).get("inside", ())) - classes()):
        raise RuleError(f"names.toml [containment] inside: {bad} are not classes declared in wikikg.ttl")
    return Names(
        {k: Shape(tuple(v.get("anywhere", ())), tuple(v.get("suffix", ())), tuple(v.get("numbered", ())),
                  tuple(v.get("first", ())), tuple(v.get("head", ())), tuple(v.get("compound", ())),
                  tuple(v.get("yields_to", ())), tuple(v.get("unit_heads", ())), tuple(v.get("venues", ())),
                  tuple(v.get("surnames", ())), tuple(v.get("whole", ())))
         for k, v in d["shape"].items()},
        _words(d.get("disambiguation", {})), _words(d.get("context", {})), StopWords(**{
            k: v if isinstance(v, str) else tuple(v) for k, v in d["stop"].items()}),
        _words(d.get("categories", {})), _words(d.get("lead", {})), tuple(d.get("membership", {}).get("suffix", ())),
        Legal(tuple(legal["suffixes"]), tuple(legal.get("ambiguous", ())), legal["class"]),
        tuple(d.get("short_form", {}).get("drop", ())),
        partisans=tuple(tuple(pair) for pair in d.get("partisans", {}).get("members", ())),
        membership_unless=d.get("membership", {}).get("unless", ""),
        honour_rolls=d.get("membership", {}).get("honours", ""),
        fellow_links=d.get("membership", {}).get("fellow_links", "(?!)"),
        seat_links=d.get("membership", {}).get("seat_links", "(?!)"),
        unnamed_chambers=d.get("service", {}).get("unnamed", "(?!)"),
        membership_of_institutions=tuple(d.get("membership", {}).get("of_institutions", ())),
        membership_of_institutions_unless=d.get("membership", {}).get("of_institutions_unless", "(?!)"),
        frame_unless=d.get("frames", {}).get("unless", "(?!)"),
        clipped=d.get("placeholders", {}).get("clipped", "(?!)"),
        degrees=d.get("placeholders", {}).get("degrees", "(?!)"),
        honours=d.get("honours", {}).get("names", "(?!)"), honours_unless=d.get("honours", {}).get("unless", "(?!)"),
        **{field: tuple(d.get(table, {}).get(key, ())) for field, (table, key) in _LISTS.items()})


@stored_table
def name_tables() -> Names:
    """The name tables of ontology/names.toml."""
    return load_names()


@cache
def pages_of_many() -> re.Pattern:
    """Titles of pages about many entities or a topic ("List of Escadres of the French Air Force",
    "Characters in X"): names.toml [stop] pages."""
    return re.compile(name_tables().stop.pages)


@cache
def subjectless_pages() -> re.Pattern:
    """Titles of pages whose subject is at no fact's end: a list ("List of tallest buildings in Fooville") or what
    befell a person ("Murder of Jane Roe"): names.toml [stop] subjectless."""
    return re.compile(name_tables().stop.subjectless)


@cache
def legal_suffixes(ambiguous: bool = True) -> tuple[str, ...]:
    """Legal-form suffixes of company names as written ("Ltd.", "Ltd", "GmbH"), longest first.
    `ambiguous=False` leaves out those that are also ordinary words or abbreviations ("AB", "SE"):
    use it where a suffix is looked for after a comma in running text."""
    legal = name_tables().legal
    forms = legal.suffixes + (legal.ambiguous if ambiguous else ())
    return tuple(sorted(dict.fromkeys(forms), key=len, reverse=True))


@cache
def stop_names() -> frozenset[str]:
    """Capitalised words that are no names on their own: names.toml [stop] openers and words."""
    stop = name_tables().stop
    return frozenset(stop.openers) | frozenset(stop.words)


@lru_cache(maxsize=16384)
def partisan_nouns(label: str) -> tuple[str, ...]:
    """The nouns for a member of the party a link's label names, singular and plural (names.toml [partisans]:
    "Democratic Party", "Democratic Party of Foo" -> "Democrat", "Democrats"); none for another name."""
    nouns = _partisan_index()
    noun = nouns.get(label)
    for cut in (" of ", " ("):  # "Democratic Party of Foo", "Democratic Party (Foo)"
        i = label.find(cut)
        while noun is None and i > 0:
            noun = nouns.get(label[:i])
            i = label.find(cut, i + 1)
    return (noun, f"{noun}s") if noun is not None else ()


@stored_table
def _partisan_index() -> dict[str, str]:
    out: dict[str, str] = {}
    for party, noun in name_tables().partisans:
        out.setdefault(party, noun)
    return out
