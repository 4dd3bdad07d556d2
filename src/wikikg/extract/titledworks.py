"""A name a work's, a character's or a vessel's noun comes right before ("the musical Foo Bar"): no person."""
# English names a work or a ship by its kind's noun and then its title, with no comma between: "starred in the musical
# Spring Foo", "Ibsen's play Jane Roe", "their 1997 album King of Foos", "the armored cruisers Foo and Jane Roe", and
# a fiction's person so too ("the recurring character Jane Roe"). The name parser reads many such titles as a given
# name and a surname; the noun says the name is the work's, the ship's or the fiction's, no one the graph holds, and
# the article means the same thing wherever else it writes the name, so every mention of it that only its shape types
# a person is left untyped. The noun must follow a determiner, a possessive or "of" and at most three modifiers ("the
# American animated television series Foo"), so that a verb's form ("Lisa plays Jane Roe") does not count; names.toml
# [works] nouns and vessels.
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from wikikg.extract.classify import split_title
from wikikg.extract.known import SHAPE
from wikikg.extract.pairs import LIST_JOIN
from wikikg.kb.names import name_tables
from wikikg.model import Mention, Statement

_PERSON = frozenset({"Person"})


@cache
def _noun_before() -> re.Pattern:
    """A work's or a vessel's noun after a determiner, a possessive or "of" and up to three modifiers, ending where a
    name begins (an opening quote mark allowed); a noun that is a verb's form too ("play", "book") after lower-case
    modifiers only ("the seven-year-old Jane play Foo's concerto": a verb)."""
    t = name_tables()
    vessels = [v + "s" for v in t.vessels] + list(t.vessels)
    both = set(t.work_verbs)
    nouns = "|".join(map(re.escape, sorted(set(t.work_nouns) - both | set(vessels), key=lambda n: (-len(n), n))))
    verbs = "|".join(map(re.escape, sorted(both & set(t.work_nouns), key=lambda n: (-len(n), n))))
    return re.compile(rf"(?:^|[\s(])(?:the|a|an|his|her|its|their|our|this|that|these|those|of|[\w.-]+['’]s)\s+"
                      rf"(?:(?:[\w'’-]+\s+){{0,3}}?(?P<noun>{nouns or '(?!)'})|(?:[a-z0-9][\w'’-]*\s+){{0,3}}?"
                      rf"(?P<verb>{verbs or '(?!)'}))\s+[\"“'‘]?$")


_SUBTITLE = re.compile(r"[\"”'’]?:")  # "the book Jane Roe: A Life": a title that goes on past the name


def _titled(ms: list[Mention], text: str) -> list[Mention]:
    """The mentions of one sentence typed a person by their shape alone that stand right after a work's or a vessel's
    noun, and after a plural one those listed with such a mention ("the cruisers Foo Bar and Jane Roe")."""
    out, listed = [], False
    for m, prev in zip(ms, [None, *ms[:-1]], strict=True):
        if not (m.types == _PERSON and m.strength <= SHAPE and 0 < m.start <= len(text) and _whole(m)
                and not _VERB_NEXT.match(text, m.end)):
            listed = False  # only a mention its shape alone types a person is a title (and carries a list on)
            continue
        if listed and prev is not None and LIST_JOIN.fullmatch(text, prev.end, m.start):
            out.append(m)
            continue
        noun = _noun_before().search(text, max(0, m.start - 80), m.start)
        if noun is not None and not _SUBTITLE.match(text, m.end):
            kind = noun["noun"] or noun["verb"]
            out.append(m)
            listed = kind.endswith("s") and kind not in _SINGULAR
        else:
            listed = False
    return out


_SINGULAR = frozenset({"series", "miniseries"})
# A past tense's word right after the name: the name is the subject of a clause the noun ends ("the character Jane Roe
# played", "on the next play Jane Roe kicked": a relative clause without "that", a missing comma)
_VERB_NEXT = re.compile(r"\s+[a-z]+ed\b")


def _whole(m: Mention) -> bool:
    """Whether a mention shows its whole name, not a short form the article's other name gives ("the ship Roe, after
    Minister Jane Roe": the surname, the minister's node)."""
    return m.text.strip() == split_title(m.key)[0].strip() if m.linked else m.text.strip() == m.key


def _mentions(st: Statement) -> list[Mention]:
    return [m for m in (st.subject, st.obj, st.attributed_to) if isinstance(m, Mention)]


def titled_works(statements: list[Statement]) -> list[Statement]:
    """Every statement, with each mention typed a person by its shape alone of a name that a work's or a vessel's noun
    comes right before somewhere in the article ("in the musical Spring Foo") left untyped."""
    by_text: dict[str, dict[tuple[int, int, str], Mention]] = {}
    for st in statements:
        text = st.evidence.plain or st.evidence.text
        for m in _mentions(st):
            if m.start >= 0:
                by_text.setdefault(text, {}).setdefault((m.start, m.end, m.key), m)
    titles = {(m.key, m.linked) for text, ms in by_text.items() for m in _titled([ms[k] for k in sorted(ms)], text)}
    if not titles:
        return statements

    def untyped(m):
        if isinstance(m, Mention) and (m.key, m.linked) in titles and m.types == _PERSON and m.strength <= SHAPE:
            return replace(m, types=frozenset(), strength=0)
        return m

    out = []
    for st in statements:
        subject, obj, by = untyped(st.subject), untyped(st.obj), untyped(st.attributed_to)
        same = subject is st.subject and obj is st.obj and by is st.attributed_to
        out.append(st if same else replace(st, subject=subject, obj=obj, attributed_to=by))
    return out
