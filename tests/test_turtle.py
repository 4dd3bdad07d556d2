"""Tests for wikikg.formats.turtle: Turtle whose prefixed names every Turtle parser accepts."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from wikikg.formats.turtle import TURTLE
from wikikg.graph import bind

SAME = URIRef("http://www.w3.org/2002/07/owl#sameAs")


@pytest.mark.parametrize("title,pname", [
    ("µTorrent", None), ("ºC", None), ("Zürich", "dbr:Zürich"), ("Acme_(company)", r"dbr:Acme_\(company\)"),
    ("1990s", "dbr:1990s"), ("Inc.", None),
])
def test_prefixed_names_only_where_turtle_allows_them(title, pname):
    g = bind(Graph())
    g.add((URIRef("http://dbpedia.org/resource/" + title), SAME, URIRef("https://w3id.org/wikikg/resource/A")))
    text = g.serialize(format=TURTLE)
    assert (pname in text) if pname else ("<http://dbpedia.org/resource/" + title + ">" in text)
    back = Graph()
    for t in ox.parse(text.encode("utf-8"), ox.RdfFormat.TURTLE):  # a strict parser reads it
        back.add((URIRef(t.subject.value), URIRef(t.predicate.value), URIRef(t.object.value)))
    assert isomorphic(back, g)
