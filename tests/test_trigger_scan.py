"""kb/rules.py words_in: the trigger words of a text found in one pass, the same as one search per word."""
from __future__ import annotations

from pathlib import Path

import pytest

from wikikg.kb import rules
from wikikg.kb.prefilter import fold, squeeze

ROOT = Path(__file__).resolve().parents[1]

CASES = [
    "",
    "SenseTime was founded in 2014 by Tang Xiao'ou and partnered with Honda.",
    "ACQUIRED, Acquires; acquisition — the ﬁrm (a ligature) and the KELVIN sign K",
    "it was sanctioned by the U.S. Department of Commerce and added to the Entity List",
    "foundedfoundedfounded subsidiarysubsidiary",
    "He is a professor\n  at  ⟦0⟧ and\ta fellow of\u2003the ⟦1⟧",
]


def _naive(text: str) -> frozenset[str]:
    folded = squeeze(fold(text))
    return frozenset(k for k in rules._trigger_words() if k in folded)


@pytest.mark.parametrize("text", CASES + ROOT.joinpath("seeds/sensetime.txt").read_text("utf-8").splitlines())
def test_one_pass_finds_what_one_search_per_word_finds(text):
    assert rules.words_in(text) == _naive(text)


def test_a_sentence_with_triggers_has_some():
    assert {"founded", "partner"} <= rules.words_in(CASES[1])
