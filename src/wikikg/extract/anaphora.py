"""What refers back to the article's subject ("it", "she", "the company"), and what does not."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from wikikg.kb import rules
from wikikg.kb.names import pages_of_many

__all__ = ["reported_by_another", "subject_anaphora"]

# "after Toshiba stated that it was to wind up ...": the pronoun of a reported clause is its reporter's
# (a capitalised name right before the reporting verb), not the article's subject
_REPORTED_BY = re.compile(r"\b(?P<who>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)\s+(?:said|stated|announced|reported|"
                          r"confirmed|claimed|added|noted|declared|disclosed|revealed)\s+(?:that\s+)?$")
_THE = re.compile(r"^(?:the|The)\s+")


def reported_by_another(text: str, at: int, subject_names) -> bool:
    """Whether the pronoun at `at` opens a clause another named party reports."""
    m = _REPORTED_BY.search(text, max(0, at - 80), at)
    return m is not None and _THE.sub("", m["who"]) not in subject_names


@lru_cache(maxsize=64)  # asked twice per sentence, for one subject per article
def subject_anaphora(types: frozenset[str], name: str = "") -> re.Pattern:
    """"it" and "the company": the subject's anaphora, for a subject of these classes (a finer class's
    nouns when it has some: "the league" in a club's article is its league, not the club) and this
    name (cues.toml `own_name` nouns only when the name holds them)."""
    if pages_of_many().match(name):  # "Companies in Example Novel": "the company" is one of them, not the page
        return _NOTHING
    folded = name.casefold()
    return _anaphora(types, frozenset(n for n in rules.cues().own_name_nouns if n in folded))


_NOTHING = re.compile(r"(?!)")


@cache
def _anaphora(types: frozenset[str], held: frozenset[str]) -> re.Pattern:
    c = rules.cues()
    nouns = set()
    for t in sorted(t for t in types if t != "Organization" and t in c.nouns) or ["Organization"]:
        nouns.update(n for n in c.nouns.get(t, ()) if n not in c.own_name_nouns or n in held)
    # "the Group", "the Company": corporate prose capitalises the noun that stands for the subject
    noun_re = "|".join(f"[{n[0].upper()}{n[0]}]{re.escape(n[1:])}" for n in sorted(nouns, key=len, reverse=True))
    if "Person" in types and c.person_pronoun is not None:  # a biography: "She joined ...", not "It"
        return c.person_pronoun
    if not nouns:  # a squadron: none of its class's nouns stands for it
        return c.pronoun
    return re.compile(rf"{c.pronoun.pattern}|\b[Tt]he\s+(?:{noun_re})\b(?!\s+(?:of|that|which|who)\b)(?!-)")
