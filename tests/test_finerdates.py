"""A fact dated by its year alone takes the finer date another sentence naming both its parties gives in that year."""
from __future__ import annotations

from wikikg.model import Article, Mention
from wikikg.pipeline.stages import extract_article


def _dates(title: str, text: str, predicate: str, obj: str) -> set[str]:
    result = extract_article(Article(title, text, "case", "wikitext"))
    return {st.date.value for st in result.statements if st.predicate == predicate and isinstance(st.obj, Mention)
            and st.obj.key == obj and st.date is not None and st.attributed_to is None}


def test_a_move_dated_by_its_year_takes_the_day_another_sentence_gives():
    text = ("'''Foo Air''' is an airline in [[Sweden]]. The old field closed in 1972 and Foo Air moved to "
            "[[Barby Airport]].\n\n==History==\nFoo Air moved from the old field to the [[Barby Airport]] on "
            "2 December 1972, when the former was closed.")
    assert _dates("Foo Air", text, "headquarteredIn", "Barby Airport") == {"1972", "1972-12-02"}


def test_an_end_in_that_year_is_not_the_fact_s_date():
    text = ("'''Foo Air''' is an airline in [[Sweden]]. The old field closed in 1972 and Foo Air moved to "
            "[[Barby Airport]].\n\n==History==\nFoo Air stayed at the [[Barby Airport]] until 2 December 1972.")
    assert _dates("Foo Air", text, "headquarteredIn", "Barby Airport") == {"1972"}


def test_two_finer_dates_in_that_year_leave_the_year():
    text = ("'''Foo Air''' is an airline in [[Sweden]]. The old field closed in 1972 and Foo Air moved to "
            "[[Barby Airport]].\n\n==History==\nFoo Air flew to the [[Barby Airport]] in March 1972 and again in "
            "May 1972.")
    assert _dates("Foo Air", text, "headquarteredIn", "Barby Airport") == {"1972"}


def test_the_club_that_lets_a_player_go_keeps_its_year():
    text = ("{{Infobox football biography\n| name = Jane Roe\n| years1 = 2003 | clubs1 = [[Foo City F.C.]]\n"
            "| years2 = 2003–2005 | clubs2 = [[Bar Town F.C.]]\n}}\n'''Jane Roe''' is an English footballer.\n\n"
            "==Career==\nOn 1 July 2003, [[Foo City F.C.]] transferred Roe to [[Bar Town F.C.]] for a fee.")
    assert _dates("Jane Roe", text, "memberOf", "Foo City F.C.") == {"2003"}
    assert _dates("Jane Roe", text, "memberOf", "Bar Town F.C.") == {"2003", "2003-07-01"}
