"""The literal words and phrases a pattern needs: sound for every rule, and folding agrees with re.IGNORECASE."""
from __future__ import annotations

import re
import string

from wikikg.kb import rules, triggerwords
from wikikg.kb.prefilter import fold, leads, phrases, required, required_all, squeeze


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


def test_phrases_join_words_across_white_space():
    at = re.compile(r"(?:at|with)\b(?=\s+(?:the\s+)?⟦)", re.I)
    assert phrases(at) == (("at the ⟦", "at ⟦", "with the ⟦", "with ⟦"),)
    # " with": no word before its space
    assert phrases(re.compile(r"\bjoint\s+venture\s+[A-Z]\w+\s+with\b", re.I)) == (("joint venture ",),)
    assert phrases(re.compile(r"member\s*of\n(?!x)the", re.I)) == (("member of the", "memberof the"),)
    assert phrases(re.compile(r"\bx?\b")) == () and phrases(re.compile(r"a b")) == ()  # too short to test
    assert squeeze("a \n\t b\u2003c") == "a b c" and squeeze("a b") == "a b"
    # squeeze leaves a printable text with no double space as it is: no white space but " " is printable
    assert not any(chr(c).isspace() and chr(c).isprintable() for c in range(0x110000) if c != 0x20)
    # a lookbehind's last items and a lookahead's first ones spell the text on either side
    report = re.compile(r"(?<=[a-z]⟧)\s+(?:of|from)\s+(?:the\s+)?(?=⟦\d+⟧)", re.I)
    assert phrases(report) == (("⟧ from the ⟦", "⟧ from ⟦", "⟧ of the ⟦", "⟧ of ⟦"),)


def test_two_slots_side_by_side_are_a_phrase():
    # "⟧ ⟦" has two characters besides its space, yet two names with only white space between them are rare
    assert phrases(re.compile(r"(?<=⟧)\s+(?=⟦)")) == (("⟧ ⟦",),)
    assert phrases(re.compile(r"(?<=⟧)\s+(?:mayor\s+)?(?=⟦)", re.I)) == (("⟧ mayor ⟦", "⟧ ⟦"),)


def test_leads_spell_what_a_match_opens_with():
    degree = re.compile(r"\b(?:degree|(?:a|his)\s+(?-i:B\.?A|MA)\b\.?)\s+(?:\w+\s+){0,3}?from\b", re.I)
    assert leads(degree) == ("a b.a ", "a b.a. ", "a ba ", "a ba. ", "a ma ", "a ma. ", "degree ",
                             "his b.a ", "his b.a. ", "his ba ", "his ba. ", "his ma ", "his ma. ")
    assert leads(re.compile(r"\w+\s+from")) is None  # no literal start
    assert leads(re.compile(r"(?:a|in)\s+\w+")) is None  # "a ", "in ": too short to test


def test_a_trigger_with_no_selective_list_is_gated_by_its_leads():
    degree = re.compile(r"\b(?:degree|(?:a|his)\s+(?-i:BA|MA))\s+(?:\w+\s+){0,3}?(?:from|at)\b", re.I)
    assert rules._gate_lists(degree) == (frozenset({"a ba ", "a ma ", "degree ", "his ba ", "his ma "}),)
    founded = re.compile(r"\b(?:founded|established)\s+(?:\w+\s+){0,3}?by\b", re.I)
    assert rules._gate_lists(founded) == (frozenset({"established", "founded"}),)  # a selective list: no leads


def test_no_rule_is_skipped_where_its_trigger_matches():
    texts = [e[0] for r in rules.relation_rules() for e in r.examples]
    texts += [t.upper() for t in texts] + ["ſIGNED", "Iİıi JOİNED"]
    texts += [t.replace(" ", "\n  ") for t in texts]  # the phrases' white space is any run of it
    for r in rules.relation_rules():
        for t in texts:
            if r.trigger.search(t):
                assert list(r.triggers(t, triggerwords.words_in(t))), (r.id, t)
