"""Sanity before emission: the ontology's domain and range, and no entity related to itself."""
from __future__ import annotations

from wikikg.extract.cast import MENTIONS
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
