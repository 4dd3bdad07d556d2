"""General features of two mentions in one sentence: the masked words between and around them, classes, layout."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from wikikg.kb.vocabulary import org_classes
from wikikg.model import Mention

__all__ = ["MAX_BETWEEN", "Candidate", "features", "pair_candidates", "tag_of"]

MAX_BETWEEN = 4  # at most this many other mentions between the two of a pair
_MAX_GAP = 220  # characters between the two mentions of a pair
_TOKEN = re.compile(r"<[A-Z]+>|\w+(?:['’]\w+)*|[^\w\s]")
_FUNCTION = frozenset({"the", "a", "an", "of", "in", "at", "on", "to", "by", "for", "with", "from", "and", "or", "its",
                       "his", "her", "their", "as", ",", ".", "(", ")", ";", ":", "'", '"', "-", "–"})
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d\Z")


@cache
def _orgs() -> frozenset[str]:
    return org_classes()


def tag_of(m: Mention) -> str | None:
    """The coarse class a mention stands as in features ("PERSON", "PLACE", "ORG"), or None when untyped."""
    if not m.types:
        return None
    if "Person" in m.types:
        return "PERSON"
    if m.types & _orgs():
        return "ORG"
    if "Place" in m.types:
        return "PLACE"
    return None


_ANAPHOR = re.compile(r"(?:the|its|it|he|she|they|his|her|their)\b", re.I)


def _named(text: str) -> bool:
    """Whether a mention's text names its entity or refers back to one ("it", "the company"): not a common noun in
    lower case that a title happens to be ("astronaut" in the article "Astronaut")."""
    return any(c.isupper() for c in text) or _ANAPHOR.match(text) is not None


@dataclass(frozen=True)
class Candidate:
    """Two typed mentions of one sentence, the first before the second, and their features."""

    first: Mention
    second: Mention
    features: frozenset[str]


def _word(tok: str, first: bool) -> str:
    """A token as a feature word: lower case; a capitalised word inside the sentence is a shape (it may be a name
    no mention holds), a number a shape."""
    head = tok[0]
    if head == "<":
        return tok
    if head.isdigit():
        return "<YEAR>" if _YEAR.match(tok) else "<NUM>"
    if head.isupper() and not first:
        return "<CAP>"
    return tok.lower()


def _tokens(text: str, mentions: list[Mention], subject_key: str) -> tuple[list[str], list[int]]:
    """The sentence's tokens, each mention one token of its tag (the subject's <SUBJ>), and each mention's token
    index: made once per sentence, sliced for each pair."""
    out: list[str] = []
    at: list[int] = []
    pos = 0
    for m in mentions:
        out += [_word(t, False) for t in _TOKEN.findall(text[pos:m.start])]
        at.append(len(out))
        out.append("<SUBJ>" if m.key == subject_key else f"<{tag_of(m) or 'NAME'}>")
        pos = max(pos, m.end)
    out += [_word(t, False) for t in _TOKEN.findall(text[pos:])]
    return out, at


def _bucket(n: int) -> str:
    return str(n) if n < 3 else "3-4" if n < 5 else "5-7" if n < 8 else "8-12" if n < 13 else "13+"


def features(text: str, mentions: list[Mention], i: int, j: int, subject_key: str, section: str,
             item: bool, tokens: tuple[list[str], list[int]] | None = None) -> frozenset[str]:
    """The features of the pair (mentions[i], mentions[j]), i < j, of a sentence's text (its `tokens` when made
    already): never a word of either mention's own name, nor of any other mention's (each is masked as its tag)."""
    a, b = mentions[i], mentions[j]
    ta, tb = tag_of(a) or "NAME", tag_of(b) or "NAME"
    ta = "SUBJ" + ta if a.key == subject_key else ta
    tb = "SUBJ" + tb if b.key == subject_key else tb
    pair = f"{ta}>{tb}"
    toks, at = tokens or _tokens(text, mentions, subject_key)
    between, before, after = toks[at[i] + 1:at[j]], toks[:at[i]], toks[at[j] + 1:]
    fs = {f"pair={pair}", f"dist={_bucket(len(between))}", f"layout={'item' if item else 'prose'}",
          f"others={_bucket(sum(t.startswith('<') for t in between))}"}
    for w in set(between):
        fs.add(f"bw={w}")
        fs.add(f"{pair}|bw={w}")
    if between:
        fs |= {f"bf={between[0]}", f"bl={between[-1]}", f"{pair}|bl={between[-1]}", f"{pair}|bf={between[0]}"}
        content = [w for w in between if w not in _FUNCTION]
        if content:
            fs |= {f"bc={content[-1]}", f"{pair}|bc={content[-1]}", f"{pair}|bc0={content[0]}"}
        if len(between) >= 2:
            fs.add(f"bl2={between[-2]} {between[-1]}")
            fs.add(f"{pair}|bl2={between[-2]} {between[-1]}")
            fs.add(f"bf2={between[0]} {between[1]}")
    else:
        fs.add("bs=")
    if len(between) <= 6:
        fs.add(f"bs={' '.join(between)}")
        fs.add(f"{pair}|bs={' '.join(between)}")
    for k, w in enumerate(reversed(before[-2:])):
        fs.add(f"p{k + 1}={w}")
    if before:
        fs.add(f"{pair}|p1={before[-1]}")
    else:
        fs.add("p1=^")
    for k, w in enumerate(after[:2]):
        fs.add(f"n{k + 1}={w}")
    if not after or after[0] in ".;":
        fs.add("n1=$")
    for mark in (",", "(", ";", "and", "with", "of", "by", "in", "at", "from", "who", "which"):
        if mark in between:
            fs.add(f"has={mark}")
    lead = len(text) - len(text.lstrip(" *#:;'\""))
    first = _TOKEN.match(text, lead)
    if mentions[0].start <= lead:
        fs.add("fw=<MENTION>")
    elif first:
        fs.add(f"fw={_word(first.group(), True)}")
    heading = re.findall(r"[A-Za-z]+", section.rsplit(" / ", 1)[-1])[:4]  # "Partnership with Foo": <CAP> for Foo
    for k, w in enumerate(heading):
        fs.add(f"sec={_word(w, k == 0)}")
    if not section:
        fs.add("sec=<LEAD>")
    return frozenset(fs)


def pair_candidates(text: str, mentions: list[Mention], subject_key: str, section: str, item: bool,
                    skip=lambda a, b: False) -> Iterator[Candidate]:
    """Every pair of typed mentions of the sentence (in order, at most MAX_BETWEEN others between and a short gap)
    naming two different entities, less those `skip` refuses; with their features."""
    typed = [k for k, m in enumerate(mentions) if tag_of(m) is not None and _named(m.text)]
    tokens = None
    for x, i in enumerate(typed):
        for j in typed[x + 1:]:
            a, b = mentions[i], mentions[j]
            if j - i - 1 > MAX_BETWEEN or b.start - a.end > _MAX_GAP:
                break
            if a.key == b.key or skip(a, b):
                continue
            tokens = tokens or _tokens(text, mentions, subject_key)
            yield Candidate(a, b, features(text, mentions, i, j, subject_key, section, item, tokens))
