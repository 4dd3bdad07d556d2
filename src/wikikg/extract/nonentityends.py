"""Statements with an honour, a placeholder, a field or a ship at one end ("Order of Foo", "Vacant", "HMS Foo"), dropped."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from wikikg.extract.classify import is_concept_title, split_title
from wikikg.extract.cutnames import evidence_text
from wikikg.extract.nonentities import is_event_word, is_field, is_honour, is_placeholder, is_vessel
from wikikg.kb.names import legal_suffixes, name_tables, subjectless_pages
from wikikg.model import Mention, Statement

_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_PLURAL = re.compile(r"[a-z]{2}(?<![su])s$")  # "[[NCAA Foo independent schools|Independent]]": a set's page, no one


@cache
def _clipped() -> re.Pattern:
    return re.compile(name_tables().clipped)


@cache
def _degrees() -> re.Pattern:
    return re.compile(name_tables().degrees)


@cache
def _heads() -> frozenset[str]:
    """A body's head words and legal forms, which alone name none: names.toml [and_names], [possessive] heads, [legal]."""
    t = name_tables()
    return frozenset(t.and_heads) | frozenset(t.possessive_heads) | frozenset(legal_suffixes(ambiguous=False))


def _no_entity(m: object) -> bool:
    """Whether a mention's name is an honour's or a placeholder's (names.toml [honours], [placeholders]): a link by
    its title ("[[Order of Foo|OBE]]", "[[Knight Bachelor]]", a common noun's plural: "[[Foo independent schools]]",
    a set's page, a degree's: "[[B.S.]]"), an unlinked name by its words ("TBA", "Vacant", "O.S.B."), or an
    unlinked clipped word or name part alone ("Lab", "Ind.", "Jr.")."""
    return isinstance(m, Mention) and _named_no_entity(m.linked, m.key, m.text)


@lru_cache(maxsize=8192)  # a mention is at an end of several statements, of several steps
def _named_no_entity(linked: bool, key: str, text: str) -> bool:
    """_no_entity of a mention by its three fields that decide it."""
    if linked:
        label = split_title(key)[0]
        return is_honour(label) or is_placeholder(label) or is_concept_title(key) and bool(_PLURAL.search(label)) \
            or bool(_degrees().match(label))  # "[[B.S.]]", "[[MBA]]": a degree
    return is_honour(key) or is_placeholder(key) or is_placeholder(text) or bool(_clipped().match(key.strip())) \
        or bool(_degrees().match(key.strip())) or is_event_word(key) \
        or _post_only(key)  # "chairman of the Inquiry into ...": a name cut to its event's word; "Jane Roe, CFO.": a post


def _post_only(name: str) -> bool:
    """Whether an unlinked name is a post's words alone ("CFO.", "Managing Director": names.toml [roles]), a list
    item's or a box's role cut from its person's name, no one."""
    words = name.strip(" .,;:").split()
    t = name_tables()
    return bool(words) and all(w in _post_words() for w in words) and not all(w in t.role_modifiers for w in words)


@cache
def _post_words() -> frozenset[str]:
    """The words of posts and offices and their modifiers (names.toml [roles] words, heads, modifiers, offices)."""
    t = name_tables()
    return frozenset(w for ws in (t.roles, t.role_heads, t.role_modifiers, t.offices) for p in ws for w in p.split())


def without_nonentities(statements: list[Statement], subject: str) -> list[Statement]:
    """The statements less those relating or typing a name that names no entity (the article's subject aside: its
    own box and lead say what it is): a table's "| Vacant ||" is nobody, "a Member of the [[Order of Foo]]" no
    member of a body, a list's "* [[Knight Bachelor]]" no organisation. A page of many or an event's page ("List of
    tallest buildings in Fooville", "Murder of Jane Roe") is itself at no end: its rows are no offices of it, and the
    victim's school is not the event's."""
    listed = bool(subjectless_pages().match(subject))  # its cast is still mentioned in it
    out = []
    for st in statements:
        for m in (st.subject, st.obj):
            if not isinstance(m, Mention):
                continue
            if m.key != subject:
                ends = _end_kinds(m.linked, m.key, m.text)  # once per mention's fields, not per statement and step
                if ends & _NO_ENTITY or ends & _FIELD and not (st.predicate == "subsidiaryOf" and m is st.subject) \
                        or ends & _SHIP and not (st.predicate == "keyPerson" and m is st.subject) or _bare_head(st, m):
                    break
            elif listed and st.predicate != "mentionedIn":
                break
        else:
            out.append(st)
    return out


_NO_ENTITY, _FIELD, _SHIP = 1, 2, 4


@lru_cache(maxsize=8192)  # a mention is at an end of several statements, of several steps
def _end_kinds(linked: bool, key: str, text: str) -> int:
    """What a mention's three fields say it names, as bits: no entity (`_named_no_entity`); a field's words alone,
    linked or not ("* Real Estate" or "* [[Human Resources]]" in a staff list, "education = Nursing"): no person and
    no school, but a unit named by its field is a part ("the Academy's divisions: * Health Sciences"; a qualified
    link's key is no field's); a ship ("HMS Foo", "French frigate Bar", "[[Baz (1790 ship)]]"): no body its captain
    is affiliated with or a sailor a member of, but its commander is its key person ("commands = HMS Foo")."""
    label, qualifier = split_title(key) if linked else (key, None)
    return (_NO_ENTITY if _named_no_entity(linked, key, text) else 0) | (_FIELD if is_field(key) else 0) \
        | (_SHIP if is_vessel(label, qualifier) else 0)


def _bare_head(st: Statement, m: Mention) -> bool:
    """An unlinked end named by a body's head word or legal form alone, with no "the" before it ("Corporation
    Commissioner Jane Roe", "Chair of Corporation"): a name cut short, no body ("the Institute" stands for one)."""
    if m.linked or m.key != m.text or m.key not in _heads():
        return False
    text = evidence_text(st)
    return m.start < 0 or text[m.start:m.end] != m.text or not _THE_BEFORE.search(text[max(0, m.start - 5):m.start])

