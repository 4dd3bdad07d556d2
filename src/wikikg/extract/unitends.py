"""Fact ends named by a unit's kind alone ("the Classics Department"): the body the text names as its own, or none."""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import cache

from wikikg.extract.cast import MENTIONS
from wikikg.extract.classify import name_types
from wikikg.extract.cutnames import POSSESSOR, evidence_text
from wikikg.extract.known import SHAPE
from wikikg.extract.unitof import unit_patterns
from wikikg.kb.names import name_tables
from wikikg.kb.vocabulary import org_classes
from wikikg.model import Mention, Statement

# The ends a person's post or membership is read into: a unit's kind alone names no body there ("professor at the
# Faculty of Theology"); a unit listed as a body's part keeps its name ("Faculties: * Faculty of Law").
_AT_OBJECT = frozenset({"affiliatedWith", "memberOf"})
_AT_SUBJECT = frozenset({"keyPerson"})
_NAME = r"[A-Z][\w.&'’-]*(?:\s+(?:(?:of|the|and|for|de|at)\s+)*[A-Z][\w.&'’-]*)*"
_AFTER = re.compile(rf"(?:\s+(?:at|of|in)|,)\s+(?:the\s+)?(?P<who>{_NAME})")  # "... Department at Foo University",
# "Chair of the Department of Astronomy, Foo University"
_BEFORE = re.compile(rf"\b(?:its|their)\s+$|{POSSESSOR.pattern}")  # "its Faculty of Law", "Foo University's Faculty of Law"


@cache
def _bare_unit() -> re.Pattern:
    t = name_tables()
    field = "|".join(map(re.escape, sorted(t.unit_fields, key=len, reverse=True)))
    fields = rf"(?:{field})(?:(?:\s*,\s*|\s+(?:and|&)\s+)(?:{field}))*"
    kind = "|".join(map(re.escape, t.unit_kinds)) or "(?!)"
    bare = "|".join(map(re.escape, t.unit_bare)) or "(?!)"
    return re.compile(rf"(?:(?:{kind})\s+(?:of|for)\s+{fields}|{fields}(?:\s+(?:{kind}))?|{bare})")


def is_bare_unit(name: str) -> bool:
    """Whether a name is a unit's by its kind and discipline alone ("Classics Department", "Faculty of Theology",
    "School of Nursing"), its discipline alone ("Head of Drama") or its kind alone ("Students' Union"): names.toml
    [units]."""
    return bool(_bare_unit().fullmatch(name.strip()))


def _owned(st: Statement, m: Mention) -> bool:
    """Whether a possessor right before the unit says whose it is ("KCL's Department of Classics", "its Faculty of
    Arts"): the unit so named is one body's, an entity of its own."""
    text = evidence_text(st)
    return m.start >= 0 and text[m.start:m.end] == m.text \
        and _BEFORE.search(text, max(0, m.start - 80), m.start) is not None


def _parent(st: Statement, m: Mention, index: Mapping[str, Mention]) -> Mention | None:
    """The body the sentence names as the unit's right after it ("the Classics Department at Foo University"), when
    the article or the name's shape types it as an organisation."""
    text = evidence_text(st)
    if m.start < 0 or text[m.start:m.end] != m.text or (hit := _AFTER.match(text, m.end)) is None:
        return None
    s, name = hit.start("who"), hit["who"].rstrip(".")
    known = index.get(name)
    if known is not None and known.types & org_classes():
        return replace(known, text=name, start=s, end=s + len(name))
    types = name_types(name)
    if known is None and types & org_classes():
        return Mention(name, name, False, types, start=s, end=s + len(name), strength=SHAPE)
    return None


def _end(st: Statement) -> Mention | None:
    """The fact's end a person's post or membership names (or the cast's entity), when a unit's bare name is
    written there."""
    m = st.obj if st.predicate in _AT_OBJECT | {MENTIONS} else st.subject if st.predicate in _AT_SUBJECT else None
    return m if isinstance(m, Mention) and not m.linked and is_bare_unit(m.key) else None


def with_unit_parents(statements: list[Statement], subject: Mention,
                      index: Callable[[], Mapping[str, Mention]] | None) -> list[Statement]:
    """The statements with a unit's bare name at a post's or a membership's end: kept when a possessor says whose
    unit it is ("Head of Foo University's Department of Classics"), read as the body named after it ("chair of the
    Classics Department at Foo University": a post at Foo University, whose head the department's is not), dropped
    when nothing names its body; the cast records no such unit but a body's own ("Faculty of Music" in a
    university's article). `index` gives the article's names of entities
    (Context.index), asked only of such an end; None where there is no sentence (the box)."""
    out, own = [], subject.strength > 0 and bool(subject.types & org_classes())  # not a default's Organization
    for st in statements:
        m = _end(st)
        if m is None or m.key == subject.key or _owned(st, m) or st.predicate == MENTIONS and own:
            part = _own_unit(st, m, subject, index) if m is not None and st.predicate == MENTIONS else None
            out += [replace(st, obj=part.subject), part] if part is not None else [st]
            continue
        if st.predicate == MENTIONS:
            continue  # no entity to record as mentioned ("the Faculty of Law" in a biography)
        parent = _parent(st, m, index()) if index is not None else None
        if parent is None:
            continue
        if st.predicate in _AT_SUBJECT and isinstance(st.obj, Mention) and parent.key != st.obj.key:
            out.append(replace(st, subject=st.obj, predicate="affiliatedWith", obj=parent,  # a post at the body
                               rule=st.rule + "+affiliation", event="Affiliation"))
        elif st.predicate in _AT_OBJECT and parent.key != st.subject.key:
            out.append(replace(st, obj=parent))
    return out


_ITS = re.compile(r"(?i)\b(?:its|their|the\s+(?:university|college)['’]s)\s+$")  # "its Faculty of Arts"


def _own_unit(st: Statement, m: Mention, subject: Mention, index: Callable[[], Mapping[str, Mention]] | None) -> Statement | None:
    """A university's own unit named by its kind and discipline in the university's article ("The Faculty of Music at
    Laurier is ...", "the Department of Psychology"): a part of the university, on the sentence that names it; not one
    a possessor or a name after it gives another body ("Foo University's Faculty of Law", "the Faculty of Law of Foo
    University"), nor a kind alone ("Students' Union"). A unit's "Department of" shape types no government agency here."""
    if "University" not in subject.types or subject.strength <= 0 or index is None or not (pats := unit_patterns()) \
            or not pats[0].match(m.key):
        return None
    text = evidence_text(st)
    if _owned(st, m) and not _ITS.search(text, max(0, m.start - 40), m.start):
        return None
    if (parent := _parent(st, m, index())) is not None and parent.key != subject.key:
        return None
    unit = replace(m, types=frozenset({"Organization"})) if "GovernmentAgency" in m.types else m
    return Statement(unit, "subsidiaryOf", subject, "subsidiary.own-unit", st.evidence)
