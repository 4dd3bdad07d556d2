"""Statements with an honour, a placeholder, a field or a ship at one end ("Order of Foo", "Vacant", "HMS Foo"), dropped."""
from __future__ import annotations

import re
from functools import cache

from wikikg.extract.classify import is_concept_title, split_title
from wikikg.extract.nonentities import is_event_word, is_field, is_honour, is_placeholder, is_vessel
from wikikg.kb.names import name_tables, subjectless_pages
from wikikg.model import Mention, Statement

_PLURAL = re.compile(r"[a-z]{2}(?<![su])s$")  # "[[NCAA Foo independent schools|Independent]]": a set's page, no one


@cache
def _clipped() -> re.Pattern:
    return re.compile(name_tables().clipped)


@cache
def _degrees() -> re.Pattern:
    return re.compile(name_tables().degrees)


def _no_entity(m: object) -> bool:
    """Whether a mention's name is an honour's or a placeholder's (names.toml [honours], [placeholders]): a link by
    its title ("[[Order of Foo|OBE]]", "[[Knight Bachelor]]", a common noun's plural: "[[Foo independent schools]]",
    a set's page, a degree's: "[[B.S.]]", a ship's: "[[HMS Foo]]", "[[Bar (1790 ship)]]"),
    an unlinked name by its words ("TBA", "Vacant", "O.S.B.", "USS Foo"), or an unlinked clipped word or name part
    alone ("Lab", "Ind.", "Jr.")."""
    if not isinstance(m, Mention):
        return False
    if m.linked:
        label, qualifier = split_title(m.key)
        return is_honour(label) or is_placeholder(label) or is_concept_title(m.key) and bool(_PLURAL.search(label)) \
            or bool(_degrees().match(label)) or is_vessel(label, qualifier)  # "[[B.S.]]": a degree; "[[HMS Foo
        # (1790)]]", "[[Bar (ship)]]": a ship
    return is_honour(m.key) or is_placeholder(m.key) or is_placeholder(m.text) or bool(_clipped().match(m.key.strip())) \
        or bool(_degrees().match(m.key.strip())) or is_event_word(m.key) or is_vessel(m.key)  # "chairman of the
    # Inquiry into ...": a name cut to its event's word


def without_nonentities(statements: list[Statement], subject: str) -> list[Statement]:
    """The statements less those relating or typing a name that names no entity (the article's subject aside: its
    own box and lead say what it is): a table's "| Vacant ||" is nobody, "a Member of the [[Order of Foo]]" no
    member of a body, a list's "* [[Knight Bachelor]]" no organisation. A page of many or an event's page ("List of
    tallest buildings in Fooville", "Murder of Jane Roe") is itself at no end: its rows are no offices of it, and the
    victim's school is not the event's."""
    listed = bool(subjectless_pages().match(subject))  # its cast is still mentioned in it
    return [st for st in statements
            if not any((m.key != subject and (_no_entity(m) or _field(st, m)))
                       or (listed and m.key == subject and st.predicate != "mentionedIn")
                       for m in (st.subject, st.obj) if isinstance(m, Mention))]


def _field(st: Statement, m: Mention) -> bool:
    """An end named by a field's words alone, linked or not ("* Real Estate" or "* [[Human Resources]]" in a staff
    list, "education = Nursing"): no person and no school; not a link qualified ("[[Data (Foo series)]]": a
    character's); but a unit named by its field is a part ("the Academy's divisions: * Health Sciences")."""
    return is_field(m.key) and not (st.predicate == "subsidiaryOf" and m is st.subject)  # a qualified link's key is
    # no field's
