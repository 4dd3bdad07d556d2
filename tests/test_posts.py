"""Tests for extract/posts.py: the names a party member's noun or a post's title stands beside."""
from __future__ import annotations

from wikikg.extract.posts import partisan_split, post_holder
from wikikg.model import Mention

PARTY = Mention("Democratic Party", "Democratic Party (Freedonia)", True, frozenset({"Organization"}))
PERSON = Mention("Jane Roe", "Jane Roe", True, frozenset({"Person"}))


def test_a_party_members_noun_before_a_persons_name_names_the_party():
    index = {"Democrat": PARTY, "Democrats": PARTY}
    resolve = {"Jane Roe": PERSON}.get
    assert partisan_split("Democrat Jane Roe", index, resolve) == (PARTY, len("Democrat"))
    assert partisan_split("Democrat Party of Fooland", index, resolve) is None  # a party's own name
    assert partisan_split("Republican Jane Roe", index, resolve) is None  # the article names no such party


def test_an_organisation_before_a_post_only_organisations_have():
    assert post_holder("Acme CEO ") == "Acme"
    assert post_holder("Acme Group Chief Executive ") == "Acme Group"
    assert post_holder("Former CEO ") == ""
    assert post_holder("Thouron Fellow ") == ""
    assert post_holder("Vice President ") == ""
