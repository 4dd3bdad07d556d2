"""The literal words a pattern needs: sound for every rule, and folding agrees with re.IGNORECASE."""
from __future__ import annotations

import re
import string

from wikikg.kb import rules
from wikikg.kb.prefilter import fold, required, required_all


def test_fold_covers_every_character_an_ascii_letter_matches():
    letters = re.compile(r"[a-z]", re.I)
    for cp in range(128, 0x110000):
        c = chr(cp)
        if letters.match(c):
            assert fold(c) in string.ascii_lowercase and re.fullmatch(fold(c), c, re.I), hex(cp)


def test_required_words():
    assert required(re.compile(r"\b(?:co-?)?founded\b", re.I)) == ("founded",)
    assert required(re.compile(r"set\s+up|(?:formed)", re.I)) == ("formed", "set")
    assert required(re.compile(r"\bx?\b", re.I)) is None
    assert required(re.compile(r"(?:a|bc)?d", re.I)) == ("d",)
    assert required(re.compile(r"(?<!was )ÆON", re.I)) == ("on",)  # not Æ, nor the lookbehind


def test_every_list_a_match_needs():
    assert required_all(re.compile(r"\bfounded\s+(?:by|in)\b", re.I)) == (("founded",), ("by", "in"))
    assert required_all(re.compile(r"(?<=⟧)(?:'s|’s|'|’)\s+(?=⟦)")) == (("⟧",), ("'", "’"), ("⟦",))
    assert required_all(re.compile(r"(?:a|bc)?d+(?!x)", re.I)) == (("d",),)
    assert required_all(re.compile(r"\bx?\b", re.I)) == ()
    assert required(re.compile(r"Ⓐ’", re.I)) == ("’",)  # a symbol with a case is no literal of the folded text


def test_no_rule_is_skipped_where_its_trigger_matches():
    texts = [e[0] for r in rules.relation_rules() for e in r.examples]
    texts += [t.upper() for t in texts] + ["ſIGNED", "Iİıi JOİNED"]
    for r in rules.relation_rules():
        for t in texts:
            if r.trigger.search(t):
                assert list(r.triggers(t, rules.words_in(t))), (r.id, t)
