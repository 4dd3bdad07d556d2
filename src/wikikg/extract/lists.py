"""Section lists: items of a bulleted list under a heading such as "Subsidiaries" or "Publishers"."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from wikikg.extract.boldparent import bold_unit, linked_unit
from wikikg.extract.classify import is_shape_word, name_types, split_title
from wikikg.extract.entailment import is_membership_body
from wikikg.extract.flagitems import ITEM_PREFIX, past_label
from wikikg.extract.honourrolls import honour_heading
from wikikg.extract.itemdates import POST_LEAD, TERM_LEAD, class_year, dates_below, heading_date, item_dates, lead_dates, life_span
from wikikg.extract.itempeople import dash_label
from wikikg.extract.itemtails import lead_name, lower_tail
from wikikg.extract.itemwords import item_relations
from wikikg.extract.known import SHAPE
from wikikg.extract.laternames import later_name
from wikikg.extract.listedparts import heads_part, listed_part
from wikikg.extract.listterms import definition_term, group_label, lone_heading, term_bars
from wikikg.extract.memberless import item_classes, memberless
from wikikg.extract.mentions import Context, find_mentions, name_mention
from wikikg.extract.names import titles_folded
from wikikg.extract.officelinks import is_rank
from wikikg.extract.partnames import heads_units, lone_name, part_named, plural_head, unit_class
from wikikg.extract.people import PARTICLES, initials_shaped, is_personal_name
from wikikg.extract.seasons import league_season, roster_context, team_season
from wikikg.extract.sited import sited
from wikikg.extract.specsubject import applies, for_subject, own_boxes
from wikikg.extract.termowner import term_owner
from wikikg.kb.names import name_tables
from wikikg.kb.sections import SectionSpec, heading_classes, sections, subheadings_unless
from wikikg.kb.vocabulary import org_classes
from wikikg.model import DateValue, Evidence, Mention, ParsedArticle, Statement

_FOUNDER_NOTE = re.compile(r"\s*\((?:co-?)?founder\b|\s*\(founding\s+member\b", re.I)
# an item's leading name, up to " - text", ":" or "(" ("Name - text", not inside "Co-Operation")
_NUMBER = re.compile(r"[\d\s.,–—/-]+")
# "Department of Budget, Accounting and Statistics", "Institute for International Law, European Law and Foreign
# Public Law (InVEA)": a unit's name whose field is a list, "and" before its last item
_LISTED_NAME = re.compile(r"^([A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*\s+(?:of|for|on)\s+[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*"
                          r"(?:,\s+[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*)+,?\s+and\s+[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*)"
                          r"\s*(?:[–—:(]|(?<=\s)-|$)")
_NUMBER_LEAD = re.compile(r"[\d\s.,–—/-]*[:–—-]?\s*")  # a year and its separator before an item's name
_LABEL = re.compile(r"[A-Z][\w.'’ -]{0,40}?:\s+(?=\S)")  # "Company A: ", "Chaplain: ": a label before a name


def _is_title(m: Mention) -> bool:
    """A title or rank standing before a name: "[[Colonel|COL]]", "Dr."."""
    return m.key.casefold().rstrip(".") in titles_folded() or m.text.casefold().rstrip(".") in titles_folded()


def person_shaped(name: str) -> bool:
    """Two to five capitalised words (particles allowed): "Jane Roe", "Élaine Zakaïb", "Ludwig van Beethoven",
    "Paul S. Dwyer, Jr.", 'Frank "Checker" Roe' (a nickname in quotes between the names), "E.R. Roe"."""
    if initials_shaped(name):
        return True  # "E.R. Roe": initials written together are no acronym here
    words = _NICKNAME.sub("", _GENERATION.sub("", name)).split()
    if words and words[0] in ("The", "the"):
        return False  # "The Foo Lads", "The Bar-Cuts": a group's name, no one's
    if len(words) >= 2 and (len(words[-1].rstrip(".")) == 1 or is_shape_word(words[0])):
        return False  # "Company A", "Squadron Leader": a lettered unit, a class word first
    if len(words) == 2 and words[0].casefold().rstrip(".") in _title_words():
        return False  # "Metropolitan Mikhail": a title and a given name, no one's full name
    return 2 <= len(words) <= 5 and words[0][0].isupper() and all(
        w[0].isupper() and w.replace("-", "").replace(".", "").replace("'", "").replace("’", "").isalpha()
        and not (len(w) > 2 and w.isupper()) or w in PARTICLES for w in words)  # "KAU Campus": no person


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Titles before a person's name: names.toml [stop] titles, [roles] and the capitalised [context] Person cues."""
    return titles_folded() | {w.casefold() for w in name_tables().context.get("Person", ()) if w[:1].isupper()}


_GENERATION = re.compile(r",?\s+(?:Jr|Sr)\.?$")
_NICKNAME = re.compile(r'(?<=\w)\s+["“][^"”\s][^"”]{0,30}["”](?=\s+\w)')
_JOIN = re.compile(r"^\s*(?:,|and|&|,\s*and)\s*$")
_MODIFIES = re.compile(r"['’]*\s+(?!(?:and|or|was|were|is|are|has|have|had|who|both|also|all)\b)[a-z][\w-]*[,;.]?(?:\s|$)"
                       r"|(?<=['’])\s+[A-Z]")  # "* [[Jane Roe]], Rock N' Foo Hall of Fame author": a name cut short
_HELD = re.compile(r"\s*/\s*|\s*\([^()]*\d{4}[^()]*\)\s*[,;]\s*")  # between two holders of a post


def _introduced(sentence, ctx: Context) -> SectionSpec | None:
    """The spec whose `intro` cue a sentence ending in a colon holds ("Its founding members were:"), unless
    it names an organisation besides the subject: its items may be that one's ("The Foo Board consists of:")."""
    text = sentence.text.rstrip()
    if not text.endswith(":"):
        return None
    spec = next((s for s in sections() if s.intro is not None and s.intro.search(text)), None)
    if spec is None or not spec.bare_items:
        return spec
    others = (m for m in find_mentions(sentence, ctx) if m.key != ctx.subject.key and m.key not in ctx.subject_names)
    return None if any(m.types & org_classes() for m in others) else spec


_BARE = re.compile(r"\s*(?:\([^()]*\))?\s*[.;]?\s*")  # after an item's name: nothing, or its abbreviation


def _joint_head(inside: list[Mention], text: str, end: int) -> bool:
    """ "* Ordnance Centre and School": a body's name whose head noun a second one joins is of the first's class."""
    return (len(inside) == 2 and bool(inside[0].types) and inside[0].start == 0 and not inside[1].types
            and text[inside[0].end:inside[1].start] == " and " and inside[1].end == end and " " not in inside[1].text)


def _item_depth(article: ParsedArticle, start: int) -> int:
    """How deep the list item a sentence starts is ("* A" 1, "** B" 2), 0 when it starts none."""
    line_start = article.text.rfind("\n", 0, start) + 1
    prefix = article.text[line_start:start]
    m = ITEM_PREFIX.fullmatch(prefix)
    return len(m.group(1)) if m else 0


def section_spec(section: str, accept: Callable[[SectionSpec], bool], subject: Mention | None = None,
                 boxes: frozenset[str] = frozenset()) -> tuple[SectionSpec | None, str]:
    """The spec a list or table under `section` ("Institutions / Agriculture and Forestry") follows,
    and the heading that names it: the innermost heading's, else, for a subheading that names no list
    of its own, the nearest enclosing heading's (unless the subheading says its items are no longer
    what that section lists: "Former subsidiaries"). A spec for other subjects than `subject` (a
    university's "graduates" in a club's article) gives way to the next that fits."""
    if accept is for_lists:  # asked again for every item of a list
        return _list_spec(section, subject, boxes)
    return _section_spec(section, accept, subject, boxes)


@lru_cache(maxsize=4096)
def _list_spec(section: str, subject: Mention | None, boxes: frozenset[str]) -> tuple[SectionSpec | None, str]:
    return _section_spec(section, for_lists, subject, boxes)


def _section_spec(section: str, accept: Callable[[SectionSpec], bool],
                  subject: Mention | None, boxes: frozenset[str]) -> tuple[SectionSpec | None, str]:
    for heading in reversed(section.split(" / ")):
        spec = next((s for s in sections() if heading and accept(s) and s.heading.search(heading)
                     and (subject is None or for_subject(s, subject, boxes))), None)
        if spec is not None:
            return spec, heading
        if subheadings_unless().search(heading):
            break
    return None, ""


def default_type(spec: SectionSpec, subject: Mention, heading: str = "", path: str = "") -> str:
    """The class of an item nothing types: the one its heading names ("member companies"), else the one
    a heading above it names ("Band members / Former members"), else the spec's first, except that the
    parts of a body that is no company (a research institute's branches, a university's schools) are
    organisations, not companies."""
    for text in (heading, path):
        for cls, rx in heading_classes():
            if cls in spec.types and rx.search(text):
                return cls
    first = spec.types[0]
    if first == "Company" and subject.strength and subject.types and "Company" not in subject.types:
        return "Organization"
    return first


def _item_mentions(mentions: list[Mention], text: str, lo: int = 0) -> list[Mention]:
    """The names an item lists: the first mention at the item's start (`lo`, past a title or "The"), and any joined to it."""
    out: list[Mention] = []
    for m in (m for m in mentions if m.end > lo):  # not a name inside a label: "* Organizational Coordinator: [[A]]"
        before = text[out[-1].end:m.start] if out else text[lo:m.start]
        if (not out and before.strip(" '\"") not in ("", "The")) or (out and not _JOIN.match(before) and not (
                _HELD.fullmatch(before) and "Person" in m.types and "Person" in out[-1].types)):
            break  # "* President: [[Jane Roe]] / [[John Roe]] (2013–2015)": two who shared a post; "* Leader:
            # [[Jane Roe]] (2013–2017), [[John Roe]] (2017–present)": one after the other, each with their years
        if out and before.strip() == "," and _MODIFIES.match(text, m.end):
            break  # "* [[Jane Roe]], [[Foo Times]] reporter": the name modifies a noun, no second item
        out.append(m)
    return out


# between a listed person and the organisation the item gives them: a comma ("A, [[Freedonian Army]]"),
# perhaps a role ("A, former president of [[X]]"), or a parenthesis ("A ([[NHL]])")
_EMPLOYER_GAP = re.compile(r"\s*(?:,\s*(?:(?:the|a|an|former|later|then)\s+)?(?:[\w.-]+\s+){0,4}?"
                           r"(?:(?:of|at|with|for)\s+(?:the\s+)?)?|\(\s*)")


def _item_employer(person: Mention, mentions: list[Mention], text: str) -> Mention | None:
    """The organisation a people list's item names right after the person (typed by evidence), if any."""
    nxt = next((x for x in mentions if x.start >= person.end), None)
    if nxt is None or not nxt.types & org_classes() or nxt.strength < SHAPE and not nxt.linked:
        return None
    gap = _EMPLOYER_GAP.fullmatch(text, person.end, nxt.start)  # "Jane Roe, member of the Foo": a member, no staff
    return nxt if gap is not None and gap.group().lstrip()[:1] in (",", "(") and " member" not in gap.group() else None


def extract_lists(article: ParsedArticle, ctx: Context, founded: DateValue | None = None) -> list[Statement]:
    """Statements from list items under headings that ontology/sections.toml knows, or after a
    sentence that introduces them ("These companies were its founding members:")."""
    out: list[Statement] = []
    citations = {c.key: c for c in article.citations}
    intro: SectionSpec | None = None  # the spec a colon sentence just before the list gives its items
    intro_section = ""  # that sentence's section: its list is in it
    taken = 0  # the depth of the last list item that gave a statement (its sub-items describe it)
    parents: list[tuple[int, Mention]] = []  # (depth, entity) of the items above, in a list of parts
    season, team = league_season(article), team_season(article, ctx.subject)  # team: a team's season's roster owner
    boxes = own_boxes(article)  # the subject's own infobox's kind (a party's "Prime Ministers" in "Foo (Barland)")
    termed: tuple[str, Mention] | None = None  # (section, unit) of a "; Unit" term over the items below it
    term: tuple[str, str] | None = None  # (section, text) of the last "; Coach of the Year" term
    subhead: tuple[str, str] | None = None  # (section, path) of a line over the items below it standing as their heading
    kept: dict[tuple[str, int], int] = {}  # statements of shaped items, by section and depth
    held: dict[tuple[str, int], list[Statement]] = {}  # a bare, unshaped item's ("* Headquarters Support Unit")
    for index, sentence in enumerate(article.sentences):
        heading = sentence.section.rsplit(" / ", 1)[-1]
        depth = _item_depth(article, sentence.start)
        if not (sentence.item or depth):
            intro, intro_section, taken, parents = _introduced(sentence, ctx), sentence.section, 0, []
            unit = term_owner(article, sentence, ctx)
            termed = (sentence.section, unit) if unit is not None else None
            term = definition_term(article, sentence)
            subhead = (sentence.section, f"{sentence.section} / {h}") if (h := lone_heading(article, sentence)) else None
            continue
        if termed is not None and termed[0] != sentence.section:
            termed = None
        if intro is not None and intro_section != sentence.section:
            intro = None  # "The Press has three divisions:" introduces its own section's list, not the next heading's
        spec, named = (intro, heading) if intro else section_spec(sentence.section, for_lists, ctx.subject, boxes)
        if not intro and subhead is not None and subhead[0] == sentence.section \
                and (own := section_spec(subhead[1], for_lists, ctx.subject, boxes))[0] is not None:
            spec, named = own  # "Presidents" alone on its line over the items: their heading, unless it unnames the list
        parts = spec is not None and spec.relation == "subsidiaryOf" and spec.direction == "inverse"
        while parents and parents[-1][0] >= depth:
            parents.pop()
        if taken and depth > taken and not parts:  # "** Soil Science" under "* Forest Management Branch": a part of it
            continue
        taken = 0
        below = _item_depth(article, article.sentences[index + 1].start) if index + 1 < len(article.sentences) else 0
        if not parts and group_label(article, sentence, depth, below):
            continue  # "*[[Foo Conference]]:" over "**[[University of Foo]], 1995–2005": a group's label, its items the list's
        own, owned = roster_context(spec, ctx, team, season)  # "1997 Foo Bears season": its roster is the team's
        if spec is None or not applies(spec, own.subject, boxes if own is ctx else frozenset()) \
                or memberless(spec, own.subject, owned, article) \
                or term_bars(spec, term, sentence.section, named):
            continue
        mentions = [m for m in find_mentions(sentence, ctx) if m.key != ctx.subject.key]
        lo = next((k.end for k in sentence.links[:1] if is_rank(k.target) and not sentence.text[:k.start].strip()), 0)
        types_of_people = set(spec.types) == {"Person"}
        while mentions and _is_title(mentions[0]):  # "* [[Colonel|COL]] Sara Roe": the rank is no item
            lo, mentions = mentions[0].end, mentions[1:]
        if types_of_people and mentions and mentions[0].linked and "Person" in mentions[0].types and \
                sentence.text[lo:mentions[0].start].strip().casefold() in _title_words():
            lo = mentions[0].start  # "* Metropolitan [[Foo (Barov)|Foo]] 1757–1770": a title before the holder
        lead = lead_name().match(sentence.text)
        line = article.text[article.text.rfind("\n", 0, sentence.start) + 1:sentence.start]
        if "Place" not in spec.types and (label := past_label(line, sentence.text, mentions)) > lo:
            lo, lead, mentions = label, None, [m for m in mentions if m.start >= label]  # "* Freedonia: [[Foo Union]]"
        if types_of_people and (label := _LABEL.match(sentence.text)) and not any(
                k.start < label.end() for k in sentence.links):
            lo, lead = max(lo, label.end()), None  # "* Company A: Captain Sam Smith", "* Chaplain: Jane Roe": the label's
        elif types_of_people and (dash := dash_label(sentence.text)) and not any(k.start < dash for k in sentence.links):
            lo, lead = max(lo, dash), None  # "* Creative Director – Jane Roe": a post labels the person after the dash
        term = TERM_LEAD.match(sentence.text) or (  # "* 1993-1997 [[Leonid Roe]]": the years of a post lead
            POST_LEAD.match(sentence.text) if spec.relation == "keyPerson" else None)
        if lead and _NUMBER.fullmatch(lead.group(1)) or term:
            lo = max(lo, term.end() if term else _NUMBER_LEAD.match(sentence.text).end())  # "* 1954 : [[HV Aalsmeer]]"
            lead = None
        if lead is None and (listed_name := _LISTED_NAME.match(sentence.text)) and not any(
                m.linked and m.types for m in mentions if m.start < listed_name.end(1)):  # links to fields only
            lead = listed_name  # "* Department of Budget, Accounting and Statistics": one name, its fields listed
        if parts and (bold := bold_unit(article, index, depth, frozenset(spec.types), default_type(spec, ctx.subject))
                      or linked_unit(article, index, depth, mentions, frozenset(spec.types), default_type(spec, ctx.subject))):
            lead, mentions = None, [bold, *(m for m in mentions if m.start >= bold.end)]  # "* '''Foo Division'''"
        stop = lead.end(1) if lead else 0  # a mention inside the name, or ending it with its abbreviation: "Foo Panel (FP)"
        inside = [m for m in mentions if m.end <= stop or m.start < stop and _BARE.fullmatch(sentence.text, stop, m.end)]
        whole = lead and inside and spec.relation == "subsidiaryOf" and name_types(lead.group(1)) \
            and not any(m.types for m in inside[lead.re is _LISTED_NAME:])  # a part: "* Faculty of [[Law]]"
        cut = lead and any(m.linked and m.start < lead.end(1) < m.end for m in mentions)  # "[[1st Foo (Reserve)]]"
        if lead and not cut and (not inside or whole or (inside[0].start == 0 and len(inside) > 1 and not any(
                m.linked for m in inside))):  # the item's leading name, whole: "American Society for Testing and Materials"
            mentions = [m for m in mentions if m not in inside]
            named_lead = replace(name_mention(lead.group(1)), start=0, end=lead.end(1))
            if not named_lead.types and _joint_head(inside, sentence.text, lead.end(1)):
                named_lead = replace(named_lead, types=inside[0].types, strength=inside[0].strength)
            mentions.insert(0, named_lead)
        types = item_classes(spec, named)  # not people under "Participants"
        evidence = Evidence.of_sentence(sentence)
        cites = tuple(citations[k] for k in sentence.citations if k in citations)
        items = _item_mentions(mentions, sentence.text, lo)
        if items and not items[0].linked and (stop := _qualified(article, sentence, items[0].end)) > items[0].end:
            items[0] = replace(items[0], text=(n := sentence.text[items[0].start:stop]), key=n, end=stop)  # "(Reserve)"
        if parts and items and (stop := lower_tail(sentence.text, items[0])) > items[0].end:
            items[0] = replace(items[0], text=(n := sentence.text[:stop]), key=n, end=stop)  # "* Foo Centre and school"
        items[:1] = [later_name(m, sentence, article, ctx) for m in items[:1]]  # "* Foo Field (later [[Foo AFB]])"
        listed = sited(items, sentence, article, set(spec.types) == {"Place"})
        last = item_dates(sentence.text[items[-1].end:], types_of_people or "Person" in items[-1].types) if items else (None, None)
        shaped = spec.shaped_items or bool(ctx.subject.strength and ctx.subject.types & spec.shaped_for)
        for m in listed:
            unshaped = shaped and m.strength < SHAPE  # held back: kept when most of its list's items are shaped
            if m.types and not m.types & types or unshaped and (m.types or not lone_name(m, sentence.text)):
                continue
            if not m.types and types == {"Person"} and (not person_shaped(m.text) or m is not listed[0]
                                                        and not m.linked and not is_personal_name(m.text)):
                continue  # "* College of Co-Operation, Banking & Management" under "Management": no people;
                # "* [[A]], Nobel Memorial Prize in Economics": a second name must be a person's by its own words
            if not m.types and spec.bare_items and (not _BARE.fullmatch(sentence.text, m.end) or is_personal_name(m.text)):
                continue  # after "The NCAT has four divisions:", "* Guardianship Division", not "* "ZG" department: ..."
            if not m.types:
                m = replace(m, types=frozenset({parts and unit_class(m.text, ctx.subject)
                                                or default_type(spec, ctx.subject, named, sentence.section)}), strength=0)
            taken = depth
            date, end = item_dates(sentence.text[m.end:], "Person" in m.types)
            if spec.relation == "educatedAt" and (year := class_year(sentence.text[m.end:])) is not None:
                date, end = year, None  # "* [[Jane Roe]] - Class of 1767 - president of Foo College (1795–1817)"
            if date is None:
                date, end = last
            if date is None and term:
                date, end = lead_dates(term[term.lastindex])
            if date is None:
                date, end = dates_below(article, index)
            date = date or heading_date(heading)
            if "Person" in m.types and life_span(date, end) or honour_heading(heading):
                date = end = None  # "* [[Jane Roe]] (1764–1831)": her life, not her membership; under "Ring of
                # Honor", "* [[Jane Roe]], Owner (August 12, 2006)": her induction's day
            owner = season if season is not None and spec.id == "list.members" else own.subject
            if termed is not None:
                owner = termed[1]  # "; 1st Foo Squadron" then "* [[Fooville Field]], 4 October 1942": its station
            if parts and named != heading and (part := heading_part(heading, spec, ctx)
                                               or listed_part(heading, (out, *held.values()), owner)) is not None:
                owner = part  # "=== Operational Command West ===" under "Structure": the brigades listed are its
            elif spec.relation == "keyPerson" and named != heading and (part := heads_part(heading, ctx)) is not None:
                owner = part  # "==== II./JG 99 ====" under "Commanders": that group's commanders, not the wing's
            if parts and parents and (owner := parents[-1][1]) is None:
                break  # "*** Foo Agency" under "** [[Bar Command]]", an item that named nothing kept: its owner unknown
            if parts and (not parents or parents[-1][0] < depth):
                parents.append((depth, m))  # "** 24th Brigade" under "* Operational Command West": a part of that
                if len(parents) == 1 and heads_units(article, index, depth, m, ctx.subject):
                    continue  # "* Ministry of Defence" over "** Foo Command": the military's superior, no part
            if date is None and spec.relation == "foundedBy" and owner is ctx.subject:
                date = founded  # "Its founders were:" then "* [[Foo Society]]": they founded it when it was founded
            s, o = (owner, m) if spec.direction == "forward" else (m, owner)  # a season's teams: the league's
            if unshaped:
                held.setdefault((sentence.section, depth), []).append(Statement(s, spec.relation, o, spec.id + "+sibling",
                                                                      evidence, spec.event, date, end, cites))
                continue
            kept[sentence.section, depth] = kept.get((sentence.section, depth), 0) + 1
            out += [Statement(s, relation, o, spec.id, evidence, event, date, end, cites)  # "* A, an alumna"
                    for relation, event in item_relations(spec, sentence.text, m, mentions)]
            if spec.head_roles and "Person" in m.types and spec.head_roles.match(sentence.text, m.end):
                out.append(Statement(owner, "keyPerson", m, spec.id + "+head", evidence, "Appointment",
                                     date, end, cites))  # "* [[Jane Roe]], President" under "Board members"
            if "Person" in m.types and (org := _item_employer(m, mentions, sentence.text)) is not None:
                party = is_membership_body(split_title(org.key)[0])  # "* 1994 - 1998: [[Jane Roe]] ([[Foo Party|FP]])"
                out.append(Statement(m, "memberOf" if party else "affiliatedWith", org, spec.id + "+employer",
                                     evidence, "Membership" if party else "Affiliation",
                                     None, None, cites))  # "* Colonel A B Roe, [[Freedonian Army]] (PA)"
            if spec.relation == "memberOf" and _FOUNDER_NOTE.match(sentence.text, m.end):
                out.append(Statement(ctx.subject, "foundedBy", m, spec.id + "+founder", evidence, "Founding",
                                     founded, None, cites))  # "* Canon (founder)": a founding member, dated
                # by the subject's founding date (`founded`: the prose's, else the infobox's)
        if parts and (not parents or parents[-1][0] < depth) and listed and (listed[0].linked or part_named(listed[0])) \
                and not listed[0].types - org_classes():
            parents.append((depth, None))  # a linked body not kept owns what is below it, unknown; "* Europe" groups
            # (so does an unlinked one its name calls a part: "* Air Training Command, Gaziemir, [[Izmir]]")
    for where, statements in held.items():  # "* 1st Foo Battalion", "* 2nd Foo Battalion", "* Headquarters Support Unit"
        if kept.get(where, 0) >= max(2, len(statements)):
            out += statements

    return out


_QUALIFIER = re.compile(r"\s\([A-Z][a-z]+(?:\s[A-Z][a-z]+)?\)")  # " (Reserve)" after a name


def _qualified(article: ParsedArticle, sentence, end: int) -> int:
    """Where an item's name ends: past a " (Reserve)" that its list's linked siblings' titles end with, else `end`."""
    q = _QUALIFIER.match(sentence.text, end)
    siblings = (k for other in article.sentences if q and other.section == sentence.section and other is not sentence
                for k in other.links if k.start == 0)
    return q.end() if q and any(k.target.endswith(q.group()) for k in siblings) else end


_MARKUP = re.compile(r"[\[\]{}<>'|]")
_PREPOSITION_LED = re.compile(r"(?:To|From|Into|Promoted|Relegated|Joined|Left|Former|New|Other)\b")
_LOWER_TAIL = re.compile(r"[A-Z]\w*\s+[a-z]{3,}(?:\s+[a-z]+)*$")  # "Foo League expansion efforts"


def heading_part(heading: str, spec: SectionSpec, ctx: Context) -> Mention | None:
    """The entity a subheading names when its own name's shape says it is one of what its section lists
    ("=== Faculty of Agriculture ===" under "Faculties"); plain headings only ("=== To Foo Lowland League ===" is a move),
    not a topic's ("=== Foo League expansion efforts ===": a name, then common nouns in lower case)."""
    if _MARKUP.search(heading) or _PREPOSITION_LED.match(heading) or plural_head(heading.split("/")[0]) \
            or _LOWER_TAIL.search(heading):
        return None
    item = name_mention(heading)
    if item.key == ctx.subject.key or not item.types & frozenset(spec.types) or item.strength < SHAPE:
        return None
    if item.types == {"Company"} and item.key not in ctx.index:
        return None  # "=== Agricultural Engineering & Technology ===": a field by a company's last word
    return item


def for_lists(spec: SectionSpec) -> bool:
    """Whether a spec reads lists (not a tables-only or a run-in spec)."""
    return spec.only is None
