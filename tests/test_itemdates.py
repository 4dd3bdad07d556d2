"""extract/itemdates.py: the dates a list item gives after its name."""
from __future__ import annotations

import pytest

from wikikg.extract.itemdates import TERM_LEAD, item_dates, lead_dates


@pytest.mark.parametrize("rest,start,end", [
    (", 1 May 1944 – 1 January 1946", "1944-05-01", "1946-01-01"),          # a unit's assignment
    (" (AAF-374), Barshire, 30 November 1943", "1943-11-30", None),          # a station's code and county first
    (", Fooville, Barshire, ca. 28 September 1944", "1944-09-28", None),     # two places, an approximate day
    (" (Res) (GSC) PA - June 2005", "2005-06", None),                        # post-nominals before the date
    (", President, 2005–2010", "2005", "2010"),                              # a post's years
    (" (1994–present)", "1994", None),
    (" (Chief Financial Officer), since 2018", "2018", None),
    (" (founded 1999), Fooville", None, None),                               # a year inside the note dates no item
    (", a town in Barshire since the 1990s", None, None),                    # a lower-case clause is no label
    (", Barshire, 16–18 December 1945", "1945-12-16", "1945-12-18"),         # a stay of a few days
    (", Barshire, on 14 Dec 1948–15 January 1959", "1948-12-14", "1959-01-15"),  # "on" before the date
    (" (later 127th Foo-Bar Group), 1 November 1952", "1952-11-01", None),   # a later name, however long
    (" (later Fooville Air Force Base, Bar Field), Barshire, on 22 September 1947", "1947-09-22", None),
    (", philosopher, 1966-1970.", "1966", "1970"),                           # a professor's post, then its years
    (", Freedonian politician, 1986-1988 and 1993-1999.", "1986", "1988"),   # the first of two terms
    (" (Jane Doe) - vocals (2007–present)", "2007", None),                   # a member's other name first
    (", philosopher, who wrote 1984.", None, None),                          # a year inside a clause: no term
    (" (regent, 2008–2009)", "2008", "2009"),                               # a post's qualifier, then its years
    (" (Faculty of Science, 1967)", "1967", None),                           # an alumnus's faculty and year
    (" (temporary) (2005–2006)", "2005", "2006"),                            # a note of its own first
    (" (28 February 1993 – April 2001)", "1993-02-28", "2001-04"),           # a term between full dates
    (" (April 2001 – 26 June 2004)", "2001-04", "2004-06-26"),
    (" (Nobel Prize in Chemistry, 1999)", None, None),                       # a prize's year is no term
    (" (born, 1950)", None, None),
    (" (formerly the High Institute of Foo) (1954)", "1954", None),         # a unit's earlier name first
    (", occurs 1281-1287", "1281", "1287"),                                  # a prior recorded in those years
    (", occurs 1336-7", "1336", None),                                       # a short end year is no date
    (", 1414", "1414", None),                                                # a year before 1500, closing the item
    (", occurs c. 1189", "1189", None),
    (", occurs 1512-1516", "1512", "1516"),
    (", fl. 1250", "1250", None),
    (", died 1414", None, None),                                             # a death is no term
    (", 1200 metres", None, None),                                           # a number before a word is no year
    (", occurs 1291 and 1306", None, None),
])
def test_an_items_dates(rest, start, end):
    got_start, got_end = item_dates(rest)
    assert (got_start.value if got_start else None, got_end.value if got_end else None) == (start, end)


@pytest.mark.parametrize("item,start,end", [
    ("1993-1997 [[Jane Roe]]", "1993", "1997"),
    ("2010 -   : [[Jane Roe]], president", "2010", None),     # still in office
    ("since 2009: [[Jane Roe]] (FP)", "2009", None),
    ("July 2015: [[Jane Roe]] voted in as president", "2015-07", None),
    ("14 June 1999: Jane Roe", "1999-06-14", None),
    ("1954 : [[Foo F.C.]]", None, None),                        # a bare year and a colon: a title's winner
    ("Fooville: [[Jane Roe]]", None, None),
    ("Before 1861: [[Jane Roe]], [[John Smith]]", None, None),  # a bound, not a post's start
    ("Until 1990: [[Jane Roe]]", None, None),
])
def test_a_posts_years_before_the_items_name(item, start, end):
    m = TERM_LEAD.match(item)
    got = lead_dates(m[m.lastindex]) if m else (None, None)
    assert tuple(d.value if d else None for d in got) == (start, end)


@pytest.mark.parametrize("text,start,end", [
    ("Col. [[Jane Roe|J. Roe]] (28 Aug 1941 - )", "1941-08-28", None),      # a commander's term, still open
    ("Col. Jane Roe (1 May 1943 – 2 June 1944)", "1943-05-01", "1944-06-02"),
    ("Col. Jane Roe ( - May 1943)", None, None),                            # only its end: no start
    ("Jane Roe (born 3 May 1950)", None, None),                             # a birth date is no term
    ("Jane Roe (3 May 1950, acting)", None, None),
])
def test_an_infobox_values_dated_note(text, start, end):
    from wikikg.extract.boxdates import held_years
    (got_start, got_end), = held_years(text, 1)
    assert (got_start.value if got_start else None, got_end.value if got_end else None) == (start, end)


@pytest.mark.parametrize("rest,person,start", [
    (" (1826–1910) - the second woman to earn a degree", True, None),   # a person's life, no post's term
    (", 1923–1948", True, "1923"),                                        # a president's 25 years
    (" (1826–1910)", False, "1826"),                                     # a company's years stay
])
def test_a_persons_life_dates_no_item(rest, person, start):
    got, _end = item_dates(rest, person)
    assert (got.value if got else None) == start
