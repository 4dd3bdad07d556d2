"""Where "of" ends a person's or a team's name: "Jane Roe of Freedonia", "Fooville Bears of the Bar League" are two names."""
from __future__ import annotations

import re
from functools import cache

from wikikg.extract.classify import name_types
from wikikg.extract.people import is_personal_name
from wikikg.extract.teams import team_types
from wikikg.kb.alternation import longest_first
from wikikg.kb.names import name_tables
from wikikg.kb.places import places
from wikikg.kb.vocabulary import org_classes

_REGNAL = re.compile(r"[IVX]+")
_JOINERS = frozenset({"of", "for", "and", "the", "&", "de"})
ACCORDING, _COMMA = re.compile(r"\b[Aa]ccording\s+to\s+$"), re.compile(r"\s*,")  # "According to Jane Roe of Foo,"


def name_before_of(text: str, toks: list, i: int, j: int, k: int) -> bool:
    """Whether "of" after the name tokens i..j ends the name: a person's (person_before_of) or a team's by its shape
    before its league's name ("the Fooville Bears of the Barland Hockey League": names.toml [teams] leagues)."""
    if person_before_of(text, toks, i, j, k):
        return True
    if toks[j + 1][2] != "of" or not (team_types(team := text[toks[i][0]:toks[j][1]]) or "SportsClub" in name_types(team)):
        return False
    return _run(text, toks, k).rsplit(" ", 1)[-1].rstrip(".") in name_tables().team_leagues


def person_before_of(text: str, toks: list, i: int, j: int, k: int) -> bool:
    """Whether the name tokens i..j, followed by "of" (token j + 1) and a capitalised word at `k`, are a person's
    full name that "of" joins to where they are from or whom they work for, not one name: a place of one or two
    words ("Jane Roe of Freedonia"), or a name of two words or more before an organisation's name ("Jane Roe of
    the Foo Mines Branch", "Jane Roe of Foo Journal") or a name a critic's verb follows ("Jane Roe of Foo said"); a
    king's "Foo IV of Freedonia" is one name."""
    if toks[j + 1][2] != "of" or _REGNAL.fullmatch(toks[j][2]) or not is_personal_name(text[toks[i][0]:toks[j][1]]):
        return False
    if k == j + 2 and _from_place(toks, k):
        return True
    return j > i and (bool(name_types(_run(text, toks, k)) & org_classes()) or critic_after(text, toks, i, k))


def _from_place(toks: list, k: int) -> bool:
    """Whether the tokens from `k` on start with a place's name of one or two words ("Chile", "New Zealand")."""
    return toks[k][2] in places() or k + 1 < len(toks) and f"{toks[k][2]} {toks[k + 1][2]}" in places()


def _run(text: str, toks: list, k: int) -> str:
    """The capitalised words from token `k` on, with the joiners between them, up to a gap that is no space."""
    end = k
    while end + 1 < len(toks) and text[toks[end][1]:toks[end + 1][0]] == " " \
            and (toks[end + 1][2][:1].isupper() or toks[end + 1][2] in _JOINERS):
        end += 1
    while end > k and toks[end][2] in _JOINERS:
        end -= 1
    return text[toks[k][0]:toks[end][1]]


def person_before_link(words: list[str]) -> bool:
    """Whether a span's words, cut where a link starts, are a person's full name and the "of" that joins it to the link
    ("Jane Roe of [[Foo Music]]": a critic of the magazine, a man of the town); not a king's "Foo IV of"."""
    return len(words) >= 3 and words[-1] == "of" and not _REGNAL.fullmatch(words[-2]) \
        and is_personal_name(" ".join(words[:-1]))


@cache
def critic_verb() -> re.Pattern:
    """A critic's verb right after a name (names.toml [person_names] critic_verbs): "said", "called the song"."""
    return re.compile(rf"\s*,?\s+(?:also\s+|later\s+|similarly\s+|then\s+)?(?:{longest_first(name_tables().critic_verbs)})\b")


def critic_after(text: str, toks: list, i: int, k: int) -> bool:
    """Whether the capitalised run from token `k` ends right before a critic's verb ("Jane Roe of Foo Review said"), or
    before a comma where "According to" opens the name at token `i` ("According to Jane Roe of Foo Review, the song"):
    the person before "of" writes for the body the run names, or is from the place it names."""
    end = toks[k][0] + len(_run(text, toks, k))
    return critic_verb().match(text, end) is not None \
        or _COMMA.match(text, end) is not None and ACCORDING.search(text, 0, toks[i][0]) is not None
