"""extract/officelinks.py: links that name a post or an office, not an entity."""
from __future__ import annotations

import pytest

from wikikg.extract.officelinks import is_office


@pytest.mark.parametrize("target,shown,office", [
    ("CEO", "CEO", True),
    ("Professor (highest academic rank)", "Professor", True),
    ("President of Foo College", "President of Foo College", True),
    ("Secretary of State for Foo Affairs", "Secretary of State for Foo Affairs", True),
    ("Home Secretary", "Home Secretary", True),  # an office's word ends the title
    ("Lord Chancellor", "Lord Chancellor", True),
    ("Exchequer Secretary to the Treasury", "Exchequer Secretary to the Treasury", True),
    ("Premier of Barshire", "Barshire Premier", True),  # one office word heads "X of Y": a post
    ("Minister for Transport (Freedonia)", "Minister for Transport", True),
    ("Governor of Barshire", "Governor", True),
    ("Bishop of Fooville", "Bishop of Fooville", True),
    ("Justice of the Peace", "Justice of the Peace", True),
    ("Head (company)", "Head", False),  # the qualifier says a company
    ("Beachy Head", "Beachy Head", False),  # "Head" is a role word, not an office's
    ("New Scientist", "New Scientist", False),  # a profession's word: a magazine
    ("Justice League", "Justice League", False),
    ("Jane Judge", "Jane Judge", False),  # a person's name
    ("Foo Council", "Foo Council", False),
])
def test_a_link_names_a_post(target, shown, office):
    assert is_office(target, shown) is office
