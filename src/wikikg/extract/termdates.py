"""Dates a sentence gives an undated fact by a term right after its other party ("at [[X]] from 1984 until 2000")."""
from __future__ import annotations

import re
from dataclasses import replace

from wikikg.model import DateValue, Evidence, Mention, ParsedArticle, Statement

# right after the party's name: "from 1984 until 2000", "from 1992 to 2005"; or, after an organisation's
# name only, "(since 2005)", "(2011–2016)" (after a person's name such a note is as often a lifespan)
_FROM_TO = re.compile(r"\s*,?\s*from\s+(\d{4})\s+(?:to|until|till|through)\s+(\d{4}|the\s+present|present)\b")
_NOTE = re.compile(r"\s*\((?:since\s+(\d{4})|(\d{4})\s*[–—-]\s*(\d{4}|present)?)\)")
# the facts a post or a membership makes, whose term the sentence gives
_TERMED = frozenset({"affiliatedWith", "keyPerson", "memberOf", "educatedAt"})


def _terms(article: ParsedArticle, name: str, target: str, person: bool) -> set[tuple[str, str | None]]:
    """The (start, end) years the article's sentences give right after the party's link or name."""
    out = set()
    for s in article.sentences:
        ends = [ln.end for ln in s.links if ln.target == target]
        p = s.text.find(name) if name else -1
        while p >= 0:
            ends.append(p + len(name))
            p = s.text.find(name, p + 1)
        for end in ends:
            if m := _FROM_TO.match(s.text, end):
                out.add((m.group(1), m.group(2) if m.group(2).isdigit() else None, s.index))
            elif not person and (m := _NOTE.match(s.text, end)):
                start, until = m.group(1) or m.group(2), m.group(3)
                out.add((start, until if until and until.isdigit() else None, s.index))
    return out


def dated_by_term(statements: list[Statement], article: ParsedArticle, subject: str) -> list[Statement]:
    """An undated post, membership or schooling of the article's subject that a sentence dates by the
    term it gives right after the other party's name, one term in all the article: the same fact once
    more, on that sentence ("Vice-Chancellor of the [[University of Foo]] from 1992 to 2005")."""
    out, have = [], set()
    dated = {(st.subject.key, st.predicate, st.obj.key) for st in statements
             if st.date is not None and isinstance(st.obj, Mention)}
    for st in statements:
        if st.predicate not in _TERMED or st.date is not None or not isinstance(st.obj, Mention) \
                or st.attributed_to is not None:
            continue
        key = (st.subject.key, st.predicate, st.obj.key)
        if key in dated or key in have or subject not in (st.subject.key, st.obj.key) or st.subject.key == st.obj.key:
            continue
        other = st.obj if st.subject.key == subject else st.subject
        terms = _terms(article, other.key, other.key, "Person" in other.types)
        if len({(a, b) for a, b, _ in terms}) != 1:
            continue
        start, end, index = min(terms)
        have.add(key)
        out.append(replace(st, evidence=Evidence.of_sentence(article.sentences[index]), rule=f"{st.rule}+term",
                           date=DateValue(start, "gYear"), end_date=DateValue(end, "gYear") if end else None,
                           citations=()))
    return out
