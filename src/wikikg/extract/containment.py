"""Places inside places: "[[Fooville]], [[Barshire]], [[Freedonia]]" says Fooville lies in Barshire and Freedonia."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from wikikg.extract.classify import split_title
from wikikg.extract.known import PLACE, SHAPE
from wikikg.extract.mentions import Context, find_mentions
from wikikg.extract.select import Slotted
from wikikg.kb.names import name_tables
from wikikg.kb.places import cities, city_named_regions, countries, linked_towns, linked_villages, regions, settlement_title, town_of_state
from wikikg.kb.vocabulary import subclasses
from wikikg.model import Evidence, Mention, ParsedArticle, Statement

RULE = "containment.comma"
RULE_TITLE = "containment.title"
_RUN = re.compile(r"⟦\d+⟧(?:,[ \t]*⟦\d+⟧)+")
_SLOT = re.compile(r"⟦(\d+)⟧")
_COMMA = re.compile(r"[\s()]*,[ \t()]*")  # what may stand between two names of a run (empty parentheses drop out)
# a run that goes on into a coordination is a list of places, not a chain ("Tokyo, Osaka, and Kyoto"), a title's
# realms too ("Metropolitan of Fooville, Barshire and all Freedonia")
_LIST_AFTER = re.compile(r",?\s+(?:and|or|&|as\s+well\s+as)\s+(?:all\s+)?(?:the\s+)?⟦")
_POSSESSIVE = ("'s", "’s", "-")  # "[[Foo]], [[Freedonia]]'s largest bank": no chain


def extract_containment(article: ParsedArticle, ctx: Context) -> list[Statement]:
    """`locatedIn` for every chain of places the prose writes with commas, each place inside every
    larger one after it ("[[Dayton]], [[Ohio]]"; "[[Foo Airfield]], [[Barton]], [[Barshire]]"), and for a
    settlement's title shown as written ("[[Fooville, Barshire]]"). A chain climbs: a city or a place
    the gazetteer does not know, then a region, then a country; a run of places that does not climb or
    that goes on with "and" is a list ("offices in Tokyo, Osaka and Kyoto") and says nothing. The first
    place of a chain may also be of a class names.toml [containment] admits ("[[Foo University]],
    [[Barton]]"). Infobox values make their own chains (extract/infobox.py)."""
    inside = _inside_classes()
    # names the article links to under another title ("[[Barshire (film)|Barshire]]"): a region of that
    # name read from a settlement's title would be taken for that page when names are resolved
    elsewhere = {name for s in article.sentences for link in s.links
                 for name, qualifier in (split_title(link.target),) if qualifier is not None}
    out: list[Statement] = []
    for sentence in article.sentences:
        if ", " not in sentence.text and not any(", " in link.target for link in sentence.links):
            continue
        mentions = find_mentions(sentence, ctx)
        text = sentence.text
        paired = any(_COMMA.fullmatch(text, a.end, b.start) for a, b in zip(mentions, mentions[1:], strict=False))
        if not paired and not any(", " in m.key for m in mentions):
            continue
        evidence = Evidence.of_sentence(sentence)
        titled = [st for m in mentions if (st := _titled(m, evidence, ctx, elsewhere, article.text)) is not None]
        if not paired:
            out += titled
            continue
        sl = Slotted.build(text, mentions)
        for run in _RUN.finditer(sl.text):
            if _listed(sl, run.end()) or sl.text.startswith(_POSSESSIVE, run.end()):
                continue
            chain = _state_titled([sl.mentions[int(i)] for i in _SLOT.findall(run.group())], ctx)
            ranks = [_rank(m) for m in chain]
            if ranks[0] < 0 and not chain[0].types & inside or min(ranks[1:]) < 1 \
                    or any(a >= b for a, b in zip(ranks, ranks[1:], strict=False)):
                continue
            out += [Statement(a, "locatedIn", b, RULE, evidence)
                    for i, a in enumerate(chain) for b in chain[i + 1:] if a.key != b.key]
        out += titled
    return out


def _listed(sl: Slotted, end: int) -> bool:
    """Whether a run goes on with "and" into another place ("Tokyo, Osaka, and [[Kyoto]]"), not into a person ("of
    [[Fooville]], Barshire and Jane Roe of ...")."""
    after = _LIST_AFTER.match(sl.text, end)
    slot = after and _SLOT.match(sl.text, after.end() - 1)
    return bool(after) and (slot is None or "Person" not in sl.mentions[int(slot[1])].types)


def _state_titled(chain: list[Mention], ctx: Context) -> list[Mention]:
    """The chain with an unlinked town before a US state named as Wikipedia titles it ("Foo, Wisconsin" for
    "Foo, [[Wisconsin]]", "Foo, WI"): the "Foo" other articles name may be another place; a town the gazetteer knows
    as the largest city of its name stays that city ("Bar, Texas" when the largest Bar lies in Texas: Bar), and so
    does one the article links by that name ("[[Foo]]" elsewhere: the unlinked Foo is that page's)."""
    town, state = chain[0], split_title(chain[1].key)[0]
    known = ctx.index.get(town.key)
    written = {f"{town.text}, {chain[1].text}"} if chain[1].text != state else set()  # "Foo, WI": as the text writes it
    if town.linked or "Place" not in town.types or not town_of_state(town.key, state) or known is not None and known.linked:
        return [replace(town, aliases=town.aliases | written), *chain[1:]] if written and "Place" in town.types else chain
    return [replace(town, key=f"{town.key}, {state}", aliases=town.aliases | {town.key} | written), *chain[1:]]


def _rank(m: Mention) -> int:
    """How large a place is: 3 a country, 2 a region, 1 a city, a settlement's "Town, Region" title or a town's or a
    village's bare title linked and shown as titled ("[[Fooby]]", kb.places.linked_towns, linked_villages; not another
    name the article gives it), 0 another place, -1 not a place."""
    if "Place" not in m.types:
        return -1
    name = split_title(m.key)[0]
    if name in countries() or _STATE().search(name) and _STATE().search(m.text):  # not a demonym: "[[Foo Empire|Fooish]]"
        return 3
    if name in regions():
        return 2
    if name in cities() or settlement_title(name):
        return 1
    if m.linked and m.text == name and (name in linked_towns() or name in linked_villages()):
        return 1
    # a place by its name's shape ("Foo Air Force Base", "Bar County"), not by the comma after it: that a
    # linked name stands before ", [[Barshire]]" makes it a place for typing (extract/settlements.py), not
    # for a fact ("under Governor [[Jane Roe]], Barshire resisted")
    return 0 if m.strength >= SHAPE else -1


def _titled(m: Mention, evidence: Evidence, ctx: Context, elsewhere: set[str], text: str) -> Statement | None:
    """A settlement's title names the region it lies in, shown as written or behind a link's shorter text:
    "[[Fooville, Barshire]]", "[[Fooville, Barshire|Fooville]]"; the region is the article's own place of that name
    if it has one, and none if that name is something else's in the article ("[[Barshire (film)|Barshire]]"). A
    division that shares its name with its chief city ("Fooville, Bar" in Bar Province, whose bare name is the city
    Bar) is the one the article names with its kind's word, or none."""
    shown = m.text == m.key
    if "Place" not in m.types or not (shown or m.linked) or ", " not in m.key or not settlement_title(m.key):
        return None
    within = m.key.rsplit(", ", 1)[1]
    if within not in regions() and within not in countries() or within in elsewhere:
        return None
    known = ctx.index.get(within)
    if within in city_named_regions():
        if (known := _division(within, ctx, text)) is None:
            return None
    elif known is not None and ("Place" not in known.types or not shown and known.key != within):
        return None  # a piped title's region that the article names as another page ("[[Republic of Foo|Foo]]"): unsure
    region = known or Mention(within, within, False, frozenset({"Place"}), strength=PLACE)
    at = (m.end - len(within), m.end) if shown else (m.start, m.end)  # a piped link's region is in its title alone
    return Statement(m, "locatedIn", replace(region, text=within, start=at[0], end=at[1]), RULE_TITLE, evidence)


def _division(name: str, ctx: Context, text: str) -> Mention | None:
    """The division the article names by a city's name and its kind's word ("Bar Province", "Province of Bar", "Bar
    County": names.toml [containment] division_words), linked or written, if it names one."""
    words = name_tables().division_words
    for full in (f"{name} {w}" for w in words):
        known = ctx.index.get(full)
        if known is not None and "Place" in known.types:
            return known
    kinds, city = "|".join(map(re.escape, words)) or "(?!)", re.escape(name)
    found = re.search(rf"(?<![\w-])(?:{city} (?:{kinds})|(?:{kinds}) of {city})(?![\w-])", text)
    return Mention(found[0], found[0], False, frozenset({"Place"}), strength=PLACE) if found else None


@cache
def _STATE() -> re.Pattern:  # noqa: N802 (a cached constant)
    """A state's head word last or before "of" (names.toml [containment] states): "Foo Empire", "Kingdom of Bar"."""
    words = "|".join(map(re.escape, name_tables().containment_states)) or "(?!)"
    return re.compile(rf"\s(?:{words})$|^(?:{words})\sof\s")


@cache
def _inside_classes() -> frozenset[str]:
    """The classes besides Place whose names may open a chain (names.toml [containment] inside)."""
    return frozenset(c for cls in name_tables().containment_inside for c in {cls} | subclasses(cls))
