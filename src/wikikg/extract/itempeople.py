"""Person items of any list: the organisation a comma after the person's name gives ("* Jane Roe, Foo Library"), and posts."""
from __future__ import annotations

import re
from functools import lru_cache

from wikikg.extract.classify import split_title
from wikikg.extract.entailment import is_membership_body
from wikikg.extract.known import CONTEXT, SHAPE
from wikikg.extract.mentions import Context, find_mentions
from wikikg.extract.names import titles_folded
from wikikg.extract.people import is_personal_name
from wikikg.kb.names import name_tables
from wikikg.kb.sections import item_people_unless
from wikikg.kb.vocabulary import org_classes
from wikikg.model import DateValue, Evidence, Mention, ParsedArticle, Sentence, Statement

RULE = "list.person-comma-org"
POST_RULE = "list.person-post-of"
_JOINS = re.compile(r",|\(|\s[–—-]\s")  # a comma, a parenthesis or a spaced dash: what joins a person to an organisation
_ITEM = re.compile(r"[ \t]*[*#]+[ \t]*(?:(?:\[\[(?:File|Image):[^\[\]]*\]\]|\{\{[^{}]*\}\})[ \t]*)*$", re.I)
# before the item's first person: nothing, a year or a term and its separator ("1999: ", "1990–1992 - ")
_LEAD = re.compile(r"\s*(?:\d{4}(?:\s*[–—-]\s*(?:\d{2,4}|present))?\s*[:–—-]?\s*)?")
# between two people of one item ("Jane Roe, Foo Library, Fooville and John Roe, Bar Library")
_NEXT = re.compile(r"\s*(?:,\s*)?(?:and|&|;)\s*|\s*;\s*")
# after the organisation: its town and region ("Fooville", "Fooville, Barshire"), a note or a year in
# parentheses ("(1999)", "(posthumous award)"), nothing else
_TAIL = re.compile(r"(?:\s*,\s*(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|\d{4}(?:\s*[–—-]\s*(?:\d{2,4}|present))?)){0,2}"
                   r"(?:\s*\([^()]*\))*\s*[.;,]?\s*")


# "* Creative Director – Jane Roe", "* Art Director, Designer - John Roe": a few words, a spaced dash, then a person
_DASH_LABEL = re.compile(r"[A-Z][\w.'’&/-]*(?:,?\s+[\w.'’&/-]+){0,5}?\s+[–—-]\s+(?=(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}))")


def dash_label(text: str) -> int:
    """The end of a post that labels a person list's item before a spaced dash ("* Creative Director – Jane Roe",
    "* Test Manager - John Roe"): the words before the dash are no one's name and those after it are (0 if not)."""
    m = _DASH_LABEL.match(text)
    if m is None or not is_personal_name(m["name"]):
        return 0
    label = text[:m.end()].rstrip(" –—-")
    return 0 if is_personal_name(label) else m.end()


@lru_cache(maxsize=1)
def _gap() -> re.Pattern:
    """Between the person and the organisation: a comma, an opening parenthesis or a spaced dash, perhaps with a
    post and "of" / "at" (names.toml [roles]: "Jane Roe, President of the [[Foo Society]]", "Jane Roe (former
    director of [[Foo Institute]])", "Jane Roe – [[Foo Party]]"). Group "open": the parenthesis, "role": the post."""
    t = name_tables()
    roles = "|".join(sorted(map(re.escape, t.roles), key=len, reverse=True))
    mods = "|".join(sorted(map(re.escape, t.role_modifiers), key=len, reverse=True))
    return re.compile(rf"\s*(?:,|(?P<open>\()|\s[–—-])\s*(?:(?:(?:former|then|later|current|the|a|an)\s+)?"
                      rf"(?:(?:{mods})\s+){{0,3}}(?P<role>{roles})s?\s+(?:of|at|with|for)\s+(?:the\s+)?)?", re.I)


@lru_cache(maxsize=1)
def _post() -> re.Pattern:
    """A post opening a phrase of a person's description, right before the organisation it names (names.toml [roles]):
    ", former President of the ", "- founding member and past president of ", "; Director of ", ", President and CEO, ".
    Group "mods": its modifiers, "role" and "role2": the posts."""
    t = name_tables()
    roles = "|".join(sorted(map(re.escape, {*t.roles, *t.offices, *t.role_heads} - _FOUNDERS), key=lambda r: (-len(r), r)))
    mods = "|".join(sorted(map(re.escape, t.role_modifiers), key=len, reverse=True))
    return re.compile(rf"(?:^|[,;]|\s[–—-]|\band)\s*(?:(?:the|a|an|former|past|later|then|current|first|founding|national|"
                      rf"[a-z]+ly)\s+)*(?P<mods>(?:(?:{mods})[\s-]+){{0,3}})(?P<role>{roles})s?(?:\s*(?:and|&)\s*(?P<role2>{roles}))?"
                      rf"(?:\s+(?:of|at|for|with)\s+(?:the\s+)?|\s*,\s*|\s+)\Z", re.I)


_FOUNDERS = frozenset({"Founder", "Co-founder", "Co-Founder"})  # a founder's item is foundedBy's, no post
_EVENTS = {"keyPerson": "Appointment", "memberOf": "Membership", "affiliatedWith": "Affiliation"}
# "President of [[Foo College]] (1817–1846)", "Chairman of the [[Foo Society]] since 2003": the post's first year
_TERM = re.compile(r"\s*(?:\(\s*(\d{4})\s*[–—-]\s*(?:\d{4}|present)?\s*\)|since\s+(\d{4})\b)")
_NOT_HEAD = re.compile(r"\b(?:vice|deputy|assistant|associate|adjunct)\b", re.I)


def _item_posts(text: str, mentions: list[Mention], ctx: Context) -> list[tuple[Mention, Mention, str, DateValue | None]]:
    """(person, organisation, relation, start) for each post the description of an item's first person gives it, up to
    the next person the item names: "* [[Jane Roe]], politician, activist, former President of [[Foo Committee]]" (a
    head's post: keyPerson; a member's or a fellow's: memberOf; else affiliatedWith), dated by the years in
    parentheses right after the organisation ("President of [[Foo College]] (1817–1846)")."""
    pos = _LEAD.match(text).end()
    if not mentions or mentions[0].start < pos or not _before_ok(text[pos:mentions[0].start]) \
            or not _is_person(mentions[0], ctx, _titled(text, pos, mentions[0])):
        return []
    person, out, heads = mentions[0], [], {h.casefold() for h in name_tables().role_heads}
    for org in mentions[1:]:
        if "Person" in org.types:
            break  # another person: what follows may be theirs ("son of [[John Roe]], president of [[Foo]]")
        if not _is_org(org) or (post := _post().search(text, person.end, org.start)) is None \
                or post.end() != org.start:
            continue
        roles = {post["role"].casefold(), (post["role2"] or "").casefold()}  # "President and CEO"
        relation = "memberOf" if roles & {"member", "fellow"} else "keyPerson" if roles & heads and not _NOT_HEAD.search(
            post["mods"]) else "affiliatedWith"
        years = _TERM.match(text, org.end)
        out.append((person, org, relation, DateValue(years.group(1) or years.group(2), "gYear") if years else None))
    return out


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Titles and ranks that may stand before a listed person's name ("Colonel", "Dr.", "COL")."""
    return titles_folded() | {r.casefold() for r in name_tables().stop.ranks}


def extract_item_people(article: ParsedArticle, ctx: Context, found: list[Statement]) -> list[Statement]:
    """A person of a bulleted item followed by a comma and an organisation that its name or link types, then
    nothing but a town, a note or a year: "* '''Jane Roe''', Fooville Public Library, Fooville (1999)" under an
    award's recipients, "* Colonel Sam Roe, [[Freedonian Army]] (FA)": the person is affiliated with it (a
    member of it when it is a party). Under any heading but one of works (sections.toml [item_people]: "* Jane
    Roe, [[Foo Press]]" is a book's publisher); pairs `found` already relates are left to it."""
    out: list[Statement] = []
    related = {frozenset((st.subject.key, st.obj.key)) for st in found if isinstance(st.obj, Mention)}
    headed = {(st.subject.key, st.obj.key) for st in found if st.predicate == "keyPerson" and isinstance(st.obj, Mention)}
    citations = {c.key: c for c in article.citations}
    unless = item_people_unless()
    for sentence in article.sentences:
        if not _is_item(article, sentence) or unless.search(sentence.section) or not _JOINS.search(sentence.text):
            continue
        mentions = [m for m in find_mentions(sentence, ctx) if m.end > m.start]
        for person, org, relation, date in _item_posts(sentence.text, mentions, ctx):
            if (org.key, person.key) in headed or relation != "keyPerson" and frozenset((person.key, org.key)) in related:
                continue  # "* [[Jane Roe]], CEO [[Foo Corp]]": the employer a list gave her, and her post there
            related.add(frozenset((person.key, org.key)))
            headed.add((org.key, person.key))
            s, o = (org, person) if relation == "keyPerson" else (person, org)
            out.append(Statement(s, relation, o, POST_RULE, Evidence.of_sentence(sentence), _EVENTS[relation], date, None,
                                 tuple(citations[k] for k in sentence.citations if k in citations)))
        for person, org, member in _pairs(sentence.text, mentions, ctx):
            if frozenset((person.key, org.key)) in related:
                continue
            related.add(frozenset((person.key, org.key)))
            party = member or is_membership_body(split_title(org.key)[0])  # "Jane Roe, Member of the Foo Council"
            out.append(Statement(person, "memberOf" if party else "affiliatedWith", org, RULE,
                                 Evidence.of_sentence(sentence), "Membership" if party else "Affiliation", None, None,
                                 tuple(citations[k] for k in sentence.citations if k in citations)))
    return out


def _is_item(article: ParsedArticle, sentence: Sentence) -> bool:
    """Whether a sentence starts a bulleted or numbered item ("* ", "# ", past an icon or a flag)."""
    line_start = article.text.rfind("\n", 0, sentence.start) + 1
    return _ITEM.match(article.text[line_start:sentence.start]) is not None


def _pairs(text: str, mentions: list[Mention], ctx: Context) -> list[tuple[Mention, Mention, bool]]:
    """(person, organisation, whether the post is "Member") of each person who starts the item or follows "and" /
    ";" after the previous pair."""
    out: list[tuple[Mention, Mention, bool]] = []
    pos = _LEAD.match(text).end()
    i = 0
    while i + 1 < len(mentions):
        person, org = mentions[i], mentions[i + 1]
        if person.start < pos or not _before_ok(text[pos:person.start]) \
                or not _is_person(person, ctx, _titled(text, pos, person)) \
                or not _is_org(org) or (gap := _gap().fullmatch(text, person.end, org.start)) is None:
            break
        j = i + 2  # past the places the tail names ("Fooville"), to the item's next person, if any
        while j < len(mentions) and not mentions[j].types & (org_classes() | {"Person"}):
            j += 1
        tail_end = len(text)
        if j < len(mentions):
            sep = re.search(r"(?:,\s*)?(?:\band\b|&|;)", text[org.end:mentions[j].start])
            if sep is None or not _is_person(mentions[j], ctx):
                break  # another name after the organisation that starts no second pair: a longer sentence
            tail_end = org.end + sep.start()
        tail = org.end
        if gap["open"] and (close := re.compile(r"\s*\)").match(text, tail)) is None:
            break  # "Jane Roe (President of [[Foo Society]] and ...)": more than the post in the parenthesis
        tail = close.end() if gap["open"] else tail
        if not _TAIL.fullmatch(text, tail, tail_end):
            break
        out.append((person, org, (gap["role"] or "").casefold() == "member"))
        if j >= len(mentions):
            break
        pos, i = _NEXT.match(text, tail_end).end(), j
    return out


def _titled(text: str, pos: int, person: Mention) -> bool:
    """Whether a title or a rank stands before the person, before its mention or inside its span ("Colonel Sam Roe")."""
    return bool(text[pos:person.start].strip(" '\"")) or person.end - person.start > len(person.text)


def _before_ok(prefix: str) -> bool:
    """Whether what stands before a listed person is nothing or a title or a rank ("Colonel", "Dr.", "LTC")."""
    prefix = prefix.strip(" '\"")
    return not prefix or prefix.casefold().rstrip(".") in _titles() or prefix.casefold() in _titles()


def _is_person(m: Mention, ctx: Context, titled: bool = False) -> bool:
    """A person its link, its name or a title before it types (not other context words), not the article's subject."""
    return "Person" in m.types and m.key != ctx.subject.key and not m.types & org_classes() and (
        m.linked or m.strength > CONTEXT or titled)


def _is_org(m: Mention) -> bool:
    """An organisation its own name's shape or its link types (not a place, a person or a name nothing types)."""
    return bool(m.types & org_classes()) and "Place" not in m.types and "Person" not in m.types and (m.linked or m.strength >= SHAPE)
