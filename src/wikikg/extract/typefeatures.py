"""General features of an untyped mention for the learned typer: its name's form, the words around it, its layout."""
from __future__ import annotations

import re
from functools import lru_cache

from wikikg.extract.classify import split_title
from wikikg.model import Mention, Sentence

__all__ = ["mention_features", "name_form"]

_WORD = re.compile(r"[A-Za-z][\w'’.&-]*|\d+|[(),;:–—-]")
_ALPHA = re.compile(r"[a-z]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=16384)
def name_form(label: str, dis: str | None = None) -> tuple[str, ...]:
    """Features of a name's own form: its words (lower-cased), its first and last word, the last word's ending, the
    disambiguation's words ("(company)", "(band)"), its shape (words, initials, capitals, digits, "of")."""
    words = label.split()
    out = [f"n:{len(words) if len(words) < 5 else 5}"]
    low = [w.lower().strip(".,'’\"") for w in words]
    out += [f"w:{w}" for w in low if w]
    if low:
        out += [f"head:{low[-1]}", f"first:{low[0]}"]
        if len(low[-1]) > 3:
            out.append(f"suf:{low[-1][-3:]}")
    if dis:
        out += [f"dis:{w}" for w in _ALPHA.findall(dis.lower())]
        out.append("dis")
    if label.isupper() and len(label) > 1:
        out.append("shape:caps")
    if any(c.isdigit() for c in label):
        out.append("shape:digit")
    if any(len(w) == 2 and w[1] == "." and w[0].isupper() for w in words):
        out.append("shape:initial")
    if any(w in ("of", "for", "the") for w in words[1:]):
        out.append("shape:of")
    if "-" in label:
        out.append("shape:hyphen")
    return tuple(out)


def _masked(text: str, found: list[Mention], lo: int, hi: int) -> list[str]:
    """The words of text[lo:hi], lower-cased, every other mention inside replaced by its class ("<Place>")."""
    out, at = [], lo
    for m in found:
        if m.end <= lo or m.start >= hi:
            continue
        out += [w.lower() for w in _words(text[at:max(at, m.start)])]
        out.append(f"<{min(m.types) if m.types else 'X'}>")
        at = max(at, m.end)
    out += [w.lower() for w in _words(text[at:hi])]
    return out


def mention_features(found: list[Mention], i: int, sentence: Sentence) -> list[str]:
    """The features of found[i], a mention of `sentence` that nothing typed: its name's form (for a link, its
    title's), up to three words before and after it (other mentions masked as their class), the section heading's
    words, the layout, and the classes of the names listed beside it. Never another mention's name, never the
    article's title."""
    m, text = found[i], sentence.text
    label, dis = split_title(m.key) if m.linked else (m.key, None)
    out = ["linked" if m.linked else "unlinked", *name_form(label, dis)]
    if m.linked and m.text != label:
        out.append("piped")
        out += [f"sw:{w.lower()}" for w in m.text.split() if w.lower() not in label.lower().split()]
    lo, hi = max(0, m.start - 60), min(len(text), m.end + 60)
    j = i
    while j > 0 and found[j - 1].end > lo:  # the mentions inside each window (sorted and apart: ends sorted too)
        j -= 1
    k = i + 1
    while k < len(found) and found[k].start < hi:
        k += 1
    before = _masked(text, found[j:i], lo, m.start)[-3:]
    after = _masked(text, found[i + 1:k], m.end, hi)[:3]
    for k, w in enumerate(reversed(before), 1):
        out.append(f"b{k}:{w}")
    for k, w in enumerate(after, 1):
        out.append(f"a{k}:{w}")
    if len(before) >= 2:
        out.append(f"b21:{before[-2]}_{before[-1]}")
    if len(after) >= 2:
        out.append(f"a12:{after[0]}_{after[1]}")
    if any(s <= m.start and m.end <= e for s, e in sentence.italic):
        out.append("italic")
    if not text[:m.start].strip(" \"'“‘("):
        out.append("at:start")
    if not text[m.end:].strip(" .\"'”’)"):
        out.append("at:end")
    out += [f"sec:{w}" for w in {w.lower() for w in _ALPHA.findall(sentence.section.split(" / ")[-1].lower())}]
    if not sentence.section:
        out.append("sec:lead")
    out.append("layout:item" if sentence.item or not text.rstrip().endswith((".", "!", "?", ".\"", ".”"))
               else "layout:prose")
    for j in (i - 1, i + 1):  # a name listed beside it: "[[Fooville]], [[Barville]] and Bazton"
        if 0 <= j < len(found) and found[j].types:
            lo, hi = (found[j].end, m.start) if j < i else (m.end, found[j].start)
            if text[lo:hi].strip() in (",", "and", ", and", "or", "/", "&", ";"):
                out.append(f"nb:{min(found[j].types)}")
    return out
