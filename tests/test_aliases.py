"""The name matcher finds what one regular expression of every name finds."""
from __future__ import annotations

import random
import re

from wikikg.extract.aliases import NameMatcher

NAMES = ["Acme", "Acme Corp", "AC", "the Star", "The Star", "AT&T", "Foo-Bar", "Bar", "U.S.", "Ba"]


def regex_spans(names, text):
    alt = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return [m.span() for m in re.finditer(rf"(?<![\w-])(?:{alt})(?:'s|’s)?(?![\w-])", text)]


def test_examples():
    m = NameMatcher(NAMES)
    assert m.spans("Acme Corp's rival, AT&T, met the Star.") == [(0, 11), (19, 23), (29, 37)]
    assert m.spans("Acme-Bar and Acmes and Acme’s") == [(23, 29)]


def test_same_as_the_regex_on_random_texts():
    rng = random.Random(6)
    parts = NAMES + [" ", " ", ", ", "-", "'s", "’s", "s", "x", "(", ")", "é", "_", "1"]
    m = NameMatcher(NAMES)
    for _ in range(3000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 12)))
        assert m.spans(text) == regex_spans(NAMES, text), text


def test_no_names():
    assert NameMatcher([]).spans("Anything at all") == []


def test_grown_after_use_same_as_the_regex():
    """Names added after the matcher has been used (first characters outside the capitals and digits
    included) are found as the regular expression of all names finds them."""
    rng = random.Random(7)
    first, more = ["Acme", "AC"], ["éclair Co", "(Z) Ltd", "zeta", "Éa", "1st Bank"]
    m = NameMatcher(first)
    assert m.spans("Acme") == [(0, 4)]
    m.add(more)
    names = first + more
    parts = names + [" ", ", ", "-", "'s", "x", "(", ")", "é", "z"]
    for _ in range(2000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 10)))
        assert m.spans(text) == regex_spans(names, text), text


def test_lookbehinds_written_after_the_first_character():
    """Three expressions written with their first character before the lookbehind that guards it (so that the
    regex engine skips to that character): each finds what its lookbehind-first form finds."""
    import random
    import re

    from wikikg.extract import aliases
    from wikikg.extract.context import _MID_SENTENCE_CAPITAL
    from wikikg.extract.select import _APPOSITION

    firsts = frozenset("ABCZ09ÉŁ-")
    chars = re.escape("".join(sorted(firsts)))
    pairs = [(aliases._starts(firsts), re.compile(rf"(?<![\w-])[{chars}]", re.S)),
             (_MID_SENTENCE_CAPITAL, re.compile(r"(?<=[a-z,;] )([A-Z][\w'’-]+)")),
             (_APPOSITION, re.compile(_APPOSITION.pattern.replace(",(?<=⟧,)", "(?<=⟧),", 1)))]
    assert pairs[2][1].pattern != _APPOSITION.pattern
    rng = random.Random(5)
    words = ["A", "Acme", "a", "an", "the", "É", "Łódź", "Z9", "0", "-", "x-A", "_B", "⟦1⟧", "⟧", ",", ", ", ";", " ",
             "\n", "founded", "based", "company", "in", "C's", "B’s", "(", ")", "é", "é A"]
    for _ in range(4000):
        text = "".join(rng.choice(words) + rng.choice(["", " ", " ", ", "]) for _ in range(rng.randint(0, 10)))
        for new, old in pairs:
            assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)], (new, text)
            assert new.findall(text) == old.findall(text)
