"""extract/entailment.py and the subject's anaphora: who joined a band became its member; "the band" is the band."""
from __future__ import annotations

import pytest

from wikikg.model import Article
from wikikg.pipeline.stages import extract_article

BAND = ("'''Foo Bar''' is a Freedonian rock band.\n\n== History ==\n"
        "The band was formed in 1986 by guitarist [[Jane Roe]] and bassist [[John Doe]].\n"
        "In 2005 [[Sam Major]] joined the band.\n")
FIRM = ("'''Foo Holdings''' is a Freedonian company.\n\n== History ==\n"
        "In 2005 [[Sam Major]] joined the group as its chief financial officer.\n")


def _facts(title: str, text: str) -> set[tuple[str, str, str]]:
    return {(st.subject.key, st.predicate, st.obj.key) for st in
            extract_article(Article(title, text, "case", "wikitext")).statements if st.predicate != "mentionedIn"}


@pytest.mark.parametrize("fact", [("Foo Bar", "foundedBy", "Jane Roe"), ("Foo Bar", "foundedBy", "John Doe"),
                                  ("Sam Major", "memberOf", "Foo Bar")])
def test_the_band_is_the_band(fact):
    facts = _facts("Foo Bar", BAND)
    assert fact in facts
    assert ("Sam Major", "affiliatedWith", "Foo Bar") not in facts


def test_who_joined_a_firms_group_is_its_staff():
    facts = _facts("Foo Holdings", FIRM)
    assert ("Sam Major", "affiliatedWith", "Foo Holdings") in facts
    assert ("Sam Major", "memberOf", "Foo Holdings") not in facts
