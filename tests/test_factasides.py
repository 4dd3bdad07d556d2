"""extract/factasides.py: the parts of a sentence told at another time than its fact's."""
from __future__ import annotations

import pytest

from wikikg.extract.factasides import other_times


def _kept(text: str, trigger: str) -> str:
    i = text.index(trigger)
    chars = list(text)
    for a, b in other_times(text, (i, i + len(trigger))):
        chars[a:b] = " " * (b - a)
    return " ".join("".join(chars).split())


@pytest.mark.parametrize("text,trigger,kept", [
    ("⟦0⟧ was born March 9, 1792, graduated from ⟦1⟧ in 1811.", "graduated from",
     "⟦0⟧ was , graduated from ⟦1⟧ in 1811."),                                       # a birth told as a predicate
    ("On 29 June 1998, Roe married ⟦0⟧ (who was a member of ⟦1⟧ from 1992 to 1995).", "a member of",
     "(who was a member of ⟦1⟧ from 1992 to 1995)"),                                 # a relative clause's own time
    ("1982-88 with the ⟦0⟧, ⟦1⟧, and the ⟦2⟧ (junior partner)", "partner",
     "1982-88 with the ⟦0⟧, ⟦1⟧, and the ⟦2⟧ (junior partner)"),                     # a label: the sentence's time
    ("⟦0⟧ (football program started in 1996, program joined ⟦1⟧ in 2003) 1995-2005", "joined",
     "⟦0⟧ (football program started in 1996, program joined ⟦1⟧ in 2003) 1995-2005"),  # a note, no relative clause
])
def test_other_times(text, trigger, kept):
    assert _kept(text, trigger) == kept
