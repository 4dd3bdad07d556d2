"""Tests for extract.tables' staff rows: a post cell that heads the body ("President", "Director") makes the row's
person a key person of it, as "* Jane Roe, President" does in a list; any other post ("Club secretary") does not."""
from __future__ import annotations

from wikikg.model import Article
from wikikg.pipeline.stages import extract_article

CLUB = """{{Infobox football club
| clubname = Fooville Town F.C.
}}
'''Fooville Town F.C.''' is a football club based in [[Fooville]], [[Freedonia]].

==Current staff==
{| class="wikitable"
|-
!Position
!Name
|-
|President||Jane Roe
|-
|Director||John Doe
|-
|Club secretary||Sam Smith
|-
|Director of football||Ann Lee
|}
"""


def test_a_staff_table_row_whose_post_heads_the_club_makes_a_key_person():
    got = {(st.subject.key, st.predicate, st.obj.key)
           for st in extract_article(Article("Fooville Town F.C.", CLUB)).statements}
    assert ("Fooville Town F.C.", "keyPerson", "Jane Roe") in got
    assert ("Fooville Town F.C.", "keyPerson", "John Doe") in got
    assert ("Fooville Town F.C.", "keyPerson", "Sam Smith") not in got  # a secretary of the club: staff only
    assert ("Fooville Town F.C.", "keyPerson", "Ann Lee") not in got  # a post of its own, no head of the club
    assert ("Sam Smith", "affiliatedWith", "Fooville Town F.C.") in got
