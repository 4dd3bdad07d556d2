"""Sports teams by their name's shape: a place and a plural nickname ("Fooville Bears"), a college team's sport title."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from wikikg.extract.personcrf import census_name
from wikikg.kb.alternation import longest_first
from wikikg.kb.names import name_tables
from wikikg.kb.places import linked_cities, places

_CLUB = frozenset({"SportsClub"})
_TOKEN = r"(?:[A-Z0-9][\w'’.&-]*|&)"  # a capitalised word, "A&M", "St.", "49ers"


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """A place's name and a nickname of names.toml [teams]; a school's name, a nickname (of the table, a capitalised
    plural, or a college's singular one of the table: "Foo & Bar Tribe football") and a sport."""
    t = name_tables()
    nicks = longest_first(t.team_nicknames)
    sports = longest_first(t.team_sports)
    singular = longest_first(t.college_nicknames)
    bare = re.compile(rf"(?P<place>{_TOKEN}(?: {_TOKEN}){{0,3}}?) (?:{nicks})")
    sport = re.compile(rf"{_TOKEN}(?: {_TOKEN}){{0,3}}? (?:{nicks}|(?:[A-Z][\w'’-]* )?[A-Z][\w'’-]*[^\Ws]s|{singular}) (?:{sports})")
    return bare, sport


@cache
def _ends() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """How a name `_patterns`' two may fullmatch ends: a space and a nickname; a space and a sport."""
    t = name_tables()
    return tuple(" " + w for w in t.team_nicknames), tuple(" " + w for w in t.team_sports)


@cache
def _last_words() -> frozenset[str]:
    """The nicknames' last words: a name that ends in a space and a nickname ends in one of them after its last space."""
    return frozenset(w.rpartition(" ")[2] for w in name_tables().team_nicknames)


@lru_cache(maxsize=8192)
def team_types(name: str) -> frozenset[str]:
    """SportsClub for a team's name: a known place's name (a city's without its accents; a state's school: "Foo
    State") then a plural nickname of names.toml [teams] ("Fooville Bears", "Barshire State Golden Eagles"), not a given
    name alone before a surname ("Jane Hawks" is a person); or a school's name, a nickname and a sport ("Foo Tech Owls
    football"); else none."""
    if college_team(name):
        return _CLUB
    m = _patterns()[0].fullmatch(name) if name.rpartition(" ")[2] in _last_words() and name.endswith(_ends()[0]) else None
    if m is None:
        return frozenset()
    place = m["place"].removesuffix(" State")
    if place not in places() and place not in linked_cities() or place in name_tables().place_parts:
        return frozenset()
    return frozenset() if " " not in place and _surname(name[len(m["place"]) + 1:]) and _given(place) else _CLUB


def _given(word: str) -> bool:
    from wikikg.extract.people import is_given_name  # (people.py types names by classify.py, which asks this module)

    return is_given_name(word)


def _surname(nickname: str) -> bool:
    """Whether a nickname is also a surname (the US census's, as probablepeople lists them: "Hawks", "Knights")."""
    return census_name(nickname)


def college_team(name: str) -> bool:
    """Whether a name is a college team's title: a school's name, a nickname and a sport ("Foo Tech Owls football",
    "Bar University Badgers men's basketball": the team, whatever the school's words say)."""
    return name[-1:].islower() and name.endswith(_ends()[1]) and _patterns()[1].fullmatch(name) is not None


def team_nickname(name: str) -> str | None:
    """The nickname of a team named by a place and a nickname ("Bears" for "Fooville Bears"), else None."""
    m = _patterns()[0].fullmatch(name) if team_types(name) and not college_team(name) else None
    return name[len(m["place"]) + 1:] if m is not None else None


_PLURAL = re.compile(r"[A-Z][\w'’-]*[^\Ws'’]s\b")  # a capitalised plural: "Rangers", "Highlanders", "Indios"


def sport_qualified(label: str) -> frozenset[str]:
    """The class of a title qualified by a sport alone ("Foo (baseball)"): Wikipedia qualifies so a player (WP:NCPEOPLE:
    "[[Jane Roe (basketball)]]"), a term of the game ("[[Goal (ice hockey)]]", "[[Triple Crown (baseball)]]") and a team
    ("[[Fooville Bears (ice hockey)]]"): a person's name is a person's, a name with a capitalised plural a team's, any
    other none (its own words may type it: "Foo League")."""
    from wikikg.extract.people import is_titled_person  # (people.py types names by classify.py, which asks this module)

    if not label:
        return _CLUB
    if is_titled_person(label):
        return frozenset({"Person"})
    return _CLUB if _PLURAL.search(label) else frozenset()


@cache
def sport_words() -> frozenset[str]:
    """The sports of names.toml [teams], as a disambiguation qualifier writes them alone ("(basketball)")."""
    return frozenset(name_tables().team_sports)


def player_qualified(label: str, qualifier: str) -> frozenset[str] | None:
    """The class of a title qualified by a sport of names.toml [teams] player_sports ("Jane Roe (tennis)", "John Doe
    (Canadian football)"): a person's name is a person's, any other none; None when the qualifier is no such sport."""
    from wikikg.extract.nonentities import names_no_entity
    from wikikg.extract.people import is_titled_person

    if not any(qualifier == w or qualifier.endswith(" " + w) for w in name_tables().player_sports):
        return None
    return frozenset({"Person"}) if label and is_titled_person(label) and not names_no_entity(label) else frozenset()
