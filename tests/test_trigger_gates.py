"""kb/gates.py: the trigger gates as bit masks pass exactly the rules that triggerwords.candidates and Rule.triggers' test pass."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from wikikg.kb import gates, rules, triggerwords

ROOT = Path(__file__).resolve().parents[1]

CASES = tomllib.loads(ROOT.joinpath("tests/cases/kb/trigger_texts.toml").read_text("utf-8"))["texts"]
TEXTS = CASES + [t for t in ROOT.joinpath("seeds/sensetime.txt").read_text("utf-8").splitlines() if t.strip()]


def _open(rule: rules.Rule, present: frozenset[str]) -> bool:
    """Rule.triggers' own test of its words."""
    return (rule.keys is None or not rule.keys.isdisjoint(present)) and all(not c.isdisjoint(present) for c in rule.clauses)


@pytest.mark.parametrize("text", TEXTS)
def test_the_masks_open_the_rules_the_word_sets_open(text):
    present = triggerwords.words_in(text)
    assert gates.open_rules(text) == [r for r in triggerwords.candidates(present) if _open(r, present)]
    assert [r.id for r in rules.relation_rules() if gates.opens(r, text)] == \
        [r.id for r in rules.relation_rules() if _open(r, present)]


@pytest.mark.parametrize("text", TEXTS)
def test_the_termination_words_are_found_as_the_word_sets_find_them(text):
    needs = rules.cues().termination_verb.needs
    assert gates.holds_any(needs, text) == (not needs.isdisjoint(triggerwords.words_in(text)))


def test_a_sentence_with_triggers_opens_their_rules():
    opened = {r.relation for r in gates.open_rules(CASES[1])}
    assert {"foundedBy", "partneredWith"} <= opened
    assert not gates.open_rules("")  or all(r.keys is None and not r.clauses for r in gates.open_rules(""))
