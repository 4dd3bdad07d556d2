"""ontology/sections.toml headings and extract/lists.py item prefixes: what a list under a heading gives."""
from __future__ import annotations

import pytest

from wikikg.kb.sections import sections, subheadings_unless
from wikikg.model import Article
from wikikg.pipeline.stages import extract_article


def _facts(title: str, text: str) -> set[tuple[str, str, str]]:
    return {(st.subject.key, st.predicate, st.obj.key) for st in
            extract_article(Article(title, text, "case", "wikitext")).statements if st.predicate != "mentionedIn"}


CLUB = "'''Foo V.C.''' is a volleyball club based in [[Fooville]], founded in 1965.\n\n"


def test_a_flag_icon_before_a_listed_player_is_no_part_of_the_item():
    """"*{{Flag icon|Freedonia}}[[Jane Roe]]" under "Notable Players" (blank lines between the items): a player, a member of the club."""
    text = CLUB + ("==Notable Players==\n\n*{{Flag icon|Freedonia}}[[Jane Roe]]\n\n"
                   "*{{Flag icon|Barshire}} {{flagicon|Freedonia}}[[John Doe]]\n\n==History==\nThe club won a cup.\n")
    facts = _facts("Foo V.C.", text)
    assert {("Jane Roe", "memberOf", "Foo V.C."), ("John Doe", "memberOf", "Foo V.C.")} <= facts


def test_collaboration_with_other_bodies_lists_partners_but_a_bare_collaboration_heading_does_not():
    society = "The '''Foo Society''' is a learned society of neuroscientists.\n\n"
    listed = "* [[Barshire Autonomic Society]]\n* [[Freedonian Federation of Autonomic Societies]]\n"
    facts = _facts("Foo Society", society + "== Collaboration with regional societies ==\n" + listed)
    assert ("Foo Society", "partneredWith", "Barshire Autonomic Society") in facts
    assert not {f for f in _facts("Foo Society", society + "== Collaboration ==\n" + listed) if f[1] == "partneredWith"}


def test_a_synod_s_praeses_list_names_its_heads():
    text = ("The '''Foo Church in Freedonia''' is a federation of Protestant churches in [[Freedonia]].\n\n"
            "== Präses of the Synod ==\n: 1949–1955: [[Jane Roe]]\n: 1955–1961: [[John Doe]]\n")
    facts = _facts("Foo Church in Freedonia", text)
    assert ("Foo Church in Freedonia", "keyPerson", "Jane Roe") in facts


def test_a_priory_s_priors_list_names_its_heads():
    """"Priors of Foo" lists a priory's heads by unlinked names and the years they occur in."""
    text = ("{{Infobox monastery\n| name = Foo Priory\n| order = [[Cluniac]]\n}}\n"
            "'''Foo Priory''' was a Cluniac priory in [[Fooville]], founded in 1108.\n\n"
            "===Priors of Foo===\n* Jane Roeburn, 1313\n* John Doeman, occurs 1333\n")
    facts = _facts("Foo Priory", text)
    assert {("Foo Priory", "keyPerson", "Jane Roeburn"), ("Foo Priory", "keyPerson", "John Doeman")} <= facts


def test_an_airline_s_codeshare_agreements_list_its_partners():
    text = ("'''Foo Airways''' is the flag carrier airline of [[Freedonia]].\n\n==Codeshare agreements==\n"
            "* [[Bar Air]]\n* [[Baz Airlines]]\n")
    facts = _facts("Foo Airways", text)
    assert {("Foo Airways", "partneredWith", "Bar Air"), ("Foo Airways", "partneredWith", "Baz Airlines")} <= facts


def test_a_school_s_auxiliary_organizations_are_its_parts():
    text = ("The '''Foo Graduate School''' is a public university in [[Fooville]].\n\n== Auxiliary Organizations ==\n"
            "* Center for Interpretation and Translation\n* Translation Research Institute\n")
    parts = {s for s, p, o in _facts("Foo Graduate School", text) if p == "subsidiaryOf" and o == "Foo Graduate School"}
    assert parts == {"Center for Interpretation and Translation", "Translation Research Institute"}


TIMELINE = ("'''Foo Corporation''' is an American manufacturer of air compressors based in [[Fooville]].\n\n==Timeline==\n"
            "*1977: Establishes the Foo Mining Equipment Company to produce drills.\n*1984: Acquires [[Bar Industries]].\n"
            "*1994: Enters a joint venture with [[Baz Heavy Industries]].\n")


def test_a_timeline_item_s_present_tense_verb_has_the_article_s_subject():
    """"1984: Acquires [[X]]": the subject acquired X; "1994: Enters a joint venture": "Enters" names no one."""
    facts = _facts("Foo Corporation", TIMELINE)
    assert ("Foo Corporation", "acquired", "Bar Industries") in facts
    assert ("Foo Mining Equipment Company", "foundedBy", "Foo Corporation") in facts
    assert not {f for f in facts if "Enters" in (f[0], f[2])}


def test_a_participle_opening_a_sentence_founds_nothing_by_its_subject():
    text = ("Founded in 1979 as the Foo Language Institute, the '''Foo Graduate School''' offers degrees in "
            "interpretation.\n")
    assert not {f for f in _facts("Foo Graduate School", text) if f[1] == "foundedBy"}


SOCIETY = "The '''Foo Society''' is a non-profit organization based in [[Fooville]], founded in 1950.\n\n"


def test_a_board_of_trustees_item_with_a_post_in_parentheses_heads_the_body():
    for head in ("Board of Trustees", "Trustees", "Officers", "Board"):
        facts = _facts("Foo Society", SOCIETY + f"== {head} ==\n* [[Jane Roe]] (Chairman)\n* John Doe – Treasurer\n"
                       "* Ann Major\n")
        assert {("Jane Roe", "affiliatedWith", "Foo Society"), ("Ann Major", "affiliatedWith", "Foo Society"),
                ("John Doe", "affiliatedWith", "Foo Society"), ("Foo Society", "keyPerson", "Jane Roe")} <= facts, head
        assert ("Foo Society", "keyPerson", "Ann Major") not in facts


@pytest.mark.parametrize("post", ["Vice President", "vice chair", "Treasurer", "Secretary", "Deputy Chairman",
                                  "Assistant Director"])
def test_a_board_officer_under_its_chair_sits_on_the_board_but_does_not_lead_the_body(post):
    """"* Raj Roe (vice chair)", "* John Doe, Treasurer": officers of the board, not its head; "(chairman)" leads."""
    for item in (f"* John Doe ({post})\n", f"* John Doe, {post}\n", f"* John Doe – {post}\n"):
        facts = _facts("Foo Society", SOCIETY + "== Board of directors ==\n* [[Jane Roe]] (chairman)\n" + item)
        assert ("Foo Society", "keyPerson", "Jane Roe") in facts
        assert ("John Doe", "affiliatedWith", "Foo Society") in facts, item
        assert ("Foo Society", "keyPerson", "John Doe") not in facts, item


def test_a_post_in_parentheses_in_a_list_of_notable_people_heads_nothing():
    """"* [[Jane Roe]] (President)" under "Notable alumni": a post she is known for, perhaps another body's."""
    facts = _facts("Foo Society", SOCIETY + "== Notable alumni ==\n* [[Jane Roe]] (President)\n* [[John Doe]] (CEO)\n")
    assert not {f for f in facts if f[1] == "keyPerson"}


def test_a_television_network_s_affiliates_are_no_subsidiaries():
    text = ("The '''Foo Network''' is an American television network.\n\n== Affiliates ==\n"
            "* [[KFOO-TV]] (Fooville)\n* [[WBAR-TV]] (Barshire)\n")
    assert not {f for f in _facts("Foo Network", text) if f[1] == "subsidiaryOf"}


def test_a_band_s_collaborations_and_a_person_s_partners_are_no_partner_organisations():
    band = ("'''Foo''' is an English rock band formed in 1990.\n\n== Collaborations ==\n"
            "* ''[[Bar (album)|Bar]]'' (1992, with [[Baz (band)|Baz]])\n* ''Qux'' (1994)\n")
    person = ("'''John Doe''' (born 1950) is an American actor.\n\n== Partners ==\n* [[Jane Roe]] (1990–1995)\n"
              "* [[Bar Studios]]\n")
    assert not {f for f in _facts("Foo (band)", band) if f[1] == "partneredWith"}
    assert not {f for f in _facts("John Doe", person) if f[1] == "partneredWith"}


def test_an_institute_s_collaborations_with_typed_bodies_are_partners():
    text = ("The '''Foo Institute''' is a research institute in [[Fooville]].\n\n== Collaborations ==\n"
            "* [[Fooville University]]\n* [[Bar Research Centre]]\n")
    assert ("Foo Institute", "partneredWith", "Fooville University") in _facts("Foo Institute", text)


def test_a_museum_s_acquisitions_are_works_not_companies():
    museum = ("The '''Foo Museum''' is an art museum in [[Fooville]].\n\n== Acquisitions ==\n"
              "* ''[[The Bar Lady]]'' by [[Jane Roe]] (1990)\n* [[Qux Collection]]\n")
    company = "'''Foo Corp''' is an American technology company.\n\n== Acquisitions ==\n* [[Bar Inc.]] (2001)\n* Baz Software (2003)\n"
    assert not {f for f in _facts("Foo Museum", museum) if f[1] == "acquired"}
    assert {("Foo Corp", "acquired", "Bar Inc."), ("Foo Corp", "acquired", "Baz Software")} <= _facts("Foo Corp", company)


def test_a_university_s_or_a_club_s_own_teams_are_its_parts_not_members():
    uni = ("'''Foo University''' is a public university in [[Fooville]].\n\n== Clubs ==\n* [[Foo University RFC]]\n"
           "* [[Foo University Boat Club]]\n")
    facts = _facts("Foo University", uni)
    assert not {f for f in facts if f[1] == "memberOf"}
    assert ("Foo University RFC", "subsidiaryOf", "Foo University") in facts
    league = ("The '''Foo Football League''' is a football league in [[Freedonia]].\n\n== Clubs ==\n"
              "* [[Fooville F.C.]]\n* [[Barshire United F.C.]]\n")
    assert ("Fooville F.C.", "memberOf", "Foo Football League") in _facts("Foo Football League", league)


def test_a_regiment_s_commandants_head_it_and_its_colonels_are_affiliated():
    """"Commandants": the regiment's commanding officers (its heads); "Colonels of the Regiment": its honorary
    colonels, affiliated with it, no heads."""
    text = ("'''51st Foo Regiment''' is an armoured regiment of the [[Freedonian Army]].\n\n"
            "==Colonels of the Regiment==\n* [[Jane Roe]]\n* [[John Doe]]\n\n==Commandants==\n* [[Richard Roe]]\n"
            "* [[Mary Major]]\n")
    facts = _facts("51st Foo Regiment", text)
    assert {("51st Foo Regiment", "keyPerson", "Richard Roe"), ("51st Foo Regiment", "keyPerson", "Mary Major"),
            ("Jane Roe", "affiliatedWith", "51st Foo Regiment")} <= facts
    assert ("51st Foo Regiment", "keyPerson", "Jane Roe") not in facts


def test_a_member_directory_s_flag_then_a_dash_or_a_colon_leads_to_the_member():
    """"* {{flag|Freedonia}} – [[Foo Union]]" under "Members": the flag renders nothing, the member follows the dash."""
    text = ("The '''Foo Federation''' is an international federation of national foo associations, founded in 1950.\n\n"
            "== Members ==\n* {{flag|Freedonia}} – [[Freedonian Foo Association]]\n* {{flagicon image|Foo.svg}} "
            "[[Barshire Foo Union]]\n* {{flagcountry|Barshire}}: [[Barshire Foo League]]\n\n"
            "== National members ==\n# {{flag|Freedonia}} — Fooville Foo Federation\n")
    facts = _facts("Foo Federation", text)
    assert {(m, "memberOf", "Foo Federation") for m in ("Freedonian Foo Association", "Barshire Foo Union",
                                                        "Barshire Foo League", "Fooville Foo Federation")} <= facts


def test_a_member_directory_s_country_label_is_no_member():
    """"* [[Freedonia]]: [[Foo Union]]", "* Freedonia – Foo League" under "Member associations": the country says where
    the member is from; the member is the body after the colon or the dash (and no country is made a member)."""
    text = ("The '''Foo Federation''' is an international federation of national foo associations, founded in 1950.\n\n"
            "== Member associations ==\n* [[France]]: [[French Foo Association]]\n* [[Germany]] – [[German Foo Union]] "
            "(GFU)\n* Italy: Italian Foo Federation\n")
    facts = _facts("Foo Federation", text)
    assert {(m, "memberOf", "Foo Federation") for m in ("French Foo Association", "German Foo Union",
                                                        "Italian Foo Federation")} <= facts
    assert not {f for f in facts if f[0] in ("France", "Germany", "Italy")}


def test_a_unit_s_name_whose_last_word_is_in_lower_case_is_whole():
    """"* Department of Land administration", "* Foo Police Centre and school" under "Departments": the whole item names
    the unit (an editor's casing), not "Department of Land"; a verb after the name ends it ("* Barshire Office closed")."""
    text = ("The '''Fooville City Government''' is the local government of [[Fooville]], [[Freedonia]].\n\n"
            "== Departments ==\n* Department of Finance\n* Department of Land administration\n"
            "* Foo Police Centre and school\n* Barshire Bureau closed\n")
    facts = {f for f in _facts("Fooville City Government", text) if f[1] == "subsidiaryOf"}
    assert {("Department of Land administration", "subsidiaryOf", "Fooville City Government"),
            ("Foo Police Centre and school", "subsidiaryOf", "Fooville City Government")} <= facts
    assert not {f for f in facts if f[0] in ("Department of Land", "Foo Police Centre", "Barshire Bureau closed")}


def test_a_unit_s_sergeants_major_serve_in_it_and_their_rank_is_no_part_of_the_name():
    """"== Command sergeant majors ==" then "* MSgt Jane A Roe (Res) - 2009 to 2011": she served in the unit, a member
    of its ranks (conventions round 7)."""
    text = ("The '''Foo Support Brigade''' is a reserve unit of the [[Freedonian Army]].\n\n"
            "==Command sergeant majors==\n* SMS John B Doe (Res) - November 2009 to November 2011\n"
            "* MSgt Jane A Roe (Res) - November 2011 to present\n")
    facts = _facts("Foo Support Brigade", text)
    assert {("John B Doe", "memberOf", "Foo Support Brigade"),
            ("Jane A Roe", "memberOf", "Foo Support Brigade")} <= facts


@pytest.mark.parametrize("heading,inherits", [("Prospective chapters", False), ("Proposed branches", False),
                                              ("Former subsidiaries", False), ("Honorary graduates", False),
                                              ("Current chapters", True), ("Academic", True)])
def test_a_subheading_of_items_not_yet_or_no_longer_so_does_not_inherit_its_section(heading, inherits):
    assert (subheadings_unless().search(heading) is None) == inherits


def test_a_subheading_whose_head_noun_is_plural_groups_parts_and_is_none():
    """ "=== University Colleges ===" under "Campuses": a kind of campus, no body; its items are the system's parts.
    "=== Faculty of Arts ===" is one, and "=== Armed Forces ===" keeps a head that is itself plural."""
    text = ("The '''Foo State University''' is a system of public universities in [[Freedonia]].\n\n== Campuses ==\n"
            "=== University Colleges ===\n* [[Fooville State College]]\n* [[Barshire State College]]\n"
            "=== Research Centres/Institutes ===\n* [[Foo Center for Optics]]\n=== Faculty of Arts ===\nIt teaches arts.\n")
    facts = _facts("Foo State University", text)
    assert {("Fooville State College", "subsidiaryOf", "Foo State University"),
            ("Faculty of Arts", "subsidiaryOf", "Foo State University")} <= facts
    assert not {f for f in facts if f[0] in ("University Colleges", "Research Centres/Institutes")}



def test_a_subheading_that_goes_on_in_lower_case_names_a_topic_and_no_member():
    """ "=== Foo League Soccer expansion efforts ===" under "Members": a topic about the league, no member of the
    subject; "=== Fooville Rovers F.C. ===" is one."""
    text = ("The '''Foo Soccer Association''' is an association of soccer clubs in [[Fooville]].\n\n== Members ==\n"
            "=== Fooville Rovers F.C. ===\nThe club plays in the city.\n"
            "=== Foo League Soccer expansion efforts ===\nThe city bid for a team.\n")
    facts = _facts("Foo Soccer Association", text)
    assert ("Fooville Rovers F.C.", "memberOf", "Foo Soccer Association") in facts
    assert not {f for f in facts if f[0] == "Foo League Soccer expansion efforts"}

@pytest.mark.parametrize("heading,heads", [("All-time leaders", False), ("Career leaders", False), ("Leaders", True),
                                           ("Franchise scoring leaders", False), ("Batting leaders", False),
                                           ("League Leaders", False)])
def test_a_team_s_statistical_leaders_are_no_heads(heading, heads):
    """"All-time leaders", "Scoring leaders" in a team's article list record holders ("Wins — Jane Roe – 118"), not
    its heads."""
    text = (CLUB + f"=={heading}==\n;Pitching\n:Wins — Jane Roe – 118\n:Losses — John Doe – 62\n"
            if heading != "Leaders" else CLUB + f"=={heading}==\n* Chairman – Jane Roe\n")
    facts = _facts("Foo V.C.", text)
    assert (("Foo V.C.", "keyPerson", "Jane Roe") in facts) == heads


@pytest.mark.parametrize("heading,heads", [("All-Star Game managers", False), ("Cup Final managers", False),
                                           ("Tour managers", False), ("Managers", True), ("General managers", True)])
def test_a_game_s_or_a_tour_s_managers_are_no_heads_of_the_body(heading, heads):
    """"MLB All-Star Game managers" in a league's article: who managed a side in a game, not the league's heads."""
    text = ("'''Foo League''' is a professional baseball league in [[Freedonia]].\n\n"
            f"=={heading}==\n*1933 - [[Jane Roe]] - [[Fooville Bears]]\n*1934 - [[John Doe]] - [[Barshire Owls]]\n")
    facts = _facts("Foo League", text)
    assert (("Foo League", "keyPerson", "Jane Roe") in facts) == heads


def test_a_units_order_of_battle_lists_its_units_but_not_its_generic_lines():
    text = ("{{Infobox military unit\n| unit_name = 99th Foo Division\n| branch = [[Freedonian Army]]\n}}\n"
            "The '''99th Foo Division''' was an airborne division of the [[Freedonian Army]].\n\n"
            "==Divisional Order of Battle==\n*88th Glider Infantry Regiment\n*[[517th Parachute Infantry Regiment]]\n"
            "*Divisional band\n*Reserve-Infanterie-Regiment Nr. 6\n*22nd Mounted Brigade GOC Colonel (temp. Brigadier General) "
            "Jane Roe\n**4th Foo Regiment\n")
    facts = _facts("99th Foo Division", text)
    parts = {s for s, p, o in facts if p == "subsidiaryOf" and o == "99th Foo Division"}
    assert parts == {"88th Glider Infantry Regiment", "517th Parachute Infantry Regiment",
                     "Reserve-Infanterie-Regiment Nr. 6", "22nd Mounted Brigade"}  # a number after "Nr."; no "GOC Colonel"
    assert ("4th Foo Regiment", "subsidiaryOf", "22nd Mounted Brigade") in facts


def test_a_newspaper_named_by_an_old_messengers_word_is_no_person():
    from wikikg.extract.classify import name_types

    assert name_types("Fooville Courant") == {"NewsOrganization"} and name_types("Fooville Sentinel") == {"NewsOrganization"}

def _spec(spec_id: str):
    return next(s for s in sections() if s.id == spec_id)


@pytest.mark.parametrize(("spec_id", "heading", "matches"), [
    ("list.members", "Constituent countries", True),
    ("list.members", "Members", True),
    # what the constituents have: the points, no constituents
    ("list.members", "Extreme points of the constituent countries", False),
    ("list.members", "Heads of the member states", False),
    ("list.staff", "Artists", True),
    ("list.staff", "Staff artists", True),
    # a gallery's exhibited artists show their work there, no staff of it
    ("list.staff", "Artists exhibited", False),
    ("list.staff", "Exhibited artists", False),
])
def test_a_heading_names_the_items_tie(spec_id, heading, matches):
    assert bool(_spec(spec_id).heading.search(heading)) is matches
