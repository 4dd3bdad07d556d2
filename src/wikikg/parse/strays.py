"""End tags that close nothing, which MediaWiki drops: a cell's end tag doubled ("</td></td>") blanked before tokenising."""
from __future__ import annotations

import re

# "</td></td>": the second closes no cell (cells do not nest outside a table of their own), and the tokenizer, which
# matches tags strictly, then reads the whole HTML table as text; blanked with as many spaces, offsets kept
_DOUBLED = re.compile(r"(</(td|th|tr)\s*>)(\s*</\2\s*>)", re.I)


def blank_strays(text: str) -> str:
    """`text` with each doubled end tag of a table cell or row blanked (the same length, so offsets hold)."""
    if "</t" not in text and "</T" not in text:
        return text
    return _DOUBLED.sub(lambda m: m[1] + " " * len(m[3]), text)
