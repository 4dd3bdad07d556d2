"""sections.toml [[item_words]]: the words of a people list's item that say how its person is related ("an alumnus")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from wikikg.errors import RuleError
from wikikg.kb.mappings import _classes, _declared, _regex
from wikikg.kb.schema import check, read
from wikikg.kb.sections import SECTIONS
from wikikg.kb.tablestore import stored_table


@dataclass(frozen=True)
class ItemWords:
    """Items of the lists of `specs` whose own words after the person match `words` relate the person by `relation`."""

    specs: frozenset[str]
    words: re.Pattern
    relation: str
    event: str | None = None


@stored_table
def item_words() -> tuple[ItemWords, ...]:
    """The [[item_words]] entries of sections.toml, in file order (each spec id checked against the file's specs)."""
    f = "sections.toml"
    d = check(read(f), SECTIONS, f)
    ids = {s["id"] for s in d["section"]}
    out = []
    for n, e in enumerate(d.get("item_words", ()), 1):
        where = f"[[item_words]] entry {n}"
        _declared(f, where, "relation", e["relation"])
        _classes(f, where, "event", e.get("event"))
        if unknown := sorted(set(e["specs"]) - ids):
            raise RuleError(f"{f} {where}: specs {unknown} are no [[section]] id of the file; name existing ones")
        out.append(ItemWords(frozenset(e["specs"]), _regex(e["words"], f, where), e["relation"], e.get("event")))
    return tuple(out)
