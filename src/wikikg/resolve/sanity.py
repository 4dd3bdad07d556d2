"""Sanity before emission: a statement whose ends are one entity states nothing and is dropped."""
from __future__ import annotations

from wikikg.model import Entity, Mention, Statement


def admissible(st: Statement, entities: dict[tuple[str, bool], Entity]) -> bool:
    """Whether a resolved statement may be emitted: its subject and object are different entities."""
    s, o = st.subject, st.obj
    if isinstance(s, Mention) and isinstance(o, Mention) and (s.key, s.linked) == (o.key, o.linked):
        return False
    return True
