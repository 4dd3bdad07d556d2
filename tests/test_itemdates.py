"""extract/itemdates.py: the dates a list item gives after its name."""
from __future__ import annotations

import pytest

from wikikg.extract.itemdates import item_dates


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
])
def test_an_items_dates(rest, start, end):
    got_start, got_end = item_dates(rest)
    assert (got_start.value if got_start else None, got_end.value if got_end else None) == (start, end)
