"""One node per person an article links under two titles: "[[Paul S. Roe]]" and "[[Paul Roe]]" are one."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from wikikg.extract.classify import split_title
from wikikg.model import Mention, Statement

_INITIAL = re.compile(r"^[A-Z]\.?$")
_NICKNAME = re.compile(r'\s+["“][^"”]{1,30}["”]\s+')  # a nickname in quotes inside a name


def person_name_key(key: str) -> str | None:
    """A linked person's title without its middle initials ("Paul Q. Roe" is "Paul Roe"); None for a title
    with a qualifier ("Jane Roe (captain)", "Jane Roe (born 1950)": namesakes the qualifier tells apart) or
    of fewer than two words."""
    if split_title(key)[1] is not None:
        return None
    words = key.split()
    kept = [w for i, w in enumerate(words) if i in (0, len(words) - 1) or not _INITIAL.match(w)]
    return " ".join(kept) if len(kept) >= 2 else None


_BY_SURNAME = {"Mr.", "Mr", "Ms.", "Ms", "Dr.", "Dr"}  # not "Mrs." nor "Lady": "Mrs. Roe" is often a Roe's wife
_GENERATION = {"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"}


def surname(key: str) -> str:
    """A personal name's last word, past a generation's suffix and a title's qualifier ("Jane Roe Jr." -> "Roe");
    "" for a name of one word."""
    words = split_title(key)[0].replace(",", " ").split()
    while len(words) > 2 and words[-1] in _GENERATION:
        words.pop()
    return words[-1] if len(words) > 1 else ""


def _by_surname(bare, uses, subject_key: str, canon: dict[str, str]) -> dict[str, str]:
    """Unlinked people named by a surname alone ("Roe", "Mr. Roe"), each to the one other person the article
    names whose name ends in it ("Jane Q. Roe"); none when two people (or the article's subject) share it."""
    owners: dict[str, set[str]] = {}
    for key in (*uses, *bare, subject_key):
        if (last := surname(key)) and len(key.split()) > 1 and key.split()[0] not in _BY_SURNAME:
            owners.setdefault(last, set()).add(key)
    out = {}
    for key in bare:
        words = key.split()
        if key in uses or key == subject_key or not (len(words) == 1 or len(words) == 2 and words[0] in _BY_SURNAME):
            continue
        found = owners.get(words[-1], set())
        if len(found) == 1 and (owner := next(iter(found))) != subject_key:
            out[key] = canon.get(owner, owner)
    return out


def one_node_per_person(statements: list[Statement], subject_key: str = "") -> list[Statement]:
    """The statements with a linked person's title with middle initials replaced by the same title without them
    when the article links both (person_name_key), or the other way round, whichever the article uses most,
    the other kept as an alias; and a name of two words that an infobox or a list gives ("Jane Roe") replaced by
    the one linked title of the same first and last names ("[[Jane Quinn Roe]]"); the article's own subject's
    title is never merged; an unlinked surname alone ("Mr. Roe") is the one person of that surname (_by_surname); a
    name with a nickname in quotes ('Jane "Ace" Roe') is the person the article names without it ("Jane Roe")."""
    uses: Counter[str] = Counter()
    bare: dict[str, None] = {}  # unlinked people's names, in order: an infobox's, a list's
    for st in statements:
        for m in (st.subject, st.obj):
            if isinstance(m, Mention) and "Person" in m.types:
                if m.linked:
                    uses[m.key] += 1
                else:
                    bare[m.key] = None
    groups: dict[str, list[str]] = {}
    ends: dict[tuple[str, str], list[str]] = {}
    for key in uses:
        if key != subject_key and (name := person_name_key(key)) is not None:
            groups.setdefault(name, []).append(key)
            words = key.split()
            ends.setdefault((words[0], words[-1]), []).append(key)
    canon = {}
    for name, keys in groups.items():
        if len(keys) == 2 and name in keys:  # one title without initials and one with: one person (two with
            # initials are namesakes: "Joe E. Roe" and "Joe S. Roe", a father and his son)
            best = min(keys, key=lambda k: (-uses[k], len(k), k))
            canon.update({k: best for k in keys if k != best})
    for key in bare:
        words = key.split()
        linked = ends.get((words[0], words[-1]), []) if len(words) == 2 and key != subject_key else []
        if len(linked) == 1 and key not in uses:  # "General Jane Roe" in the infobox, "[[Jane Quinn Roe]]" in prose
            canon[key] = canon.get(linked[0], linked[0])
    canon.update(_by_surname(bare, uses, subject_key, canon))
    for key in (*uses, *bare):  # 'Mike "Ace" Roe' in a list, "Mike Roe" in the infobox: one person
        if key != subject_key and (plain := _NICKNAME.sub(" ", key)) != key and (plain in uses or plain in bare):
            canon.setdefault(key, canon.get(plain, plain))
    if not canon:
        return statements

    def one(m):
        if not isinstance(m, Mention) or m.key not in canon:
            return m
        return replace(m, key=canon[m.key], aliases=m.aliases | {m.key})

    return [replace(st, subject=one(st.subject), obj=one(st.obj)) for st in statements]
