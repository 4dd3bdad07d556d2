"""extract/anaphora.py: the words that refer back to the article's subject, and those that do not."""
from __future__ import annotations

import pytest

from wikikg.extract.anaphora import own_head, subject_anaphora

HEADS = [
    ("National Academy of Foo and Bar", {"academy"}),
    ("Fooville S.C. Academy", {"academy"}),
    ("Foo Society for Bar Studies", {"society"}),
    ("Department of Foo, Fooville School of Economics", {"department"}),  # the name before the comma
    ("Foo Club (Barshire)", {"club"}),
    ("Academy Awards", set()),  # "Academy" modifies "Awards"
    ("Fooville University School of Law", set()),  # two heads: "the university" is not the school
    ("Academy", set()),  # one word: the page of the noun itself
    ("Foo Records", set()),  # not an institution's noun
]


@pytest.mark.parametrize("name,head", HEADS)
def test_own_head(name, head):
    assert own_head(name) == frozenset(head)


def _found(types, name, text):
    return [m.group() for m in subject_anaphora(frozenset(types), name).finditer(text)]


def test_head_noun_in_lower_case():
    assert _found({"SportsClub"}, "Fooville S.C. Academy", "The academy was established in 2002.") == ["The academy"]
    assert _found({"Organization"}, "Foo Records", "The records show it.") == []


def test_head_noun_before_member():
    text = "Club members Jane Roe and John Doe ran; several club members ran."
    assert _found({"SportsClub"}, "Fooville Athletic Club", text) == ["Club"]


def test_person_has_no_head_noun():
    assert _found({"Person"}, "Jane Roe", "The academy was established. She joined it.") == ["She"]


def test_unit_ordinal():
    text = ("The 172d was equipped with jets; the 172d Fighter Squadron flew, the 172d and 173d too, "
            "and the 172d, which moved; in the 20th century.")
    assert _found({"MilitaryOrganization"}, "172d Foo Squadron", text) == ["The 172d", "the 172d"]
    assert _found({"Company"}, "20th Century Foo", "in the 20th century") == []
