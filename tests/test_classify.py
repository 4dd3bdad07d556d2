"""extract/classify.py: the class a lead sentence gives its subject (cases in tests/cases/classify)."""
import tomllib
from pathlib import Path

import pytest

from wikikg.extract.classify import disambiguation, lead_types, split_title
from wikikg.extract.names import abbreviates_a_part

CASES = tomllib.loads((Path(__file__).parent / "cases" / "classify" / "leads.toml").read_text("utf-8"))["lead"]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_lead_class(case):
    want = frozenset({case["class"]}) if case["class"] else frozenset()
    assert lead_types(case["text"]) == want


@pytest.mark.parametrize("title,want", [
    ("Ada Lovelace (1815–1852)", {"Person"}),
    ("Battle of Kabul (1992–96)", set()),  # an event's years, not a life
    ("Siege of Leningrad (1941–1944)", set()),
    ("Xu Li (computer scientist)", {"Person"}),
])
def test_disambiguation_suffix(title, want):
    base, suffix = split_title(title)
    assert disambiguation(suffix, base) == frozenset(want)


@pytest.mark.parametrize("acronym,name,part", [
    ("FAA", "Special Forces Brigade of the Angolan Armed Forces", True),  # a part's letters, not the head's
    ("UNITA", "National Union for the Total Independence of Angola", False),  # another language's order
    ("MIT", "Massachusetts Institute of Technology", False),
    ("HKEX", "Hong Kong Stock Exchange", False),
])
def test_acronym_of_a_part(acronym, name, part):
    assert abbreviates_a_part(acronym, name) is part


def test_name_types_is_the_first_class_whose_shape_fits():
    """name_types (cached, one search over every class first) gives what trying each class's shape
    pattern in order gives, on names built from names.toml's own shape words."""
    import random

    from wikikg.extract.classify import _bare_shape_words, _shape_patterns, name_types
    from wikikg.kb.names import name_tables

    def by_class(name):
        if name.strip().casefold() in _bare_shape_words():
            return frozenset()
        return next((frozenset({cls}) for cls, pat in _shape_patterns() if pat.search(name)), frozenset())

    words = sorted({w for spec in name_tables().shape.values() for w in spec.anywhere + spec.suffix + spec.first})
    rng = random.Random(3)
    extra = ["Acme", "Jane", "Doe", "of", "the", "21st", "'s", "Ltd.", "Co", "'", "-", "x"]
    for _ in range(4000):
        name = " ".join(rng.choice(words + extra) for _ in range(rng.randint(1, 4)))
        assert name_types(name) == by_class(name), name
