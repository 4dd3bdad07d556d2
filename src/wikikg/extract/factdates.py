"""Which of a sentence's dates are not its fact's: a name's own parenthesis, a founding aside, an earlier clause's."""
from __future__ import annotations

import re

from wikikg.extract.dates import find_dates, sentence_date
from wikikg.extract.factasides import other_times
from wikikg.extract.openings import AFTER, BEFORE, EARLIER, THEN, in_opening, spanned
from wikikg.model import DateValue

# a parenthesis right after a slot: "⟦Foo⟧ (founded in 2001 under another name)", "⟦Jane Roe⟧ (1767–1854)"
_WORDS = re.compile(r"[\w.'’-]+|[–—]")  # the words before a year, as attributive_years reads them
_STATE_VERB = re.compile(r"(?:is|are|has|have|remains)\s")
_SLOT_NEXT = re.compile(r"(?:the\s+)?⟦")
_AFTER_SLOT = re.compile(r"⟦(\d+)⟧'*,?\s*(?:\((?:[^()\d]|⟦\d+⟧)*\)\s*)?(\([^()]*\))")  # past an undated one: "(born ⟦1⟧) (1947–1984)"
# a founding stated aside, of a name and not of the fact: "(founded in 2001 ...)", "Launched in 2005, ⟦X⟧ is",
# "⟦X⟧ is a unit of ⟦Y⟧ and was founded in 1997"
_FOUNDING = (r"(?:founded|established|formed|launched|created|incorporated|opened|built|set\s+up|est\.)\s+"
             r"(?:in|on|around|c\.)?\s*")
_FOUNDED_IN = r"(?:founded|established|formed|launched|created|incorporated|opened|built|set\s+up)\s+(?:in|on)\s+"
_FOUNDING_ASIDE = re.compile(rf"\(\s*(?:originally\s+|first\s+)?{_FOUNDING}[^()]*\)"
                             rf"|^(?:(?:originally|first)\s+)?{_FOUNDED_IN}[^,⟦⟧]{{0,40}}?(?=,)"
                             rf"|(?<=⟧),\s*(?:originally\s+|first\s+)?{_FOUNDED_IN}[^,()⟦⟧]{{0,20}}?,"
                             rf"|\band\s+(?:was|were)\s+(?:originally\s+|first\s+)?{_FOUNDED_IN}[^,;⟦⟧]{{0,40}}", re.I)
# a life: "(born 1952)", "(died 2001)"; or a range of years after a person's name too long to be a term
_LIFE_WORDS = re.compile(r"\(\s*(?:[^()]*?[;,]\s*)?(?:born|b\.|died|d\.)\s", re.I)
LIFE_YEARS = 25
_LEAD = re.compile(r"\s+(?:was|is)\s")  # "⟦Jane Roe⟧ (1931–1950) was ...": the lead's copula after a life
# where a second event of a sentence starts, with a date of its own: "resigned in August 1976 and in December
# 1976 the party was founded", "acquired A in 2009, and in 2011 the company acquired B", "from 2004-2005 she was
# director of A and from 2006-2007 was director of B"; a relative clause
# ("died in 2009 and ⟦Jane Roe⟧, who joined the firm in 1987, ..."); a present state after a past event ("was
# founded in 1982, and is headquartered in ⟦Fooville⟧", "a member of ⟦A⟧ since 2001 and is a member of ⟦B⟧": no date
# of the state's); a clause after "until" ("played at
# ⟦A⟧ from 1970 until the team moved to ⟦B⟧ in 2000": the move is of 2000)
_NEW_EVENT = re.compile(r"(?:,\s*|\s+)(?:and|but|while|then)\s+(?=(?:then\s+|later\s+)?(?:in|on|by|during|from|since)\s+"
                        r"(?:the\s+)?(?:early\s+|late\s+|mid-?\s*)?(?:\d|[A-Z][a-z]+\s+\d))|,\s*(?:who|which)\s"
                        r"|(?:,\s*|\s+)and\s+(?=(?:is|are|has|have|remains)\s)"
                        r"|\s+until\s+(?=(?:the\s+[a-z]+|it|they|he|she|⟦\d+⟧)\s+[a-z]+\s)")  # "... until the team moved to"

# a later event told after an earlier one without a date of its own: "was established in 1982 in ⟦A⟧, but it later
# moved its offices to ⟦B⟧" (the move is not of 1982), "a trustee from 1990 to 1994 and more recently a member of ⟦B⟧"
_LATER = re.compile(r"(?:,\s*|\s+)(?:but|and)\s+(?:(?:it|they|he|she|⟦\d+⟧|the\s+[a-z]+)\s+)?"
                    r"(?:later|(?:more\s+)?recently|subsequently|afterwards|eventually|thereafter)\s", re.I)

# a subordinate clause told after the main clause, of an event before or after its: "On February 8, 1973, ⟦A⟧ was
# promoted to publisher, after ⟦Jane Roe⟧ was named president of ⟦X⟧", "played for ⟦A⟧ in 1990 before joining ⟦B⟧"
_SUBORDINATE = re.compile(r"(?:,\s*|\s+)(?:after|before)\s+(?=(?:⟦\d+⟧|he|she|they|it|[a-z]+ing)\s)")
_MAIN = re.compile(r"⟦\d+⟧|\b(?:he|she|they|it)\s", re.I)  # a main clause's subject before the subordinate one
# the post an honour is for: "was made a Commander of the Order of ⟦X⟧ in May 1956 for his service as Secretary of ⟦Y⟧",
# "received the medal in 1990 for her work at ⟦Y⟧": the sentence's date is the honour's, not the post's start
_SERVICE_FOR = re.compile(r"\bfor\s+(?:his|her|their|its)\s+(?:[a-z]+\s+)?(?:service|services|work|contributions?|role|"
                          r"tenure|leadership)\s+(?=(?:as|at|to|in|with|on)\s)")
# a date that opens the sentence before any name ("In 2003, ⟦A⟧ joined the legislature after being elected to ⟦X⟧"):
# the whole sentence's, a gerund's after it too
_FRONT = re.compile(r"\s*(?:in|on|by|during)\s+(?:the\s+)?(?:(?:late|early|mid)[\s-]+)?$", re.I)


def _fronted_only(text: str, end: int) -> bool:
    """Whether every date before `end` stands in a phrase that opens the sentence, before its first name."""
    found, first = find_dates(text[:end]), text.find("⟦")
    return bool(found) and all(e <= first for _s, e, *_ in found) and bool(_FRONT.match(text[:found[0][0]]))


# a break inside a subordinate clause: its own date before the trigger dates the fact only when none stands between
# ("were champions in the 1974–75 season, but after ⟦Jane Roe⟧ left in 1976 to take over as manager of ⟦X⟧": 1976)
_BREAK = re.compile(r"[,;]|\s(?:and|but)\s")

# a date that ends a term, no event's own: "until 2008", "to 1949", "until the end of 1944" (ENDS), or after a dash
# ("1990–", _ENDING)
_PART_OF = r"(?:(?:end|close|middle|beginning|start|spring|summer|autumn|fall|winter)\s+of\s+(?:the\s+)?)?"
ENDS = re.compile(rf"\b(?:until|till|to|through)\s+(?:the\s+)?{_PART_OF}$")
_ENDING = re.compile(ENDS.pattern + r"|[–—-]\s*$")

# the fact's end told before its trigger: "the company resigned its membership in ⟦X⟧", "withdrew from ⟦X⟧": the
# date is the leaving's, not the fact's
_LEAVING = re.compile(r"\b(?:(?:resigned|withdrew|retired|stepped\s+down|was\s+expelled)\s+from\b|(?:resigned|left|quit|"
                      r"lost|gave\s+up|renounced|ended|terminated|suspended|cancell?ed)\s+(?:its|his|her|their|the)\s+"
                      r"(?:[\w-]+\s+)?(?:membership|seat|post|position|affiliation)\b)", re.I)

# the fact's end, with no start before it: "Until the 2013 election, ⟦X⟧ governed with ⟦Y⟧" (not "from 1950 until 1953");
# also an end told by its event: "served as dean of ⟦X⟧ until his retirement in May 1944", "until its closure in 2001";
# "through" as "until": "played for the ⟦Bears⟧ through the 2003 season"
# "remained in the Assembly until the end of 1944": a part of the year ends it too
# "until the Roe family sold the airline to ⟦Foo⟧ in 2001", "until being elected MEP in 1999", "until about 1869": the end
# told by a clause of its own ("until" then any words of one clause before the date)
_UNTIL = re.compile(r"\b(?:(?:[Uu]ntil|[Tt]ill)\s+(?:(?:about|around|circa|c\.)\s+|(?:[^\s,;:()]+\s+){1,10}?(?:in|on)\s+)?"
                    r"|[Tt]hrough\s+(?:(?:his|her|its|their|the)\s+(?:[a-z][\w-]*\s+){1,4}?(?:in|on)\s+)?)"
                    rf"(?:the\s+)?{_PART_OF}(?:(?:early|late|mid)-?\s*)?(?:\d{{1,2}}\s+)?(?:[A-Z][a-z]+\s+)?"
                    r"(?:\d{1,2},?\s+)?\d{4}(?!\d)")

# a date a state held by, no start of it: "By October 1941, he was deputy head of ⟦X⟧", "by 1925 ⟦X⟧ had set up a
# factory in ⟦Y⟧", "By the end of 1990, the firm was a member of ⟦X⟧": the fact began then or before, when the text
# does not say
_BY = re.compile(r"\b[Bb]y\s+(?:the\s+)?(?:(?:early|late|mid|end\s+of|middle\s+of|spring\s+of|summer\s+of|autumn\s+of"
                 r"|fall\s+of|winter\s+of)(?:-|\s+)(?:the\s+)?)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?\d{4}(?!\d)")

# a date the fact came after, no date of its: "after 1942, some members joined ⟦X⟧", "a free agent after the 2008 season,
# he signed with ⟦X⟧ on March 18, 2009"
_AFTER_DATE = re.compile(r"\b[Aa]fter\s+(?:(?:the\s+)?(?:early|late|mid|end\s+of)(?:-|\s+)(?:the\s+)?)?(?:\d{1,2}\s+)?"
                         r"(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?\d{4}(?!\d)(?:\s*[–—-]\s*\d{2,4})?"
                         r"|\b[Aa]fter\s+the\s+\d{4}(?:\s*[–—-]\s*\d{2,4})?\s+season\b")  # (not "after the 2010 election",
# an event the year names: "After the 2010 election he was named chair of ⟦X⟧" is of 2010)

# a year that modifies a name, no event's date: "⟦Jane Roe⟧ – 1991 NFL Player of the Year", "chairman for 2006
# Friends of Foo", "1963's \"Foo\"", "joined them for the 2009 ⟦Foo League⟧"; not a time phrase's ("in the 2006 general
# election", "In 1999 Roe began"): a bare year after a determiner, "for" or a dash, before a capitalised name or "'s"
_NAMED_NEXT = re.compile(r"'s\b|\s*⟦|\s+[A-Z]")
_TIME_WORDS = frozenset("in on at by during since from until till to through throughout after before following around "
                        "circa c. early late mid of and or between".split())
_MODIFYING = frozenset("the a an its his her their for – — -".split())


def attributive_years(text: str) -> list[tuple[int, int]]:
    """The spans of years in `text` that modify the name after them (no event's date)."""
    out = []
    for start, end, year, month, _day in find_dates(text):
        if year is None or month is not None or end - start != 4 or not _NAMED_NEXT.match(text, end):
            continue
        words = _WORDS.findall(text[max(0, start - 40):start])
        if text.startswith("'s", end) and (not words or words[-1].lower() not in _TIME_WORDS):
            out.append((start, end))
        elif words and words[-1].lower() in _MODIFYING and (words[-1].lower() in ("for", "–", "—", "-") or len(words) < 2
                                                              or words[-2].lower() not in _TIME_WORDS):
            out.append((start, end))
    return out


_CLAUSE_BREAK = re.compile(r"[,;]|\band\b")


def _ranged(text: str, until: int) -> bool:
    """Whether an "until" at `until` closes a range whose start stands just before it in its clause ("from 1950 until
    1953"; not "re-elected in 1942, and remained in the Assembly until the end of 1944": that clause's end alone)."""
    found = find_dates(text[max(0, until - 40):until])
    return bool(found) and not _CLAUSE_BREAK.search(text, max(0, until - 40) + found[-1][1], until)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _slot_end(text: str, i: int) -> int:
    """Where slot i ends in a slotted text (past the end when it is not there: the article's subject)."""
    p = text.find(f"⟦{i}⟧")
    return p + len(f"⟦{i}⟧") if p >= 0 else len(text) + 1


def _inside(span: tuple[int, int], a: int, b: int) -> bool:
    return a <= span[0] < b or a < span[1] <= b


def _life(note: str) -> bool:
    """Whether a parenthesis after a person's name gives their life: a birth or a death, or a long range."""
    if _LIFE_WORDS.match(note):
        return True
    years = [y for _s, _e, y, *_ in find_dates(note) if y is not None]
    return len(years) == 2 and years[1] - years[0] >= LIFE_YEARS


def fact_text(text: str, span: tuple[int, int], parties: set[int], people: set[int], founding: bool) -> str | None:
    """`text` (a slotted sentence) with the dates that are not the fact's blanked out: the fact's trigger at
    `span`, `parties` the slots of its subject and object (`people` those that are persons), `founding`
    whether the fact is a founding. Blanked: a dated parenthesis right after another name (that name's own
    years: "⟦Jane Roe⟧ (2016–2018), the founding president was ⟦X⟧"), a party's life ("founded by ⟦Jane Roe⟧
    (1767–1854) in 1799"), an earlier event's opening phrase when the sentence dates its own ("After completing
    his PhD in 1979, ... a position at ⟦Y⟧ in 1980"), a founding told aside ("Launched in 2005, ⟦X⟧ is a subsidiary of ⟦Y⟧"), and
    the part of the sentence before a second event with a date of its own that the trigger stands in (or, when
    the fact's parties all stand before that event, the part after it); what factasides.other_times tells at
    another time (a birth, the outside of a parenthesis's clause). None when
    the sentence gives the fact no date at all: a leaving told before it, a present state after a past event."""
    lo = max(text.rfind(",", 0, span[0]), text.rfind(";", 0, span[0])) + 1
    if _LEAVING.search(text, lo, span[1]):
        return None
    if in_opening(text, span):
        return None
    out: list[tuple[int, int]] = []
    out += other_times(text, span)
    for m in _AFTER_SLOT.finditer(text):
        note = m.span(2)
        if _inside(span, *note) or not find_dates(m.group(2)):
            continue
        slot = int(m.group(1))
        if slot not in parties or slot in people and (_life(m.group(2)) or m.start() == 0 and _LEAD.match(text, note[1])):
            out.append(note)  # a person's dated parenthesis that opens a lead's sentence is their life: "⟦Jane Roe⟧
            # (August 4, 1931 – July 5, 1950) was a private in ⟦X⟧", however short (not "⟦A⟧ (1991–1995), ⟦B⟧ (1996)
            # and ⟦C⟧ have also done ...": their terms)
    if not founding:
        out += [m.span() for m in _FOUNDING_ASIDE.finditer(text) if not _inside(span, *m.span())]
    out += [y for y in attributive_years(text) if not _inside(span, *y)]
    out += [m.span() for m in _UNTIL.finditer(text) if not _inside(span, *m.span()) and not _ranged(text, m.start())]
    out += [m.span() for m in _BY.finditer(text) if not _inside(span, *m.span())]
    out += [m.span() for m in _AFTER_DATE.finditer(text) if not _inside(span, *m.span())]
    if (opening := BEFORE.match(text)) and not _inside(span, *opening.span()):
        out.append(opening.span())
    elif (opening := AFTER.match(text) or EARLIER.match(text)) and not _inside(span, *opening.span()) \
            and (any(not _ENDING.search(text, max(0, b - 12), b)
                     for b, *_ in find_dates(_blank(text, out + [opening.span()] + [m.span() for m in _UNTIL.finditer(text)]
                                                    + [(m.start(), len(text)) for m in THEN.finditer(text, span[1])][:1])))
                 or opening.re is AFTER and spanned(opening.group())):
        out.append(opening.span())  # the sentence dates its own event elsewhere, or the phrase's date is none of its
    out += [(0, m.start()) for m in _LATER.finditer(text, 0, span[0])][-1:]
    out += [(0, m.start()) for m in _SUBORDINATE.finditer(text) if m.end() <= span[0]  # its word may be the trigger's
            and not (m.end() == span[0] and _fronted_only(text, m.start()))
            and (not find_dates(text[m.end():span[0]]) or find_dates(_blank(text, out)[m.end():span[0]])
                and not _BREAK.search(text, m.end(), span[0]))  # (its own date: not another name's blanked years)
            and find_dates(text[:m.start()]) and _MAIN.search(text, 0, m.start())][-1:]
    out += [(0, m.start()) for m in _SERVICE_FOR.finditer(text) if m.end() <= span[0]][-1:]
    cut = None
    for m in _NEW_EVENT.finditer(text):
        if m.end() > span[0]:
            break
        cut = m
    relative = cut is not None and cut.group().lstrip(", ").startswith(("who", "which"))
    if relative:
        comma = text.find(",", span[1])
        own = _blank(text, out)[cut.end():comma if comma >= 0 else len(text)]
        cut = cut if find_dates(own) else None  # "⟦Jane Roe⟧, who joined the firm in 1987,": the clause's own date
    if cut is not None and cut.group().rstrip().endswith("and") and _STATE_VERB.match(text, cut.end()):
        own = min((i for i in (text.find(",", span[1]), text.find(";", span[1])) if i >= 0), default=len(text))
        if not find_dates(text[cut.end():own]):
            return None  # "a member of ⟦A⟧ since 2001 and is a member of ⟦B⟧": no date of the state's
        return _blank(text, out + [(0, cut.start())])  # "... in 2003 and has served as its chair since 2004": its own
    if cut is not None and not relative and parties and all(_slot_end(text, i) <= cut.start() for i in parties):
        return _blank(text, out + [(cut.start(), len(text))])  # "formed the ⟦A⟧ in September 1945 and in
        # 1946 the ⟦B⟧ was founded": a fact of A's, whatever its trigger, is the first event's
    if cut is not None:
        out.append((0, cut.start()))
    return _blank(text, out)


# ", graduating in 2003", ", from which he graduated with a PhD in 1975", ", where she earned a degree in 1990",
# ", earning his doctorate in philosophy in 1987":
# a schooling's date, told after the school's name
_GRADUATED = re.compile(r",\s*(?:graduating|(?:earning|receiving|obtaining|completing)\s+(?:his|her|their|a|an|the)\s|"
                        r"(?:from\s+)?(?:which|where)\s+(?:he|she|they|⟦\d+⟧)\s+(?:graduated|received|earned|"
                        r"obtained|completed))\b[^;.]{0,120}?\b(?:in|on)\s+(?=\d|[A-Z][a-z]+\s+\d)")


def graduation_date(text: str, comma: int) -> DateValue | None:
    """The date a clause after a school's name gives the schooling (`comma`: where that clause starts)."""
    m = _GRADUATED.match(text, comma)
    return sentence_date(text[m.end():m.end() + 20], None, None) if m else None


# "⟦B⟧ in 2008", "⟦B⟧ from 1966 to 1980", "⟦B⟧ (from 1966 to 1980)", "⟦B⟧ (1889-1895)": a date right after a party
_OWN_DATE = re.compile(r"\s*(?:(?:in|on|during|from|since)\s+|\(\s*(?:(?:from|since)\s+)?)(?=\d|[A-Z][a-z]+\s+\d)")


def own_date(text: str, end: int, person: bool = False) -> DateValue | None:
    """The date right after a listed party that ends at `end` ("an office in ⟦A⟧, followed by an office ⟦B⟧ in
    2008": B's; "taught at ⟦A⟧ (from 1963 to 1966) and at ⟦B⟧ (from 1966 to 1980)": each its own), if the text
    gives one there; not the life a parenthesis after a `person` gives."""
    m = _OWN_DATE.match(text, end)
    if m is None:
        return None
    if "(" in m.group() and person:
        close = text.find(")", m.end())
        if close < 0 or _life(text[m.start():close + 1].strip()):
            return None
    found = find_dates(text[m.end():m.end() + 30])
    return sentence_date(text[m.end():m.end() + found[0][1]], None, None) if found and found[0][0] == 0 \
        and found[0][2] is not None else None


_SUBJECT_VERB = re.compile(r"(?:the\s+)?⟦\d+⟧\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b")  # "⟦B⟧ studied", "⟦B⟧ was"
_CONJUNCT = re.compile(r"(?:,\s*|\s+)(?:and|but)\s+(?!(?:from|to|in|at|of|on|with|by|for)\s)")  # not "from A and from B"


def conjunct_start(text: str, span: tuple[int, int]) -> int | None:
    """Where the conjunct that holds a trigger at `span` begins, when an earlier conjunct gives a date of its own
    ("a visiting artist at ⟦A⟧ in 1997, and a Senior Fellow at ⟦B⟧ in 2001": B's conjunct); None when no "and"
    follows the last date before the trigger (or opens it), or that "and" joins a name to another ("⟦A⟧ and ⟦B⟧ joined")."""
    found = [e for _s, e, year, *_ in find_dates(text[:span[0]]) if year is not None]
    if not found:
        return None
    last = None
    for m in _CONJUNCT.finditer(text, found[-1], span[1]):
        if m.start() < span[0]:
            last = m
    if last is None or _SLOT_NEXT.match(text, last.end(), span[0]) and (text[:last.start()].endswith("⟧") or not any(
            year for *_, year, _m, _d in find_dates(text[span[1]:].split(",")[0])) and not _SUBJECT_VERB.match(
            text, last.end())):
        return None  # (not "moved to ⟦A⟧ in 1927 and ⟦B⟧ studied at ⟦C⟧": a clause with a subject and a verb of its own)
    return last.end()  # (and "in 2011 and ⟦B⟧ acquired ⟦C⟧ in 2012": B's clause, with its own date)


# "until 2001 when they hired ⟦X⟧ as chairman", "added the title in 1987 when ⟦X⟧ became chairman": a "when" right
# after a date opens a clause whose event is of that date (the trigger in it, no comma or other date between)
_WHEN = re.compile(r",?\s+when\s+[^,;:()]*")


def when_date(text: str, span: tuple[int, int], limit: int) -> DateValue | None:
    """The date a "when" clause holding the trigger at `span` hangs from, when the clause gives none of its own."""
    if "when" not in text:
        return None  # no "when" clause (most texts): no dates looked for
    found = [(s, e) for s, e, year, *_ in find_dates(text[:span[0]]) if year is not None]
    if not found or not (m := _WHEN.match(text, found[-1][1])) or m.end() < span[0] \
            or any(s >= found[-1][1] for s, *_ in find_dates(text[:limit])):
        return None
    return sentence_date(text[found[-1][0]:found[-1][1]], None, None)


# "In the ⟦2006 general election⟧ the party was affiliated to ⟦X⟧", "became part of ⟦X⟧ during the ⟦2002 parliamentary
# elections⟧": a link to an event (no body, no place: a name of no class) as the time of the sentence's event, opening
# it or after the trigger in the fact's clause, its year in its words
_EVENT_TIME = re.compile(r"(?:^|(?<=\s))(?:[Ii]n|[Dd]uring|[Aa]t)\s+the\s+⟦(\d+)⟧")
_OTHER_PREDICATE = re.compile(r"\b(?:and|but|then|that|which|who|where|when|while)\b")


def event_link_date(text: str, mentions: list, start: int, end: int) -> DateValue | None:
    """The date of an event whose link is the time of the fact ("In the ⟦2006 election⟧, ...", or between `start`
    and `end`: "... during the ⟦2002 elections⟧"), if its name gives one year."""
    after = next(_EVENT_TIME.finditer(text, start, end), None)
    if after is not None and _OTHER_PREDICATE.search(text, start, after.start()):
        after = None  # "joined ⟦X⟧ and first took part in the ⟦1998 Games⟧": another predicate's time
    for m in (_EVENT_TIME.match(text), after):
        event = mentions[int(m.group(1))] if m and int(m.group(1)) < len(mentions) else None
        if event is None or event.types:
            continue
        found = [f for f in find_dates(event.text) if f[2] is not None]
        return sentence_date(event.text[found[0][0]:found[0][1]], None, None) if len(found) == 1 else None
    return None


# where a coordinated predicate starts after "and": "and was subsequently elected to ⟦Y⟧ in 1990", "and later received
# a degree from ⟦Y⟧ in 1982", "and in 1787 joined ⟦Y⟧", ", then received": another event, whose date is not an earlier conjunct's
_ADVERB = r"(?:[a-z]+ly|then|later|also|soon|afterwards|eventually|subsequently|at\s+(?:one|some)\s+point|in\s+turn)"
_VERB = (r"(?:was|were|is|are|has|had|have|became|began|went|took|won|spent|held|led|made|ran|rose|taught|wrote|left"
         r"|got|gave|sat|saw|[a-z]{3,}ed)\b")
_AND_VERB = re.compile(rf"(?:(?:,\s*|\s+)and\s+|,\s*(?=then\s))(?:{_ADVERB}\s+)*(?:{_VERB}|(?:in|on|by)\s+(?:[A-Z][a-z]+\s+)?\d)")
_TERM = re.compile(r".*?\b(?:served|remained|held|sat)\b")  # "was appointed Governor of ⟦X⟧ and served from 1918": X's term
# (not "attended ⟦X⟧ and served in the ⟦Y⟧ from 1946 to 1949": Y's, another body named before the date)
# a later predicate told as a state or as coming after ("and became professor at ⟦X⟧", "and at one point was a member of
# ⟦X⟧", "and then spent a year at ⟦X⟧", "retired in 1979 and remained active, serving on the board of ⟦X⟧": a state
# after the event, not of its date), or after a birth: not an event told right after the first ("returned to
# Freedonia in 2004 and joined ⟦X⟧", "graduated in 1966 and enrolled in ⟦X⟧": as often of that year as not)
_STATE = re.compile(rf"(?:,\s*|\s+)and\s+(?:{_ADVERB}\s+)*(?:became|remained|stayed|continued|(?:was|were)\s+(?:also\s+)?"
                    r"(?:a|an|the|one)\s)"
                    r"|(?:,\s*|\s+)(?:and\s+(?:then\s+)?)?(?:later|subsequently|afterwards|eventually|at\s+(?:one|some)\s+point)\s"
                    r"|(?:,\s*|\s+)and\s+then\s")  # not ", then attended ⟦X⟧" right after a graduation: of its year
_GRADUATION = re.compile(rf"(?:,\s*|\s+)and\s+(?:{_ADVERB}\s+)*(?:graduated|received|earned|obtained|completed|was\s+a\s+"
                         r"(?:freshman|sophomore|junior|senior|student))\b")
_FROM_SLOT = re.compile(r"\b(?:from|at)\s+(?:the\s+)?⟦")  # another school named: "received a B.S. from ⟦Y⟧ in 1973"
_BORN_IN = re.compile(r"\bborn\b")
_RELATIVE = re.compile(r"\b(?:\w+\s+(?:years?|months?)\s+later|(?:the\s+)?(?:following|next|same)\s+(?:year|month)"
                       r"|that\s+(?:same\s+)?(?:year|month))\b", re.I)


def later_conjunct(text: str, start: int, limit: int, schooling: bool = False) -> int | None:
    """Where a later coordinated predicate begins between a trigger's end (`start`) and `limit`, when the
    trigger's own conjunct gives no date and the later one does ("became chairman of ⟦X⟧ and was subsequently
    elected to ⟦Y⟧ in 1990": 1990 is Y's); else None, also for a `schooling` whose graduation the later one
    tells, naming no other school ("attended ⟦X⟧ and graduated in 1947": the schooling's date)."""
    m = _AND_VERB.search(text, start, limit)
    if m is None or find_dates(text[start:m.start()]) or not (found := find_dates(text[m.start():limit])) \
            or _TERM.match(text, m.end() - 8) and "⟦" not in text[m.start():m.start() + found[0][0]] \
            or schooling and _GRADUATION.match(text, m.start()) and not _FROM_SLOT.search(text, m.start()):
        return None
    return m.start()


def verb_conjunct(text: str, span: tuple[int, int]) -> int | None:
    """Where the coordinated predicate that holds a trigger at `span` begins, when an earlier predicate of the
    sentence gives a date ("joined the priesthood in 1628 and became professor at ⟦X⟧": X's conjunct);
    None when no "and" and a verb stand between the last date before the trigger and it, or the conjunct tells
    its date relative to the earlier one ("and two years later joined ⟦X⟧")."""
    found = [e for _s, e, year, *_ in find_dates(text[:span[0]]) if year is not None]
    if not found:
        return None
    last = None
    for m in _AND_VERB.finditer(text, found[-1], span[1]):
        if m.start() < span[0] and "⟦" not in text[m.start():min(m.end(), span[0])]:
            last = m
    if last is None or len(found) == 1 and found[0] <= text.find(",") < last.start():
        return None  # "After the war in 1945, the party returned ... and became a member of ⟦X⟧": an opening's date
    return None if _RELATIVE.search(text, last.start(), span[1] + 40) else last.start()


def state_conjunct(text: str, start: int) -> bool:
    """Whether the coordinated predicate at `start` is told as a state or as coming later, or after a birth."""
    return bool(_STATE.match(text, start) or _BORN_IN.search(text, 0, start))
