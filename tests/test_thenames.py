"""Tests for wikikg.extract.thenames: a person-shaped name right after "the" that ends its phrase is no person."""
from __future__ import annotations

import pytest

from wikikg.extract.thenames import the_names
from wikikg.model import Mention


@pytest.mark.parametrize("text,name,want", [
    ("She worked for the Jane Cross in a military hospital.", "Jane Cross", ""),  # a preposition next
    ("Writers in the Christian Quux within the empire agreed.", "Christian Quux", ""),
    ("He collected parcels from the Jane Cross, some with maps.", "Jane Cross", ""),  # a punctuation mark
    ("The band recorded at the Jane Ballroom.", "Jane Ballroom", ""),
    ("The Jane Quux had not yet presented its case.", "Jane Quux", ""),  # an auxiliary; "The" opening the sentence
    ("It was the Jane Roe film of the year.", "Jane Roe", "Person"),  # a common noun: the name modifies it
    ("Roe worked under the John Doe administration.", "John Doe", "Person"),
    ("He won the Jane Roe Prize in 1990.", "Jane Roe", "Person"),  # the name goes on
    ("It was the Jane Roe who witnessed nine charters.", "Jane Roe", "Person"),  # "who": the one of that name
    ("It was signed by the Jane Roe and John Doe governments.", "Jane Roe", "Person"),  # "and"
    ("He was the son of the Rev. Jane Roe, a chaplain.", "Rev. Jane Roe", "Person"),  # a title opens it
    ("The stone was laid by the Duke of Fooshire in 1800.", "Duke of Fooshire", "Person"),  # a peer
    ("The monarchy of the Shah of Fooland fell.", "Shah of Fooland", "Person"),  # a style with "of"
    ("The Marquis Quux was sent to Fooville.", "Marquis Quux", "Person"),
    ("She married Jane Roe in 1900.", "Jane Roe", "Person"),  # no "the"
    ("She was the wife of the Jane Roe, fourth Duke of Foo.", "Jane Roe", "Person"),  # a peer's title after a comma
])
def test_a_person_shaped_name_after_the_ending_its_phrase_is_no_person(text, name, want):
    start = text.index(name)
    m = Mention(name, name, False, frozenset({"Person"}), start=start, end=start + len(name), strength=3)
    assert the_names([m], text)[0].types == (frozenset({want}) if want else frozenset())


def test_a_piped_link_to_a_person_stays_a_person():
    """"the [[Jane Roe|Roe Family]]," names a thing of the person's; the link's title is the person."""
    text = "The land belonged to the Roe Family, who sold it."
    m = Mention("Roe Family", "Jane Roe", True, frozenset({"Person"}), start=25, end=35, strength=2)
    assert the_names([m], text)[0].types == {"Person"}


def test_a_name_typed_more_strongly_stays_a_person():
    """A person by a table, an infobox or a title's qualifier (known.STRONG) is left alone."""
    text = "She worked for the Jane Cross in a hospital."
    m = Mention("Jane Cross", "Jane Cross", True, frozenset({"Person"}), start=19, end=29, strength=4)
    assert the_names([m], text)[0].types == {"Person"}


def _sentence(text: str, italic: tuple[tuple[int, int], ...] = (), link: str = ""):
    from wikikg.model import Link, Sentence
    links = (Link(link, link, text.index(link), text.index(link) + len(link)),) if link else ()
    return Sentence(0, text, text, 0, len(text), "", 0, links, italic=italic)


def _at(text: str, name: str, types=frozenset(), linked: bool = True) -> Mention:
    start = text.index(name)
    return Mention(name, name, linked, types, start=start, end=start + len(name), strength=2 if types else 0)


@pytest.mark.parametrize("text,name,types,want", [
    ("He collected parcels from the Jane Cross, some with maps.", "Jane Cross", frozenset(), True),
    ("Writers in the Christian Quux is wrong.", "Christian Quux", frozenset(), True),
    ("Books for their Christian Quuxes, and schools.", "Christian Quux", frozenset({"Person"}), True),  # a link's trail
    ("He collected parcels from Jane Cross, some with maps.", "Jane Cross", frozenset(), False),  # no "the"
    ("Books for their Christian Quux and schools.", "Christian Quux", frozenset({"Person"}), False),  # no trail
    ('The pub is called "The Jane Roe at Fooville".', "Jane Roe", frozenset(), False),  # a pub's name in quotes
    ("In 1933 Sir Alan Cobhams Air Circus came.", "Alan Cobham", frozenset({"Person"}), False),  # a possessive's slip
    ("A dispute with Jane II of Fooia arose.", "Jane II of Foo", frozenset({"Person"}), False),  # "Fooia": no plural
    ("He was pleased with Megan Quuxs acting.", "Megan Quux", frozenset({"Person"}), False),  # a possessive's apostrophe
    ("Books for Christian Quuxes that lack them.", "Christian Quux", frozenset({"Person"}), True),
])
def test_an_article_names_no_one_by_the_or_a_plural(text, name, types, want):
    """the_named: the keys a sentence writes as no one's, after "the" at its phrase's end or with a link's trail."""
    from wikikg.extract.thenames import the_named
    assert (name in the_named([(_sentence(text, link=name), [_at(text, name, types)])])) is want


def test_a_name_the_text_only_writes_after_the_is_no_veto():
    """"than the Jane Roe." unlinked: a slip of the prose, not a link the editor wrote as no one's."""
    from wikikg.extract.thenames import the_named
    text = "He refused anyone other than the Jane Roe."
    assert not the_named([(_sentence(text), [_at(text, "Jane Roe")])])


def test_a_ship_in_italics_after_the_is_no_veto():
    """"The ''Jane Roe'' was launched": a ship named after a person; the person elsewhere stays one."""
    from wikikg.extract.thenames import the_named
    text = "The Jane Roe was launched in 1911."
    assert not the_named([(_sentence(text, ((4, 12),), "Jane Roe"), [_at(text, "Jane Roe")])])


def test_a_name_one_article_writes_as_no_ones_is_no_person_in_the_build():
    """One article's "parcels from the [[Jane Cross]]," says the name is no one's: another article's bare
    "[[Jane Cross]]", typed a person by its shape alone, no longer makes it a person anywhere in the build."""
    from wikikg.formats.writers import to_nquads
    from wikikg.model import Article
    from wikikg.pipeline.stages import assemble, extract_article
    texts = {"Foo Camp": "'''Foo Camp''' was a prison camp. Prisoners collected parcels from the [[Jane Cross]], some"
                         " of which held maps.",
             "Bar Hospital": "'''Bar Hospital''' is a hospital in [[London]]. Nurses of [[Jane Cross]] and [[John Doe]]"
                             " worked there in 1915."}
    results = [extract_article(Article(t, x)) for t, x in texts.items()]
    assert results[0].the_named == {"Jane Cross"}
    nq = to_nquads(assemble(results).dataset).decode()
    person = "<https://w3id.org/wikikg/ontology#Person>"
    assert f"<https://w3id.org/wikikg/resource/Jane_Cross> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> {person}" \
        not in nq
    assert f"<https://w3id.org/wikikg/resource/John_Doe> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> {person}" in nq
    alone = to_nquads(assemble(results[1:]).dataset).decode()  # without the other article: a person
    assert f"<https://w3id.org/wikikg/resource/Jane_Cross> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> {person}" \
        in alone
