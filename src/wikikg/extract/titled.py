"""Titles before a person's name: "Maj Gen Jane Roe" is Jane Roe; "Mr. Roe" the one Roe the article names."""
from __future__ import annotations

import re
from functools import cache

from wikikg.extract.classify import is_post, name_types
from wikikg.extract.known import CONTEXT
from wikikg.extract.names import is_role_title, title_prefix, titles_folded
from wikikg.extract.people import is_personal_name
from wikikg.kb.names import name_tables
from wikikg.kb.places import places
from wikikg.model import Mention

POSTNOMINAL = re.compile(r"(?:\s+[A-Z]{2,4})+$")  # "Sara Roe GSC", "John Doe OBE"
_HONORIFICS = {"Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Dr.", "Dr", "Sir", "Dame", "Lady", "Lord"}
_SPOUSAL = {"Mrs.", "Mrs", "Lady"}  # "Mrs. Robert McGann" names Robert McGann's wife, not him
_GENERATION = {"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"}


def titles_run(name: str) -> tuple[int, int, str]:
    """Where the titles before a name end, where the last of them starts, and that title: several may stand
    together ("Maj Gen ", "Lt Col ", "Vice President Bishop ", "Captain Mr. "); (0, 0, "") when none does."""
    end = last = 0
    title = ""
    while (m := title_prefix().match(name[end:])) is not None:
        last, title, end = end, m.group().strip(), end + m.end()
    return end, last, title


def titled_person(clean: str, text: str, start: int, end: int) -> Mention | None:
    """The person a titled name names ("Colonel Jane Roe" -> Jane Roe, "Lt Col Sara G Roe PA" -> Sara G Roe,
    "Mr. Roe" kept whole: a surname alone is no name), a mention of no entity for titles alone ("Maj Gen"),
    or None when the name has no title before it or is no person's (a post, an organisation's name)."""
    k, last, title = titles_run(clean)
    if not k:
        return _called(clean, text, start, end)
    if len(clean.split()) <= 1 or is_post(clean[k:]) or _place(clean):
        return None
    if name_types(clean) and (name_types(clean[k:]) or not is_personal_name(clean[k:])):
        return None  # "General Foo Motors", "Colonel Foo Hospital"; not "Squadron Leader Jane Roe": the rank's word only
    rest = clean[k:]
    if title in name_tables().stop.full_name_titles and not is_personal_name(rest):
        if not last:
            return None  # "Mother Earth", "Father Time": no full name after a kin word's title
        k, title, rest = last, titles_run(clean[:last])[2], clean[last:]  # "Rev. Father Roe" -> "Father Roe"
    if rest.casefold().rstrip(".") in titles_folded():  # "Maj Gen", "Vice President Bishop": titles, no one
        return Mention(clean, clean, False, frozenset(), start=start, end=end)
    first = title_prefix().match(clean).group().strip()
    if title not in _HONORIFICS or len(rest.split()) > 1 and title not in _SPOUSAL:
        if (post := POSTNOMINAL.search(rest)) and is_personal_name(rest[:post.start()]):
            rest = rest[:post.start()]
        clean = rest  # "President Dos Santos" -> "Dos Santos", "Dr. Jane Roe" -> "Jane Roe"
        if is_role_title(first) and (j := text.find(clean, start, end)) > start:
            start = j  # "The CEO Jane Roe said": the post stays in the sentence, for the rules to read
    else:
        clean = clean[last:]  # "Captain Mr. Roe" -> "Mr. Roe"
    return Mention(clean, clean, False, frozenset({"Person"}), start=start, end=end, strength=CONTEXT)


def _called(clean: str, text: str, start: int, end: int) -> Mention | None:
    """The person a name no class types names after capitalised words that end in a person's calling or a role
    (names.toml [context] Person, [roles]: "Journalist Jane Roe", "Federal Secretary John Doe", "Project Lead Jane Roe",
    "Subsequent Foo Principals John Doe"): a full name of two or three words after them, which the name parser reads as
    a person's; none where the whole is a person's name or has a class ("Mary Jane Roe", "Foo Director Jane Roe Fund")."""
    words = clean.split()
    callings = _callings()
    starts = range(max(1, len(words) - 3), len(words) - 1)
    if not any((c := words[i - 1].casefold()) in callings or c.removesuffix("s") in callings for i in starts):
        return None  # no calling before any name the loop below would try (most names): not typed or parsed
    if len(words) < 3 or name_types(clean) or is_personal_name(clean):
        return None
    for i in starts:  # the longest name first
        calling = words[i - 1].casefold()
        tail = " ".join(words[i:])
        if (calling in _callings() or calling.removesuffix("s") in _callings()) and is_personal_name(tail) \
                and (j := text.find(tail, start, end)) >= start:
            return Mention(tail, tail, False, frozenset({"Person"}), start=j, end=j + len(tail), strength=CONTEXT)
    return None


@cache
def _callings() -> frozenset[str]:
    """Callings and roles that stand before a person's name, in lower case (names.toml [context] Person, [roles])."""
    tables = name_tables()
    return frozenset(w.casefold() for w in tables.context.get("Person", ()) + tuple(tables.roles) if " " not in w)


def _place(name: str) -> bool:
    """Whether a name that opens with a title's word is a place's or its people's ("Sri Lanka", "Sri Lankans",
    "General Fooville"): no title and no person."""
    return name in places() or _DEMONYM.sub("", name) in places()


_DEMONYM = re.compile(r"(?<=a)ns?$")  # "Sri Lankan(s)": the people of Sri Lanka


def titled_known(name: str, index: dict[str, Mention]) -> tuple[str, Mention | None]:
    """A titled name's bare name ("Ms. James" -> "James", "Maj Gen Roe" -> "Roe") and the person the article
    already knows by it: by that name, or a lone surname by the one person named before whose name ends in
    it ("Mr. Roe" after "Jane Q. Roe"; none when two named people share it)."""
    k, _, _ = titles_run(name)
    if not k:
        return "", None
    rest = name[k:]
    known = index.get(rest)
    if known is not None:
        return rest, known if "Person" in known.types else None
    if " " in rest or not rest[:1].isupper():
        return rest, None
    bearers = {m.key: m for n, m in index.items() if "Person" in m.types and _surname(n) == rest}
    return rest, next(iter(bearers.values())) if len(bearers) == 1 else None


def _surname(name: str) -> str:
    """A personal name's last word before a generation's suffix ("Jane Roe Jr." -> "Roe")."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1] in _GENERATION:
        words.pop()
    return words[-1] if len(words) > 1 else ""
