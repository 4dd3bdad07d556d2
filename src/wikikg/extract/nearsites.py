"""Sites near a town, not in it: a box's "location = near [[Fooville]]", a lead's "a dam 12 km west of Fooville"."""
from __future__ import annotations

import re
from functools import cache

from wikikg.extract.classify import split_title
from wikikg.kb.alternation import longest_first
from wikikg.kb.mappings import infoboxes
from wikikg.kb.names import name_tables
from wikikg.model import Mention, ParsedArticle, Statement

_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]|]*)\]\]")
_TOWN = r"(?:the\s+(?:town|city|village|community|municipality)\s+of\s+)?"
# a distance before "of" or "from": "115 km west of", "2.5 miles from", "20 km (12 mi) north-east of"
_DISTANCE = (r"\d[\d.,]*(?:\s|&nbsp;|-)*(?:km|kilometres?|kilometers?|mi|miles?)\b\.?(?:\s*\([^)]*\))?"
             r"(?:\s+(?:[\w-]+\s+){0,2}?)?\s*(?:of|from)")


def off_site(article: ParsedArticle, statements: list[Statement]) -> list[Statement]:
    """The infobox's statements less the places an `unless_near` mapping gives that its own value or the article's lead
    puts the subject near: "location = near [[Fooville]]", "location = [[Fooville]]" with a lead's "The Foo Dam is 12
    km west of [[Fooville]]" (the town nearest a dam, a lighthouse, a park): the site is beside the town, not in it; nor
    does the value's chain of places put a place in the town it is near ("[[Barshire]], near [[Fooville]]")."""
    ids, chain = _near_mappings(), infoboxes().place_chain.id
    if not any(st.rule in ids for st in statements):
        return statements
    lead = " ".join(s.text for s in article.sentences if not s.section)
    return [st for st in statements if not isinstance(st.obj, Mention)
            or st.rule in ids and not _near(st.obj, (_LINK.sub(r"\1", st.evidence.text), lead))
            or st.rule == chain and not _near(st.obj, (_LINK.sub(r"\1", st.evidence.text),))  # "[[Bar]], near [[Foo]]"
            or st.rule not in ids and st.rule != chain]


def _near(place: Mention, texts: tuple[str, ...]) -> bool:
    """Whether a text puts its subject near the place: a near word or a distance right before one of its names, and not
    before a longer name ("south of Foo City" is not near Foo) nor a possessive ("north of Foo's harbour")."""
    name = split_title(place.key)[0]
    names = {n for n in (place.text, name, name.split(", ")[0]) if len(n) > 2}
    alts = longest_first(names)  # none of two letters or more: "(?!)", which never matches
    pattern = re.compile(rf"(?<![\w-])(?:{_near_words()}|{_DISTANCE})\s+{_TOWN}(?:{alts})(?![\w-]|['’]s\b|(?-i:\s+[A-Z]))", re.I)
    return any(pattern.search(t) for t in texts)


@cache
def _near_words() -> str:
    """names.toml [containment] near as one alternation."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in name_tables().near_words) or "(?!)"


@cache
def _near_mappings() -> frozenset[str]:
    """The ids of the infobox mappings whose places are not the subject's where it is near them (`unless_near`)."""
    return frozenset(m.id for kind in infoboxes().kinds for m in kind.mappings if m.unless_near)
