"""extract/classify.py: the class a lead sentence gives its subject (cases in tests/cases/classify)."""
import tomllib
from pathlib import Path

import pytest

from wikikg.extract.classify import lead_types

CASES = tomllib.loads((Path(__file__).parent / "cases" / "classify" / "leads.toml").read_text("utf-8"))["lead"]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_lead_class(case):
    want = frozenset({case["class"]}) if case["class"] else frozenset()
    assert lead_types(case["text"]) == want
