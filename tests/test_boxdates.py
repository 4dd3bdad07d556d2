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
