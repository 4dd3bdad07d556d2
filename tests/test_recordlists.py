"""Tests for extract.recordlists (a club's records lists), the affiliate tables of sections.toml, and the major-league
club infoboxes of infobox.toml with their season-year templates."""
from __future__ import annotations

from wikikg.model import Article
from wikikg.pipeline.stages import extract_article

CLUB = """{{Infobox NFL team | name = Fooville Bears
| founded = 1920
| city = [[Foo Stadium]]<br>[[Fooville, Barshire]]
| coach = [[Jane Roe]]
| general manager = [[John Doe]]
| owner = [[Max Mustermann]]
| division_hist =
* Western Division ({{Bears NFL season|1933}}–{{Bears NFL season|1949}})
* '''[[Foo Conference]] ({{Bears NFL season|1970}}–present)'''
}}
The '''Fooville Bears''' are a professional [[American football]] team.

==Single-season records==
'''Passing'''
* '''Passing Yards''': 4,614 [[Erika Musterfrau]] ({{Bears NFL season|1984}})
* '''Longest Pass''': 98 Yards [[Richard Roe]] (1932) / Ogden Smith (1957)

==Career records==
* '''Passing Yards''': 34,639, [[Jim Example]] ({{Bears NFL season|1966}}–{{Bears NFL season|1983}})
* '''Record victory''': 56–0 v [[Barton Rovers F.C.]]

==All-time leaders==
;Hitting
:Games played —[[Joe Sample]] (1999–2006)- 1,194

==Minor league affiliations==
{|class="wikitable"
!Level
!Team
!League
!Location
|-
|''AAA''
|[[Barton Aces Baseball Club]]
|[[Quux Coast League]]
|[[Barton, Barshire]]
|}

===Radio affiliates===
{| class="wikitable"
!City !! Call Sign !! Frequency
|-
| [[Bazton, Barshire]] || [[KFOO (AM)|KFOO]]-AM || 620 AM
|}
"""


def _facts() -> set[tuple]:
    out = set()
    for st in extract_article(Article(title="Fooville Bears", text=CLUB)).statements:
        s, o = st.subject, st.obj
        out.add((getattr(s, "key", s), st.predicate, getattr(o, "key", str(o)), st.date.value if st.date else None))
    return out


def test_a_records_lists_linked_people_played_for_the_club():
    facts = {(s, p, o) for s, p, o, _ in _facts()}
    for person in ("Erika Musterfrau", "Richard Roe", "Jim Example", "Joe Sample"):
        assert (person, "memberOf", "Fooville Bears") in facts
    assert not any(s in ("Passing Yards", "Ogden Smith", "Barton Rovers F.C.") and o == "Fooville Bears"
                   for s, _, o in facts)  # a stat's label, an unlinked name, an opponent


def test_a_span_of_years_after_a_record_holder_dates_the_membership():
    facts = _facts()
    assert ("Jim Example", "memberOf", "Fooville Bears", "1966") in facts
    assert ("Erika Musterfrau", "memberOf", "Fooville Bears", None) in facts  # one season's record: no tenure


def test_affiliate_tables_give_partners_their_leagues_and_towns():
    facts = {(s, p, o) for s, p, o, _ in _facts()}
    assert ("Fooville Bears", "partneredWith", "Barton Aces Baseball Club") in facts
    assert ("Barton Aces Baseball Club", "memberOf", "Quux Coast League") in facts
    assert ("Barton Aces Baseball Club", "headquarteredIn", "Barton, Barshire") in facts
    assert any(p == "partneredWith" and o.startswith("KFOO") for s, p, o in facts if s == "Fooville Bears")
    assert any(p == "headquarteredIn" and o == "Bazton, Barshire" for s, p, o in facts if s.startswith("KFOO"))


def test_a_major_league_box_names_staff_and_dated_divisions():
    facts = _facts()
    for person in ("Jane Roe", "John Doe", "Max Mustermann"):
        assert ("Fooville Bears", "keyPerson", person, None) in facts
    assert ("Fooville Bears", "memberOf", "Foo Conference", "1970") in facts  # {{Bears NFL season|1970}} shows 1970
    assert not any(p == "headquarteredIn" and o == "Foo Stadium" for s, p, o, _ in facts)  # "city": the ground first


SPONSORS = """{{Infobox football club | name = Fooville Town F.C. | league = [[Foo League]]}}
'''Fooville Town F.C.''' is a football club.

== Sponsors ==
{| class="wikitable"
!Period
!Kit Manufacturer
!Shirt Sponsor
|-
|2014-2015
| -
|Barshire Cement Limited
|-
|2019- present
|[[Quux Sportswear]]
|[[Foo Power Tech Limited]]
|}
"""


def test_a_clubs_kit_makers_and_shirt_sponsors_are_its_partners_from_their_period():
    got = {(st.subject.key, st.predicate, st.obj.key, st.date.value if st.date else None)
           for st in extract_article(Article(title="Fooville Town F.C.", text=SPONSORS)).statements}
    assert ("Fooville Town F.C.", "partneredWith", "Barshire Cement Limited", "2014") in got
    assert ("Fooville Town F.C.", "partneredWith", "Foo Power Tech Limited", "2019") in got
    assert ("Fooville Town F.C.", "partneredWith", "Quux Sportswear", "2019") in got
    assert not any(o in ("-", "2014-2015") for _, _, o, _ in got)


def test_season_year_templates_show_their_year():
    from wikikg.parse import parse_article
    text = ("'''Foo''' is a team. It moved to [[Fooville]] in {{Foo NFL season|1960}} and began play in {{nfly|2006}}. "
            "{{Infobox NFL season|team=Foo}}")
    sentences = " ".join(s.text for s in parse_article(Article(title="Foo", text=text)).sentences)
    assert "in 1960 and began play in 2006" in sentences
