"""extract/lists.py: a list item's name whose own field is a list stays one name."""
from __future__ import annotations

import pytest

from wikikg.model import Article
from wikikg.pipeline.stages import extract_article

BODY = "'''Fooville City Government''' is the city government of [[Fooville]].\n\n==Departments==\n"


@pytest.mark.parametrize("item,parts", [
    ("* Department of Budget, Accounting and Statistics", ["Department of Budget, Accounting and Statistics"]),
    ("* Institute for International Law, European Law and Foreign Public Law (IIL)",
     ["Institute for International Law, European Law and Foreign Public Law"]),
    ("* Department of Land, Barshire", []),  # no "and": a unit and a town, not one name
])
def test_a_unit_s_listed_field_is_one_name(item, parts):
    text = BODY + "* Department of Civil Affairs\n" + item + "\n"
    facts = {st.subject.key for st in extract_article(Article("Fooville City Government", text, "case", "wikitext")).statements
             if st.predicate == "subsidiaryOf"}
    assert "Department of Civil Affairs" in facts
    assert set(parts) <= facts
    assert not any(k.endswith((", Accounting", ", European Law")) for k in facts)


def test_a_lettered_unit_in_a_roster_is_no_person():
    """person_shaped: "Company A" (a lettered unit, a class word first) is nobody; its label does not name the item."""
    text = ("The '''Foo Regiment''' was an infantry regiment of the [[Freedonian Army]].\n\n==Roster==\n"
            "* Company A: Captain Sam Smith\n* Company B: Lieutenant Jane Roe\n* Squadron Leader\n")
    people = {st.subject.key for st in extract_article(Article("Foo Regiment", text, "case", "wikitext")).statements
              if st.predicate == "affiliatedWith"}
    assert not people & {"Company A", "Company B", "Squadron Leader"}


@pytest.mark.parametrize("item,person,post", [
    ("* Creative Director – Jane Roe", "Jane Roe", "Creative Director"),
    ("* Marketing Coordinator, Product Manager - John Smith", "John Smith", "Marketing Coordinator"),
    ("* Jane Roe – Treasurer", "Jane Roe", "Treasurer"),  # the name first: the post after the dash is no one
])
def test_a_post_before_a_spaced_dash_labels_the_staff_item_s_person(item, person, post):
    """itempeople.dash_label: in a staff list the words before a spaced dash are a post when they are no one's
    name and the words after it are a person's."""
    text = "'''Foo Magazine''' is a magazine published by [[Foo Corporation]].\n\n==Staff==\n" + item + "\n"
    people = {st.subject.key for st in extract_article(Article("Foo Magazine", text, "case", "wikitext")).statements
              if st.predicate == "affiliatedWith"}
    assert person in people and not any(post in k for k in people)


SOCIETY = ("The '''Foo Society''' is a learned society of [[Freedonia]].\n\n== Board members ==\nBoard Officers:\n"
           "*[[Jane Roe]], President\n*John Doe, Adjunct Secretary\n*[[Ann Major]], professor at the [[University of Fooville]]\n"
           "*Bob Minor\n")


@pytest.mark.parametrize("person,heads", [("Jane Roe", True), ("John Doe", False), ("Ann Major", False), ("Bob Minor", False)])
def test_a_board_member_whose_item_gives_an_officers_post_heads_the_body(person, heads):
    """"*[[Jane Roe]], President" heads the body; "*John Doe, Adjunct Secretary", an officer under her, sits on it only."""
    facts = {(st.subject.key, st.predicate, st.obj.key) for st in
             extract_article(Article("Foo Society", SOCIETY, "case", "wikitext")).statements if st.predicate != "mentionedIn"}
    assert (person, "affiliatedWith", "Foo Society") in facts
    assert (("Foo Society", "keyPerson", person) in facts) is heads


def test_an_unlinked_units_qualifier_that_its_linked_siblings_titles_share_is_part_of_its_name():
    text = ("The '''Foo Brigade (Reserve)''' is a reserve unit of the [[Freedonian Army]].\n\n==Organization==\n"
            "===Line units===\n* [[1st Foo Group (Reserve)]]\n* 3rd Foo Group (Reserve)\n* 4th Foo Group (Barshire)\n")
    parts = {st.subject.key for st in extract_article(Article("Foo Brigade (Reserve)", text, "case", "wikitext")).statements
             if st.predicate == "subsidiaryOf"}
    assert {"1st Foo Group (Reserve)", "3rd Foo Group (Reserve)", "4th Foo Group"} <= parts
    assert "3rd Foo Group" not in parts and "4th Foo Group (Barshire)" not in parts


CHURCH = ("The '''Foo Orthodox Church''' is an Orthodox church of [[Freedonia]].\n\n== List of Primates ==\n"
          "* Metropolitan [[Foo (Barovsky)|Foo]] 1685–1690\n* Metropolitan Bar (Bazov) 1921–1929\n")


def test_a_title_before_a_linked_holder_in_a_list_of_heads():
    """"List of Primates": the church's heads; "Metropolitan [[Foo (Barovsky)|Foo]]" is the holder, dated by the
    item's years; "Metropolitan Bar" alone (a title and a given name) names no one fully."""
    heads = {(st.obj.key, st.date.value if st.date else None) for st in
             extract_article(Article("Foo Orthodox Church", CHURCH, "case", "wikitext")).statements
             if st.predicate == "keyPerson"}
    assert ("Foo (Barovsky)", "1685") in heads
    assert not any(k.startswith("Metropolitan") for k, _ in heads)


def test_a_leagues_premiers_are_no_heads():
    text = ("The '''Foo Rugby League''' is a rugby league competition in [[Freedonia]].\n\n== Premiers ==\n"
            "* [[Fooville Broncos]] - 2013\n* [[Bartown Tigers]] - 2014\n")
    facts = {st.predicate for st in extract_article(Article("Foo Rugby League", text, "case", "wikitext")).statements}
    assert "keyPerson" not in facts


def _facts(title: str, text: str) -> set[tuple[str, str, str]]:
    return {(st.subject.key, st.predicate, st.obj.key) for st in
            extract_article(Article(title, text, "case", "wikitext")).statements if st.predicate != "mentionedIn"}


@pytest.mark.parametrize("intro", ["The tribunal has four operational divisions:", "The Tribunal administers two panels:",
                                   "Today, the tribunal comprises the following divisions:",
                                   "The units under the tribunal's control are as follows:"])
def test_a_sentence_that_says_the_list_holds_parts_makes_its_bare_items_parts(intro):
    """intro.parts: after the colon sentence, an item that is a name alone is a part, typed or not; an item that
    goes on past its name ('"ZG" department: climate') or names a person is none."""
    text = ("The '''Foo Tribunal''' is a tribunal of [[Freedonia]].\n\n==Structure==\n" + intro + "\n"
            "*Guardianship Division\n*Occupational Board (OB)\n*\"ZG\" department: climate and energy\n*Jane Roe\n")
    parts = {s for s, p, o in _facts("Foo Tribunal", text) if p == "subsidiaryOf" and o == "Foo Tribunal"}
    assert parts == {"Guardianship Division", "Occupational Board"}


def test_an_intro_that_names_another_body_gives_its_list_to_no_one():
    text = ("The '''Foo Tribunal''' is a tribunal of [[Freedonia]].\n\n==Structure==\n"
            "The [[Barshire Council]] has four divisions:\n*Guardianship Division\n*Occupational Division\n")
    assert not {f for f in _facts("Foo Tribunal", text) if f[1] == "subsidiaryOf" and f[2] == "Foo Tribunal"}


def test_a_sentence_that_names_the_subject_s_partners_or_member_clubs_relates_them():
    text = ("'''Foo Biotech''' is a company based in [[Fooville]].\n\n==History==\nToday, Foo Biotech has four strategic "
            "partners:\n*[[Bar Pharmaceuticals]]\n*Baz Bioscience\n")
    assert ("Foo Biotech", "partneredWith", "Baz Bioscience") in _facts("Foo Biotech", text)
    league = ("The '''Fooville League''' is a football league in [[Barshire]].\n\n==History==\n"
              "The league consists of six member clubs:\n*Fooville Rovers\n*Barton United\n")
    assert {("Fooville Rovers", "memberOf", "Fooville League"), ("Barton United", "memberOf", "Fooville League")} <= _facts(
        "Fooville League", league)


def test_a_body_s_name_whose_head_noun_a_second_one_joins_is_one_part():
    text = ("The '''Foo Army Training Command''' is a military formation of the [[Freedonian Army]].\n\n"
            "== Training Institutions ==\n"
            "* Ordnance Centre and School\n* Signals Training Center and School\n")
    parts = {s for s, p, o in _facts("Foo Army Training Command", text) if p == "subsidiaryOf"}
    assert {"Ordnance Centre and School", "Signals Training Center and School"} <= parts


def test_a_bare_unshaped_item_among_shaped_siblings_is_a_part_too():
    """list.units: "* Headquarters Support Unit" has no shape of its own, but its list's other items are parts by theirs;
    a sub-list of fields under a part ("** Soil Science") has no shaped sibling, and stays nothing."""
    text = ("The '''Foo Operations Center''' is a unit of the [[Freedonian Armed Forces]].\n\n==Units==\n"
            "* 1st Foo Battalion\n* 2nd Foo Battalion\n* Headquarters Support Unit\n"
            "* Research Branch\n** Soil Science\n** Forest Inventory\n")
    parts = {s for s, p, o in _facts("Foo Operations Center", text) if p == "subsidiaryOf"}
    assert {"1st Foo Battalion", "2nd Foo Battalion", "Headquarters Support Unit"} <= parts
    assert not parts & {"Soil Science", "Forest Inventory"}


def test_a_bold_unlinked_heading_item_is_the_parent_of_the_units_nested_under_it():
    """list.units: "* '''Foo Division'''" (no link, no class of its own name) heads the brigades below it: a unit of
    the army and their parent, not the army; a bold label ("'''Reserve units'''") is no parent."""
    text = ("The '''Fooland Army''' is the army of [[Freedonia]].\n\n== Structure ==\n"
            "* '''Foo Division'''\n** [[1st Bar Brigade]]\n** [[2nd Bar Brigade]]\n"
            "* '''Bar Division \"Fooville\"'''\n** [[3rd Bar Brigade]]\n"
            "* '''Reserve units'''\n** [[4th Bar Brigade]]\n")
    facts = {(s, o) for s, p, o in _facts("Fooland Army", text) if p == "subsidiaryOf"}
    assert {("Foo Division", "Fooland Army"), ("1st Bar Brigade", "Foo Division"), ("2nd Bar Brigade", "Foo Division"),
            ('Bar Division "Fooville"', "Fooland Army"), ("3rd Bar Brigade", 'Bar Division "Fooville"'),
            ("4th Bar Brigade", "Fooland Army")} == facts
    types = {st.subject.key: st.subject.types for st in extract_article(Article("Fooland Army", text, "case", "wikitext"))
             .statements if st.predicate == "subsidiaryOf"}
    assert types["Foo Division"] == types['Bar Division "Fooville"'] == {"MilitaryOrganization"}  # as the brigades


def test_a_military_structure_under_its_ministry_gives_each_unit_the_item_above_it():
    """list.units in a national military's "Structure": the ministry heading the list is over the armed forces, no
    part of them; a linked "[[Foo Command (Freedonia)|Foo Command]]" heading items nested below it is their parent
    (boldparent.linked_unit); a linked sibling named as a unit ("[[Home Guard Command (Freedonia)|Home Guard
    Command]] (native name (HGC))") is a part of the ministry too, typed a unit by its head noun (partnames)."""
    text = ("The '''Freedonian Defence''' is the armed forces of [[Freedonia]].\n\n== Structure ==\n"
            "* [[Ministry of Defence (Freedonia)|Ministry of Defence]] (''Fooministeriet'' (''FM''))\n"
            "** [[Defence Command (Freedonia)|Defence Command]] (''Fookommandoen'' (''FK''))\n"
            "*** [[Army Operational Command (Freedonia)|Army Operational Command]]\n"
            "*** [[Freedonian Defence Personnel Service]]\n"
            "** [[Home Guard Command (Freedonia)|Home Guard Command]] (''Barkommandoen'' (''BK''))\n"
            "** [[Freedonian Emergency Management Agency|Emergency Management Agency]]\n"
            "** [[Freedonian Defence Intelligence Service|Defence Intelligence Service]]\n")
    facts = {(s, o) for s, p, o in _facts("Freedonian Defence", text) if p == "subsidiaryOf"}
    assert ("Defence Command (Freedonia)", "Ministry of Defence (Freedonia)") in facts
    assert ("Army Operational Command (Freedonia)", "Defence Command (Freedonia)") in facts
    assert ("Freedonian Defence Personnel Service", "Defence Command (Freedonia)") in facts
    assert ("Home Guard Command (Freedonia)", "Ministry of Defence (Freedonia)") in facts
    assert not {(s, o) for s, o in facts if s == "Ministry of Defence (Freedonia)"}
    types = {st.subject.key: st.subject.types for st in extract_article(
        Article("Freedonian Defence", text, "case", "wikitext")).statements if st.predicate == "subsidiaryOf"}
    assert types["Home Guard Command (Freedonia)"] == {"MilitaryOrganization"}


def test_a_military_s_branches_and_special_forces_sections_list_its_parts():
    """list.services: under "Branches" and "Special forces" of a military, each item's leading link is a part of it,
    whatever its name, and not the links of its description after a colon; a company's "Branches" are no such list."""
    text = ("The '''Freedonian Defence''' is the armed forces of [[Freedonia]].\n\n== Branches ==\n"
            "* [[Freedonian Army]]\n* [[Freedonian Home Guard]]\n\n== Special forces ==\n"
            "* [[Fookorpset]]: Ground based infiltration unit.\n"
            "* [[Bar Frogman Corps|Barmandskorpset]]: [[Amphibious warfare|Amphibious]] attack unit.\n")
    parts = {s for s, p, o in _facts("Freedonian Defence", text) if p == "subsidiaryOf" and o == "Freedonian Defence"}
    assert {"Freedonian Army", "Freedonian Home Guard", "Fookorpset", "Bar Frogman Corps"} <= parts
    assert "Amphibious warfare" not in parts
    company = ("'''Foo Bank''' is a bank in [[Freedonia]].\n\n== Branches ==\n* [[Fooville]]\n* [[Barton]]\n")
    assert not {s for s, p, o in _facts("Foo Bank", company) if p == "subsidiaryOf"}


def test_an_item_s_later_name_that_the_article_links_is_the_item_s_entity():
    """laternames: "* W. K. Foo Airport (later Foo Air National Guard Base), Barshire, 1 November 1952" is the base the
    article links, in that item and in another item of the list that names the airport alone; a later name the
    article does not link leaves the item's own name."""
    text = ("The '''172d Foo Squadron''' is a unit of the [[Barshire Air National Guard]] located at "
            "[[Foo Air National Guard Base]], Fooville.\n\n==Stations==\n"
            "* W. K. Foo Airport, Barshire, 29 August 1947\n"
            "* Bar Field (later Bar Air Force Base), Barshire, 1 May 1950\n"
            "* W. K. Foo Airport (later Foo Air National Guard Base), Barshire, 1 November 1952\n")
    seats = {o for s, p, o in _facts("172d Foo Squadron", text) if p == "headquarteredIn"}
    assert "Foo Air National Guard Base" in seats and "Bar Field" in seats
    assert "W. K. Foo Airport" not in seats


def test_a_linked_heading_item_whose_name_ends_in_a_quoted_epithet_is_the_parent_of_its_units():
    """list.units: '* [[Armoured Brigade "Bar"]]' links a unit (its title's last word is in quotes), the parent of the
    regiments nested below it, piped or not."""
    text = ("The '''Fooland Army''' is the army of [[Freedonia]].\n\n== Structure ==\n"
            "* [[Armoured Brigade \"Bar\"]]\n** [[4th Tank Regiment]]\n** [[32nd Tank Regiment]]\n"
            "* [[Paratroopers Brigade \"Baz\"|Baz Brigade]]\n** [[183rd Paratroopers Regiment \"Qux\"]]\n")
    facts = {(s, o) for s, p, o in _facts("Fooland Army", text) if p == "subsidiaryOf"}
    assert {('Armoured Brigade "Bar"', "Fooland Army"), ("4th Tank Regiment", 'Armoured Brigade "Bar"'),
            ("32nd Tank Regiment", 'Armoured Brigade "Bar"'), ('Paratroopers Brigade "Baz"', "Fooland Army"),
            ('183rd Paratroopers Regiment "Qux"', 'Paratroopers Brigade "Baz"')} == facts


def test_a_listed_part_after_the_article_the_is_still_a_part():
    """ "* The Bureau of Patrol: ..." after "is divided into three bureaus:": the "The" before the name is no label."""
    text = ("The '''Fooville Police Service''' is the police force of [[Fooville]].\n\n==Organisation==\n"
            "The service is divided into three bureaus:\n* The Bureau of Patrol: handles patrol.\n"
            "* The Bureau of Investigation – handles crime.\n* The chief reports to the mayor.\n")
    parts = {s for s, p, o in _facts("Fooville Police Service", text) if p == "subsidiaryOf"}
    assert parts == {"Bureau of Patrol", "Bureau of Investigation"}
