"""Markup nested past mwparserfromhell's depth limit, which it leaves as plain text without a word."""
from __future__ import annotations

from mwparserfromhell.nodes import Text

__all__ = ["nesting_warnings"]

DEEP = 16  # below this depth the tokenizer's limit (about 33 templates, 99 links or tags) is never hit
_OPENERS = ("{{", "[[", "<")


def _leftover(code, path: list) -> int | None:
    """The depth of the first deep text that still holds an opener, or None."""
    path.append(code)
    for node in code.nodes:
        if isinstance(node, Text):
            if len(path) > DEEP and any(o in node.value for o in _OPENERS):
                return len(path) - 1
            continue
        for child in node.__children__():
            found = _leftover(child, path)
            if found:
                return found
    path.pop()
    return None


def nesting_warnings(code) -> tuple[str, ...]:
    """A warning when the parse gave up on nested markup: text deeper than any real article nests
    that still holds `{{`, `[[` or `<` is what the tokenizer left unparsed at its depth limit."""
    depth = _leftover(code, [])
    if depth is None:
        return ()
    return (f"markup nested deeper than the parser's limit ({depth} levels): what lies deeper is "
            "kept as plain text, so links and templates there are not read",)
