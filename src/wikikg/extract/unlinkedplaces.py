"""Unlinked places by their company: "Fooville, [[Barshire]]", "near Fooville", "Bazton, Fooville and Quux", "Fooville, TX"."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from wikikg.extract.known import CONTEXT, PLACE
from wikikg.extract.nonentities import is_event, names_no_entity
from wikikg.extract.pairs import LIST_JOIN
from wikikg.extract.settlements import _after_place_words as after_place_words
from wikikg.extract.settlements import _proper as proper
from wikikg.kb.names import name_tables, stop_names
from wikikg.kb.places import cities, places, regions, state_codes
from wikikg.model import Mention

_PAIR = ", "


def unlinked_places(found: list[Mention], text: str) -> list[Mention]:
    """An unlinked proper name nothing types is a place: right before a comma and a region ("Fooville, Barshire",
    "Fooville, [[Barshire]]"; no city: "Jane Roe, Fooville" is a person from it); after names.toml
    [place_names] links_after ("situated in Fooville"); or in a list of three names or more joined by commas and
    "and", at least two of them and half of the list places and none of another class. `found` in text order."""
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        m, n = out[i], out[i + 1]
        if _open(m) and "Place" in n.types and text[m.end:n.start] == _PAIR and _within(n) and _alone(m, text) \
                and not text.startswith(("'s", "’s", "-"), n.end):
            out[i] = replace(m, types=frozenset({"Place"}), strength=CONTEXT)
    for i, m in enumerate(out):
        if _open(m) and _alone(m, text) and after_place_words().search(text, max(0, m.start - 20), m.start):
            out[i] = replace(m, types=frozenset({"Place"}), strength=CONTEXT)
    return _listed(out, text)


# "TX-based", "CA.gov": the code goes on into a word; "Fooville, NY 46 turns north": a state's route number
_WORD_ON = re.compile(r"[\w'’-]|\.\w|\s+\d")


def postal_states(found: list[Mention], text: str) -> list[Mention]:
    """A US state's postal code right after a comma and a name no person's is that state, as an American address
    writes it ("Fooville, TX", "[[Fooville]], OH": kb.places.state_codes); not after a person's name, nor a code that
    is also a degree's after a name no place's ("Jane Roe, MD", "John Doe, MA", "Jane Doe, CA"), nor after a letter,
    a code or a word in capitals ("T, SD", "NY, NY", "AND, OR"). The town is then a place by its region
    (`unlinked_places`, extract/settlements.py). `found` in text order."""
    out = list(found)
    for i in range(1, len(out)):
        m, before = out[i], out[i - 1]
        state = state_codes().get(m.key) if not m.linked and m.text == m.key and not m.types else None
        if state and text[before.end:m.start] == _PAIR and "Person" not in before.types and len(before.text) > 2 \
                and not before.text.isupper() \
                and not _WORD_ON.match(text, m.end) and (m.key not in name_tables().degree_codes or "Place" in before.types):
            out[i] = replace(m, key=state, types=frozenset({"Place"}), strength=PLACE, aliases=m.aliases | {m.text})
    return out


def _open(m: Mention) -> bool:
    """An unlinked name nothing types that reads as a place's proper name: no event, honour or stop word, no
    organisation's class noun last."""
    return not m.linked and not m.types and proper(m.key) and not names_no_entity(m.key) \
        and m.key.split()[0] not in stop_names() and not is_event(m.key) and m.key.split()[-1].lower() not in _heads()


@cache
def _heads() -> frozenset[str]:
    """The one-word class nouns of names.toml [lead] but places' ("Department", "College", "Bank"): a name ending in
    one is an organisation's or a common noun ("Technical education Department, [[Barshire]]")."""
    return frozenset(w for cls, words in name_tables().lead.items() if cls != "Place" for w in words if " " not in w)


_JOINED = re.compile(r"(?:(?<![\w-])(?:and|of|the|do|da|de|di|del|la|le|y)|&|['’]s) $")


_CUT = re.compile(r"['’]s|-| ?&| [A-Z]| [a-z]{1,2}['’]")  # "Foo's Peak", "Foo & Bar", "Foo South", "Seu d'Foo"


def _alone(m: Mention, text: str) -> bool:
    """Whether a name stands alone, not the end of a longer one ("Foo & Bar Railroad", "St Foo's College", "Hotel
    and Homes", "Reserva do Paiva") nor a common noun after "the" ("the Foo, Bar and Baz rivers")."""
    return not _JOINED.search(text, max(0, m.start - 6), m.start) and not _CUT.match(text, m.end)


def _within(n: Mention) -> bool:
    """A place a town is named beside: a region (a state, a province), or a linked place no gazetteer knows as a
    country or a city (a district); no city ("Jane Roe, Fooville": a person from it)."""
    if n.key in cities():
        return False
    return n.key in regions() or n.linked and n.strength == PLACE and n.key not in places()


_THE = re.compile(r"(?<![\w-])the $", re.I)


def _listed(out: list[Mention], text: str) -> list[Mention]:
    """A list's unlinked names among places: two of its names or more places by a gazetteer or their company
    (not a name's shape: "the [[Foo Empire]], Bars and Bazids" lists dynasties), half of it typed, all alike;
    not its first name, which may close the clause before ("According to Foo Council, Fooville and Bazton"), nor
    names after "the" ("the Foo, Bar and Baz basins": words before a noun)."""
    run: list[int] = []
    for i in range(len(out) + 1):
        if i < len(out) and run and LIST_JOIN.fullmatch(text, out[run[-1]].end, out[i].start):
            run.append(i)
            continue
        if len(run) >= 3 and not _THE.search(text, max(0, out[run[0]].start - 4), out[run[0]].start):
            typed = [out[k].types for k in run if out[k].types]
            known = sum(1 for k in run if out[k].strength == PLACE)
            if set(typed) == {frozenset({"Place"})} and known >= 2 and 2 * len(typed) >= len(run):
                for k in run[1:]:
                    if _open(out[k]) and _alone(out[k], text):
                        out[k] = replace(out[k], types=frozenset({"Place"}), strength=CONTEXT)
        run = [i] if i < len(out) else []
    return out
