"""Tests for wikikg.extract.termdates: a term right after a party's name dates the subject's fact."""
from __future__ import annotations

from wikikg.model import Article, Mention
from wikikg.pipeline.stages import extract_article

_SEASONS = """'''Foo BK''' is a basketball club. It is currently playing in the [[Bar League]], previously have played in \
[[Baz Basketball League]] (since 2005) and [[Qux League]].

== Season by season ==
{| class=wikitable
! Season !! Tier !! League !! Pos.
|-
| 2011–12 || 1 || [[Baz Basketball League|BBL]] || 7th
|}"""


def _dates(text: str, title: str, s: str, p: str, o: str) -> set[str]:
    result = extract_article(Article(title, text, "case", "wikitext"))
    return {st.date.value if st.date else "" for st in result.statements
            if isinstance(st.obj, Mention) and (st.subject.key, st.predicate, st.obj.key) == (s, p, o)}


def test_an_earlier_term_dates_a_fact_a_table_dates_later():
    """"(since 2005)" after the league's name, and a seasons table from 2011: the membership began in 2005."""
    assert {"2005", "2011"} <= _dates(_SEASONS, "Foo BK", "Foo BK", "memberOf", "Baz Basketball League")


def test_a_later_term_adds_no_date_to_a_fact_dated_earlier():
    """A term that begins after the date the article already gives the fact adds nothing."""
    text = _SEASONS.replace("(since 2005)", "(since 2015)")
    assert "2015" not in _dates(text, "Foo BK", "Foo BK", "memberOf", "Baz Basketball League")
