"""Fact ends whose name the sentence cuts short: after a possessor, before a post's word or a committee name's rest."""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache

from wikikg.extract.classify import name_types
from wikikg.extract.names import is_role_title
from wikikg.extract.possessives import on_heads
from wikikg.kb.alternation import longest_first
from wikikg.kb.names import name_tables
from wikikg.kb.places import places
from wikikg.kb.vocabulary import org_classes
from wikikg.model import Mention, Statement

# A capitalised name's possessive right before the name read: "Jane Roe's Foo Society", "the Distressed Foo's Aid
# Association", "Labour's Foo League" ("Workers'": a plural's apostrophe)
POSSESSOR = re.compile(r"(?P<who>[A-Z][\w.&-]*(?:,?\s+(?:(?:of|the|and|for)\s+)*[A-Z][\w.&-]*)*)(?:['’]s|(?<=s)['’])\s+$")
_NEXT_WORD = re.compile(r"\s+([A-Z][\w-]*)")
_ACRONYM = re.compile(r"[A-Z][A-Z&.-]+(?:-[A-Z]\w*)?$")  # "KCL's", "ABC-TV's": a body's initials


def _owner(who: str, index: Mapping[str, Mention]) -> bool:
    """Whether a possessor names a body or a place, which owns or holds what it names next ("Foo University's School
    of Law", "Fooland's Bar University", "the Navy's Foo Committee"): by its name's shape, its initials, the place
    tables, or what the article knows of the name (a link or a typed name); the possessor's tail may name it ("Head of
    Foo University's")."""
    words = who.split()
    return who in places() or any(_owns(" ".join(words[i:]), index) for i in range(len(words)) if words[i][:1].isupper())


def _owns(who: str, index: Mapping[str, Mention]) -> bool:
    """Whether a name names a body or a place ("Head of Foo University's ...": "Foo University" does); not by the
    place tables, which hold given names ("Victoria", "George")."""
    if _ACRONYM.match(who) or name_types(who) & (org_classes() | {"Place"}):
        return True
    known = index.get(who)
    return known is not None and bool(known.types & (org_classes() | {"Place"}))


def _cut(st: Statement, m: Mention, other: object, index: Callable[[], Mapping[str, Mention]]) -> bool:
    """Whether an unlinked end of a relation, neither a person nor a place, follows a possessor that is neither a body
    nor a place: a person's or a word's possessive is part of the name ("Jane Roe's Foo Society", "St Foo's Church",
    "the Distressed Foo's Aid Association"), so the name read names another body or none."""
    if m.linked or m.start <= 0 or "Person" in m.types or "Place" in m.types or st.predicate == "mentionedIn":
        return False  # a place after a possessive is the possessor's ("Foo County's Bar Road"); the cast is kept
    text = evidence_text(st)
    if text[m.start:m.end] != m.text:
        return False
    hit = POSSESSOR.search(text, max(0, m.start - 80), m.start)
    if hit is None:
        return False
    if isinstance(other, Mention) and other.start < hit.end("who") and hit.start("who") < other.end:
        return False  # the possessor is the fact's other end: "Foo's Bar Department" read as a part of Foo
    return not _owner(hit["who"], index())


def evidence_text(st: Statement) -> str:
    """The text a statement's mention offsets count in: its evidence's plain text, else its text."""
    return st.evidence.plain if st.evidence.plain is not None else st.evidence.text


def _post_cut(st: Statement, m: Mention) -> bool:
    """Whether an unlinked end's last word is a post's modifier that the post's head word follows in the sentence
    ("Foo Tech Athletic Director Jane Roe", "Foo Managing Director"): the name read is a body's name run into a post's
    title, which names no body (names.toml [roles] post_only, words)."""
    if m.linked or m.start < 0 or m.key.split()[-1] not in name_tables().post_modifiers:
        return False
    text = evidence_text(st)
    nxt = _NEXT_WORD.match(text, m.end) if text[m.start:m.end] == m.text else None
    return nxt is not None and is_role_title(f"{m.key.split()[-1]} {nxt[1]}")


@cache
def _tail() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A committee's or a board's name ("Committee on Foo", "Board of Bar"; names.toml [on_names] heads); what goes on
    after it in sentence case ("of beverages"); a run of capitalised words that ends in such a head (", Foo
    Amendments and Bar Affairs Committee")."""
    heads = longest_first(on_heads())
    body = re.compile(rf"\b(?:{heads})\s+(?:on|of|for)\s+\S")
    goes_on = re.compile(r"\s+(?:of|on|for)\s+(?!(?:the|a|an|its|his|her|their|this|that|which|who|whom)\b)[a-z]{3,}")
    run = re.compile(rf",\s+(?:(?:[A-Z][\w'’-]*|and|&),?\s+){{1,8}}(?:{heads})\b")
    return body, goes_on, run


def _tail_cut(st: Statement, m: Mention) -> bool:
    """Whether an unlinked end, neither a person nor a place, is a committee's or a board's name the sentence goes on
    with in lower case ("the Committee on Taxation of beverages"), or, itself no body's name by its shape, the first
    part of a run of capitalised words that ends in a committee's head ("the House Elections, Foo
    Amendments and Bar Affairs Committee"): the name read is cut short and names another body or none.
    Not a body's name in a list of bodies ("the National Commission for Foo, Bar and Baz Research
    Council"), nor one before "in" (a place's or a field's: "the Council on Aging in Fooville")."""
    if m.linked or m.start < 0 or "Person" in m.types or "Place" in m.types or st.predicate == "mentionedIn":
        return False
    text = evidence_text(st)
    if text[m.start:m.end] != m.text:
        return False
    body, goes_on, run = _tail()
    if run.match(text, m.end) and not name_types(m.key):
        return True
    return body.search(m.key) is not None and goes_on.match(text, m.end) is not None


def without_cut_names(statements: list[Statement], subject: str,
                      index: Callable[[], Mapping[str, Mention]]) -> list[Statement]:
    """The statements less those with an end whose name a possessor before it, a post's word or a name's rest after it cuts short
    (the subject aside); `index` gives the article's names of entities (Context.index), asked only of such an end."""
    return [st for st in statements
            if not any(m.key != subject and (_cut(st, m, o, index) or _post_cut(st, m) or _tail_cut(st, m))
                       for m, o in ((st.subject, st.obj), (st.obj, st.subject)) if isinstance(m, Mention))]
