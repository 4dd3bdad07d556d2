"""A table's years that date the subject's members only from its founding on (a league's seasons of champions)."""
from __future__ import annotations

from dataclasses import replace
from functools import cache

from wikikg.kb.sections import sections
from wikikg.model import DateValue, Statement


def since_founding(statements: list[Statement], subject: str, founded: DateValue | None) -> list[Statement]:
    """The statements, a `since_founding` spec's row dated before the subject's founding undated, and every such
    row undated when the article gives no founding: a league's table of champions runs back through the
    competitions it replaced ("1932–33 | Foo FC" in a league founded in 2006), a season after it is one the club
    played in the league."""
    rules = _rules()
    return [replace(st, date=None, end_date=None) if st.rule in rules and st.date is not None and (
        founded is None or getattr(st.obj, "key", None) != subject or st.date.value[:4] < founded.value[:4]) else st
        for st in statements]


@cache
def _rules() -> frozenset[str]:
    """The table rules of sections.toml's `since_founding` specs (read once, not per article)."""
    return frozenset(spec.id.replace("list.", "table.") for spec in sections() if spec.since_founding)
