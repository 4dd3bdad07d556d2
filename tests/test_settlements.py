"""Tests for wikikg.extract.settlements and the place shapes: places by the company they keep and by their words."""
from __future__ import annotations

import pytest
from rdflib import RDF, URIRef

from wikikg.graph import entity_iri
from wikikg.kb.ontology import WKG

TEXT = ("'''Acme Station''' is a research station at [[Kumarakom]], [[Pathanamthitta]], [[Kerala]]. It bought the "
        "[[Hove]], [[East Sussex]], works. Its founder graduated from [[Zorgon Tech]], [[Switzerland]], "
        "in 1962. It partnered with [[Zorblat]], [[China]]'s largest bank. Its founder is buried "
        "in the [[San Fernando Mission Cemetery]] near the [[South Saskatchewan River]], in the "
        "[[Electoral district of Ballarat West]].\n")


@pytest.fixture(scope="module")
def graph(article_graph):
    return article_graph("Acme_Station", TEXT)


@pytest.mark.parametrize("name", ["Kumarakom", "Pathanamthitta", "Hove", "San Fernando Mission Cemetery",
                                  "South Saskatchewan River", "Electoral district of Ballarat West"])
def test_a_place_by_its_neighbour_or_its_words(graph, name):
    assert (URIRef(entity_iri(name, True)), RDF.type, WKG.Place) in graph


@pytest.mark.parametrize("name", ["Zorblat", "Zorgon Tech"])
def test_a_name_before_a_country_or_a_possessive_is_no_place(graph, name):
    assert (URIRef(entity_iri(name, True)), RDF.type, WKG.Place) not in graph
