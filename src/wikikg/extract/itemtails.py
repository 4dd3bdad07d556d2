"""A list item's name whose last word is written in lower case: "* Department of Land administration", "* Foo Centre and school"."""
from __future__ import annotations

import re

from wikikg.model import Mention

# what follows a capitalised name to the end of its item: one or two lower-case words ("administration", "and
# school"), perhaps a full stop, nothing else (no verb phrase: "* Foo Office closed in 1990" has a number)
_TAIL = re.compile(r"(?:\s+(?:and|of|for)\s+[a-z]{3,}|\s+[a-z]{3,}(?:\s+[a-z]{3,})?)(?=\s*\.?\s*$)")
_VERBISH = re.compile(r"(?:ed|ing|s)$")  # "opened", "closing", "meets": no name's last word


def lower_tail(text: str, item: Mention) -> int:
    """Where an unlinked item's name ends when the item is that name and lower-case words that finish it (an
    editor's casing: "Department of Land administration"), else the mention's own end. Only a mention that starts
    the item and spans at least two words."""
    if item.linked or item.start != 0 or len(item.text.split()) < 2:
        return item.end
    m = _TAIL.match(text, item.end)
    return m.end() if m and not _VERBISH.search(m.group()) else item.end
