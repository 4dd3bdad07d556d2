"""A link's title shaped as a person's ("Given Surname", WP:NCPEOPLE) where the name parser reads a firm's."""
# probablepeople, trained on American donors' lists, reads many European names as firms' ("Bjarne Fooström", "Helmut
# Class"); a link's title of a known given name and a surname is a person's article (WP:NCPEOPLE) unless its words are
# English ones ("Silver Foo", "Fair Bar", "Urban Baz": gender-guesser lists "Silver", "Fair", "Urban" as given
# names too). So: a given name people bear in Europe, the Americas or the Near East (not only a romanised East Asian
# syllable: "Long", "Phi", "You"), and a last word marked as a surname: in the census's list of names, with a letter
# English does not write, with another language's surname ending, or written alone in the article ("Fooström said").
# Only a link nothing else types (an infobox's or a table's class comes first), and weakly (known.CONTEXT).
from __future__ import annotations

from functools import cache

from wikikg.extract.nonentities import is_event, names_no_entity
from wikikg.extract.people import SurnameUse, foreign_surname, shaped_as_a_name
from wikikg.extract.personcrf import census_name
from wikikg.kb.diskcache import cached_strings
from wikikg.kb.names import name_tables, stop_names
from wikikg.kb.places import places

_BORNE = 3  # gender-guesser's frequency scale: 1 rare .. 13; 3 and over in some country: a name people bear there
_PLURAL_NOUN = ("ics", "ions", "ments", "ities", "isms", "esses")  # English plural nouns' endings, no surname's


def titled_person_link(label: str, shown: str, use: SurnameUse) -> bool:
    """Whether a link's title `label` (no qualifier) names a person by its shape: a given name borne in the West
    first (`shaped_as_a_name`: no class's or work's word, no digit), no opening word, title or clan's word first ("The
    Foo", "General Foo", "Banu Foo"), no place's name after it or across two words ("Long Island City"), no
    possessive, capitals or one letter, no prize or event; no plural noun's ending last ("Foo Comics"); no word of it
    the article also writes in lower case ("Fair Trade"); a last word marked as a surname (`_surname_marked`) or that
    the article writes alone, as it calls a person ("Roe said"); shown as written or by its last word."""
    words = label.split()
    if not shaped_as_a_name(label, words) or words[0] in stop_names() or words[0] in _titles() \
            or words[0] in name_tables().clans \
            or words[0].split("-")[0].lower() not in _borne_given_names() \
            or any(" ".join(words[i:j]) in places() for i in range(len(words)) for j in range(i + 1, len(words) + 1)
                   if j - i > 1 or i > 0) \
            or "'" in label or "’" in label or len(words[-1]) < 2 or any(w.isupper() for w in words) \
            or words[-1].endswith(_PLURAL_NOUN) \
            or names_no_entity(label) or is_event(label):
        return False
    if any(w[:1].isupper() and use.in_lower_case(w.lower()) for w in words) \
            or not (_surname_marked(words[-1]) or use.alone(words[-1])):
        return False
    return shown == label or shown.split()[-1:] == words[-1:]


def _surname_marked(word: str) -> bool:
    """A last word a surname's by a sign of its own: in the US census's list of names (probablepeople's table), with
    a letter English does not write ("Foosén", "Barić"), or with another language's surname ending ("Foorov")."""
    return census_name(word) or not word.isascii() or foreign_surname(word)


@cache
def _titles() -> frozenset[str]:
    """Titles before a person's name (names.toml [stop] titles): a title's first word opens no name of its own."""
    return frozenset(name_tables().stop.titles)


@cache
def _borne_given_names() -> frozenset[str]:
    """Given names gender-guesser rates borne (frequency 3 or more) in a country before China in its table (Europe,
    the Americas, the Near East), lower case; cached on disk per installed version (kb/diskcache.py)."""
    from importlib.metadata import version

    return cached_strings(f"borne-given-names-{_BORNE}-{version('gender-guesser')}", _dictionary_borne)


def _dictionary_borne() -> frozenset[str]:
    import gender_guesser.detector as gd

    west = gd.Detector.COUNTRIES.index("china")
    return frozenset(name for name, genders in gd.Detector(case_sensitive=False).names.items()
                     if any(c.strip() and int(c, 16) >= _BORNE for values in genders.values() for c in values[:west]))
