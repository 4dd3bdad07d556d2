"""Infobox facts: applies the mappings of ontology/infobox.toml and exchanges.toml to infoboxes."""
from __future__ import annotations

import dataclasses
import functools
import re

from wikikg.extract import boxtext
from wikikg.extract.boxdates import field_date, held_years, lone_date, paired_dates
from wikikg.extract.boxtext import (
    ACRONYM,
    GENERATION,
    common_link,
    is_label,
    is_setting,
    mask,
    minority,
    rank_words,
    roles_onto_previous,
    share_surname,
    two_people,
)
from wikikg.extract.boxtext import clean as _clean
from wikikg.extract.classify import is_concept_title, is_post, is_shape_word, name_types, place_named, split_title
from wikikg.extract.coachitems import headed_items
from wikikg.extract.entailment import is_body_of_institutions, is_membership_body
from wikikg.extract.listings import listings
from wikikg.extract.listings import norm as _norm
from wikikg.extract.nonentities import is_event
from wikikg.extract.officelinks import is_office
from wikikg.extract.offices import holder_items, member_seat, names_office, office_organisation, untitled
from wikikg.extract.people import is_personal_name
from wikikg.extract.seasons import members_owner, team_season
from wikikg.extract.staffitems import without_staff_items
from wikikg.extract.unitof import is_unit_of
from wikikg.kb.mappings import InfoboxMapping, infoboxes
from wikikg.kb.names import legal_suffixes, name_tables
from wikikg.kb.places import countries, places, state_title
from wikikg.kb.vocabulary import org_classes
from wikikg.model import DateValue, Evidence, FieldItem, Infobox, InfoboxField, Link, Mention, ParsedArticle, Statement

_BRACKETS = re.compile(r"[()\[\]]")
_PLURAL = re.compile(r"[A-Z][a-z]+[^s\W]s")  # one plural noun ("Products", "Platforms")
_NOTE_LINE = re.compile(r"\([^()]*\)")  # a line wholly in parentheses
_BY_PREFIX = re.compile(r"^[A-Z][a-z]+(?:ed|en)\s+by\s+(?:the\s+)?")  # "Coordinated by", "Owned by the"
_CAPITALISED_NOTE = re.compile(r"[A-Z][^\d]*")
_LETTER = re.compile(r"[^\W\d_]")
_PARENS = re.compile(r"[()]")
_TRAILING_PAREN = re.compile(r"\s*\([^)]*\)$")
_TRAILING_PARENS = re.compile(r"\s*\([^()]*\)$")

_DEFAULT_TYPES = {"person": ("Person",), "place": ("Place",), "organization": ("Organization",)}
_words = re.compile(r"[\w.&-]+").findall
_FUNCTION_WORDS = frozenset({"and", "of", "the", "&"})


@functools.cache
def _tables() -> tuple[dict, object]:
    """(kind name or alias -> (subject class, ((mapping, parameter patterns), ...)), the [values] settings)."""
    data = infoboxes()
    kinds = {}
    for box in data.kinds:
        maps = tuple((m, tuple(re.compile(re.escape(p).replace(r"\{n\}", r"(\d*)")) for p in m.params))
                     for m in box.mappings)
        for name in (box.kind, *box.aliases):
            kinds[_norm(name)] = (box.cls, maps)
    return kinds, data.values


@functools.cache
def _separators() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """Where an item's text splits into values: at ";" and at commas not before a legal-form suffix
    ("Foo, Inc."), and (all) also at "and" and "&"; then each of the two also at a dash between spaces."""
    forms = "|".join(map(re.escape, dict.fromkeys(f.rstrip(".") for f in legal_suffixes(ambiguous=False))))
    comma = rf",(?!\s*(?:{forms})(?![\w-]))"  # "Foo, Inc." is one name; ", Co-Founder" is no "Co."
    return tuple(re.compile(rf"{comma}|;{p}") for p in ("", r"|\band\b|&", r"|\s[-–—]\s", r"|\band\b|&|\s[-–—]\s"))


def subject_types(article: ParsedArticle) -> frozenset[str]:
    """The classes of the article's subject, read from the kinds of its infoboxes (not of a later
    infobox that names someone else)."""
    kinds = _tables()[0]
    found = [kinds[_norm(b.kind)][0] for i, b in enumerate(article.infoboxes)
             if _norm(b.kind) in kinds and kinds[_norm(b.kind)][0] and _other(b, i, article.title) is None]
    # a later box of the other side of person/organisation is someone else's ("{{Infobox U.S. Cabinet}}" in a president's)
    return frozenset(c for c in found if (c == "Person") == (found[0] == "Person"))


def _other(box: Infobox, index: int, title: str, subject: Mention | None = None) -> str | None:
    """The name a later infobox gives, when it is not the article's subject's: "== Work with Keller
    Breland == {{Infobox person |name=Keller Breland …}}" in another person's article is his."""
    f = box.field("name")
    if index == 0 or f is None or len(f.items) != 1:
        return None
    name = _clean(f.items[0].text)
    own = {title, *(() if subject is None else (subject.key, subject.text, *subject.aliases))}
    folded = _LEGAL_TAIL().sub("", name).casefold()
    if not name or any(folded in n.casefold() for n in own if n):
        return None  # the subject's name or a part of it ("Acme" in "Acme Corporation"'s article)
    return name  # another name, or the subject's with more words: "X Basketball Club" in X's article


_SEEN: dict[int, tuple] = {}  # id(maps) -> (maps, kept so the id stays theirs; {parameter name: answer})


def _match(maps, name: str) -> tuple[InfoboxMapping | None, str]:
    seen = _SEEN.setdefault(id(maps), (maps, {}))[1]  # a field is asked about up to four times
    if (hit := seen.get(name)) is None:
        hit = seen[name] = _first_match(maps, name)
    return hit


def _first_match(maps, name: str) -> tuple[InfoboxMapping | None, str]:
    for m, patterns in maps:
        for rx in patterns:
            if hit := rx.fullmatch(name):
                return m, (hit.group(1) if rx.groups else "")
    return None, ""


def extract_infobox(article: ParsedArticle, subject: Mention) -> list[Statement]:
    """Statements about `subject` (and its subsidiaries, places ...) stated by its infoboxes."""
    kinds, out = _tables()[0], []
    own = subject
    for index, box in enumerate(article.infoboxes):
        cls, maps = kinds.get(_norm(box.kind), (None, ()))
        subject = own
        if cls and (name := _other(box, index, article.title, own)) is not None:
            subject = Mention(text=name, key=name, linked=False, types=frozenset({cls}), strength=4)
        hq = any(m is not None and m.property == "headquarteredIn" and not m.if_headquarters_given and f.items
                 for f in box.fields for m in (_match(maps, f.name)[0],))
        for f in box.fields:
            m, n = _match(maps, f.name)
            if m is not None and hq and m.if_headquarters_given:  # the seat is named: this is another site
                m = dataclasses.replace(m, property=m.if_headquarters_given, event=None)
            if m is not None and m.join:
                f = _joined(article.text, box, f, m.join)
            if m is not None and f.items:
                ev = Evidence(text=f.source, section="Infobox", start=f.start, end=f.end)
                owner = (team_season(article, subject) or members_owner(article.title, subject)) \
                    if (m.property, m.direction) == ("memberOf", "inverse") else subject
                out.extend(_apply(m, n, f, box, maps, owner, ev) if owner is not None else ())
    return out


def _joined(text: str, box: Infobox, f: InfoboxField, join: tuple[str, ...]) -> InfoboxField:
    """A name given in several parameters ("| first = Lee | last = Benson") as one field spanning them."""
    parts = [f, *filter(None, map(box.field, join))]
    if len(parts) < 2 or any(len(p.items) != 1 for p in parts):
        return f
    start, end = min(p.start for p in parts), max(p.end for p in parts)
    item = FieldItem(" ".join(p.items[0].text for p in parts))
    return dataclasses.replace(f, items=(item,), source=text[start:end], start=start, end=end)


@functools.cache
def _LEGAL_TAIL() -> re.Pattern:  # noqa: N802 (a cached constant)
    """A legal-form suffix at the end of a name (", Inc.", " Ltd")."""
    forms = "|".join(map(re.escape, sorted(legal_suffixes(), key=len, reverse=True)))
    return re.compile(rf",?\s+(?:{forms})$")


def _stmt(m, subject, obj, ev, **kw) -> Statement:
    s, o = (obj, subject) if m.direction == "inverse" else (subject, obj)
    return Statement(subject=s, predicate=m.property, obj=o, rule=m.id, evidence=ev, event=m.event, **kw)


def _apply(m: InfoboxMapping, n, f: InfoboxField, box: Infobox, maps, subject, ev) -> list[Statement]:
    if (value := m.value) == "date":
        return [_stmt(m, subject, d, ev)] if (d := field_date(f)) else []
    if value == "url":
        return [_stmt(m, subject, u, ev) for u in filter(None, (boxtext.item_url(i, _clean(i.text)) for i in f.items))]
    if value == "exchange":
        return [_stmt(m, subject, ex, ev, qualifiers=q) for i in f.items for ex, q in listings(i)]
    if value == "literal":
        return [_stmt(m, subject, p[0], ev) for i in f.items for p in _pieces(i, value)]
    if value == "office":
        return _office_holders(m, n, f, box, subject, ev)
    date = None
    if m.date_from:
        dated = [g for g in box.fields
                 if (hit := _match(maps, g.name)[0]) is not None and hit.property == m.date_from]
        date = next(filter(None, map(field_date, dated)), None)
    df = box.field(m.date_param.replace("{n}", n)) if m.date_param else None
    date = (lone_date(df, f.items) or date) if df is not None else date  # "| clubs2 = [[Arbroath F.C.]] | years2 = 2010–2011"
    per_item = paired_dates(df, f.items)  # "| years = 1992–1993<br />1993–1996 | clubs = [[A]]<br />[[B]]"
    role = m.role or m.roles.get(f.name)
    if m.role_param and (rf := box.field(m.role_param.replace("{n}", n))) and rf.items:
        role = _clean(rf.items[0].text) or role
        if _PLURAL.fullmatch(role or "") and role[:-1] not in name_tables().roles + name_tables().offices:
            return []  # "leader_title4 = Products": the names below it are no leaders (not "Founders", "Trustees")
    types = m.types if m.types is not None else _DEFAULT_TYPES.get(value, ())
    out = []
    items = [it for k, it in enumerate(f.items)  # "[[A]]<br>([[B]])": B owns A, no second value of the field
             if not (k and value == "organization" and _NOTE_LINE.fullmatch(it.text.strip()))]
    if m.property == "memberOf" and value == "organization":
        items = without_staff_items(items, _tables()[1].role_words)  # "As manager: [[Foo]]": a post
    if m.item_notes or m.unless_shaped:  # "[[Foo Bears]] (asst.)", "[[Foo University]]": no team the subject headed
        items, per_item = headed_items(items, per_item, m.item_notes, m.unless_shaped, m.unless_heads)
    split = [(item, _pieces(item, value)) for item in items]
    if value == "person":
        split = [(item, share_surname(pieces)) for item, pieces in roles_onto_previous(split, _tables()[1].role_words, _clean)]
    owners = sum(len(pieces) for _, pieces in split) if f.name.startswith("owner") else 0
    for k, (item, pieces) in enumerate(split):
        item_date = per_item[k] if per_item and len(split) == len(per_item) else date  # the k-th line's years
        if value == "person" and is_label(item.text, f.source):
            continue  # a bold "Press officer:" above its holders: a label, no one's name
        chain = []
        spans = held_years(item.text, len(pieces)) if item_date is None and value != "place" else [(None, None)] * len(pieces)
        for (name, link, note), (start, end) in zip(pieces, spans, strict=True):
            if link is None:
                name = _BY_PREFIX.sub("", name)  # "Coordinated by Bioversity International": the coordinator
                if value == "place":
                    name = boxtext.without_postcode(name)  # "Fooville -1000": the town
            if not name:
                continue
            if link is None and m.shaped_unlinked and name_types(base := _TRAILING_PARENS.sub("", name)) & set(types):
                name = base  # "Freedonian Army (Armée de Foo)": a service, its native name after it
            if link is None and (m.linked_only and not (m.shaped_unlinked and name_types(name) & set(types))
                                 or value == "place" and _patterns()[0].search(name)) \
                    or value == "place" and is_setting(name, link):  # "campus = [[Urban area|Urban]]": no place
                continue
            if value == "organization" and link is None and (boxtext.free_text(name) or is_post(name)):
                continue  # "affiliation = currently non-denominational": no body named; "employer = Inspector of Foo": a post
            if m.schools_only and boxtext.no_school(split_title(link.target)[0] if link else name, link is not None):
                continue  # "education = [[Pharmacology]]", "B.S.": a field, a degree
            if m.shaped_only and not (name_types(name) | name_types(split_title(link.target if link else name)[0])) & org_classes():
                continue  # "district = [[Foo district|Foo]]": a place, where only a body's name is taken
            if value == "person" and link is None and (" " not in name and name in places() or names_office(name)):
                continue  # "chancellor = Governor of Kerala": an office held ex officio; "leader = Fooville": a town
            if value == "place" and (named := name_types(split_title(link.target)[0] if link else name) - {"Place"}):
                if by := next((p for c, p in m.if_value_class if c in named), None):  # "jurisdiction = [[Foo Government]]"
                    out.append(_stmt(dataclasses.replace(m, property=by), subject, _mention(name, link, tuple(named), value), ev))
                continue  # an organisation named where a place is expected ("HQ: Ministry of X"), unless the mapping's class
            if value == "place" and link and is_concept_title(link.target):
                continue  # a common noun named where a place is expected ("campus = [[Urban area]]")
            if m.property == "subsidiaryOf" and f.name.startswith("owner") and (
                    minority(item.text) or is_personal_name(split_title(link.target if link else name)[0])):
                continue  # an owner with a stake is not a parent: "[[X]] (largest shareholder)"; nor is a person
            mention = _mention(name, link, types, value)
            school, label = m.property == "educatedAt", split_title(mention.key)[0]  # a town is no school: "[[Fooville, Ohio|Foo High]]"
            if value == "organization" and (label in (places() if school else countries()) or school and state_title(label)
                                            or is_event(label) and not name_types(label) or not school and place_named(label)):
                continue  # "owner = [[Poland]]", "commands = [[Foo Air Base]]": a place; "league = [[Foo Cup]]": an event
            if value == "person" and mention.types & org_classes() and m.property == "keyPerson":
                continue  # "key_people = … [[Ghana Armed Forces|GAF]]": an organisation is no key person
            if m.property == "keyPerson" and link is not None and boxtext.names_a_part(item.text, name):  # "5./[[Foo 2]]"
                out.append(boxtext.served_in(_stmt(m, subject, mention, ev, date=item_date or start, end_date=end)))
                continue  # the subject led a part of Foo 2 (its fifth squadron): no key person of Foo 2, one who served in it
            if m.property == "subsidiaryOf" and f.name.startswith("owner") and owners > 1:
                out.append(Statement(mention, "investedIn", subject, m.id + "+stake", ev, "Investment"))
                continue  # one of several owners (a consortium) holds a stake; none is the parent
            r = role or (note if value == "person" and note else None)
            by_class = next((p for cls, p in m.if_value_class if cls in mention.types), None)
            names = (mention.text, split_title(mention.key)[0])
            if by_class is None and m.if_membership_body and (any(map(is_membership_body, names)) or (
                    "University" not in mention.types and any(map(is_body_of_institutions, names)))):
                by_class = m.if_membership_body  # "affiliations = [[Association of Freedonian Universities]]": a member
            if by_class is None and m.if_subject_unit and is_unit_of(
                    (subject.text, split_title(subject.key)[0]), (mention.text, split_title(mention.key)[0])):
                by_class = m.if_subject_unit  # "affiliation = [[Foo University]]" in a faculty's box: its part
            out.append(_stmt(dataclasses.replace(m, property=by_class) if by_class else m, subject, mention, ev,
                             date=item_date or start, end_date=end,
                             qualifiers=(("role", r),) if r and m.property == "keyPerson" else ()))
            if m.property == "keyPerson" and r and (founder := _patterns()[1]) and founder.search(r):
                out.append(Statement(subject, "foundedBy", mention, m.id + "+founder", ev, "Founding",
                                     _founding_date(box, maps)))  # "Sagi Solomon, Founder, CEO"
            chain.append(mention)
        # "[[Fooville]], [[Barland]]": each lies in the next; not after a colon ("[[Freedonia]]: 5 Foo St"), nor in a list ("A and B")
        if value == "place" and not re.search(r":|\sand\s|\s&\s|\s/\s", mask(item.text)):
            pc = infoboxes().place_chain
            out += [Statement(subject=a, predicate=pc.property, obj=b, rule=pc.id,
                              evidence=ev) for a, b in zip(chain, chain[1:], strict=False) if a.key != b.key]
    return out


def _office_holders(m: InfoboxMapping, n: str, f: InfoboxField, box: Infobox, subject, ev) -> list[Statement]:
    """The organisation a post heads ("office2 = Director of the [[Foo Institute]]"): its head is the subject
    from the term's start, the post's predecessor and successor held it too; a member's seat is a membership."""
    date = field_date(dated) if (dated := m.date_param and box.field(m.date_param.replace("{n}", n))) else None
    if f.items and (seat := member_seat(f.items[0])) is not None:  # "Member of the [[Foo Assembly]]": no head
        return [Statement(subject, "memberOf", seat, m.id + "+member", ev, "Membership", date)]
    if (org := office_organisation(f.items[0]) if f.items and (f.items[0].links or not m.linked_only) else None) is None:
        return []
    out = [_stmt(m, subject, org, ev, date=date)]
    for g in filter(None, (box.field(h.replace("{n}", n)) for h in m.holders)):
        for item in holder_items(g.items):
            for name, link, _ in _pieces(item, "person")[:1]:
                if name and not names_office(name) and (p := _mention(name, link, ("Person",), "person")).types == {"Person"}:
                    out.append(Statement(org, m.property, p, m.id + "+holder",
                                         Evidence(g.source, "Infobox", g.start, g.end), m.event))
    return out


def _founding_date(box: Infobox, maps) -> DateValue | None:
    """The box's founding date (a field its mappings read as foundingDate), which dates its founders."""
    dated = [g for g in box.fields if (hit := _match(maps, g.name)[0]) is not None and hit.property == "foundingDate"]
    return next(filter(None, map(field_date, dated)), None)


def _skip(text: str) -> bool:
    low, values = text.casefold(), _tables()[1]
    return (not _LETTER.search(text) or low in values.placeholders
            or low.startswith(values.skip_prefixes) or _COUNTED.match(text) is not None)


_COUNTED = re.compile(r"\d[\d,.]*\s+[a-z]")  # "6 branches (Kiev, Lviv …)": a count of things, no name


def _pieces(item: FieldItem, value: str) -> list[tuple[str, Link | None, str]]:
    """(name, its link or None, the rest: role notes) for each value named in one item."""
    text, masked = item.text, mask(item.text)
    roles = _tables()[1].role_words
    top = [k for k in item.links if 0 <= k.start < len(masked) and masked[k.start] != "#" and not is_shape_word(split_title(k.target)[0])
           and not (value == "person" and (set(k.text.casefold().split()) <= roles
                                           or set(k.text.casefold().split()) <= rank_words() or common_link(k.target)))
           and not (value in ("organization", "entity") and is_office(k.target, k.text))]  # "[[Commandant of Foo]]"
    if value in ("organization", "entity"):  # "[[Foo Group]], [[Fooville]], [[Freedonia]]": the group's address
        top = [k for i, k in enumerate(top) if not (i and split_title(k.target)[0] in places()
                                                    and text[top[i - 1].end:k.start].strip() == ",")]
    strong = value in ("place", "literal") or not top
    strong_sep, all_sep, strong_dash, all_dash = _separators()
    sep = all_sep if len(top) > 1 and value != "literal" else strong_sep if strong else None
    if value == "person" and not top and two_people(all_sep.split(masked)):
        sep = all_sep  # "Deepak Gupta & Rakesh Soni": two people, not one name
    if value == "person" and sep is not None:
        sep = all_dash if sep is all_sep else strong_dash  # "Rob Roe - CEO": a name, then its role
    hits = [h.span() for h in (sep.finditer(masked) if sep else ())
            if not any(k.start <= h.start() < k.end for k in item.links)]  # "[[P & G]]" is one
    cuts = [0, *(x for span in hits for x in span), len(text)]
    out: list[tuple[str, Link | None, str]] = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        link = next((k for k in top if a <= k.start < b), None)
        if value == "literal":  # the whole text: "[[501(c)(3)]] [[nonprofit organization]]"
            name, link, note = _TRAILING_PARENS.sub("", text[a:b].strip()), None, ""
        elif link is not None:
            name = link.text
            note = _clean(_PARENS.sub(" ", text[a:link.start] + " " + text[link.end:b]))
        else:
            name = _clean("".join(c for c, mc in zip(text[a:b], masked[a:b], strict=False) if mc != "#"))
            note = _clean(_BRACKETS.sub(" ", "".join(
                c for c, mc in zip(text[a:b], masked[a:b], strict=False) if mc == "#")))
            if value == "person" and (lab := boxtext.labelled(name)):
                name, note = lab[0], _clean(f"{lab[1]} {note}")  # "Rabbi: Jane Roe": Jane Roe, the rabbi
            if value in ("organization", "entity") and _CAPITALISED_NOTE.fullmatch(note) and not ACRONYM.fullmatch(note):
                name, note = f"{name} ({note})", ""  # "Foo Holdings (Hong Kong)" is a name; "Foo Agency [FA]" is Foo Agency
            if out and (bare := name.strip())[:1] == "(" and bare.endswith(")"):
                continue  # "Foo Media; (Foo Communications)": a note on the one before
            if value == "organization" and boxtext.lower_phrase(name):
                continue  # "affiliation = currently non-denominational; initially founded by Baptists": no name
            words = name.casefold().split()
            if value == "person" and out and GENERATION.fullmatch(name) and not out[-1][1]:
                out[-1] = (f"{out[-1][0]}, {GENERATION.fullmatch(name).group(1)}", None, out[-1][2])
                continue  # "Jane Roe, Jr.": one name
            if value == "person" and out and words and (len(words) <= 6 and (
                    set(words) <= roles or {words[0], words[-1]} & roles - _FUNCTION_WORDS)  # ", Chief Revenue Officer"
                    or ACRONYM.fullmatch(name) or name[:1].islower()):  # "- CRO", ", co-owner": no one's name
                out[-1] = (*out[-1][:2], _clean(f"{out[-1][2]} {name}"))
                continue
        if not _skip(name := _clean(name)) and not (link and _skip(link.target)):
            out.append((name, link, note))
    return out


@functools.cache
def _patterns() -> tuple[re.Pattern, re.Pattern | None]:
    """infobox.toml's street-address and founder-role patterns, compiled once."""
    return re.compile(_tables()[1].street_address), re.compile(f) if (f := _tables()[1].founder_role) else None


@functools.cache
def _organization_words() -> frozenset[str]:
    """Words that make a "person" value an organisation's: infobox.toml's and the legal-form suffixes."""
    return _tables()[1].organization_words | {f.casefold() for f in legal_suffixes(ambiguous=False)}


def _mention(name: str, link: Link | None, types: tuple[str, ...], value: str) -> Mention:
    values = _tables()[1]
    if link is not None:
        gov = values.government_words
        if set(_words(link.text.lower())) & gov and not set(_words(link.target.lower())) & gov:
            name = _clean(link.text)  # [[Springfield|Springfield City Council]]: the council
            return Mention(text=name, key=name, linked=False, types=frozenset({"GovernmentAgency"}),
                           strength=3)
    if link is None and value == "person":
        name = untitled(name)
    key = link.target if link is not None else name
    if value == "person" and set(_words(f"{name} {key}".casefold())) & _organization_words():
        types = ("Organization",)
    elif value == "person" and (shaped := name_types(split_title(key)[0])) & org_classes():
        types = tuple(sorted(shaped))  # "[[Ghana Armed Forces|GAF]]" among key people: an organisation
    if types == ("Organization",) and (shaped := name_types(split_title(key)[0]) or name_types(name)) \
            and shaped <= org_classes():
        types = tuple(shaped)  # "parent = MGM Holdings": a company, by its name
    bare = _TRAILING_PAREN.sub("", key)
    alias = frozenset({name}) if link is not None and name.casefold() != bare.casefold() else None
    return Mention(text=name, key=key, linked=link is not None, types=frozenset(types),
                   aliases=alias or frozenset(), strength=3 if types else 0)


