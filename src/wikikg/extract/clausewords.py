"""Words around a mention of a slotted sentence: a count, the clause's last word, a verb it is the object of."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

NUMBER = re.compile(r"(?:\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
                    r"hundreds?|thousands?|several|many|some|other|both|all)|(?<![\d,])\d{1,3}(?!\d))\s+$", re.I)
NUMBER_REACH = 9  # the longest word or number before NUMBER's closing spaces ("thousands")
WORDS = re.compile(r"[\w'’-]+|[(),]")


def number_before(window: str) -> bool:
    """NUMBER.search(window): its match ends in the window's closing spaces, so it starts at most
    NUMBER_REACH characters before them (the search looks behind that start as before)."""
    return NUMBER.search(window, max(0, len(window.rstrip()) - NUMBER_REACH)) is not None


@lru_cache(maxsize=256)  # a clause's mentions are each checked against the words before them
def words_from(text: str, lo: int) -> tuple[list[int], list[str]]:
    """The end and the lower-cased form of each word (or parenthesis, comma) of text[lo:]."""
    found = list(WORDS.finditer(text, lo))  # C loops below, no Python one
    return list(map(re.Match.end, found)), list(map(str.lower, map(re.Match.group, found)))


def last_word(text: str, lo: int, s: int, skip: frozenset[str]) -> str | None:
    """The last word of text[lo:s] (lower case) that is not in `skip`, of those after the last one that is
    not (WORDS.findall(text[lo:s]) without its trailing `skip` words); `s` is a slot token's start, so no
    word runs into it and the words of text[lo:] that end by `s` are those of the slice."""
    ends, words = words_from(text, lo)
    k = bisect_right(ends, s)
    while k and words[k - 1] in skip:
        k -= 1
    return words[k - 1] if k else None


# a verb coordinated with an earlier one ("…, and founded", "… and then founded")
_COORDINATED = re.compile(r"(?<=[a-z⟧,)])\s+and\s+(?:then\s+|later\s+|also\s+|subsequently\s+)?$")
# a lower-case word (a verb: "they left the") before a name in its part of the clause: the name is an object
_OBJECT_BEFORE = re.compile(r"\b[a-z][a-z'’-]*\s+(?:(?:the|a|an|its|their|his|her)\s+)?$")
# what may open a timeline item before its verb: a date ("1981, ", "In March 2014, ")
_DATE_OPENING = re.compile(r"\W*(?:(?:[Ii]n\s+)?(?:[A-Z][a-z]+\s+)?\d{4}\s*[,:–—-]?\s*)?")
_PAST_VERB = re.compile(r"[A-Z][a-z]+(?:ed|[^s\W]s)\b")  # "Signed", "Partnered", "Acquired"; a timeline's "Acquires", "Opens"
_PRESENT_VERB = re.compile(r"[A-Z][a-z]+[^s\W]s\b")  # "Establishes" (not "Founded in 1979, ...": a participle)


def object_of_first_verb(text: str, lo: int, trigger_start: int, name_start: int) -> bool:
    """Whether the clause's first name (at `name_start`) is the object of a verb that the trigger's verb is
    coordinated with ("they left ⟦the University⟧ and founded ⟦ABE⟧"), not their subject."""
    head = text[lo:name_start]
    return bool(_COORDINATED.search(text, lo, trigger_start)) and bool(_OBJECT_BEFORE.search(head[head.rfind(",") + 1:]))


def opens_with_verb(text: str, span: tuple[int, int], trigger: str, present: bool = False) -> bool:
    """Whether a sentence opens with the trigger's active verb (past tense, or a timeline's present: "Acquires"), a date
    at most before it: a timeline item ("Signed a term sheet with ⟦X⟧", "1984: Acquires ⟦X⟧"), whose subject is the article's."""
    verb = _PRESENT_VERB if present else _PAST_VERB  # `present`: only a present tense's "-s" verb
    return bool(_DATE_OPENING.fullmatch(text, 0, span[0])) and bool(verb.match(trigger)) and " by" not in trigger


def closed_before(text: str, at: int, end: int) -> bool:
    """Whether position `at` lies inside parentheses that close before `end` (a clause break there,
    "(; ; born 1952)" left by pronunciation templates, breaks no clause outside them)."""
    depth = text.count("(", 0, at) - text.count(")", 0, at)
    return depth > 0 and text.count(")", at, end) - text.count("(", at, end) >= depth


_RELATIVE = re.compile(r"\s*,?\s*(?:that|which|who)\s+(?:[a-z][\w-]*\s+){0,3}")


def relative_after(text: str, end: int, at: int) -> bool:
    """Whether the words from a name's `end` to a trigger at `at` open a relative clause ("⟦the Prize⟧
    that was"): the clause's subject is that name, whatever names come before it."""
    return _RELATIVE.fullmatch(text, end, at) is not None


_NOUN_AND = re.compile(r"\s+(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)*\s+and\s+(?:the\s+|a\s+|an\s+)?")


def noun_and(text: str, end: int, at: int) -> bool:
    """Whether a common noun and "and" stand between a trigger's `end` and the next name at `at` ("a branch
    of the armed forces and the ⟦X⟧ received"): the phrase ended with the noun, X is no argument."""
    return _NOUN_AND.fullmatch(text, end, at) is not None


# "by ⟦A⟧ and ⟦B⟧ and named in honour of ⟦C⟧ of", "based in ⟦A⟧ and run by ⟦B⟧": a participle (an irregular one
# too) and its preposition start a new clause, not an item
_PARTICIPLE_GAP = re.compile(r"\band\s+(?:was\s+|were\s+)?(?:[a-z]+ed|run|built|held|made|known|sold|bought|taken|given|"
                             r"written|kept|won|brought|grown|begun|set\s+up)\s+(?:in|at|to|from|into|with|by|on|of|for|after)\b")


def participle_gap(gap: str) -> bool:
    """Whether the words between two names of a list hold "and" with a participle and its preposition."""
    return _PARTICIPLE_GAP.search(gap) is not None


# between an organisation and "based in": a verb or an adverb, a possessive, or its own noun after a copula, "as" or
# a comma ("⟦A⟧ is a software company based in"); another noun is the participle's ("⟦A⟧ has had a team based in",
# "⟦A⟧ marched to Foo Soup headquarters in": the team's, Foo Soup's)
_VERB_LAST = re.compile(r"(?:^|\s)(?:is|was|are|were|be|been|being|also|now|currently|still|both|all|which|that|who|"
                        r"and|its|their|his|her|remains|remained|became|becomes|officially|mainly|primarily|largely|"
                        r"mostly|originally|formerly|later|then|today|jointly|has|have|had|having|with|maintains|"
                        r"maintained|operates|operated|opened|runs|ran|moved)\s*$|['’]s\s*$|^[\s,]*$")
_OWN_NOUN = re.compile(r"(?:\b(?:is|was|are|were|been|be|became|becomes|become|remains|remained|as)|,)\s+"
                       r"(?:(?:now|currently|also|still|today)\s+)?(?:(?:a|an|the|another)\b|one\s+of\s+the\b)(?:[^,()⟦]|⟦\d+⟧)*,?\s*$")


_BRACKETS = re.compile(r"\([^()]*\)")
_PARTICIPLE = re.compile(r"(?:based|headquartered|headquarters)\b", re.I)
_POSSESSIVE = re.compile(r"['’]s\s+")


def other_noun(gap: str, trigger: str) -> bool:
    """Whether the words between a name and a participle ("based in") end in a noun that is not the name's own."""
    if not _PARTICIPLE.match(trigger) or _POSSESSIVE.fullmatch(gap):  # "⟦X⟧'s headquarters are in": X's own
        return False
    gap = _BRACKETS.sub(" ", gap)
    return _VERB_LAST.search(gap) is None and _OWN_NOUN.search(gap) is None


# "In 1989, after ⟦A⟧ filed for an offering, ⟦B⟧ joined ⟦C⟧": a fronted adverbial clause, its subject no subject of the
# main clause's verb (a subordinator at the sentence's or an opening's start, before the name)
_SUBORDINATOR = re.compile(r"(?:^|[,;:]\s*|^\W*(?:[Ii]n|[Oo]n|[Bb]y|[Dd]uring)\s+[^,⟦⟧]{1,30},\s*)(?:[Aa]fter|[Bb]efore|[Ww]hen|[Ww]hile|"
                           r"[Aa]lthough|[Tt]hough|[Bb]ecause|[Ss]ince|[Oo]nce|[Uu]ntil|[Ww]hereas|[Ii]f)\s+(?:the\s+)?$")


def past_fronted_clause(text: str, spans, ok: list[int], left: list[int], trigger_start: int) -> tuple[list[int], list[int]]:
    """The eligible and the left names of the main clause when the first eligible name is the subject of a fronted
    adverbial clause and the main clause has one of its own ("after ⟦A⟧ filed ..., ⟦B⟧ joined": B), else as given
    ("When the division arrived, it came under": the division; "when ⟦A⟧, now under the command of": A)."""
    main = _main_clause_from(text, spans[ok[0]][0], trigger_start)
    if main < 0 or spans[ok[-1]][0] < main:
        return ok, left
    return [i for i in ok if spans[i][0] >= main], [i for i in left if spans[i][0] >= main]


def _main_clause_from(text: str, name_start: int, trigger_start: int) -> int:
    """Where the main clause starts when the name at `name_start` is the subject of a fronted adverbial clause
    ("after ⟦A⟧ filed ..., ⟦B⟧ joined"): just past that clause's comma before the trigger; -1 when it is not."""
    if not _SUBORDINATOR.search(text, 0, name_start):  # the clause may start after the subordinator: look before it
        return -1
    depth = 0
    for k in range(name_start, trigger_start):
        c = text[k]
        depth += c == "("
        depth -= c == ")" and depth > 0
        if c == "," and not depth:
            return k + 1
    return -1


# a sentence that opens with a participle's phrase ("After graduating from ⟦X⟧ in 1960, ⟦Y⟧ attended", "In 1982, after
# graduating from ⟦X⟧, ⟦Y⟧ became", "Before joining ⟦X⟧, she", "Upon graduation from ⟦X⟧, he"): the phrase has no
# subject of its own, the main clause's is its
_PARTICIPLE_OPENING = re.compile(r"^\W*(?:(?:[Ii]n|[Bb]y|[Oo]n)\s+[^,⟦⟧]{1,25},\s+)?(?:[Aa]fter|[Bb]efore|[Uu]pon|[Oo]n|"
                                 r"[Ff]ollowing|[Ww]hile|[Hh]aving)\s+(?:(?:his|her|their)\s+)?"
                                 r"(?:[a-z]{2,}ing|graduation|graduated)\b")

# a clause of its own inside the opening ("After meeting a friend who had been signed by ⟦X⟧, ⟦Y⟧ decided": the friend's)
_CLAUSE_IN_OPENING = re.compile(r"\b(?:who|whom|whose|which|that|he|she|they|we|when|where|because|while|after|before)\b")


# a sentence that opens with its subject's birth or descent ("Born in ⟦A⟧ to ⟦B⟧ and ⟦C⟧, ⟦D⟧ attended", "The eldest son of
# ⟦B⟧, he was educated at", "A native of ⟦A⟧, ⟦D⟧ joined"): the opening's names are no subject of the main clause's verb
_KIN_OPENING = re.compile(r"^\W*(?:Born\b|A\s+native\s+of\b|(?:(?:The|A|An|His|Her)\s+)?(?:(?:only|eldest|oldest|youngest|elder|"
                          r"younger|second|third|fourth|fifth|sixth|illegitimate|adopted)\s+)?(?:[Ss]on|[Dd]aughter|[Cc]hild|"
                          r"[Gg]randson|[Gg]randdaughter|[Nn]ephew|[Nn]iece)\s+of\b)")
_PERSON_NEXT = re.compile(r"\s*(?:⟦(\d+)⟧|(?:he|she|they)\b)")


def kin_opening_end(text: str, trigger_start: int, person) -> int:
    """Where the main clause starts in a sentence that opens with its subject's birth or descent: past the last comma
    (outside brackets) before the trigger that a person's name (`person(i)` of slot i) or a pronoun follows, not a
    place's ("Born in ⟦A⟧, ⟦B⟧, he"); -1 when the sentence opens otherwise."""
    if not _KIN_OPENING.match(text):
        return -1
    depth, end = 0, -1
    for k in range(trigger_start):
        c = text[k]
        depth += c == "("
        depth -= c == ")" and depth > 0
        if c == "," and not depth and (m := _PERSON_NEXT.match(text, k + 1)) is not None \
                and (m.group(1) is None or person(int(m.group(1)))):
            end = k + 1
    return end


def participle_opening(text: str, trigger_start: int) -> bool:
    """Whether the sentence opens with a participle's phrase (no subject of its own) that holds the trigger."""
    m = _PARTICIPLE_OPENING.match(text)
    return m is not None and "," not in text[m.end():trigger_start] \
        and not _CLAUSE_IN_OPENING.search(text, m.end(), trigger_start)


def bare_pronoun(text: str, span: tuple[int, int], shown: str) -> bool:
    """Whether a mention shown as "he"/"she" follows its trigger with no comma before it: the next clause's subject,
    no argument ("as ⟦Foo F.C.⟧ manager he sold Roe"); after a comma it is one ("A Democrat, he serves")."""
    return shown.casefold() in ("he", "she") and not text[:span[0]].rstrip().endswith(",")


# a second verb of the clause before a name ("formed ⟦X⟧ with ⟦Y⟧ and acquired ⟦Z⟧": Z is the second verb's), or a name that
# heads a new clause after "and" ("bought ⟦A⟧ in 2011 and ⟦B⟧ acquired ⟦C⟧": B acquired)
_VERB = r"(?:[a-z]{3,}ed|bought|sold|took|made|won|built|led|began|became|went|ran)"  # (not "left wing")
_SECOND_VERB = re.compile(rf"(?:⟧|[\w)])[^⟦;]*?\s+and\s+(?:then\s+|later\s+|also\s+|subsequently\s+)?{_VERB}\s")
_AND_END = re.compile(r"(?<=[\w⟧)]),?\s+and\s+$")
_VERB_AFTER = re.compile(rf"\s+(?:had\s+|has\s+|have\s+|also\s+|then\s+|later\s+|itself\s+)?{_VERB}\b")
_CLAUSE_VERB = re.compile(rf"\s+(?:(?:also|then|later|had|has|have)\s+)?{_VERB}\s")
_A_SLOT = re.compile(r"⟦\d+⟧")


def next_predicate(text: str, spans, te: int, i: int) -> bool:
    """Whether name i, which a selector picks past the trigger's phrase ending at te, is another verb's: a coordinated
    verb stands between, or the name heads a new clause after "and"."""
    gap = text[te:spans[i][0]]
    return bool(_SECOND_VERB.search(gap) or _A_SLOT.search(gap) and _AND_END.search(gap)
                and _VERB_AFTER.match(text, spans[i][1]))


def new_subject(text: str, spans, ok: list[int], ts: int) -> int | None:
    """The name right before the trigger at ts that heads a new clause after "and", a verb of the clause's first name
    (ok[0]) between ("⟦A⟧ bought ⟦B⟧ in 2011 and ⟦C⟧ acquired"); None if there is none."""
    adj = [i for i in ok if not text[spans[i][1]:ts].strip()]
    if not adj or adj[-1] == ok[0]:
        return None
    c = adj[-1]
    before = text[spans[ok[0]][1]:spans[c][0]]
    return c if _AND_END.search(before) and _CLAUSE_VERB.match(before) else None


# a bare "he" or "she" as the clause's subject after the last name before the trigger ("After attending ⟦A⟧, he joined
# ⟦B⟧", "after ⟦A⟧ were relegated, he was out of contract and joined ⟦B⟧"): the verb is that person's
_PRONOUN_SUBJECT = re.compile(r"(?:^|[,;]\s*|\band\s+|\bthat\s+|\bthen\s+)(?:[Hh]e|[Ss]he)\s+(?:[a-z][\w-]*\s+){0,6}?$")
# a person's name alone before the verb after a comma or at the sentence's start ("..., ⟦Jane Roe⟧ joined"), or "he"
# or "she" read as the subject's name there or after "and" ("..., ⟦he⟧ was out of contract and joined")
_NAME_SUBJECT_BEFORE = re.compile(r"(?:^|,)\s*$")
_PRONOUN_SUBJECT_BEFORE = re.compile(r"(?:^|[,;]|\band|\bthen|\bthat)\s*$")
_NAME_SUBJECT_AFTER = re.compile(r"\s+(?:(?:later|then|also|eventually|subsequently|soon|again|finally)\s+)?")
_PRONOUN_SUBJECT_AFTER = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,6}?")


def pronoun_subject(text: str, start: int, trigger_start: int) -> bool:
    """Whether a bare "he" or "she" between `start` (the last name's end) and the trigger is the verb's subject."""
    return _PRONOUN_SUBJECT.search(text, start, trigger_start) is not None


def name_subject(text: str, span: tuple[int, int], trigger_start: int, pronoun: bool = False) -> bool:
    """Whether the name at `span` stands alone before the trigger as its clause's subject: after a comma or at the
    sentence's start, with at most an adverb between ("Fooville Bulldogs, ⟦Jane Roe⟧ joined"); a pronoun read as a
    name ("he") also after "and", with its verb phrase between ("⟦he⟧ was out of contract and joined")."""
    before, after = (_PRONOUN_SUBJECT_BEFORE, _PRONOUN_SUBJECT_AFTER) if pronoun else (_NAME_SUBJECT_BEFORE,
                                                                                       _NAME_SUBJECT_AFTER)
    return bool(before.search(text, 0, span[0])) and after.fullmatch(text, span[1], trigger_start) is not None


# "graduated from ⟦A⟧ as an engineer officer in 1958, from ⟦B⟧ in 1970 and from ⟦C⟧", "taught at ⟦A⟧ in 1990, and
# later at ⟦B⟧": the list's preposition said again before each item, the item before it closed by its year or its role
_ITEM_TAIL = (r"(?:\s+in\s+(?:[A-Z][a-z]+\s+)?\d{4}|\s+as\s+(?:an?|the)\s+(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*"
              r"|\s*\([^()⟦⟧]*\))")
_REPEATED_PREP = re.compile(rf"{_ITEM_TAIL}+\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:then|later|also|afterwards)\s+)?"
                            r"(?P<prep>at|from|with|for)\s+(?:the\s+)?")
_PREP_BEFORE = re.compile(r"\b(at|from|with|for)\s+(?:the\s+)?$")


def repeated_preposition(text: str, first: int, gap: str) -> bool:
    """Whether `gap` (between two names of a list) closes the item before with its year or role and says again the
    preposition that stands before the list's first name (which starts at `first`)."""
    m = _REPEATED_PREP.fullmatch(gap)
    if m is None:
        return False
    before = _PREP_BEFORE.search(text, max(0, first - 12), first)
    return before is not None and before.group(1).lower() == m["prep"].lower()


# "⟦X⟧'s headquarters are in", "the ⟦X⟧ head office is": not in passing ("attacks on ⟦X⟧'s headquarters in ⟦Y⟧")
_SEAT_OWNER = re.compile(r"(?:'s|’s)?\s+(?=(?:headquarters|(?:head|main|registered)\s+office)\s+(?:is|are|was|were)\b)")


def owns_seat(text: str, end: int, ts: int, owner) -> bool:
    """Whether the mention ending at `end`, linked or typed (an untyped one may be a name cut at its "'s"), owns the
    seat noun of the trigger starting at `ts`."""
    m = _SEAT_OWNER.match(text, end)
    return m is not None and m.end() == ts and (owner.linked or bool(owner.types))


# (only a clause's opening before the trigger: "(founded", "(who later joined"; not a noun's words: "(junior partner)")
_PAREN_OPENING = re.compile(r"\(\s*(?:(?:who|which|later|then|also|once|first|since|now|had|has|was|were)\s+){0,3}")


def paren_clause(text: str, spans, ts: int, te: int, hi: int) -> tuple[int | None, int]:
    """The name a parenthesis right after it describes when the trigger opens the parenthesis, and where its clause
    ends: "⟦A⟧, ⟦B⟧ (founded ⟦C⟧ in 1994), ⟦D⟧" says B founded C, nothing of A or D (None, hi otherwise)."""
    o = text.rfind("(", 0, ts)
    if o < 0 or ")" in text[o:ts] or not _PAREN_OPENING.fullmatch(text, o, ts):
        return None, hi
    owner = next((i for i, (s, e) in enumerate(spans) if e <= o and not text[e:o].strip()), None)
    close = text.find(")", te)
    return (owner, hi if close < 0 else min(close, hi)) if owner is not None else (None, hi)
