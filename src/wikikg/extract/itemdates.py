"""Dates of a list item: a lineage's span after its name, a post's years, a heading's "as of", the line below."""
from __future__ import annotations

import re

from wikikg.extract.boxdates import dated_note
from wikikg.extract.dates import find_dates, parse_date
from wikikg.model import DateValue, ParsedArticle

# ", 1 May 1944" or ": 1 May 1944" after the name; "(Res) (GSC) PA - June 2005": after its post-nominals;
# " (AAF-374), England, ca. 28 September 1944": after a code in parentheses (no year in it) and up to three
# capitalised places or labels, each closed by a comma (a station's county and country)
# (also " (later 127th Foo Group), 1 November 1952": a later name, however long; ", Barshire, on 22 September 1947")
_LINEAGE = re.compile(r"^(?:\s*\((?![^()]*\d{4})[^()\[\]]{1,20}\)|\s*\((?:later|formerly)\s(?![^()]*\d{4})[^()\[\]]+\)"
                      r"|\s+[A-Z]{2,5}\b)*"
                      r"(?:\s*,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?=\s*,)){0,3}"
                      r"\s*(?:[,:]|\s[–—-])\s*(?:(?:occurs|fl\.)\s*)?(?:c\.\s*|ca\.\s*|circa\s+|on\s+)?")
# a head of a house known from the years they are recorded, closing the item: "* Jane Roe, occurs 1281-1287",
# "* John Roe, 1414", "fl. 1250": years before 1500 too, read as years only so (a list of abbots or priors)
_EARLY_YEARS = re.compile(r"(1[0-4]\d\d)(?:\s*[–—-]\s*(1[0-5]\d\d|\d{1,2}))?\s*\.?\s*")
# "16–18 December 1945": a stay of a few days, its first day and its last of the same month
_DAY_RANGE = re.compile(r"(\d{1,2})\s*[–—-]\s*(\d{1,2})\s+([A-Z][a-z]{2,8}\.?\s+\d{4})\b")
_UNTIL = re.compile(r"\s*(?:[–—-]|to|until)\s*")
_NAMED_NEXT = re.compile(r"'s\b|\s+[A-Z]")  # a year before a name modifies it
_AS_OF = re.compile(r"\bas\s+(?:of|at)\s+(.+)$", re.I)
_YEAR_HEADING = re.compile(r"\s*\d{4}\s*")
# the years of a post before the item's name: "1993-1997 [[Jane Roe]]", "2010 - : [[Jane Roe]]" (still in office),
# "since 2009: [[Jane Roe]]", "July 2015: [[Jane Roe]]" (a colon after a month's or a start's date; a bare year
# and a colon is no post's: "* 1954 : [[Foo]]" lists a title's winners; nor a bound: "* Before 1861: [[Jane Roe]]")
TERM_LEAD = re.compile(r"(\d{4}\s*[–—-]\s*(?:\d{4}|present|now))\s*[:–—-]?\s+(?=\S)"
                       r"|(\d{4}\s*[–—-])\s*:\s+(?=\S)"
                       r"|((?:since\s+|(?:\d{1,2}\s+)?(?!(?:Before|Until|Till|After|Prior|Pre|Post|Up)\b)[A-Z][a-z]{2,8}\.?\s+)"
                       r"\d{4})\s*:\s+(?=\S)")
# a head's first year (or years) and a comma before the name, in a list of a body's heads: "* 1805, [[Jane Roe]]",
# "* 1859 to 1883, [[John Roe]]" (elsewhere a year and a comma may be a title's: "* 1954, [[Foo]]" lists winners);
# an open term, the dash right after the year: "* 2000– [[Jane Roe]]" (the head since then)
POST_LEAD = re.compile(r"(\d{4}(?:\s*(?:[–—-]|to|until)\s*\d{4})?)\s*,\s+(?=\S)|(\d{4}[–—-])\s+(?=\S)")
_SPAN = re.compile(r"^\s*\(?\s*(?:c\.\s*)?(\d{4})\s*(?:[–—-]\s*(\d{4}|present|now|current|today)?)?\s*\)?")


def lineage_dates(rest: str) -> tuple[DateValue | None, DateValue | None]:
    """", 1 May 1944 – 1 January 1946" after an item's name (a unit's assignments and stations)."""
    comma = _LINEAGE.match(rest)
    if not comma:
        return None, None
    if days := _DAY_RANGE.match(rest, comma.end()):
        start, end = parse_date(f"{days.group(1)} {days.group(3)}"), parse_date(f"{days.group(2)} {days.group(3)}")
        if start is not None and end is not None and start.datatype == end.datatype == "date":
            return start, end
    found = find_dates(rest[:comma.end() + 60])
    if not found and (early := _EARLY_YEARS.fullmatch(rest, comma.end())):
        last = early.group(2) or ""
        return DateValue(early.group(1), "gYear"), DateValue(last, "gYear") if len(last) == 4 else None
    if not found or found[0][0] != comma.end() or found[0][2] is None:
        return None, None
    if found[0][3] is None and _NAMED_NEXT.match(rest, found[0][1]):
        return None, None  # "* [[Jane Roe]] – 1991 NFL Player of the Year": the year of a title, no term
    start = parse_date(rest[found[0][0]:found[0][1]])
    end = None
    if len(found) > 1 and _UNTIL.fullmatch(rest[found[0][1]:found[1][0]]) and found[1][2] is not None:
        end = parse_date(rest[found[1][0]:found[1][1]])
    return start, end


def heading_date(heading: str) -> DateValue | None:
    """The date a list's own heading gives its items: "Composition as of September 2012", "2012"."""
    m = _AS_OF.search(heading)
    if m:
        return parse_date(m.group(1))
    return DateValue(heading.strip(), "gYear") if _YEAR_HEADING.fullmatch(heading) else None


_PARENTHESIS_ONLY = re.compile(r"\s*\(([^()]*)\)\s*")


def dates_below(article: ParsedArticle, index: int) -> tuple[DateValue | None, DateValue | None]:
    """The dates of a line that only holds them in parentheses, right below an item ("* Colonel A Roe, PA"
    then "(1 March 2011 – 22 February 2015)": the item's term)."""
    if index + 1 >= len(article.sentences):
        return None, None
    nxt = article.sentences[index + 1]
    only = _PARENTHESIS_ONLY.fullmatch(nxt.text)
    if nxt.item or nxt.section != article.sentences[index].section or only is None:
        return None, None
    return lineage_dates(", " + only.group(1))


# "— vocals, guitar (1994–present)": a member's role, then the years at the end of the item
_ROLE_SPAN = re.compile(r"^(?:\s*\([^()\d]{1,40}\))?\s*[—–-]"
                        r"\s*[^()\[\]⟦⟧]{1,60}?\s*\(\s*(\d{4})\s*(?:[–—-]\s*(\d{4}|present|now|current|today)?)?\s*\)\s*$")


# "(Chief Financial Officer (CFO)), since 2018": the post in parentheses, then when it began
_SINCE = re.compile(r"^\s*(?:\([^()]*(?:\([^()]*\)[^()]*)*\))?[,;]?\s*(?:[^()\d;]{0,40}?[\s,])?since\s+(\d{4})\b")


# "[[Jane Roe]], philosopher, 1966-1970." / ", French politician, 1986-1988 and 1993-1999.": a person's post,
# then the years of it, closing the item (a list of a school's professors)
_ROLE_YEARS = re.compile(r"^\s*,\s*[a-zA-Z][^()\[\]⟦⟧\d,;:]{1,60}?\s*,\s*(\d{4})\s*(?:[–—-]\s*(\d{4}|present)\s*)?"
                         r"(?:(?:and|,)\s*\d{4}\s*(?:[–—-]\s*(?:\d{4}|present)\s*)?)*\.?\s*$")


# " / [[John Roe]] (2013–2015)": a name that shares the post, then the years of both
_CO_HOLDER = re.compile(r"^\s*/\s*[^()/,;]{1,80}?(?=\s*\(\s*\d{4})")


# " (regent, 2008–2009)", " (Faculty of Science, 1967)", " (temporary) (2005–2006)", " (formerly the Foo Institute)
# (1954)": a short label in the parenthesis (or one of its own, or an earlier name) before the years; not a birth,
# a death, a founding or a prize's year
_NOTED_SPAN = re.compile(r"^(?:\s*\((?:[^()\d]{1,30}|(?:later|formerly)\s[^()\d]{1,60})\))?\s*\(\s*(?:(?P<label>[^()\d,;]{1,40}?)\s*,\s*)?"
                         r"(\d{4})\s*(?:[–—-]\s*(\d{4}|present|now|current|today)?)?\s*\)")
_NOT_A_TERM = re.compile(r"\b(?:born|b|died|d|founded|established|est|formed|prize|award|medal|laureate)\b", re.I)
# ", class of 1997", " - Class of 1767", "graduate of the class of 1935": an alumnus's year, the one the item gives
_CLASS_OF = re.compile(r"^[^()⟦⟧]{0,160}?\bclass\s+of\s+(\d{4})\b", re.I)
# " (28 February 1993 – April 2001)": a term from a full date
_DATED_NOTE = re.compile(r"^\s*\(([^()]*)\)")


# ", (assigned 1 March, 1945; replaced 88th Foo Regiment)", " (attached 5 May 1944 – 1945)": a unit's assignment, when
# it began
_ASSIGNED = re.compile(r"^\s*,?\s*\(\s*(?:assigned|attached)\s+(?:on\s+)?((?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?,?\s+)?"
                       r"(?:\d{1,2},?\s+)?\d{4})(?!\d)")


# a street number of four digits before the street's name: "* Foo City - 1925 Foo Park East, Suite 700" is no year
_STREET = re.compile(r"(\d{4})\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w.'’-]*\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Drive|Dr|"
                     r"Boulevard|Blvd|Park|Way|Lane|Ln|Place|Plaza|Square|Court|Parkway|Highway|Circle)\b")


def item_dates(rest: str, person: bool = False) -> tuple[DateValue | None, DateValue | None]:
    """The start and end an item gives after its name: "(1994–present)", "since 2018", ", 1 May 1944 – 1946";
    none for a `person` whose span is as long as a life, nor a street number ("- 1925 Foo Park East")."""
    start, end = _item_dates(rest)
    if person and life_span(start, end):
        return None, None
    street = _STREET.search(rest, 0, 100)
    return (None, None) if start is not None and street and start.value[:4] == street.group(1) else (start, end)


def _item_dates(rest: str) -> tuple[DateValue | None, DateValue | None]:
    if shared := _CO_HOLDER.match(rest):
        rest = rest[shared.end():]
    m = _SPAN.match(rest) or _ROLE_SPAN.match(rest) or _ROLE_YEARS.match(rest)
    if not m and (noted := _NOTED_SPAN.match(rest)) and not _NOT_A_TERM.search(noted.group(0)):
        return DateValue(noted.group(2), "gYear"), DateValue(noted.group(3), "gYear") \
            if (noted.group(3) or "").isdigit() else None
    if not m:
        if since := _SINCE.match(rest):
            return DateValue(since.group(1), "gYear"), None
        if (assigned := _ASSIGNED.match(rest)) and (start := parse_date(assigned.group(1))) is not None:
            return start, None
        if (note := _DATED_NOTE.match(rest)) and (dated := dated_note(note.group(1))) is not None:
            return dated
        return lineage_dates(rest)
    start = DateValue(m.group(1), "gYear")
    end = m.group(2)
    return start, DateValue(end, "gYear") if end and end.isdigit() else None


def class_year(rest: str) -> DateValue | None:
    """The class an alumnus's item names after the name (", class of 1997"), when it names one."""
    m = _CLASS_OF.match(rest)
    return DateValue(m.group(1), "gYear") if m and len(re.findall(r"\bclass\s+of\b", rest, re.I)) == 1 else None


def lead_dates(term: str) -> tuple[DateValue | None, DateValue | None]:
    """The start and end of a post's years before an item's name (TERM_LEAD's text)."""
    found = find_dates(term)
    if not found or found[0][2] is None:
        return item_dates(term)
    start = parse_date(term[found[0][0]:found[0][1]])
    end = parse_date(term[found[1][0]:found[1][1]]) if len(found) > 1 and found[1][2] is not None else None
    return start, end


def life_span(start: DateValue | None, end: DateValue | None) -> bool:
    """Whether years after a person's name are their life, no term ("* [[Jane Roe]] (1764–1831)" under "Fellows"):
    a span of 45 years or more, longer than any post or membership a list dates so."""
    return (start is not None and end is not None and start.value[:4].isdigit() and end.value[:4].isdigit()
            and int(end.value[:4]) - int(start.value[:4]) >= 45)
