"""Tests for wikikg.extract.schoolnames: a "... College" the text calls a school is an organisation, no university."""
from __future__ import annotations

import pytest

from wikikg.extract.schoolnames import schools_as_organisations
from wikikg.model import Evidence, Mention, Statement

_SUBJECT = Mention("Jane Roe", "Jane Roe", True, frozenset({"Person"}), strength=4)


def _statement(text: str, name: str, section: str = "Early life", strength: int = 3) -> Statement:
    start = text.index(name)
    m = Mention(name, name, True, frozenset({"University"}), start=start, end=start + len(name), strength=strength)
    return Statement(_SUBJECT, "mentionedIn", m, "cast", Evidence(text, section, 0, len(text)))


def _types(statements: list[Statement]) -> frozenset[str]:
    return statements[0].obj.types


@pytest.mark.parametrize("text,name,section,title,want", [
    # a school's noun right before the name, or in an apposition after it
    ("She attended the boarding school Foo College in Bazton.", "Foo College", "Early life", "Jane Roe", "Organization"),
    ("She attended Foo College, a boys’ private school in Bazton.", "Foo College", "Early life", "Jane Roe",
     "Organization"),
    ("Foo College, the first secondary school on the island, was built.", "Foo College", "History", "Bazton",
     "Organization"),
    ("He became headmaster of Foo College in 1889.", "Foo College", "Career", "Jane Roe", "Organization"),
    # a heading or a list's title of schools
    ("Foo College", "Foo College", "Bazshire / Secondary schools", "List of schools in Bazshire", "Organization"),
    ("Foo College", "Foo College", "Bazshire", "List of schools in Bazshire", "Organization"),
    ("St Bar's College, Bazton", "St Bar's College, Bazton", "Education / Secondary Schools", "Bazton",
     "Organization"),
    # a school of a university's rank, or higher education's words there: the university stays
    ("She studied at the medical school Foo College.", "Foo College", "Early life", "Jane Roe", "University"),
    ("She attended Foo College, a medical school in Bazton.", "Foo College", "Early life", "Jane Roe", "University"),
    ("Foo College", "Foo College", "Universities and colleges", "List of schools in Bazshire", "University"),
    ("Foo College", "Foo College", "Third-level education", "Bazton", "University"),
    ("Foo College would later make the same move.", "Foo College", "Member schools", "Foo Conference", "University"),
    ("She attended Foo College, a private school in Bazton.", "Foo College", "Early life", "Jane Roe", "University"),
    ("She studied at Foo College and taught school.", "Foo College", "Early life", "Jane Roe", "University"),
    # a name other words type a university: "College of", "University"
    ("She attended the boarding school College of Foo.", "College of Foo", "Early life", "Jane Roe", "University"),
])
def test_a_college_the_text_calls_a_school_is_an_organisation(text, name, section, title, want):
    assert _types(schools_as_organisations([_statement(text, name, section)], title)) == {want}


def test_every_mention_of_that_college_goes_with_it():
    """Another sentence's mention of the same name is the same school: one class for the article's node."""
    cue = _statement("He became headmaster of Foo College in 1889.", "Foo College")
    other = _statement("Foo College won the cup.", "Foo College")
    assert [st.obj.types for st in schools_as_organisations([cue, other], "Jane Roe")] == [{"Organization"}] * 2


def test_a_college_typed_by_a_table_or_a_box_stays():
    """Its own box's or a table's class (known.STRONG) is left alone."""
    st = _statement("She attended the boarding school Foo College.", "Foo College", strength=4)
    assert _types(schools_as_organisations([st], "Jane Roe")) == {"University"}
