"""extract/teams.py: sports teams by a place's name and a nickname, or a college team's sport title."""
import pytest

from wikikg.extract.classify import is_concept_title, name_types
from wikikg.extract.mentions import link_mention
from wikikg.extract.teams import team_types


@pytest.mark.parametrize("name,want", [
    ("Boston Owls", True),  # a city's name, a nickname of names.toml [teams]
    ("Los Angeles Golden Eagles", True),  # a two-word nickname
    ("Ohio State Wildcats", True),  # a state's school
    ("Texas Tech Owls football", True),  # a school's name, its nickname and its sport
    ("Foo Tech Mighty Oaks men's basketball", True),  # a plural nickname the table lacks, before a sport
    ("Foo & Bar Tribe football", True),  # a singular nickname before a sport ("Fighting Illini", "Crimson Tide")
    ("Fooland Fighting Illini football", True),
    ("Jane Hawks", False),  # a given name and a surname
    ("George Hawks", False),  # ... though a town bears the name
    ("Denver Falcons", True),  # a city's name that is a given name too, before no surname
    ("North Eagles", False),  # a compass word, no place
    ("Acme Owls", False),  # no known place
    ("Texas Rangers", False),  # lawmen as much as a team: no nickname of the table
    ("Boston Falls", False),  # a place's word after a city, no nickname
    ("American football", False),  # a sport
    ("Australian rules football", False),
])
def test_team_shape(name, want):
    assert bool(team_types(name)) is want


def test_a_team_link_is_a_sports_club_not_a_concept():
    """"[[Foo Tech Owls football|Owls]]" names the college's team: its lower-case sport makes it no concept."""
    assert not is_concept_title("Texas Tech Owls football")
    assert link_mention("Texas Tech Owls football", "Owls").types == {"SportsClub"}
    assert name_types("Boston Owls") == {"SportsClub"}
    assert name_types("Boston Owls Foundation") == {"Organization"}  # a class's own word comes first


def test_a_linked_teams_nickname_alone_names_it(tmp_path):
    """"[[Denver Falcons]] ... left the Falcons": the nickname alone names the one linked team that bears it; not when
    two linked teams bear it, nor when the subject does."""
    from wikikg.extract.context import article_context
    from wikikg.pipeline.stages import parse_article, subject_of
    from wikikg.read.files import read_file

    def index(title, text):
        path = tmp_path / f"{title.replace(' ', '_')}.wikitext"
        path.write_text(text, encoding="utf-8")
        parsed = parse_article(read_file(path))
        return {n: m.key for n, m in article_context(parsed, subject_of(parsed)).index.items()}

    one = index("Jane Roe", "'''Jane Roe''' played for the [[Denver Falcons]]. She left the Falcons in 1990.\n")
    assert one.get("Falcons") == "Denver Falcons"
    two = index("Jane Roe", "'''Jane Roe''' played for the [[Denver Falcons]] and the [[Boston Falcons]].\n")
    assert "Falcons" not in two
    own = index("Boston Falcons", "The '''Boston Falcons''' beat the [[Denver Falcons]] twice.\n")
    assert own.get("Falcons") != "Denver Falcons"
