"""Opening phrases of a sentence before its main clause: an earlier event's, a participle's, a later event's."""
from __future__ import annotations

import re

from wikikg.extract.dates import find_dates

# an opening phrase of an earlier event: "After completing his PhD in 1979, ⟦X⟧ ... took a position at ⟦Y⟧ in 1980",
# "After the September 11, 2001 attacks, ..." (a comma before a year is the date's): the main clause's event comes
# after the phrase's; blanked when the sentence dates its own event elsewhere, or when the phrase's date cannot be
# the main clause's: a term ("After serving in the navy from 1980 to 1984, she joined ⟦Y⟧": 1980 is the navy's), a
# season or its end ("at the end of the 2007–08 season, he joined ⟦Y⟧"), a day ("After the elimination on June 24
# 2006, he joined ⟦Y⟧"); else kept (the two are as often of one year as not: "After graduating in 1980, he worked
# for ⟦Y⟧")
AFTER = re.compile(r"^(?:(?:After|Following|Upon)\s|On\s+(?:(?:his|her|their|its)\s+[a-z]|[a-z]+ing\s))"
                    r"(?:[^,;]|,(?=\s*\d{4}))*,")  # not "On the 20th April 1894,", "On the morning of": a time
THEN = re.compile(r",\s*(?:after|before)\s+which\b|;")  # a later event's clause: "he commanded ⟦X⟧, after which he led ⟦Y⟧ (1900)"
_SPAN = re.compile(r"\d{4}\s*[–—-]\s*\d|\b(?:season|end\s+of)\b")
# a participle's opening phrase: "Discharged as a captain in 1945, she was appointed lecturer at ⟦Y⟧ from 1946 to
# 1949", "Making a fortune by 1908, he was appointed president of ⟦Y⟧ in 1909" (its own event): blanked when the
# sentence dates its own event elsewhere (else the two are as often of one year as not: "Elected in 1980, he served")
EARLIER = re.compile(r"^(?!(?:During|Beginning|Starting|Commencing|Spanning|Including|According|Following)\b)"
                      r"[A-Z][a-z]+(?:ed|ing)\s[^,;]*,")
# an opening phrase of a later event, or of a birth: "Before joining ⟦A⟧ in 1993, she was a producer with ⟦B⟧", "Born
# in 1920, he joined ⟦Y⟧": its date is never the main clause's
BEFORE = re.compile(r"^(?:(?:Shortly\s+|Just\s+)?Before|Prior\s+to|Born)\s+(?!(?:early\s+|late\s+|mid-?\s*)?(?:\d|[A-Z][a-z]+\s+\d)"
                     r"|(?:the\s+)?(?:⟦\d+⟧|\d{4}\S*(?:\s+(?:[\w-]+|⟦\d+⟧)){0,3}),)[^,;]*,")


def spanned(phrase: str) -> bool:
    """Whether an opening after-phrase dates its event by a term, a season or a day (never a later event's date)."""
    found = find_dates(phrase)
    return len(found) > 1 or any(day is not None for *_, day in found) or bool(found and _SPAN.search(phrase))


# the main clause's subject and verb after an opening phrase: "..., he taught", "..., ⟦X⟧ joined", "..., the firm was"
_MAIN_SUBJECT = re.compile(r"\s*(?:(?:the\s+)?⟦\d+⟧(?![,'’])|he|she|they|it|we|the\s+[a-z]+)\s+(?:[a-z]+ly\s+)?[a-z]")


def in_opening(text: str, span: tuple[int, int]) -> bool:
    """Whether a trigger at `span` stands in an undated opening phrase before the main clause ("Educated at ⟦X⟧, he
    taught at ⟦Y⟧ from 1924", "After leaving ⟦X⟧, she joined ⟦Y⟧ in 1990", "Before joining ⟦X⟧, ..."): the main
    clause's date is another event's, none of its (not "Upon joining ⟦X⟧, ...": at once; not a timeline item's
    "Acquired ⟦X⟧, a maker of Y, in 2013", which has no main clause)."""
    opening = AFTER.match(text) or EARLIER.match(text) or BEFORE.match(text)
    return opening is not None and span[1] <= opening.end() and not opening.group().startswith(("Upon", "On")) \
        and not find_dates(opening.group()) and _MAIN_SUBJECT.match(text, opening.end()) is not None
