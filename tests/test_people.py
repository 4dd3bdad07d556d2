"""Tests for wikikg.extract.people: personal names by given-name lexicon and name parser (cases as data)."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from wikikg.extract.people import is_personal_name

CASES = tomllib.loads((Path(__file__).parent / "cases" / "people.toml").read_text("utf-8"))["case"]


@pytest.mark.parametrize("case", [
    pytest.param(c, marks=pytest.mark.xfail(reason=c["known_miss"], strict=True)) if "known_miss" in c else c
    for c in CASES], ids=[c["name"] for c in CASES])
def test_personal_name(case):
    assert is_personal_name(case["name"]) is case["person"]
