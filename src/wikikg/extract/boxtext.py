"""Tests on the text of infobox values: parentheses masked, two people named, a minority stake, a rank, a unit's part."""
from __future__ import annotations

import functools
import re
from dataclasses import replace

from wikikg.extract.classify import _NAME_CONNECTORS, is_concept_title, is_post, name_types, split_title
from wikikg.extract.names import titles_folded
from wikikg.extract.people import is_given_name, is_personal_name
from wikikg.kb.mappings import infoboxes
from wikikg.kb.names import legal_suffixes, name_tables
from wikikg.model import Statement

_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
_STAKE_WORDS = re.compile(r"shareholder|stake|minority|partial", re.I)
_INITIAL = re.compile(r"[A-Z]\.")  # an initial before a given name ("A. Darrell")
ACRONYM = re.compile(r"\s*(?:[A-Z]{2,5}|(?:[A-Z]\.){2,6})\s*")  # "- CRO", ", S.J.": a role or an order's letters, no name
_LEADING_AND = re.compile(r"^(?:and|&)\s+")
_SPACES = re.compile(r"\s+")
_FOOTNOTE = re.compile(r"\[\s*(?:\d+|[a-z]|(?:note|nb) ?\d+|citation needed)\s*\]", re.I)


def clean(text: str) -> str:
    """An infobox value's text without footnote marks, doubled spaces, and the punctuation or "and" around it."""
    text = _SPACES.sub(" ", _FOOTNOTE.sub("", text))
    return _LEADING_AND.sub("", text.strip(" \t,;:·•*-–—\"'&"))  # ", & Stephen F. Cooper"


def two_people(parts: list[str]) -> bool:
    """Whether every part of an unlinked item split at "and" / "&" / "," reads as a person's full name, or the
    item is a couple sharing a surname: "Jane and John Roe" (share_surname gives the first her surname)."""
    names = [p.strip() for p in parts if p.strip()]
    if len(names) == 2 and _full_name(names[1]) and is_given_name(names[0]) and is_given_name(names[1].split()[0]):
        return True
    return len(names) >= 2 and all(map(_full_name, names))


def _full_name(name: str) -> bool:
    """Two to four capitalised words of letters (initials' dots and hyphens aside)."""
    return 2 <= len(w := name.split()) <= 4 and all(x[:1].isupper() and x.replace(".", "").replace("-", "").isalpha()
                                                     for x in w)


def minority(text: str) -> bool:
    """An owner's note that says it holds a stake, not the company: "(31%)", "(largest shareholder)"."""
    pct = _PERCENT.search(text)
    return bool(pct and float(pct.group(1)) <= 50) or bool(_STAKE_WORDS.search(text))


def mask(text: str) -> str:
    """`text` with everything inside parentheses or brackets replaced by '#'."""
    out, depth = [], 0
    for ch in text:
        depth += ch in "(["
        out.append("#" if depth else ch)
        depth -= bool(depth) and ch in ")]"
    return "".join(out)


GENERATION = re.compile(r"(Jr\.|Sr\.|Jr|Sr|II|III|IV)(?:\s+[A-Z]{2,4})*")  # "Jr. AFP": a name's end, post-nominals


@functools.cache
def rank_words() -> frozenset[str]:
    """Words of titles, ranks and roles ("Chief Warrant Officer", "Sergeant Major"), case-folded."""
    return titles_folded() | frozenset(w.casefold() for w in name_tables().role_modifiers)


def common_link(target: str) -> bool:
    """Whether a link's title is a rank's or a common noun's ("[[Brigadier General|BGEN]]", "[[Brigaider general]]":
    more than one word, all small after the first); no one's name."""
    label = split_title(target)[0]
    words = label.split()
    return len(words) > 1 and all(w[:1].islower() for w in words[1:]) or label.casefold() in rank_words()


def share_surname(pieces: list) -> list:
    """"A. Darrell and Stella Roe": a lone given name (after initials) before a full name of two words or more takes
    its surname, "A. Darrell Roe"; two full names stay two."""
    if len(pieces) != 2 or pieces[0][1] is not None or pieces[1][1] is not None:
        return pieces
    (first, _, note), (full, _, _) = pieces
    head, rest = first.split(), full.split()
    if len(rest) >= 2 and head and all(_INITIAL.fullmatch(w) for w in head[:-1]) and is_given_name(head[-1]) \
            and is_given_name(rest[0]):
        return [(f"{first} {' '.join(rest[1:])}", None, note), pieces[1]]
    return pieces


# what stands before and after a label in its parameter's source: (?:^|[=>\n*])\s*(?:'{2,3})? LABEL (?:'{2,3})?\s*:
_LABEL_BEFORE = re.compile(r"(?:^|[=>\n*])\s*(?:'{2,3})?\Z")
_LABEL_AFTER = re.compile(r"(?:'{2,3})?\s*:")


def is_label(text: str, source: str) -> bool:
    """Whether an item is a label its parameter's source writes before a colon (a bold "Press officer:", "Chairman:"),
    a heading over the names that follow it. (Each place the source holds the text, checked on both sides: no
    expression compiled per text.)"""
    if not text:
        return False
    p = source.find(text)
    while p >= 0:
        if _LABEL_AFTER.match(source, p + len(text)) and _LABEL_BEFORE.search(source, 0, p):
            return True
        p = source.find(text, p + 1)
    return False


_LABELLED = re.compile(r"(?P<label>[A-Z][^\W\d_]*(?:\s+[^\W\d_]+){0,3})\s*:\s+(?P<name>[A-Z].*)")


def labelled(name: str) -> tuple[str, str] | None:
    """(name, label) of an unlinked person's value written after a label of up to four words ("Rabbi: Jane Roe",
    "Assistant rabbis: John Doe"), else None."""
    m = _LABELLED.fullmatch(name)
    if m is None:
        return None
    words = m["name"].split()
    return (m["name"][:-1] if len(words[-1]) > 3 and words[-1].endswith(".") else m["name"]), m["label"]


def is_setting(name: str, link) -> bool:
    """Whether a place value names a kind of setting, not a place (infobox.toml [values] place_settings):
    "campus = [[Urban area|Urban]]", "campus = rural"."""
    settings = infoboxes().values.place_settings
    return name.strip().casefold() in settings or link is not None and split_title(link.target)[0].casefold() in settings


def roles_onto_previous(split: list, role_words: frozenset[str], clean) -> list:
    """An item that is only a role ("<br /><small>[[Chief Executive Officer|CEO]]</small>" on a line of
    its own) or a post's title ("<br>Chief National Librarian") is the role of the person the item
    before it names, not a person."""
    out: list = []
    for item, pieces in split:
        if out and out[-1][1] and len(pieces) == 1 and (
                set(pieces[0][0].casefold().split()) <= role_words or pieces[0][1] is None and is_post(pieces[0][0])):
            name, link, note = out[-1][1][-1]
            out[-1] = (out[-1][0], [*out[-1][1][:-1], (name, link, clean(f"{note} {pieces[0][0]}"))])
            continue
        out.append((item, pieces))
    return out


_URL_TEMPLATES = {"url", "official url", "official website", "website"}
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*://", re.I)


def item_url(item, text: str) -> str | None:
    """The web address an infobox item gives: its {{URL|…}} template's, else its (cleaned) `text`, with a scheme."""
    url = next((t.get("1") for t in item.templates if " ".join(t.name.replace("_", " ").split()).lower()
                in _URL_TEMPLATES), None)
    url = (url or text).strip()
    if not url or " " in url or "." not in url:
        return None
    return url if _SCHEME.match(url) else f"http://{url.lstrip('/')}"


_POSTCODE = re.compile(r"(?:\d{4,6}\s+)?(?P<place>[^\W\d_][^\d]*?)(?:\s*[-–]?\s*\d{3,6})?")


def without_postcode(name: str) -> str:
    """A place piece without the postal code written before or after it ("Fooville -1000", "75008 Barville"), when
    what is left is a place the gazetteers know; otherwise the piece as it is."""
    m = _POSTCODE.fullmatch(name)
    if m is None or m["place"] == name:
        return name
    from wikikg.kb.places import linked_towns, places

    return m["place"] if m["place"] in places() or m["place"] in linked_towns() else name



_CLAUSE_WORD = re.compile(r"(?:by|now|[a-z]+ly|[a-z]{3,}ed)")  # "founded by", "currently", "now merged"


def free_text(name: str) -> bool:
    """Whether an unlinked organisation value is a phrase, no name: it starts in lower case, or it holds "by", "now",
    an adverb or a participle in lower case ("currently non-denominational", "Initially founded by Foo", "Foo, now
    merged"); not "Medicinsk röntgen AB", "Council on Foo Relations", "Foo Private limited"."""
    legal = {f.casefold() for f in legal_suffixes()}
    return name[:1].islower() or any(_CLAUSE_WORD.fullmatch(w) and w not in legal for w in name.split())


def lower_phrase(name: str) -> bool:
    """Whether an unlinked value opens with a word in lower case that joins no name ("currently ...", "initially
    founded by ..."; not "de Foo", "van der Bar", nor one word such as "bpost")."""
    words = name.split()
    return len(words) > 1 and words[0].isalpha() and words[0].islower() and words[0] not in _NAME_CONNECTORS



def no_school(name: str, linked: bool = False) -> bool:
    """Whether an education value names no school: no word of it gives a body's class by shape and no school's word is
    in it ("BA", "Masters and Doctorate", "Cum Laude": a degree or an honour; not "Fooley College", "Fooville Academy",
    "Barton Modern School"); a link's title so only when it is one word ("[[Pharmacology]]", a field; "[[Fooville]]",
    a town) or an English common noun's ("[[English literature]]"): "[[Foo Po]]", "[[École nationale de Foo]]" are
    schools by their articles; not a person's ("[[Jane Roe]]": an artist's teacher in her "training")."""
    if name_types(name) or set(name.split()) & set(name_tables().school_heads):
        return False
    return not linked or " " not in name or is_concept_title(name) and name.isascii() or is_personal_name(name)


_PART_NUMBER = re.compile(r"(?<![\w.])(?:[IVX]{1,4}|\d{1,2})\.\s*/\s*$")  # "5./", "III./ ": a part's number


def names_a_part(text: str, name: str) -> bool:
    """Whether an item names `name` only after a part's number and "./" ("5./Foo 2", "III./ Foo 1": the fifth
    squadron, the third group of the unit Foo 2, as a German air force unit's parts are written), never on its own
    ("II./Foo 2, Foo 2" names Foo 2 as well)."""
    at = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)] if name else []
    return bool(at) and all(_PART_NUMBER.search(text[:i]) for i in at)


def served_in(st: Statement) -> Statement:
    """A unit's key person turned into one affiliated with it: "commands = 5./[[Foo 2]]" led a part of it, served in it."""
    return replace(st, subject=st.obj, predicate="affiliatedWith", obj=st.subject, rule=st.rule + "+affiliation",
                   event="Affiliation", qualifiers=())
