"""Tests for wikitables: parse.tables lays rows on columns (rowspan, colspan, header without a row
marker); extract.tables relates each row's entity, its dates and its other columns."""
from __future__ import annotations

import pytest

from wikikg.model import Article
from wikikg.parse import parse_article
from wikikg.pipeline.stages import extract_article

LEAGUE = """'''Example League''' is a sports league.

==Current teams==
{| class="wikitable"
! Division
! Team
! City/Town
! Stadium
|-
! rowspan=2 | [[Example League East|East]]
| '''[[Harbour Hawks]]'''
| [[Portside (town), Utopia|Portside]], [[Utopia|UT]]
| [[Harbour Field]]
|-
| '''[[Valley Owls]]'''
| [[Greenvale]], [[Utopia|UT]]
| [[Owl Park]]
|-
! [[Example League West|West]]
| '''[[Mesa Suns]]'''
| colspan=2 | [[Redrock]]
|}
"""


def _table():
    [table] = parse_article(Article("Example League", LEAGUE, "x", "wikitext")).tables
    return table


def test_header_row_without_a_row_marker():
    assert _table().header == ("Division", "Team", "City/Town", "Stadium")


def test_rowspan_carries_a_cell_down_and_colspan_fills_columns():
    rows = [[c.text for c in row] for row in _table().rows]
    assert rows == [["East", "Harbour Hawks", "Portside, UT", "Harbour Field"],
                    ["East", "Valley Owls", "Greenvale, UT", "Owl Park"],
                    ["West", "Mesa Suns", "Redrock", "Redrock"]]


def test_carried_cells_keep_their_own_input_span():
    table = _table()
    east = table.rows[1][0]
    assert LEAGUE[east.start:east.end].startswith("! rowspan=2 | [[Example League East|East]]")


def _facts(text: str, title: str) -> set[tuple[str, str, str]]:
    result = extract_article(Article(title, text, "x", "wikitext"))
    return {(st.subject.text, st.predicate, getattr(st.obj, "text", st.obj)) for st in result.statements}


def test_members_table_gives_membership_division_and_city():
    facts = _facts(LEAGUE, "Example League")
    for team, division, city in [("Harbour Hawks", "East", "Portside"), ("Valley Owls", "East", "Greenvale"),
                                 ("Mesa Suns", "West", "Redrock")]:
        assert (team, "memberOf", "Example League") in facts
        assert (team, "memberOf", division) in facts
        assert (team, "headquarteredIn", city) in facts
    assert not any(p == "headquarteredIn" and o in ("Harbour Field", "Owl Park") for _, p, o in facts)


def test_table_evidence_is_verbatim_and_spans_the_row():
    result = extract_article(Article("Example League", LEAGUE, "x", "wikitext"))
    rows = [st for st in result.statements if st.rule.startswith("table.")]
    assert rows
    for st in rows:
        assert LEAGUE[st.evidence.start:st.evidence.end] == st.evidence.text
        assert st.subject.text in st.evidence.text or getattr(st.obj, "text", "") in st.evidence.text


def test_hostile_spans_are_bounded():
    text = "'''X''' is a league.\n\n==Current teams==\n{|\n! Team !! City\n|-\n| colspan=99999 rowspan=99999 | [[A]]\n" \
           + "|-\n| [[B]] || [[C]]\n" * 3 + "|}"
    [table] = parse_article(Article("X", text, "x", "wikitext")).tables
    assert len(table.rows) == 4 and all(len(row) <= 60 for row in table.rows)


LEGISLATURE = """{{Infobox legislature
| name = 99th Example Legislature
}}
The '''99th Example Legislature''' was a legislature of Freedonia.

==Members==
{| class="wikitable"
! Name
! Party
! Electoral district
|-
| [[Jane Roeburn]]
| [[Progressive Party of Freedonia|Progressive]]
| [[North Example]]
|-
| [[John Doering]]
| [[Liberal Party of Freedonia|Liberal]]
| [[South Example]]
|}
"""


def test_members_table_gives_each_members_party():
    facts = _facts(LEGISLATURE, "99th Example Legislature")
    assert ("Jane Roeburn", "memberOf", "99th Example Legislature") in facts
    assert ("Jane Roeburn", "memberOf", "Progressive") in facts  # the link text, as the league test reads it
    assert ("John Doering", "memberOf", "Liberal") in facts


ACQUISITIONS = """'''Example Media''' is an advertising company.

==Acquisitions and divestments==
{| class="wikitable"
! Company !! Year !! Action !! Notes
|-
| Alpha Networks || 2008 || Outright acquisition || A display network.
|-
| Beta Ads || 2011 || 17.7% stake acquisition || A marketing company.
|-
| Gamma Video || 2018 || Closure || The platform stopped trading.
|-
| Delta Mail || 2018 || Sold to Epsilon Holdings || The email platform was sold.
|}
"""


def test_an_acquisitions_table_gives_acquired_and_skips_sales_closures_and_minority_stakes():
    facts = {(st.subject.key, st.predicate, st.obj.key, st.date.value if st.date else "")
             for st in extract_article(Article("Example Media", ACQUISITIONS)).statements if st.predicate != "mentionedIn"}
    assert ("Example Media", "acquired", "Alpha Networks", "2008") in facts
    assert not {f for f in facts if f[2] in ("Beta Ads", "Gamma Video", "Delta Mail")}
    assert not {f for f in facts if f[1] == "subsidiaryOf"}


def test_a_table_without_a_header_takes_its_years_column_as_the_dates():
    text = ("'''Example Club''' is a football club.\n\n==Manager history==\n{| border=\"0\"\n|-\n"
            "|align=left|{{flagicon|ANG}} José Hilário || (2013)\n|-\n"
            "|align=left|{{flagicon|ANG}} Joaquim da Costa || (2014)\n|}\n")
    facts = {(st.obj.key, st.date.value if st.date else "")
             for st in extract_article(Article("Example Club", text)).statements if st.predicate == "keyPerson"}
    assert facts == {("José Hilário", "2013"), ("Joaquim da Costa", "2014")}


@pytest.mark.parametrize("header", ["Member since", "Accession", "Admitted", "Elected", "Joined"])
def test_a_column_of_when_each_member_came_in_dates_it(header):
    text = ("'''Example Union''' is an association of societies.\n\n==Members==\n{| class=\"wikitable\"\n"
            f"! Member !! Country !! {header}\n|-\n| [[Foo Society]] || [[Freedonia]] || 12 May 1995\n"
            "|-\n| [[Bar Society]] || [[Barshire]] || 2004\n|}\n")
    facts = {(st.subject.key, st.date.value if st.date else "")
             for st in extract_article(Article("Example Union", text)).statements if st.predicate == "memberOf"}
    assert facts == {("Foo Society", "1995-05-12"), ("Bar Society", "2004")}


@pytest.mark.parametrize("games,dated", [("Olympiad", True), ("Olympic Games", True), ("Games", False), ("Notes", False)])
def test_a_column_of_games_each_with_its_year_dates_the_members(games, dated):
    text = ("'''Example Club''' is a rowing club.\n\n==Members==\n{| class=\"wikitable\"\n"
            f"! {games} !! Name !! Event\n|-\n| [[1912 Summer Olympics|Stockholm 1912]] || [[Jane Roe]] || Eight\n"
            "|-\n| Paris 1924 || [[Joan Doe]] || Coxed Four\n|}\n")
    facts = {(st.subject.key, st.date.value if st.date else "")
             for st in extract_article(Article("Example Club", text)).statements if st.predicate == "memberOf"}
    assert facts == ({("Jane Roe", "1912"), ("Joan Doe", "1924")} if dated else {("Jane Roe", ""), ("Joan Doe", "")})


@pytest.mark.parametrize("header", ["Presidential term", "Term", "Mayoral tenure"])
def test_a_qualified_term_column_dates_the_heads_and_a_birth_year_column_does_not(header):
    text = ("'''Example Society''' is a learned society.\n\n==Presidents==\n{| class=\"wikitable\"\n"
            f"! Name !! {header} !! Year of birth\n|-\n| [[Jane Roe]] || 1958-1960 || 1901\n|}}\n")
    facts = {(st.obj.key, st.date.value if st.date else "")
             for st in extract_article(Article("Example Society", text)).statements if st.predicate == "keyPerson"}
    assert facts == {("Jane Roe", "1958")}


def test_a_squad_row_without_a_name_is_named_by_its_nickname_and_footer_rows_name_nobody():
    text = ("'''Example Club''' is a football club.\n\n==Players==\n{| class=\"wikitable\"\n"
            "! Nat !! Nick !! Name !! 2014\n|-\n"
            "| {{Flagicon|ANG}} || Ady || || {{small|2014}}\n|-\n"
            "| {{Flagicon|ANG}} || Anita || Paulo Rodrigues Rosa || {{small|2014}}\n|-\n"
            "! colspan=3 | Years\n! 2014\n|}\n")
    facts = {st.subject.key for st in extract_article(Article("Example Club", text)).statements
             if st.predicate == "memberOf"}
    assert facts == {"Ady", "Paulo Rodrigues Rosa"}


def test_a_roster_whose_header_row_the_parser_read_as_cells_names_its_players():
    text = ("'''Example B.C.''' is a basketball club.\n\n==Roster==\n{| width=750\n"
            "|- bgcolor=\"#dddddd\"\n!width=5%|#\n!width=5%|\n|align=left!!width=35%|'''Player'''\n!width=5%|'''Pos.'''\n"
            "|- bgcolor=\"#eeeeee\"\n|align=center|'''5'''\n|align=center|{{flagicon|LAT}}\n|[[Karlis Lasmanis]]\n|SF\n|}\n")
    facts = {(st.subject.key, st.predicate) for st in extract_article(Article("Example B.C.", text)).statements
             if st.obj is not None and getattr(st.obj, "key", "") == "Example B.C."}
    assert ("Karlis Lasmanis", "memberOf") in facts


def test_a_table_caption_read_as_a_cell_does_not_shift_the_header():
    text = ("'''Example S-League''' is the top football league of Freedonia.\n\n==Current teams==\n"
            "{| class=\"wikitable\"\n|+National Club Championship\n! scope=\"col\"|Season\n! scope=\"col\"|Team\n"
            "|-\n!2000\n|[[Laugu United]]\n|-\n!2001\n|[[Koloale F.C.|Koloale]]\n|}\n")
    got = {(st.subject.key, st.date.value if st.date else "")
           for st in extract_article(Article("Example S-League", text)).statements if st.predicate == "memberOf"}
    assert got == {("Laugu United", "2000"), ("Koloale F.C.", "2001")}


@pytest.mark.parametrize("tree", [False, True])
def test_a_caption_is_no_cell_and_the_column_names_after_it_are_the_header(tree):
    """"|+ Caption" then "! Name !! Position" with no "|-" between: the markup parser reads the caption as a cell of
    the names' row; it is the table's caption, and the names are the header."""
    from wikikg.parse import parse_wikitext
    text = ("'''Foo League''' is a league.\n\n==Committee members==\n{| class=\"wikitable\"\n|+Foo League Committee\n"
            "!scope=\"col\"|Name\n!scope=\"col\"|Position\n|-\n![[Jane Roe]]\n|President\n|}\n")
    [table] = parse_wikitext(Article("Foo League", text, "x", "wikitext"), tree=tree).tables
    assert table.header == ("Name", "Position")
    assert [[c.text for c in row] for row in table.rows] == [["Jane Roe", "President"]]


def test_a_roster_laid_out_as_lists_in_cells_names_each_numbered_or_linked_player():
    text = ("'''Example Skykings''' is an American football team.\n\n==Current Roster==\n"
            "{| class=\"toccolours\"\n|-\n! colspan=2 | Example Skykings roster\n|-\n"
            "| '''Quarterbacks'''\n* 15 [[Ronit Foo]]\n\n'''Running backs'''\n* 44 Sandeep Bar Fooreddy\n"
            "* Coach of the year\n|}\n")
    got = {st.subject.key for st in extract_article(Article("Example Skykings", text)).statements
           if st.predicate == "memberOf"}
    assert got == {"Ronit Foo", "Sandeep Bar Fooreddy"}


def test_a_title_row_and_a_row_of_column_names_written_as_cells_are_no_entities():
    text = ("{{Infobox military unit\n| unit_name = No. 9 Example Wing\n}}\nThe '''No. 9 Example Wing''' was a wing.\n\n"
            "==Organisation and Squadrons==\n{| class=\"wikitable\"\n|-\n| colspan=2 | No. 9 Example Wing organisation\n"
            "|-\n|'''Date'''||'''Commander'''\n|-\n|1941||[[Jan Roe]]\n|}\n")
    got = {st.subject.key for st in extract_article(Article("No. 9 Example Wing", text)).statements
           if st.predicate == "subsidiaryOf"}
    assert "Date" not in got and "No. 9 Example Wing organisation" not in got


def test_a_headerless_table_whose_first_column_names_its_rows_keeps_its_columns():
    text = ("'''Example Legislature''' is a legislature.\n\n==Members==\n{| class=\"wikitable\"\n|-\n"
            "! Member !! Party\n| note\n|-\n| [[Jan Roe]] || [[Party A]]\n|-\n| [[Ann Poe]] || [[Party B]]\n|}\n")
    got = {st.subject.key for st in extract_article(Article("Example Legislature", text)).statements
           if st.predicate == "memberOf" and st.obj.key == "Example Legislature"}
    assert got == {"Jan Roe", "Ann Poe"}


MINISTRY = """{{Infobox government cabinet
| cabinet_name = Example ministry
}}
The '''Example ministry''' was the 71st ministry of the Government of Freedonia.

==Composition of ministry==
{| class="wikitable"
|-
!colspan=1|Portfolio
!colspan=1|Minister
!colspan="2" width=10%|Party
!colspan=1|Term commence
|-
|Premier
|Hon. [[Neville Roe]], {{post-nominals|AUS|QC|MP}}
|{{Australian party style|Labor}}|&nbsp;
|[[Freedonian Labor Party|Labor]]
|14 May 1976
|}
"""


def test_a_header_cell_spanning_two_columns_names_both_and_a_ministry_table_gives_members_parties_dates():
    [table] = parse_article(Article("Example ministry", MINISTRY)).tables
    assert table.header == ("Portfolio", "Minister", "Party", "Party", "Term commence")
    got = {(st.subject.key, st.predicate, st.obj.key, st.date.value if st.date else "")
           for st in extract_article(Article("Example ministry", MINISTRY)).statements if st.predicate == "memberOf"}
    assert ("Neville Roe", "memberOf", "Example ministry", "1976-05-14") in got
    assert ("Neville Roe", "memberOf", "Freedonian Labor Party", "") in got
    assert not any(s == "Premier" for s, *_ in got)


def test_sort_templates_in_cells_show_their_names_and_a_universitys_spec_gives_way_in_a_clubs_article():
    text = ("{{Infobox football club\n| clubname = Example Academy\n}}\n'''Example Academy''' is a football academy.\n\n"
            "==Notable academy graduates==\n{| class=\"wikitable sortable\"\n|-\n! Nat. !! Name !! Date of birth (age) "
            "!! Years at academy\n|-\n| {{flagicon|KEN}} || {{sortname|Sven|Yida}}\n| {{Birth date and age|1996|09|14}}\n"
            "| {{sort|2006-04|February 2006–November 2015}}\n|-\n| {{flagicon|SWE}} || {{sort|Gui|[[John Guidetti]]}}\n"
            "| {{Birth date and age|1992|04|15}}\n| {{sort|2003-09|September 2003–December 2005}}\n|}\n")
    article = Article("Example Academy", text)
    [table] = parse_article(article).tables
    assert [c.text for c in table.rows[0]][:2] == ["", "Sven Yida"]
    assert [(k.target, k.text) for k in table.rows[1][1].links] == [("John Guidetti", "John Guidetti")]
    got = {(st.subject.key, st.predicate, st.date.value if st.date else "")
           for st in extract_article(article).statements if st.obj is not None and getattr(st.obj, "key", "") == "Example Academy"}
    assert got >= {("Sven Yida", "memberOf", "2006-02"), ("John Guidetti", "memberOf", "2003-09")}


def test_a_list_of_a_bodys_members_relates_its_lead_table_to_the_body():
    text = ("This is a list of '''[[members of the Freedonian Legislative Assembly]]''' as elected at the 1917 "
            "election.\n\n{| class=\"wikitable sortable\"\n|-\n! Name !! Party !! Electorate !! Term in Office\n|-\n"
            "|| {{sort|All|[[John Allan (politician)|John Allan]]}} || [[Farmers Union|VFU]] || [[Rodney]] || 1917–1936\n|}\n")
    got = {(st.subject.key, st.obj.key, st.date.value if st.date else "")
           for st in extract_article(Article("Members of the Freedonian Legislative Assembly, 1917–1920", text)).statements
           if st.predicate == "memberOf"}
    assert got == {("John Allan (politician)", "Freedonian Legislative Assembly", "1917"),
                   ("John Allan (politician)", "Farmers Union", "")}


def test_a_link_inside_bold_text_in_a_cell_names_the_row():
    text = ("'''Example Eredivisie''' is a handball league.\n\n==2018/19 season participants==\n"
            "{| class=\"wikitable sortable\"\n! Team\n! City\n|-\n| '''[[HV Aalsmeer|FIQAS/Aalsmeer]]'''\n| [[Aalsmeer]]\n|}\n")
    article = Article("Example Eredivisie", text)
    [table] = parse_article(article).tables
    assert [k.target for k in table.rows[0][0].links] == ["HV Aalsmeer"]
    assert any(st.subject.key == "HV Aalsmeer" and st.predicate == "memberOf"
               for st in extract_article(article).statements)


def test_a_row_named_in_a_team_column_is_a_club():
    text = ("'''Example Eredivisie''' is a handball league.\n\n==2018/19 season participants==\n"
            "{| class=\"wikitable sortable\"\n! Team\n! City\n|-\n| [[Bevo HC|Herpertz/Bevo HC]]\n| [[Panningen]]\n|}\n")
    got = {st.subject.key: st.subject.types for st in extract_article(Article("Example Eredivisie", text)).statements
           if st.predicate == "memberOf"}
    assert got == {"Bevo HC": frozenset({"SportsClub"})}


def test_a_seasons_teams_are_the_leagues_members():
    text = ("The '''2014–15 Example Football League''' was the second season of the Example Football League.\n\n"
            "==Teams==\n===To Example League===\n* [[Broomhill F.C.|BSC Glasgow]]\n\n===Stadia and Locations===\n"
            "{| class=\"wikitable sortable\"\n|-\n! Team\n! Location\n|-\n| [[Dalbeattie Star F.C.|Dalbeattie Star]]\n"
            "| [[Dalbeattie]]\n|}\n")
    got = {(st.subject.key, st.predicate, st.obj.key) for st in
           extract_article(Article("2014–15 Example Football League", text)).statements if st.predicate != "mentionedIn"}
    assert ("Dalbeattie Star F.C.", "memberOf", "Example Football League") in got
    assert ("Broomhill F.C.", "memberOf", "Example Football League") in got
    assert not any(s == "To Example League" for s, _, _ in got)


def test_a_captioned_champions_table_without_a_header_row_names_its_winners():
    # "|+Caption" then "! Season ! Winner" with no "|-" between: the parser reads the caption and the column
    # names as the first row; the champions spec's columns are found on the header that row gives
    text = ("'''Example S-League''' is a football league.\n\n==Previous winners==\n{| class=\"wikitable\"\n"
            "|+Example Club Championship\n! scope=\"col\"|Season\n! scope=\"col\"|Winner\n|-\n!2000\n"
            "|[[Fooville United]]\n|-\n! scope=\"row\"|[[2003 Example Championship|2003]]\n|[[Barshire F.C.|Barshire]]\n|}\n")
    got = {(st.subject.key, st.obj.key) for st in extract_article(Article("Example S-League", text)).statements
           if st.predicate == "memberOf"}
    assert got == {("Fooville United", "Example S-League"), ("Barshire F.C.", "Example S-League")}


@pytest.mark.parametrize(("founded", "dates"), [
    ("", {("Fooville United", ""), ("Barshire F.C.", "")}),  # no founding given: no season dates a membership
    (" It was founded in 2006.", {("Fooville United", ""), ("Barshire F.C.", ""), ("Fooville United", "2006"),
                                 ("Barshire F.C.", "2006")}),  # 1932–33 is of a competition it replaced
    (" It was founded in 1930.", {("Fooville United", "1932"), ("Barshire F.C.", "1932"), ("Fooville United", "2006"),
                                 ("Barshire F.C.", "2006")}),
])
def test_a_champions_tables_seasons_date_memberships_from_the_leagues_founding_on(founded, dates):
    # a season the club placed in is one it played in the league, unless the table runs back past the founding
    text = (f"'''Example Premier League''' is a football league.{founded}\n\n==Champions==\n{{| class=\"wikitable\"\n"
            "! Season !! Champions !! Runners-up\n|-\n| 1932–33 || [[Fooville United]] || [[Barshire F.C.]]\n"
            "|-\n| 2006–07 || [[Fooville United]] || [[Barshire F.C.]]\n|}\n")
    got = {(st.subject.key, st.date.value if st.date else "") for st in
           extract_article(Article("Example Premier League", text)).statements if st.predicate == "memberOf"}
    assert got == dates


@pytest.mark.parametrize(("header", "cell", "date"), [
    ("Founded", "1916", ""),        # a member club's own founding, not when it joined
    ("Joined", "1916", "1916"),
    ("Joined", "–2003", ""),        # an end alone: no start
    ("Joined", "until 2008", ""),
])
def test_a_members_tables_date_is_when_the_member_joined(header, cell, date):
    text = ("'''Example County League''' is a football league.\n\n==Members==\n{| class=\"wikitable\"\n"
            f"! Club !! {header}\n|-\n| [[Fooville Town F.C.]] || {cell}\n|}}\n")
    got = {(st.subject.key, st.date.value if st.date else "") for st in
           extract_article(Article("Example County League", text)).statements if st.predicate == "memberOf"}
    assert got == {("Fooville Town F.C.", date)}

CAREER = """'''Jane Roe''' (born 1992) is a Freedonian footballer who plays as a defender.

==Career statistics==
{| class="wikitable"
|+ Appearances and goals by club, season and competition
|-
!rowspan="2"|Club
!rowspan="2"|Season
!colspan="3"|League
!colspan="2"|Total
|-
!Division!!Apps!!Goals!!Apps!!Goals
|-
|rowspan="3"|[[Fooville F.C.|Fooville]]
|[[2015–16 Fooville F.C. season|2015–16]]
|[[Freedonian Premiership]]
|28||2||33||2
|-
|[[2016–17 Fooville F.C. season|2016–17]]
|[[Freedonian Championship]]
|32||4||46||5
|-
!colspan="2"|Total
!60!!6!!79!!7
|-
|[[Barshire Athletic F.C.|Barshire Athletic]] (loan)
|2018–19
|[[Freedonian Championship]]
|13||0||20||0
|}
"""


def test_a_players_career_table_gives_each_club_and_the_league_it_played_in_each_season():
    got = {(st.subject.key, st.predicate, st.obj.key) for st in extract_article(Article("Jane Roe", CAREER)).statements
           if st.predicate in ("memberOf", "affiliatedWith")}
    assert got == {("Jane Roe", "memberOf", "Fooville F.C."), ("Jane Roe", "memberOf", "Barshire Athletic F.C."),
                   ("Fooville F.C.", "memberOf", "Freedonian Premiership"),
                   ("Fooville F.C.", "memberOf", "Freedonian Championship"),  # its second season, a row the name spans
                   ("Barshire Athletic F.C.", "memberOf", "Freedonian Championship")}

@pytest.mark.parametrize(("years", "dates"), [
    ("2017–2019", {"2017"}),          # joined in the season's second year: the season's first is no start
    ("2016–2019", {"2016"}),          # the season's first year: the table's date agrees
    ("", {"2016"}),                   # the infobox dates nothing: the table's season stands
])
def test_a_career_tables_season_is_no_start_where_the_infobox_dates_the_spell_in_its_second_year(years, dates):
    box = f"{{{{Infobox football biography\n| name = Jane Roe\n| clubs1 = [[Fooville F.C.|Fooville]]\n| years1 = {years}\n}}}}\n"
    text = box + CAREER.replace("rowspan=\"3\"|[[Fooville F.C.|Fooville]]\n|[[2015–16 Fooville F.C. season|2015–16]]",
                                "rowspan=\"3\"|[[Fooville F.C.|Fooville]]\n|[[2016–17 Fooville F.C. season|2016–17]]")
    got = {st.date.value for st in extract_article(Article("Jane Roe", text)).statements
           if st.predicate == "memberOf" and st.obj.key == "Fooville F.C." and st.date is not None}
    assert got == dates


def test_a_top_scorer_with_a_club_in_parentheses_is_a_member_of_it():
    text = ("'''Example Reserve League''' is a football league.\n\n==Winners==\n{| class=\"wikitable\"\n! Season\n"
            "! Champion\n! Runner-up\n! Top goalscorer\n|-\n| 2008–09\n| [[Fooville F.C.|Fooville]]\n| [[Barshire F.C.|Barshire]]\n"
            "| {{flagicon|UKR}} [[Jane Roe (footballer)|Jane Roe]] ([[Barshire F.C.|Barshire]], 19 goals)<br>"
            "{{flagicon|UKR}} [[John Doe]] ([[Fooville F.C.|Fooville]], 19 goals)\n|}\n")
    got = {(st.subject.key, st.predicate, st.obj.key) for st in extract_article(Article("Example Reserve League", text)).statements
           if st.predicate in ("memberOf", "affiliatedWith") and st.subject.key != "Fooville F.C."
           and st.subject.key != "Barshire F.C."}
    assert got == {("Jane Roe (footballer)", "memberOf", "Barshire F.C."), ("John Doe", "memberOf", "Fooville F.C.")}


def test_a_clubs_academy_graduates_are_its_former_players_members_of_it():
    text = ("{{Infobox football club\n| clubname = Example Academy F.C.\n}}\n'''Example Academy F.C.''' is a football "
            "academy.\n\n==Notable academy graduates==\n{| class=\"wikitable\"\n! Name !! Club after academy\n|-\n"
            "| [[Jane Roe]] || [[Fooville F.C.]]\n|}\n")
    got = {(st.subject.key, st.predicate, st.obj.key) for st in extract_article(Article("Example Academy F.C.", text)).statements
           if st.predicate in ("memberOf", "affiliatedWith")}
    assert got == {("Jane Roe", "memberOf", "Example Academy F.C."), ("Jane Roe", "memberOf", "Fooville F.C.")}


CABINET_TEMPLATES = """{{Infobox government cabinet
| cabinet_name = Example cabinet
}}
The '''Example cabinet''' was a government of Freedonia.

==Ministers==
{| class="wikitable"
!bgcolor="#000000" colspan="5"|
|-
! Portfolio
! Minister
! Took office
! Left office
! Party
|-
!bgcolor="#000000" colspan="5"|
|-
{{Cabinet table minister
 | title                 = [[Ministry of Finance (Freedonia)|Minister of Finances]]
 | minister1             = [[Jane Roeburn]]{{sfn|Doe|1891|p=28}}
 | minister1_termstart   = 10 August 1792
 | minister1_termend     = 13 June 1793
 | minister1_party       = [[Foo Party]]
 | minister2             = [[John Doering]]
 | minister2_termstart   = 13 June 1793
 | minister2_termend     = 1 April 1794
 | minister2_party       = Independent politician
}}
|}
"""


def test_cabinet_table_minister_templates_are_rows_and_a_bar_of_empty_header_cells_is_no_header():
    [table] = parse_article(Article("Example cabinet", CABINET_TEMPLATES)).tables
    assert table.header == ("Portfolio", "Minister", "Took office", "Left office", "Party")
    assert [r[1].text for r in table.rows] == ["Jane Roeburn", "John Doering"]
    got = {(st.subject.key, st.predicate, st.obj.key, st.date.value if st.date else "")
           for st in extract_article(Article("Example cabinet", CABINET_TEMPLATES)).statements
           if st.predicate == "memberOf"}
    assert ("Jane Roeburn", "memberOf", "Example cabinet", "1792-08-10") in got
    assert ("John Doering", "memberOf", "Example cabinet", "1793-06-13") in got
    assert ("Jane Roeburn", "memberOf", "Foo Party", "") in got
    assert not any(o == "Independent politician" for _, _, o, _ in got)  # no party


def test_a_party_cell_naming_two_parties_between_slashes_gives_both():
    text = LEGISLATURE.replace("[[Liberal Party of Freedonia|Liberal]]", "Liberal / Economy")
    facts = _facts(text, "99th Example Legislature")
    assert ("John Doering", "memberOf", "Liberal") in facts and ("John Doering", "memberOf", "Economy") in facts


COMMISSION = """{{Infobox government agency
| agency_name = Freedonia Planning Commission
}}
The '''Freedonia Planning Commission''' is a government agency of Freedonia.

==Commissioners==
{| class="wikitable"
! Name !! Position !! Party !! Since
|-
| [[Jane Roeburn]] || Chair || [[Foo Party]] || 2011
|-
| [[John Doering]] || Member || Independent || 2014
|}
"""


def test_a_bodys_commissioners_in_its_own_article_are_its_members_with_their_parties():
    facts = _facts(COMMISSION, "Freedonia Planning Commission")
    assert ("Jane Roeburn", "memberOf", "Freedonia Planning Commission") in facts
    assert ("John Doering", "memberOf", "Freedonia Planning Commission") in facts
    assert ("Jane Roeburn", "memberOf", "Foo Party") in facts
    assert not any(p == "keyPerson" for _, p, _ in facts)  # not the heads: its members


def test_a_partys_councillors_are_its_members():
    text = """{{Infobox political party
| name = Foo Party
}}
The '''Foo Party''' is a political party in Freedonia.

==Councillors==
{| class="wikitable"
! Name !! Council !! Elected
|-
| [[Jane Roeburn]] || [[Fooville City Council]] || 2011
|}
"""
    assert ("Jane Roeburn", "memberOf", "Foo Party") in _facts(text, "Foo Party")


def test_a_partys_general_secretaries_table_names_its_heads_in_the_office_column_dated_by_took_office():
    text = """{{Infobox political party
| name = Foo Party
}}
The '''Foo Party''' is a political party in Freedonia.

==General Secretaries==
{| class="wikitable"
! No. !! Portrait !! General Secretary !! Took office !! Left office
|-
| 1 || [[File:Roe.jpg|50px]] || [[Jane Roeburn]] || 1921 || 1930
|}
"""
    result = extract_article(Article("Foo Party", text, "x", "wikitext"))
    got = {(st.subject.key, st.predicate, st.obj.key, st.date.value if st.date else "") for st in result.statements}
    assert ("Foo Party", "keyPerson", "Jane Roeburn", "1921") in got


PARTY = """{{Infobox political party
| party_name = Freedonian Social Union
| leader = [[Jane Roe]]
}}
The '''Freedonian Social Union''' is a political party in [[Freedonia]].

==Leaders==
===Party chairmen===
{|class="wikitable"
! colspan=2| Chairman
! From
! To
|-
| 1st
| [[Jane Roe]]
| 17 December 1945
| 28 May 1949
|-
| 2nd
| [[John Doe]]
| 28 May 1949
| 22 January 1955
|}

===Prime Ministers===
{|class="wikitable"
! Prime Minister
! From
! To
|-
| [[Richard Roe]]
| 1950
| 1960
|}
"""


def _party_statements():
    return extract_article(Article("Freedonian Social Union", PARTY, "x", "wikitext")).statements


def test_a_header_spanning_a_number_and_a_name_reads_the_name():
    dated = [st for st in _party_statements() if st.predicate == "keyPerson"
             and getattr(st.obj, "key", "") == "John Doe" and st.rule.startswith("table.")]
    assert dated and dated[0].date.value == "1949-05-28"


def test_a_partys_prime_ministers_are_its_members_not_its_heads():
    facts = {(st.subject.key, st.predicate, getattr(st.obj, "key", "")) for st in _party_statements()}
    assert ("Richard Roe", "memberOf", "Freedonian Social Union") in facts
    assert ("Freedonian Social Union", "keyPerson", "Richard Roe") not in facts


TITLE_ROWS = [  # (table wikitext, header the parser gives)
    ('{|\n|+ Caption\n|-\n! colspan="3" | Foo years\n|-\n! No. !! Player !! Seasons\n|-\n| 1 || [[Jane Roe]] || 1920–1925\n|}',
     ("No.", "Player", "Seasons")),  # a title row over the table: the next header row names the columns
    ('{|\n! rowspan="2" | Years !! colspan="2" | Sponsor\n|-\n! Brand !! Company\n|-\n| 1990 || Foo || [[Foo Ltd]]\n|}',
     ("Years", "Sponsor", "Sponsor")),  # a group keeps its name
    ('{|\n! colspan="2" | Foo years\n|-\n| 1 || [[Jane Roe]]\n|}', ("Foo years", "Foo years")),  # no header row below
]


@pytest.mark.parametrize("text,header", TITLE_ROWS)
def test_a_title_row_over_the_header_row(text, header):
    tables = parse_article(Article("Example Company", "'''Example Company''' is a company.\n\n== Members ==\n" + text)).tables
    assert tables[0].header == header


GROUPED = """'''Example Conference''' is a college athletic conference.

== Member schools ==
{| class="wikitable sortable"
!Institution
!Location
!Joined
|-
! colspan="3" style="background-color: #cc0000;" | East Division
|-
|[[Foo State University]]
|[[Fooville]]
|1995
|-
|[[University of Bar]]
|[[Barton]]
|2005
|-
! colspan="3" | West Division
|-
|[[Baz College]]
|[[Bazburg]]
|1995
|}

== Former members ==
{| class="wikitable"
!Institution
!Joined
|-
! colspan="2" | Associate members
|-
|[[Quux University]]
|1996
|}
"""


def test_a_members_tables_group_rows_naming_divisions_give_each_rows_division():
    facts = _facts(GROUPED, "Example Conference")
    for school, division in [("Foo State University", "East Division"), ("University of Bar", "East Division"),
                             ("Baz College", "West Division")]:
        assert (school, "memberOf", "Example Conference") in facts
        assert (school, "memberOf", division) in facts
    assert ("East Division", "subsidiaryOf", "Example Conference") in facts
    assert ("West Division", "subsidiaryOf", "Example Conference") in facts
    assert ("Quux University", "memberOf", "Example Conference") in facts
    assert not any(o == "Associate members" or s == "Associate members" for s, _, o in facts)


SIDE_BY_SIDE = """'''Example Town F.C.''' is a football club.

==Managers==
{| border=0 cellpadding=0 cellspacing=0
| valign="top"|
{| class="wikitable"
!From
!To
!Manager
|-
|1949
|1954
|[[John Roe]]
|}
| valign="top"|
{| class="wikitable"
!From
!To
!Manager
|-
|1994
|1995
|Jane Doe
|}
|}
"""


@pytest.mark.parametrize("tree", [False, True])
def test_tables_laid_out_side_by_side_in_a_table_are_tables_of_their_own(tree):
    from wikikg.parse import parse_wikitext
    article = Article("Example Town F.C.", SIDE_BY_SIDE, "x", "wikitext")
    layout, left, right = parse_wikitext(article, tree=tree).tables
    assert left.header == right.header == ("From", "To", "Manager") and len(layout.rows) == 1
    cell = left.rows[0][2]
    assert (cell.text, SIDE_BY_SIDE[cell.start:cell.end].strip("|\n")) == ("John Roe", "[[John Roe]]")
    assert right.rows[0][2].text == "Jane Doe" and right.section == "Managers"
    facts = {(s.subject.key, s.predicate, s.obj.key) for s in extract_article(article).statements}
    assert ("Example Town F.C.", "keyPerson", "John Roe") in facts


def test_a_rank_structure_table_lists_ranks_not_units():
    """list.units reads "Structure" and "Organizational structure" tables, but a "Rank structure" lists ranks: no part."""
    table = ("{| class=\"wikitable\"\n!Title\n!Insignia\n|-\n|'''Chief'''\n|[[Image:Stars.jpg|10px]]\n|-\n"
             "|'''Sergeant'''\n|[[Image:Stripes.jpg|10px]]\n|}\n")
    text = "The '''Fooville Police Department''' is a law enforcement agency in [[Fooville]].\n\n"
    assert not {f for f in _facts(text + "== Rank Structure ==\n" + table, "Fooville Police Department")
                if f[1] == "subsidiaryOf"}
    units = table.replace("Title", "Unit").replace("Chief", "Patrol Bureau").replace("Sergeant", "Detective Bureau")
    assert ("Patrol Bureau", "subsidiaryOf", "Fooville Police Department") in _facts(
        text + "== Structure ==\n" + units, "Fooville Police Department")
