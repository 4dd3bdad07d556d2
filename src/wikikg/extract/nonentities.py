"""Names whose own form says they name no entity: events, honours, fields, works, documents, ships, sub-units, titles."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from wikikg.kb.names import name_tables, pages_of_many
from wikikg.kb.places import places
from wikikg.kb.prefilter import Guard

# The bits of `_live`'s answer: which of a name's pattern tests can match it at all
_EVENT_HEAD, _SITTING, _LAW, _FIELDS, _SUBUNIT, _HONOUR, _GROUP, _EVENT = (1 << i for i in range(8))


@cache
def _guard() -> Guard:
    """The patterns of the name tests below, in `_live`'s bit order: one pass over a name finds the few it can match."""
    return Guard((_event_head(), _sitting(), _law(), _fields(), _subunit(), _honours()[0], _group(), _event_pattern()))


@lru_cache(maxsize=16384)  # a name is asked by several tests, each once per name
def _live(name: str) -> int:
    """The bits of the tests whose pattern may match in `name` (one Aho-Corasick pass of their literal words)."""
    return _guard().live(name)


@cache
def _fields() -> re.Pattern:
    word = "|".join(map(re.escape, sorted(name_tables().fields, key=len, reverse=True))) or "(?!)"
    return re.compile(rf"(?:{word})(?:(?:\s*,\s*|\s+(?:and|&|of)\s+|\s+)(?:{word}))*")


@lru_cache(maxsize=8192)
def is_field(name: str) -> bool:
    """Whether a name is only words of fields of study or work (names.toml [fields]): "Business Administration",
    "Media and Technology", "Communities and Local Government" name fields, no entity."""
    return bool(_live(name) & _FIELDS) and bool(_fields().fullmatch(name.strip()))


@cache
def _work_qualifier() -> re.Pattern:
    words = "|".join(map(re.escape, sorted(name_tables().work_qualifiers, key=len, reverse=True))) or "(?!)"
    return re.compile(rf"\b(?:{words})s?$")


@lru_cache(maxsize=4096)  # asked of every link's qualifier by several passes
def is_work_qualifier(suffix: str | None) -> bool:
    """Whether a title's qualifier says it names a work ("1945 film", "novel", "Jane Roe song"): names.toml [works]."""
    return bool(suffix) and bool(_work_qualifier().search(QUALIFIER_TAIL.sub("", suffix.split(",")[0]).strip()))


@cache
def _word_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """names.toml's documents' first nouns, works' last words and [stop] titles (case-folded), as sets."""
    t = name_tables()
    return frozenset(t.work_first), frozenset(t.work_heads), frozenset(x.casefold() for x in t.stop.titles)


def ends_as_a_work(name: str) -> bool:
    """Whether a name's last word ends works' and things' names, never a person's ("Foo Show", "Roe Memorial")."""
    words = name.split()
    return bool(words) and words[-1] in _word_sets()[1]


def is_document(name: str) -> bool:
    """Whether a name is a document's, its noun first before "of" ("Diploma of the Foo Ministry"), or a periodical's
    ("Proceedings of the Foo Academy"): names.toml [works]."""
    first, _, rest = name.partition(" ")
    return rest.startswith(("of ", "on ")) and (first in _word_sets()[0] or name.startswith(_periodicals()))


@cache
def _periodicals() -> tuple[str, ...]:
    return tuple(f"{p} " for p in name_tables().periodicals)


@cache
def _subunit() -> re.Pattern:
    words = "|".join(map(re.escape, name_tables().subunits)) or "(?!)"
    hq = r"(?:Headquarters|HQ)(?:\s+and\s+(?:Headquarters|Service|Support))?"
    return re.compile(rf"(?:{words})\s+[A-Z]|(?:[A-Z]|{hq})\s+(?:{words})")


@cache
def _law() -> re.Pattern:
    """A law's name: names.toml [works] laws last, a year at most after ("Foo Act", "Foo Act of 1934", "Foo Act 2000")."""
    words = "|".join(map(re.escape, name_tables().laws)) or "(?!)"
    return re.compile(rf"\s(?:{words})(?:,?\s+(?:of\s+)?\d{{4}})?$")


@cache
def _honour_next() -> re.Pattern:
    t = name_tables()
    return re.compile(rf" (?:{'|'.join(map(re.escape, t.awards + t.events))})\b" if t.awards else "(?!)")


def names_an_honour_before(text: str, end: int) -> bool:
    """Whether the name ending at `end` goes on into an honour's or an event's word the name pass stops before
    ("the 85th Academy Awards", "the Foo Prize", "the Foo Cup"): the whole names an honour or an event, no body; or
    into a kind's word ("the Foo class patrol boat"): a class of ships, no body and nobody."""
    return bool(_honour_next().match(text, end)) or bool(_kind_next().match(text, end))


@cache
def _kind_next() -> re.Pattern:
    words = "|".join(map(re.escape, name_tables().work_next)) or "(?!)"
    return re.compile(rf"[ -](?:{words})\b")  # "Foo class patrol boats", "Foo-class frigates"


@cache
def _vessel() -> tuple[re.Pattern, frozenset[str], re.Pattern]:
    """A ship's name (names.toml [works] ship_prefixes, vessels), the words of bodies' names no ship's holds, and a
    link qualifier's vessel kind."""
    t = name_tables()
    prefixes = "|".join(map(re.escape, sorted(t.ship_prefixes, key=len, reverse=True))) or "(?!)"
    kinds = "|".join(map(re.escape, sorted(t.vessels, key=len, reverse=True))) or "(?!)"
    name = r"[A-Z0-9][\w'’.-]*(?:\s+(?:[A-Z0-9][\w'’.-]*|de|del|da|do|di|la|le|of|the|[IVX]+))*"
    shape = re.compile(rf"(?:(?:{prefixes})\s+(?!of\b){name}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:{kinds})\s+{name})")
    bodies = {w for spec in t.shape.values() for x in spec.suffix + spec.anywhere + spec.head for w in x.split()
              if w[:1].isupper()} | {w.strip(".,") for x in t.legal.suffixes for w in x.split()}
    return shape, frozenset(bodies), re.compile(rf"(?:^|\s)(?:{kinds})s?$")


@cache
def _vessel_words() -> tuple[frozenset[str], frozenset[str]]:
    """The ship prefixes and the vessel kinds' first words (names.toml [works])."""
    t = name_tables()
    return frozenset(t.ship_prefixes), frozenset(k.split()[0] for k in t.vessels)


@lru_cache(maxsize=8192)
def is_vessel(name: str, qualifier: str | None = None) -> bool:
    """Whether a name is a ship's by its form ("HMS Foo", "USS Jane Roe", "French frigate Bar"), not a firm's that
    opens with the same letters ("CSS Industries"), or a link's title by its qualifier ("Foo (1790 ship)"): a ship
    is no body and nobody."""
    shape, bodies, kind = _vessel()
    words = name.split()
    prefixes, kinds = _vessel_words()  # the shape's first word, or its second or third (a kind's): else no fullmatch
    shaped = bool(words) and words[0] in prefixes or not kinds.isdisjoint(words[1:3])
    return shaped and bool(shape.fullmatch(" ".join(words))) and not any(w in bodies for w in words[1:]) \
        or bool(qualifier) and bool(kind.search(QUALIFIER_TAIL.sub("", qualifier.split(",")[0]).strip()))


@lru_cache(maxsize=16384)  # asked of each link and name, again by each step that types it
def names_no_entity(name: str) -> bool:
    """Whether a name's own form says it names no entity, whatever the words around it or its look of a
    personal name: an honour ("Foo Award", "Foo Unit Citation", "Order of Foo"), an event's form, a law's ("Foo Act"),
    a field ("Home Entertainment"), a lettered sub-unit ("Company A", "B Battery", "Headquarters Company"), a title alone
    ("Major General"), a placeholder ("TBA"), a ship's ("HMS Foo"), a creed's adherents ("Roman Catholics")."""
    live = _live(name)
    return _event_name(name) or bool(live & _LAW) and _law().search(name) is not None or is_field(name) \
        or bool(live & _SUBUNIT) and bool(_subunit().fullmatch(name)) or is_document(name) \
        or name.casefold() in _word_sets()[2] or is_honour(name) or is_placeholder(name) or is_vessel(name) \
        or is_compass_point(name) \
        or bool(live & _GROUP) and bool(_group().fullmatch(name)) and name.rpartition(" ")[0] not in places()
    # ("Fooville Quakers": a team)
    # ("Major General" alone is one of [stop] titles: a title, nobody's name)


@cache
def _group() -> re.Pattern:
    """Capitalised words that end in a creed's adherents ("Roman Catholics", "Sunni Muslims"): names.toml groups."""
    words = "|".join(map(re.escape, name_tables().groups)) or "(?!)"
    return re.compile(rf"(?:The\s+)?(?:[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*\s+){{0,3}}(?:{words})")


@cache
def _honours() -> tuple[re.Pattern, re.Pattern]:
    t = name_tables()
    return re.compile(t.honours), re.compile(t.honours_unless)


def is_honour(name: str) -> bool:
    """Whether a name is an honour's by its form (names.toml [honours]): an order of merit, a decoration or a grade
    ("Order of Foo", "Officer of the Order of Foo", "Knight Bachelor", "Military Cross"); not a religious order's."""
    if not _live(name) & _HONOUR:
        return False
    names, unless = _honours()
    return names.search(name) is not None and unless.search(name) is None


@cache
def _placeholders() -> frozenset[str]:
    return frozenset(name_tables().placeholders)


def is_compass_point(name: str) -> bool:
    """Whether a name is a compass point alone ("East", "North-West"): names.toml [placeholders] compass."""
    return name.strip().casefold() in name_tables().compass_points


def is_placeholder(name: str) -> bool:
    """Whether a name is what a table or a list writes for none or not known ("Vacant", "TBA", "Unknown"): names.toml."""
    return " ".join(name.split()).strip(" .,;:()[]*").casefold() in _placeholders()


def is_event(name: str) -> bool:
    """Whether a name is an event's: it holds a word of names.toml [events] ("Battle of Kabul") or starts
    with a year or a season ("2014–15 Foo League")."""
    return bool(_live(name) & _EVENT) and bool(_event_pattern().search(name)) or bool(_SEASON.match(name))


_SEASON = re.compile(r"(?:1[5-9]|20)\d\d(?:[–/-]\d{2,4})? [A-Z]")  # "1996 Foo Cup", "2014–15 Foo League"


def names_a_season(name: str) -> bool:
    """Whether a name starts with a year or a season, as a competition's season does ("1994 Foo League"); not a
    team's season ("2007 Foo Owls football team": a player's team that year)."""
    return bool(_SEASON.match(name)) and not _SEASON_TEAM.search(name)


_SEASON_TEAM = re.compile(r"\b(?:team|squad|side)$", re.I)


def _event_name(name: str) -> bool:
    """Whether a name's own form makes it an event's, whatever class words it holds: a year or a season
    first ("2014–15 Foo League"), an event's word last (or numbered: "Foo War II") or first before "of" ("Overland Campaign",
    "Siege of Foo"; not "Campaign for Foo Disarmament", "Open University"), an honour's word last ("Foo
    Air Force Commendation Medal")."""
    live = _live(name)
    return bool(_SEASON.match(name) or live & _EVENT_HEAD and _event_head().search(name)
                or live & _SITTING and _sitting().match(name)) or is_event_word(name) or _dated_event(name)


# A title with its year after a comma, as Wikipedia once titled events ("Foo Senate election, 1964", "Foo Senate
# election in Barshire, 1962", "Fooville Peace Conference, 1919"): no body's name carries the year it met in
_DATED = re.compile(r"(?P<stem>.*?\S)\s+(?P<head>[\w-]+)(?:\s+in\s+[A-Z][\w.'’ -]*)?,\s+(?:1[5-9]|20)\d\d(?:[–-]\d{2,4})?")


def _dated_event(name: str) -> bool:
    """Whether a name is an event's or a meeting's noun (names.toml [events] words, sessions) with its year after a
    comma ("Foo Senate election, 1964", "Fooville Peace Conference, 1919")."""
    m = _DATED.fullmatch(name) if "," in name else None
    return m is not None and (m["head"] in _events() or m["head"] in _sessions())


@cache
def _sessions() -> frozenset[str]:
    return frozenset(name_tables().sessions)


@cache
def _events() -> frozenset[str]:
    return frozenset(name_tables().events)


def is_event_word(name: str) -> bool:
    """Whether a name is an event's word alone ("the Inquiry", "the Summit", "the Games"): no one's name."""
    return name.strip() in _events()


@cache
def _event_pattern() -> re.Pattern:
    words = name_tables().events
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b" if words else "(?!)")


_ORDINALS = ("(?:Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety)-(?i:first|second|third|fourth|fifth|sixth|"
             "seventh|eighth|ninth)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|Thirteenth|Fourteenth|Fifteenth|Sixteenth|Seventeenth|"
             "Eighteenth|Nineteenth|(?:Twent|Thirt|Fort|Fift|Sixt|Sevent|Eight|Ninet)ieth")  # "Twenty-third General Assembly"


@cache
def _sitting() -> re.Pattern:
    """A numbered sitting of a body ("25th Congress", "Second International Congress of Foo", "First Council of
    Fooville"): names.toml sessions."""
    words = "|".join(map(re.escape, name_tables().sessions)) or "(?!)"
    kinds = "|".join(map(re.escape, name_tables().session_kinds)) or "(?!)"
    return re.compile(rf"(?:\d+(?:st|nd|rd|th)\s+(?:[A-Z][\w-]*\s+){{0,3}}?|(?:{_ORDINALS})\s+(?:(?:{kinds})\s+)?)"
                      rf"(?:{words})\b")  # not "Second Continental Congress": a body


@cache
def _event_head() -> re.Pattern:
    t = name_tables()
    alt = "|".join(map(re.escape, t.events)) or "(?!)"
    last = "|".join(map(re.escape, t.events + t.awards)) or "(?!)"
    # the word may be numbered after it ("World War II", "Foo War 2"): still the event's name
    return re.compile(rf"(?:\s(?:{last})(?:\s+(?:[IVX]+|\d{{1,2}}))?$|^(?:{alt})\s+(?:of|on)\s)")  # "Treaty on Foo"


QUALIFIER_TAIL = re.compile(r"\s+(?:(?:of|in|from|for)\s.*|[\d–-]+)$")


def italic_title(italic: tuple[tuple[int, int], ...], text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is the whole of an ''italic'' run (after a leading "The"): a work's title
    (a book, a film, a ship, an artwork) or a periodical's, as Wikipedia sets them ("''Jane Roe''" for a film,
    "''Foo Island''" for a game); not a name inside one (italics also stress a phrase that holds names)."""
    return any(a <= start and end <= b and text[a:start].strip() in ("", "The", "the") and not text[end:b].strip(" .,")
               for a, b in italic)


def is_page_of_many(title: str) -> bool:
    """Whether a link's target is a list, an index or an outline, which names no one entity."""
    return bool(pages_of_many().match(title))
