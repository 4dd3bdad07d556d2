"""Entity mentions in a sentence: links, known names and acronyms, capitalised names, the subject."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import islice

from wikikg.extract.aliases import NameMatcher
from wikikg.extract.anaphora import reported_by_another, subject_anaphora
from wikikg.extract.classify import (
    by_context,
    disambiguation,
    ends_in_lower_shape,
    is_concept_title,
    is_government_title,
    is_post,
    is_shape_word,
    name_types,
    split_title,
)
from wikikg.extract.coordination import by_company
from wikikg.extract.fellowlinks import fellowship_body
from wikikg.extract.frames import frame_types
from wikikg.extract.known import CONTEXT, PLACE, SHAPE, STRONG, known_tables
from wikikg.extract.names import POSSESSIVE as _POSSESSIVE
from wikikg.extract.names import abbreviates_a_part, abbreviations, acronym_after, is_role_title, rank_prefix, title_prefix, titles_folded
from wikikg.extract.names import before_taken as _before_taken
from wikikg.extract.names import spans as _spans
from wikikg.extract.nonentities import is_event, is_work_qualifier, italic_title, names_an_honour_before, names_no_entity
from wikikg.extract.nounlinks import names_a_body
from wikikg.extract.officelinks import is_office, is_rank
from wikikg.extract.people import is_given_name, is_personal_name, is_titled_person, personal_types, played_roles, shared_surnames
from wikikg.extract.posts import partisan_split, post_holder
from wikikg.extract.subjectnames import subject_around_links, whole_word_hits
from wikikg.extract.titled import POSTNOMINAL, titled_known, titled_person
from wikikg.extract.unitnames import place_in_unit_name, unit_spans
from wikikg.kb.names import legal_suffixes, name_tables, pages_of_many
from wikikg.kb.places import cities, countries, english_regions, linked_cities, place_by_parts, places, settlement_title
from wikikg.kb.vocabulary import org_classes
from wikikg.model import Mention, Sentence

_ENDS_IN_INITIAL = re.compile(r"\b[A-Z]\.$")
_INITIALLED_NAME = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z]\.)+\s+[A-Z][a-z]+")
_THE = re.compile(r"^(?:the|The)\s+")
_NUMERIC = re.compile(r"[\d\s–-]+")
_THE_BEFORE = re.compile(r"\b([Tt]he)\s+$")


@dataclass
class Context:
    """What the whole article knows: its subject, and every name seen for an entity."""

    subject: Mention
    subject_names: set[str]
    index: dict[str, Mention] = field(default_factory=dict)  # name -> mention template
    typed: dict[str, Mention] = field(default_factory=dict)  # key -> a typed mention (infobox roles)
    capitalised: set[str] = field(default_factory=set)  # words seen capitalised mid-sentence
    other_pronoun: str = ""  # a biography's pronoun for others than its subject ("She" in a man's is his wife): anaphora.py
    work: bool = False  # an untyped subject whose lead sets its name in italics: a work's, no body "the group" stands for
    found: dict[int, tuple] = field(default_factory=dict, repr=False)  # id(sentence) -> its mentions

    def add(self, name: str, m: Mention) -> None:
        """Index `name` as a name of the entity `m` (first one wins)."""
        name = name.strip()
        if len(name) > 1 and name not in self.index and any(c.isupper() for c in name):
            self.index[name] = m


_CAMEL = re.compile(r"[a-z]{1,3}[A-Z][\w-]*$|(?:a[dlnrstz]|ash|el)-[A-Z]")  # "eBay", "iRobot"; "al-Foo Front"


@lru_cache(maxsize=16384)
def is_entity_link(target: str, shown: str) -> bool:
    """Whether a link names an entity: not a list, a number, a common noun, a post or an office."""
    label, _ = split_title(target)
    words = label.split()
    if not words or not shown or _NUMERIC.fullmatch(label) or pages_of_many().match(label):
        return False
    if shown[0].islower() and not _CAMEL.match(shown):  # a common noun, not "eBay", "iRobot", "al-Foo"
        return names_a_body(target, shown)  # but "the [[Bar University|university]]" names the university
    if is_office(target, shown) or len(words) == 1 and is_shape_word(label) or is_rank(target):
        return False  # "[[Company (military unit)|Company]]": the kind of thing, no entity
    last = words[-1].lstrip('"“') or words[-1]  # '[[Foo Brigade "Bar"]]': an epithet in quotes ends a unit's name
    return last[0].isupper() or last[0].isdigit() or len(words) == 1 or last in _lower_legal_forms() or ends_in_lower_shape(label) \
        or is_government_title(label) or _PARTICLE_LAST.match(last) is not None  # "[[Roe ministry (1976–78)]]"


_PARTICLE_LAST = re.compile(r"(?:a[dlnrstz]|ash|el)-[A-Z]|[dl]['’][A-Z]")  # "[[Jabhat al-Akrad]]", "[[Foo d'Estaing]]"


@cache
def _lower_legal_forms() -> frozenset[str]:
    """Legal-form suffixes written in lower case ("plc"): "[[CGU plc]]" names a company."""
    return frozenset(f for f in legal_suffixes() if f[0].islower())


_LIFE = re.compile(r"\d")
# a topic article's title ("Fooland in the Bar War", "History of Foo"): a piped link to it that shows a name
# names that name's entity, not the topic
_TOPIC_TITLE = re.compile(r"\s(?:in|during)\s+the\s|^(?:History|Timeline|Culture|Economy|Politics|Geography|Demographics) of\s")


def _link_mention(target: str, shown: str, start: int, end: int) -> Mention:
    if (body := fellowship_body(target, shown)) is None:
        m = _link_at_nowhere(target, shown)
    else:  # "elected a [[Fellow of the Foo Society]]": the society, where its name stands in the link
        m, start = _unlinked(body, body, -1, -1), start if start < 0 else end - len(body)
    return m if start == end == -1 else _at(m, m.text, start, end)


@lru_cache(maxsize=16384)
def _link_at_nowhere(target: str, shown: str) -> Mention:
    """The mention of a link to `target` showing `shown`, before it is placed in a sentence."""
    label, dis = split_title(target)
    if shown != label and _TOPIC_TITLE.search(label) and shown[:1].isupper() and shown not in label:
        return _unlinked(shown, shown, -1, -1)  # "[[Fooland in the Bar War|Foo Mounted Rifles]]": the unit
    types, strength = disambiguation(dis, label), STRONG
    table = known_tables()[0].get(target)
    if table:
        return replace(table, text=shown, start=-1, end=-1)
    if is_concept_title(target) and not _TOPIC_TITLE.search(label):  # "[[Privately held company|Private Company]]"
        return Mention(shown, target, True, frozenset(), frozenset({shown} - {label}))
    shape = name_types(shown) if shown != label else frozenset()
    if shape & {"GovernmentAgency"} and not name_types(label) and shown != label:
        # "[[Springfield|Springfield City Council]]": the text names the government, not the place
        return Mention(shown, shown, False, shape, strength=SHAPE)
    # "Alabama (state song)", "Bama (soil)": a lower-case qualifier no class word matches: no place its bare name would be
    other = not types and bool(dis) and dis[:1].islower() and not _LIFE.match(dis)
    if not types and not is_work_qualifier(dis):  # "[[The Bridge of Foo (1929 film)]]": a film, no bridge
        types, strength = name_types(label), SHAPE
    if not types and (names_no_entity(label) or is_work_qualifier(dis)):  # "[[Hugo Award]]", "[[Foo (1945 film)]]"
        return Mention(shown, target, True, types, frozenset({shown} - {label}))
    if not types and is_government_title(label):  # "[[Roe ministry (1976–78)]]", "[[Fooville government]]"
        types, strength = frozenset({"GovernmentAgency"}), SHAPE
    if not types and not other and (label in places() or settlement_title(label) or label in linked_cities()
                                    or place_by_parts(label) and not is_event(label)):  # "[[Western Europe]]", "[[Weimar Republic]]"
        types, strength = frozenset({"Place"}), PLACE
    if not types and shape and not is_post(label):  # "[[Armstrong Whitworth|... Whitworth & Co., Limited]]": the shown
        # name's form (not a post's title: "[[Archbishop of Fooville|Western Diocese]]" names the post)
        types, strength = shape, SHAPE
    if not types and not is_event(label) and (is_titled_person(label) or (
            (t := title_prefix().match(label)) and is_personal_name(label[t.end():]))):  # "[[Colonel Charles Roe]]"
        types, strength = frozenset({"Person"}), PLACE
    aliases = frozenset({shown} - {label})
    return Mention(shown, target, True, types, aliases, strength=strength if types else 0)


def resolve_name(name: str, ctx: Context) -> Mention | None:
    """The entity an unlinked name stands for in the article: its subject, a known name, a titled person."""
    n = _POSSESSIVE.sub("", name).strip()
    n = _THE.sub("", n)
    if n in ctx.subject_names or (n.isupper() and n.casefold() in {s.casefold() for s in ctx.subject_names}):
        return ctx.subject  # "ARM" for "Arm": an all-capitals styling of the subject's name
    known = ctx.index.get(n) or known_tables()[0].get(n)
    if known is None:  # "Ms. James": the person named James; "Maj Gen Roe": the Roe named before
        rest, other = titled_known(n, ctx.index)
        if rest in ctx.subject_names and "Person" in ctx.subject.types:
            return ctx.subject
        return other
    return known




def name_mention(name: str) -> Mention:
    """An unlinked name on its own (a list item, a table cell), typed by its shape."""
    return _unlinked(name, name, 0, len(name))


def link_mention(target: str, shown: str) -> Mention:
    """A linked name on its own, typed by its title, disambiguation and shape."""
    return _link_mention(target, shown, -1, -1)


@cache
def _generic() -> re.Pattern:
    return re.compile(name_tables().stop.generic)


def _unlinked(name: str, text: str, start: int, end: int) -> Mention:
    clean = _POSSESSIVE.sub("", name).strip(" .,") if not name.endswith(".") else name
    clean = " ".join(_THE.sub("", clean).split())  # "Foo of Bar  Studies": one name whatever its spaces
    if names_no_entity(clean) or start >= 0 and names_an_honour_before(text, end):  # "Hugo Award", "Business
        return Mention(clean, clean, False, frozenset(), start=start, end=end)  # Administration", "the 85th Academy| Awards"
    if (titled := titled_person(clean, text, start, end)) is not None:
        return titled  # "Dr. Jane Roe" -> Jane Roe, "Maj Gen S. Roe" -> S. Roe
    ranked = rank_prefix().match(clean)
    if ranked and is_personal_name(rest := POSTNOMINAL.sub("", clean[ranked.end():])):
        return Mention(rest, rest, False, frozenset({"Person"}), start=start, end=end, strength=CONTEXT)  # "COL Sara G Roe"
    types, strength = name_types(clean), SHAPE
    if not types and _INITIALLED_NAME.fullmatch(clean):
        types = frozenset({"Person"})
    if not types and (clean in places() or place_by_parts(clean, False) and not is_event(clean)) and not (
            _THE_BEFORE.search(text, max(0, start - 4), start) and _generic_place_word(clean)):
        types, strength = frozenset({"Place"}), PLACE  # not "the Gulf", "the Capital", "the Roma": common nouns
    if not types and (post := POSTNOMINAL.search(clean)) and is_personal_name(clean[:post.start()]):
        clean = clean[:post.start()]  # "Sara Roe GSC", "John Doe OBE": the letters after a name are no part of it
    if not types and is_personal_name(clean):
        types, strength = personal_types(clean, text, start, end)  # "E.R. Roe" may name a firm by the words around
    if not types:
        types, strength = by_context(clean, text, start, end), CONTEXT
    return Mention(clean, clean, False, types, start=start, end=end, strength=strength if types else 0)


def _generic_place_word(name: str) -> bool:
    """A one-word name the gazetteers know only as a subdivision somewhere ("Capital", "Gulf", "West", "Rivers"):
    after "the" it is a common noun, not that place (a country, a large city or a region of an English-speaking
    country stays one: "the Punjab", "the Ohio")."""
    return " " not in name and name not in countries() and name not in cities() and name not in english_regions()


def find_mentions(sentence: Sentence, ctx: Context, first_in_paragraph: bool = True) -> list[Mention]:
    """All entity mentions of a sentence, in order, without overlaps."""
    size = len(ctx.index)
    seen = ctx.found.get(id(sentence))
    if seen is not None and seen[0] is sentence and _unchanged(ctx, seen[1], sentence.text):
        return list(seen[2])
    found = _find_mentions(sentence, ctx)
    ctx.found[id(sentence)] = (sentence, size, found)
    return list(found)


def _unchanged(ctx: Context, size: int, text: str) -> bool:
    """Whether no name indexed since the index had `size` names occurs in the text (the index only grows)."""
    return len(ctx.index) == size or not any(n in text for n in _added_since(ctx, size))


def _added_since(ctx: Context, size: int):
    """The names indexed after the first `size`, newest first (read from the end of the index)."""
    return islice(reversed(ctx.index), len(ctx.index) - size)


def _find_mentions(sentence: Sentence, ctx: Context) -> list[Mention]:
    text = sentence.text
    found: list[Mention] = []
    taken = bytearray(len(text))

    def free(s: int, e: int) -> bool:
        return taken.find(1, s, e) < 0  # (no slice made)

    def take(m: Mention) -> None:
        if text[m.start:m.end].endswith(("'s", "’s")) and m.end - m.start > 2:
            m = replace(m, end=m.end - 2, text=_POSSESSIVE.sub("", m.text))  # the "'s" stays outside
        if free(m.end, m.end + 1):
            m = acronym_after(m, text, ctx)
        found.append(m)
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)

    for s, e in subject_around_links(text, sentence.links, ctx.subject_names):  # "The [[Rudolf Virchow]] Center"
        if free(s, e):
            take(_at(ctx.subject, text[s:e], s, e))
    for name in sorted((n for n in ctx.subject_names if n in text and (", " in n or _SPLIT_NAME.search(n) or n[:1].isdigit())),
                       key=lambda n: (-len(n), n)):  # one name, which the name pass would split: "Faculty of Foo, Bar
        for s, e in whole_word_hits(text, name):  # and Baz", "Roe ministry (1978–80)", "50 Foo Regiment"
            if free(s, e):
                take(_at(ctx.subject, name, s, e))
    for link in sentence.links:
        if (is_entity_link(link.target, link.text) or fellowship_body(link.target, link.text)) and free(link.start, link.end) \
                and not place_in_unit_name(text, link):  # (a fellowship's title: its body's name)
            m = _link_mention(link.target, link.text, link.start, link.end)
            if 0 < m.strength < STRONG and italic_title(sentence.italic, text, m.start, m.end) and not m.types & org_classes():
                m = replace(m, types=frozenset(), strength=0)  # "''[[Foo Theatre]]''": a series', a book's title
            t = ctx.typed.get(m.key)
            if t is not None and t.strength > m.strength:  # the infobox says what it is
                m = replace(m, types=t.types, strength=t.strength)
            take(m)
        elif link.text[:1].isupper() and (is_office(link.target, link.text) or is_rank(link.target)):
            taken[link.start:link.end] = b"\x01" * (link.end - link.start)  # no name inside a post's title
    anaphora = [m for m in subject_anaphora(ctx.subject.types, ctx.subject.key, ctx.work).finditer(text)
                if m[0].lower() != ctx.other_pronoun]
    for m in anaphora:  # "The Group owns ...": before names take "Group"
        if _CAPITAL_NOUN.match(m.group()) and not _CAPITAL_NEXT.match(text, m.end()) and free(m.start(), m.end()) \
                and not _NAME_OF_BEFORE.search(text, max(0, m.start() - 40), m.start()) \
                and not reported_by_another(text, m.start(), ctx.subject_names):
            take(_at(ctx.subject, m.group(), m.start(), m.end()))
    for s, e in unit_spans(_spans(text, True, ctx), text, sentence.links, lambda k: is_entity_link(k.target, k.text)):
        while e > s and text[e - 1] in ".,;:" and not text[s:e].endswith(abbreviations()) \
                and not _ENDS_IN_INITIAL.search(text[s:e]):
            e -= 1
        if e > s and taken[s] and not free(s, e) and (any(m.start <= s < m.end and m.key.casefold() in titles_folded() for m in found)
                                                      or any(k.start <= s < k.end and is_rank(k.target) for k in sentence.links)):
            k = s  # "[[Colonel|COL]] Sara Roe", "[[Admiral]] Sir John Roe": the name after the rank's link
            while k < e and taken[k]:
                k += 1
            k = len(text) - len(text[k:].lstrip(" "))
            if k < e and free(k, e) and text[k].isupper() and " " in text[k:e].strip():
                s = k
        if e > s and free(s, s + 1) and not free(s, e) and (head := post_holder(text[s:taken.find(1, s, e)])):
            known = resolve_name(head, ctx)  # "former Foo CEO [[Jane Roe]]": the organisation, its post, the person
            take(_at(known, head, s, s + len(head)) if known is not None else _unlinked(head, text, s, s + len(head)))
            continue
        if e <= s or not free(s, e) and (e := _before_taken(text, s, e, taken)) <= s:  # "[[X]]" inside the span
            continue
        name = text[s:e]
        known = resolve_name(name, ctx)
        party = None if known is not None else partisan_split(name, ctx.index, lambda n: resolve_name(n, ctx))
        if party is not None:  # "Democrat Jane Roe": her party, then her
            take(_at(party[0], name[:party[1]], s, s + party[1]))
            s = len(text) - len(text[s + party[1]:].lstrip())
            name = text[s:e]
            known = resolve_name(name, ctx)
        det = _THE_BEFORE.search(text, max(0, len(text[:s].rstrip()) - 4), s)
        if known is None and det and f"{det.group(1)} {name}" in ctx.subject_names:
            known, s = ctx.subject, det.start(1)
            name = text[s:e]
        if known is not None:
            take(_at(known, name, s, e))
        elif not _generic().fullmatch(_THE.sub("", name)) and not _titled_post(name):  # "the Audit Committee": no entity
            m = _unlinked(name, text, s, e)
            if m.types and not m.types & org_classes() and italic_title(sentence.italic, text, s, e):
                m = replace(m, types=frozenset(), strength=0)  # "''Foo Island''": a work named like a place or a person
            take(m)
        elif _NAME_NEXT.match(text, e) and (head := post_holder(name)):  # "former Foo Chairman, Jane Roe"
            known = resolve_name(head, ctx)
            take(_at(known, head, s, s + len(head)) if known is not None else _unlinked(head, text, s, s + len(head)))

    for s, e in _alias_matcher(ctx).spans(text):
        if free(s, e):
            known = resolve_name(text[s:e], ctx)
            if known is not None:
                take(_at(known, text[s:e], s, e))
    for m in anaphora:
        if free(m.start(), m.end()) and not reported_by_another(text, m.start(), ctx.subject_names):
            take(_at(ctx.subject, m.group(), m.start(), m.end()))
    found.sort(key=lambda m: m.start)
    found = shared_surnames(_paren_links(found, text), text)
    return played_roles(by_company([_with_context(m, text) for m in found], text, sentence.italic), text)


# a lower-case word after a capitalised first one but a particle ("Roe ministry"), or a quoted nickname ('Jo "Jack" Roe')
_SPLIT_NAME = re.compile(r'\s["“][^"”]+["”]\s|^[A-Z]\S*(?:\s+\S+)*?\s+'
                         r'(?!(?:of|the|and|for|on|in|at|to|de|du|des|la|le|y|et|und|von|van|der|di|da|do)\s)[a-z]')
_NAME_NEXT = re.compile(r",?\s*[A-Z]")  # a name after a post's title: "Foo Chairman, Jane Roe"
_CAPITAL_NOUN = re.compile(r"[Tt]he\s+[A-Z]")  # "the Group", "The Company": corporate prose's capitalised noun
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")  # "the Group Chief Executive": the noun heads another name
_NAME_OF_BEFORE = re.compile(r"[A-Z][\w-]*\s+(?:of|for|to)\s+$")  # "Secretariat of the Commission": one name


def _titled_post(name: str) -> bool:
    """Whether an unlinked name is a post or an honour named for someone ("Thouron Fellow", "Foo Professor"):
    two words or more, the last a role word of names.toml [roles], no class by its shape, and no given name
    first ("Paul Fellows" is a person)."""
    words = name.split()
    return len(words) > 1 and is_role_title(words[-1]) and not name_types(name) and not is_given_name(words[0])


def _at(m: Mention, text: str, start: int, end: int) -> Mention:
    """`m` as shown by `text` at [start, end) (dataclasses.replace, without its cost in this loop)."""
    return Mention(text, m.key, m.linked, m.types, m.aliases, start, end, m.authority, m.strength)


def _paren_links(found: list[Mention], text: str) -> list[Mention]:
    """"Huawei-3Com ([[H3C]])": a name followed by its linked short form in parentheses is one
    entity, the linked one, with the name as an alias ("Foo Partisi ([[Foo Party]])" too); not a person's name ("the diva Jane
    Roe ([[Janet Doe]])": a role and its actor)."""
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        if prev is not None and m.linked and not prev.linked and text[prev.end:m.start] == " (" \
                and text[m.end:m.end + 1] == ")" and sum(c.isupper() for c in m.text) >= 2 and "Person" not in m.types \
                and not abbreviates_a_part(m.text, prev.text):  # "the Foo Brigade of the Bar Army (BA)": the army's
            out[-1] = replace(m, text=text[prev.start:m.end + 1], start=prev.start, end=m.end + 1, aliases=m.aliases | {prev.text})
            continue
        out.append(m)
    return out


def _with_context(m: Mention, text: str) -> Mention:
    if m.strength >= SHAPE or m is None:
        return m
    ctx_types = by_context(m.text, text, m.start, m.end) or (not m.types and m.linked and frame_types(m.key, text, m.start, m.end))
    if ctx_types and (not m.types or m.strength < CONTEXT):
        return replace(m, types=ctx_types, strength=CONTEXT)
    return m


def _alias_matcher(ctx: Context) -> NameMatcher:
    """One matcher of every known name, given the names indexed since it was last asked for."""
    cached = getattr(ctx, "_alias_cache", None)
    size, subjects = len(ctx.index), len(ctx.subject_names)
    if cached is not None and cached[1] == subjects:
        if cached[0] != size:
            cached[2].add(reversed(list(_added_since(ctx, cached[0]))))
            ctx._alias_cache = (size, subjects, cached[2])
        return cached[2]
    matcher = _base_matcher().copy()
    matcher.add(ctx.subject_names)
    matcher.add(ctx.index)
    ctx._alias_cache = (size, subjects, matcher)
    return matcher


@cache
def _base_matcher() -> NameMatcher:
    """A matcher of the authorities, programmes and exchanges (copied per article), its start pattern
    compiled (the one most articles' matchers share)."""
    matcher = NameMatcher(known_tables()[0])
    matcher.spans("")
    return matcher
