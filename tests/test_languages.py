"""kb/languages.py: the tables answer a cite template's language= as pycountry.languages' get() and lookup() do."""
from __future__ import annotations

import pycountry
import pytest

from wikikg.kb.languages import language_codes
from wikikg.parse.cite import language_code


def _pycountry(value: str) -> str | None:
    """language_code's answer from pycountry itself (what parse/cite.py asked before the tables)."""
    try:
        found = pycountry.languages.lookup(value)
    except LookupError:
        return None
    return getattr(found, "alpha_2", None) or found.alpha_3


def test_every_code_and_name_answers_as_pycountry_looks_it_up():
    _, _, by_any = language_codes()
    fields = {value for language in pycountry.languages for _, value in language}
    assert len(fields) > 8000
    for value in sorted(fields) + ["Klingonese", "I", "L", "x"]:
        for variant in (value, value.upper(), value.lower()):
            assert by_any.get(variant.lower()) == _pycountry(variant), variant


def test_two_and_three_letter_codes_answer_as_pycountry_gets_them():
    by_alpha_2, by_alpha_3, _ = language_codes()
    for language in pycountry.languages:
        for field, table in (("alpha_2", by_alpha_2), ("alpha_3", by_alpha_3)):
            code = getattr(language, field, None)
            if code is not None:
                found = pycountry.languages.get(**{field: code})
                assert table[code.lower()] == (getattr(found, "alpha_2", None) or found.alpha_3)
    assert "zz" not in by_alpha_2 and "qqq" not in by_alpha_3


@pytest.mark.parametrize("value, code", [
    ("en-US", "en"), ("ZH", "zh"), ("zho", "zh"), ("Chinese", "zh"), ("chinese, English", "zh"), ("de; fr", "de"),
    ("Ancient Greek (to 1453)", "grc"), ("Klingonese", None), ("", None), (None, None), ("zz", None),
])
def test_language_code(value, code):
    assert language_code(value) == code
