"""The clause around a trigger in a slotted sentence, and the name a relative clause there is about."""
from __future__ import annotations

import re

from wikikg.extract import clausewords as cw
from wikikg.extract.select import Slotted
from wikikg.kb import rules

_SLOT = re.compile(r"⟦(\d+)⟧")


def clause_of(sl: Slotted, span: tuple[int, int]) -> tuple[int, int]:
    """The clause around a trigger: from the last break before it to the first break after it."""
    brk = rules.cues().clause_breaks
    lo = 0
    for m in brk.finditer(sl.text, 0, span[0]):
        lo = lo if cw.closed_before(sl.text, m.start(), span[0]) else m.end()  # "X (; born 1952) is a …"
    m = brk.search(sl.text, span[1])
    return lo, (m.start() if m else len(sl.text))


# "⟦X⟧, who", "⟦X⟧ (1990), which", "⟦X⟧, a radio presenter who": the name a non-restrictive relative clause is of
_ANTECEDENT = re.compile(r"⟦(\d+)⟧(?P<gap>(?:\s*\([^()⟦]*\))?\s*,\s*(?:(?:a|an|the|its|his|her|their)\s+"
                         r"(?:[a-z][\w-]*\s+){0,5})?)(?P<word>who|which)\s*$")
_BARE = re.compile(r"\s*,\s*")
# a sentence's subject and its predicate noun, a relative clause after it: "⟦X⟧ (…) was a ⟦Foo Air Force⟧ Major General
# who", "⟦X⟧ is a British engineering company which"; "who" after a comma only when a common noun ends the predicate
# ("⟦X⟧ was an American politician, who served as"; not "a pitcher for the ⟦Foo⟧, who" nor "a member of Foo Band,
# who": the clause may be the name's)
_COPULA_WHO = re.compile(r"⟦(\d+)⟧(?:\s*\([^()]*\))?\s+(?:is|was|became|has\s+been)\s+(?:a|an|the)\s+"
                         r"(?P<pred>[^,;()⟦⟧]*(?:⟦\d+⟧[^,;()⟦⟧]*){0,2}?)\s*(?:\b(?:who|which|that)|(?P<comma>,)\s*who)\s*$")
_COMMON_END = re.compile(r"(?:^|\s)[a-z][\w-]*$")  # the predicate's last word, a common noun ("politician")


def relative_antecedent(sl: Slotted, lo: int) -> tuple[int, bool, bool] | None:
    """The mention a clause that opens with "who"/"which" after a comma is about: the name right before the
    comma, or the name an apposition there describes ("⟦Jane Roe⟧, a radio presenter who was a member of"); or the
    subject of a sentence whose predicate noun the clause follows ("⟦Acme⟧ is a firm which was acquired by");
    whether it is bare ("⟦Jane Roe⟧, who": nothing but the comma between; or that subject) and whether it is that
    subject; None when the clause opens otherwise."""
    m = _ANTECEDENT.search(sl.text, max(0, lo - 80), lo)
    if m is None or m.end() != lo:
        c = _COPULA_WHO.search(sl.text, 0, lo)  # "⟦Jane Roe⟧ (1947–2009) was an American general who served as"
        if c is None or c.end() != lo or any("Person" in sl.mentions[int(k)].types for k in _SLOT.findall(c["pred"])) \
                or c["comma"] and not _COMMON_END.search(c["pred"].rstrip()):
            return None
        return int(c.group(1)), True, True  # the one noun the clause can be about
    return int(m.group(1)), m["word"] == "who" and _BARE.fullmatch(m["gap"]) is not None, False
