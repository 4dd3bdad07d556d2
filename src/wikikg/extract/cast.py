"""The whole cast: every entity of a known class the article links to or names, outside any fact."""
from __future__ import annotations

import re
from dataclasses import replace

from wikikg.extract.candidates import Candidates
from wikikg.extract.classify import is_shape_word, split_title
from wikikg.extract.countrynouns import country_nouns
from wikikg.extract.known import CONTEXT, PLACE
from wikikg.extract.lists import person_shaped
from wikikg.extract.mentions import Context, find_mentions, link_mention, name_mention
from wikikg.extract.nonentities import is_page_of_many
from wikikg.extract.officelinks import is_office
from wikikg.extract.placeends import shared_end
from wikikg.extract.placeheadings import place_headings
from wikikg.extract.seealso import see_also
from wikikg.extract.topicplaces import topic_places
from wikikg.extract.unitnames import place_in_unit_name
from wikikg.kb.places import countries, places, regions
from wikikg.kb.sections import column_classes, field_classes
from wikikg.kb.vocabulary import admitted_subjects, org_classes
from wikikg.model import Evidence, FieldItem, Mention, ParsedArticle, Sentence, Statement, TableCell

_PERSON = frozenset({"Person"})
MENTIONS = "mentionedIn"  # the record's predicate: graph.py writes `entity wkg:mentionedIn evidence`
RULE = "cast.mention"


def extract_cast(article: ParsedArticle, ctx: Context, statements: list[Statement],
                 dropped: list[Statement] = (), pending: Candidates | None = None) -> list[Statement]:
    """One record per entity the article's sentences name with a known class (a link or a recognised
    name that the link's context, the name's shape, a gazetteer or the infobox types) and that no
    statement already holds: its first mention, with that sentence as evidence. Concepts and common
    nouns have no class, so they stay out. An entity that only a `dropped` (redundant) statement named
    (a headquarters' country beside its city, in the infobox) is recorded with that statement's evidence. The links
    nothing types go to `pending` (extract/candidates.py), which keeps those no record holds."""
    held = {(m.key, m.linked) for st in statements for m in (st.subject, st.obj) if isinstance(m, Mention)}
    held.add((ctx.subject.key, ctx.subject.linked))
    cast = admitted_subjects(MENTIONS)  # organisations, people and places, as the ontology says
    out: list[Statement] = []
    captions = frozenset(map(id, article.captions))
    recorded: dict[tuple[str, bool], int] = {}  # a sentence's record by its entity: the index in `out`
    for sentence in article.sentences + article.captions:  # captions name people and places too
        evidence = None
        found = find_mentions(sentence, ctx)
        if id(sentence) in captions:  # "''Jane Roe Crossing the Foo''", "entitled "The Foo at Work"": a work's title
            found = [m for m in found if m.linked or not _quoted(sentence, m)]
        # "[[Rail transport in Foo|Foo]]": Foo; "moved to the UK in 1990": the UK
        for m in found + topic_places(sentence) + country_nouns(sentence, found):
            if not m.types & cast and pending is not None:
                pending.offer(m, lambda s=sentence: Evidence.of_sentence(s), MENTIONS, RULE, sentence.links)
            first = recorded.get((m.key, m.linked))  # "at [[Jane Roe Field]]" after "[[Jane Roe Field]] was
            if m.types & cast and first is not None and _stronger(m, out[first].obj):  # completed": the place
                evidence = evidence or _shared(Evidence.of_sentence(sentence), pending)
                out[first] = Statement(ctx.subject, MENTIONS, m, RULE, evidence)
            if not m.types & cast or (m.key, m.linked) in held or m.key == ctx.subject.key:
                continue
            held.add((m.key, m.linked))
            evidence = evidence or _shared(Evidence.of_sentence(sentence), pending)
            recorded[(m.key, m.linked)] = len(out)
            out.append(Statement(ctx.subject, MENTIONS, m, RULE, evidence))
    for st in dropped:
        m = st.obj
        if isinstance(m, Mention) and m.types & cast and (m.key, m.linked) not in held and m.key != ctx.subject.key:
            held.add((m.key, m.linked))
            out.append(Statement(ctx.subject, MENTIONS, m, RULE, st.evidence))
    for box in article.infoboxes:  # what an infobox's values link to ("allegiance = [[Turkish Armed Forces]]")
        for f in box.fields:
            cls = _column_class(f.name, field_classes())  # "| death_place = [[Fooville]]": a place
            for m in (m for item in f.items for m in _item_mentions(item, cls)):
                if not m.types & cast and pending is not None:
                    pending.offer(m, lambda f=f: Evidence(f.source, "Infobox", f.start, f.end), MENTIONS, RULE)
                if m.types & cast and (m.key, m.linked) not in held and m.key != ctx.subject.key:
                    held.add((m.key, m.linked))
                    out.append(Statement(ctx.subject, MENTIONS, m, RULE, Evidence(f.source, "Infobox", f.start, f.end)))
    for table in article.tables:  # linked cells of every table (squads, filmographies, members)
        classes = [_column_class(h) for h in table.header]
        for row in table.rows:
            for i, cell in enumerate(row):
                cls = classes[i] if i < len(classes) else None
                work = _WORK_CELL.fullmatch(article.text, cell.start, cell.end) is not None
                for m in _cell_mentions(cell, cls):
                    if work and not m.types & org_classes():  # "| ''[[Foo Park]]'' ||": a film's, a book's title
                        m = replace(m, types=frozenset(), strength=0)
                    if not m.types & cast and pending is not None:
                        pending.offer(m, lambda c=cell, t=table: Evidence(article.text[c.start:c.end], t.section, c.start,
                                                                          c.end, c.text), MENTIONS, RULE)
                    if not m.types & cast or (m.key, m.linked) in held or m.key == ctx.subject.key:
                        continue
                    held.add((m.key, m.linked))
                    evidence = Evidence(article.text[cell.start:cell.end], table.section, cell.start, cell.end,
                                        cell.text)
                    out.append(Statement(ctx.subject, MENTIONS, m, RULE, evidence))
    for m, evidence in see_also(article.text) + place_headings(article.text):  # "== See also ==" "* [[Foo Alliance]]",
        # typed by its title alone; "=== Barshire ===" beside "=== Bazshire ===" (extract/placeheadings.py)
        if m.types & cast and (m.key, m.linked) not in held and m.key != ctx.subject.key:
            held.add((m.key, m.linked))
            out.append(Statement(ctx.subject, MENTIONS, m, RULE, evidence))
    if pending is not None:
        pending.forget(held)
    return out


def _shared(evidence: Evidence, pending: Candidates | None) -> Evidence:
    """A sentence's evidence, the one object its candidates share."""
    return evidence if pending is None else pending.share(evidence)


def _stronger(m: Mention, first: Mention) -> bool:
    """Whether a later mention types an entity whose first mention was a person's name by its shape alone (known.PLACE
    at most) that ends in a word places share ("Jane Roe Field", "Foo Hall": extract/placeends.py) otherwise and on
    stronger evidence ("the Jane Roe Field modernization"); not a one-word name ("Jane, Bar" read as a place's)."""
    return first.types == _PERSON and first.strength <= PLACE and shared_end(first.key) \
        and m.strength > first.strength and m.types != _PERSON


_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
_WORK_CELL = re.compile(r"[|!\s]*''+\s*\[\[[^\[\]]+\]\]\s*''+[\s|]*")  # a cell that only shows an italic link


def _quoted(sentence: Sentence, m: Mention) -> bool:
    """Whether an unlinked name of a caption stands inside italics or quotation marks: a work's title."""
    spans = list(sentence.italic) + [q.span() for q in _QUOTED.finditer(sentence.text)]
    return any(s <= m.start and m.end <= e for s, e in spans)


def _column_class(header: str, table: tuple = ()) -> str | None:
    """The class a column's header says its cells name ("Director": Person), or None; `table` field_classes():
    the class an infobox parameter's name says its values name ("death_place": Place)."""
    return next((cls for cls, rx in table or column_classes() if rx.match(header.strip())), None)


def _typed(m: Mention, cls: str | None) -> Mention:
    """`m`, of class `cls` (as its context says) when nothing else types it; in a places' column or parameter, a
    person-shaped name that ends in a word places share ("| [[Jane Roe Field]] |" under "Baseball stadium") a place."""
    if cls == "Place" and m.types == _PERSON and m.strength <= PLACE and shared_end(split_title(m.key)[0]):
        return replace(m, types=frozenset({cls}), strength=PLACE)
    return replace(m, types=frozenset({cls}), strength=CONTEXT) if cls and not m.types else m


_CONNECTORS = frozenset({"of", "the", "and", "de", "du", "des", "del", "la", "le", "y", "da", "do", "di", "von", "van",
                         "der", "upon", "on", "en", "sur", "am", "im", "an", "bei"})


def _proper(title: str) -> bool:
    """Whether a link's title (its qualifier aside) is a proper name: no lower-case word but a connector ("Fooville
    upon Bar"); "[[Western philosophy]]" in a "region" is a field of thought, no place."""
    return all(w[:1].isupper() or w[:1].isdigit() or w in _CONNECTORS for w in split_title(title)[0].split())


_NOTE = re.compile(r"\s*(?:\[[^\]]*\]|\([^)]*\))$")
_JOINED = re.compile(r",\s*|\s+(?:&|and)\s+")


def _cell_mentions(cell: TableCell, cls: str | None) -> list[Mention]:
    """A cell's linked entities, those nothing types given the column's class; in a people's column
    also an unlinked person-shaped name ("| 2011 || Countdown || Huh Jong-Ho"), in a places' column an unlinked
    cell of known places' names only (a film, a player's nickname may be a city's name)."""
    out = []
    for link in cell.links:
        m = link_mention(link.target, link.text)
        out.append(_typed(m, cls))
    if not cell.links and cls == "Person" and (people := _people(_NOTE.sub("", cell.text).strip())):
        for m in map(name_mention, people):  # "| E.R. Roe, J. K. Doe |": a relay team's runners, each a person
            out.append(m if m.types else replace(m, types=frozenset({cls}), strength=CONTEXT))
    elif not cell.links and cls == "Place" and (names := _places_only(_NOTE.sub("", cell.text).strip())):
        out += [name_mention(n) for n in names]  # "! Venue" ... "| 100 m || 10.3 s || Jane Roe || Brussels || 1957"
    return out


def _people(text: str) -> list[str]:
    """The person-shaped names of a cell: the whole cell ("Jane Roe", "Paul Roe, Jr."), or each of two or more names
    between commas or joined by "&" or "and" ("Jane Roe, John Doe", "Jane Roe & John Doe"), else none."""
    if person_shaped(text):
        return [text]
    names = [n.strip() for n in _JOINED.split(text)]
    return names if len(names) >= 2 and all(map(person_shaped, names)) else []


def _places_only(text: str) -> list[str]:
    """The names of a cell made only of known places' names ("Fooville", "Fooville, Freedonia"), else none."""
    names = [n.strip() for n in text.split(",")]
    return names if text and len(names) <= 3 and all(n in places() for n in names) else []


_FLAGS = frozenset({"flag", "flagcountry", "flagu", "flagicon", "flag icon", "flagdeco"})


_NOTE = re.compile(r"\(\s*['\"]*\s*$")


def _noted(text: str, link) -> bool:
    """Whether a link alone fills a parenthesis after a name: "| minister = [[Jane Roe]] (''[[Foo Party]]'')", her
    party (an organisation, unless its link says otherwise); not "(represented by [[John Roe]])"."""
    return bool(_NOTE.search(text, 0, link.start)) and text[link.end:].lstrip(" '\"")[:1] in ("", ")")


def _item_mentions(item: FieldItem, cls: str | None = None) -> list[Mention]:
    """An infobox item's linked entities (of the parameter's class `cls` when nothing else types them), the
    country of a flag template ("{{flag|Turkey}}"), an unlinked item made of known places' names
    ("country = United States") or, in a people's parameter, of person-shaped names; a post's link names no entity."""
    out = [_typed(link_mention(link.target, link.text), "Organization" if cls == "Person" and _noted(item.text, link)
                  else cls if _proper(link.target) and (cls != "Person" or person_shaped(split_title(link.target)[0]))
                  else None) for link in item.links  # "| children = [[Jane Roe]]"; not "| history = [[History of Foo]]",
           if not is_office(link.target, link.text) and not is_page_of_many(link.target)  # "| type = [[Infantry|Light
           and not is_shape_word(link.target)  # Infantry Division]]": a kind of unit, no entity ("[[Coalition (Foo)]]" is)
           and not place_in_unit_name(item.text, link)]  # "| unit = 1st [[Fort Foo]] Casual Detachment": no fort
    names = [n.strip(" .;") for n in item.text.split(",")]
    if not item.links and all(n in places() for n in names):  # "area_served = Bangladesh, Benin, Bolivia"
        out += [name_mention(n) for n in names]
    elif not item.links and cls == "Person" and all(map(person_shaped, names)):  # "| dean = Jane Roe, John Doe"
        out += [_typed(name_mention(n), cls) for n in names]
    elif item.links:  # "[[Rosenheim]], Germany", "Ecuador, Egypt, [[Timor-Leste]], Togo": the unlinked countries
        shown = [link.text for link in item.links]  # and regions among linked names ("[[Washington, D.C.]]": none)
        out += [name_mention(n) for n in names if (n in countries() or n in regions()) and not any(n in t for t in shown)]
    out += [link_mention(name, name) for t in item.templates if t.name in _FLAGS and (name := t.get("1"))]
    return out
