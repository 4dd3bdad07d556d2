"""extract/boxtext.py is_label: each place the source holds the text, checked on both sides, as one expression finds it."""
from __future__ import annotations

import random
import re

from wikikg.extract.boxtext import is_label


def _one_expression(text: str, source: str) -> bool:
    return bool(text) and re.search(rf"(?:^|[=>\n*])\s*(?:'{{2,3}})?{re.escape(text)}(?:'{{2,3}})?\s*:", source) is not None


def test_a_bold_label_before_its_colon():
    assert is_label("Press officer", "key_people = '''Press officer:'''<br>[[Jane Roe]]")
    assert is_label("Chairman", "* Chairman :")
    assert not is_label("Chairman", "[[Jane Roe]] (Chairman)")
    assert not is_label("", ":")


def test_the_same_answers_as_one_expression_on_random_texts():
    pieces = ["'", "''", "'''", " ", "\n", "\t", "=", ">", "*", ":", "a", "b", "ab", "\u00a0", "\u2003", "x:", "("]
    rng = random.Random(15)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 3)))
        source = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        if text and rng.random() < 0.5:
            k = rng.randint(0, len(source))
            source = source[:k] + text + source[k:]
        assert is_label(text, source) == _one_expression(text, source), (text, source)
