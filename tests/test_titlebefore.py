"""extract/titlebefore.py: a title before a name found from the text's last word, as the one expression finds it."""
from __future__ import annotations

import random
import re
from pathlib import Path

from wikikg.extract.titlebefore import title_before
from wikikg.kb.names import name_tables

ROOT = Path(__file__).resolve().parents[1]


def _expression() -> re.Pattern:
    """The expression title_before replaces: a title at the start or after white space, "(" or "[", then white space."""
    titles = sorted(name_tables().stop.titles, key=len, reverse=True)
    return re.compile(rf"(?:^|(?<=[\s(\[]))(?:{'|'.join(map(re.escape, titles))})\s+$")


def test_titles_are_stripped_words():
    """The titles name_tables gives are stripped and not empty (title_before reads them so)."""
    assert all(t and t == t.strip() for t in name_tables().stop.titles)


def test_examples():
    assert title_before("under Governor ")
    assert title_before("Dr. ")
    assert title_before("the talk by (Dr. \n")
    assert not title_before("under Governor")  # no white space after it
    assert not title_before("the Vice-Governor ")  # a title inside a word
    assert not title_before("under governor ")  # titles are capitalised


def test_the_same_as_the_expression_on_the_seed_and_made_up_windows():
    """Every 40-character window of the seed's text before a position, and windows made of titles, their lower-case
    forms, brackets, white space of several kinds and other words, as the expression finds them."""
    pattern = _expression()
    text = (ROOT / "seeds" / "sensetime.txt").read_text("utf-8")
    windows = [text[max(0, p - 40):p] for p in range(len(text))]
    rng = random.Random(7)
    titles = list(name_tables().stop.titles)
    bits = ["", " ", "(", "[", "x", "a ", "\n", "-", "'", "Dr", "Lt.", "\u00a0", "\u212a"]
    tails = ["", " ", "  ", "\n", " \n", "\u00a0", "\t", "x ", ". ", " the ", "\u2003"]
    for _ in range(20000):
        t = rng.choice(titles)
        windows.append("".join(rng.choice(bits) for _ in range(rng.randint(0, 4)))
                       + (t if rng.random() < 0.8 else t.lower()) + rng.choice(tails))
    assert sum(map(title_before, windows)) > 1000
    for w in windows:
        assert title_before(w) == bool(pattern.search(w)), repr(w)
