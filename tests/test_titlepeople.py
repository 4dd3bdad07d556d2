"""Tests for wikikg.extract.titlepeople: a link's title read as a person's by its shape (cases as data)."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from wikikg.extract.people import SurnameUse
from wikikg.extract.titlepeople import titled_person_link

CASES = tomllib.loads((Path(__file__).parent / "cases" / "titlepeople.toml").read_text("utf-8"))["case"]


@pytest.mark.parametrize("case", CASES, ids=[c["why"] for c in CASES])
def test_a_link_title_shaped_as_a_persons(case):
    use = SurnameUse(case["text"])
    assert titled_person_link(case["title"], case.get("shown", case["title"]), use) is case["person"]


def test_the_borne_given_names_are_kept_on_disk(tmp_path, monkeypatch):
    """gender-guesser's dictionary is parsed once: the names borne in the West are kept as JSON in the cache."""
    from wikikg.extract import titlepeople

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    titlepeople._borne_given_names.cache_clear()
    try:
        made = titlepeople._borne_given_names()
        assert {"wilhelm", "heinrich", "anna"} <= made and not {"long", "fair", "phi"} & made
        assert list(tmp_path.glob("wikikg/borne-given-names-*.json"))
        titlepeople._borne_given_names.cache_clear()
        assert titlepeople._borne_given_names() == made
    finally:
        titlepeople._borne_given_names.cache_clear()


def test_a_link_so_titled_is_a_person_in_the_article():
    """The article's context types the link a person ("[[Heinrich Fooström]]"), which nothing else types."""
    from wikikg.extract.context import article_context
    from wikikg.extract.mentions import find_mentions
    from wikikg.model import Article
    from wikikg.pipeline.stages import parse_article, subject_of

    text = ("The '''Foo Society''' is a learned society in [[Fooville]]. It was founded by "
            "[[Heinrich Fooström]].")
    parsed = parse_article(Article("Foo Society", text, "-"))
    ctx = article_context(parsed, subject_of(parsed))
    found = {m.key: m.types for s in parsed.sentences for m in find_mentions(s, ctx)}
    assert found["Heinrich Fooström"] == frozenset({"Person"})  # the name parser reads a firm's name
