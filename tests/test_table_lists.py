"""extract/tables.py: a table cell that lists several linked names names an entity of its row for each."""
from __future__ import annotations

from wikikg.model import Article
from wikikg.pipeline.stages import extract_article

WING = ("'''No. 9 Foo Wing''' was a wing of the [[Freedonian Air Force]] during the war.\n\n"
        "==Organisation and Squadrons==\n{| class=\"wikitable\"\n|-\n| colspan=\"3\" | '''No. 9 Foo Wing organisation'''\n|-\n"
        "||'''Date'''||'''Assigned Squadrons'''||'''Commander'''\n|-\n"
        "|28 August 1941||[[12 Squadron FAF]], [[21 Squadron FAF]] and [[No. 55 Squadron Barshire]]||Col. J. Roe\n|}\n")


def test_a_cell_listing_linked_squadrons_makes_each_a_part():
    facts = {(st.subject.key, st.predicate, st.obj.key, st.date.value if st.date else None)
             for st in extract_article(Article("No. 9 Foo Wing", WING, "case", "wikitext")).statements
             if st.predicate == "subsidiaryOf"}
    assert {(k, d) for k, p, o, d in facts if o == "No. 9 Foo Wing"} == {
        ("12 Squadron FAF", "1941-08-28"), ("21 Squadron FAF", "1941-08-28"), ("No. 55 Squadron Barshire", "1941-08-28")}


def test_a_cell_with_words_between_its_links_lists_nothing():
    text = WING.replace("[[21 Squadron FAF]] and", "later [[21 Squadron FAF]] attached to")
    keys = {st.subject.key for st in extract_article(Article("No. 9 Foo Wing", text, "case", "wikitext")).statements
            if st.predicate == "subsidiaryOf"}
    assert "21 Squadron FAF" not in keys


TEAM = """{{Infobox racing team
| name = Foo Racing
}}
'''Foo Racing''' is a British motor racing team based in [[Fooville]].

== Complete Formula One results ==
{| class="wikitable"
! Year !! Chassis !! Engine !! Drivers !! 1 !! 2 !! Points
|-
| rowspan=2 | 2001 || rowspan=2 | Foo F1 || rowspan=2 | [[Bar Motors|Bar]] V10 || {{flagicon|GBR}} [[Jane Roe]] || 1 || 2 || rowspan=2 | 40
|-
| {{flagicon|FRA}} [[John Doe (racing driver)|John Doe]] || Ret || 5
|}
"""


def test_a_racing_team_s_drivers_by_season_raced_for_it():
    facts = {(st.subject.key, st.predicate, st.obj.key, st.date.value if st.date else None)
             for st in extract_article(Article("Foo Racing", TEAM, "case", "wikitext")).statements}
    assert {("Jane Roe", "memberOf", "Foo Racing", "2001"), ("John Doe (racing driver)", "memberOf", "Foo Racing", "2001")} <= facts


def test_a_carmaker_s_drivers_are_no_members_of_it():
    text = TEAM.replace("{{Infobox racing team", "{{Infobox company").replace("motor racing team", "car manufacturer")
    assert not {st for st in extract_article(Article("Foo Racing", text, "case", "wikitext")).statements
                if st.predicate == "memberOf"}


LEAGUE = """{{Infobox sports league
| name = Foo Football Conference
}}
The '''Foo Football Conference''' is one of the two conferences of the [[Freedonian Football League]].

==Current teams==
{| class="wikitable"
! Division !! Team !! City
|-
! rowspan=2 | [[Foo East|East]]
| '''[[Fooville Bears]]''' || [[Fooville]]
|-
| '''[[Barshire Lions]]''' || [[Barshire]]
|-
! rowspan=1 | [[Foo West|West]]
| '''[[Bazton Eagles]]''' || [[Bazton]]
|}
"""


def test_a_league_s_divisions_in_its_teams_table_are_its_parts():
    facts = {(st.subject.key, st.predicate, st.obj.key)
             for st in extract_article(Article("Foo Football Conference", LEAGUE, "case", "wikitext")).statements}
    assert {("Foo East", "subsidiaryOf", "Foo Football Conference"), ("Foo West", "subsidiaryOf", "Foo Football Conference"),
            ("Fooville Bears", "memberOf", "Foo East"), ("Bazton Eagles", "memberOf", "Foo Football Conference")} <= facts


CLUB_SEASONS = ("'''Foo Volley Club''' is a volleyball club based in [[Fooville]].\n\n==History==\n===Recent seasons===\n"
                "{| class=\"wikitable\"\n|-\n!Season\n!League\n!Position\n|-\n"
                "|[[2012 Foo Championship League|2012]]\n|[[Foo Championship League|FCL]]\n|2nd\n|-\n"
                "|2013\n|FCL\n|1st\n|-\n|2014\n|Bar Premier League\n|10th\n|}\n")


def test_a_club_s_seasons_table_names_the_leagues_it_played_in():
    """"Season | League | Position": the club is a member of each league its League column names; an unlinked
    "FCL" below "[[Foo Championship League|FCL]]" is that league, not a second one."""
    facts = {(st.subject.key, st.predicate, st.obj.key)
             for st in extract_article(Article("Foo Volley Club", CLUB_SEASONS, "case", "wikitext")).statements
             if st.predicate == "memberOf"}
    assert facts == {("Foo Volley Club", "memberOf", "Foo Championship League"),
                     ("Foo Volley Club", "memberOf", "Bar Premier League")}
