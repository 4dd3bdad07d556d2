"""Mentions -> entities: one entity per key, canonical labels, aliases and a single best typing."""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection
from dataclasses import replace
from functools import cache

from wikikg.extract.classify import disambiguation, split_title
from wikikg.extract.known import SHAPE
from wikikg.kb.names import legal_suffixes
from wikikg.kb.places import places
from wikikg.kb.vocabulary import subclasses, superclasses
from wikikg.model import Entity, Mention, Statement
from wikikg.resolve.initials import spelled_out

_NOT_ALIAS = re.compile(r"^(?:[Tt]he\s+[a-z]|[Ii]t$|[a-z])")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_PERSON = frozenset({"Person"})


_SURNAME = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
_OTHER_NAME = re.compile(r"[A-Z0-9][^,;:()]{1,80}$")  # a name, not "the company", not a phrase with commas
_ACRONYM = re.compile(r"[A-Z][A-Z&]*[a-z]?[A-Z][A-Z&]*")  # a title that is an acronym: "FAO", "WTrO", "AT&T"


def label_of(key: str, linked: bool) -> str:
    """The display name of an entity: a title without its disambiguation suffix, or the name; a
    one-word name whose parentheses hold a surname ("Foo (Roe)", as clergy are titled) keeps them."""
    if not linked:
        return key
    base, suffix = split_title(key)
    if suffix and " " not in base and _surname_suffix(suffix):
        return key.strip()
    return base


@cache
def _surname_suffix(suffix: str) -> bool:
    """A title's suffix that is one capitalised word naming no class and no place: a surname."""
    return bool(_SURNAME.fullmatch(suffix)) and not disambiguation(suffix) and suffix not in places()


def statement_mentions(st: Statement):
    """The entity mentions a statement names: subject, object, and who reported it."""
    yield st.subject
    if isinstance(st.obj, Mention):
        yield st.obj
    if st.attributed_to is not None and st.attributed_to.key:
        yield st.attributed_to


@cache
def _legal() -> re.Pattern:
    """One or two legal-form suffixes ending a name: " Ltd.", ", Inc.", " Co., Ltd."."""
    forms = "|".join(map(re.escape, legal_suffixes()))
    return re.compile(rf",?\s+(?:{forms})(?:,?\s+(?:{forms}))?$")


_DASH = re.compile(r"[\u2010-\u2015\u2212]")  # dashes other than the hyphen-minus
_HYPHEN = re.compile(r"(?<=\w)[-\u2010\u2011](?=\w)")


def _base(name: str) -> str:
    """A name without its legal-form suffix, folded, a hyphen between letters read as a space, its letters without
    their accents: "Foo Ltd." and "Foo", "Tel-Aviv X" and "Tel Aviv X", "Veronique Roe" and "Véronique Roe" are one."""
    folded = _HYPHEN.sub(" ", _legal().sub("", name).strip()).casefold()
    if folded.isascii():
        return folded
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


def unify_keys(statements: list[Statement]) -> list[Statement]:
    """Point unlinked names at the entity of the same name, linked or with a legal suffix added
    or dropped, when the batch has one; else at the one linked entity whose acronym it is ("[[Foo Bar
    Organization|FBO]]" or "Foo Bar Organization (FBO)" elsewhere makes an unlinked "FBO" that entity).
    A link to an acronym's title ("[[FAO]]", a redirect the batch does not hold) goes to the one linked
    entity the batch names by that acronym, when no entity has it as its own name; a link written with a
    hyphen for an en dash to the title with the dash, one written with initials to the title that spells them
    out ("[[F. E. Foo Base]]" and "[[Frank E. Foo Base]]")."""
    linked: dict[str, dict[str, None]] = {}  # name -> the titles of that name, in the order first seen
    named: dict[str, dict[str, None]] = {}  # another name (a link's text, an acronym) -> the titles it names
    kinds: dict[str, set[str]] = defaultdict(set)  # title -> the kinds (person, place, organisation) its links have
    dashes: dict[str, dict[str, None]] = {}  # a title with its dashes as hyphens -> the titles written so
    unlinked: dict[str, set[str]] = {}
    for st in statements:
        for m in statement_mentions(st):
            if m.linked:
                label = label_of(m.key, True)
                for name in (label.casefold(), _base(label)):
                    linked.setdefault(name, {})[m.key] = None
                for name in m.aliases:  # another name, not a short form of the title ("Madrid" for the
                    if _other_name(name) and not _part_of(name, label):  # city's airport): short forms
                        named.setdefault(name.casefold(), {})[m.key] = None  # name many things across articles
                kinds[m.key] |= _kinds(m.types)
                dashes.setdefault(_DASH.sub("-", m.key), {})[m.key] = None
            else:
                unlinked.setdefault(_base(m.key), set()).add(m.key)

    def other_name(m: Mention) -> str | None:
        """The one title that names `m.key` as its other name, when no entity has that name as its own and
        both are organisations or both places (people's other names are samepeople.py's)."""
        titles = [t for t in named.get(m.key.casefold(), ()) if t != m.key]
        own = [t for t in linked.get(m.key.casefold(), ()) if t != m.key]
        if len(titles) != 1 or own:
            return None
        mine, theirs = _kinds(m.types) | kinds.get(m.key, set()), kinds.get(titles[0], set())
        return titles[0] if mine and mine == theirs and "Person" not in mine else None  # (a role's name beside
        # an actor's link, "Jane Roe ([[Janet Doe]])", is no other name of the actor)

    spelled = spelled_out(kinds)

    def spelled_out_of(key: str) -> str | None:
        """The title that spells out the key's initials, when their kinds do not disagree."""
        to = spelled.get(key)
        return to if to and (not kinds[key] or not kinds[to] or kinds[key] & kinds[to]) else None

    def fix(m: Mention | None):
        if m is None or not isinstance(m, Mention):
            return m
        if m.linked:
            to = other_name(m) if _ACRONYM.fullmatch(m.key) else \
                _dashed(list(dashes[_DASH.sub("-", m.key)]), m.key) or spelled_out_of(m.key)
            return replace(m, key=to, aliases=m.aliases | {m.key}) if to else m
        key = _page(list(linked.get(m.key.casefold()) or linked.get(_base(m.key)) or ()), "Place" in m.types)
        if not key and not unlinked.get(_base(m.key), set()) - {m.key}:
            key = other_name(m)
        if key:
            return replace(m, key=key, linked=True, aliases=m.aliases | {m.key})
        forms = sorted(unlinked.get(_base(m.key), ()), key=lambda k: (len(k), k))
        if forms and forms[0] != m.key:  # the shortest form names them all; the others are aliases
            return replace(m, key=forms[0], aliases=m.aliases | {m.key})
        return m

    out = []
    for st in statements:
        obj = fix(st.obj) if isinstance(st.obj, Mention) else st.obj
        out.append(replace(st, subject=fix(st.subject), obj=obj, attributed_to=fix(st.attributed_to)))
    return out


def _dashed(titles: list[str], title: str) -> str | None:
    """The title a link written with another dash points at: "[[Foo-Bar College]]" is "[[Foo–Bar College]]"
    (Wikipedia titles with the en dash, the hyphen's spelling redirects), the first seen when neither is."""
    if len(titles) < 2:
        return None
    best = next((t for t in titles if "–" in t), titles[0])
    return best if best != title else None


def _other_name(name: str) -> bool:
    """An acronym ("U.S.", "NATO"): a link's other texts are too often another page's name ("[[Foo Road|Bar
    Road]]" for a road that runs on as Bar Road) or a short form ("Democrats") of something else."""
    return bool(_OTHER_NAME.match(name)) and " " not in name.strip() and sum(c.isupper() for c in name) >= 2


def _part_of(name: str, label: str) -> bool:
    """Whether the name is words of the label ("Constitutional Court" of "Constitutional Court of Foo")."""
    return re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", label.casefold()) is not None


@cache
def _kind(cls: str) -> str:
    """The root of a class in the ontology's hierarchy: a person, a place, an organisation."""
    return (cls, *superclasses(cls))[-1]


def _kinds(types: frozenset[str]) -> set[str]:
    """Which roots (person, place, organisation) the classes say."""
    return {_kind(t) for t in types}


def _page(titles: list[str], place: bool) -> str | None:
    """The page an unlinked name points at among the linked `titles` of that name: the first without a
    qualifier, else the first; a place's name only at a page whose qualifier says it is a place
    ("Foo (state)", not "Foo (1940 film)")."""
    plain = [t for t in titles if split_title(t)[1] is None]
    if plain:
        return plain[0]
    if place:
        return next((t for t in titles if "Place" in disambiguation(split_title(t)[1])), None)
    return titles[0] if titles else None


def resolve(statements: list[Statement], extra: list[Mention] = (),
            no_one: Collection[str] = ()) -> dict[tuple[str, bool], Entity]:
    """Merge every mention by key into entities with label, aliases and types; a name of `no_one` (one an article
    writes as no one's: extract/thenames.py) is not typed a person by its shape alone."""
    by_key: dict[tuple[str, bool], list[Mention]] = defaultdict(list)
    for st in statements:
        for m in statement_mentions(st):
            by_key[(m.key, m.linked)].append(m)
    for m in extra:
        by_key[(m.key, m.linked)].append(m)
    out = {}
    for (key, linked), ms in sorted(by_key.items()):
        label = label_of(key, linked)
        aliases = set()
        for m in ms:
            aliases |= set(m.aliases)
            text = _POSSESSIVE.sub("", m.text.strip())
            if text and not _NOT_ALIAS.match(text):
                aliases.add(re.sub(r"^The\s+", "", text) if not label.startswith("The ") else text)
        aliases = {a for a in aliases if a and a != label and a.casefold() != label.casefold()}
        if key in no_one:
            ms = [m for m in ms if m.types != _PERSON or m.strength > SHAPE]
        assumed = all(m.strength == 0 for m in ms if m.types)  # typed by nothing but a default
        out[(key, linked)] = Entity(key, linked, label, best_types(ms), frozenset(aliases), assumed=assumed)
    return out


def best_types(ms: list[Mention]) -> frozenset[str]:
    """The types of the strongest evidence; Organization dropped when a finer class is known."""
    typed = [m for m in ms if m.types]
    if not typed:
        return frozenset({"Organization"})
    top = max(m.strength for m in typed)
    votes: dict[str, int] = defaultdict(int)
    for m in typed:
        if m.strength == top:
            for t in m.types:
                votes[t] += 1
    types = set(votes)
    if types & subclasses("Organization"):
        types.discard("Organization")
    if len(types) > 1:  # conflicting evidence of equal strength: the most frequent, then by name
        best = max(sorted(types), key=lambda t: votes[t])
        types = {best}
    return frozenset(types)
