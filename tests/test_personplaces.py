"""Tests for wikikg.extract.personplaces: a town's one-word name that is a person's surname or given name: no place."""
from __future__ import annotations

import pytest

from wikikg.extract.personplaces import people_not_places
from wikikg.model import Article, Evidence, Mention, Statement
from wikikg.parse import parse_article

_SUBJECT = Mention("Foo Group", "Foo Group", True, frozenset({"Organization"}), strength=4)
_PLACE = frozenset({"Place"})


def _cast(text: str, name: str, types=_PLACE, linked: bool = False, strength: int = 2) -> Statement:
    start = text.index(name)
    m = Mention(name, name, linked, types, start=start, end=start + len(name), strength=strength)
    return Statement(_SUBJECT, "mentionedIn", m, "cast.mention", Evidence(text, "History", 0, len(text)))


def _run(text: str, person: str, word: str, **kw) -> frozenset[str]:
    """The types `people_not_places` leaves on `word` in an article of `text` that names `person` in full."""
    article = parse_article(Article("Foo Group", text))
    sentence = next(s.text for s in article.sentences if person in s.text)
    other = next(s.text for s in article.sentences if word in s.text.replace(person, ""))
    found = [_cast(sentence, person, frozenset({"Person"}), linked=True, strength=3), _cast(other, word, **kw)]
    return people_not_places(found, article)[1].obj.types


@pytest.mark.parametrize("text,person,word,want", [
    # the surname alone, after the person's whole name: the person
    ("She studied with Mary Chicago. The next year Chicago, Jane Roe and others founded it.", "Mary Chicago",
     "Chicago", frozenset()),
    ("It starred Paul Kingston. Kingston said the role was hers.", "Paul Kingston", "Kingston", frozenset()),
    ("It was led by Tom Jackson Jr. The division resisted Jackson's attack.", "Tom Jackson", "Jackson",
     frozenset()),
    # the given name alone: the person
    ("The daughter of Nancy Dow was born in 1969. Nancy later wrote a book.", "Nancy Dow", "Nancy", frozenset()),
    # the article writes the word as a place somewhere: a place
    ("She studied with Mary Chicago. Chicago met Roe. She moved to Chicago in 1970.", "Mary Chicago", "Chicago",
     _PLACE),
    ("She studied with Mary Chicago. Chicago met Roe. The city of Chicago grew.", "Mary Chicago", "Chicago", _PLACE),
    ("She studied with Mary Chicago. Chicago met Roe. The Chicago-based firm grew.", "Mary Chicago", "Chicago",
     _PLACE),
    # a realm after "of" or a title's seat after a comma in the person's name: no surname
    ("It was ruled by Jane II of Norway. Norway was at war.", "Jane II of Norway", "Norway", _PLACE),
])
def test_a_surname_or_given_name_alone_is_the_person(text, person, word, want):
    assert _run(text, person, word) == want


def test_a_place_comma_after_it_is_a_place():
    """"Kingston, Jamaica": a place's name after a comma, where the article types that name a place."""
    text = "It starred Paul Kingston. Kingston met Roe. The band came from Kingston, Jamaica."
    article = parse_article(Article("Foo Group", text))
    person, word, other = (_cast(article.sentences[0].text, "Paul Kingston", frozenset({"Person"}), linked=True),
                           _cast(article.sentences[1].text, "Kingston"), _cast(article.sentences[2].text, "Jamaica"))
    assert people_not_places([person, word, other], article)[1].obj.types == _PLACE
    text = "It starred Paul Kingston. Kingston met Roe. The band came from the Foo Hall, Kingston, England."
    article = parse_article(Article("Foo Group", text))  # a country the gazetteer knows after the comma
    found = [person, _cast(article.sentences[1].text, "Kingston"), _cast(article.sentences[2].text, "Kingston")]
    assert people_not_places(found, article)[1].obj.types == _PLACE
    text = "It starred Paul Kingston. Kingston met Roe. The band played with Kingston, Jane Roe and Doe."
    article = parse_article(Article("Foo Group", text))
    assert people_not_places([person, word], article)[1].obj.types == frozenset()


@pytest.mark.parametrize("kw", [{"linked": True}, {"strength": 3}, {"types": frozenset({"Place", "Person"})}])
def test_a_link_or_a_stronger_type_stays(kw):
    """A linked word (its article says what it is) or one typed by more than the gazetteer is left alone."""
    text = "She studied with Mary Chicago. The next year Chicago, Jane Roe and others founded it."
    assert _run(text, "Mary Chicago", "Chicago", **kw) == kw.get("types", _PLACE)
