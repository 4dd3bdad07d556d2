"""kb/alternation.py: searching only the cues a text's words allow finds what the whole alternation finds."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from wikikg.kb import rules
from wikikg.kb.alternation import Alternation
from wikikg.kb.schema import read

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT.joinpath("seeds/sensetime.txt").read_text("utf-8").splitlines() + [
    "", "which, who; whom: but not the ⟦0⟧ — which", "It was not planned to be reported that X, and the firm",
    "KELVIN \u212a and \u0130stanbul: ſo we said that it may WILL would", "the following year, after which",
]


def _same(alt: Alternation, text: str, pos: int, endpos: int) -> None:
    union = alt.union
    assert [(m.span(), m.group()) for m in alt.finditer(text, pos, endpos)] == \
        [(m.span(), m.group()) for m in union.finditer(text, pos, endpos)], (alt.pattern, text, pos, endpos)
    a, u = alt.search(text, pos, endpos), union.search(text, pos, endpos)
    assert (a and (a.span(), a.group())) == (u and (u.span(), u.group()))


@pytest.mark.parametrize("name", ["clause_breaks", "hedges", "negations", "reports"])
def test_shipped_cues_find_what_their_alternation_finds(name):
    alt = getattr(rules.cues(), name)
    assert alt._exact  # the cue lists are searched part by part
    assert alt.pattern == "|".join(f"(?:{p.replace('{E}', rules.SLOT)})" for p in read("cues.toml")[name])
    rng = random.Random(5)
    for text in TEXTS:
        for _ in range(20):
            a = rng.randint(0, len(text))
            b = rng.randint(a, len(text))
            _same(alt, text, a, b)
            _same(alt, text, 0, b)
            _same(alt, text[a:b], 0, len(text))


def test_ties_go_to_the_earlier_part_and_lookbehind_sees_before_pos():
    alt = Alternation([r"ab", r"abc", r"(?<=x)c", r"\bc\w+"], re.I)
    for text in ["abc", "xabc", "ABCD", "xc cd", "ab cat", "xcat"]:
        for pos in range(len(text) + 1):
            _same(alt, text, pos, len(text))


def test_parts_without_words_are_always_searched():
    alt = Alternation([r"[;:]", r"\bfoo\b", r"\s[–—]\s"], re.I)
    assert [m.group() for m in alt.finditer("a; FOO — b: foo")] == [";", "FOO", " — ", ":", "foo"]


@pytest.mark.parametrize("parts", [[r"a*", r"b"], [r"(x)\1", r"y"], [r"(?=z)", r"z"]])
def test_empty_matches_and_back_references_use_the_plain_alternation(parts):
    alt = Alternation(parts, re.I)
    assert not alt._exact
    for text in ["", "xx y z", "baab", "zz"]:
        _same(alt, text, 0, len(text))


def test_equal_by_pattern_and_flags():
    assert Alternation(["a", "b"], re.I) == Alternation(["a", "b"], re.I) != Alternation(["a", "b"], 0)
    assert len({Alternation(["a"], re.I), Alternation(["a"], re.I)}) == 1


def test_first_is_the_first_part_that_matches_anywhere():
    parts = [r"\bzeta\b", r"(?<![\w])(?:Bank|Trust)\s*$", r"\bbank\b", r"[0-9]+th", r"q+"]
    alt = Alternation(parts)
    rng = random.Random(2)
    words = ["zeta", "Bank", "bank", "Trust", "15th", "q", " ", "Zeta", "x"]
    for _ in range(2000):
        text = "".join(rng.choice(words) for _ in range(rng.randint(0, 6)))
        want = next((i for i, p in enumerate(parts) if re.search(p, text)), None)
        assert alt.first(text) == want, text


def test_rules_requires_searched_only_with_their_words_find_what_search_finds():
    """kb/rules.py `requires_found`: a rule's `requires` tested only where the sentence holds one of the words it
    cannot match without says what `pattern.search` says, for every shipped rule."""
    patterns = list(dict.fromkeys(r.requires for r in rules.relation_rules() if r.requires is not None))
    rng = random.Random(9)
    words = [w for p in patterns for w in re.findall(r"[A-Za-z]{2,}", p.pattern)][:400] + ["the", "of", "at", "⟦0⟧"]
    texts = TEXTS + [" ".join(rng.choice(words) for _ in range(rng.randint(0, 12))) for _ in range(1500)]
    for text in texts:
        present = rules.requires_words_in(text)
        for p in patterns:
            assert rules.requires_found(p, text, present) == (p.search(text) is not None), (p.pattern, text)


def test_a_pickled_alternation_finds_what_it_found(tmp_path):
    import pickle

    alt = Alternation([r"\bFoo Corp\b", r"\bbar (?:institute|college)\b", r"\d+ members?"], re.I)
    text = "In 1999 the Bar Institute had 40 members; Foo Corp bought it."
    alt.first(text)  # its cache holds an answer before it is pickled
    back = pickle.loads(pickle.dumps(alt, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == alt and back.needs == alt.needs and back._live is not alt._live
    assert [m.span() for m in back.finditer(text)] == [m.span() for m in alt.finditer(text)] == [(12, 25), (30, 40),
                                                                                               (42, 50)]
    assert back.first("no match here") is None and back.first(text) == 0
