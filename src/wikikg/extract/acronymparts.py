"""Acronyms that spell a later part of a name, not its head ("the Foo Brigade of the Bar Army (BA)")."""
from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def abbreviates_a_part(acr: str, name: str) -> bool:
    """Whether an acronym spells the initials of a later part of the name but not of its head: in "the
    Special Forces Brigade of the Angolan Armed Forces (FAA)", FAA is not the brigade's. Acronyms in
    another language's word order ("National Union for the Total Independence of Angola (UNITA)")
    spell no part and are kept."""
    letters = [c for c in acr if c.isupper()]
    initials = [w[0].upper() for w in _WORD.findall(name) if w[0].isupper()]

    def spells(start: int) -> bool:
        i = start
        for c in letters:
            while i < len(initials) and initials[i] != c:
                i += 1
            if i == len(initials):
                return False
            i += 1
        return True
    if not letters or not initials or initials[0] == letters[0]:
        return False
    return any(initials[k] == letters[0] and spells(k) for k in range(1, len(initials)))
