"""The words right before a mention of a slotted sentence: a count ("three ⟦X⟧"), the clause's last word."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

NUMBER = re.compile(r"(?:\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
                    r"hundreds?|thousands?|several|many|some|other|both|all)|(?<![\d,])\d{1,3}(?!\d))\s+$", re.I)
NUMBER_REACH = 9  # the longest word or number before NUMBER's closing spaces ("thousands")
WORDS = re.compile(r"[\w'’-]+|[(),]")


def number_before(window: str) -> bool:
    """NUMBER.search(window): its match ends in the window's closing spaces, so it starts at most
    NUMBER_REACH characters before them (the search looks behind that start as before)."""
    return NUMBER.search(window, max(0, len(window.rstrip()) - NUMBER_REACH)) is not None


@lru_cache(maxsize=256)  # a clause's mentions are each checked against the words before them
def words_from(text: str, lo: int) -> tuple[list[int], list[str]]:
    """The end and the lower-cased form of each word (or parenthesis, comma) of text[lo:]."""
    ends, words = [], []
    for m in WORDS.finditer(text, lo):
        ends.append(m.end())
        words.append(m.group().lower())
    return ends, words


def last_word(text: str, lo: int, s: int, skip: frozenset[str]) -> str | None:
    """The last word of text[lo:s] (lower case) that is not in `skip`, of those after the last one that is
    not (WORDS.findall(text[lo:s]) without its trailing `skip` words); `s` is a slot token's start, so no
    word runs into it and the words of text[lo:] that end by `s` are those of the slice."""
    ends, words = words_from(text, lo)
    k = bisect_right(ends, s)
    while k and words[k - 1] in skip:
        k -= 1
    return words[k - 1] if k else None
