"""A list item that heads the items nested below it: a bold unit ("* '''Foo Division'''" then "** [[1st Bar Brigade]]") or a linked one."""
from __future__ import annotations

import re
from dataclasses import replace

from wikikg.extract.classify import name_types, split_title
from wikikg.extract.flagitems import ITEM_PREFIX
from wikikg.extract.known import SHAPE
from wikikg.extract.mentions import link_mention, name_mention
from wikikg.kb.names import name_tables
from wikikg.model import Mention, ParsedArticle

_EPITHET = re.compile(r'\s*["“][^"“”]+["”]')  # 'Bar Division "Fooville"': a unit's epithet in quotes
_NAME = re.compile(r"[A-Z0-9][\w.'’&-]*(?:\s+(?:[A-Z0-9][\w.'’&-]*|of|and|for|the))*")  # capitalised words only


def _depth(article: ParsedArticle, start: int) -> int:
    line = article.text[article.text.rfind("\n", 0, start) + 1:start]
    m = ITEM_PREFIX.fullmatch(line)
    return len(m.group(1)) if m else 0


def bold_parent(article: ParsedArticle, index: int, depth: int) -> int:
    """Where the name of a unit a list item sets in bold ends, when it is the item's start, covers no link, has
    capitalised words and a part's head noun (names.toml [parts]: "Division", "Command") before any epithet in
    quotes, and the next item is nested below it (its units); else 0. A bold label ("'''Reserve units'''",
    "'''Command'''") is none."""
    sentence = article.sentences[index]
    span = next(((b, e) for b, e in sentence.bold if not sentence.text[:b].strip(" '")), None)
    if span is None or index + 1 >= len(article.sentences) or any(
            k.start < span[1] and k.end > span[0] for k in sentence.links):
        return 0
    nxt = article.sentences[index + 1]
    if _depth(article, nxt.start) <= depth:
        return 0
    text = sentence.text[span[0]:span[1]].strip()
    bare = _EPITHET.sub("", text)
    if not _NAME.fullmatch(bare) or bare.split()[-1] not in name_tables().part_heads or bare == text and " " not in bare:
        return 0
    return sentence.text.index(text, span[0]) + len(text)


def bold_unit(article: ParsedArticle, index: int, depth: int, allowed: frozenset[str], fallback: str) -> Mention | None:
    """The unit a bold heading item names (bold_parent), typed by its own name, else by the class of the first unit
    nested below it when that is one of `allowed` (a division over brigades is a military unit), else `fallback`;
    strong enough (SHAPE) to stand as the parent of the items below it without shaped siblings."""
    end = bold_parent(article, index, depth)
    if not end:
        return None
    text = article.sentences[index].text[:end].strip(" '")
    below = article.sentences[index + 1]
    first = next((link_mention(k.target, k.text).types for k in below.links[:1] if not below.text[:k.start].strip()), ())
    types = name_types(text) or (frozenset(first) if len(first) == 1 and first <= allowed else frozenset({fallback}))
    return replace(name_mention(text), start=end - len(text), end=end, types=types, strength=SHAPE)


def linked_unit(article: ParsedArticle, index: int, depth: int, mentions: list[Mention], allowed: frozenset[str],
                fallback: str) -> Mention | None:
    """The unit a list item's leading link names when items are nested below it, its shown name and its title are
    capitalised words that end in a part's head noun (names.toml [parts]: "Defence Command", "Judge Advocate Corps")
    and nothing types it otherwise: "* [[Foo Command (Freedonia)|Foo Command]] (FC)" then "** [[Bar Agency]]" is a
    unit heading the units below it, typed as bold_unit types one; else None."""
    sentence = article.sentences[index]
    first = mentions[0] if mentions else None
    if first is None or not first.linked or first.types or sentence.text[:first.start].strip() \
            or index + 1 >= len(article.sentences) or _depth(article, article.sentences[index + 1].start) <= depth:
        return None
    heads = name_tables().part_heads
    names = (first.text.strip(), split_title(first.key)[0])
    if not all(_NAME.fullmatch(n) and " " in n and n.split()[-1] in heads for n in names):
        return None
    below = article.sentences[index + 1]
    sub = next((link_mention(k.target, k.text).types for k in below.links[:1] if not below.text[:k.start].strip()), ())
    types = frozenset(sub) if len(sub) == 1 and sub <= allowed else frozenset({fallback})
    return replace(first, types=types, strength=SHAPE)
