"""A statement's mentions, and statements with their mentions retyped by one function."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from wikikg.model import Mention, Statement


def mentions_of(st: Statement) -> tuple[Mention, ...]:
    """The statement's subject, and its object when that is a mention."""
    return (st.subject, st.obj) if isinstance(st.obj, Mention) else (st.subject,)


def retyped(statements: list[Statement], fn: Callable[[Mention], Mention]) -> list[Statement]:
    """Every statement with `fn` applied to its subject and its object mention; a statement `fn` leaves alone is kept."""
    out = []
    for st in statements:
        subject, obj = fn(st.subject), st.obj
        if isinstance(obj, Mention):
            obj = fn(obj)
        out.append(st if subject is st.subject and obj is st.obj else replace(st, subject=subject, obj=obj))
    return out
