"""A unit's university read from the unit's own name (infobox.toml [values] unit_name, unit_parent, unit_parent_generic)."""
from __future__ import annotations

import pytest

from wikikg.extract.unitof import named_parent


@pytest.mark.parametrize(("name", "parent"), [
    ("Foo University School of Law", "Foo University"),
    ("Barton College Department of Physics", "Barton College"),
    ("Foo University Graduate School of Journalism", "Foo University"),
    ("University of Springfield College of Medicine", "University of Springfield"),
    ("The University of Springfield School of Law", "University of Springfield"),
    ("Barshire State University College of Medicine", "Barshire State University"),
])
def test_a_unit_named_after_its_university(name: str, parent: str) -> None:
    assert named_parent(name) == parent


@pytest.mark.parametrize("name", [
    "Foo University Press",  # no unit's head
    "School of Law",  # no university before it
    "University College School of Music",  # a bare "University College"
    "State University College of Forestry",  # a "State University" is no one body
    "University of Springfield Jane School of Business",  # the place does not end the university's name
    "Royal College of Art",  # a college of its own
])
def test_no_university_in_the_name(name: str) -> None:
    assert named_parent(name) is None
