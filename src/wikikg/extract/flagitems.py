"""Flag-led list items: "* {{flag|Freedonia}} – [[Foo Association]]", a member directory's country flag, then its member."""
from __future__ import annotations

import re

# a list item's markers, then images and flag templates, which render no text ("{{flag|Freedonia}}",
# "{{flagicon|Freedonia}}", "{{flagcountry|Freedonia}}", "{{flagicon image|Foo.svg}}", "{{Flag icon|Freedonia}}")
ITEM_PREFIX = re.compile(r"\s*([*#:]+)\s*(?:(?:\[\[(?:File|Image):[^\[\]]*\]\]|\{\{\s*flag[a-z ]*\|[^{}]*\}\})\s*)*"
                         r"(?:'{2,3})?\s*", re.I)
_FLAGGED = re.compile(r"\s*[*#:]+\s*\{\{\s*flag[a-z ]*\|", re.I)
# what stands between the flag and the member's name: a dash or a colon ("{{flag|Freedonia}} – [[Foo Union]]")
_SEPARATOR = re.compile(r"\s*[–—:-]\s+")


def past_flag(prefix: str, text: str) -> int:
    """Where a flag-led item's name starts in its text: past the dash or colon after the flag (which renders
    nothing), else 0."""
    if not _FLAGGED.match(prefix):
        return 0
    m = _SEPARATOR.match(text)
    return m.end() if m else 0
