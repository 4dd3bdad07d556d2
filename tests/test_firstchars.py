"""kb/firstchars.py: a trigger searched from its first characters finds what its finditer finds."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from wikikg.kb import gates
from wikikg.kb.firstchars import first_chars, matches, skipping
from wikikg.kb.rules import relation_rules
from wikikg.model import Article
from wikikg.pipeline.stages import extract_article

ROOT = Path(__file__).resolve().parents[1]


def test_the_characters_a_match_opens_with():
    assert first_chars(re.compile(r"(?<![\w-])\bfounded\s+by", re.I)) == "Ff"
    assert first_chars(re.compile(r"(?:co-?)?founded|⟦\d+⟧", re.I)) == "CFcf⟦"
    assert first_chars(re.compile(r"(?:the\s+)?kin[gs]", re.I)) == "KTkt\u212a"
    assert first_chars(re.compile(r"is", re.I)) == "Ii\u0130\u0131"
    assert first_chars(re.compile(r"[a-c]x")) == "ABCabc"


def test_no_characters_where_they_are_not_listed():
    assert first_chars(re.compile(r"(?<=⟧)\s+and")) is None  # a category
    assert first_chars(re.compile(r"x?")) is None  # the empty string
    assert first_chars(re.compile(r"[^x]y")) is None
    assert first_chars(re.compile(r"(?:a|.)b")) is None
    assert first_chars(re.compile("Élan", re.I)) is None  # a cased letter outside ASCII
    assert skipping(re.compile(r"(?i)foo")) is None  # its global flag cannot move inside


def test_no_character_outside_ascii_matches_an_ascii_character_but_a_letter():
    others = re.compile(r"[\x00-@\[-`{-\x7f]", re.I)  # ASCII without its letters (tests/test_literals.py has those)
    assert not any(others.match(chr(cp)) for cp in range(128, 0x110000))


@pytest.fixture(scope="module")
def slotted_sentences():
    """The slotted sentences whose gates were asked while the seed and six held-out articles were extracted."""
    texts, scan = [], gates.open_rules

    def recording(text):
        texts.append(text)
        return scan(text)

    files = [ROOT / "seeds" / "sensetime.wikitext", *sorted((ROOT / "tests" / "heldout").glob("*.wikitext"))[:6]]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(gates, "open_rules", recording)
        for f in files:
            extract_article(Article(f.stem.replace("_", " "), f.read_text("utf-8"), str(f)))
    return texts


def _variants(text: str) -> list[str]:
    """The text, upper-cased, and with the letters re.IGNORECASE matches outside ASCII in place of i, s and k."""
    wide = text.replace("i", "\u0130").replace("s", "\u017f").replace("k", "\u212a")
    return [text, text.upper(), wide, text.replace("i", "\u0131"), "  " + text.replace(" ", "\n ")]


def test_every_trigger_finds_what_its_finditer_finds(slotted_sentences):
    assert len(slotted_sentences) > 250
    texts = [v for t in slotted_sentences for v in _variants(t)]
    skipped = 0
    for rule, skip in zip(relation_rules(), gates._skips(), strict=True):
        skipped += skip is not None
        for text in texts:
            want = [(m.span(), m.groups()) for m in rule.trigger.finditer(text)]
            assert [(m.span(), m.groups()) for m in matches(rule.trigger, skip, text)] == want, (rule.id, text)
    assert skipped > len(relation_rules()) // 2  # most triggers open with known characters
