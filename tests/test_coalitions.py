"""extract/coalitions.py: parties linked right before a coalition's noun are its members."""
from __future__ import annotations

import pytest

from wikikg.extract.coalitions import RULE
from wikikg.model import Article
from wikikg.pipeline.stages import extract_article


def _members(text: str, title: str = "Foo ministry") -> set[tuple[str, str]]:
    return {(st.subject.key, st.obj.key) for st in extract_article(Article(title, text, "case", "wikitext")).statements
            if st.predicate == "memberOf" and st.rule == RULE}


@pytest.mark.parametrize("join", ["&ndash;", "/", " ", " and ", "-"])
def test_a_run_of_party_links_before_the_noun_joins_the_coalition(join):
    text = (f"The '''Foo ministry''' began when the [[Foo Party|Foo]]{join}[[Bar Party|Bar]] "
            "[[Foo Coalition|coalition]] was defeated.")
    assert _members(text) == {("Foo Party", "Foo Coalition"), ("Bar Party", "Foo Coalition")}


def test_an_infobox_value_names_the_coalition_s_members_with_its_field_as_evidence():
    text = ("{{Infobox government cabinet\n| opposition_parties = [[Foo Party|Foo]] [[Bar Party|Bar]] "
            "[[Foo Coalition|coalition]]\n}}\nThe '''Foo ministry''' was a ministry.")
    result = extract_article(Article("Foo ministry", text, "case", "wikitext"))
    found = [st for st in result.statements if st.rule == RULE]
    assert {(st.subject.key, st.obj.key) for st in found} == {("Foo Party", "Foo Coalition"),
                                                              ("Bar Party", "Foo Coalition")}
    assert all(st.evidence.section == "Infobox" and "opposition_parties" in st.evidence.text for st in found)


@pytest.mark.parametrize("text", [
    "The '''Foo ministry''' faced the [[Foo Party|Foo]] [[Foo Coalition|Coalition of the Willing]].",  # a name, no noun
    "The '''Foo ministry''' faced the [[Foo Party|Foo]], then the [[Foo Coalition|coalition]].",  # no run
    "The [[France|French]]–[[Germany|German]] [[Franco-German alliance|alliance]] endured.",  # countries
    "The '''Foo ministry''' faced the [[Foo Coalition|coalition]].",  # no party before it
])
def test_no_membership_without_a_run_of_organisations_right_before_the_noun(text):
    assert not _members(text)
