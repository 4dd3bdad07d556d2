"""Labelled list items: a flag or a country before a member's name ("* {{flag|Freedonia}} – [[Foo Union]]", "* Freedonia: Foo Union")."""
from __future__ import annotations

import re

from wikikg.kb.places import countries
from wikikg.model import Mention

# a list item's markers, then images and flag templates, which render no text ("{{flag|Freedonia}}",
# "{{flagicon|Freedonia}}", "{{flagcountry|Freedonia}}", "{{flagicon image|Foo.svg}}", "{{Flag icon|Freedonia}}")
ITEM_PREFIX = re.compile(r"\s*([*#:]+)\s*(?:(?:\[\[(?:File|Image):[^\[\]]*\]\]|\{\{\s*flag[a-z ]*\|[^{}]*\}\})\s*)*"
                         r"(?:'{2,3})?\s*", re.I)
_FLAGGED = re.compile(r"\s*[*#:]+\s*\{\{\s*flag[a-z ]*\|", re.I)
# what stands between the flag or the country and the member's name: a colon or a dash ("Freedonia – [[Foo Union]]")
_SEPARATOR = re.compile(r"\s*(?::|–|—|(?<=\s)-)\s+")
_COUNTRY = re.compile(r"[A-Z][\w.'’ -]{1,40}?(?=\s*(?::|–|—|\s-)\s)")


def past_label(prefix: str, text: str, mentions: list[Mention]) -> int:
    """Where an item's name starts in its text past a label that says where the body is from: the dash or
    colon after a flag (which renders nothing: "{{flag|Freedonia}} – [[Foo Union]]"), or after a place's name
    ("[[Freedonia]]: [[Foo Union]]", "Freedonia – Foo Union"); 0 when the item has no such label. `prefix` is
    the item's line up to its text."""
    if _FLAGGED.match(prefix):
        end = 0
    elif mentions and mentions[0].start == 0 and mentions[0].types == {"Place"}:
        end = mentions[0].end
    elif (m := _COUNTRY.match(text)) and m.group() in countries():
        end = m.end()
    else:
        return 0
    sep = _SEPARATOR.match(text, end)
    return sep.end() if sep and sep.end() < len(text.rstrip()) else 0
