"""kb/triggerwords.py words_in: the trigger words of a text found in one pass, the same as one search per word."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from wikikg.kb import rules, triggerwords
from wikikg.kb.prefilter import fold, squeeze

ROOT = Path(__file__).resolve().parents[1]

CASES = tomllib.loads(ROOT.joinpath("tests/cases/kb/trigger_texts.toml").read_text("utf-8"))["texts"]


def _naive(text: str) -> frozenset[str]:
    folded = squeeze(fold(text))
    return frozenset(k for k in rules._trigger_words() if k in folded)


@pytest.mark.parametrize("text", CASES + ROOT.joinpath("seeds/sensetime.txt").read_text("utf-8").splitlines())
def test_one_pass_finds_what_one_search_per_word_finds(text):
    assert triggerwords.words_in(text) == _naive(text)


def test_a_sentence_with_triggers_has_some():
    assert {"founded", "partner"} <= triggerwords.words_in(CASES[1])


def test_the_termination_cue_is_searched_only_where_words_in_finds_its_words():
    verb = rules.cues().termination_verb
    assert verb.needs and verb.needs <= set(rules._trigger_words())  # sentences._terminate relies on both
    texts = CASES + ["The programme was cancelled in 2020.", "the deal  was\tterminated", "Foo Ltd ended ties",
                     "it was not renewed", "The agreement was SCRAPPED."]
    for text in texts:
        if verb.needs.isdisjoint(triggerwords.words_in(text)):
            assert verb.search(text) is None, text
    assert not verb.needs.isdisjoint(triggerwords.words_in("The programme was cancelled in 2020."))


def test_an_alternation_with_a_part_that_needs_no_word_needs_none():
    from wikikg.kb.alternation import Alternation

    assert Alternation([r"\bfoo\b", r"\d+"]).needs is None
    assert Alternation([r"\bfoo\b", r"bar\s+baz"]).needs == {"foo", "bar"}  # one word of each part will do
