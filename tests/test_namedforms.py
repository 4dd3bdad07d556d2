"""Tests for wikikg.extract.patronymics: names a person's by their form (cases as data)."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from wikikg.extract.people import is_personal_name

CASES = tomllib.loads((Path(__file__).parent / "cases" / "namedforms.toml").read_text("utf-8"))["case"]


@pytest.mark.parametrize("case", CASES, ids=[c["why"] for c in CASES])
def test_a_names_form_says_what_it_names(case):
    assert is_personal_name(case["name"]) is case["expected"]


def _found(text: str) -> dict:
    from wikikg.extract.context import article_context
    from wikikg.extract.mentions import find_mentions
    from wikikg.model import Article
    from wikikg.pipeline.stages import parse_article, subject_of

    parsed = parse_article(Article("Foo Abbey", text, "-"))
    ctx = article_context(parsed, subject_of(parsed))
    return {m.key: m.types for s in parsed.sentences for m in find_mentions(s, ctx)}


def test_an_unlinked_patronymic_name_is_one_persons_name():
    """The name pass reads "mac" as a joiner: "Fooan mac Barrach" is one person, not "Fooan" and "Barrach"."""
    found = _found("'''Foo Abbey''' is an abbey in [[Fooshire]]. It was founded by Fooan mac Barrach in 740.")
    assert found.get("Fooan mac Barrach") == frozenset({"Person"})
    assert "Fooan" not in found


def test_a_generation_after_a_comma_is_the_subject_or_one_name_with_its_full_stop():
    """"Jane Foo Roe, Jr" is the subject "Jane Foo Roe Jr." as older prose writes it, and "Jane B. Roe, Sr. served"
    keeps the full stop of "Sr." (one node, not "..., Sr" and "..., Sr.")."""
    from wikikg.extract.context import article_context
    from wikikg.extract.mentions import find_mentions
    from wikikg.model import Article
    from wikikg.pipeline.stages import parse_article, subject_of

    text = ("'''Jane Foo Roe Jr.''' (1912–2002) was a general.\n\nJane Foo Roe, Jr was born in [[Fooville]]. Her "
            "father, Jane B. Roe, Sr. served 41 years before he retired.")
    parsed = parse_article(Article("Jane Foo Roe Jr.", text, "-"))
    ctx = article_context(parsed, subject_of(parsed))
    keys = {m.text: m.key for s in parsed.sentences for m in find_mentions(s, ctx)}
    assert keys["Jane Foo Roe, Jr"] == "Jane Foo Roe Jr."
    assert keys["Jane B. Roe, Sr."] == "Jane B. Roe, Sr."
