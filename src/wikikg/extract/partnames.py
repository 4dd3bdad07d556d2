"""List items that name a part by its head noun alone: "* Foo Support Unit", "* [[Foo Command (Freedonia)|Foo Command]]"."""
from __future__ import annotations

import re
from functools import cache

from wikikg.extract.classify import split_title
from wikikg.extract.flagitems import ITEM_PREFIX
from wikikg.extract.people import is_personal_name
from wikikg.kb.names import name_tables
from wikikg.model import Mention, ParsedArticle

# after an item's name: nothing, or its abbreviation, or its native name and abbreviation ("Foo Command (Foo-Kommando
# (FK)) (intl. abb: FOOCOM)")
_NOTED = re.compile(r"\s*(?:\((?:[^()]|\([^()]*\))*\)\s*)*[.;]?\s*")


def lone_name(m: Mention, text: str) -> bool:
    """An item that is a body's name alone, perhaps with its abbreviation: two words or more, a head noun of a
    part last or before its "of" (names.toml [parts]), in its shown name and its link's title, no known person's."""
    heads = set(name_tables().part_heads)
    names = (m.text, split_title(m.key)[0]) if m.linked else (m.text,)
    return (len(m.text.split()) > 1 and m.start == 0 and _NOTED.fullmatch(text, m.end) is not None and not any(
        not {n.split(" of ")[0].split()[-1], n.split()[-1]} & heads for n in names) and not is_personal_name(m.text))


@cache
def _unit_heads() -> frozenset[str]:
    return frozenset(name_tables().shape["MilitaryOrganization"].numbered)


def unit_class(name: str, subject: Mention) -> str | None:
    """The class of a part of a military organisation that nothing else types: a unit when its head noun is a unit's
    (names.toml [shape.MilitaryOrganization] numbered: "Foo Command", "Bar Advocate Corps"), else None."""
    words = name.split()
    return "MilitaryOrganization" if (subject.strength and "MilitaryOrganization" in subject.types and len(words) > 1
                                      and words[-1] in _unit_heads()) else None


def _depth(article: ParsedArticle, start: int) -> int:
    line = article.text[article.text.rfind("\n", 0, start) + 1:start]
    m = ITEM_PREFIX.fullmatch(line)
    return len(m.group(1)) if m else 0


def heads_units(article: ParsedArticle, index: int, depth: int, m: Mention, subject: Mention) -> bool:
    """Whether the first item of a military organisation's list of parts names the civil body over it, heading the
    items nested below it: "* [[Ministry of Defence (Freedonia)|Ministry of Defence]]" then "** [[Foo Command]]" (a
    government body heads the list; it is no part of the armed forces, but its sub-items are its parts)."""
    return (bool(subject.strength) and "MilitaryOrganization" in subject.types and m.types == {"GovernmentAgency"}
            and index + 1 < len(article.sentences) and _depth(article, article.sentences[index + 1].start) > depth)


def part_named(m: Mention) -> bool:
    """An unlinked item whose own name says it is a body's part (a head noun of names.toml [parts] last or before its
    "of": "Air Training Command", "Directorate of Foo"): its sub-items are its own parts, not the subject's."""
    words = m.text.split(" of ")[0].split()
    return not m.linked and len(m.text.split()) > 1 and bool(words) and (
        words[-1] in name_tables().part_heads or m.text.split()[-1] in name_tables().part_heads)


def plural_head(name: str) -> bool:
    """Whether a name ends in the plural of a part's head noun (names.toml [parts]): a heading that groups parts
    ("=== University Colleges ===", "=== Research Centres ===", "=== Operating Companies ==="), no one body; not a
    head that is itself plural ("Armed Forces", "Marine Corps")."""
    heads, last = set(name_tables().part_heads), name.split()[-1] if name.split() else ""
    singular = {last[:-3] + "y", last[:-2], last[:-1]} if last.endswith("s") else set()
    return last not in heads and bool(singular & heads)
