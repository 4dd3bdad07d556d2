"""Classes by the company a name keeps: a town before its region, a name listed among names of one class, fields listed."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from wikikg.extract.criticpapers import critic_papers
from wikikg.extract.frames import framed_runs
from wikikg.extract.known import CONTEXT, SHAPE
from wikikg.extract.landforms import linked_landforms
from wikikg.extract.linkcues import cued_links
from wikikg.extract.makers import by_makers
from wikikg.extract.nonentities import is_event
from wikikg.extract.pairs import LIST_JOIN, paired, strongly_listed
from wikikg.extract.people import is_given_name, is_personal_name
from wikikg.extract.placeends import place_ends
from wikikg.extract.settlements import settled
from wikikg.extract.thenames import the_names
from wikikg.extract.unlinkedplaces import postal_states, unlinked_places
from wikikg.kb import rules
from wikikg.kb.names import name_tables, stop_names
from wikikg.kb.places import places
from wikikg.kb.prefilter import fold, required
from wikikg.kb.vocabulary import org_classes
from wikikg.model import Mention


def by_company(found: list[Mention], text: str, italic: tuple[tuple[int, int], ...] = ()) -> list[Mention]:
    """Places by their region (extract/settlements.py; a state by its postal code first; an unlinked "Mount Foo" only if
    known, extract/landforms.py; a person-shaped name by the words around it, extract/placeends.py; or none after
    "the", extract/thenames.py), then classes by coordination; `italic`: the text's ''italic'' spans. `found` in text
    order."""
    found = postal_states(the_names(place_ends(linked_landforms(found), text), text), text)
    found = settled(kinds_listed(fields_listed(found, text), text), text, italic)
    found = framed_runs(cued_links(by_makers(critic_papers(found, text, italic), text), text), text)
    return unlinked_places(strongly_listed(paired(coordinated(found, text), text), text), text)


def kinds_listed(found: list[Mention], text: str) -> list[Mention]:
    """"investment banks including [[A]], [[B]] and [[C]]", "newspapers such as [[Foo]]": the names listed after a
    plural class noun and its cue (cues.toml [kinds_listed]) are of the noun's class, unless their own words give
    them a class (a shape, a table); an unlinked name only when nothing else types it and it is no place's or given
    name ("retailers such as Foo Mart and Bar Buy"), and no university's ("universities including Fooville": a town's
    name is often its university's short one, and the article may name the town so too). `found` in text order."""
    cue, classes = _kinds()
    if cue is None or not found:
        return found
    if (needed := _cue_words()) is not None and not any(map(fold(text).__contains__, needed)):
        return found  # none of the words the cue cannot match without
    kinds = {}  # where a cue ends -> the class of the plural noun before it ("investment banks including ")
    for c in cue.finditer(text):
        words = text[max(0, c.start() - 40):c.start()].rstrip(" ,").casefold().split()
        if (cls := next((classes[k] for n in (3, 2, 1) if (k := " ".join(words[-n:])) in classes), None)) is not None:
            kinds[c.end()] = frozenset({cls})
    if not kinds:
        return found
    out, i = list(found), 0
    while i < len(out):
        if (cls := kinds.get(out[i].start)) is None:
            i += 1
            continue
        k = i
        while True:
            x = out[k]  # not a short re-mention of a longer name ("Fooville" for "Fooville Hospital")
            if (x.linked and not x.key.startswith(x.text + " ") and x.strength < SHAPE and x.types != cls
                    or not x.linked and not x.types and "University" not in cls and _bare_name(x.key)) and not is_event(x.key):
                out[k] = replace(x, types=cls, strength=CONTEXT)
            if k + 1 < len(out) and LIST_JOIN.fullmatch(text, out[k].end, out[k + 1].start):
                k += 1
                continue
            break
        i = k + 1
    return out


def _bare_name(name: str) -> bool:
    """An unlinked name that may take a listed kind's class: capitalised words, no place's name (a town's name may be
    its university's short one: "universities such as Fooville"), no given name alone, no word that names nothing."""
    words = name.split()
    return all(w[:1].isupper() or w[:1].isdigit() for w in words) and name not in places() \
        and not (len(words) == 1 and is_given_name(name)) and not any(w in stop_names() for w in words)


def _plural(noun: str) -> str:
    if noun.endswith("s"):
        return noun  # "armed forces"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"  # "agency", "military"
    return noun + ("es" if noun.endswith(("x", "ch", "sh")) else "s")


@cache
def _kinds() -> tuple[re.Pattern | None, dict[str, str]]:
    """The cue (cues.toml [kinds_listed]) and the plural class nouns of names.toml [lead] (but its not_nouns) -> class."""
    c = rules.cues()
    classes = {_plural(w).casefold(): cls for cls, words in name_tables().lead.items() for w in words
               if w not in c.kinds_not_nouns and cls != "Place"}
    return c.kinds_listed, classes


@cache
def _cue_words() -> tuple[str, ...] | None:
    """The folded words one of which any match of the cue holds (kb/prefilter.py), or None."""
    cue = _kinds()[0]
    return required(cue) if cue is not None else None


_FIELD_OF = re.compile(r"\b(?:of|for)\s+[A-Z]")  # "Ministry of Agriculture": a body named for its field
_LAST = re.compile(r",?\s+and\s+")


def fields_listed(found: list[Mention], text: str) -> list[Mention]:
    """"the Ministry of Agriculture, Forestry and Water Management": a body named for a field, then other fields
    that nothing names (untyped, unlinked, a few words each) after commas and a last "and", is one name. `found`
    in text order."""
    if " and " not in text or ", " not in text:
        return found  # no list of fields (most sentences)
    out: list[Mention] = []
    i = 0
    while i < len(found):
        m, k = found[i], i + 1
        if m.types and not m.linked and m.strength >= 3 and _FIELD_OF.search(m.text):
            while k < len(found) and not found[k].types and not found[k].linked and len(found[k].text.split()) <= 3 \
                    and text[found[k - 1].end:found[k].start] == ", ":
                k += 1
            if k < len(found) and k > i + 1 and not found[k].types and not found[k].linked \
                    and len(found[k].text.split()) <= 3 and _LAST.fullmatch(text, found[k - 1].end, found[k].start):
                whole = text[m.start:found[k].end]
                out.append(replace(m, text=whole, key=whole, end=found[k].end))
                i = k + 1
                continue
        out.append(m)
        i += 1
    return out


def coordinated(found: list[Mention], text: str) -> list[Mention]:
    """"[[Foo Corp]], [[Bar Ltd]], [[Baz]] and [[Qux Inc]]": a name nothing types (linked, or among people an
    unlinked person's name, not a list's first name after an opening phrase: "Jane Roe"), in a list of at least three names joined only by
    commas and "and"/"or", takes the class of the others when at least two of them, and at least half of the
    list, are typed and all alike. `found` in text order."""
    out = list(found)
    run: list[int] = []
    for i in range(len(out) + 1):
        if i < len(out) and run and LIST_JOIN.fullmatch(text, out[run[-1]].end, out[i].start):
            run.append(i)
            continue
        if len(run) >= 3:
            _type_run(out, run, text)
        run = [i] if i < len(out) else []
    return out


# an opening phrase that a list's first name may close ("According to Foo Council, Fooville and Bazton ...")
_OPENING = re.compile(r"\W*(?:\w+\s+){0,2}(?:to|in|at|for|by|with|from|after|under|on)\s+$", re.I)


def _type_run(out: list[Mention], run: list[int], text: str) -> None:
    typed = {out[i].types for i in run if out[i].types}
    n_typed = sum(1 for i in run if out[i].types)
    mixed = len(typed) > 1 and _performers(out, run)
    if len(typed) != 1 and not mixed or n_typed < 2 or 2 * n_typed < len(run):
        return
    cls = _PERSON if mixed else next(iter(typed))
    for i in run:
        m = out[i]
        if not m.types and _name_like(m.key, "Person" in cls) and (m.linked and not mixed or "Person" in cls and _unlinked_person(
                m, text) and not (i == run[0] and _OPENING.match(text[:m.start])) and (not mixed or is_personal_name(m.key))):
            out[i] = replace(m, types=cls, strength=CONTEXT)


_PERSON = frozenset({"Person"})


def _performers(out: list[Mention], run: list[int]) -> bool:
    """A list of people with a group or two among them ("[[Jane Roe]], [[Foo (band)]], [[John Doe]] and [[Sam
    Sample]]": performers are people and bands alike): at least two people, twice as many as the organisations
    typed, and nothing else typed; its untyped names are people's only where the name parser reads them as people's
    ("Five Man Foo Band" opens with a given name too)."""
    people = sum(1 for i in run if out[i].types == _PERSON)
    groups = sum(1 for i in run if out[i].types and out[i].types != _PERSON and out[i].types <= org_classes())
    return people >= 2 and people >= 2 * groups and people + groups == sum(1 for i in run if out[i].types)


_INITIAL = re.compile(r"\b[A-Z]\.(?:\s|$)")
_POSSESSED = re.compile(r"['’]s\s+$")


def _unlinked_person(m: Mention, text: str) -> bool:
    """An unlinked name of a list of people that may be one too: a known given name first or an initial inside
    ("Jane Roe", "J. Foo Roe"); not a thing someone has ("the society's Silver Jubilee")."""
    return (is_given_name(m.key.split()[0]) or bool(_INITIAL.search(m.key))) \
        and not _POSSESSED.search(text, max(0, m.start - 3), m.start)


_CONNECTORS = frozenset({"of", "the", "de", "del", "la", "le", "and", "y", "du", "des", "von", "van", "der", "da", "di",
                         "al", "el", "bin"})


def _name_like(title: str, person: bool) -> bool:
    """Whether a link's title reads as a proper name: capitalised words (connectors aside), no qualifier, no
    possessive, no event ("Battle of Foo"), no people or faith ("American Jews": a stop word first); a
    person's two to four words, not "The ..." (a band)."""
    words = title.split()
    if not words or "(" in title or "'s" in title or "’s" in title or is_event(title) or words[0] in stop_names():
        return False
    if any(not w[:1].isupper() and w not in _CONNECTORS for w in words):
        return False  # "Foreign relations of Foo", "Anarchism in Bar": concepts
    return not person or (2 <= len(words) <= 4 and words[0] != "The")

