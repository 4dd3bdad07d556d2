"""Capitalised-name spans in plain text: names joined by "of", "and", "of the", legal suffixes."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache

from wikikg.extract.acronymparts import abbreviates_a_part as abbreviates_a_part
from wikikg.extract.andnames import split_and
from wikikg.extract.classify import is_shape_word, name_types
from wikikg.extract.nameparts import COMPASS, PARTICLE_PAIRS, join_nicknames
from wikikg.extract.ofnames import name_before_of, person_before_link
from wikikg.extract.people import is_personal_name
from wikikg.extract.possessives import church_after_possessive, name_possessive, on_heads
from wikikg.extract.stopheads import part_head_kept
from wikikg.kb.mappings import exchanges
from wikikg.kb.names import legal_suffixes, name_tables
from wikikg.kb.places import places
from wikikg.kb.rules import cues

_PREFIXED = (r"(?:Co|Anti|Non|Pre|Post|Re|Ex|Self|Multi|Sub|Inter|Pro|Semi|Counter|Over|Under|Mid|Vice|Cross|"
             r"Well|Joint|Half|Part|Full)-[a-z]")  # an English prefix joined to a word: "Co-founded"
# a hyphenated given name goes on in lower case ("Park Min-jun", "Chiang Kai-shek"), a compound adjective not ("US-led")
_SYLLABLE = (r"(?!(?:led|run|era|wide|made|like|born|based|owned|style|type|class|level|scale|size|term|time|year|"
             r"day|old|up|in|on|off|out|free|rich|poor|only|long|wise|ward|fold|ish|esque|bound|less|proof|ready)\b)"
             r"[a-z]{1,5}\b")
_TOKEN = re.compile(rf"[a-z][\w'’.-]*|{_PREFIXED}[\w'’.-]*|[A-Z]/[A-Z](?!\w)|[A-Z0-9][\w'’&.]*(?:-(?:[A-Z0-9][\w'’&.]*|{_SYLLABLE}))*|&")
# ("A/S", "I/S": Nordic legal forms are one token; a lower-case word, most tokens, first: no other alternative
# starts with a lower-case letter, so the order changes no match, only how many alternatives the engine tries)
_LOWER_COMPOUND = re.compile(_PREFIXED)  # "Co-founded", "Anti-corruption": a word, not a name
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# "in September Foo Corp started": a month after a preposition of time is a date's, never a name's first word
_MONTH_NAMES = frozenset("January February March April May June July August September October November December".split())
_TIME_PREPS = frozenset("in In on On since Since until Until during During early Early late Late".split())
_APOSTROPHE_ENDS = ("'", "’", "'s", "’s")  # POSSESSIVE.search of a token (which holds no line break)
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|d)")  # "3d", "582d": US military usage
_ARABIC = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|ut)-[A-Z]")  # the article fused to a name: "Jaber al-Marri"
_INITIALS = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.")
# a timeline item's date before its first word ("1994: Enters the market", "March 2012 – Opens"): that word opens the item
_DATE_LEAD = re.compile(r"\W*(?:(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?)?\d{4}(?:\s*[–—-]\s*\d{2,4})?\s*[:–—-]\s*")
_STARTS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")  # the capitals and digits a _TOKEN can start with
# _TOKEN matches at each [A-Za-z0-9&], nowhere else; a text's tail without one is matched whole (an empty token), so
# that findall does not scan it again from each of its characters ("}}}}…" after runaway markup: quadratic)
_GAPPED_TOKEN = re.compile(rf"([^A-Za-z0-9&]*+)({_TOKEN.pattern})|[^A-Za-z0-9&]++\Z")


@cache
def _enders() -> tuple[frozenset[str], frozenset[str]]:
    """Posts' abbreviations that end a body's name, and "number" signs whose number ends one (names.toml [stop])."""
    return frozenset(name_tables().stop.enders), frozenset(name_tables().stop.number_signs)


@cache
def _stop_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Openers, stop words and joiners (without "the") from names.toml, and the last two together."""
    stop = name_tables().stop
    joiners = frozenset(stop.joiners) - {"the"}
    return frozenset(stop.openers), frozenset(stop.words), joiners, frozenset(stop.words) | joiners


def spans(text: str, sentence_start: bool, ctx) -> list[tuple[int, int]]:
    """Capitalised-name spans: capitalised words joined by lower-case joiners."""
    openers, stop, joiners, stop_or_joiner = _stop_words()
    ends = _enders()
    role_words = _roles()[3]  # role words, their modifiers and offices ("Commander of the X")
    legal, region_suffix = _legal_patterns()
    toks, starts, p = [], [], 0  # (start, end, word): a token's full stop off, unless an initial's or an abbreviation's
    found = _GAPPED_TOKEN.findall(text)
    if found and not found[-1][1]:
        found.pop()  # the tail's match
    for t, (gap, w) in enumerate(found):
        if w[0] in _STARTS:  # others start no name
            starts.append(t)
        p = (s := p + len(gap)) + len(w)
        toks.append((s, p, w if "." not in w else word(w)))
    out, nxt, board, ntok = [], 0, set(), len(toks)
    for i in starts:
        if i < nxt or i in board:
            continue
        s, e, w = toks[i]
        if _LOWER_COMPOUND.match(w) or w in _MONTH_NAMES and i and toks[i - 1][2] in _TIME_PREPS \
                and _adjacent(text, toks[i - 1], toks[i]):
            continue
        if not w[0].isupper() and not (_ORDINAL.fullmatch(w) and _continues(toks, i, stop)) \
                or w in openers or (w in stop and not _continues(toks, i, stop)):  # "52nd Research Institute"
            continue
        j = i
        while j + 1 < ntok:
            if text[toks[j][1]:toks[j + 1][0]] == ", " and (legal.fullmatch(toks[j + 1][2])
                                                           or _GENERATION.fullmatch(text, toks[j + 1][0], toks[j + 1][1])):
                j += 1  # "Foo Co., Ltd.", "Paul S. Dwyer, Jr."
                continue
            if toks[j][2].endswith(_APOSTROPHE_ENDS) and not name_possessive(toks[j][2], toks[j + 1][2]) \
                    or not _adjacent(text, toks[j], toks[j + 1]):
                break
            if j > i and toks[j][2].endswith(".") and legal.fullmatch(toks[j][2]) and not legal.fullmatch(toks[j + 1][2]):
                break  # "... Technologies Pte. Ltd. Established in Kolkata": a legal form with its full stop ends a name
            if toks[j + 1][2] in ends[0]:
                break  # "22nd Foo Brigade GOC Colonel Jane Roe": a post's abbreviation ends the body's name
            if j > i and toks[j][2] in ends[1] and toks[j + 1][2].isdigit():
                j += 1  # "Foo Regiment Nr. 6", "Foo Lodge No. 12": the number ends the name
                break
            k = j + 1  # next capitalised word, past a joiner ("of", "and") or "of the" / "for a"
            if k < ntok and (toks[k][2] in joiners or toks[k][2] == "on" and toks[k - 1][2] in on_heads()) \
                    and _adjacent(text, toks[k - 1], toks[k]):
                k += 1
                if k < ntok and (toks[k - 1][2] in ("of", "for") and toks[k][2] in ("the", "a")
                                 or toks[k - 1][2] in PARTICLE_PAIRS and toks[k][2] in PARTICLE_PAIRS[toks[k - 1][2]]) \
                        and _adjacent(text, toks[k - 1], toks[k]):
                    k += 1  # "of the", and a surname's two particles: "Jan van der Berg", "Juan de la Cruz"
            if k >= ntok or not (toks[k][2][0].isupper() or _ARABIC.match(toks[k][2])) \
                    or not _adjacent(text, toks[k - 1], toks[k]) \
                    or (k > j + 1 and toks[j + 1][2] in ("the", "a")) \
                    or (k > j + 1 and toks[k][2] == "The") \
                    or (k > j + 1 and j > i and legal.fullmatch(toks[j][2])) \
                    or (k > j + 1 and _exchange().match(text, toks[k][0])) \
                    or (k > j + 1 and _PERSON.fullmatch(text[s:toks[j][1]])) \
                    or (k > j + 1 and name_before_of(text, toks, i, j, k)):
                break  # "Allen of the Center …": a person's name does not run into an organisation's, nor
                # a legal form into a joiner ("Nordic Sweets A/S for EUR 730 million"), nor a full name into the place
                # it is of or its employer ("Jane Roe of Foo Journal"), nor a team into its league ("Foo Bears of the")
            j = k
        while j > i and (toks[j][2] in stop or toks[j][2] in joiners or toks[j][2] in ("the", "a")
                         or toks[j][2].lower() in _trailing_prepositions()) \
                and POSSESSIVE.sub("", text[s:toks[j][1]]) not in ctx.subject_names \
                and POSSESSIVE.sub("", text[s:toks[j][1]]) not in ctx.index \
                and text[s:toks[j][1]] not in name_tables().world_regions \
                and not (_ORDINAL.fullmatch(toks[i][2]) and toks[j][2] in _numbered()) \
                and not part_head_kept(text, toks, i, j, stop) \
                and not (j + 1 < ntok and toks[j + 1][2] == "of" and is_personal_name(text[s:toks[j][1]])):  # "Ann White of Foo"
            j -= 1
        if j - i >= 3 and [t[2] for t in toks[j - 2:j + 1]][:2] == ["Board", "of"] and toks[j][2] in _BOARDS:
            board.update(range(j - 2, j + 1))
            j -= 3  # "the Vodafone Group Plc Board of Directors": the company (its board is no entity of its own)
        k = _past_role(toks, i, j) if toks[i][2] in role_words or i < j and toks[i + 1][2] in role_words else None
        if k is not None and k > j:
            nxt = j + 1  # "Distinguished Fellow": a role, no name
            continue
        if k is not None:
            i, s = k, toks[k][0]  # "Chairman of the Indo-US Strategic Dialogue": the dialogue
        elif i + 3 <= j and toks[i][2] in name_tables().work_first and toks[i + 1][2] in ("of", "on") \
                and toks[i + 2][2] == "the":  # "Diploma of the Foo Ministry": the ministry ("Declaration of Independence": none)
            i, s = i + 3, toks[i + 3][0]
        elif j - i >= 2 and (mid := _mid_role(text, toks, i, j)) is not None:  # "Foo Institute Principal Jane Roe":
            out.append((s, toks[mid[0] - 1][1]))
            i, s = mid[1], toks[mid[1]][0]
        head = text[s:toks[j][1]]  # "Foo College, Fooville": a body's title the article links, here written unlinked
        titled = j + 1 < ntok and text[toks[j][1]:toks[j + 1][0]] == ", " and head not in ctx.index \
            and bool(name_types(head) - {"Place"}) and f"{head}, {toks[j + 1][2]}" in ctx.index
        j += titled
        words = [t[2] for t in toks[i:j + 1]]
        if stop_or_joiner.issuperset(words) or church_after_possessive(text, s, text[s:toks[j][1]]):
            nxt = j + 1
            continue
        first = len(words) == 1 and (s == 0 or (sentence_start and (not text[:s].strip(" \"'“‘(")
                                                                   or _DATE_LEAD.fullmatch(text, 0, s) is not None)))
        if first and not _name_like(w, ctx):
            nxt = j + 1
            continue
        if len(words) == 1 and (_DEMONYM.fullmatch(w) or _POSSESSOR.search(text, max(0, s - 7), s)) and _LOWER_NEXT.match(text, e) \
                and w not in ctx.index and w not in ctx.subject_names:  # "its Jesuit spiritual adviser" too
            nxt = j + 1  # "the Estonian security firm": an adjective, not a name
            continue
        region = region_suffix.match(text, toks[j][1])
        if region:  # "Foo Technology (China) Co., Ltd." is one name
            out.append((s, region.end()))
            nxt = i
            while nxt < ntok and toks[nxt][0] < region.end():
                nxt += 1
            continue
        out.extend([(s, toks[j][0] + len(toks[j][2]))] if titled else split_and(toks, i, j, text, ctx) if i < j
                   else (toks[i][:2],))  # one token: no "and"
        nxt = j + 1
    return join_nicknames(text, out)


_GENERATION = re.compile(r"(?:Jr|Sr)\.?")
_BOARDS = frozenset({"Directors", "Trustees", "Governors"})
_LOWER_NEXT = re.compile(r"\s+[a-z]")
_POSSESSOR = re.compile(r"\b(?:[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)\s+$")  # a word between it and a noun: an adjective
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|ese|ish|ean|ic|an)")
_REGNAL = re.compile(r"[IVX]+")


_PERSON = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z]\.)+\s+[A-Z][a-z]+|(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")


@cache
def _exchange() -> re.Pattern:
    """A stock exchange's name: "the Main Board of the ⟦Stock Exchange of Hong Kong⟧" names a segment of it."""
    names = sorted({n for e in exchanges() for n in (e.title, *e.names) if " " in n}, key=lambda n: (-len(n), n))
    return re.compile(rf"(?:{'|'.join(map(re.escape, names))})(?!\w)")


@cache
def _legal_patterns() -> tuple[re.Pattern, re.Pattern]:
    """A token that is a legal-form suffix (after a comma: no ambiguous ones), and a region and legal
    form ending a name: " (China) Co., Ltd."."""
    after_comma = "|".join(map(re.escape, dict.fromkeys(f.rstrip(".") for f in legal_suffixes(ambiguous=False))))
    forms = "|".join(map(re.escape, legal_suffixes()))
    return (re.compile(rf"(?:{after_comma})\.?"),
            re.compile(rf" \((?:[A-Z][a-z]+)(?: [A-Z][a-z]+)?\) (?:{forms})(?:,? (?:{forms}))?"))


@cache
def abbreviations() -> tuple[str, ...]:
    """Name endings whose full stop belongs to the name: abbreviated legal forms ("Ltd."), "Jr." and "Sr."."""
    return tuple(f for f in legal_suffixes() if f.endswith(".")) + ("Jr.", "Sr.")


@cache
def short_form() -> re.Pattern:
    """A legal-form suffix or another word the subject is also named without, at the end of a name."""
    words = sorted(legal_suffixes() + name_tables().short_form, key=len, reverse=True)
    return re.compile(rf"\s*,?\s+(?:{'|'.join(map(re.escape, words))})$")


@cache
def _roles() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    tables = name_tables()
    roles, offices = frozenset(tables.roles) | {r + "s" for r in tables.roles}, frozenset(tables.offices)  # "Trustees"
    return roles, roles | frozenset(tables.role_modifiers), offices, roles | frozenset(tables.role_modifiers) | offices


_LEADING_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)\s+")


@lru_cache(maxsize=2048)  # asked of every link's text and title, and of names' words (2,048: ~0.4 MB)
def is_role_title(text: str) -> bool:
    """Whether a text is only a role title ("Professor", "7th Master", "Vice-Chancellor", "Chief Executive
    Officer"): names.toml [roles] words, their modifiers and an ordinal, at least one role word."""
    roles, words, _, _ = _roles()
    toks = _LEADING_ORDINAL.sub("", text.strip(), count=1).split()
    return bool(toks) and all(t in words for t in toks) and any(t in roles for t in toks)


def _mid_role(text: str, toks, i: int, j: int) -> tuple[int, int] | None:
    """The role title inside a span that joins an organisation's name and a person's ("Foo Normal Institute
    Principal Jane Roe", "Foo Group Chief Executive John Doe"): its first and last token, or None."""
    words = _roles()[1]
    for r in range(i + 1, j):
        q = r
        while q < j and toks[q][2] in words:
            q += 1
        if q > r and name_types(text[toks[i][0]:toks[r - 1][1]]) and is_personal_name(text[toks[q][0]:toks[j][1]]):
            return r, q
    return None


def _past_role(toks, i: int, j: int) -> int | None:
    """Where the name after a leading role title starts ("Chairman of the X": X's first token), j + 1 when
    tokens i..j are only a role ("Distinguished Fellow"), None when no role title leads."""
    roles, words, offices, _ = _roles()
    roles, words = roles | offices, words | offices  # "Commander of the X": X
    k = i + 1 if i < j and _ORDINAL.fullmatch(toks[i][2]) and toks[i + 1][2] in words else i  # "7th Master of X"
    first = k
    while k <= j and (toks[k][2] in words or toks[k][2] in ("and", "&") and k > first and k < j
                      and toks[k + 1][2] in words):  # "Vice-President and Country Head for India"
        k += 1
    if k == first or not any(toks[x][2] in roles for x in range(first, k)):
        return None
    if k > j:
        return k
    if toks[k][2] not in ("of", "for", "at"):
        return None
    k += 1
    if k <= j and toks[k][2].lower() in ("the", "a"):
        k += 1
    return k if k <= j and toks[k][2][0].isupper() else None


@cache
def _numbered() -> frozenset[str]:
    """The words that end a unit's numbered name (names.toml shape `numbered`: "Division", "Wing")."""
    return frozenset(w for spec in name_tables().shape.values() for w in spec.numbered)


@cache
def _trailing_prepositions() -> frozenset[str]:
    """Prepositions (cues.toml) that end no name when capitalised at its end ("... Educational Trust Under")."""
    return frozenset(p for p in cues().prepositions if p not in ("of", "for", "de", "du", "des", "la", "le"))


def _adjacent(text: str, a, b) -> bool:
    """Two tokens separated by plain spaces only."""
    gap = text[a[1]:b[0]]
    return gap == " " or not gap.strip() and "\n" not in gap  # (one space: most gaps)


def _continues(toks, i, stop) -> bool:
    """A stop word that starts a longer name ("National Supercomputing Centre"), or a place's name of stop
    words and more ("New South Wales": the gazetteer's)."""
    if i + 1 < len(toks) and toks[i + 1][2][0].isupper() and toks[i + 1][2] not in stop:
        return True
    if i + 2 < len(toks) and toks[i + 1][2] == "National" and toks[i][2] in stop and _DEMONYM.fullmatch(toks[i][2]) \
            and toks[i + 2][2][0].isupper() and toks[i + 2][2] not in stop:
        return True  # a demonym before "National" opens the name: "Freedonian National University"
    if i + 2 < len(toks) and toks[i][2] in COMPASS and toks[i + 1][2] in stop \
            and toks[i + 2][2][0].isupper() and toks[i + 2][2] not in stop:
        return True  # a compass word before another stop word opens the name: "Western State Foo College"
    return i + 2 < len(toks) and toks[i + 1][2] in stop and " ".join(t[2] for t in toks[i:i + 3]) in places()


def _name_like(word: str, ctx) -> bool:
    """Whether a capitalised word opening a sentence is a name: one the article names or links, or one it
    capitalises mid-sentence too (not a class word such as "Government" or "Bank", which it capitalises
    inside longer names)."""
    w = POSSESSIVE.sub("", word)
    if w in ctx.index or w in ctx.subject_names:
        return True
    return (w in ctx.capitalised and not is_shape_word(w)) or any(c.isupper() for c in w[1:]) or w.isupper()


def word(token: str) -> str:
    """A token without a trailing full stop, unless it is an initial or an abbreviation."""
    if "." not in token:
        return token
    return token if _INITIALS.fullmatch(token) and token not in _MONTHS else token.rstrip(".")


_MONTHS = {"Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."}


@cache
def title_prefix() -> re.Pattern:
    """A title before a capitalised name ("Dr. ", "Colonel "): names.toml [stop] titles."""
    titles = sorted(name_tables().stop.titles, key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(map(re.escape, titles)) + r")\s+(?=[A-Z])")


@cache
def rank_prefix() -> re.Pattern:
    """A military rank in capitals before a capitalised name ("COL ", "BGEN "): names.toml [stop] ranks."""
    return re.compile(r"^(?:" + "|".join(map(re.escape, name_tables().stop.ranks)) + r")\s+(?=[A-Z])")


@cache
def titles_folded() -> frozenset[str]:
    """Titles, ranks and roles before a person's name (names.toml [stop] titles, [roles]), case-folded."""
    tables = name_tables()
    return frozenset(t.casefold().rstrip(".") for t in tables.stop.titles + tables.roles)


_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z0-9&.\-]{1,11})\)")
_INITIALLED = re.compile(r"[^\W\d_][\w'’.-]*")  # a word and its initial ("D.Pacquiao" is one)


_INNER_ACRONYM = re.compile(r"\s\(([A-Z][A-Z0-9&.\-]{1,11})\)\s+(?:of|in)\s+[A-Z]")


def acronym_after(m, text: str, ctx):
    """`m` with the acronym in parentheses after it ("Punjab Technical University (PTU)"), indexed in
    `ctx` as a name of it; unchanged when what follows is no acronym of the name (a note, "(RES)"). A link's
    own text may hold it before a place ("[[Foo Union (East Fooland)|Foo Democratic Union (FDU) of East
    Fooland]]"): the acronym is that link's, not another body's that a later "(FDU)" names."""
    inner = _INNER_ACRONYM.search(m.text) if m.linked else None
    if inner and "Person" not in m.types and _initials_of(inner.group(1), m.text[:inner.start()]):
        ctx.add(inner.group(1), replace(m, start=-1, end=-1, text=inner.group(1)))
        m = replace(m, aliases=m.aliases | {inner.group(1)})
    a = _ACRONYM.match(text, m.end)
    if not a or not sum(c.isupper() for c in a.group(1)) >= 2:
        return m
    acr = a.group(1)
    initials = {w[0].upper() for w in _INITIALLED.findall(f"{m.text} {m.key}")}
    if "Person" in m.types or abbreviates_a_part(acr, m.text) or acr[0] not in initials \
            or m.key != ctx.subject.key and _initials_of(acr, ctx.subject.key):
        return m  # (the subject's own initials stay its own: "the newspaper ''Foo Daily'' (FD)" in "Foo Dynamics")
    ctx.add(acr, replace(m, start=-1, end=-1, text=acr))
    return replace(m, end=a.end(), aliases=m.aliases | {acr})


def before_taken(text: str, start: int, end: int, taken: bytearray) -> int:
    """Where a name span that runs into a link should end: before the link when what stands there is a name
    by its own words ("the Freedonian Army [[Department of the West]]": "Freedonian Army"), else `start` (no name)."""
    k = taken.find(1, start, end)
    words = text[start:k].split() if k > start else []  # not "... List of the [[X]]": the link ends that name
    if person_before_link(words) and not _OWNED.search(text, max(0, start - 8), start):  # "Jane Roe of [[Foo]]"; not
        # "the Red Guards of [[Jane Roe]]", "Foo's Gun Shop of [[Fooville]]"
        return start + len(text[start:k].rstrip()) - len(" of")
    return start + len(text[start:k].rstrip()) if len(words) >= 2 and words[-1][0].isupper() \
        and name_types(" ".join(words)) else start


_OWNED = re.compile(r"(?:['’]s?|\b[Tt]he)\s+$")


def _initials_of(acr: str, name: str) -> bool:
    """Whether an acronym spells the initials of a name's capitalised words, in order ("CDU": "Christian
    Democratic Union")."""
    return "".join(w[0] for w in name.split() if w[0].isupper()) == acr
