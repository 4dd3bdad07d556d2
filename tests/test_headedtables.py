"""Tests for extract.headedtables: a table under "Presidents of the Foo Council" lists the council's heads, not
the article's subject's; under "Presidents of Freedonia" (a place) no one's."""
from __future__ import annotations

from wikikg.model import Article
from wikikg.pipeline.stages import extract_article

PARTY = """{{Infobox political party
| name = Freedonian Bar Party
}}
The '''Freedonian Bar Party''' is a political party in [[Freedonia]]. Its members sit in the [[Foo Council]].

==Presidents of the Foo Council==
{| class=wikitable
! Name !! Years
|-
| [[John Doe]] || 1990–1994
|}

==Presidents of Freedonia==
{| class=wikitable
! Name !! Years
|-
| [[Max Mustermann]] || 1994–1998
|}

==Chairmen of the Board==
{| class=wikitable
! Name !! Years
|-
| [[Jane Roe]] || 1998–2004
|}
"""


def test_a_heading_naming_another_body_gives_its_heads_and_a_place_none():
    got = {(st.subject.key, st.predicate, st.obj.key)
           for st in extract_article(Article("Freedonian Bar Party", PARTY)).statements if st.predicate == "keyPerson"}
    assert ("Foo Council", "keyPerson", "John Doe") in got
    assert ("Freedonian Bar Party", "keyPerson", "John Doe") not in got
    assert not any(o == "Max Mustermann" for _, _, o in got)  # a country's presidents: no one of the party's
    assert ("Freedonian Bar Party", "keyPerson", "Jane Roe") in got  # the party's own board
