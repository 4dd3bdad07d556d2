"""anaphora.py's pronoun patterns, written with their first letters first, find what the \\b-first forms find."""
from __future__ import annotations

import random
import re
from pathlib import Path

from wikikg.extract.anaphora import _HE, _SHE, other_pronoun

ROOT = Path(__file__).resolve().parents[1]
_PLAIN = ((_HE, re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Hh]imself)\b")),
          (_SHE, re.compile(r"\b(?:[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b")))


def test_the_same_matches_as_the_plain_forms():
    """On the seed, every held-out article and random texts of the letters and marks around a pronoun."""
    texts = [(ROOT / "seeds" / "sensetime.wikitext").read_text("utf-8")]
    texts += [p.read_text("utf-8") for p in sorted((ROOT / "tests" / "heldout").glob("*.wikitext"))]
    rng = random.Random(5)
    letters = list("hHeisImSsrlf x_-.é1'\n")
    texts += ["".join(rng.choice(letters) for _ in range(rng.randint(0, 16))) for _ in range(50000)]
    texts += ["He said his wife and she met him; Her hers herself himself. theHe she's shed he-man", "he", "She"]
    for text in texts:
        for fast, plain in _PLAIN:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_other_pronoun():
    assert other_pronoun("He was born. He met her. She was his wife.") == "she"
    assert other_pronoun("She was born. Her husband, he said.") == "he"
    assert other_pronoun("He was born. His son.") == ""
