"""What refers back to the article's subject ("it", "she", "the company"), and what does not."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from wikikg.kb import rules
from wikikg.kb.names import pages_of_many

__all__ = ["own_head", "reported_by_another", "subject_anaphora"]

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
def subject_anaphora(types: frozenset[str], name: str = "", work: bool = False) -> re.Pattern:
    """"it" and "the company": the subject's anaphora, for a subject of these classes (a finer class's
    nouns when it has some: "the league" in a club's article is its league, not the club) and this
    name (cues.toml `own_name` nouns only when the name holds them); a work's only "it" ("the group" in an
    album's article is its band)."""
    if pages_of_many().match(name):  # "Companies in Example Novel": "the company" is one of them, not the page
        return _NOTHING
    if work:
        return rules.cues().pronoun
    folded = name.casefold()
    held = frozenset(n for n in rules.cues().own_name_nouns if n in folded)
    head = own_head(name) if "Person" not in types else frozenset()
    unit = _ORDINAL.match(name) if "MilitaryOrganization" in types else None
    return _anaphora(types, held, head, unit.group(1) if unit else "")


# "172d Air Support Squadron", "41st Armoured Regiment": a unit's article calls it by its ordinal ("The 172d was
# equipped with ..."), not followed by a capitalised word ("the 172d Fighter Squadron" is a name of its own)
_ORDINAL = re.compile(r"(\d+(?:st|nd|rd|th|d))\s+[A-Z]")


_HEAD_END = re.compile(r"\s(?:of|for|in|at|on)\s|,|\s\(")  # where a name's head word ends: "Academy of Foo", "Foo, Bar"


def own_head(name: str) -> frozenset[str]:
    """The head noun of the subject's name that stands for it after "the" (cues.toml `own_head`): "academy" for
    "National Academy of Foo" and "Foo Academy", none for "Academy Awards" or "Foo University School of Law"."""
    nouns = rules.cues().own_head
    cut = _HEAD_END.search(name)
    words = [w.casefold() for w in re.findall(r"[\w'’.-]+", name[:cut.start()] if cut else name)]
    if len(words) < 2 and not cut or not words or words[-1] not in nouns:
        return frozenset()
    before_paren = name.split(" (")[0].split(",")[0]
    if sum(w.casefold() in nouns for w in re.findall(r"[\w'’.-]+", before_paren)) > 1:
        return frozenset()  # "Foo University School of Law": two heads, the name's own is unclear
    return frozenset({words[-1]})


_NOTHING = re.compile(r"(?!)")


@cache
def _anaphora(types: frozenset[str], held: frozenset[str], head: frozenset[str], ordinal: str = "") -> re.Pattern:
    c = rules.cues()
    nouns = set()
    for t in sorted(t for t in types if t != "Organization" and t in c.nouns) or ["Organization"]:
        nouns.update(n for n in c.nouns.get(t, ()) if n not in c.own_name_nouns or n in held)
    nouns.update(head)  # the name's own head noun ("the academy")
    # "the Group", "the Company": corporate prose capitalises the noun that stands for the subject
    noun_re = "|".join(f"[{n[0].upper()}{n[0]}]{re.escape(n[1:])}" for n in sorted(nouns, key=lambda n: (-len(n), n)))
    if "Person" in types and c.person_pronoun is not None:  # a biography: "She joined ...", not "It"
        return c.person_pronoun
    # "club members Jane Roe and ...": the head noun, bare, as the modifier of "member" in the subject's own article
    bare = "".join(f"|\\b[{n[0].upper()}{n[0]}]{re.escape(n[1:])}(?=\\s+members?\\s+[A-Z\\[])" for n in sorted(head))
    if ordinal:
        bare = f"{bare}|\\b[Tt]he\\s+{ordinal}\\b(?![\\w-]|\\s+[A-Z0-9(]|\\s+(?:and|or|to)\\s)"
    if not nouns and not bare:  # a squadron: none of its class's nouns stands for it
        return c.pronoun
    if not nouns:
        return re.compile(rf"{c.pronoun.pattern}{bare}")
    return re.compile(rf"{c.pronoun.pattern}|\b[Tt]he\s+(?:{noun_re})\b(?!\s+(?:of|that|which|who)\b)(?!-){bare}")


# \b(?:[Hh]e|[Hh]is|[Hh]im|[Hh]imself)\b and \b(?:[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b, the first letters first (the
# lookbehind is the \b before a word's first letter): the engine skips to those letters instead of trying every position
# of the article (tests/test_pronoun_patterns.py)
_HE = re.compile(r"[Hh](?<!\w.)(?:e|is|im|imself)\b")
_SHE = re.compile(r"[SsHh](?<!\w.)(?:(?<=[Ss])he|(?<=[Hh])er|(?<=[Hh])ers|(?<=[Hh])erself)\b")


def other_pronoun(text: str) -> str:
    """The personal pronoun a biography's text uses for someone else than its subject: "she" where "he" comes first
    and no less often than "she" (a wife's sentence in a man's article), "he" the other way round, else none."""
    he, she = _HE.search(text), _SHE.search(text)
    if he is None or she is None:
        return ""
    n_he, n_she = len(_HE.findall(text)), len(_SHE.findall(text))
    return "she" if he.start() < she.start() and n_he >= n_she else "he" if she.start() < he.start() and n_she >= n_he \
        else ""
