"""Tests for wikikg.extract.titledworks: a name a work's or a vessel's noun comes right before is no person."""
from __future__ import annotations

import pytest

from wikikg.extract.titledworks import titled_works
from wikikg.model import Evidence, Mention, Statement

SUBJECT = Mention("Foo Quux", "Foo Quux", False, frozenset({"Person"}), strength=4)


def _typed(text: str, names: list[str], strength: int = 3) -> list[frozenset[str]]:
    """The types `titled_works` leaves each of `names` (each a mention of one sentence `text`)."""
    sts = []
    for name in names:
        start = text.index(name)
        m = Mention(name, name, False, frozenset({"Person"}), start=start, end=start + len(name), strength=strength)
        sts.append(Statement(SUBJECT, "mentionedIn", m, "cast", Evidence(text, "", 0, len(text))))
    return [st.obj.types for st in titled_works(sts)]


@pytest.mark.parametrize("text,name,want", [
    ("She worked in the musical Jane Awakening and on television.", "Jane Awakening", ""),
    ("He appeared in Foo's play Jane Gabler at the playhouse.", "Jane Gabler", ""),  # a possessive
    ("It followed their breakthrough 1997 album King of Quux.", "King of Quux", ""),  # modifiers
    ("He played in the American animated television series Jane Universe.", "Jane Universe", ""),
    ("They captured the Fooland submarine Santa Quux in April.", "Santa Quux", ""),  # a vessel
    ("She sang the song \"Jane Holiday\" as a B-side.", "Jane Holiday", ""),  # a quote mark
    ("It introduces the recurring character Jane Quux in its second season.", "Jane Quux", ""),  # a fiction's person
    ("Lisa plays Jane Roe in the sketch.", "Jane Roe", "Person"),  # a verb: no determiner before it
    ("He heard the young Foo play Jane Roe's concerto.", "Jane Roe", "Person"),  # "play" after a capitalised word
    ("He wrote the 1984 book Jane Roe: A Life, on the minister.", "Jane Roe", "Person"),  # a title that goes on
    ("After the film, Jane Roe left for Fooville.", "Jane Roe", "Person"),  # a comma between
    ("He met the film director Jane Roe in 1990.", "Jane Roe", "Person"),  # a noun between
    ("It was the lead character Jane Roe played in the film.", "Jane Roe", "Person"),  # a clause's subject
    ("On the next play Jane Roe kicked a field goal.", "Jane Roe", "Person"),
])
def test_a_name_right_after_a_works_noun_is_no_person(text, name, want):
    assert _typed(text, [name]) == [frozenset({want}) if want else frozenset()]


def test_names_listed_after_a_plural_noun_are_no_people():
    """"the cruisers Foo Bar and Jane Roe": both ships; after a singular noun only the first name is the title."""
    assert _typed("They met the armored cruisers Victor Quux and Jane Roe in the straits.",
                  ["Victor Quux", "Jane Roe"]) == [frozenset(), frozenset()]
    assert _typed("She starred in the film Jane Quux and John Doe directed it.",
                  ["Jane Quux", "John Doe"]) == [frozenset(), frozenset({"Person"})]


def test_the_other_mentions_of_the_title_are_no_people():
    """The article means the work wherever it names it: "the musical Jane Awakening" ... "Jane Awakening toured"."""
    text = "She worked in the musical Jane Awakening. Jane Awakening toured in 2008."
    m1 = Mention("Jane Awakening", "Jane Awakening", True, frozenset({"Person"}), start=26, end=40, strength=3)
    m2 = Mention("Jane Awakening", "Jane Awakening", True, frozenset({"Person"}), start=42, end=56, strength=3)
    sts = [Statement(SUBJECT, "mentionedIn", m, "cast", Evidence(text, "", 0, len(text))) for m in (m1, m2)]
    assert [st.obj.types for st in titled_works(sts)] == [frozenset(), frozenset()]


def test_a_short_form_of_another_name_stays_a_person():
    """"named the ship Roe, after Minister Jane Roe": the surname stands for the minister's node, no ship's title."""
    text = "Workers named the ship Roe, after Minister Jane Roe."
    m = Mention("Roe", "Jane Roe", False, frozenset({"Person"}), start=22, end=25, strength=3)
    st = Statement(SUBJECT, "mentionedIn", m, "cast", Evidence(text, "", 0, len(text)))
    assert titled_works([st])[0].obj.types == {"Person"}


def test_a_name_typed_more_strongly_stays_a_person():
    """A person by a table, an infobox or a title's qualifier (known.STRONG) is left alone."""
    assert _typed("She worked in the musical Jane Roe and on television.", ["Jane Roe"], strength=4) \
        == [frozenset({"Person"})]
