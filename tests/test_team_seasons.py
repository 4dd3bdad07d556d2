"""Tests for a team's season article (extract/seasons.py `team_season`): its roster's players are the team's members."""
from __future__ import annotations

from wikikg.model import Article
from wikikg.pipeline.stages import extract_article

ROSTER = ("==Final roster==\n{| class=\"toccolours\"\n|-\n! colspan=\"9\" | '''Fooville Bears 1997 final roster'''\n|-\n"
          "| valign=\"top\" | '''Quarterbacks'''\n* <span style=\"font-family: Courier New;\">11</span> [[Jane Roe]]\n"
          "* <span>41</span> [[John Doe (American football)|John Doe]] FB/TE\n\n'''Running Backs'''\n"
          "* <span>23</span> [[Ann Poe]] <sup>R</sup>\n* 29 Sam Example DT R\n|}\n")


def _members(title: str, box: str, roster: str = ROSTER) -> set[tuple[str, str]]:
    text = f"{box}\nThe '''{title}''' was the team's 28th season in the league.\n\n{roster}"
    return {(st.subject.key, st.obj.key) for st in extract_article(Article(title, text, "x", "wikitext")).statements
            if st.predicate == "memberOf"}


def test_a_club_season_roster_names_the_clubs_players_without_their_positions():
    got = _members("1997 Fooville Bears season", "{{Infobox NFL season\n| team = Fooville Bears\n}}")
    assert got == {("Jane Roe", "Fooville Bears"), ("John Doe (American football)", "Fooville Bears"),
                   ("Ann Poe", "Fooville Bears"), ("Sam Example", "Fooville Bears")}


def test_a_college_team_season_roster_names_that_seasons_teams_players():
    title = "2012–13 Fooville State Owls basketball team"
    roster = ("==Roster==\n{| class=\"wikitable\"\n|-\n|'''Number'''\n|'''Name'''\n|'''Position'''\n|-\n"
              "| 0\n| Tyrel Example\n| Guard\n|-\n| 1\n| Clint Sample\n| Guard\n|}\n")
    got = _members(title, "{{Infobox NCAA team season\n  |Team=Fooville State Owls\n}}", roster)
    assert got == {("Tyrel Example", title), ("Clint Sample", title)}


def test_an_empty_roster_of_position_headings_names_nobody():
    roster = ("==Roster==\n{| class=\"toccolours\"\n|-\n! colspan=\"7\" | '''Fooville Bears roster'''\n|-\n"
              "| valign=\"top\" | '''Quarterbacks'''\n\n'''Running Backs'''\n\n'''Wide Receivers'''\n|}\n")
    assert _members("1963 Fooville Bears season", "{{Infobox NFL season\n| team = Fooville Bears\n}}", roster) == set()


def test_the_season_box_names_the_team_whatever_the_title_and_no_other_seasons_box_does():
    got = _members("Summary of a season", "{{Infobox NFL season\n| team = Barton Owls\n}}")
    assert {club for _, club in got} == {"Barton Owls"}
    assert _members("1997 Fooville Bears season", "{{Infobox sports season\n| team = Fooville Bears\n}}") == set()


def test_a_season_box_that_links_the_club_under_a_short_name_names_the_club_by_its_title():
    roster = ("==Squad==\n{| class=\"wikitable\"\n! No. !! Player !! Position\n|-\n| 1 || [[Jane Roe]] || GK\n"
              "|-\n| 2 || [[Ann Poe (footballer)|Ann Poe]] || DF\n|}\n")
    got = _members("2013–14 Barton Rovers F.C. season",
                   "{{Infobox football club season\n| club = [[Barton Rovers F.C.|Barton Rovers]]\n}}", roster)
    assert got == {("Jane Roe", "Barton Rovers F.C."), ("Ann Poe (footballer)", "Barton Rovers F.C.")}
