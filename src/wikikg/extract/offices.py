"""An officeholder's posts in an infobox: the organisation a post heads, and who held it before and after."""
from __future__ import annotations

import functools
import re

from wikikg.extract.classify import name_types, split_title
from wikikg.extract.entailment import is_service_body
from wikikg.extract.names import is_role_title, title_prefix
from wikikg.extract.nonentities import names_no_entity
from wikikg.kb.names import name_tables, subjectless_pages
from wikikg.kb.places import places
from wikikg.kb.vocabulary import org_classes
from wikikg.model import FieldItem, Mention

# "Master of Foo College, Oxbridge", "Director of the [[Foo Institute]]", "7th President of X":
# a role title, "of" or "at", and the organisation; "Secretary of State for X" or "Member of Parliament
# for X" name a post of a state or a seat, not an organisation that the post heads
_POST = re.compile(r"(?P<role>[^\W\d][\w.'’ -]*?)\s+(?:of|at)\s+(?:the\s+)?(?P<org>[A-Z0-9].*?)\s*$")
_LEAD = re.compile(r"\s*(?:(?:the\s+)?\d+(?:st|nd|rd|th)\s+)?", re.IGNORECASE)  # "7th President of X"


def office_organisation(item: FieldItem) -> Mention | None:
    """The organisation a post names ("Master of Foo College" -> Foo College), typed by its name's words, or
    None when the text is not a role title followed by an organisation's name."""
    m = _POST.fullmatch(item.text, _LEAD.match(item.text).end())
    if m is None or not (is_role_title(m["role"]) or m["role"] in name_tables().role_heads):
        return None  # "Leader of the [[Foo Party]]", "Principal of [[Bar College]]": a head's post heads it too
    if (body := linked_body(item, m["role"])) is not None:
        return body
    head_only = not is_role_title(m["role"])  # a chamber's "Leader" or "Leader of the Opposition" heads no chamber
    name, start = m["org"], m.start("org")
    links = [k for k in item.links if k.start < start + len(name) and start < k.end]
    if len(links) == 1 and links[0].start == 0 and links[0].end >= start + len(name) \
            and item.text[:start].rstrip().endswith((" the", " The")):
        links = []  # "[[Director of the Foo Agency]]": the post's own article, the organisation named in its text
        # (after "the": "[[Secretary of State for Foo]]" is a state's post)
    if len(links) > 1 or links and (links[0].start != start or links[0].text != name):
        return None  # the organisation is not one name, or not all of it is the link
    link = links[0] if links else None
    key = link.target if link is not None else name
    types = name_types(split_title(key)[0]) or name_types(name)
    if not types or not types <= org_classes() or head_only and "GovernmentAgency" in types:
        return None  # a state, a place or a field ("President of [[X]]", "Professor of Greek"): no organisation
    aliases = frozenset({name}) if link is not None and name != split_title(key)[0] else frozenset()
    return Mention(text=name, key=key, linked=link is not None, types=types, aliases=aliases, strength=3)


def linked_body(item: FieldItem, role: str) -> Mention | None:
    """The body a head's post links whole ("[[Roman Catholic Diocese of Foo|Bishop of Foo]]": the diocese), when the
    link's title names an organisation by its words; None for a post's own article ("[[Bishop of Foo]]"), a place's, a list's."""
    if len(item.links) != 1 or role not in name_tables().role_heads:
        return None
    link = item.links[0]
    if link.start != 0 or link.end < len(item.text.rstrip()):
        return None
    label = split_title(link.target)[0]
    types = name_types(label)
    if not types or not types <= org_classes() or subjectless_pages().match(label) \
            or _POST.fullmatch(label) and any(is_role_title(w) or w in name_tables().role_heads
                                              for w in label.split(" of ")[0].split()):
        return None  # ("[[List of Chancellors of Foo University|Chancellor of Foo University]]": a list's page; "[[Foo
        # Navy Director of Works|Director of Works]]": the post's own article)
    return Mention(text=link.text, key=link.target, linked=True, types=types, strength=3)


_MEMBER = re.compile(r"(?:(?:the\s+)?\d+(?:st|nd|rd|th)\s+)?Member\s+of\s+(?:the\s+)?(?P<org>[A-Z].*?)\s*$")


def member_seat(item: FieldItem) -> Mention | None:
    """The body a "Member of" post seats its holder in ("office3 = [[Foo House of Representatives|Member of the
    Foo House of Representatives]]", "office = Member of the [[Bundestag]]"), when one link names it and its
    name says it is an organisation or a chamber; None for a seat's post ("Member of Parliament for [[X]]")."""
    m = _MEMBER.fullmatch(item.text)
    if m is None or len(item.links) != 1:
        return None
    link = item.links[0]
    whole = link.start == 0 and link.end >= len(item.text.rstrip())  # the whole post links its body
    if not whole and (link.start != m.start("org") or link.text != m["org"]):
        return None
    types = seat_types(split_title(link.target)[0])
    return Mention(text=link.text, key=link.target, linked=True, types=types, strength=3) if types else None


def seat_types(label: str) -> frozenset[str]:
    """The classes of the body a "Member of" post names ("Foo House of Representatives": a chamber), by its name's words
    or as a chamber one serves in; empty for a name of no organisation, or a post's own ("Member of Parliament")."""
    types = name_types(label) or (frozenset({"GovernmentAgency"}) if is_service_body(label) else frozenset())
    if not types or not types <= org_classes() or is_role_title(label.split(" of ")[0]):
        return frozenset()
    return types


@functools.cache
def _seat_links() -> tuple[re.Pattern, re.Pattern]:
    """names.toml's seat-link titles ([membership] seat_links) and a chamber's kinds that name no chamber ([service] unnamed)."""
    tables = name_tables()
    return re.compile(tables.seat_links), re.compile(tables.unnamed_chambers)


def seat_body(target: str, shown: str) -> str | None:
    """The body a "Member of" post's own article names by its title ("[[Member of the Foo Parliament]]": Foo
    Parliament; names.toml [membership] seat_links), when the link shows that title; None for a seat in no body named
    ("[[Member of Parliament]]", "Member of the Legislative Assembly": names.toml [service] unnamed), an honour's
    grade ("Member of the Order of Foo"), or a post-nominal ("[[Member of the Foo Parliament|MFP]]")."""
    pattern, unnamed = _seat_links()
    label = split_title(target)[0]
    m, shown_m = pattern.fullmatch(label[:1].upper() + label[1:]), pattern.fullmatch(shown[:1].upper() + shown[1:])
    if m is None or shown_m is None or shown_m["body"] != m["body"] or unnamed.fullmatch(m["body"]) \
            or names_no_entity(m["body"]) or names_no_entity(label):
        return None  # ("[[Member of the Foo Parliament|Members of the Foo Parliament]]": the body stands in the text too)
    return m["body"] if seat_types(m["body"]) else None


_PARTY_STATE = re.compile(r"\(?(?:[A-Z]{1,3}\s*[-–]\s*)?(?P<place>[^()]+?)\)?")  # "D-Indiana", "(R–Alaska)", "Arkansas"


def holder_items(items: tuple[FieldItem, ...]) -> list[FieldItem]:
    """A post's predecessor's or successor's items without the place a line under the name gives ("[[Jane Roe]]<br>
    D-[[Fooshire]]": the state a senator sits for), which names no one who held the post."""
    return [i for i in items if not ((m := _PARTY_STATE.fullmatch(i.text.strip())) and m["place"] in places()
                                     and all(split_title(k.target)[0] in places() for k in i.links))]


@functools.cache
def titles() -> frozenset[str]:
    """Titles before a person's name (names.toml [stop] titles), lower-cased."""
    return frozenset(t.casefold() for t in name_tables().stop.titles)


def names_office(name: str) -> bool:
    """Whether a value names an office, not its holder: a title or role and "of" ("Governor of Kerala"), or a
    head's post with its modifiers ("Provisional Bishop of Foo")."""
    words = name.split()
    if len(words) >= 3 and words[1] in ("of", "for") and (
            words[0].casefold() in titles() or words[0] in name_tables().roles):
        return True
    before = words[:words.index("of")] if "of" in words[1:-1] else []
    return 1 < len(before) <= 3 and before[-1] in name_tables().role_heads


_GENERATIONS = {"II", "III", "IV", "JR", "SR"}


def _titled(words: list[str]) -> int:
    """How many words a title of names.toml [stop] titles takes at the start of a name (0 when none)."""
    m = title_prefix().match(" ".join(words))
    return len(m.group().split()) if m else 0


def untitled(name: str) -> str:
    """A person's name without the titles before it ("Dr. K. Geetha" -> "K. Geetha") or the letters after it
    ("Sara Roe MC PA": post-nominals in capitals after a name written in small letters), when a name of two
    words or more remains."""
    words = name.split()
    while len(words) > 2 and (words[0].casefold() in titles() or words[0] in name_tables().stop.ranks
                              or 0 < _titled(words) <= len(words) - 2):
        words = words[max(1, _titled(words)):]  # a title of two words goes whole: "Air Vice-Marshal Jane Roe"
    while len(words) > 2 and words[-1] in (")", "]"):  # "(MNSA) AFP )": what a removed note left
        words = words[:-1]
    if name.isupper() and (initial := max((i for i, w in enumerate(words[1:-1], 1) if len(w.rstrip(".")) == 1),
                                          default=0)):
        end = initial + 2 + (initial + 2 < len(words) and words[initial + 2].rstrip(".") in _GENERATIONS)
        return " ".join(words[:end])  # "ROBERTO T ANCAN INF PA": the surname after the initial ends the name
    while len(words) > 2 and 2 <= len(words[-1]) <= 4 and words[-1].isupper() and words[-1].isalpha() \
            and any(c.islower() for c in words[0]):
        words = words[:-1]
    return " ".join(words)
