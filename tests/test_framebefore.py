"""extract/framebefore.py: the frame before a link found from the window's end, as frames.py's expression finds it."""
from __future__ import annotations

import random
from pathlib import Path

from wikikg.extract.framebefore import frame_before, usable
from wikikg.extract.frames import _patterns
from wikikg.kb.names import name_tables

ROOT = Path(__file__).resolve().parents[1]


def _expression(text: str, pos: int, end: int) -> bool | None:
    m = _patterns()[0].search(text, pos, end)
    return None if m is None else bool(m["company"])


def test_the_frames_are_usable():
    assert usable()


def test_examples():
    assert frame_before("Foo is a subsidiary of [[Bar]]", 0, 23) is not None
    assert frame_before("she joined the [[Bar]]", 0, 15) is False
    assert frame_before("a stake in its [[Bar]]", 0, 15) is True
    assert frame_before("she rejoined [[Bar]]", 4, 13) is False
    assert frame_before("she rejoined [[Bar]]", 6, 13) is None  # "joined" inside "rejoined": the window opens after
    assert _expression("she rejoined [[Bar]]", 6, 13) is None  # "re", and the lookbehind reads before the window
    assert frame_before("she joined[[Bar]]", 0, 10) is None  # no white space before the link


def test_the_same_as_the_expression():
    """At every position of the seed (windows of 48 characters, as frame_types reads them) and on windows made of the
    frames in upper case and with the letters re.IGNORECASE matches outside ASCII, determiners, white space of several
    kinds, and windows that open inside a frame or right after a word character."""
    text = (ROOT / "seeds" / "sensetime.txt").read_text("utf-8")
    cases = [(text, max(0, p - 48), p) for p in range(len(text))]
    t = name_tables()
    frames = [*t.company_frames, *t.org_frames]
    rng = random.Random(2)
    bits = ["", " ", "(", "x", "a ", "\n", "-", "_", "'", "é", "\u212a", "ſ", "\u0130", "\u0131", "\t", "  "]
    dets = ["", "the ", "its ", "The ", "their  ", "her\n", "hers ", "x "]
    for _ in range(30000):
        f = rng.choice(frames)
        f = f if rng.random() < .6 else f.upper() if rng.random() < .5 else \
            f.replace("s", "ſ").replace("k", "\u212a").replace("i", "\u0131")
        pre = "".join(rng.choice(bits) for _ in range(rng.randint(0, 3)))
        if rng.random() < .3:
            pre += rng.choice(frames) + " "
        w = pre + f + rng.choice([" ", "  ", "\n", "", " \u00a0"]) + rng.choice(dets) + rng.choice(["", " ", "\n"]) + "[[X]]"
        end = w.index("[[X]]")
        cases.append((w, max(0, end - rng.choice([48, 10, 5, 60])), end))
    found = 0
    for w, pos, end in cases:
        want = _expression(w, pos, end)
        found += want is not None
        assert frame_before(w, pos, end) == want, repr(w[pos:end])
    assert found > 3000
