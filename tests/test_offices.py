"""An officeholder's post linked whole to the body it heads (extract/offices.linked_body)."""
from __future__ import annotations

import pytest

from wikikg.extract.offices import names_office, office_organisation
from wikikg.model import FieldItem, Link


def _item(target: str, text: str) -> FieldItem:
    return FieldItem(text, (Link(target, text, 0, len(text)),))


@pytest.mark.parametrize("target,text,body", [
    ("Roman Catholic Diocese of Fooville", "Bishop of Fooville", "Roman Catholic Diocese of Fooville"),
    ("Foo House Committee on Science", "Chairman of the House Committee on Science", "Foo House Committee on Science"),
    # a post's own article, a list's page (the body its text names), an auxiliary's post
    ("Foo Navy Director of Works", "Director of Works", None),
    ("List of Chancellors of the University of Foo", "Chancellor of the University of Foo", "University of Foo"),
    ("Roman Catholic Archdiocese of Barton", "Auxiliary Bishop of Barton", None),
])
def test_linked_post_names_the_body_its_link_leads_to(target, text, body):
    org = office_organisation(_item(target, text))
    assert (org.key if org else None) == body


@pytest.mark.parametrize("name,office", [
    ("Provisional Bishop of Fooville", True), ("Governor of Barshire", True),
    ("John of Fooville", False), ("Thomas II of Barton", False), ("Jane Roe", False),
])
def test_a_heads_post_with_its_modifiers_is_no_holder(name, office):
    assert names_office(name) is office
