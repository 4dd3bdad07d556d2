"""Tests for wikikg.extract.dates: the cases in tests/cases/dates.toml, parse_date, find_dates."""
from __future__ import annotations

import datetime
import tomllib
from pathlib import Path

import pytest

from wikikg.extract.dates import find_dates, parse_date, section_year, sentence_date
from wikikg.model import DateValue

CASES_FILE = Path(__file__).resolve().parent / "cases" / "dates.toml"
with open(CASES_FILE, "rb") as _f:
    CASES = tomllib.load(_f)["case"]

DATATYPES = {4: "gYear", 7: "gYearMonth", 10: "date"}


def previous_of(case: dict) -> DateValue | None:
    if "previous" not in case:
        return None
    value = case["previous"]
    return DateValue(value, DATATYPES[len(value)])


def test_case_file_is_well_formed():
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names)) and len(CASES) >= 20
    known = {"name", "text", "previous", "section_year", "value", "datatype", "none"}
    for c in CASES:
        assert set(c) <= known, c["name"]
        assert c.get("none") is True or {"value", "datatype"} <= set(c), c["name"]
        assert not (c.get("none") and "value" in c), c["name"]
        if "previous" in c:
            assert len(c["previous"]) in DATATYPES


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_sentence_date(case):
    got = sentence_date(case["text"], previous_of(case), case.get("section_year"))
    if case.get("none"):
        assert got is None
    else:
        assert got == DateValue(case["value"], case["datatype"])


def test_before_prefers_dates_ahead_of_the_trigger():
    text = "It grew in 2019, it said on 5 March 2020."
    assert sentence_date(text, None, None) == DateValue("2019", "gYear")
    assert sentence_date(text, None, None, before=text.index("it said")) == DateValue("2019", "gYear")
    later = "It said on 5 March 2020 that it grew in 2019."
    assert sentence_date(later, None, None, before=later.index("grew")) == DateValue("2020-03-05", "date")


def test_previous_year_is_the_context_for_a_partial_date():
    got = sentence_date("In December, it grew.", DateValue("2019-05", "gYearMonth"), 2018)
    assert got == DateValue("2019-12", "gYearMonth")


@pytest.mark.parametrize("text,value,datatype", [
    ("October 2014", "2014-10", "gYearMonth"),
    ("Oct. 2014", "2014-10", "gYearMonth"),
    ("20 September 2018", "2018-09-20", "date"),
    ("20th of September 2018", "2018-09-20", "date"),
    ("September 20, 2018", "2018-09-20", "date"),
    ("2019-10-07", "2019-10-07", "date"),
    ("2019-10", "2019-10", "gYearMonth"),
    ("7 October 2019", "2019-10-07", "date"),
    ("2014", "2014", "gYear"),
    ("founded in 1851", "1851", "gYear"),
    ("9 July (no year) and later 2021", "2021", "gYear"),
])
def test_parse_date(text, value, datatype):
    assert parse_date(text) == DateValue(value, datatype)


@pytest.mark.parametrize("text", ["no date here", "9 July", "in the 2010s", "$2,016", "",
                                  "12 employees", "32 May 2019"])
def test_parse_date_without_a_complete_date(text):
    assert parse_date(text) is None


@pytest.mark.parametrize("text", ["31 February 2019", "31 April 2020"])
def test_parse_date_never_gives_an_impossible_day(text):
    got = parse_date(text)
    if got is not None and got.datatype == "date":
        datetime.date.fromisoformat(got.value)  # raises on an impossible calendar date


def test_find_dates_positions_and_parts():
    text = "Founded in October 2014, listed 30 December 2021 and sold 2,000 units in 2019."
    found = find_dates(text)
    assert [(text[s:e], y, m, d) for s, e, y, m, d in found] == [
        ("October 2014", 2014, 10, None), ("30 December 2021", 2021, 12, 30), ("2019", 2019, None, None)]


def test_find_dates_partial_dates_have_no_year():
    text = "In March it grew; on 9 July it fell."
    found = find_dates(text)
    assert [(y, m, d) for _s, _e, y, m, d in found] == [(None, 3, None), (None, 7, 9)]
    assert [text[s:e] for s, e, *_ in found][1] == "9 July"


def test_find_dates_do_not_overlap():
    text = "On 20 September 2018 and in May 2019 and 2020-01-02, it grew; also 2021."
    found = find_dates(text)
    assert [e - s for s, e, *_ in found] == [len("20 September 2018"), len("May 2019"),
                                             len("2020-01-02"), len("2021")]
    assert all(a[1] <= b[0] for a, b in zip(found, found[1:], strict=False))


@pytest.mark.parametrize("section,year", [
    ("History / 2017", 2017),
    ("2014", 2014),
    ("History / 2010s", None),
    ("2010s", None),
    ("History", None),
    ("", None),
    ("History / 2014–2016", None),  # a period: its facts may fall in any of its years
    ("History / 2014–2012", None),
    ("History (1990–2000) / Growth", 2000),
    ("History / 2010s / 2015", 2015),
    ("History / Founding and development until 1900", None),  # a period up to a year: its facts are earlier
    ("Life before 1603", None),
    ("History / To 1989", None),
    ("Pre-1933 link", None),
    ("Post 2008 election", None),
    ("History / 1988 election", 1988),
    ("Return to Fooville / 1995", 1995),
])
def test_section_year(section, year):
    assert section_year(section) == year


def test_skipping_patterns_finds_what_every_pattern_finds():
    """_find_dates skips the patterns whose words (a month's name before no word character, a year's
    digits) a text lacks; running every pattern gives the same dates."""
    import random

    from wikikg.extract import dates

    def every_pattern(text):
        taken, out = [], []
        for pat in dates._PATTERNS:
            for m in pat.finditer(text):
                s, e = m.span()
                if any(s < te and ts < e for ts, te in taken):
                    continue
                y, mo, d = dates._groups(m)
                if y is None and mo is None:
                    continue
                taken.append((s, e))
                out.append((s, e, y, mo, d))
        return tuple(sorted(out))

    rng = random.Random(4)
    words = ["May", "may", "mayor", "March", "market", "Jan.", "Jan", "Sept.", "JUNE", "junior", "mid-", "mid",
             "in", "the", "early", "of", "5", "21st", "2014", "1999", "2014-05", "2014-05-06", ",", ".", " ", "_",
             "Dec", "decided", "Octopus", "Oct2", "and", "or", "to"]
    for _ in range(4000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 8))).replace(" ,", ",")
        assert dates._find_dates.__wrapped__(text) == every_pattern(text), text


def test_month_patterns_tried_only_where_a_month_may_start():
    """The patterns that open with a month's name are tried only where the folded text holds a month's
    first three letters, and the month test only there: the same matches as finditer and search."""
    import random

    from wikikg.extract import dates
    from wikikg.kb.prefilter import fold

    rng = random.Random(7)
    words = ["May", "mAY", "Janov", "junov", "ſept", "ſeptember", "SEPT.", "İan", "Dec", "dec.", "decnov", "March",
             "marchapr", "5", "21st", "2014", "of", ",", ".", " ", "  ", "x", "é", "\n", "Oct", "october", "1999", "–", "-", "and", "or"]
    opening = [p for p, _k, _m, opens in dates._KEYED if opens == "month"]
    assert len(opening) == 6  # "May 2014", "May 5, 2014", "May–June 2014", "May and June 2014", "May or June 2014", "in May"
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(["", " ", " ", ", "]) for _ in range(rng.randint(0, 8)))
        starts = dates._month_starts(fold(text))
        assert any(dates._MONTH_WORD.match(text, p) for p in starts) == (dates._MONTH_WORD.search(text) is not None)
        for pat in opening:
            assert [m.span() for m in dates.matches_at(pat, text, starts)] == \
                [m.span() for m in pat.finditer(text)], (pat.pattern, text)


def test_number_patterns_tried_only_where_digits_start():
    """The patterns that open with a day or a year are tried only where a run of digits starts: the same
    matches as finditer, whatever stands before the digits (a letter, "$", "1,", a digit of another script)."""
    import random

    from wikikg.extract import dates

    rng = random.Random(11)
    words = ["May", "5", "21st", "3rd", "2014", "1999", "12015", "2010-11", "2014-05-06", "2014-05-", "1850", "20",
             "of", "in", "$", "£", "€", "1,", "1.", "x", "_", "-", " ", ", ", "%", "٣", "٢٠١٤", "million", "Dec.", "\n"]
    numbered = [p for p, _k, _m, opens in dates._KEYED if opens == "number"]
    assert len(numbered) == 5
    for _ in range(6000):
        text = "".join(rng.choice(words) + rng.choice(["", " ", " ", ", "]) for _ in range(rng.randint(0, 9)))
        numbers = [m.start() for m in dates._DIGITS.finditer(text)]
        for pat in numbered:
            assert [m.span() for m in dates.matches_at(pat, text, numbers)] == \
                [m.span() for m in pat.finditer(text)], (pat.pattern, text)


@pytest.mark.parametrize("tail,date", [
    (", who assumed office on October 28, 2009.", "2009-10-28"),  # the holder's clause dates the post
    (", who took office in May 2011, of the Freedonian Party.", "2011-05"),
    (" of the Freedonian Party.", None),  # "the current minister": present, no date
    (", who was born in 1950.", None),  # not when the post began
])
def test_a_post_s_holder_clause_dates_the_fact(tail, date):
    """sentences._date: "The current minister is X, who took office on DATE" is dated, "The current minister is X" not."""
    from wikikg.model import Article
    from wikikg.pipeline.stages import extract_article

    text = ("'''Ministry of Culture of Freedonia''' is a ministry of [[Freedonia]]. "
            f"The current minister of culture is [[Jane Roe]]{tail}")
    got = {getattr(st.date, "value", None) for st in extract_article(Article("Ministry of Culture of Freedonia", text, "case",
                                                                              "wikitext")).statements
           if st.predicate == "keyPerson" and st.obj.key == "Jane Roe"}
    assert got == {date}


@pytest.mark.parametrize("start,end,year", [
    ("1999", "00", "2000"),  # the next century's
    ("1995", "02", "2002"),
    ("2006", "7", "2007"),
    ("1998", "2003", "2003"),
    ("1987", "89", "1989"),
])
def test_a_range_s_short_end_is_completed_from_its_start(start, end, year):
    """One helper completes a short end year for tables' "1999–00" and a prose term's "from 2006-7"."""
    from wikikg.extract.dates import range_end

    assert range_end(start, end) == year
