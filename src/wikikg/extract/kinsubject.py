"""A relative as a clause's subject: "where his father was a player for ⟦X⟧" is the father's fact, not the subject's."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from wikikg.kb import rules

# where a clause's subject starts: the sentence's start, a comma or a semicolon, or a subordinating word
_CLAUSE_START = (r"(?:^|[,;:(]\s*|\b(?:where|when|while|whereas|as|because|since|after|before|until|though|although"
                 r"|that|then|so|but|(?P<and>and))\s+)")
_MODIFIERS = r"(?:(?:late|elder|older|younger|eldest|oldest|youngest|twin|future|first|second|third|only|new)\s+){0,2}"
# what may stand between the kin noun and the trigger: its name in apposition, a parenthesis, an inserted relative
# clause ("his wife ⟦A⟧, whom he had married in 1962, taught at"), then the verb's own words (no second subject)
_REST = (r"(?P<name>\s*,?\s*⟦(?P<slot>\d+)⟧)?(?:\s*\([^()]*\))?(?:\s*,\s*(?:who|whom|whose|which)\b[^,;⟦]*(?:⟦\d+⟧[^,;⟦]*)?,)?"
         r"\s*,?(?:\s+|$)(?:(?!(?:and|or|but|he|she|they|it|who|which|that|while|when|where|whom)\b)(?:[a-z][\w'-]*|⟦\d+⟧)\s+){0,5}?$")


_SLOT_BEFORE = re.compile(r"⟦(\d+)⟧\s*$")


@cache
def _kin_subject() -> re.Pattern:
    """A kin noun after a possessive at a clause's start, up to the trigger (cues.toml [anaphora] kin_nouns)."""
    nouns = sorted(rules.cues().kin_nouns, key=len, reverse=True)
    return re.compile(_CLAUSE_START + r"(?:[Hh]is|[Hh]er|[Tt]heir|whose)\s+" + _MODIFIERS
                      + r"(?:" + "|".join(map(re.escape, nouns)) + r")\b(?!['’]s)" + _REST)


def kin_subject(text: str, trigger_start: int, person: Callable[[int], bool]) -> int | None:
    """Whether a kin noun after a possessive ("his father", "whose wife") is the subject of the verb the trigger
    starting at `trigger_start` holds: None when not, nor after "and" right after a name that may be a person's
    (`person(i)` of slot i: "⟦A⟧ and his wife founded", both did); the slot of the relative's name in apposition ("his son ⟦A⟧, was"), the
    one name the clause may take as its subject; else -1."""
    if not rules.cues().kin_nouns:
        return None
    m = _kin_subject().search(text, 0, trigger_start)
    if m is None or m["and"] is not None and (p := _SLOT_BEFORE.search(text, 0, m.start("and"))) and person(int(p[1])):
        return None
    return int(m["slot"]) if m["slot"] is not None else -1
