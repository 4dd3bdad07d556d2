"""Dates a list item gives: "(1899–1948)", ", 1 May 1944 – 1 January 1946", "since 2018", a heading's "as of"."""
from __future__ import annotations

import re

from wikikg.extract.dates import find_dates, parse_date
from wikikg.model import DateValue, ParsedArticle

# ", 1 May 1944" or ": 1 May 1944" after the name; "(Res) (GSC) PA - June 2005": after its post-nominals
_LINEAGE = re.compile(r"^(?:\s*\([A-Za-z]{1,6}\)|\s+[A-Z]{2,5}\b)*\s*(?:[,:]|\s[–—-])\s*(?:c\.\s*)?")
_UNTIL = re.compile(r"\s*(?:[–—-]|to|until)\s*")
_AS_OF = re.compile(r"\bas\s+(?:of|at)\s+(.+)$", re.I)
_YEAR_HEADING = re.compile(r"\s*\d{4}\s*")
_SPAN = re.compile(r"^\s*\(?\s*(?:c\.\s*)?(\d{4})\s*(?:[–—-]\s*(\d{4}|present|now|current|today)?)?\s*\)?")


def lineage_dates(rest: str) -> tuple[DateValue | None, DateValue | None]:
    """", 1 May 1944 – 1 January 1946" after an item's name (a unit's assignments and stations)."""
    comma = _LINEAGE.match(rest)
    if not comma:
        return None, None
    found = find_dates(rest[:comma.end() + 60])
    if not found or found[0][0] != comma.end() or found[0][2] is None:
        return None, None
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
_ROLE_SPAN = re.compile(r"^\s*[—–-]\s*[^()\[\]⟦⟧]{1,60}?\s*\(\s*(\d{4})\s*(?:[–—-]\s*(\d{4}|present|now|current|today)?)?\s*\)\s*$")


# "(Chief Financial Officer (CFO)), since 2018": the post in parentheses, then when it began
_SINCE = re.compile(r"^\s*(?:\([^()]*(?:\([^()]*\)[^()]*)*\))?[,;]?\s*(?:[^()\d;]{0,40}?[\s,])?since\s+(\d{4})\b")


def item_dates(rest: str) -> tuple[DateValue | None, DateValue | None]:
    """The dates right after an item's name: "(1899–1948)", "— vocals (1994–present)", "since 2018", a lineage's."""
    m = _SPAN.match(rest) or _ROLE_SPAN.match(rest)
    if not m:
        if since := _SINCE.match(rest):
            return DateValue(since.group(1), "gYear"), None
        return lineage_dates(rest)
    start = DateValue(m.group(1), "gYear")
    end = m.group(2)
    return start, DateValue(end, "gYear") if end and end.isdigit() else None
