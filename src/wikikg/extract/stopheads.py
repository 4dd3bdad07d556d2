"""A name's last word that is both a stop word and a part's head noun: "Foo Gears Division", not "Section 5"."""
from __future__ import annotations

import re
from functools import cache

from wikikg.kb.names import name_tables

_DIGIT_AFTER = re.compile(r"\s*\d")


@cache
def _stop_part_heads() -> frozenset[str]:
    """Part heads (names.toml [parts]) that are stop words too ("Section", "Division": "Section 5", "Premier Division")."""
    return frozenset(name_tables().part_heads) & frozenset(name_tables().stop.words)


def part_head_kept(text: str, toks, i: int, j: int, stop) -> bool:
    """Whether a name's last token `j` (of tokens (start, end, word)) is a part's head noun after a word of its own
    ("Foo Gears Division", "the Dog Section was formed"), with no number after it ("Foo League Division 2") and no
    stop word before it ("Premier Division")."""
    return (j > i and toks[j][2] in _stop_part_heads() and toks[j - 1][2][:1].isupper()
            and toks[j - 1][2] not in stop and _DIGIT_AFTER.match(text, toks[j][1]) is None)
