"""Sentence relation rules: triggers over slotted sentences, argument roles, hedges, reports."""
from __future__ import annotations

import re
from dataclasses import replace

from wikikg.extract import clausewords as cw
from wikikg.extract.arguments import LINKED, biography_own, fits, strict_place
from wikikg.extract.clauses import clause_of, relative_antecedent
from wikikg.extract.commonnouns import without_common_nouns
from wikikg.extract.dates import PreviousDates, find_dates, section_year, sentence_date
from wikikg.extract.entailment import joined_bodies, one_per_sentence
from wikikg.extract.factdates import graduation_date, own_date
from wikikg.extract.honourrolls import without_honour_memberships
from wikikg.extract.kinsubject import kin_subject
from wikikg.extract.known import programme_authority, programmes_in
from wikikg.extract.mentions import Context, find_mentions
from wikikg.extract.openings import in_opening
from wikikg.extract.ruledates import fact_date
from wikikg.extract.select import Slotted, eligible, select
from wikikg.kb import gates, rules
from wikikg.kb.vocabulary import org_classes
from wikikg.model import Citation, DateValue, Evidence, Mention, ParsedArticle, Sentence, Statement

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
        found = gates.trigger_matches(rule, sl.text)
        if not found or rule.requires is not None and rule.unless and rules.requires_found(rule.requires, sentence.text, needed):
            continue
        stronger = [m.span() for r in map(by_id.get, rule.yields_to) if gates.opens(r, sl.text) for m in gates.trigger_matches(r, sl.text)]
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
            if subj and rule.subject.startswith("left"):
                subj = _not_kin(sl, span, subj)  # "where his father was a player for ⟦X⟧": the father's
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
            if obj and rule.object.startswith("left"):
                obj = _not_kin(sl, span, obj)
            if rule.object_name is not None:  # "⟦X⟧ of the ⟦Foo Party⟧": only a party's name
                obj = [m for m in obj if isinstance(m, Mention) and rule.object_name.search(f"{m.key}\n{m.text}")]
            if rule.coordinate is not None:
                subj += _coordinated(rule, sl, span, clause)
            if rule.max_objects:
                obj = obj[:rule.max_objects]
            at = t.span("at") if "at" in t.re.groupindex and t.start("at") >= 0 else span  # where the fact stands
            date = fact_date(rule, sl, at, clause, prev, year, subj + obj)
            if itemised and rule.dated and not in_opening(sl.text, at) \
                    and (d := sentence_date(sl.text, prev(), None, before=span[1])) is not None:
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


def _not_kin(sl: Slotted, span: tuple[int, int], picked: list[Mention]) -> list[Mention]:
    """The picked names before the trigger, less all but a relative's own when a kin noun after a possessive is the
    verb's subject ("where his father, ⟦A⟧, was", "her husband was": A, or no one)."""
    kin = kin_subject(sl.text, span[0], lambda i: not sl.mentions[i].types or "Person" in sl.mentions[i].types)
    if kin is None:
        return picked
    return [m for m in picked if kin >= 0 and m is sl.mentions[kin]]


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
