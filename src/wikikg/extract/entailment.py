"""Statements the ontology entails from stated ones, and stated ones that a finer statement makes redundant."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from wikikg.extract.classify import name_types, split_title
from wikikg.extract.unitof import is_unit_of, named_parent
from wikikg.kb import places, rules
from wikikg.kb.names import name_tables, partisan_nouns
from wikikg.kb.vocabulary import is_symmetric, org_classes
from wikikg.model import Mention, Statement


def most_specific(statements: list[Statement]) -> list[Statement]:
    """Where one field or sentence names a headquarters down to the city, its region and its country are
    dropped ("in San Ramon, California"; "Braunschweig, Lower Saxony, Germany"): the finest rank stays.
    A birthplace is the first place of "Town, State, Country" (historic states too: "[[Foo]], [[Kingdom
    of Bar]], [[Baz Empire]]"): the places named after it with a comma lie around it. A seat's region or country
    dated like a finer seat of the same body goes too (one move told twice, by state and by town)."""
    countries, regions, cities = places.countries(), places.regions(), places.cities()

    def rank(st: Statement, group: tuple[Statement, ...] = ()) -> int:  # a title's disambiguator aside ("Victoria
        # (Australia)" is a region); a seat in a city that is also a region ranks as a city when linked or named before
        # its country with a comma, and no place and comma come before it ("[[Foo House]]<br>[[London]]", "London,
        # UK; Paris, France": the city stays beside the building; not "Westminster, London", nor "San Juan, PR USA")
        key = st.obj.key if st.obj.key in countries or st.obj.key in regions else split_title(st.obj.key)[0]
        if st.predicate == "headquarteredIn" and key in regions and key not in countries and key in cities \
                and group and not _named_after(st, group) and (st.obj.linked or any(
                    y is st for x in group if x.obj.key in countries for y in _named_after(x, group))) \
                and all(x.evidence.start == st.evidence.start for x in group if not rank(x)):
            return 0  # (with every finer seat in its own field: not a "location" beside an "hq_location")
        return 2 if key in countries else 1 if key in regions else 0

    groups: dict[tuple, list[Statement]] = {}
    for st in statements:
        if st.predicate in ("headquarteredIn", "birthPlace") and isinstance(st.obj, Mention):
            where = "infobox" if st.evidence.section == "Infobox" else st.evidence.start
            groups.setdefault((st.subject.key, where), []).append(st)
    drop, lies_in = set(), []
    for group in groups.values():
        finest = min(rank(st, tuple(group)) for st in group)
        for coarse in group:
            inside = _named_after(coarse, group)  # "in Sudbury, Ontario": Sudbury, named before Ontario
            # a coarser rank goes; so does a region after a place and a comma, even when the place is also
            # a region's name ("city = [[Pune]], [[Maharashtra]]": a city named like its district)
            if rank(coarse, tuple(group)) > finest or rank(coarse) and coarse.obj.key not in cities and inside \
                    or coarse.predicate == "birthPlace" and inside:
                drop.add(id(coarse))
            if coarse.evidence.section != "Infobox":  # the infobox makes its own place chain
                lies_in += [replace(coarse, subject=fine.obj, predicate="locatedIn", rule=coarse.rule + "+containment",
                                    event=None, date=None, end_date=None) for fine in inside if rank(fine) < rank(coarse)]
    finer_on = {(st.subject.key, st.date.value) for st in statements if st.predicate == "headquarteredIn"
                and st.date is not None and isinstance(st.obj, Mention) and not rank(st)}
    drop |= {id(st) for st in statements if st.predicate == "headquarteredIn" and isinstance(st.obj, Mention)
             and rank(st) and st.date is not None and (st.subject.key, st.date.value) in finer_on}
    return [st for st in statements if id(st) not in drop] + lies_in


_LINK = re.compile(r"\[\[(?:[^|\]]*\|)?([^\]|]*)\]\]")
_THE_NOUN = re.compile(r"^(?:[Tt]he|[Tt]his|[Tt]hat)\s+")


def _named_after(coarse: Statement, group: list[Statement]) -> list[Statement]:
    """The statements of `group` whose place the evidence names just before `coarse`'s, with a comma
    ("Sudbury, Ontario"; links read as their text: "[[Pune]], [[Maharashtra]]")."""
    text = coarse.evidence.plain or coarse.evidence.text
    text = " ".join((_LINK.sub(r"\1", text) if "[[" in text else text).split())  # "[[Foo]],  [[Bar]]": one space
    return [x for x in group if x is not coarse and f"{x.obj.text}, {coarse.obj.text}" in text]


def is_membership_body(name: str) -> bool:
    """Whether a name is a membership body's ("... Alliance", "Association of ...": names.toml [membership]), not
    a research council's, an accreditor's or a regulator's ([membership] unless)."""
    return bool(_membership_bodies().search(name)) and not (
        (unless := name_tables().membership_unless) and re.search(unless, name))


def is_body_of_institutions(name: str) -> bool:
    """Whether a name says its body is made of several institutions ("Council of Foo Universities", "Barshire
    Interuniversity Sport": names.toml [membership] of_institutions), so an institution that lists it among its
    affiliations is its member."""
    tables = name_tables()
    words = tables.membership_of_institutions
    return bool(words) and re.search(rf"(?<![\w-])(?:{'|'.join(map(re.escape, words))})(?![\w-])", name) is not None \
        and re.search(tables.membership_of_institutions_unless, name) is None  # not "Accrediting Commission for ..."


@cache
def _membership_bodies() -> re.Pattern:
    """Names of membership bodies: "… Alliance", "… Association of …", a link title's "… Party (Freedonia)"
    (ontology/names.toml)."""
    words = "|".join(map(re.escape, name_tables().membership))
    return re.compile(rf"\b(?:{words})(?:\s+(?:of|for|on|in)\b.*)?(?:\s+\([^()]*\))?$")


# (dated prose predicate, the undated predicate it dates, read in the other direction): "Y was acquired
# by X in January 2018" dates the infobox's "Y subsidiaryOf X" (parent = X); "Z joined Y as its chief
# revenue officer in December 2013" dates the infobox's "Y keyPerson Z".
_DATES = (("acquired", "subsidiaryOf"), ("affiliatedWith", "keyPerson"))


def _dated_by_prose(statements: list[Statement]) -> list[Statement]:
    """An undated stated fact the prose dates: the same fact once more, on the dating sentence (a fact
    given by the infobox and by prose carries the prose date)."""
    out = []
    for prose, undated in _DATES:
        dated = {}
        for st in statements:
            if st.predicate == prose and st.date is not None and isinstance(st.obj, Mention) \
                    and st.evidence.section != "Infobox" and "+" not in st.rule and not _joined_only(st, undated):
                dated.setdefault((st.obj.key, st.subject.key), st)
        have = {(st.subject.key, st.obj.key) for st in statements if st.predicate == undated and st.date is not None
                and isinstance(st.obj, Mention)}
        for st in statements:
            if st.predicate != undated or st.date is not None or not isinstance(st.obj, Mention):
                continue
            pair = (st.subject.key, st.obj.key)
            src = dated.get(pair)
            if src is not None and pair not in have:
                have.add(pair)
                out.append(replace(st, evidence=src.evidence, date=src.date, end_date=src.end_date,
                                   rule=f"{src.rule}+{undated}", citations=src.citations))
    return out


def _joined_only(st: Statement, undated: str) -> bool:
    """Whether a joining dates no post: "[[Jane Roe]], who joined the firm in 1987, now serves as its president"
    (a post is dated by a joining "as" it: "joined Foo as its chief revenue officer in December 2013")."""
    text = st.evidence.plain or st.evidence.text
    return undated == "keyPerson" and st.rule == "affiliation.joined" and not re.search(r"\bjoined\b[^,;]*?\bas\b", text)


_APPOSED_BODY = re.compile(
    r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:society|association|union|party|federation|league|fraternity|sorority|academy)\b")


def _apposed_body(name: str, text: str) -> bool:
    """Whether re.search(re.escape(name) + _APPOSED_BODY.pattern, text) finds a match, without compiling
    an expression per name: the name at some place of the text, and the body right after it."""
    p = text.find(name)
    while p >= 0:
        if _APPOSED_BODY.match(text, p + len(name)):
            return True
        p = text.find(name, p + 1)
    return False


@cache
def _service_bodies() -> re.Pattern:
    """Names of the chambers a person serves in as a member (ontology/names.toml [service])."""
    words = "|".join(map(re.escape, name_tables().service_bodies))
    return re.compile(rf"\b(?:{words})(?:\s+of\b.*)?$")


def is_service_body(name: str) -> bool:
    """Whether a name is a chamber's a person serves in as a member (names.toml [service]: "... Senate")."""
    return bool(_service_bodies().search(name))


def _served_in(st: Statement) -> bool:
    """Whether an affiliation says its person served in or joined a military or a chamber ("served in the
    [[Royal Foo Air Force]] as a radar specialist", "served two terms in the [[Foo House of Representatives]]",
    "joined the [[Freedonian Army]]"): a member's service, not a post on its staff ("served as a captain in")."""
    if st.rule not in ("affiliation.worked-at", "affiliation.joined") or not isinstance(st.obj, Mention) or not (
            "MilitaryOrganization" in st.obj.types or _service_bodies().search(st.obj.key)
            or _service_bodies().search(st.obj.text)):
        return False
    if st.rule == "affiliation.joined":
        return True
    text = st.evidence.plain or st.evidence.text
    return re.search(rf"\bserv(?:ed|es|ing)\s+(?:(?!as\b)[\w-]+\s+){{0,3}}?in\s+(?:the\s+)?{re.escape(st.obj.text)}",
                     text) is not None  # not "served as a captain in the [[X]]": a post in it


_PARTY = re.compile(r"\b(?:Party|Parti|Partei|Partido|Partito)\b")


def _left_party(st: Statement) -> bool:
    """Whether a person "resigned from" a party itself ("resigned from the [[Foo Party|FP]], stating"), not a post in
    it ("stepped down from the party presidency"): who leaves a party was its member."""
    if not (_PARTY.search(st.obj.text) or _PARTY.search(split_title(st.obj.key)[0])):
        return False
    text = st.evidence.plain or st.evidence.text
    return re.search(rf"\bfrom\s+(?:the\s+)?{re.escape(st.obj.text)}(?![\w-]|\s+[a-z])", text) is not None


@cache
def _staff_after() -> re.Pattern:
    """What follows a joined body's name when the person joined its staff (names.toml [service] staff): "... coaching
    staff", "...'s staff", "... as their pitching coach" (not "as player and coach": a player's)."""
    words = "|".join(map(re.escape, name_tables().staff_posts))
    return re.compile(rf"(?:'s|’s|')?(?:\s+[a-z][\w-]*){{0,2}}?\s+staff\b|(?:\s+(?:organi[sz]ation|franchise))?"
                      rf"(?:\s+(?:in|on|for)\s+[^,;]{{1,25}}?)?,?\s+as\s+(?!(?:[\w-]+\s+){{0,5}}?play)"
                      rf"(?:(?:an?|the|their|its|his|her)\s+)?(?:[\w-]+\s+){{0,5}}?(?:{words})\b", re.I)


def _joined_staff(st: Statement) -> bool:
    """Whether a person joined the body's staff, not the body: "joined the [[Foo Bears]] coaching staff"."""
    text = st.evidence.plain or st.evidence.text
    p = text.find(st.obj.text)
    while p >= 0:
        if _staff_after().match(text, p + len(st.obj.text)):
            return True
        p = text.find(st.obj.text, p + 1)
    return False


_AFFILIATE_OF = re.compile(r"\ban?\s+(?:[\w-]+\s+)?affiliate\s+(?:member\s+)?of\b")  # not "a subsidiary of"
_COALITION = re.compile(r"\b(?:Alliance|Coalition|Bloc|Front|Union)\b")  # not a society's "... Association"


def joined_bodies(statements: list[Statement]) -> list[Statement]:
    """A person who joined a membership body (its name says so, "... Association", "... Party", or an
    apposition does, "[[Psi Chi]], the national honor society") became a member of it, not its staff;
    so did one who served in or joined a military or a legislative chamber; a party or a club that was
    "part of" one ("part of the [[X Electoral Bloc]]") or affiliated to one ("affiliated to [[The Union]]") was its member."""
    bodies = _membership_bodies()
    out = []
    for st in statements:
        if _served_in(st):
            st = replace(st, predicate="memberOf", rule="membership.served-in", event="Membership")
        elif st.predicate == "affiliatedWith" and isinstance(st.obj, Mention) and st.obj.text in partisan_nouns(
                split_title(st.obj.key)[0]):  # "Republican editor [[Jane Roe]]": a Republican, the party's member
            st = replace(st, predicate="memberOf", rule="membership.partisan", event="Membership")
        elif st.rule == "affiliation.left-post" and isinstance(st.obj, Mention) and _left_party(st):
            st = replace(st, predicate="memberOf", rule="membership.left-party", event="Membership")
        elif st.rule == "affiliation.affiliated-to" and isinstance(st.obj, Mention) and "Person" not in st.subject.types \
                and _COALITION.search(st.obj.text):  # "the party was affiliated to [[The Union]]"
            st = replace(st, predicate="memberOf", rule="membership.affiliated-to-body", event="Membership")
        elif st.rule.startswith("affiliation.affiliated") and isinstance(st.obj, Mention) and "Person" not in \
                st.subject.types and is_unit_of((st.subject.text, split_title(st.subject.key)[0]),
                                                (st.obj.text, split_title(st.obj.key)[0])):
            st = replace(st, predicate="subsidiaryOf", rule="subsidiary.unit-affiliated", event=None)  # "Faculty of
            # Law, Foo University is an institution affiliated with [[Foo University]]": its part
        elif st.rule in ("subsidiary.part-of", "subsidiary.became-part-of") and isinstance(st.obj, Mention) and (
                bodies.search(st.obj.text) or bodies.search(st.obj.key)):
            st = replace(st, predicate="memberOf", rule="membership.part-of-body", event="Membership")
        elif st.rule == "subsidiary.subsidiary-of" and isinstance(st.obj, Mention) and _AFFILIATE_OF.search(
                st.evidence.plain or st.evidence.text) and (bodies.search(st.obj.text) or bodies.search(st.obj.key)
                                                            or is_body_of_institutions(st.obj.text)):
            st = replace(st, predicate="memberOf", rule="membership.affiliate-of-body", event="Membership")  # "Foo
            # University is an affiliate of the [[Council for Freedonian Colleges and Universities]]": a member
        elif st.rule == "affiliation.joined" and isinstance(st.obj, Mention) and (
                bodies.search(st.obj.text) or bodies.search(st.obj.key)
                or _apposed_body(st.obj.text, st.evidence.plain or st.evidence.text)
                or _THE_NOUN.sub("", st.obj.text).casefold() in rules.cues().joined_nouns  # "joined the band"
                or "SportsClub" in st.obj.types) and not _joined_staff(st):  # a player who joined a club plays for
            # it, its member; a coach who joined its staff works for it
            st = replace(st, predicate="memberOf", rule="membership.person-joined", event="Membership")
        out.append(st)
    return out


def entailed(statements: list[Statement]) -> list[Statement]:
    """Facts the ontology entails from stated ones: a key person is affiliated with the organisation;
    an organisation that founds a membership body (an alliance, association...) is a member of it;
    an undated fact the prose dates, on the dating sentence."""
    bodies = _membership_bodies()
    out = _dated_by_prose(statements)
    for st in statements:
        if st.predicate == "keyPerson" and isinstance(st.obj, Mention) and "Person" in st.obj.types:
            out.append(replace(st, subject=st.obj, predicate="affiliatedWith", obj=st.subject,
                               rule=st.rule + "+affiliation", event="Affiliation"))
        elif st.predicate == "foundedBy" and isinstance(st.obj, Mention) and st.obj.types \
                and st.obj.types <= org_classes() and bodies.search(st.subject.text):
            out.append(replace(st, subject=st.obj, predicate="memberOf", obj=st.subject,
                               rule=st.rule + "+membership", event="Membership"))
    return out + _named_parents(statements)


def _named_parents(statements: list[Statement]) -> list[Statement]:
    """A fact's end whose name opens with its university's ("[[Foo University School of Law]]", "[[University of
    Bar College of Medicine|College of Medicine]]") is a part of that university, on the same evidence: once each; not
    where a fact names that parent spelt otherwise ("[[InterFoo University]]" for "Inter Foo University School of Law":
    the fact's name stays), nor for an unlinked name with "and" before it (two names run together: "Roe and Foo ...")."""
    def squeezed(name: str) -> str:
        return re.sub(r"\W+", "", name).casefold()

    named = {(st.subject.key, squeezed(st.obj.text)) for st in statements if st.predicate == "subsidiaryOf"
             and isinstance(st.obj, Mention)} | {(st.subject.key, squeezed(split_title(st.obj.key)[0])) for st in
                                                 statements if st.predicate == "subsidiaryOf" and isinstance(st.obj, Mention)}
    out, seen = [], set()
    for st in statements:
        for m in (st.subject, st.obj):
            if not isinstance(m, Mention) or m.key in seen or m.types and not m.types & org_classes():  # a person, a place
                continue
            seen.add(m.key)
            if (parent := next(filter(None, map(named_parent, (split_title(m.key)[0], m.text))), None)) \
                    and (m.linked or " and " not in parent) and (m.key, squeezed(parent)) not in named:
                uni = Mention(parent, parent, False, frozenset(name_types(parent) & org_classes() or {"University"}),
                              strength=3)
                out.append(Statement(m, "subsidiaryOf", uni, "subsidiary.unit-name", st.evidence))
    return out


# a list of a regiment's honorary officers ("Colonels of the Regiment", "Colonels-in-Chief", "Honorary Colonels"):
# posts held beside the ranks, not service in them
_HONORARY = re.compile(r"(?i)\bhonou?rary\b|\bcolonels?[\s-]+(?:of\s+the\s+regiment|in[\s-]+chief)\b")


_HIRED = re.compile(r"\b(?:hired|employed)\s+by\b")


def in_service(statements: list[Statement]) -> list[Statement]:
    """A person affiliated with an armed force or a unit serves in it: its member, as a player of a team (the
    annotation brief's settled convention), unless they command it (its key person: affiliated by that alone)."""
    commands = {(st.obj.key, st.subject.key) for st in statements
                if st.predicate == "keyPerson" and isinstance(st.obj, Mention)}
    return [replace(st, predicate="memberOf", rule=st.rule + "+service", event="Membership")
            if st.predicate == "affiliatedWith" and isinstance(st.obj, Mention) and "Person" in st.subject.types
            and "MilitaryOrganization" in st.obj.types and not st.rule.endswith(("+affiliation", "+staff"))  # a staff post
            and not st.rule.startswith("infobox.military_unit.")  # a unit's box names its chiefs and honorary colonels
            and not (st.rule.startswith("affiliation.hired-by") and _HIRED.search(st.evidence.text))  # a force hires
            # or employs civilians and contractors ("was hired by the Air Force to study ..."); it recruits soldiers
            and not _HONORARY.search(st.evidence.section)
            and (st.subject.key, st.obj.key) not in commands else st for st in statements]


def one_per_sentence(statements: list[Statement]) -> list[Statement]:
    """One statement per fact and sentence: the first found, with the date of the first that has one
    ("studied at A and graduated from B, in 1962": B's own trigger dates it)."""
    seen: dict = {}
    out: list[Statement] = []
    for st in statements:
        o = st.obj.key if isinstance(st.obj, Mention) else str(st.obj)
        key = (st.subject.key, st.predicate, o, st.evidence.start)
        if is_symmetric(st.predicate):
            key = (frozenset({st.subject.key, o}), st.predicate, st.evidence.start)
        if key not in seen:
            seen[key] = len(out)
            out.append(st)
        elif st.date is not None and out[seen[key]].date is None:
            out[seen[key]] = replace(out[seen[key]], date=st.date, end_date=st.end_date)
    return out
