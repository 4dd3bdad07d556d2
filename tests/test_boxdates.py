"""Tests for wikikg.extract.boxdates: the dates an infobox's date field gives each value of its field."""
from __future__ import annotations

from wikikg.extract.infobox import extract_infobox
from wikikg.model import Article, Mention
from wikikg.parse import parse_article

# the "years" lines do not pair with the "clubs" lines (a loan's italics split a line in two): only the first club
# takes the first line's years, no other club takes them
_MISALIGNED = """{{Football player infobox
| playername = John Smith
| years = [[1999]]–[[2006]]</br>[[2004]]</br>[[2006]]-
| clubs = [[Fooville United F.C.|Fooville United]]</br>[[Barton Town F.C.|Barton Town]] (''loan'')</br>[[Bazford F.C.|Bazford]]
}}
'''John Smith''' (born 1982) is a footballer."""


def test_years_that_do_not_pair_with_the_clubs_date_the_first_club_only():
    article = parse_article(Article("John Smith", _MISALIGNED, "case", "wikitext"))
    subject = Mention(text="John Smith", key="John Smith", linked=True, types=frozenset({"Person"}))
    got = {st.obj.key: st.date.value if st.date else "" for st in extract_infobox(article, subject)
           if st.predicate == "memberOf"}
    assert got == {"Fooville United F.C.": "1999", "Barton Town F.C.": "", "Bazford F.C.": ""}


# a youth spell whose start the infobox does not give ("–2003"): its end is no start
_YOUTH_END = """{{Infobox football biography
| name = John Smith
| youthyears1 = –2003
| youthclubs1 = [[Fooville United F.C.|Fooville United]]
| years1 = 2003–2006
| clubs1 = [[Barton Town F.C.|Barton Town]]
}}
'''John Smith''' (born 1985) is a footballer."""


def test_an_end_year_alone_dates_no_spell():
    article = parse_article(Article("John Smith", _YOUTH_END, "case", "wikitext"))
    subject = Mention(text="John Smith", key="John Smith", linked=True, types=frozenset({"Person"}))
    got = {st.obj.key: st.date.value if st.date else "" for st in extract_infobox(article, subject)
           if st.predicate == "memberOf"}
    assert got == {"Fooville United F.C.": "", "Barton Town F.C.": "2003"}
