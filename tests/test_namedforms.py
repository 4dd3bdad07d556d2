"""Tests for wikikg.extract.patronymics and wikikg.extract.partnerfirms: names typed by their form (cases as data)."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from wikikg.extract.partnerfirms import partners_firm
from wikikg.extract.people import is_personal_name

CASES = tomllib.loads((Path(__file__).parent / "cases" / "namedforms.toml").read_text("utf-8"))["case"]


@pytest.mark.parametrize("case", CASES, ids=[c["why"] for c in CASES])
def test_a_names_form_says_what_it_names(case):
    if case["kind"] == "person":
        assert is_personal_name(case["name"]) is case["expected"]
    else:
        assert partners_firm(case["name"], case["text"]) is case["expected"]


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


def test_a_partners_link_is_an_organisation_in_the_article():
    """The article's context types "[[Waddfoo & Harrbar]]", which nothing else types, an organisation."""
    found = _found("'''Foo Abbey''' is an abbey in [[Fooshire]]. It was rebuilt to designs by [[Waddfoo & Harrbar]].")
    assert found["Waddfoo & Harrbar"] == frozenset({"Organization"})
