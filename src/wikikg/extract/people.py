"""Personal names by their shape: a known given name first, and a name parser that reads it as a person."""
# Two maintained lexicons decide together, so neither's errors alone type a name: gender-guesser's
# dictionary of about 40,000 given names from many countries ("Agnès", "Khurshid"; but also "Forest",
# "General") and DataMade's probablepeople, a CRF trained to tell personal names from corporations
# ("Forest Botany" and "General Motors" are corporations to it).
from __future__ import annotations

import dataclasses
import re
from functools import cache, lru_cache

from wikikg.kb.diskcache import cached_strings
from wikikg.kb.places import places

_TOKEN = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*\Z")
PARTICLES = frozenset({"van", "von", "de", "da", "del", "der", "di", "du", "bin", "al", "el", "la", "le"})


@cache
def _given_names() -> frozenset[str]:
    """The given names gender-guesser knows (lower case): its detector says "unknown" exactly for the others.
    Parsing its dictionary takes ~0.3 s, so the names are kept on disk per installed version (kb/diskcache.py)."""
    from importlib.metadata import version

    return cached_strings(f"given-names-{version('gender-guesser')}", _detector_names)


def _detector_names() -> frozenset[str]:
    import gender_guesser.detector as gd

    return frozenset(gd.Detector(case_sensitive=False).names)


@lru_cache(maxsize=65536)
def is_personal_name(name: str) -> bool:
    """Whether `name` ("Agnès Maltais", "Jean-François Lisée") reads as a person's full name: two to four
    capitalised words, the first (or the first part of a hyphenated one) a known given name, and the
    name parser tags the whole a person; a first word that is a place's name ("Denver") is not a given name."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(_TOKEN.match(w) or 0 < i < len(words) - 1 and w in PARTICLES
                                           for i, w in enumerate(words)):
        return False  # "Claus von Stauffenberg": a particle inside the name
    first = words[0].split("-")[0].rstrip(".")
    if len(first) < 2 or first.lower() not in _given_names() or words[0] in places():
        return False  # "Denver Broncos": a place's name first is a team, a firm, a station
    import probablepeople

    try:
        return probablepeople.tag(name)[1] == "Person"
    except probablepeople.RepeatedLabelError:
        return False


_AND = re.compile(r"\s+(?:and|&)\s+")


def shared_surnames(found: list, text: str) -> list:
    """"Andrew and Emily Bolton": a lone known given name right before "and" and a person's full name
    shares that person's surname (Andrew Bolton), instead of standing for a one-word person "Andrew"."""
    out = list(found)
    for i, (a, b) in enumerate(zip(found, found[1:], strict=False)):
        words, full = a.key.split(), b.key.split()
        if (len(words) == 1 and not a.linked and len(full) >= 2 and "Person" in b.types
                and a.key.casefold() in _given_names() and full[0].casefold() in _given_names()
                and _AND.fullmatch(text, a.end, b.start)):
            name = f"{a.key} {' '.join(full[1:])}"
            out[i] = dataclasses.replace(a, text=name, key=name, types=frozenset({"Person"}), strength=b.strength)
    return out
