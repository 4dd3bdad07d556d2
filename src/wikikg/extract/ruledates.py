"""The date of a sentence rule's fact: the clause's around its trigger, not another name's or another event's."""
from __future__ import annotations

import re

from wikikg.extract.dates import PreviousDates, clause_date, find_dates, sentence_date
from wikikg.extract.factdates import (
    ENDS,
    conjunct_start,
    event_link_date,
    fact_text,
    graduation_date,
    later_conjunct,
    own_date,
    state_conjunct,
    verb_conjunct,
    when_date,
)
from wikikg.extract.select import Slotted
from wikikg.kb import rules
from wikikg.model import DateValue, Mention

_PLACE_APPOSED = re.compile(r",\s*⟦(\d+)⟧\s*(?:,|(?=(?:in|on)\s+(?:[A-Z][a-z]+\.?\s+)?\d))")  # ", ⟦Fooville⟧, in 1962",
# ", ⟦Fooville⟧ in 1962", ", ⟦Barland⟧ on March 21, 2011"
_ONE_NAME_IN = re.compile(r"\s*(?:the\s+)?⟦\d+⟧\s+in\s+⟦(\d+)⟧\s*")  # "⟦Foo College⟧ in ⟦Fooville⟧"
_AND_LED = re.compile(r"\s*,?\s+and\s")  # a trigger that coordinates a second fact after a first
# "In February 1951 ⟦0⟧ was called up and assigned to ⟦2⟧": a date fronted before the subject scopes over every predicate
_FRONTED = re.compile(r"\s*(?:(?:in|on|by|during|around|since|from|as\s+of)\s+(?:the\s+)?(?:(?:late|early|mid|middle\s+of)"
                      r"[\s-]+)?)?$", re.I)
_OWN_SUBJECT = re.compile(r"\b(?:he|she|they|it|we)\s|⟦\d+⟧\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b", re.I)  # a conjunct's own
# subject: a clause of its own
_ONE_NAME = re.compile(r"\s*(?:the\s+)?⟦\d+⟧(?:,\s*⟦\d+⟧)*\s*")
# "Since 2002, ⟦A⟧ has four divisions: ...": a state the sentence opens by the date it began holds from then
_SINCE_OPENING = re.compile(r"^Since\s+((?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?\d{4}),")
# the main clause's subject right after the opening: "Since 2002, the ⟦Foo Conference⟧ has four divisions"
_OPENING_SUBJECT = re.compile(r"\s*(?:the\s+)?⟦(\d+)⟧")
# a post's holder before the sentence's time: "⟦A⟧ succeeded ⟦Jane Roe⟧ as chairman of ⟦X⟧ in 1940" (the date is when
# her post ended), "former ⟦Foo⟧ CEO ⟦John Doe⟧ announced ... in 2009" (his had ended before)
_PREDECESSOR = re.compile(r"\b(?:succeed(?:s|ed|ing)?|replac(?:e|es|ed|ing))\s+(?:the\s+)?$", re.I)
_FORMER = re.compile(r"\b(?:former|ex-)\s*(?:the\s+)?$", re.I)
_FORMER_POST = re.compile(r"\b(?:former|ex-)", re.I)
_PLACE_AFTER = re.compile(r",?\s+in\s+⟦(\d+)⟧|,\s*⟦(\d+)⟧")  # where a body named before a term is
_POSTS = frozenset({"keyPerson", "affiliatedWith", "memberOf"})  # a post or a membership, which "former" says is over
_PARENTHESIS = re.compile(r"\([^()]*\)")
# ", who assumed office on October 28, 2009", ", who took over as leader in 2009": the start of the post the fact names
_TOOK_POST = re.compile(r",\s+who\s+(?:(?:assumed|took|entered)\s+(?:the\s+)?(?:office|post|position|role)|took\s+over\b|"
                        r"was\s+(?:appointed|elected|named|enthroned|installed|inaugurated|sworn\s+in))\b[^,;]*")


def fact_date(rule, sl: Slotted, span, clause, prev: PreviousDates, year: int | None, parties=()) -> DateValue | None:
    """The fact's date: from the clause up to the trigger, or just after it (before any comma); not a date
    of another name or event of the sentence (factdates.fact_text)."""
    if rule.dated == "founding" or not rule.dated and (rule.dated_when is None
                                                       or not rule.dated_when.search(sl.text, span[0], span[1])):
        since = _SINCE_OPENING.match(sl.text) if rule.dated != "founding" else None
        main = _OPENING_SUBJECT.match(sl.text, since.end()) if since else None
        keys = {m.key for m in parties if isinstance(m, Mention)}
        return sentence_date(since.group(1), None, None) if since and since.end() <= span[0] and main \
            and sl.mentions[int(main.group(1))].key in keys else None  # "is part of ⟦X⟧": a state, undated,
        # unless the sentence opens with when it began, its main clause's (not "Since 2004, ⟦A⟧ has been director at
        # ⟦X⟧, run by ⟦B⟧": B's post); "became part of ⟦X⟧ in 1943" (dated_when): an event
    keys = {m.key for m in parties if isinstance(m, Mention)}
    slots = {i for i, m in enumerate(sl.mentions) if m.key in keys}
    if (past := _past_holder(sl, slots, span, rule.relation)) is not None:
        if past or not slots:
            return None
        last = max(slots, key=lambda i: sl.spans[i][1])  # "former President of ⟦X⟧ (1985–90)", "formerly a professor
        end = sl.spans[last][1]  # at ⟦X⟧ in ⟦Fooville⟧ from 2006 to 2015": the post's own term
        while (m := _PLACE_AFTER.match(sl.text, end)) and "Place" in sl.mentions[int(m.group(1) or m.group(2))].types:
            end = m.end()
        return own_date(sl.text, end, "Person" in sl.mentions[last].types)
    dates = fact_text(sl.text, span, slots, {i for i in slots if "Person" in sl.mentions[i].types},
                      rule.event == "Founding" or rule.relation in ("foundedBy", "foundingDate"))
    if dates is None:
        return None
    comma = sl.text.find(",", span[1])
    took = _TOOK_POST.match(sl.text, comma) if comma >= 0 and _ONE_NAME.fullmatch(sl.text, span[1], comma) else None
    if took is None and rules.cues().present.search(_PARENTHESIS.sub(" ", sl.text[clause[0]:span[1]])):
        return None  # "The current president is X": no date, unless "X, who took office in 2009" (a parenthesis
        # speaks of a name: "attended the ⟦Foo⟧ School (now called ⟦Bar⟧) from 1975 to 1979" is dated)
    if took is not None:  # the holder's clause dates the post; a date across its last comma is whole
        end = took.end()
        end = next((e for b, e, *_ in find_dates(sl.text) if b < end < e), end)
        return sentence_date(dates[:end], None, None, before=span[1])
    if rule.relation == "educatedAt" and comma >= 0 and _one_name_placed(sl, span[1], comma) \
            and not find_dates(dates[clause[0]:comma]) and (graduated := graduation_date(dates, comma)) is not None:
        return graduated  # "attended ⟦X⟧, from which he graduated with a PhD in 1975"
    while comma >= 0 and _one_name_placed(sl, span[1], comma) and (m := _PLACE_APPOSED.match(sl.text, comma)) \
            and "Place" in sl.mentions[int(m.group(1))].types:
        comma = sl.text.find(",", m.end())  # "graduated from ⟦ETH⟧, ⟦Switzerland⟧, in 1962", "joined ⟦X⟧ in
        # ⟦Fooville⟧, ⟦Barland⟧ in 1902": the place ends nothing
    limit = clause[1] if comma < 0 else min(comma, clause[1])
    for start, end, *_ in find_dates(dates[:clause[1]]):  # "on December 30, 1995": the comma is the date's
        if start < limit < end:
            limit = end
    limit = later_conjunct(dates, span[1], limit, rule.relation == "educatedAt") or limit  # "became chairman of ⟦X⟧
    # and was elected to ⟦Y⟧ in 1990": Y's date
    if not find_dates(dates[:limit]) and (event := event_link_date(sl.text, sl.mentions, span[1], limit)) is not None:
        return event  # "In the ⟦2006 general election⟧ the party was affiliated to ⟦X⟧": the link's year
    if (when := when_date(sl.text, span, limit)) is not None:
        return when  # "until 2001 when they hired ⟦X⟧ as chairman": the clause's date (an end blanked in `dates`)
    if rule.dated == "sentence":
        limit = len(sl.text)
    elif _AND_LED.match(sl.text, span[0]):
        if (own := sentence_date(dates[span[0]:limit], None, None)) is not None:
            return own  # "a [[B.Com.]] at [[X]] in 1995 and a [[LL.B.]] at [[Y]] in 1996": the second's date follows it
        if (before := find_dates(dates[:span[0]])) and not _fronted(sl.text, before):  # "Chancellor of ⟦X⟧,
            dates = " " * span[0] + dates[span[0]:]  # serving from 1989 to 2004 and Chancellor of ⟦Y⟧, from 1979 to
            # 2002": the first fact's dates are not the second's
    elif (conj := verb_conjunct(dates, span)) is not None and not _fronted(sl.text, find_dates(dates[:span[0]])) \
            and ((own := find_dates(dates[conj:limit])) and not ENDS.search(dates, 0, conj + own[0][0])
                 or state_conjunct(dates, conj)):  # "joined the priesthood in
        # 1628 and became professor at ⟦X⟧": another predicate's date, none of this one's; nor an end ("until 1956")
        return None if own and ENDS.search(dates, 0, conj + own[0][0]) else sentence_date(dates[conj:limit], None, None)
    elif (conj := conjunct_start(dates, span)) is not None:
        if find_dates(dates[span[1]:clause[1]]):
            return sentence_date(dates[conj:limit], None, None)  # "a visiting artist at ⟦A⟧ in 1997, and a Fellow
            # at ⟦B⟧ in 2001": a conjunct with a date of its own has no other (none when that date is past the comma)
        if _OWN_SUBJECT.search(sl.text, conj, span[1]) and "," not in sl.text[conj:span[0]] \
                and not _fronted(sl.text, find_dates(dates[:span[0]])):
            return None  # "joined ⟦A⟧ in 1982, and during his time there he worked for ⟦B⟧": a clause of its own (not
            # "Becoming ⟦A⟧ in 1985, and a unit of ⟦B⟧, the company moved": a participle's, the main clause after a comma)
    return clause_date(dates, limit, prev(), year, before=span[1])


def _one_name_placed(sl: Slotted, start: int, end: int) -> bool:
    """Whether text[start:end] is one name, or one name then where it is ("⟦Foo College⟧ in ⟦Fooville⟧")."""
    if _ONE_NAME.fullmatch(sl.text, start, end):
        return True
    m = _ONE_NAME_IN.fullmatch(sl.text, start, end)
    return m is not None and "Place" in sl.mentions[int(m.group(1))].types


def _fronted(text: str, found: list) -> bool:
    """Whether the one date found before a coordinated trigger opens the sentence, before its first mention."""
    first = text.find("⟦")
    return len(found) == 1 and found[0][1] <= first and bool(_FRONTED.match(text[:found[0][0]]))


def _past_holder(sl: Slotted, slots: set[int], span, relation: str) -> bool | None:
    """Whether a party held the fact's post before the sentence's time, so that no date of the sentence's is the
    fact's start: True for a person a post passed from ("succeeded ⟦Jane Roe⟧ as"), False for a post the text calls
    former ("former ⟦Foo⟧ CEO ⟦John Doe⟧", "⟦Foo⟧'s former president": only a term right after it dates it); else None."""
    former = relation in _POSTS and _FORMER_POST.search(sl.text, span[0], span[1]) is not None
    for i in slots:
        before = sl.text[max(0, sl.spans[i][0] - 30):sl.spans[i][0]]
        if "Person" in sl.mentions[i].types and _PREDECESSOR.search(before):
            return True
        former = former or relation in _POSTS and _FORMER.search(before) is not None
    return False if former else None
