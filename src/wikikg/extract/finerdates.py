"""A fact dated by a year that another sentence naming both its parties dates by a day or month of that year."""
from __future__ import annotations

import re
from dataclasses import replace

from wikikg.extract.dates import find_dates, parse_date
from wikikg.extract.mentions import Context, find_mentions
from wikikg.model import DateValue, Evidence, Mention, ParsedArticle, Sentence, Statement

# the facts a finer date is read for: an event or the start of a state, whose date the text may give twice,
# once by its year ("[[Foo FC]] 1998–2002" in a list) and once in full ("joined [[Foo FC]] in March 1998"); not a
# founding, which the founding date dates (registry._founding_date), and which a later month of that year does not
# ("In December 2000, [[Foo]] released the game ... writer [[Jane Roe]]")
_FINER = frozenset({"memberOf", "affiliatedWith", "keyPerson", "headquarteredIn", "subsidiaryOf",
                    "acquired", "listedOn", "investedIn"})
# a date that ends something ("until March 1998"), a bound ("as of September 2008", "by May 1990"), or a span's
# second ("March 1998 – March 2007": the first is the start)
_ENDED = re.compile(r"(?:\b(?:until|till|to|through)\s+(?:the\s+)?(?:end\s+of\s+)?(?:(?:early|mid|late)[\s-]+)?|"
                    r"\b(?:as\s+of|by)\s+(?:(?:early|mid|late)[\s-]+)?|[–—-]\s*)$", re.I)
# a body's founding right before the date: its members' start ("was formed on September 23, 1995, and initially
# consisted of [[A]], [[B]]"), not a post's ("[[X]], formally established on 25 March 1941, had 206 personnel when
# [[Jane Roe]] took over")
_FOUNDED = re.compile(r"\b(?:founded|formed|established|created|set\s+up|organi[sz]ed)\s+(?:\w+\s+){0,2}$", re.I)
# a sentence that tells an end ("left", "was released from [[Foo FC]] in June 2007"), what was only spoken of or
# planned ("permission to speak to [[Foo FC]] to discuss a possible move", "would be joining", "a bid"), a game's
# event ("scored his first goal for [[Foo FC]] on", "first appeared ... with [[Foo FC]]", "debut"), which comes
# after the joining, or a state that held "by then", "already" or "still" (it began before): its date is not the
# fact's start
_OTHER = re.compile(r"\b(?:left|leaving|resign\w*|retir\w*|released|waived|died|death|relieved|ended|"
                    r"depart\w*|sold\s+(?:his|her|its|their)|expelled|dismissed|sacked|fired|possible|possibly|"
                    r"discuss(?:ed|ing)?|talks|rumou?r(?:s|ed)?|bids?|offers?|offered|trial|considered|will|would|could|"
                    r"might|planned|plans|proposed|expected|intended|reported|negotiat\w*|debut\w*|scor\w+|goals?|"
                    r"appear\w*|match|game|by\s+then|already|still|remained|continued)\b", re.I)
# a tie's start told in the sentence: the date is of a joining, a signing, a move, an appointment, a founding or a
# purchase ("On May 21, 1847, [[Jane Roe]] was named the first Bishop of [[X]]"), not of an act done in the post ("In
# July 2012 [[Jane Roe]] announced a package" after "[[Jane Roe]], chairman of [[X]] (2012–2013)")
_START = re.compile(r"\b(?:join\w*|(?:re-?)?sign(?:ed|ing|s)|traded|transferred|sold|moved|relocat\w*|appointed|named|"
                    r"elected|hired|became|becoming|took\s+(?:over|office|command)|formed|founded|loan\w*|recruited|"
                    r"acquired|reacquired|bought|purchased|merged|enlisted|assumed|succeeded|promoted|drafted|"
                    r"claimed|went|installed|inaugurated|sworn|consecrated|ordained|enthroned|admitted|entered|"
                    r"commissioned|assigned|posted|placed\s+in\s+command)\b", re.I)
# a party that lets the person go: "the [[Foo Sox]] traded [[Jane Roe]] to the [[Bar Cubs]]" starts her tie with Bar,
# and ends hers with Foo
_LETS_GO = re.compile(r"\s+(?:\w+\s+)?(?:traded|sold|released|waived|loaned|transferred)\b", re.I)
_BIRTH = re.compile(r"\b(?:born|b\.)\s*$", re.I)


def _finer_dates(s: Sentence, year: str, members: bool) -> list[DateValue]:
    """The dates of a sentence finer than a year and in it, none an end's, a birth's or a span's second, nor a
    founding's but a body's members'; none when the sentence dates something by that year alone ("commanded [[X]]
    from 1948 to 1951, receiving promotion on 24 January 1948": the year is the fact's, the day another event's),
    or by a month without its year."""
    out = []
    for start, end, y, month, _day in find_dates(s.text):
        if y is None and month is not None:
            return []  # "joined [[A]] in October 2009, before a spell at [[B]] in December": B's month is December
        if str(y) != year:
            continue
        if month is None:
            return []
        before = s.text[max(0, start - 60):start]
        if _ENDED.search(before) or _BIRTH.search(before) or not members and _FOUNDED.search(before):
            continue
        if (d := parse_date(s.text[start:end])) is not None and len(d.value) > 4:
            out.append(d)
    return out


def dated_finer(statements: list[Statement], article: ParsedArticle, ctx: Context) -> list[Statement]:
    """A fact that every statement dates by its year (or month) alone, when the sentences that name both its
    parties give one finer date in that year, and no other: the same fact once more, on the sentence that gives
    it ("[[Foo FC]] (1998–2002)" in a list, "He joined Foo FC in March 1998" in the prose: 1998-03)."""
    best: dict[tuple[str, str, str], str] = {}  # a fact's finest date
    owns: dict[tuple[str, str, str], set[int]] = {}  # the sentences that state it, whose dates its rules read already
    for st in statements:
        if isinstance(st.obj, Mention) and st.predicate in _FINER:
            k = (st.subject.key, st.predicate, st.obj.key)
            owns.setdefault(k, set()).add(st.evidence.start)
            if st.date is not None:
                best[k] = max(best.get(k, ""), st.date.value, key=len)
    out, done = [], set()
    for st in statements:
        k = (st.subject.key, st.predicate, getattr(st.obj, "key", ""))
        if k not in best or k in done or st.date is None or st.date.value != best[k] or len(best[k]) == 10 \
                or st.attributed_to is not None or st.subject.key == st.obj.key:
            continue
        done.add(k)
        found: dict[DateValue, Sentence] = {}
        for s in article.sentences:
            if s.start in owns[k] or best[k][:4] not in s.text or _OTHER.search(s.text) or not _START.search(s.text) \
                    or not (finer := _finer_dates(s, best[k][:4], st.predicate == "memberOf")):
                continue  # "He commanded [[X]] from 1948, receiving promotion on 24 January 1948": the rule's year
            mentions = find_mentions(s, ctx)
            keys = {m.key for m in mentions}
            if st.subject.key in keys and st.obj.key in keys and not any(
                    m.key in (st.subject.key, st.obj.key) and _LETS_GO.match(s.text, m.end) for m in mentions):
                for d in finer:
                    if d.value.startswith(best[k]) and len(d.value) > len(best[k]):
                        found.setdefault(d, s)
        if len(found) != 1:
            continue  # none, or two dates of that year: which is the fact's the text does not say here
        date, s = next(iter(found.items()))
        out.append(replace(st, evidence=Evidence.of_sentence(s), rule=f"{st.rule}+finer", date=date, end_date=None,
                           citations=()))
    return out
