"""A bare link typed by the frame it stands in: the object of "joined", "a member of", "a subsidiary of"."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache

from wikikg.extract.classify import is_concept_title, split_title
from wikikg.extract.framebefore import frame_before, usable
from wikikg.extract.known import CONTEXT
from wikikg.extract.nonentities import is_event, names_no_entity
from wikikg.kb.alternation import longest_first
from wikikg.kb.names import name_tables, stop_names
from wikikg.model import Mention

__all__ = ["frame_types", "framed_runs", "free_after", "typable"]

_ORG, _COMPANY = frozenset({"Organization"}), frozenset({"Company"})
_INITIAL = re.compile(r"[A-Z]\.?")  # "J. S. Roe": a person's initials
_CONNECTORS = frozenset({"of", "the", "and", "for", "de", "du", "des", "del", "la", "le", "y", "da", "do", "di",
                         "von", "van", "der", "et", "und", "&"})


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The frame before a link (a business's frame in group "company"), what may follow it, and the titles no
    frame types (names.toml [frames])."""
    t = name_tables()
    before = longest_first(t.org_frames)
    company = longest_first(t.company_frames)
    after = longest_first(t.frame_next)
    return (re.compile(rf"(?<![\w-])(?i:(?P<company>{company})|(?:{before}))\s+(?:(?:the|its|their|his|her)\s+)?$"),
            re.compile(rf"\s*(?:$|[,.;:)(\]]|\s(?:{after})\b|\s(?:and|or)\s+[a-z])"), re.compile(t.frame_unless))


@lru_cache(maxsize=8192)
def typable(title: str) -> bool:
    """Whether a link's title may be typed by its frame: a proper name with no qualifier, no event's, work's,
    field's or idea's form, no initial (a person's: "J. S. Roe"), no polity's or taxon's name, not one word that is no
    name on its own (names.toml [stop]: "partnership with [[Jewish]], [[Muslim]] and secular groups": adjectives)."""
    label, qualifier = split_title(title)
    words = label.split()
    return qualifier is None and bool(words) and words[0][:1].isupper() \
        and all(w[:1].isupper() or w[:1].isdigit() or w in _CONNECTORS for w in words) \
        and not any(_INITIAL.fullmatch(w) for w in words) \
        and not names_no_entity(label) and not is_event(label) and not is_concept_title(label) \
        and not _patterns()[2].search(label) and label not in stop_names()


def frame_types(title: str, text: str, start: int, end: int) -> frozenset[str]:
    """Organization for a link to `title` shown at text[start:end] as the object of a frame that only an
    organisation fills ("joined [[Foo]] in 1998", "a member of [[Bar]]."), Company for a business's frame ("a
    subsidiary of [[Foo]]"), else none."""
    before, after, _ = _patterns()
    if usable():  # (framebefore.py: the expression's answer without its search from every position of the window)
        company = frame_before(text, max(0, start - 48), start)
    else:
        company = None if (frame := before.search(text, max(0, start - 48), start)) is None else bool(frame["company"])
    if company is None or not after.match(text, end) or not typable(title):
        return frozenset()
    listed = _LISTED.search(text[end:min(_END.search(text, end).start(), end + 200)]) if text[end:end + 1] == "," else None
    return frozenset() if listed and listed["noun"] not in _next_words() else _COMPANY if company else _ORG


_END = re.compile(r"[.;:(]|$")
# "members of the [[Foo]], Bar and Baz communities": the link is one of the names before a common noun
_LISTED = re.compile(r"\b(?:and|or)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+)+(?P<noun>[a-z][\w-]*)")


@cache
def _next_words() -> frozenset[str]:
    return frozenset(name_tables().frame_next)


_JOIN = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+")  # "A, B and C", "A, B, or C"


def framed_runs(found: list[Mention], text: str) -> list[Mention]:
    """"alliances with [[Foo]] and [[Bar]].", "joined [[Foo]], [[Bar]] and [[Baz]] in 1990": every link of a run
    of links that only commas and "and"/"or" join, right after a frame, takes the frame's class where nothing
    else types it, as a link alone there would (the run followed by what may follow one link). `found` in text
    order."""
    out, i = list(found), 0
    while i < len(out):
        k = i
        while k + 1 < len(out) and out[k + 1].linked and _JOIN.fullmatch(text, out[k].end, out[k + 1].start):
            k += 1
        if k > i and out[i].linked:
            cls = _run_frame(text, out[i].start, out[k].end)
            for j in range(i, k + 1) if cls else ():
                if not out[j].types and typable(out[j].key):
                    out[j] = replace(out[j], types=cls, strength=CONTEXT)
        i = k + 1
    return out


def free_after(text: str, end: int) -> bool:
    """Whether what follows text[:end] may follow a frame's link: punctuation, the end, or a word of names.toml
    [frames] next (not a noun the link would modify)."""
    return bool(_patterns()[1].match(text, end))


def _run_frame(text: str, start: int, end: int) -> frozenset[str]:
    before, after, _ = _patterns()
    frame = before.search(text, max(0, start - 48), start)
    if not frame or not after.match(text, end):
        return frozenset()
    return _COMPANY if frame["company"] else _ORG
