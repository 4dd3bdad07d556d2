"""Sanity before emission: the ontology's domain and range, and no entity related to itself."""
from __future__ import annotations

from wikikg.extract.cast import MENTIONS, RULE
from wikikg.kb.vocabulary import admitted_objects, admitted_subjects
from wikikg.model import Entity, Mention, Statement


def _fits(m: Mention, allowed: frozenset[str], entities: dict[tuple[str, bool], Entity]) -> bool:
    """Whether the resolved entity of `m` has a class the property admits (any, when none is declared)."""
    if not allowed:
        return True
    entity = entities.get((m.key, m.linked))
    types = entity.types if entity is not None else m.types
    return bool(types & allowed)


def admissible(st: Statement, entities: dict[tuple[str, bool], Entity]) -> bool:
    """Whether a resolved statement may be emitted: its subject and object are different entities, and
    their resolved classes fit the rdfs:domain and rdfs:range wikikg.ttl declares for the property
    ("a province subsidiaryOf its country" is refused: a Place is not an Organization)."""
    s, o = st.subject, st.obj
    if isinstance(s, Mention) and isinstance(o, Mention) and (s.key, s.linked) == (o.key, o.linked):
        return False
    if st.predicate == MENTIONS:  # a cast record, not a fact: graph.py writes it as entity -> evidence
        return True
    if isinstance(s, Mention) and not _fits(s, admitted_subjects(st.predicate), entities):
        return False
    if isinstance(o, Mention) and not _fits(o, admitted_objects(st.predicate), entities):
        return False
    return True


def recast(refused: list[Statement], kept: list[Statement], subject: Mention,
           entities: dict[tuple[str, bool], Entity]) -> list[Statement]:
    """The cast records of the entities only refused statements named: the extractors' cast left out what a
    fact held ("partnered with [[Jane Roe]]": a person is no partner under the ontology's range), so an entity of
    a known class would vanish with its refused fact; it is kept as mentioned, with that fact's sentence as
    evidence, as the cast would have recorded it; not one typed by nothing but a rule's default (it would be
    written with no class: "a deal with [[Foo]]" refused for a person's partner names no known body)."""
    if not refused:
        return []
    held = {(m.key, m.linked) for st in kept for m in (st.subject, st.obj, st.attributed_to) if isinstance(m, Mention)}
    held.add((subject.key, subject.linked))
    cast = admitted_subjects(MENTIONS)
    out = []
    for st in refused:
        for m in (st.subject, st.obj):
            entity = entities.get((m.key, m.linked)) if isinstance(m, Mention) else None
            if entity is not None and not entity.assumed and entity.types & cast and (m.key, m.linked) not in held:
                held.add((m.key, m.linked))
                out.append(Statement(subject, MENTIONS, m, RULE, st.evidence))
    return out
