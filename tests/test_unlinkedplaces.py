"""Tests for wikikg.extract.unlinkedplaces: unlinked places by a region after them, a place word, a list of places."""
from __future__ import annotations

import pytest
from rdflib import RDF, URIRef

from wikikg.graph import entity_iri
from wikikg.kb.ontology import WKG

TEXT = ("'''Acme Station''' is a research station situated in Zorbaville, [[Kerala]]. Its second station is "
        "located in Quorntown. It sells in France, Germany, Blorvia and Italy. It met Jane Zorbin, Istanbul, in "
        "2001. It runs the Technical Education Department, Kerala. It runs the Hotel and Homes, Kerala. "
        "According to Zorb Economic Council, Paris and Berlin are its markets. The France, Spain, Glorp and Italy "
        "teams came. It opened near Frank's Peak.\n")


@pytest.fixture(scope="module")
def graph(article_graph):
    return article_graph("Acme_Station", TEXT)


@pytest.mark.parametrize("name", ["Zorbaville", "Quorntown", "Blorvia"])
def test_an_unlinked_place_by_its_company(graph, name):
    assert (URIRef(entity_iri(name, False)), RDF.type, WKG.Place) in graph


@pytest.mark.parametrize("name", ["Jane Zorbin", "Department", "Technical Education Department", "Homes",
                                  "Zorb Economic Council", "Glorp", "Frank"])
def test_no_place_beside_a_city_in_a_name_first_in_a_list_or_before_a_noun(graph, name):
    assert (URIRef(entity_iri(name, False)), RDF.type, WKG.Place) not in graph


TABLE = ("'''Acme Club''' is an athletics club.\n\n== Records ==\n{| class=\"wikitable\"\n"
         "! Event !! Holder !! Location !! Film\n|-\n| 100 m || Jane Roe || Brussels || Paris\n|-\n"
         "| 200 m || John Doe || Victoria, Canada || Lagos\n|}\n")


def test_an_unlinked_cell_of_known_places_in_a_places_column(article_graph):
    g = article_graph("Acme_Club", TABLE)
    for name in ("Brussels", "Victoria", "Canada"):
        assert (URIRef(entity_iri(name, False)), RDF.type, WKG.Place) in g
    for name in ("Paris", "Lagos"):  # another column's words: a film's title, a player's nickname
        assert (URIRef(entity_iri(name, False)), RDF.type, WKG.Place) not in g


def test_headings_among_places_name_places():
    from wikikg.extract.placeheadings import place_headings

    text = ("Lead.\n== Works ==\n=== Cornwall ===\n* a church\n=== Essex ===\n* a house\n=== Other ===\n* x\n"
            "== Breeds ==\n=== Turkey ===\n* a bird\n=== Chicken ===\n* a bird\n=== Duck ===\n* a bird\n"
            "== Offices ==\n; Asia\n* [[Foo]]\n; Africa\n* [[Bar]]\n")
    named = {m.key for m, _ in place_headings(text)}
    assert {"Cornwall", "Essex", "Asia", "Africa"} <= named
    assert "Turkey" not in named and "Other" not in named


def test_a_topic_link_in_a_place_shows_the_place():
    from wikikg.extract.topicplaces import topic_places
    from wikikg.model import Link, Sentence

    text = "Same gauge: Russia, Moldova, Dominica, Orange."
    links = tuple(Link(t, s, text.index(s), text.index(s) + len(s)) for t, s in (
        ("Rail transport in Russia", "Russia"), ("Anarchism in Moldova", "Moldova"),
        ("Invasion of Dominica", "Dominica"), ("Electoral district in Orange", "Orange")))
    sentence = Sentence(0, text, text, 0, len(text), "", 0, links)
    assert [m.key for m in topic_places(sentence)] == ["Russia", "Moldova"]
