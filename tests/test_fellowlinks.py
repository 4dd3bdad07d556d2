"""extract/fellowlinks.py: a link to a learned body's fellowship names the body, where the body's name stands."""
import pytest

from wikikg.extract.fellowlinks import fellowship_body
from wikikg.extract.mentions import link_mention


@pytest.mark.parametrize("target, shown, body", [
    ("Fellow of the Royal Society of Foo", "Fellow of the Royal Society of Foo", "Royal Society of Foo"),
    ("fellow of the Foo Academy of Sciences", "fellow of the Foo Academy of Sciences", "Foo Academy of Sciences"),
    ("Member of the Institution of Foo Engineers", "Member of the Institution of Foo Engineers", "Institution of Foo Engineers"),
    ("Honorary Fellow of the Foo Institute of Physics", "Honorary Fellow of the Foo Institute of Physics", "Foo Institute of Physics"),
    ("Fellow of the Royal Society of Foo", "FRSF", None),  # a post-nominal: the link shows no title
    ("Member of Parliament", "Member of Parliament", None),  # a seat, no learned body
    ("Member of the Order of Foo", "Member of the Order of Foo", None),  # an honour
    ("Fellow of Foo College", "Fellow of Foo College", None),  # a college's post
    # a seat's post whose title names its body (offices.seat_body): the chamber
    ("Member of the Fooland Parliament", "Member of the Fooland Parliament", "Fooland Parliament"),
    ("Member of the Barshire Legislative Assembly", "Member of the Barshire Legislative Assembly", "Barshire Legislative Assembly"),
    ("Member of the Fooland Parliament", "Members of the Fooland Parliament", "Fooland Parliament"),
    ("Member of the Fooland Parliament", "MFP", None),  # a post-nominal
    ("Member of the Legislative Assembly (Fooland)", "Member of Legislative Assembly, Barshire", None),  # a kind, no body
    ("Member of the Legislative Assembly", "Member of the Legislative Assembly", None),
    ("Member of Provincial Parliament", "Member of Provincial Parliament", None),
    ("Member of the Royal Victorian Order", "Member of the Royal Victorian Order", None),  # an honour
    ("Member of the Order of the Foo Empire", "Member of the Order of the Foo Empire", None),
])
def test_a_fellowships_link_names_its_body(target, shown, body):
    assert fellowship_body(target, shown) == body


def test_the_bodys_mention_stands_where_its_name_stands_in_the_link():
    from wikikg.extract.mentions import _link_mention

    m = _link_mention("Fellow of the Foo Society", "Fellow of the Foo Society", 20, 45)
    assert (m.text, m.start, m.end, m.linked) == ("Foo Society", 34, 45, False)
    assert "Organization" in link_mention("Fellow of the Foo Society", "Fellow of the Foo Society").types


def test_a_members_seat_after_for_is_no_body():
    """"became Member of Parliament for Fooshire": the seat's words name no body (names.toml [stop] generic)."""
    from wikikg.model import Article
    from wikikg.pipeline.stages import extract_article

    text = ("'''Jane Roe''' (1778 – 1834) was a Freedonian politician.\n\n"
            "She again became Member of Parliament for Fooshire and Barshire at the 1826 general election.\n")
    facts = {(s.predicate, s.obj.key) for s in extract_article(Article("Jane Roe", text, "case", "wikitext")).statements}
    assert not {f for f in facts if f[0] == "memberOf"}
