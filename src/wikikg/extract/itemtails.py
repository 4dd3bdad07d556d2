"""A list item's leading name, and one whose last word is written in lower case ("* Department of Land administration")."""
from __future__ import annotations

import re
from functools import cache

from wikikg.kb.names import name_tables
from wikikg.model import Mention


@cache
def lead_name() -> re.Pattern:
    """An item's leading capitalised name before a dash, a colon, a parenthesis or its end ("* Foo Institute (FI)"), not
    run into a post's abbreviation after it (names.toml [stop] enders: "* 22nd Foo Brigade GOC Colonel Jane Roe")."""
    enders = "|".join(map(re.escape, name_tables().stop.enders)) or "(?!)"
    return re.compile(rf"^((?:[A-Z0-9][\w.'’&-]*)(?:\s+(?!(?:{enders})(?!\S))(?:[A-Z0-9][\w.'’&-]*|of|and|de|the|for|on)){{0,8}})"
                      r"\s*(?:[–—:(]|(?<=\s)-|$)")

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
