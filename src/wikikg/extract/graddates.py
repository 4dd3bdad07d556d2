"""A schooling dated by the graduation the next sentence tells: "She attended ⟦X⟧. She graduated in 1965"."""
from __future__ import annotations

import re
from dataclasses import replace

from wikikg.extract.dates import find_dates, parse_date
from wikikg.model import Evidence, Mention, ParsedArticle, Statement

# the next sentence opens with the graduation of the one the school's sentence was about, naming no school: "He
# graduated in 1959", "She graduated with a degree in history in 1976", "They graduated in 1965, and married"; not "He
# graduated from ⟦Y⟧ in 1972" (another school's, or its own fact), nor "graduated from high school in 1950"
_GRADUATED = re.compile(r"(?:He|She|They)\s+(?:later\s+|eventually\s+|then\s+)?graduated\b"
                        r"(?P<mid>(?:\s+(?!from\b|at\b)[\w'’-]+){0,10}?)\s+in\s+(?=\d{4}\b)")
_NOT_SCHOOLING = re.compile(r"\b(?:from|at|school|college|university|academy|institute|seminary)\b", re.I)


def dated_by_graduation(statements: list[Statement], article: ParsedArticle) -> list[Statement]:
    """An undated schooling that a sentence tells with no date at all and naming one school, dated by the year of
    the graduation the next sentence of the paragraph tells ("attended ⟦X⟧ together in their hometown. They
    graduated in 1965."): the same fact once more, its evidence both sentences (a schooling is dated by its
    entry or its graduation: tests/gold/README.md)."""
    dated = {(st.subject.key, st.obj.key) for st in statements
             if st.predicate == "educatedAt" and st.date is not None and isinstance(st.obj, Mention)}
    schools: dict[int, set[str]] = {}  # a sentence's start -> the schools its schoolings name
    for st in statements:
        if st.predicate == "educatedAt" and isinstance(st.obj, Mention):
            schools.setdefault(st.evidence.start, set()).add(st.obj.key)
    at = {s.start: s for s in article.sentences}
    out, have = [], set()
    for st in statements:
        key = (st.subject.key, st.obj.key) if isinstance(st.obj, Mention) else None
        if st.predicate != "educatedAt" or key is None or key in dated or key in have or st.attributed_to is not None \
                or st.rule.startswith(("infobox.", "list.", "table.")) or len(schools[st.evidence.start]) != 1:
            continue
        first = at.get(st.evidence.start)
        if first is None or first.item or find_dates(first.text) or first.index + 1 >= len(article.sentences):
            continue  # a sentence that gives a date the rule did not take for the schooling's: no other date for it
        nxt = article.sentences[first.index + 1]
        m = _GRADUATED.match(nxt.text)
        if nxt.item or nxt.paragraph != first.paragraph or m is None or _NOT_SCHOOLING.search(m.group("mid")) \
                or any(ln.start < m.end() for ln in nxt.links):
            continue
        found = find_dates(nxt.text[m.end():m.end() + 20])
        if not found or found[0][0] != 0 or (date := parse_date(nxt.text[m.end():m.end() + found[0][1]])) is None:
            continue
        have.add(key)
        both = Evidence(article.text[first.start:nxt.end], first.section, first.start, nxt.end,
                        f"{first.text} {nxt.text}")
        out.append(replace(st, rule=f"{st.rule}+graduation", evidence=both, date=date, end_date=None))
    return out
