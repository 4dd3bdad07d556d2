"""Section headings that name what a list's items have or had done to them, not the items' tie to the subject."""
import pytest

from wikikg.kb.mappings import sections


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
def test_heading(spec_id, heading, matches):
    assert bool(_spec(spec_id).heading.search(heading)) is matches
