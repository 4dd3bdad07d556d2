"""A place's one-word name that is a person's surname the article names in full ("Fooville's attack"): no place."""
# English names a person by surname alone once it has named them in full ("[[Thomas Fooville]] ... resisting
# Fooville's attack", "[[Jane Barton]] ... Barton said", "[[Mary Bazport]] ... The next year Bazport, ... laid the
# foundations"), and a biography its kin by given name ("Mary Roe ... Mary then started her second career"). Many such
# words are towns' names too, which the gazetteer types a place. Where the article names a person whose name ends (or
# begins) with that word and never writes the word where a place stands ("in Fooville", "the town of Barton",
# "Bazport, Freedonia", "Bazport-based"), every unlinked mention of it that only the gazetteer types is left untyped: the
# person's, or no one's, never a place. Not a name with "of" or a comma ("Jane II of Freedonia", "Philip Roe, Earl of
# Foo"), whose place is a realm or a title's seat; not a linked mention, whose article says what it is.
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from wikikg.extract.classify import split_title
from wikikg.extract.known import PLACE
from wikikg.extract.retype import mentions_of, retyped
from wikikg.kb.names import name_tables
from wikikg.kb.places import places as known_places
from wikikg.model import Mention, ParsedArticle, Statement

_PLACE = frozenset({"Place"})
_GENERATION = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})  # after a surname: "John Roe Jr."
_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")  # a capitalised word of letters: a surname or a given name


def _person_words(statements: list[Statement]) -> frozenset[str]:
    """The first and last words of the names of two words or more that the article types a person, with no "of" and
    no comma in them."""
    out = set()
    for st in statements:
        for m in mentions_of(st):
            if "Person" not in m.types:
                continue
            name = split_title(m.key)[0] if m.linked else m.key
            words = [w for w in name.split() if w not in _GENERATION]
            if len(words) < 2 or "of" in words or "," in name:
                continue
            out.update(w for w in (words[0], words[-1]) if _WORD.fullmatch(w))
    return frozenset(out)


@cache
def _place_before() -> re.Pattern:
    """A locative preposition, or a place's noun and "of", right before a name ("in ", "the town of ")."""
    t = name_tables()
    before = "|".join(map(re.escape, t.place_before + t.place_from))
    of = "|".join(map(re.escape, t.place_of))
    return re.compile(rf"(?<![\w-])(?i:(?:{before})|(?:{of})\s+of)\s+$")


def _placed(word: str, texts: list[str], places: frozenset[str]) -> bool:
    """Whether the article writes a word where a place stands anywhere: after a locative word, before "-based", or
    before a comma and a place's name ("Fooville, Barshire"; `places`: the names the article types a place)."""
    before, after = _place_before(), re.compile(rf"(?<![\w-]){re.escape(word)}(?!\w)(?:-(?P<pl>based|born|area)\b"
                                                 r"|,\s+(?P<next>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*))?")
    for text in texts:
        for m in after.finditer(text) if word in text else ():
            if m["pl"] or before.search(text, max(0, m.start() - 40), m.start()) \
                    or m["next"] and _a_place(m["next"], places):
                return True
    return False


def _a_place(words: str, places: frozenset[str]) -> bool:
    """Whether the capitalised words after a comma open with a place's name: one the article types a place, or a
    country, region or city the gazetteer knows ("Fooville, England")."""
    split = [w.rstrip(".") for w in words.split()]  # "Fooville, England.": its full stop no part of it
    heads = [" ".join(split[:n]) for n in range(1, min(4, len(split)) + 1)]
    return any(h in places or h in known_places() for h in heads)


def _candidate(m: Mention, words: frozenset[str]) -> bool:
    return not m.linked and m.types == _PLACE and m.strength <= PLACE and m.key in words and m.text.strip() == m.key


def people_not_places(statements: list[Statement], article: ParsedArticle) -> list[Statement]:
    """Every statement, with the unlinked one-word mentions that only the gazetteer types a place, of a word that a
    person the article names in full begins or ends with, left untyped where the article writes it nowhere as a
    place's and no mention of it stands out of a sentence (a box's field)."""
    words = _person_words(statements)
    if not words:
        return statements
    found = {m for st in statements for m in mentions_of(st)}
    seen = {m.key for m in found if _candidate(m, words)}
    if not seen:
        return statements
    boxed = {m.key for m in found if m.start < 0}
    places = frozenset(split_title(m.key)[0] for m in found if "Place" in m.types) - seen  # "Roe, Doe": no place
    texts = [s.text for s in article.sentences + article.captions] + sorted({st.evidence.plain or st.evidence.text
                                                                             for st in statements})  # a box's fields
    people = {w for w in seen - boxed if not _placed(w, texts, places)}
    if not people:
        return statements
    return retyped(statements, lambda m: replace(m, types=frozenset(), strength=0)
                   if m.key in people and _candidate(m, words) else m)
