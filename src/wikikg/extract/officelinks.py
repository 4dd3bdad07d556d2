"""Posts, offices and ranks a link may name instead of an entity: "[[CEO]]", "[[Home Secretary]]", "[[Colonel]]"."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from wikikg.extract.classify import disambiguation, split_title
from wikikg.extract.names import is_role_title
from wikikg.extract.people import is_personal_name
from wikikg.kb.names import name_tables
from wikikg.kb.places import places

__all__ = ["is_office", "is_rank"]

_OFFICE_OF = re.compile(r" (?:of|for|at|to) ")


@lru_cache(maxsize=16384)  # asked of every link of every sentence, and again when the article's names are indexed
def is_office(target: str, shown: str) -> bool:
    """Whether a link names a post, not an entity: "[[Professor (highest academic rank)|Professor]]",
    "[[CEO]]", "[[President of Foo College]]", "[[Secretary of State for Foo]]"; not "[[Head (company)|Head]]"."""
    label, dis = split_title(target)
    head = _OFFICE_OF.split(label, 1)[0]
    if dis is not None and _POST_QUALIFIER.fullmatch(dis) and _post_words(label):
        return True  # "[[Principal (academia)|Principal]]", "[[Superintendent (education)|superintendent]]"
    return not (dis and disambiguation(dis, label) - _POST_DOMAINS) \
        and (is_role_title(shown) or is_role_title(head) or _ends_in_office(head) and not is_personal_name(label)
             or head != label and head in name_tables().offices)  # "[[Premier of Foo]]", "[[Minister for Bar]]"


# a title's qualifier that says it names a post in a school, a university or a company
_POST_QUALIFIER = re.compile(r"(?i:academia|university|college|education|school|corporate\s+title|title)")


def _post_words(label: str) -> bool:
    """Whether a title's words are all names.toml [roles] words, their modifiers or offices, in any case."""
    return all(w.casefold() in _folded_post_words() for w in label.split())


@cache
def _folded_post_words() -> frozenset[str]:
    t = name_tables()
    return frozenset(w.casefold() for w in (*t.roles, *t.role_modifiers, *t.offices))


def _ends_in_office(head: str) -> bool:
    """"Home Secretary", "Lord Chancellor", "Exchequer Secretary" (to the Treasury): capitalised words
    ending in a public office's word (names.toml [roles] offices)."""
    words = head.split()
    return 2 <= len(words) <= 4 and words[-1] in name_tables().offices and all(w[:1].isupper() for w in words)


_POST_DOMAINS = frozenset({"University"})  # "[[Master (college)|Master]]": the post at a college, not a college


_RANK_QUALIFIER = re.compile(r"\b(?:rank|title|military|army|navy|naval|air\s+force|officer|O-\d+)\b", re.I)


@lru_cache(maxsize=8192)  # asked of every link
@cache
def _titles() -> frozenset[str]:
    return frozenset(t.casefold() for t in name_tables().stop.titles)  # "[[Lieutenant colonel]]" as Wikipedia titles it


@lru_cache(maxsize=16384)  # asked of every link of every sentence
def is_rank(target: str) -> bool:
    """Whether a link names a rank or a title before names ("[[Major General (Freedonia)|Major General]]",
    "[[Colonel (Foo Army)|Colonel]]": names.toml [stop] titles), qualified by nothing, a place or a military
    word; not "[[Queen (band)]]"."""
    label, dis = split_title(target)
    return label.casefold() in _titles() and (dis is None or dis in places() or bool(_RANK_QUALIFIER.search(dis)))
