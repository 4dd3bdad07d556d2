"""extract/subjectnames.py: a short name's uses on its own, counted without an expression per name."""
from __future__ import annotations

import re

import pytest

from wikikg.extract.subjectnames import _uses_alone

# (text, short name, the company word it is used without)
CASES = [
    ("Founded in 2014, SenseTime grew; by 2018 SenseTime Group had listed, and SenseTime's labs opened.",
     "SenseTime", "Group"),
    ("backed by Palantir, then Palantir Technologies, then Palantir-style firms and Palantir_x; Palantir.",
     "Palantir", "Technologies"),
    ("Palantir at the start of a text, then Palantir.", "Palantir", "Technologies"),
    (" Acme Acme Acme, a Acme; Acme", "Acme", "Corp"),
    ("a AcmeAcme and Acme Corp and Acme Corporation and Acmé", "Acme", "Corp"),
    ("ÉA Acme, Acme 2 and Acme\u00b2 and Acme٣", "Acme", "Inc"),
    ("", "Acme", "Inc"),
    ("aa a a a", "a a", "b"),
]


@pytest.mark.parametrize("text,short,word", CASES)
def test_counts_what_the_expression_found(text, short, word):
    expected = len(re.findall(rf"(?<=[a-z,;] ){re.escape(short)}(?![\w-]| {re.escape(word)})", text))
    assert _uses_alone(text, short, word) == expected
