"""Org ends whose name the sentence goes on past: "[[Foo Airborne Division]] Support Command" names the command."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from wikikg.extract.classify import name_types, split_title
from wikikg.extract.cutnames import evidence_text
from wikikg.extract.known import SHAPE
from wikikg.extract.names import is_role_title
from wikikg.kb.names import name_tables
from wikikg.kb.vocabulary import domain, org_classes, range_of
from wikikg.model import Mention, Statement

_WORD = r"[A-Z][\w.&'’-]*"
_CAPITAL_BEFORE = re.compile(r"(?<=[\w,(]\s)(?!The\s)[A-Z][\w&'’-]*\s+$")  # "of Freedonian [[Chess]] Federation", mid-sentence


@cache
def _going_on() -> re.Pattern:
    """Capitalised words after a name that end in a part's head noun (names.toml [parts]), its "of" phrase with them
    ("[[Foo University]] School of Medicine", "[[Foo Division]] Support Command"); not another unit's number ("[[Foo
    Air Force]] XII Fighter Command"), nor a head that names the body itself ("[[Foo]] Group": [parts] self)."""
    t = name_tables()
    heads = "|".join(map(re.escape, sorted(set(t.part_heads) - set(t.part_self), key=lambda h: (-len(h), h))))
    number = r"(?!\s+(?:[IVXLC]+|\d+\w*)\b)"
    words = rf"{_WORD}(?:\s+{_WORD})*(?:\s+(?:and|&)\s+(?!The\s){_WORD}(?!\s+[A-Z]))?"  # "School of Media and Governance",
    # not "School of Law and The Foo School"
    return re.compile(rf"{number}(?:\s+{_WORD})*?\s+(?:{heads})\b(?:\s+(?:of|for)\s+(?:the\s+)?{words})?(?![\w'’-])")


def _org_slot(st: Statement, m: Mention) -> bool:
    """Whether `m` stands where wikikg.ttl admits only an organisation (a key person's body, a school, a member's body)."""
    slot = domain(st.predicate) if m is st.subject else range_of(st.predicate)
    return slot == {"Organization"}


def _longer(st: Statement, m: Mention) -> Mention | None | bool:
    """The longer name an end's own name opens in the sentence or its link's shown text (a part's), typed as a body by
    its words; False when the name goes on both ways (a capitalised word before it too: "Freedonian [[Chess]]
    Federation"), which names no end read; None when it does not go on."""
    label = split_title(m.key)[0] if m.linked else m.key
    if m.text.startswith(f"{label} ") and _going_on().fullmatch(m.text, len(label)) and (types := name_types(m.text)) & org_classes():
        return replace(m, key=m.text, linked=False, types=types)  # "[[Foo University|Foo University Hospital]]"
    text = evidence_text(st)
    if m.start < 0 or text[m.start:m.end] != m.text or (hit := _going_on().match(text, m.end)) is None:
        return None
    name = text[m.start:hit.end()].rstrip(".,")
    tail = name[len(m.text):].split()
    types = name_types(name)
    if is_role_title(" ".join(tail)) or not types & org_classes():
        return None  # "[[Foo University]] Vice Chancellor": a post's title, no part
    if _CAPITAL_BEFORE.search(text[max(0, m.start - 40):m.start]):
        return False
    return Mention(name, name, False, types, start=m.start, end=m.start + len(name), strength=max(m.strength, SHAPE))


def with_longer_names(statements: list[Statement], subject: str) -> list[Statement]:
    """The statements with a body's end whose name the sentence goes on past into a part's ("commanded the [[Foo
    Division]] Support Command": the command's head, not the division's; "[[Foo University]] School of Law") read as
    that part; dropped when the name goes on both ways; the article's subject and the box aside (no sentence)."""
    out = []
    for st in statements:
        for m in (st.subject, st.obj):
            if not isinstance(m, Mention) or m.key == subject or not _org_slot(st, m):
                continue
            longer = _longer(st, m)
            if longer is False:
                break
            if isinstance(longer, Mention):
                st = replace(st, subject=longer) if m is st.subject else replace(st, obj=longer)
        else:
            out.append(st)
    return out
