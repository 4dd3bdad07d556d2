"""The article's context for its mentions: the subject's names and an index of every entity name it names."""
from __future__ import annotations

import re
from dataclasses import replace

from wikikg.extract.anaphora import other_pronoun
from wikikg.extract.classify import name_types, split_title
from wikikg.extract.known import CONTEXT, PLACE, SHAPE
from wikikg.extract.mentions import Context, find_mentions, is_entity_link, link_mention
from wikikg.extract.names import POSSESSIVE as _POSSESSIVE
from wikikg.extract.names import short_form
from wikikg.extract.nonentities import italic_title
from wikikg.extract.people import SurnameUse
from wikikg.extract.samepeople import person_name_key
from wikikg.extract.subjectnames import known_as, own_bold, short_names, subject_initialisms, subject_surname
from wikikg.extract.teams import team_nickname
from wikikg.extract.titled import titled_person
from wikikg.extract.titlepeople import titled_person_link
from wikikg.kb.names import partisan_nouns, stop_names
from wikikg.kb.places import linked_towns, places
from wikikg.model import Mention, ParsedArticle

_GENERATION = re.compile(r"(?P<name>[^,]+) (?P<generation>Jr|Sr)\.?")  # the subject's title as older prose writes it

_LEADING_THE = re.compile(r"^The\s+")
_MID_SENTENCE_CAPITAL = re.compile(r"([A-Z](?<=[a-z,;] .)[\w'’-]+)")  # "(?<=[a-z,;] )([A-Z]...)", the capital first
_OF_FOR_IN = re.compile(r"\s+(?:of|for|in|at|on)\s+")
_INITIAL = re.compile(r"[A-Z]\.")  # a middle initial ("[[John Q. Roe]]": "Roe" is his surname all the same)
_DOMAIN = re.compile(r"([A-Z][\w-]+)\.(?:com|net|org|co\.uk)$")


def article_context(article: ParsedArticle, subject: Mention, known: tuple[Mention, ...] = ()) -> Context:
    """The subject's names and an index of every entity name the article links or introduces;
    `known` are typed mentions from elsewhere in the article (its infobox)."""
    label, _ = split_title(article.title)
    names = {label, article.title}
    for i, s in enumerate(article.sentences[:3]):
        item = i and (s.item or article.text[article.text.rfind("\n", 0, s.start) + 1:s.start].startswith(("*", "#")))
        for bs, be in () if item else own_bold(s):  # "* '''Foo Division'''" in a short article: a list's item
            bold = s.text[bs:be].strip()
            if i and "Person" not in subject.types and (t := titled_person(bold, bold, 0, len(bold))) and t.types:
                continue  # a unit raised by a titled person set in bold for emphasis: no name of the unit
            names.add(bold)
        names.update(known_as(s))
    for box in article.infoboxes:
        f = box.field("name")
        if f and f.items and f.items[0].text:
            names.add(f.items[0].text)
    for n in list(names):
        short = short_form().sub("", n)
        names.add(short)
        names.add(_LEADING_THE.sub("", short))
    names = {n for n in names if n and len(n) > 1}
    names |= {f"{g['name']}, {g['generation']}{dot}" for n in names if (g := _GENERATION.fullmatch(n))
              for dot in ("", ".")}  # "Jane Roe Jr." is "Jane Roe, Jr." and "Jane Roe, Jr" too
    names |= {n[0].lower() + n[1:] for n in names  # a title's first letter is always capitalised:
              if n[:2].isupper() and n[0].lower() + n[1:] in article.text}  # "EBay" is "eBay"
    names |= short_names(names, article)
    names |= subject_surname(label, subject, article)
    names |= subject_initialisms(names, article, subject)
    for full in {label, min(names, key=len) if names else label}:
        head = _OF_FOR_IN.split(full)[0].split()
        if len(head) > 1 and head[-1][:1].isupper() and head[-1].isalpha():
            names |= {f"the {head[-1]}", f"The {head[-1]}"}  # "the Star", "The Institute", "the Club"
    ctx = Context(subject, names)
    ctx.other_pronoun = other_pronoun(article.text) if "Person" in subject.types else ""
    ctx.work = not subject.strength and _italic_lead(article)
    ctx.typed = {m.key: m for m in known if m.types and m.strength >= SHAPE}
    surnames: dict[str, set[str]] = {}
    stop = stop_names()
    use: SurnameUse | None = None  # made when an untyped link first asks
    teams: dict[str, dict[str, Mention]] = {}  # a team's nickname -> the teams the article links that bear it
    # one search of all the sentences (a line break between two stops a match as a sentence's start does)
    mid = set(_MID_SENTENCE_CAPITAL.findall("\n".join(s.text for s in article.sentences)))
    ctx.capitalised.update(_POSSESSIVE.sub("", w) for w in mid)
    for s in article.sentences:
        for link in s.links:
            if is_entity_link(link.target, link.text):
                m = link_mention(link.target, link.text)
                if m.key == subject.key:
                    continue
                label = split_title(m.key)[0] if m.linked else m.key
                t = ctx.typed.get(m.key)
                if t is not None and t.strength > m.strength:
                    m = replace(m, types=t.types, strength=t.strength)
                if not m.types and label == m.key and label.split()[0] not in stop \
                        and (use := use or SurnameUse(article.text)).person(label):
                    m = ctx.typed[m.key] = replace(m, types=frozenset({"Person"}), strength=PLACE)  # "Roe" again and again
                elif not m.types and label == m.key and titled_person_link(label, link.text, use := use or SurnameUse(article.text)):
                    m = ctx.typed[m.key] = replace(m, types=frozenset({"Person"}), strength=CONTEXT)  # "[[Jane Roe]]"
                if not m.types and label in stop:
                    continue  # "[[Protestant]]": the word elsewhere ("Protestant churches") names nothing
                ctx.add(label, m)
                if "SportsClub" in m.types and (nick := team_nickname(label)) is not None:
                    teams.setdefault(nick, {})[m.key] = m  # "the Bears" for "[[Fooville Bears]]"
                for noun in partisan_nouns(label):  # "[[Foo Democratic Party]]" ... "a Democrat": its member
                    ctx.add(noun, m)
                if (dot := _DOMAIN.match(label)) is not None:
                    ctx.add(dot.group(1), m)  # "[[Foo.com]]" is "Foo" in its prose ("Foo spokesman Jane Roe")
                if link.text not in places() or not label.startswith(f"{link.text} "):  # "[[Foo Province|Foo]]":
                    ctx.add(link.text, m)  # the city's name stays the city's ("[[Birmingham, Alabama|Birmingham]]" is it)
                words = [w for i, w in enumerate(label.split()) if not (0 < i < len(label.split()) - 1 and _INITIAL.fullmatch(w))]
                if 2 <= len(words) <= 4 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words) \
                        and not name_types(label) and ("Person" in m.types
                                                       or not any(_town(" ".join(words[:k])) for k in (1, 2, 3, 4))):
                    for w in {words[0], words[-1]}:  # family names come first in some languages
                        if len(w) > 2:
                            surnames.setdefault(w, set()).add(m.key)
    boxed = {m.key: m for m in known if "Person" in m.types}  # the infobox's people ("key_people = Jane Roe")
    for m in boxed.values():
        words = (split_title(m.key)[0] if m.linked else m.key).split()
        if 2 <= len(words) <= 4 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
            if len(words[-1]) > 2:
                surnames.setdefault(words[-1], set()).add(m.key)
    first: dict[str, Mention] = {}  # each key's first mention in the index (what is added below has a key there)
    for m in ctx.index.values():
        first.setdefault(m.key, m)
    for surname, keys in surnames.items():  # "Roe" for "Jean-Paul Roe", if unambiguous (and not the
        # subject's own: "Roe" in Jane Roe's article is hers, not her son's)
        if _one_person(keys) and surname not in ctx.index and surname not in places() and surname not in stop \
                and surname not in ctx.subject_names:
            owner = first.get(max(keys, key=len)) or boxed.get(max(keys, key=len))
            if owner is not None:
                ctx.add(surname, owner)
    for nick, owners in teams.items():  # "the Bears" alone names the one team the article links by that nickname,
        # unless the subject bears it too ("the Bears" in the Barton Bears' article are they)
        if len(owners) == 1 and nick not in ctx.index and not any(f" {nick} " in f" {n} " for n in ctx.subject_names):
            ctx.add(nick, next(iter(owners.values())))
    _add_without_initials(ctx)
    for s in article.sentences:  # acronyms introduced in parentheses
        for m in find_mentions(s, ctx):  # finding them registers the acronyms in ctx
            for noun in () if m.linked else partisan_nouns(m.key):  # an unlinked "Foo Democratic Party" too
                ctx.add(noun, m)
    return ctx


def _town(name: str) -> bool:
    """A place's name, a town's too: "[[Fooville School]]" is not "Fooville", the town it is named after."""
    return name in places() or name in linked_towns()


def _add_without_initials(ctx: Context) -> None:
    """"Kevin Keyes" for the infobox's or a link's "Kevin G. Keyes": a person's name without its middle initials
    names the same person in prose, unless two people share it."""
    owners: dict[str, set[str]] = {}
    people = {m.key: m for m in (*ctx.typed.values(), *ctx.index.values()) if "Person" in m.types}
    for key in people:
        if (bare := person_name_key(key)) is not None and bare != key:
            owners.setdefault(bare, set()).add(key)
    for bare, keys in owners.items():
        if len(keys) == 1 and bare not in ctx.subject_names:
            ctx.add(bare, people[next(iter(keys))])


def _one_person(keys: set[str]) -> bool:
    """Whether link titles name one person: one title, titles that differ only by middle initials ("Edwin Q. Roe",
    "Edwin Roe"), or titles of one first and last name whose middle names agree up to initials ("Joseph A. Roe",
    "Joseph Albert Roe")."""
    names = {person_name_key(k) for k in keys}
    if len(keys) == 1 or len(keys) == 2 and len(names) == 1 and names <= keys:
        return True  # "Edwin Q. Roe" and "Edwin Roe"
    parts = [k.split() for k in keys]
    if any(len(p) < 2 or split_title(k)[1] is not None for p, k in zip(parts, keys, strict=True)) \
            or len({(p[0], p[-1]) for p in parts}) > 1 or len({len(p) for p in parts}) > 1:
        return False
    return all(len({w.rstrip(".")[:1] if _INITIAL.fullmatch(w) or len(w) > 2 else w for w in column}) == 1 and
               len({w for w in column if not _INITIAL.fullmatch(w)}) <= 1 for column in zip(*(p[1:-1] for p in parts), strict=True))


def _italic_lead(article: ParsedArticle) -> bool:
    """Whether the lead sets the subject's first bold name in italics ("'''''Foo''''' is an album by ..."): a
    work's title (an album, a film, a book, a game) or a ship's, as Wikipedia sets them."""
    first = article.sentences[0] if article.sentences else None
    bold = own_bold(first) if first else []
    return bool(bold) and italic_title(first.italic, first.text, *bold[0])

