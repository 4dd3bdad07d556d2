"""A people list's item read by its own words: "* Jane Roe, an alumna" studied at the school the list is of."""
from __future__ import annotations

import re

from wikikg.kb.itemwords import item_words
from wikikg.kb.sections import SectionSpec
from wikikg.model import Mention

# after a word, the start of a phrase that names what it is of: "a graduate of [[Foo College]]", "member of Parliament"
_OF = re.compile(r"\s*(?:of|at|from|in|with|for|to)\s+(?:the\s+)?")


def item_relations(spec: SectionSpec, text: str, person: Mention, mentions: list[Mention]) -> list[tuple[str, str | None]]:
    """(relation, event) of each [[item_words]] entry of `spec` whose words the item says after `person` of the
    subject; [(the spec's relation, its event)] when none does. A word whose phrase names another body, linked or
    capitalised ("an alumnus of [[Foo College]]", "a member of Parliament"), says nothing of the subject."""
    found: list[tuple[str, str | None]] = []
    starts = {m.start for m in mentions if m is not person}
    for entry in item_words():
        if spec.id not in entry.specs or (entry.relation, entry.event) in found:
            continue
        for match in entry.words.finditer(text, person.end):
            gap = _OF.match(text, match.end())
            if gap and (gap.end() in starts or text[gap.end():gap.end() + 1].isupper()):
                continue
            found.append((entry.relation, entry.event))
            break
    return found or [(spec.relation, spec.event)]
