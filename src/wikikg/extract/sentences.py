"""Sentence relation rules: triggers over slotted sentences, argument roles, hedges, reports."""
from __future__ import annotations

import re
from dataclasses import replace

from wikikg.extract import clausewords as cw
from wikikg.extract.arguments import LINKED, biography_own, fits, strict_place
from wikikg.extract.clauses import clause_of, relative_antecedent
from wikikg.extract.commonnouns import without_common_nouns
from wikikg.extract.dates import PreviousDates, clause_date, find_dates, section_year, sentence_date
from wikikg.extract.entailment import joined_bodies, one_per_sentence
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
from wikikg.extract.honourrolls import without_honour_memberships
from wikikg.extract.known import programme_authority, programmes_in
from wikikg.extract.mentions import Context, find_mentions
from wikikg.extract.select import Slotted, eligible, select
from wikikg.kb import gates, rules
from wikikg.kb.vocabulary import org_classes
from wikikg.model import Citation, DateValue, Evidence, Mention, ParsedArticle, Sentence, Statement

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
# ", who assumed office on October 28, 2009", ", who took over as leader in 2009": the start of the post the fact names
_TOOK_POST = re.compile(r",\s+who\s+(?:(?:assumed|took|entered)\s+(?:the\s+)?(?:office|post|position|role)|took\s+over\b|"
                        r"was\s+(?:appointed|elected|named|enthroned|installed|inaugurated|sworn\s+in))\b[^,;]*")


# a participle right after a preposition's unnamed object: "a collection founded by", "of an agency run by"
_OF_A_NOUN = re.compile(r"\b(?:of|for|with|to|at|on|from|into|about)\s+an?\s+(?:[a-z][\w-]*\s+){1,4}$")
_NOUN_PARTICIPLE = re.compile(r"\s*(?:co-?|jointly\s+)?(?:[a-z]+(?:ed|en)|set\s+up|run|built)\b")


def _blocked(sl: Slotted, span: tuple[int, int], lo: int) -> str | None:
    """'hedged' or 'negated' when a cue stands just before or inside the trigger (not before a
    comma after which a new subject starts: "…its intention of X, the B announced …")."""
    c = rules.cues()
    start = max(lo, span[0] - c.window)
    if sl.text[span[0]:span[1]].lstrip().startswith("("):
        start = span[0]  # "denied membership to X (later the leader of the ⟦Y⟧)": the parenthesis is a fact of its own
    comma = sl.text.rfind(",", start, span[0])
    if comma >= 0 and "⟦" in sl.text[comma:span[0]]:
        start = comma + 1
    window = sl.text[start:span[1]]
    if c.negations.search(window):
        return "negated"
    if c.hedges.search(window):
        return "hedged"
    return None


def _attribution(sl: Slotted, span: tuple[int, int]) -> tuple[bool, Mention | None]:
    """Whether the trigger stands in a reported claim ("X reported that …"), and who reports it."""
    for m in rules.cues().reports.finditer(sl.text, 0, span[0]):
        between = sl.text[m.end():span[0]]
        if m.group().lower().startswith("according") and "," not in between:
            continue  # the trigger is inside the "according to …" phrase itself
        src = [i for i, (s, e) in enumerate(sl.spans) if e <= m.start()]
        if m.group().lower().startswith("according"):
            src = [i for i, (s, e) in enumerate(sl.spans) if m.end() <= s < span[0]][:1]
        return True, sl.mentions[src[-1]] if src else None
    return False, None


def _list_default(ms: list, default: str | None) -> str | None:
    """An untyped name listed with organisations and no person is an organisation, not a person."""
    typed = [m.types for m in ms if isinstance(m, Mention) and m.types]
    if default == "Person" and typed and not any("Person" in t for t in typed) \
            and any(t - {"Place"} for t in typed):
        return "Organization"
    return default


def _typed(m: Mention, default: str | None) -> Mention:
    if m.types or not default:
        return m
    return replace(m, types=frozenset({default}), strength=0)


def extract_sentences(article: ParsedArticle, ctx: Context, paragraphs: frozenset[int] | None = None) -> list[Statement]:
    """Apply every relation rule to every sentence of the article (of those `paragraphs` only, when given)."""
    out: list[Statement] = []
    prev = PreviousDates()
    para = -1
    citations = {c.key: c for c in article.citations}
    for sentence in article.sentences if paragraphs is None else (s for s in article.sentences if s.paragraph in paragraphs):
        if sentence.paragraph != para:
            para, prev = sentence.paragraph, PreviousDates()
        mentions = find_mentions(sentence, ctx)
        sl = Slotted.build(sentence.text, mentions)
        year = section_year(sentence.section)
        found = _apply(sl, sentence, ctx, prev, year, citations)
        _terminate(sl, sentence, out, prev, year)
        out.extend(found)
        prev.add(sl.text, year)
    return one_per_sentence(joined_bodies(without_honour_memberships(without_common_nouns(out, article.sentences))))


def _apply(sl: Slotted, sentence: Sentence, ctx: Context, prev: PreviousDates, year: int | None,
           citations: dict[str, Citation]) -> list[Statement]:
    out = []
    evidence = cites = None  # made when the sentence's first statement is (most sentences state none)
    by_id = rules.rules_by_id()
    needed = None  # the words of the rules' `requires` that the sentence holds (found when a rule first asks)
    for rule in gates.open_rules(sl.text):  # (each one's trigger words in the sentence: only its trigger to search)
        if rule.requires is not None and needed is None:
            needed = rules.requires_words_in(sentence.text)
        if rule.requires is not None and not rule.unless and not rules.requires_found(rule.requires, sentence.text, needed):
            continue  # a word the rule needs is not in the sentence: its trigger need not be searched
        found = list(rule.trigger.finditer(sl.text))
        if not found or rule.requires is not None and rule.unless and rules.requires_found(rule.requires, sentence.text, needed):
            continue
        stronger = [m.span() for r in map(by_id.get, rule.yields_to) if gates.opens(r, sl.text) for m in r.trigger.finditer(sl.text)]
        for t in found:
            span = t.span()
            if any(a < span[1] and span[0] < b for a, b in stronger):
                continue
            clause = clause_of(sl, span)
            if _blocked(sl, span, clause[0]) or rule.subject in ("left", "left_all") and _NOUN_PARTICIPLE.match(
                    t.group()) and _OF_A_NOUN.search(sl.text, clause[0], span[0]):
                continue  # "the home of a music collection founded by ⟦X⟧": the collection's founder, no one's else
            reported, source = _attribution(sl, span)
            said = rule.evident is not None and rule.evident.search(t.group()) is not None  # "a subsidiary of"
            subj_strict = "subject" in rule.strict or not said and strict_place(rule.subject_types, ctx)
            subj_strict = LINKED if subj_strict and "subject" in rule.linked else subj_strict  # or a link nothing types
            subj = _pick(rule.subject, sl, span, clause, rule.subject_preps, rule.subject_types, ctx, subj_strict)
            if not subj and rule.subject in ("left", "left_all") and (outer := _gerund_host(sl, clause)) is not None:
                subj = _pick(rule.subject, sl, span, (outer, clause[1]), rule.subject_preps, rule.subject_types, ctx,
                             subj_strict)  # "⟦A⟧ attended ⟦B⟧ before reading History at ⟦C⟧": A reads
            if not subj and rule.subject in ("left", "left_all"):
                subj = _relative_host(sl, clause, rule.subject_types, subj_strict, span)
            if rule.subject_name is not None:  # "the ⟦Faculty of Law⟧ at ⟦X⟧": only a part's name
                subj = [m for m in subj if rule.subject_name.search(m.text)]
            if rule.subject_key is not None:  # "[[Foo (Barland)|Foo]] ... Foo became a member of": another Foo's
                subj = [m for m in subj if rule.subject_key.search(m.key)]
            itemised = not subj and rule.subject in ("left", "left_all") and cw.opens_with_verb(sl.text, span, t.group()) \
                and bool(ctx.subject.strength) and fits(ctx.subject, rule.subject_types, True)
            if itemised:
                subj = [ctx.subject]  # "* Signed a term sheet with ⟦X⟧ in November 2013": a timeline item's own verb
            loose = "object" in rule.strict or not said and strict_place(rule.object_types, ctx)
            loose = LINKED if loose and "object" in rule.linked else loose
            if loose and "object" not in rule.typed and subj and biography_own(rule.relation, subj, ctx):
                loose = LINKED  # "he worked at [[Porsche]]": a linked name, in the subject's own career
            obj = _pick(rule.object, sl, span, clause, rule.object_preps, rule.object_types, ctx,
                        loose, "object" in rule.need_prep)
            if not obj and rule.object in ("left", "left_all") and (outer := _gerund_host(sl, clause)) is not None:
                obj = _pick(rule.object, sl, span, (outer, clause[1]), rule.object_preps, rule.object_types, ctx,
                            loose)  # "⟦A⟧ had several jobs before setting up his own band, ⟦B⟧": A set it up
            if not obj and rule.object in ("left", "left_all"):
                obj = _relative_host(sl, clause, rule.object_types, loose, span if _ADVERBS.fullmatch(
                    sl.text, clause[0], span[0]) else None)  # "⟦X⟧, which currently has two faculties: ⟦A⟧"
            if not obj and rule.object in ("left", "left_all") and cw.opens_with_verb(sl.text, span, t.group(), True) \
                    and bool(ctx.subject.strength) and fits(ctx.subject, rule.object_types, True):
                obj, itemised = [ctx.subject], True  # "1980: Establishes the ⟦X⟧": the subject founded X
            if rule.object_name is not None:  # "⟦X⟧ of the ⟦Foo Party⟧": only a party's name
                obj = [m for m in obj if isinstance(m, Mention) and rule.object_name.search(f"{m.key}\n{m.text}")]
            if rule.coordinate is not None:
                subj += _coordinated(rule, sl, span, clause)
            if rule.max_objects:
                obj = obj[:rule.max_objects]
            at = t.span("at") if "at" in t.re.groupindex and t.start("at") >= 0 else span  # where the fact stands
            date = _date(rule, sl, at, clause, prev, year, subj + obj)
            if itemised and rule.dated and (d := sentence_date(sl.text, prev(), None, before=span[1])) is not None:
                date = d  # a timeline item states one event: its date stands anywhere in it
            if rule.object == "date":
                explicit = find_dates(sl.text[clause[0]:clause[1]])
                obj = [date] if date is not None and explicit and any(d[2] for d in explicit) else []
                date = None
            quals = ()
            if rule.relation == "sanctionedBy":
                progs = programmes_in(sl.text) + [m.key for m in sl.mentions if "SanctionsProgramme" in m.types]
                if progs:
                    quals = (("programme", sorted(set(progs))[0]),)
                if not obj and progs:
                    auth = programme_authority(sorted(set(progs))[0])
                    if auth:
                        obj = [Mention(auth, auth, True, frozenset({"GovernmentAgency"}), strength=4)]
            s_default, o_default = _list_default(subj, rule.subject_default), _list_default(obj, rule.object_default)
            owns = _own_dates(sl, obj, rule.relation, date) if date and len(obj) > 1 else {}
            before = any(clause[0] <= b and e <= span[0] and sl.mentions[i].types & rule.subject_types for i, (b, e) in enumerate(sl.spans))
            for s, o in _pairs(rule, subj, obj, ctx, before):
                if evidence is None:
                    evidence = Evidence.of_sentence(sentence)
                    cites = tuple(citations[k] for k in sentence.citations if k in citations)
                own = owns.get(id(o), date)  # "⟦A⟧ in 2005, followed by ⟦B⟧ in 2008"
                out.append(Statement(
                    _typed(s, s_default), rule.relation,
                    _typed(o, o_default) if isinstance(o, Mention) else o,
                    rule.id, evidence, rule.event, own, None, cites, quals,
                    (source or Mention("", "", False)) if reported else None))
    return out


def _own_dates(sl: Slotted, obj: list, relation: str, date: DateValue) -> dict[int, DateValue | None]:
    """Each listed object's date by id: its own, right after it ("at ⟦A⟧ (from 1963 to 1966) and at ⟦B⟧ (from 1966
    to 1980)"), else the fact's `date`, unless that is another's own ("educated at ⟦A⟧ (1889-1895) and ⟦B⟧": none for
    B, or what a schooling's clause after it gives: ", graduating BA in 1899"); the last one's alone is all's ("offices
    in ⟦A⟧ and ⟦B⟧ in 2008")."""
    ends = {id(m): e for m, (_b, e) in zip(sl.mentions, sl.spans, strict=True)}
    owns = {id(o): own_date(sl.text, ends[id(o)], "Person" in o.types) for o in obj if id(o) in ends}
    dated = [k for k, d in owns.items() if d is not None]
    if not dated or dated == [max(owns, key=ends.__getitem__)] and owns[dated[0]] == date:
        return {}
    taken = date in [owns[k] for k in dated]
    for k, d in owns.items():
        if d is None:
            owns[k] = graduation_date(sl.text, ends[k]) if relation == "educatedAt" else None
            owns[k] = owns[k] or (None if taken else date)
    return owns


def _relative_host(sl: Slotted, clause: tuple[int, int], types, strict, span: tuple[int, int] | None = None) -> list[Mention]:
    """The one a "who"/"which" clause is about (clauses.relative_antecedent): a person right before ", who"
    ("⟦Jane Roe⟧, who became the leader of ⟦X⟧"); for the clause's subject also the name before the comma or
    the one an apposition there describes, when no other name stands between the clause's start and the
    trigger at `span` ("⟦Jane Roe⟧, a radio presenter who was a member of ⟦X⟧"); else no one."""
    got = relative_antecedent(sl, clause[0]) if clause[0] else None
    if got is None:
        return []
    host, bare, copula = sl.mentions[got[0]], got[1], got[2]
    if bare and ("Person" in host.types or copula) or span is not None and "⟦" not in sl.text[clause[0]:span[0]]:
        return [host] if fits(host, types, strict) else []
    return []


_ADVERBS = re.compile(r"\s*(?:(?:[a-z]+ly|now|still|also|then|later|today)\s+)*")  # between "which" and its verb
_GERUND_BREAK = re.compile(r"\b(?:before|after|while|when|since)\s*$", re.I)
_GERUND = re.compile(r"\s+[a-z]+ing\b")


def _gerund_host(sl: Slotted, clause: tuple[int, int]) -> int | None:
    """Where the clause starts whose subject an adjunct gerund clause shares ("⟦A⟧ attended ⟦B⟧ before
    reading ... at ⟦C⟧": A's clause); None when the clause is no "before/after/while + -ing" one."""
    lo = clause[0]
    if not lo or not _GERUND.match(sl.text, lo) or not _GERUND_BREAK.search(sl.text, 0, lo):
        return None
    return clause_of(sl, (lo - 1, lo - 1))[0]


def _date(rule, sl: Slotted, span, clause, prev: PreviousDates, year: int | None, parties=()) -> DateValue | None:
    """The fact's date: from the clause up to the trigger, or just after it (before any comma); not a date
    of another name or event of the sentence (factdates.fact_text)."""
    if rule.dated == "founding" or not rule.dated and (rule.dated_when is None
                                                       or not rule.dated_when.search(sl.text, span[0], span[1])):
        since = _SINCE_OPENING.match(sl.text) if rule.dated != "founding" else None
        return sentence_date(since.group(1), None, None) if since and since.end() <= span[0] else None  # "is part
        # of ⟦X⟧": a state, undated, unless the sentence opens with when it began; "became part of ⟦X⟧ in 1943"
        # (dated_when): an event
    keys = {m.key for m in parties if isinstance(m, Mention)}
    slots = {i for i, m in enumerate(sl.mentions) if m.key in keys}
    dates = fact_text(sl.text, span, slots, {i for i in slots if "Person" in sl.mentions[i].types},
                      rule.event == "Founding" or rule.relation in ("foundedBy", "foundingDate"))
    if dates is None:
        return None
    comma = sl.text.find(",", span[1])
    took = _TOOK_POST.match(sl.text, comma) if comma >= 0 and _ONE_NAME.fullmatch(sl.text, span[1], comma) else None
    if took is None and rules.cues().present.search(sl.text[clause[0]:span[1]]):
        return None  # "The current president is X": no date, unless "X, who took office in 2009"
    if took is not None:  # the holder's clause dates the post; a date across its last comma is whole
        end = took.end()
        end = next((e for b, e, *_ in find_dates(sl.text) if b < end < e), end)
        return sentence_date(dates[:end], None, None, before=span[1])
    if rule.relation == "educatedAt" and comma >= 0 and _ONE_NAME.fullmatch(sl.text, span[1], comma) \
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


def _pick(kind, sl, span, clause, preps, types, ctx, strict, need_prep=False) -> list[Mention]:
    if kind == "article":  # "its founder" in an article about a martial art founds no organisation
        return [ctx.subject] if not types or fits(ctx.subject, types, strict) else []
    if kind == "date":
        return []
    if kind == "its_owner":  # "the board of ⟦X⟧ dismissed its chief executive": X, else the subject
        near = [i for i, (s, e) in enumerate(sl.spans) if e <= span[0] and fits(sl.mentions[i], types, strict)
                and sl.mentions[i].types <= org_classes()]
        return [sl.mentions[near[-1]]] if near else _pick("article", sl, span, clause, preps, types, ctx, strict)
    return [sl.mentions[i] for i in select(kind, sl, span, clause, preps, types, strict, need_prep)]


def _coordinated(rule, sl: Slotted, span, clause) -> list[Mention]:
    """Mentions after the rule's `coordinate` cue, searched from the trigger's end; a cue that opens with \\A
    stands right there and adds only the list it opens ("part (together with ⟦A⟧ & ⟦B⟧) of the ⟦X⟧": A and B)."""
    m = rule.coordinate.search(sl.text[span[1]:])
    if not m:
        return []
    end = span[1] + m.end()
    if rule.coordinate.pattern.startswith("\\A"):
        return [sl.mentions[i] for i in select("right_all", sl, (end, end), clause, frozenset({"with"}),
                                               rule.subject_types, "subject" in rule.strict)]
    return [sl.mentions[i] for i, (s, e) in enumerate(sl.spans)
            if s >= end and eligible(sl, i, frozenset({"with", "as"}), rule.subject_types, end)]


def _pairs(rule, subj: list[Mention], obj: list[Mention], ctx: Context, before: bool = False):
    if rule.symmetric:
        if rule.subject == rule.object:
            obj = []
        both = subj and obj
        people = list({m.key: m for m in subj + obj}.values())
        if len(people) < rule.min_participants or before and obj and not subj and not rule.together:
            return []  # "X ... in partnership with A, B and C", X no party (an agent all the same): none is the others' partner
        if both and not rule.together:
            pairs = [(a, b) for a in subj for b in obj if a.key != b.key]
        else:
            pairs = [(a, b) for i, a in enumerate(people) for b in people[i + 1:]]
        return [(a, b) if a.key == ctx.subject.key or b.key != ctx.subject.key else (b, a) for a, b in pairs]
    return [(s, o) for s in subj for o in obj if not isinstance(o, Mention) or s.key != o.key]


def _terminate(sl: Slotted, sentence: Sentence, out: list[Statement], prev, year) -> None:
    """'The programme was cancelled by X in 2020': the latest matching relation gets an end date."""
    c = rules.cues()
    if c.termination_verb.needs is not None and not gates.holds_any(c.termination_verb.needs, sl.text):
        return  # no word the verb cannot match without (the gates' scan, asked by the rules already, finds them too)
    verb = c.termination_verb.search(sl.text)
    if not verb or not c.termination_anaphor.search(sl.text) or c.negations.search(sl.text):
        return
    date = sentence_date(sl.text, prev(), year)
    named = {m.key for m in sl.mentions}
    for k in range(len(out) - 1, max(-1, len(out) - 12), -1):
        st = out[k]
        if st.event in c.termination_events and st.end_date is None and st.evidence.start < sentence.start:
            keys = {st.subject.key, st.obj.key if isinstance(st.obj, Mention) else ""}
            if not named or keys & named:
                out[k] = replace(st, end_date=date)
                for j in range(k - 1, -1, -1):  # the same event, other pairs of one sentence
                    if out[j].evidence.start == st.evidence.start and out[j].rule == st.rule:
                        out[j] = replace(out[j], end_date=date)
                return
