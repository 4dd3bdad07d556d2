"""extract/specsubject.py and listterms.group_label: a party known by its infobox; a label over a nested member list."""
from __future__ import annotations

import pytest

from wikikg.model import Article
from wikikg.pipeline.stages import extract_article


def _facts(title: str, text: str) -> set[tuple[str, str, str]]:
    return {(st.subject.key, st.predicate, st.obj.key) for st in
            extract_article(Article(title, text, "case", "wikitext")).statements if st.predicate != "mentionedIn"}


PARTY = ("{{Infobox political party\n| name = Foo\n| country = Freedonia\n}}\n"
         "'''Foo''' is a liberal political party in [[Freedonia]].\n\n==Prime Ministers==\n"
         "* [[Jane Roe]] (July 24, 1901 – January 14, 1905)\n* [[John Doe]] (January 14, 1905 – October 12, 1908)\n")


@pytest.mark.parametrize("box,members", [
    ("{{Infobox political party", True),  # the subject's own box says it is a party: its prime ministers are members
    ("{{Infobox party", True),  # an alias of the party's box
    ("{{Infobox company", False),  # a company's "Prime Ministers" are nobody's members
])
def test_a_party_known_by_its_infobox_has_its_prime_ministers_as_members(box, members):
    facts = _facts("Foo (Freedonia)", PARTY.replace("{{Infobox political party", box))
    assert (("Jane Roe", "memberOf", "Foo (Freedonia)") in facts) is members
    assert (("John Doe", "memberOf", "Foo (Freedonia)") in facts) is members


CONFERENCE = ("'''Foo Conference''' is a collegiate athletic conference in [[Freedonia]].\n\n"
              "==Members==\n* [[University of Barton]], 1995–\n\n=== Former members ===\n*[[Bar East]]:\n"
              "**[[University of Fooville]] ([[Fooville Bears]]), 1995–2005\n**[[Barshire University]], 1995–2005\n"
              "*[[Baz West Conference|Baz West]]:\n**[[Quux College]], 2001–2005\n")


def test_a_label_over_a_nested_member_list_is_no_member_its_items_are():
    facts = _facts("Foo Conference", CONFERENCE)
    members = {s for s, p, o in facts if p == "memberOf" and o == "Foo Conference"}
    assert {"University of Fooville", "Barshire University", "Quux College"} <= members
    assert not members & {"Bar East", "Baz West Conference"}


def test_a_member_item_with_sub_items_that_is_no_label_keeps_its_reading():
    text = CONFERENCE.replace("*[[Bar East]]:\n", "*[[Bar East]], 1990–1994\n")
    members = {s for s, p, o in _facts("Foo Conference", text) if p == "memberOf" and o == "Foo Conference"}
    assert "Bar East" in members and "University of Fooville" not in members


def test_every_subject_box_is_an_infobox_kind():
    from wikikg.kb.mappings import infoboxes
    from wikikg.kb.sections import load_sections
    kinds = {box.kind for box in infoboxes().kinds}
    boxes = {k for spec in load_sections() for k in spec.subject_boxes}
    assert boxes and boxes <= kinds


def test_a_label_of_words_alone_is_no_group():
    """"*Cosponsors:" says what the items below are, no body they are grouped by: the list reads as before."""
    text = CONFERENCE.replace("*[[Bar East]]:\n", "*Cosponsors:\n")
    members = {s for s, p, o in _facts("Foo Conference", text) if p == "memberOf" and o == "Foo Conference"}
    assert "University of Fooville" not in members and "Quux College" in members
