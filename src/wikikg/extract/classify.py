"""Entity classes from a name's shape, a title's disambiguation suffix, and nearby words."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from wikikg.extract.modifiernames import yielded_class
from wikikg.extract.nonentities import QUALIFIER_TAIL, is_event, names_no_entity
from wikikg.extract.teams import college_team, player_qualified, sport_qualified, sport_words, team_types
from wikikg.extract.titlebefore import title_before
from wikikg.extract.venues import no_venue, venue_end
from wikikg.kb.alternation import Alternation
from wikikg.kb.names import legal_suffixes, name_tables
from wikikg.kb.places import countries, state_title
from wikikg.kb.tablestore import stored_table

_LIFE_SUFFIX = re.compile(r"born\b|\d{4}\s*[–-]")

_TERM = re.compile(r"\d{4}\s*[–-]\s*\d{2}(?!\d)")  # "1976–78": a term's years, a life's are written in full
_COMMON_WORD = re.compile(r"\s(?!(?:de|da|do|dos|das|di|del|della|der|den|van|von|zu|la|le|du|des|bin|ibn|al|el|y|and)\s)[a-z]")
_CAPITALISED = re.compile(r"\b[A-Z]")
_DISAMBIG = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")


@lru_cache(maxsize=16384)  # asked of every link's title by several passes
def split_title(title: str) -> tuple[str, str | None]:
    """'Ada Lovelace (mathematician)' -> ('Ada Lovelace', 'mathematician')."""
    m = _DISAMBIG.match(title) if ")" in title else None  # (the expression needs one)
    if m and m.group(1):
        return m.group(1).strip(), m.group(2).strip()
    return title.strip(), None


@cache
def _shape_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """(class, pattern of its name shape), in the order classes win (names.toml [shape]); a name
    ending in a legal-form suffix has the class names.toml [legal] gives."""
    tables = name_tables()
    out = [(cls, re.compile(rf"(?<![\w])(?:{'|'.join(map(re.escape, spec.first))})\s*$"))
           for cls, spec in tables.shape.items() if spec.first]  # "Blytheville Air Force Base": a place first
    out += [(cls, re.compile(rf"^(?:The\s+)?(?:(?:{'|'.join(map(re.escape, spec.head))})(?:\s|,)"
                             rf"|(?:{'|'.join(re.escape(h) for h in spec.head if ' ' in h) or '(?!)'})$)"))
            for cls, spec in tables.shape.items() if spec.head]  # "Faculty of ... Technology": a faculty; a head of
    # words may be the whole name ("Church of the Nativity"), one word not ("Sporting", "TSV": a club's first word)
    for cls, spec in tables.shape.items():
        anywhere = [re.escape(w) for w in spec.anywhere]
        suffix = [re.escape(w) for w in spec.suffix + spec.venues + spec.surnames + (legal_suffixes() if cls == tables.legal.cls else ())]
        parts = []
        if anywhere:
            parts.append(rf"(?<![\w])(?:{'|'.join(anywhere)})(?![\w])")
        if suffix:
            parts.append(rf"(?<![\w])(?:{'|'.join(suffix)})(?:'s|’s)?\s*$")
        if spec.compound:  # "Foo Microsystems": a shape word grown into the last word, after a lower-case letter
            parts.append(rf"(?<=[a-z])(?:{'|'.join(map(re.escape, spec.compound))})(?:'s|’s)?\s*$")
        if spec.whole:  # "KFOO-FM": a call sign
            parts.append(rf"^(?:{'|'.join(spec.whole)})$")
        if spec.numbered:
            parts.append(rf"^(?:\d+(?:st|nd|rd|th|d)|(?=[IVXL]+\s)[IVXL]{{1,6}}|No\.\s?\d+)\s.*?(?<![\w])"  # "919th",
                         rf"(?:{'|'.join(map(re.escape, spec.numbered))})"  # "VIII", "No. 3"; the air force after it:
                         rf"(?:\s[A-Z]{{2,5}})?(?:'s|’s)?\s*$")  # "No. 232 Wing RAF"
        out.append((cls, re.compile("|".join(parts))))
    return tuple(out)


@cache
def _bare_shape_words() -> frozenset[str]:
    """The shape words of names.toml themselves ("Technology", "Bank", a numbered unit's kind: "Corps") alone name nothing."""
    tables = name_tables()
    whole = re.compile("|".join(w for spec in tables.shape.values() for w in spec.whole), re.I)
    return frozenset(w.casefold() for spec in tables.shape.values()
                     for w in spec.anywhere + spec.suffix + spec.first + spec.numbered if not whole.fullmatch(w)) \
        - frozenset(w.casefold() for w in tables.world_regions)  # "West Bank": a region; "Catholic Church": a church


def is_shape_word(word: str) -> bool:
    """Whether a word is itself one of names.toml's shape words ("Government", "Bank", "College")."""
    return word.strip().casefold() in _bare_shape_words()


@cache
def _lower_suffixes() -> tuple[str, ...]:
    """Shape suffixes whose last word is written in lower case ("railway station")."""
    return tuple(f" {w}" for shape in name_tables().shape.values() for w in shape.suffix if w.split()[-1][:1].islower())


def ends_in_lower_shape(title: str) -> bool:
    """Whether a title ends in a shape suffix written in lower case: "[[Fooville railway station]]" names a place, though
    its last word is no capitalised one."""
    return title.endswith(_lower_suffixes())


@stored_table
def _shape_table() -> Alternation:
    """The classes' shape patterns, searched only where a name holds one of their words (most hold none)."""
    return Alternation([pat.pattern for _, pat in _shape_patterns()])


@lru_cache(maxsize=16384)  # a name is typed again by each sentence and link that shows it
def name_types(name: str) -> frozenset[str]:
    """The class a name's own words give it ("… University" -> University), the first that fits; a
    shape word on its own ("Technology", "Court") gives none."""
    if name.strip().casefold() in _bare_shape_words() or is_post(name) or names_no_entity(name):
        return frozenset()
    if college_team(name):  # "Foo University Owls football": the team, not the university
        return _CLUB
    first = _shape_table().first(name)
    if first is not None and name in countries():  # "Soviet Union": a country, whatever its words say
        return _PLACE
    if first is None and (m := _COMMA_QUALIFIED.fullmatch(name)):
        # "Foo College, Oxbridge": Wikipedia's title names its town after a comma; "Foo Bank, New Jersey" a settlement
        base = name_types(m["name"])  # a college keeps its class: "Foo College, Barshire"
        return _PLACE if base and state_title(name) and "University" not in base else base
    if first is None:  # "Foo Council of Bar"; "Fooville Bears" (extract/teams.py)
        return _head_of(name) or team_types(name)
    cls = _shape_patterns()[first][0]
    if no_venue(name, cls):
        return frozenset()  # "Jane Field": a person's name as much as a ground's; "Curator of the Foo Palace": a post
    cls = yielded_class(name, cls) or cls  # "Foo University Library": a library
    if cls == "Company" and (m := _body_of().search(name)) and not _legal_end().search(name):
        return frozenset({"Organization"})  # "Council for Science and Technology": its head is a body's
    return frozenset({cls})


def place_named(label: str) -> bool:
    """Whether a name is a place's by its shape alone ("Foo Air Force Base") and names no body of a place ("Civil
    Administration of the Foo Islands")."""
    return name_types(label) == {"Place"} and " of " not in label


_HEAD_OF = re.compile(r"(?P<head>[A-ZÀ-ÖØ-Þ][\w'’.-]*(?: [A-ZÀ-ÖØ-Þ][\w'’.-]*)+) (?:of|for) (?:the )?[A-ZÀ-ÖØ-Þ]")


def _head_of(name: str) -> frozenset[str]:
    """A name whose head noun phrase, before its first "of" or "for", ends in a class's word is a body's
    ("Defence Council of Freedonia", "Port Authority of Fooville", "World Council of Foo Churches": the English name's
    head comes before its complement) or a place's ("Federal District of Barland"). An agency's word gives only
    Organization: the same head names a government's body and a church's ("World Council of Foo"); not a company's word,
    which names fields too ("Foo Capital of Culture")."""
    m = _HEAD_OF.match(name) if " of " in name or " for " in name else None  # (the pattern needs one of them)
    cls = name_types(m["head"]) or _phrase_class(m["head"]) if m is not None and not venue_end(m["head"]) else frozenset()
    # (not "Foo Hall of Fame")
    if cls and team_types(m["head"]):  # "the Fooville Bears for Jane Roe": a trade's two ends, no team's name
        return frozenset()
    return _ORG if cls == _AGENCY else cls if "Company" not in cls else frozenset()


def _phrase_class(head: str) -> frozenset[str]:
    """Organization for a head that is one of the phrases names.toml [shape.Organization] `first` lists ("Olympic
    Council" of "Olympic Council of Asia", "Working Group" of "Working Group of Foo"), which alone names nothing."""
    return _ORG if " ".join(head.split()) in name_tables().shape["Organization"].first and " " in head.strip() else frozenset()


@cache
def _body_of() -> re.Pattern:
    """A body's head noun before "of", "for" or "on" (names.toml [shape.Organization] anywhere: "Institute of",
    "Council for"): the name's head, so a company's word at its end ("... and Technology") does not type it."""
    heads = [w for w in name_tables().shape["Organization"].anywhere if w.rsplit(" ", 1)[-1] in ("of", "for", "on")]
    return re.compile(rf"(?<![\w])(?:{'|'.join(map(re.escape, heads))})\s")


@cache
def _legal_end() -> re.Pattern:
    """A legal-form suffix ending a name ("Foo Institute of Bar Ltd"): a company whatever its head."""
    return re.compile(rf"(?<![\w])(?:{'|'.join(map(re.escape, legal_suffixes()))})\s*$")


_LOWER_HEAD = re.compile(r"\S\s+(?P<head>[a-z]+)$")  # "Privately held company", "Urban area": a common noun last
_NAME_CONNECTORS = frozenset({"of", "the", "and", "de", "du", "des", "del", "la", "le", "las", "los", "les", "y", "e",
                              "i", "da", "do", "dos", "das", "di", "von", "van", "der", "den", "upon", "on", "en", "sur",
                              "am", "im", "an", "bei", "aan", "op", "el", "al", "es", "in", "at", "for", "to"})


@lru_cache(maxsize=16384)  # asked of every link of every sentence
def is_concept_title(title: str) -> bool:
    """Whether a link's title (its qualifier aside) is a common noun's article, no entity's: its last word is lower
    case and no connector ("[[Privately held company|Private Company]]", "[[Government-owned corporation]]",
    "[[Urban area|Urban]]"); not a legal form ("Foo plc"), a government's title ("Roe ministry") nor a place's title
    ending in a lower-case shape suffix ("Fooville railway station")."""
    m = _LOWER_HEAD.search(label := split_title(title)[0])
    return m is not None and m["head"] not in _NAME_CONNECTORS and m["head"] not in legal_suffixes() \
        and not is_government_title(label) and not (label[:1].isupper() and ends_in_lower_shape(label)) \
        and not team_types(label)  # "[[Foo Tech Owls football]]": a college's team


_PLACE, _ORG, _AGENCY = frozenset({"Place"}), frozenset({"Organization"}), frozenset({"GovernmentAgency"})
_CLUB = frozenset({"SportsClub"})
_POST_OF = re.compile(r"^(?:\d+(?:st|nd|rd|th) )?(?P<head>[A-Z][\w-]*(?: (?:and |& )?[A-Z][\w-]*){0,3}) (?:of|for) ")


@lru_cache(maxsize=8192)  # asked of every unlinked name the words around would type
def is_post(name: str) -> bool:
    """Whether a name is a post's: a role or office title (names.toml [roles]) before "of" or "for"
    ("Minister of Culture and Communications", "Deputy Governor of Foo State", "President of Foo University"),
    or a few capitalised words ending in an office's word ("Treasury Secretary")."""
    m = _POST_OF.match(name) if " of " in name or " for " in name else None  # (the pattern needs one of them)
    roles, words, offices = _post_words()
    if m is None:  # "Treasury Secretary", "Army General": capitalised words ending in an office's word
        toks = name.split()
        return 2 <= len(toks) <= 4 and toks[-1] in offices and all(t[:1].isupper() for t in toks)
    toks = [t for t in m["head"].split() if t not in ("and", "&")]  # "Secretary and Treasurer of the Foo Society"
    if len(toks) > 1 and (_NATIONALITY.fullmatch(toks[0]) or toks[0] in name_tables().stop.words):
        toks = toks[1:]  # "Canadian Cardinal of the Catholic Church", "French Minister of Culture"
    plural = " and " in m["head"] or " & " in m["head"] or "-" in m["head"]  # "Governor and Vice-Governors of"
    toks = [p for t in toks for p in (t.split("-") if t not in words else (t,))]  # "Vice-Governors": "Vice", "Governors"
    if plural:
        toks = [t[:-1] if t not in words and t.endswith("s") and t[:-1] in words else t for t in toks]
    return all(t in words for t in toks) and any(t in roles for t in toks)


@cache
def _post_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    t = name_tables()
    roles = frozenset(t.roles) | frozenset(t.offices)
    return roles, roles | frozenset(t.role_modifiers), frozenset(t.offices)


_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:ian|ese|ish|ean|an|ic|i)")  # an adjective of nationality
_COMMA_QUALIFIED = re.compile(r"(?P<name>.+\S), [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}")


@cache
def _disambig_table() -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for cls, words in name_tables().disambiguation.items():
        plural = "" if cls == "Person" else "s?"  # "(gangsters)", "(singers)": a group of people, no one person
        out.append((cls, re.compile(rf"\b(?:{'|'.join(map(re.escape, words))}){plural}$")))  # common nouns, lower case
    return tuple(out)


@cache
def _government_title() -> re.Pattern:
    t = name_tables()
    heads = "|".join(map(re.escape, t.government_heads)) or "(?!)"
    return re.compile(rf"(?P<before>[A-ZÀ-ÖØ-Þ][\w'’.–-]*(?: [A-ZÀ-ÖØ-Þ][\w'’.–-]*){{0,3}}) (?:{heads})")


def is_government_title(label: str) -> bool:
    """Whether a link's title (its qualifier aside) names a government by its leader or seat with a lower-case
    head (names.toml [governments]): "Roe ministry", "Fooville government"; not "Local government"."""
    m = _government_title().fullmatch(label)
    return m is not None and not set(m["before"].split()) <= set(name_tables().government_kinds)


def disambiguation(suffix: str | None, base: str = "") -> frozenset[str]:
    """Class from a title's disambiguation suffix ("computer scientist" -> Person); a year range is a person's life
    only when the name is no event's ("Battle of Kabul (1992–96)") nor a body's ("Foo Hockey League (1926–1942)")."""
    if not suffix:
        return frozenset()
    if _LIFE_SUFFIX.match(suffix):  # not a term ("Roe ministry (1976–78)": two digits, a common noun's word)
        return frozenset() if is_event(base) or _TERM.match(suffix) or _COMMON_WORD.search(base) \
            or name_types(base) - {"Person"} else frozenset({"Person"})
    if base[:1].islower() and not _CAPITALISED.search(base):  # a common noun's: "[[mandarin (bureaucrat)]]"
        return frozenset()
    # the qualifier's head noun names the class: "(state song)" is a song, "(region of Alabama)" a region
    head = QUALIFIER_TAIL.sub("", suffix.split(",")[0]).strip()
    for cls, pat in _disambig_table():
        if pat.search(head):  # "(basketball)" alone qualifies a player and a term of the game as much as a team
            if cls == "SportsClub" and (player := player_qualified(base, head)) is not None:
                return player
            return sport_qualified(base) if cls == "SportsClub" and head in sport_words() else frozenset({cls})
    return frozenset()


@cache
def _context_patterns() -> tuple[tuple[str, re.Pattern, re.Pattern], ...]:
    out = []
    for cls, words in name_tables().context.items():
        alt = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
        words_re = f"(?i:{alt})" if cls != "Person" else f"(?:{alt})"  # the cue in any case, the name word capitalised
        before = re.compile(rf"\b{words_re}\s+(?:[A-Z][\w-]*\s+)?$")
        after = re.compile(rf"^,\s+(?:[Aa]|[Aa]n|[Tt]he|then|its|former|now)\s+(?:(?:[a-z][\w-]*|{_demonym()})\s+){{0,4}}?"
                           rf"(?:{alt})\b(?!['’]s)")  # ", an Italian bank", not ", the company's founder"
        out.append((cls, before, after))
    return tuple(out)


@cache
def _demonym() -> str:
    """A capitalised word that says where a thing is from, in an apposition ("[[Foo]], a German bank", "an Italian
    manufacturer", "a Pakistani firm"): a demonym's ending, or a capitalised word of names.toml [stop] words
    ("Swiss", "Dutch", "Islamic")."""
    words = sorted((w for w in name_tables().stop.words if w.isalpha() and w[:1].isupper() and not w.isupper()),
                   key=len, reverse=True)
    return rf"(?:[A-Z][a-z]+(?:an|ese|ish|i)|{'|'.join(map(re.escape, words))})"


@cache
def _apposed_before() -> tuple[tuple[str, re.Pattern], ...]:
    """"another defence company, ⟦Raytheon⟧.": the noun phrase before a name that ends its clause."""
    out = []
    for cls, words in name_tables().context.items():
        if cls == "Person":
            continue
        alt = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
        out.append((cls, re.compile(rf"\b(?i:an?|another|the|other)\s+(?:[a-z][\w-]*\s+){{0,3}}?(?i:{alt}),\s+$")))
    return tuple(out)


@stored_table
def _context_tables() -> tuple[Alternation, Alternation, Alternation]:
    """The classes' patterns before a name, after it, and of an apposed noun phrase before it, each
    searched only where the text holds one of their words."""
    pats = _context_patterns()
    return (Alternation([p[1].pattern for p in pats]), Alternation([p[2].pattern for p in pats]),
            Alternation([p.pattern for _, p in _apposed_before()]))


_PERSON = frozenset({"Person"})
# "the private investment firm, ⟦X⟧, with its head office in": the apposition closed by a comma and a preposition
_APPOSED_CLOSED = re.compile(r",\s+(?:with|based|headquartered|which|that|where|whose|in|of|founded|owned)\b")
_POSSESSIVE = re.compile(r"\w['’]s\s")


@lru_cache(maxsize=4096)  # a name's span is often asked about twice
def context_types(text: str, start: int, end: int) -> frozenset[str]:
    """Class from the words right before a name or from an apposition right after it."""
    before = text[max(0, start - 40):start]
    after = text[end:end + 80]
    before_table, after_table, apposed_table = _context_tables()
    ahead = before_table.first(before) if before[-1:].isspace() else None  # every pattern before a name ends in a space
    if after[:1] == ",":  # every apposition pattern starts with a comma
        i = after_table.first(after)
        if i is not None and (ahead is None or _context_patterns()[i][0] != "Person"
                              or _context_patterns()[ahead][0] == "Person"):
            return frozenset({_context_patterns()[i][0]})  # not "the band [[Foo]], former singer of": the band's
    if ahead is not None:
        return frozenset({_context_patterns()[ahead][0]})
    if before.endswith(", ") and (not after.strip() or after[:1] in ".;:" or _APPOSED_CLOSED.match(after)):
        i = apposed_table.first(before)
        if i is not None:
            return frozenset({_apposed_before()[i][0]})
    if before[-1:] == " " and title_before(before) and not _POSSESSIVE.search(text, start, end):
        return _PERSON  # "under Governor [[Jane Roe]],": a person's title; not "Lord [[Foo's Proclamation]]"
    return frozenset()


_ROMAN = re.compile(r"[IVXLC]+")


def by_context(name: str, text: str, start: int, end: int) -> frozenset[str]:
    """The class the words around a name give it; none for a letter or a numeral ("group D", "group VIII")
    or a post ("the General Chief of the Armed Forces"), which those words name but which are no entities; none for a
    shape word alone, a name's cut-off head ("the newspaper ''Università popolare''" names no "Università")."""
    if len(name) < 3 or _ROMAN.fullmatch(name) or is_post(name) or is_shape_word(name):
        return frozenset()
    return context_types(text, start, end)


@cache
def _lead_pattern() -> re.Pattern:
    """"is a/an/the/one of the" + the lead's noun phrase (up to a word of names.toml [lead_phrase] ends)
    whose head is a class word: followed by punctuation, the end, or a word that ends the phrase."""
    alts = []
    for cls, words in name_tables().lead.items():
        for w in words:
            alts.append((w, cls))
    alts.sort(key=lambda a: len(a[0]), reverse=True)
    group = "|".join(f"(?P<c{i}>{re.escape(w)})" for i, (w, _) in enumerate(alts))
    _LEAD_CLASSES.clear()
    _LEAD_CLASSES.extend(cls for _, cls in alts)
    tables = name_tables()
    ends = "|".join(map(re.escape, tables.lead_ends)) or "(?!)"
    after = "|".join(map(re.escape, tables.lead_ends + tables.lead_joins)) or "(?!)"
    phrase = rf"(?:(?!(?<=\s)(?:{ends})\b)[^.;:,()\[\]])"  # "Kong-headquartered" ends nothing
    return re.compile(rf"\b(?:is|was|are|were)\s+(?:an?|the|one\s+of\s+the)\s+{phrase}{{0,100}}?\b(?:{group})s?\b"
                      rf"(?![\'’]s\b)(?=\s*(?:$|[.;:,()\[\]\"'—–]|(?:{after})\b))", re.I)  # "was the band's": a possessive


_LEAD_CLASSES: list[str] = []


def lead_types(sentence: str) -> frozenset[str]:
    """The subject's class from a definitional lead sentence ("… is a Canadian daily newspaper")."""
    m = _lead_pattern().search(sentence)
    if not m:
        return frozenset()
    while (nxt := _head_word().match(sentence, m.end())) is not None:  # "the executive body": the head
        m = nxt  # noun of a compound is its last word, so "body" decides, not "executive"
    for name, value in m.groupdict().items():
        if value is not None:
            return frozenset({_LEAD_CLASSES[int(name[1:])]})
    return frozenset()


@cache
def _head_word() -> re.Pattern:
    """A class word right after another one (a space or hyphen between): the compound's head noun."""
    words = _lead_pattern().pattern.rsplit(r"\b(?:", 1)[1].rsplit(r")s?\b", 1)[0]
    return re.compile(rf"[\s-]+(?:{words})s?\b", re.I)


@cache
def category_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """Per class of names.toml [categories], one pattern of its words (whole words, any case)."""
    return tuple((cls, re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b" if words else "(?!)", re.I))
                 for cls, words in name_tables().categories.items())
