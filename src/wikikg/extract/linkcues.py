"""A bare link typed by the words beside it: "[[Foo]] (a Swiss bank)", "Fooville-based [[Bar]]", "Jane Roe of the [[Baz]]"."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from wikikg.extract.classify import context_types
from wikikg.extract.frames import typable
from wikikg.extract.known import CONTEXT
from wikikg.kb.names import legal_suffixes
from wikikg.model import Mention

__all__ = ["cued_links"]

_ORG, _COMPANY = frozenset({"Organization"}), frozenset({"Company"})
# "the Fooville-based [[Bar]]", "a London-headquartered [[Baz]]": a place's name joined to "based" before the link
_BASED = re.compile(r"\b[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?-(?:based|headquartered)\s+(?:the\s+)?$")
# what may follow such a link: punctuation, the end, or a word that opens a clause or a phrase (not a noun it modifies)
_FREE = re.compile(r"\s*(?:$|[,.;:)(\]]|\s(?:in|on|at|as|from|for|to|until|since|after|before|during|when|where|which|"
                   r"who|with|was|were|is|are|has|had|but|under|by|while|through|that|and|or)\b)")


def cued_links(found: list[Mention], text: str) -> list[Mention]:
    """Links that nothing types, typed by what is written next to them (at the weakest strength): an apposition
    in parentheses as one after a comma ("[[Foo]] (a Swiss bank)": the class of its noun), a place's "-based"
    before ("the Fooville-based [[Bar]]": an organisation; not "the Fooville-based [[Bar]] band", whose noun
    says more), a legal form's suffix after ("[[Baz]] Inc.": a company), a post or a rank that only a body gives
    between it and a person ("[[Foo]] CEO [[Jane Roe]]", "the [[Bar]] officer [[John Doe]]", "[[Baz]] General
    Jane Roe": an organisation), "of the" after a person ("[[Jane Roe]] of the [[Foo]]": her body; "of" alone before an acronym: "[[Jane
    Roe]] of [[FOO]]"). `found` in
    text order."""
    out = list(found)
    for i, m in enumerate(out):
        if m.types or not m.linked or not typable(m.key):
            continue
        cls = _apposed(text, m.start, m.end) or _legal(text, m.end) \
            or (_ORG if _BASED.search(text, max(0, m.start - 40), m.start) and _FREE.match(text, m.end) else None) \
            or (_ORG if i + 1 < len(out) and "Person" in out[i + 1].types and _POST.fullmatch(text, m.end, out[i + 1].start)
                else None) \
            or (_ORG if i > 0 and "Person" in out[i - 1].types and (_OF.fullmatch(text, out[i - 1].end, m.start) or _ACRONYM.fullmatch(
                m.text) and _OF_BARE.fullmatch(text, out[i - 1].end, m.start)) else None)
        if cls:
            out[i] = replace(m, types=cls, strength=CONTEXT)
    return out

# a post or a rank that only a body gives, between its name and its holder's ("[[Foo]] CEO [[Jane Roe]]")
# a person's body after "of the" ("[[Jane Roe]] of the [[Foo]]"; not "of [[Fooville]]": "Helen of Troy")
_OF = re.compile(r",?\s+of\s+the\s+")
_OF_BARE, _ACRONYM = re.compile(r",?\s+of\s+"), re.compile(r"[A-Z][A-Z&]{1,7}")  # "[[Jane Roe]] of [[FOO]]": an acronym
_POST = re.compile(r"['’]?\s+(?:senior\s+|former\s+|then-)?(?:officer|official|executive|CEO|chairman|Chairman|chairwoman|"
                   r"Chairwoman|spokesman|spokeswoman|spokesperson|employee|agent|[Gg]eneral|[Cc]olonel|[Cc]ommander|"
                   r"Lieutenant|Admiral|Brigadier|Marshal|Field\s+Marshal|Major\s+General|Lieutenant\s+General)\s+")


def _apposed(text: str, start: int, end: int) -> frozenset[str] | None:
    """The class an apposition in parentheses right after a name gives it: "[[Foo]] (a Swiss bank)" read as
    "[[Foo]], a Swiss bank,"."""
    if not text.startswith(" (", end):
        return None
    close = text.find(")", end + 2, end + 100)
    if close < 0 or "(" in text[end + 2:close]:
        return None
    as_comma = text[:end] + ", " + text[end + 2:close] + ","
    return context_types(as_comma, start, end) or None


def _legal(text: str, end: int) -> frozenset[str] | None:
    """Company for a name right before a legal form's suffix ("[[Foo]] Inc.", "[[Bar]] GmbH")."""
    m = _suffix().match(text, end)
    return _COMPANY if m else None


@cache
def _suffix() -> re.Pattern:
    words = sorted(legal_suffixes(ambiguous=False), key=len, reverse=True)
    return re.compile(rf",?\s(?:{'|'.join(map(re.escape, words))})(?!\w)")
