"""Tests for wikikg.extract.personcrf: probablepeople's answer and features, computed in fewer steps."""
from __future__ import annotations

import probablepeople
import pytest

from wikikg.extract import personcrf
from wikikg.extract.people import PARTICLES

# names of both kinds, household and repeated-label shapes, and tokens that exercise each feature (brackets,
# possessives, initials, digits, roman numerals, prepositions, hyphens, accents, a comma, "&", "c/o")
STRINGS = [
    "Jane Roe", "John Q. Public", "Mary-Anne O'Neil", "Dr. Jane Roe Jr.", "Jean-Luc de la Roe", "Roe, Jane",
    "John and Mary Doe", "Acme Holdings Ltd", "Foo & Bar Co.", "c/o Foo Industries", "Bank of Fooland",
    "Xavier Roe III", "Vi Roe", "(Bob) Roe", "'Al' Roe", "Roe's Bakery", "Foo 2nd Battalion", "Zoë Åberg",
    "Élodie Roe-Doe", "J. R. R. Roe", "Ai Ai", "AAA", "Aeiou Yu", "Alpha Beta Gamma Delta", "x²y Foo",
    "Jane Roe aka Jane Doe", "Foo Trust for Bar", "#1 Foo", "@foo", "A / B", "Jane  Roe", "",
    *(f"Jane {p} Roe" for p in sorted(PARTICLES)),
]


def _nonzero(x):
    """Features without those of value False or 0 (a CRF weighs a feature by its value)."""
    if isinstance(x, list):
        return [_nonzero(v) for v in x]
    return {k: _nonzero(v) if isinstance(v, dict) else v for k, v in x.items() if isinstance(v, (str, dict)) or v}


def _library_answer(name):
    try:
        return probablepeople.tag(name)[1] == "Person"
    except probablepeople.RepeatedLabelError:
        return False


@pytest.mark.parametrize("name", STRINGS)
def test_the_same_answer_as_probablepeople(name):
    assert personcrf.is_person(name) is _library_answer(name)


@pytest.mark.parametrize("name", [s for s in STRINGS if probablepeople.tokenize(s)])
def test_the_same_features_and_labels(name):
    tokens = probablepeople.tokenize(name)
    assert personcrf._TOKENS.findall(name) == tokens
    theirs = probablepeople.tokens2features(tokens)
    ours = personcrf.features(tokens)
    assert repr(ours) == repr(_nonzero(theirs))  # same keys in the same order, same values (True is not 1)
    tagger = probablepeople.TAGGERS["generic"]
    labels = tagger.tag(theirs)
    score = tagger.probability(labels)
    assert tagger.tag(ours) == labels and tagger.probability(labels) == score


def test_another_version_asks_probablepeople(monkeypatch):
    real = personcrf._library()
    monkeypatch.setattr(personcrf, "_library", lambda: (*real[:-1], False))
    monkeypatch.setattr(probablepeople, "tag", lambda name: ({}, "Household"))
    assert personcrf.is_person("Jane Roe") is False
