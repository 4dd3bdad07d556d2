"""Personal names by their shape: a known given name first, and a name parser that reads it as a person."""
# Two maintained lexicons decide together, so neither's errors alone type a name: gender-guesser's
# dictionary of about 40,000 given names from many countries ("Agnès", "Khurshid"; but also "Forest",
# "General") and DataMade's probablepeople, a CRF trained to tell personal names from corporations
# ("Forest Botany" and "General Motors" are corporations to it).
from __future__ import annotations

import dataclasses
import re
from functools import cache, lru_cache

from wikikg.extract.classify import by_context, name_types
from wikikg.extract.known import CONTEXT, PLACE
from wikikg.extract.nonentities import ends_as_a_work
from wikikg.extract.patronymics import patronymic_name, without_comma
from wikikg.extract.personcrf import is_person
from wikikg.kb.diskcache import cached_strings
from wikikg.kb.names import name_tables, stop_names
from wikikg.kb.places import countries, english_regions, places

_TOKEN = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*\Z")
_DIGIT = re.compile(r"\d")
PARTICLES = frozenset({"van", "von", "de", "da", "del", "der", "di", "du", "bin", "al", "el", "la", "le"})


@cache
def _given_names() -> frozenset[str]:
    """The given names gender-guesser knows (lower case): its detector says "unknown" exactly for the others.
    Parsing its dictionary takes ~0.3 s, so the names are kept on disk per installed version (kb/diskcache.py)."""
    from importlib.metadata import version

    return cached_strings(f"given-names-{version('gender-guesser')}", _detector_names)


def _detector_names() -> frozenset[str]:
    import gender_guesser.detector as gd

    return frozenset(gd.Detector(case_sensitive=False).names)


_COMMON = 7  # gender-guesser's frequency scale: 1 rare .. 13; 7 and over is a name many people bear


@cache
def _common_given_names() -> frozenset[str]:
    """Given names gender-guesser's dictionary rates common (frequency 7 or more in some country: "George",
    "Paul", "Nancy"; not "Denver", "Dallas", "Houston"), lower case; cached on disk like `_given_names`."""
    from importlib.metadata import version

    return cached_strings(f"common-given-names-{_COMMON}-{version('gender-guesser')}", _dictionary_common)


def _dictionary_common() -> frozenset[str]:
    from importlib.resources import files

    out = set()
    for line in files("gender_guesser").joinpath("data/nam_dict.txt").read_text("iso-8859-1").splitlines():
        if line.startswith("#") or len(line) < 31:
            continue
        if max((int(c, 16) for c in line[29:84] if c in "123456789ABCD"), default=0) >= _COMMON:
            out.add(line[3:29].strip().replace("+", " ").lower())
    return frozenset(out)


def is_given_name(word: str) -> bool:
    """Whether a word is a given name gender-guesser knows ("Paul", "Jane")."""
    return word.lower() in _given_names()


_ARTICLES = frozenset({"al", "el", "ad", "an", "ar", "as", "at", "az", "ash"})  # Arabic's "the", joined by a hyphen


@lru_cache(maxsize=65536)
def is_personal_name(name: str) -> bool:
    """Whether `name` ("Agnès Maltais", "Jean-François Lisée") reads as a person's full name: two to four
    capitalised words, the first (or the first part of a hyphenated one) a known given name, and the
    name parser tags the whole a person or the last word ends as a surname of another language does ("Leonid
    Barenko"); a first word that is a place's name ("Denver") is not a given name."""
    words = name.split()
    if _peerage(name) or _monarch(name) or patronymic_name(name):
        return True  # "Augustus Roe, 3rd Duke of Foo", "Sir James Doe, 1st Baronet", "Jane II of Freedonia", "Foo mac Bar"
    if (plain := without_comma(name)) is not None:
        return is_personal_name(plain)  # "Jane Roe, Jr." as "Jane Roe Jr."
    if (m := _LEADING_INITIAL.fullmatch(name)) is not None:
        return is_personal_name(m["rest"])  # "B. Jane Roe", "F. John Doe": an initial before the name one goes by
    if (m := _INITIALS.fullmatch(name)) is not None:
        return _initials_person(name, m)  # "E.R. Roe", "J. K. Doe"
    return (shaped_as_a_name(name, words) or _initialled(name, words)) and (is_person(name) or foreign_surname(words[-1])) \
        and _DEMONYM.sub("", name) not in places()
    # probablepeople's answer (extract/personcrf.py), or a surname by its ending in another language; not a place's
    # people's name ("Sri Lankan(s)": Sri Lanka's)


_DEMONYM = re.compile(r"(?<=a)ns?$")


_LEADING_INITIAL = re.compile(r"[A-Z]\. (?P<rest>[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)")


_INITIALLED = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)? (?:[A-Z]\. ){1,2}[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


def _initialled(name: str, words: list[str]) -> bool:
    """"Zorvan Q. Penwick": a given name the lexicon lacks (or a place's name: a river's), one or two initials, a surname;
    no class's or work's word, no opening word (the name parser must read the whole as a person's too)."""
    return bool(_INITIALLED.fullmatch(name)) and not name_types(name) and not ends_as_a_work(name) \
        and words[0] not in stop_names()


# Two or three initials, spaced or not, then a surname ("E.R. Roe", "J. K. Doe", "W.E.B. McPoe", "C.L. Doe Jr.")
_INITIALS = re.compile(r"(?P<initials>(?:[A-Z]\.\s?){2,3})\s?(?P<surname>(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?"
                       r"(?:-[A-Z][a-z]+)?)(?:,? Jr\.?)?")


def initials_shaped(name: str) -> bool:
    """Whether `name` is shaped as two or three initials and a surname ("E.R. Roe", "J. K. Doe"), whatever the name
    parser says: for a place where a person's name is expected (a people's column or list)."""
    return (m := _INITIALS.fullmatch(name)) is not None and _initials_shape(name, m)


def personal_types(name: str, text: str, start: int, end: int) -> tuple[frozenset[str], int]:
    """The class and strength of a name `is_personal_name` reads as a person's at `text`[start:end]: a person, by its
    shape; initials and a surname only as strongly as context words, and not where the words around them give it
    another class ("E.R. Roe's Foo Bank", "the E.R. Roe company": a firm) or a name before them spells the initials
    out with a lower-case connector, as no one's name is written ("Cassa di Foo di Bar (C.F. Bar)": no class)."""
    if _THE_BEFORE.search(text, max(0, start - 5), start) and name.endswith(_place_surnames()):
        return frozenset({"Place"}), CONTEXT  # "at the Foo Albert Hall": no one's name takes "the" (names.toml Place surnames)
    m = _INITIALS.fullmatch(name)
    if m is None:
        return _PERSON, PLACE
    if around := by_context(name, text, start, end):
        return around, CONTEXT
    if _FIRM_AFTER.match(text, end):
        return frozenset({"Company"}), CONTEXT
    letters = m["initials"].replace(".", "").replace(" ", "")
    for hit in re.finditer(rf"(?<!\w){re.escape(m['surname'])}(?!\w)", text[:start]):
        words = re.findall(r"[^\W\d_][\w'’-]*", text[max(0, hit.start() - 80):hit.start()])[-2 * len(letters) - 2:]
        caps = [i for i, w in enumerate(words) if w[0].isupper()]
        if len(caps) >= len(letters) and "".join(words[i][0] for i in caps[-len(letters):]) == letters \
                and any(w.islower() for w in words[caps[-len(letters)]:]):
            return frozenset(), 0
    return _PERSON, CONTEXT


_PERSON = frozenset({"Person"})
_THE_BEFORE = re.compile(r"\bthe\s+$")


@cache
def _place_surnames() -> tuple[str, ...]:
    """The words that end a place's name and a person's ("Hall", "Park"), each after a space."""
    return tuple(" " + w for w in name_tables().shape["Place"].surnames)
_FIRM_AFTER = re.compile(r"\s+(?:company|firm|corporation|store|stores|brand)\b")


def _initials_person(name: str, m: re.Match) -> bool:
    """Initials and a surname the name parser reads as a person's."""
    return _initials_shape(name, m) and is_person(name)


def _initials_shape(name: str, m: re.Match) -> bool:
    """Initials and a surname that are not an abbreviation before a name ("U.S. Foo", names.toml [person_names]
    not_initials), a place's name ("A.C. Fooville"), a class's or a work's word or an opening word ("J.K. Holdings")."""
    return m["initials"].replace(" ", "") not in name_tables().not_initials and m["surname"] not in places() \
        and m["surname"] not in stop_names() and not name_types(name) and not ends_as_a_work(name)


# "Jane Roe, 3rd Duchess of Foo", "John Doe, Baron Doe", "Sir John Doe, 1st Baronet": capitalised names, then a title
# (not an address: "Foo Bank, Bar Street")
_PEERAGE = re.compile(r"(?:[A-Z][\w.'’-]*\s){0,4}[A-Z][\w.'’-]*, (?:\d+(?:st|nd|rd|th) )?(?P<title>[A-Z][a-z]+)"
                      r"(?! (?:Street|Road|Avenue|Lane|Square|Place|Court|Terrace|Gardens|Park|Walk|Row|Way|Hall|House)\b)"
                      r"(?: (?:of )?(?:the )?[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,3})?")


_HONORIFIC = re.compile(r"(?:Sir|Dame|Prince|Princess|Lord|Lady)\s")
_REGNAL = re.compile(r"[IVX]+")


# A monarch as Wikipedia titles one (WP:NCROY): a name, a regnal number, an epithet perhaps, and the realm after "of"
_MONARCH = re.compile(r"(?P<name>[A-Z][a-z]+) [IVX]+(?: the [A-Z][a-z]+)? of (?:the )?(?P<realm>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})")


def _monarch(name: str) -> bool:
    """"Jane II of Freedonia", "John IV the Bold of Barland": a regnal number after a known given name or before a
    known place's name; not "Title IX of the Foo Act" (no given name, no place)."""
    m = _MONARCH.fullmatch(name)
    return m is not None and (is_given_name(m["name"]) or m["realm"] in places()) and m["name"] not in stop_names()


def _peerage(name: str) -> bool:
    """A person's name that a peer's or a baronet's title follows after a comma (names.toml [person_names] peerages):
    a full name, or a given name alone or with a regnal number ("Julius, Duke of Foo", "Henry V, Duke of Foo")."""
    m = _PEERAGE.fullmatch(name)
    if m is None or m["title"] not in name_tables().peerages:
        return False
    head = name.split(",", 1)[0]
    head = head[_HONORIFIC.match(head).end():] if _HONORIFIC.match(head) else head
    words = head.split()
    return is_personal_name(head) or bool(words) and is_given_name(words[0]) and (
        len(words) == 1 or len(words) == 2 and _REGNAL.fullmatch(words[1]) is not None)


def foreign_surname(word: str) -> bool:
    """Whether a word ends as surnames of other languages do (names.toml [person_names] surname_endings:
    "Barenko", "Foorov"), three letters longer than the ending at least."""
    return word[:1].isupper() and any(word.endswith(e) and len(word) >= len(e) + 3 for e in _surname_endings())


@cache
def _surname_endings() -> tuple[str, ...]:
    return name_tables().surname_endings


def shaped_as_a_name(name: str, words: list[str]) -> bool:
    """Two to four capitalised words (particles inside), no digit, no class's or work's word, a known given name
    first that is not a place's name."""
    if not 2 <= len(words) <= 4 or not all(_TOKEN.match(w) or 0 < i < len(words) - 1 and w in PARTICLES
                                           for i, w in enumerate(words)):
        return False  # "Claus von Stauffenberg": a particle inside the name
    if _DIGIT.search(name) or name_types(name) or ends_as_a_work(name):
        return False  # "Douglas C-47": a maker's name and a model's number; "Victor Symphony Orchestra", "Foo Show"
    first = words[0].split("-")[0].rstrip(".")
    if first.lower() in _ARTICLES and "-" in words[0]:
        first = words[0]  # "Al-Foo Front": the Arabic article, no given name "Al"
    if first in name_tables().not_given or _group_end(words):
        return False  # "The Foonian": the English article, no given name; "Jane Roe Sisters": a group, "Roman Fooland"
    return not (len(first) < 2 or first.lower() not in _given_names() or words[0] in places() and not _place_given(words))
    # (a place's name first: "Denver Broncos" is a team, a firm, a station)


def _group_end(words: list[str]) -> bool:
    """A group's noun last (names.toml [person_names] group_nouns: "Roe Sisters", "Jane Roe Band"), or a people's
    adjective before a country (adjective_given: "Roman Fooland"): no one's name."""
    return words[-1] in name_tables().group_nouns or len(words) > 2 and words[-1] in name_tables().group_nouns_after_names \
        or words[0] in name_tables().adjective_given and " ".join(words[1:]) in countries()  # "Roman Fooland": a province


@lru_cache(maxsize=16384)
def is_titled_person(title: str) -> bool:
    """Whether an article's title reads as a person's name: `is_personal_name`, or its shape with the name parser
    asked of the surname first ("Ford, Henry"): trained on donors' lists, it reads some names in their natural order
    as firms' ("Ole-Johan Barford"), never a firm's, a place's or an honour's words turned round ("City, Long Island"); no
    opening word ("The Mountain") or given name's plural ("German Christians") first or last."""
    if is_personal_name(title):
        return True
    words = title.split()
    return len(words) > 1 and words[0] not in stop_names() and not _given_plural(words[-1]) \
        and shaped_as_a_name(title, words) and is_person(f"{words[-1]}, {' '.join(words[:-1])}")


def _given_plural(word: str) -> bool:
    """A given name's plural: people named by a creed or a nation ("German Christians"), no surname."""
    return word.endswith("s") and word[:-1].lower() in _given_names()


def _place_given(words: list[str]) -> bool:
    """A first word that names a town but is first of all a common given name ("George", "Paul"), in a name
    that does not end as a team's plural nickname does ("Charlotte Hornets") or with a country ("Santiago de
    Chile"); not a particle ("Van Allen"); a country's or a region's name first ("Georgia Tech", "Victoria Park": kb/places.py's
    `english_regions`) stays a place."""
    return words[0].lower() in _common_given_names() and words[0].lower() not in PARTICLES \
        and words[0] not in english_regions() \
        and words[0] not in countries() and not words[-1].endswith("s") and words[-1] not in countries()


_AND = re.compile(r"\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+")
_LAST_AND = re.compile(r"(?:^|\s)(?:and|&)\s")


def shared_surnames(found: list, text: str) -> list:
    """"Andrew and Emily Roe", "Donald, Dick, and Marc Doe": lone known given names listed right
    before a person's full name share that person's surname, instead of standing for one-word people."""
    out = list(found)
    for i in range(len(out) - 1, 0, -1):
        full = out[i].key.split()
        if len(full) < 2 or len(out[i].text.split()) < 2 or "Person" not in out[i].types or "," in out[i].key \
                or full[0].casefold() not in _given_names():  # "Stanton and Lincoln": no full name written; a peer's
            # title is no surname ("America, and [[John Roe, 5th Viscount Roe|John Roe]]")
            continue
        j = i - 1
        if not _LAST_AND.search(text, out[j].end, out[i].start):
            continue  # "with Johnson, Donald C. Roe": a comma alone before the full name lists no shared surname
        while j >= 0 and len(words := out[j].key.split()) == 1 and not out[j].linked \
                and words[0].casefold() in _given_names() and _AND.fullmatch(text, out[j].end, out[j + 1].start):
            name = f"{words[0]} {' '.join(full[1:])}"
            out[j] = dataclasses.replace(out[j], text=name, key=name, types=frozenset({"Person"}),
                                         strength=out[i].strength)
            j -= 1
    return out


_WORD = re.compile(r"[\w'’-]+")
_TOKEN_CHAR = re.compile(r"[\w'’-]")  # a character of a _WORD token


class SurnameUse:
    """How often an article uses each capitalised word on its own, to tell people by their surname: a
    biography's prose calls "[[Karlheinz Roe]]" "Roe" again and again, while a firm or a body is not called
    by its last word alone ("General Atomics" is not "Atomics"), and a common noun is also written in lower
    case ("Church", "Line", "Power")."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._alone: dict[str, int] = {}  # a capitalised word -> how often it stands between two words that are not

    def _at(self, word: str):
        """The (start, end) of every token of the text (a _WORD match) that is `word`: found with str.find,
        not by cutting the whole article into its words (most articles ask about a few names)."""
        text, find, token_char = self._text, self._text.find, _TOKEN_CHAR.match
        i = find(word)
        while i >= 0:
            e = i + len(word)
            if not (i and token_char(text, i - 1)) and not token_char(text, e):
                yield i, e
            i = find(word, i + 1)

    def alone(self, word: str) -> int:
        """How often the capitalised `word` stands on its own: between two words that are not capitalised, the
        next one no "of" (counted when first asked)."""
        count = self._alone.get(word)
        if count is None and not word[:1].isupper():
            return 0
        if count is None:
            count, text, token_char = 0, self._text, _TOKEN_CHAR.match
            for s, e in self._at(word):
                j = s - 1  # the previous token's first character: back past the gap, then past the token
                while j >= 0 and not token_char(text, j):
                    j -= 1
                prev = ""
                if j >= 0:
                    while j >= 0 and token_char(text, j):
                        j -= 1
                    prev = text[j + 1]
                nxt = _WORD.search(text, e)
                nxt = nxt.group() if nxt is not None else ""
                if not prev.isupper() and not nxt[:1].isupper() and nxt != "of":
                    count += 1
            self._alone[word] = count
        return count

    def in_lower_case(self, word: str) -> bool:
        """Whether the article writes `word` (a lower-case word) as a word of its own, not capitalised."""
        return not word[:1].isupper() and next(self._at(word), None) is not None

    def person(self, label: str) -> bool:
        """Whether `label` (2-4 capitalised words, a known given name first, no "&" or "and") is a person's
        name by its surname used alone at least twice in the article and never in lower case; not a name whose words
        give it a class or end it as a work's or a creed's ("Roman Catholic": "Catholic" alone again and again)."""
        words = label.split()
        if not 2 <= len(words) <= 4 or "&" in words or "and" in words \
                or words[0].split("-")[0].rstrip(".").lower() not in _given_names() \
                or ends_as_a_work(label) or name_types(label):
            return False
        last = words[-1]
        if len(last) < 3 or not last[:1].isupper() or not last.replace("-", "").isalpha() or last in places():
            return False
        return self.alone(last) >= 2 and not self.in_lower_case(last.lower())


@cache
def _role_cue() -> re.Pattern:
    words = "|".join(map(re.escape, sorted(name_tables().roles_played, key=len, reverse=True))) or "(?!)"
    return re.compile(rf"\b(?:{words})\b[^.;:!?()\[\]]{{0,100}}$", re.I)


_AS_BEFORE = re.compile(r"\bas\s+(?:(?:the|a|an)\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}$")
_NOT_ROLE = re.compile(r"\b(?:such|well|known|identified|born|named|nicknamed|credited|dubbed|to|served|serving|serves)\s+$", re.I)
_CAST_LINE = re.compile(r"\W*(?:[A-Z][\w.'’-]*\s+){1,4}")  # "Jane Roe as ...": an actor's name, then the role
_CREDIT = re.compile(r"\([^()]*\d{4}[^()]*,\s*$|\(\d{4}\)\s+$")  # "(1913, as Jane Roe)", "Foo (1961) as Jane Roe"
_BARE_CREDIT = re.compile(r"\($")  # "Foo (as Jane Roe in Bar)": a role in a work; "Jane Doe (as Jane Roe)" is her other name
_IN_WORK = re.compile(r"\s+in\s+[\"“'A-Z]")


def played_role(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:] is a role an actor plays (names.toml [person_names] roles_played): right
    after "as" where a word of acting comes first in the clause ("starred as Jane Roe"), in a cast line ("Jane Roe as
    John Doe") or a credit's parenthesis ("(1913, as Jane Roe)", "(as Jane Roe in Foo)"); not "known as", "such as",
    "Jane Doe (as Jane Roe)" (a person's names)."""
    m = _AS_BEFORE.search(text, max(0, start - 160), start)
    if m is None:
        return False
    before = text[max(0, m.start() - 160):m.start()]
    return not _NOT_ROLE.search(before) and (bool(_role_cue().search(before)) or bool(_CREDIT.search(before))
                                             or bool(_BARE_CREDIT.search(before)) and bool(_IN_WORK.match(text, end))
                                             or m.start() <= 60 and bool(_CAST_LINE.fullmatch(text[:m.start()])))


def played_roles(found: list, text: str) -> list:
    """Mentions of a sentence, an unlinked name typed only a person by its shape untyped where it is a role an actor
    plays ("also stars Jane Roe as Captain John Doe": a character, nobody)."""
    return [dataclasses.replace(m, types=frozenset(), strength=0)
            if not m.linked and m.types == _PERSON and played_role(text, m.start, m.end) else m for m in found]
