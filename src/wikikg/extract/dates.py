"""Dates in prose: absolute, partial and relative expressions, kept as precise as the text."""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from wikikg.extract.classify import name_types
from wikikg.kb.prefilter import any_of, fold, matches_at, required
from wikikg.model import DateValue

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")]
    )
    for m in names
}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"  # noqa: E501
_MON = _MONTH + r"\.?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_DATED_YEAR = r"(?:1\d\d\d|20\d\d)"  # a year a day and a month come with: earlier ones too ("December 2, 1409")
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

# Ordered: the most precise shapes first; each yields (year, month, day) groups by name.
_PATTERNS = [
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MON}),?\s+(?P<y>{_DATED_YEAR})\b", re.I),
    re.compile(rf"\b(?P<m>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>{_DATED_YEAR})\b", re.I),
    re.compile(rf"\b(?P<y>{_YEAR})-(?P<mn>\d\d)-(?P<d>\d\d)\b"),
    # "January–December 2004": a span of months, dated from its first
    re.compile(rf"\b(?P<m>{_MON})\s*[–—-]\s*{_MON},?\s+(?P<y>{_YEAR})\b", re.I),
    # "March and April 2010", "May to July 2015": two months and their year, dated from the first (from the second
    # when the first is later: "December and January 1943" runs from the year before); "March or April 2010":
    # either month, so the year alone
    re.compile(rf"\b(?P<m>{_MON}),?\s+(?:and|to|through|until|till)\s+(?P<m2>{_MON}),?\s+(?P<y>{_YEAR})\b", re.I),
    re.compile(rf"\b{_MON},?\s+or\s+{_MON},?\s+(?P<y>{_YEAR})\b", re.I),
    re.compile(rf"\b(?P<m>{_MON})(?:\s+of)?,?\s+(?P<y>{_YEAR})\b", re.I),
    re.compile(rf"\b(?P<y>{_YEAR})-(?P<mn>\d\d)\b(?!-)"),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MON})\b(?!\s+(?:of\s+)?{_YEAR})", re.I),
    re.compile(rf"\b(?P<m>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+{_YEAR})(?!\d)", re.I),
    re.compile(rf"\b(?:in|during|by|from|since|until|early|late|mid|of|on)\s+(?:the\s+)?(?:(?:early|late|mid)-?\s*)?(?P<m>{_MON})\b(?!\s+\d)", re.I),  # noqa: E501
    re.compile(rf"(?<![\d$£€¥])(?<![\d][,.])\b(?P<y>{_YEAR})\b(?![\d%])(?![.,]\d)(?!\s*(?:million|billion|people|employees|papers|units))"),
]

# What each pattern's every match opens with: a month's name, or a number (a day or a year after a word
# boundary, so where a run of digits starts); None: either
_OPENS = ("number", "month", "number", "month", "month", "month", "month", "number", "number", "month", None, "number")
# (pattern, its words, whether it needs a month, what each match opens with)
_KEYED = [(p, any_of(required(p)), "m" in p.groupindex, opens) for p, opens in zip(_PATTERNS, _OPENS, strict=True)]
_DIGITS = re.compile(r"\d+")
# In every pattern with a month, what follows the month's name is no word character (a full stop, a
# comma, a space, the end): one search for such a name answers for all of them ("market" holds none).
_MONTH_WORD = re.compile(rf"{_MONTH}(?!\w)", re.I)
# The first three letters of every month's name and abbreviation, folded: a month's name can start only
# where the folded text holds one (fold() keeps the text's length, so positions are the text's).
_MONTH_START = re.compile("jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")


def _month_starts(folded: str) -> list[int]:
    """Every position (overlapping ones too: "janov") where the folded text holds a month's first letters."""
    out, pos = [], 0
    while (m := _MONTH_START.search(folded, pos)) is not None:
        out.append(m.start())
        pos = m.start() + 1
    return out


def _value(year: int | None, month: int | None, day: int | None) -> DateValue | None:
    if year is None:
        return None
    if month is None:
        return DateValue(f"{year:04d}", "gYear")
    if day is None:
        return DateValue(f"{year:04d}-{month:02d}", "gYearMonth")
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return DateValue(f"{year:04d}-{month:02d}-{day:02d}", "date")


def _groups(m: re.Match) -> tuple[int | None, int | None, int | None]:
    g = m.groupdict()
    year = int(g["y"]) if g.get("y") else None
    month = None
    if g.get("m"):
        month = MONTHS[g["m"].lower().rstrip(".")]
        if g.get("m2") and (second := MONTHS[g["m2"].lower().rstrip(".")]) < month:
            month = second  # "December and January 1943": the year is the second month's
    elif g.get("mn"):
        month = int(g["mn"])
        if not 1 <= month <= 12:
            return None, None, None
    day = int(g["d"]) if g.get("d") else None
    return year, month, day


def range_end(start: str, end: str) -> str:
    """A range's end year written short after its start ("1999–00" 2000, "2006–7" 2007; "1998–2003" as written)."""
    if len(end) >= len(start):
        return end
    year = start[:len(start) - len(end)] + end
    return str(int(year) + 10 ** len(end)) if year < start else year  # "1999–00": the next century's


@lru_cache(maxsize=4096)
def parse_date(text: str) -> DateValue | None:
    """The first complete date in `text` ("October 2014", "20 September 2018", "2014")."""
    found = _find_dates(text)
    for _start, _end, year, month, day in found:
        if year is not None:
            return _value(year, month, day)
    return None


# what stands before a value's first date when that date is an end or a bound, never a start: "–2003", "? – 2011"
# (a youth spell's or a term's end alone), "until 2008", "by 1908", "Before 1861"
_BOUND_ONLY = re.compile(r"^[\s?(]*(?:[–—-]|(?:until|till|to|through|by|before|prior\s+to|up\s+to)\s)\s*$", re.I)


def bound_only(text: str) -> bool:
    """Whether the first date of a value (a table cell, an infobox line) is only its end or a bound."""
    found = _find_dates(text)
    return bool(found) and _BOUND_ONLY.match(text[:found[0][0]]) is not None


def find_dates(text: str) -> list[tuple[int, int, int | None, int | None, int | None]]:
    """All date expressions in `text` as (start, end, year, month, day), by position; no overlaps."""
    return list(_find_dates(text))


@lru_cache(maxsize=256)  # a sentence is read again by each rule that matches it
def _find_dates(text: str) -> tuple[tuple[int, int, int | None, int | None, int | None], ...]:
    taken: list[tuple[int, int]] = []
    out = []
    folded, held, month, starts, numbers = fold(text), {}, None, [], None
    for pat, keys, monthly, opens in _KEYED:
        if keys is not None:
            if keys not in held:
                held[keys] = keys.search(folded) is not None
            if not held[keys]:
                continue  # none of the words the pattern needs (a month, a year's digits)
        if monthly or opens == "month":
            if month is None:  # _MONTH_WORD.search(text), tried only where a month's name may start
                starts = _month_starts(folded)
                month = any(_MONTH_WORD.match(text, p) for p in starts)
            if not month:
                continue
        if opens == "number" and numbers is None:  # every match starts where a run of digits does
            numbers = [d.start() for d in _DIGITS.finditer(text)]
        found = matches_at(pat, text, starts) if opens == "month" else matches_at(pat, text, numbers) \
            if opens == "number" else pat.finditer(text)
        for m in found:
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            y, mo, d = _groups(m)
            if y is None and mo is None:
                continue
            if d is None and mo is not None and "mn" in m.groupdict() and mo == (y + 1) % 100:
                e, mo = s + 4, None  # "2010-11": a season or a fiscal year (2010–11), not November 2010
            taken.append((s, e))
            out.append((s, e, y, mo, d))
    return tuple(sorted(out))


_FOLLOWING = re.compile(r"\b(?:the\s+)?(following|next|previous|same)\s+(month|year)\b|\bthat\s+(?:same\s+)?(month|year)\b|\b(?:later\s+)?that\s+(?:same\s+)?(spring|summer|autumn|fall|winter)\b|\bthe\s+same\s+day\b|\bat\s+the\s+same\s+time\b"  # noqa: E501
                        r"|\bthe\s+(following|next|previous)\s+(day|morning|evening|night|week)\b", re.I)  # noqa: E501


def sentence_date(text: str, previous: DateValue | None, section_year: int | None,
                  before: int | None = None) -> DateValue | None:
    """The date a sentence gives for its event, resolving relative and partial expressions.

    `previous` is the date of the preceding sentence in the paragraph (for "the following month"),
    `section_year` the year of the section heading (for "On 9 July" or a sentence with no date).
    Only expressions starting before `before` (a trigger offset) are preferred, when given.
    """
    dates = _find_dates(text)
    if "(" in text and dates:
        lives = _life_spans(text)
        dates = tuple(d for d in dates if not any(a <= d[0] < b for a, b in lives))
    ctx_year = int(previous.value[:4]) if previous else section_year
    if before is not None and (rel := _FOLLOWING.search(text, before)) \
            and not any(before <= d[0] < rel.start() for d in dates):  # not "signed for ⟦X⟧ in 2000 and made
        # his debut the following year": the trigger's own date stands before the later event's
        # "established in 1989 and joined the league the following year": the event after the trigger
        # is dated from the date before it
        ref = next((_value(y if y is not None else ctx_year, mo, d) for s0, _e, y, mo, d in reversed(dates)
                    if s0 < rel.start()), None) or previous
        if ref is not None:
            return _relative(rel, ref)
    every = dates
    if before is not None:
        head = [d for d in dates if d[0] < before]
        if head and head[-1][2] is not None and (later := _later_than(text, head[-1][1], before, head[-1])) is not None:
            return later  # "In 1985, she ... and two years later founded ⟦X⟧": 1987
        dates = head or dates
    for _s, _e, year, month, day in dates:
        if year is None:
            year = ctx_year
        value = _value(year, month, day)
        if value and month is None:  # "1984: Foo is purchased by Bar in October 1984": the month of that year
            value = next((v for *_, y, mo, d in every if y == year and mo is not None and (v := _value(y, mo, d))), value)
        if value:
            return value
    rel = _FOLLOWING.search(text)
    if rel and previous:
        return _relative(rel, previous)
    if section_year is not None:
        return DateValue(f"{section_year:04d}", "gYear")
    return None


# A person's name and the parenthesis of their life that follows it: "Keller Breland (1915–1965)",
# "Anton Klaveness (born 1839)", also after another parenthesis ("Jane Roe (born Jane Doe) (May 1, 1901 – 1980)",
# "Jane Roe (; Greek: …) (1901–1980)"); the years are the person's, not the sentence's event's.
_LIFE = re.compile(r"((?:[A-Z][\w.'’-]*\s+){1,4}[A-Z][\w'’-]*),?\s+(?:\([^()\d]*\)\s*)?(\((?:(?:born|b\.|died|d\.)\s[^()]*|"
                   r"[^()]*?\b\d{4}\s*[–—-]\s*(?:[^()]*?\b)?\d{4})\))")


# "⟦0⟧, (born January 16, 1957)", "X (died 2001)": a birth or a death in parentheses, after any name,
# also after what pronunciation and native-name templates leave ("(; Greek: …; born 1952)") and after a closing
# bracket a template left ("Jane Roe of Foo) (b. 1954)")
_BORN = re.compile(r"(?<=[\w⟧.)])'*,?\s+(\((?:[^()]*?[;,]\s*)?(?:born|b\.|died|d\.|fl\.|r\.|reigned)\s[^()]*\))")


def _life_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of life parentheses after a name in `text` whose words give no organisation's or
    place's class (so a person's: "Keller Breland (1915–1965)", not "Acme Corp (1995–2001)")."""
    spans = [m.span(2) for m in _LIFE.finditer(text) if name_types(m.group(1)) <= {"Person"}]
    return tuple(spans + [m.span(1) for m in _BORN.finditer(text)])


class PreviousDates:
    """The dates of a paragraph's sentences so far, each worked out only when a rule asks for it."""

    def __init__(self) -> None:
        self._texts: list[tuple[str, int | None]] = []
        self._dates: list[DateValue | None] = []

    def add(self, text: str, section_year: int | None) -> None:
        """The next sentence of the paragraph (its text, its section's year)."""
        self._texts.append((text, section_year))

    def __call__(self) -> DateValue | None:
        """sentence_date of the last sentence added, each one's previous date from the one before."""
        for text, year in self._texts[len(self._dates):]:
            self._dates.append(sentence_date(text, self._dates[-1] if self._dates else None, year))
        return self._dates[-1] if self._dates else None


_NUMBERS = {w: i for i, w in enumerate("a two three four five six seven eight nine ten eleven twelve".split(), 1)} | {"one": 1}
_LATER_BY = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(years?|months?)"
                       r"\s+later\b|\b(?:the\s+)?(following|next)\s+year\b", re.I)


def _later_than(text: str, start: int, end: int, date: tuple) -> DateValue | None:
    """The date a count of years or months after an earlier date gives, told between the two (text[start:end]):
    "In 1985, she ... and two years later founded ⟦X⟧" is 1987, "... and the following year joined ⟦Y⟧" 1991."""
    m = next(reversed(list(_LATER_BY.finditer(text, start, end))), None)
    if m is None:
        return None
    if m.group(3):
        return DateValue(f"{date[2] + 1:04d}", "gYear")
    word = m.group(1).lower()
    step = int(word) if word.isdigit() else _NUMBERS.get(word, 1)
    if m.group(2).lower().startswith("month"):
        if date[3] is None:
            return None  # "1990 ... six months later": no month to count from
        total = date[2] * 12 + date[3] - 1 + step
        return DateValue(f"{total // 12:04d}-{total % 12 + 1:02d}", "gYearMonth")
    return DateValue(f"{date[2] + step:04d}", "gYear")


def _relative(m: re.Match, previous: DateValue) -> DateValue:
    year = int(previous.value[:4])
    month = int(previous.value[5:7]) if previous.datatype != "gYear" else None
    word, unit = (m.group(1) or "").lower(), (m.group(2) or m.group(3) or "").lower()
    step = {"following": 1, "next": 1, "previous": -1}.get(word, 0)
    if unit == "year":
        return DateValue(f"{year + step:04d}", "gYear")
    if unit == "month" and month is not None:
        total = year * 12 + (month - 1) + step
        return DateValue(f"{total // 12:04d}-{total % 12 + 1:02d}", "gYearMonth")
    if m.group(4):  # "that same summer": the season alone is no month; keep the year
        return DateValue(f"{year:04d}", "gYear")
    if m.group(5):  # "The next day", "the following week": days on from a day; within a coarser date, that date
        return _days_on(previous, {"previous": -1}.get(m.group(5).lower(), 1) * (7 if m.group(6).lower() == "week" else 1))
    return previous


def _days_on(previous: DateValue, days: int) -> DateValue:
    """`previous` moved on by `days` when it gives a day; else itself (the next day of "In 1931" is of 1931)."""
    if previous.datatype != "date":
        return previous
    return DateValue((date.fromisoformat(previous.value) + timedelta(days=days)).isoformat(), "date")


_SECTION_YEAR = re.compile(rf"(?<!\d)({_YEAR})(?![\ds])")


@lru_cache(maxsize=1024)  # asked for each sentence of a section
def section_year(section: str) -> int | None:
    """The year a section heading names ("History / 2017" -> 2017; "2010s" -> None; a period, "2014–2012",
    "2005–present" or "until 1900", -> None: its facts may fall in any of its years)."""
    years = _SECTION_YEAR.findall(section)
    if len(_SECTION_YEAR.findall(section.rsplit(" / ", 1)[-1])) > 1:
        return None
    dated = next((part for part in reversed(section.split(" / ")) if _SECTION_YEAR.search(part)), "")
    if _PERIOD.search(dated):
        return None  # "Modern history (1974 - present day)", "Since 2005": a period, not a year
    return int(years[-1]) if years else None


# "Since 2005", "1974 onwards": a period from a year; "Founding and development until 1900", "Life before 1603",
# "To 1989", "Pre-1933", "Post 2008 election": a period up to a year or after it, none of whose facts is of that year
_PERIOD = re.compile(rf"\b(?:since|from|after|until|till|to|up\s+to|before|prior\s+to|pre|post)[\s-]+{_YEAR}"
                     rf"|{_YEAR}\s*(?:[–—-]\s*(?:present|today|now|date)|onwards?\b)", re.I)


# ", from 1993 to 1995" after what a clause states (past an apposition): the term of a post it names
_DAY_MONTH = r"(?:[A-Z][a-z]+\s+\d{1,2},?\s+|\d{1,2}\s+[A-Z][a-z]+\s+|[A-Z][a-z]+\s+)?"  # "November 13, ", "13 November "
_TERM_AFTER = re.compile(rf",\s*(?:(?:serving|who\s+served|in\s+office)\s+)?(?:from|between)\s+({_DAY_MONTH}\d{{4}}),?\s+"
                         r"(?:to|until|till|and)\s+"
                         r"(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?(?:[A-Z][a-z]+\s+)?(?:\d{4}|present|the\s+present)\b")


def clause_date(text: str, limit: int, previous: DateValue | None, section_year: int | None,
                before: int | None = None) -> DateValue | None:
    """sentence_date of text[:limit]; when that part gives no date of its own, a term stated later in the
    sentence ("He was also Chairman of the X, the association of Y, from 1993 to 1995") dates it, and the
    section's year does not when the sentence gives a date of its own elsewhere."""
    if not _find_dates(text[:limit]) and (term := _TERM_AFTER.search(text, limit)) \
            and ";" not in text[limit:term.start()]:
        return sentence_date(term.group(1), None, None)  # "from November 13, 2006, to July 2010": 2006-11-13
    if not _find_dates(text[:limit]) and _find_dates(text[limit:]):
        section_year = None  # "⟦A⟧ founded ⟦B⟧ while at university in 2012" under "2014 election": not the heading's
    return sentence_date(text[:limit], previous, section_year, before=before)
