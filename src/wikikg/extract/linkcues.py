"""A bare link typed by the words beside it: "[[Foo]] (a Swiss bank)", "Fooville-based [[Bar]]", "Jane Roe of the [[Baz]]"."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from wikikg.extract.classify import context_types
from wikikg.extract.frames import free_after, typable
from wikikg.extract.known import CONTEXT
from wikikg.kb.alternation import longest_first
from wikikg.kb.names import legal_suffixes, name_tables
from wikikg.model import Mention

__all__ = ["cued_links"]

_ORG, _COMPANY = frozenset({"Organization"}), frozenset({"Company"})
# "the Fooville-based [[Bar]]", "a London-headquartered [[Baz]]": a place's name joined to "based" before the link
_BASED = re.compile(r"\b[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?-(?:based|headquartered)\s+(?:the\s+)?$")


def cued_links(found: list[Mention], text: str) -> list[Mention]:
    """Links that nothing types, typed by what is written next to them (at the weakest strength): an apposition
    in parentheses as one after a comma ("[[Foo]] (a Swiss bank)": the class of its noun), a place's "-based"
    before ("the Fooville-based [[Bar]]": an organisation; not "the Fooville-based [[Bar]] band", whose noun
    says more), a legal form's suffix after ("[[Baz]] Inc.": a company), a post or a rank that only a body gives
    between it and a person ("[[Foo]] CEO [[Jane Roe]]", "the [[Bar]] officer [[John Doe]]"), a noun that names
    a body after "the [[Foo]]" ("the [[Foo]] faction,"), "of the" after a person ("[[Jane Roe]] of the [[Foo]]":
    her body; "of" alone before an acronym: "[[Jane Roe]] of [[FOO]]"). `found` in text order."""
    out = list(found)
    for i, m in enumerate(out):
        if not m.types and m.linked and typable(m.key) \
                and (cls := _apposed(text, m.start, m.end) or _legal(text, m.end) or _body(out, i, text)):
            out[i] = replace(m, types=cls, strength=CONTEXT)
    return out


def _body(out: list[Mention], i: int, text: str) -> frozenset[str] | None:
    """Organization where the words around the link out[i] say it names a body (cued_links)."""
    m = out[i]
    before = text[max(0, m.start - 40):m.start]
    if _BASED.search(before) and free_after(text, m.end):
        return _ORG  # "the Fooville-based [[Bar]] in 1990"
    if i + 1 < len(out) and "Person" in out[i + 1].types and _post().fullmatch(text, m.end, out[i + 1].start):
        return _ORG  # "[[Foo]] CEO [[Jane Roe]]"
    if _THE.search(before) and (n := _noun().match(text, m.end)) and free_after(text, n.end()):
        return _ORG  # "the [[Foo]] faction, and"
    if i > 0 and "Person" in out[i - 1].types and (_OF.fullmatch(text, out[i - 1].end, m.start) or (
            _ACRONYM.fullmatch(m.text) and _OF_BARE.fullmatch(text, out[i - 1].end, m.start))):
        return _ORG  # "[[Jane Roe]] of the [[Foo]]", "[[Jane Roe]] of [[FOO]]"
    return None


_THE = re.compile(r"\b[Tt]he\s+$")
# a person's body after "of the" ("[[Jane Roe]] of the [[Foo]]"; not "of [[Fooville]]": "Helen of Troy")
_OF = re.compile(r",?\s+of\s+the\s+")
_OF_BARE, _ACRONYM = re.compile(r",?\s+of\s+"), re.compile(r"[A-Z][A-Z&]{1,7}")  # "[[Jane Roe]] of [[FOO]]": an acronym


@cache
def _post() -> re.Pattern:
    """A post or rank of names.toml [frames] posts between a body's link and its holder's name."""
    words = longest_first(name_tables().frame_posts)
    return re.compile(rf"['’]?\s+(?:senior\s+|former\s+|then-)?(?:{words})\s+")


@cache
def _noun() -> re.Pattern:
    """A noun of names.toml [frames] nouns right after a link: "the [[Foo]] faction"."""
    words = longest_first(name_tables().frame_nouns)
    return re.compile(rf"\s+(?:{words})\b")


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
