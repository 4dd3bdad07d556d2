"""Tests for wikikg.kb: what the ontology says of its classes and properties."""
from __future__ import annotations

from wikikg.kb import vocabulary


def test_organisation_classes_come_from_the_hierarchy():
    orgs = vocabulary.org_classes()
    assert {"Organization", "Company", "University", "GovernmentAgency", "StockExchange"} <= orgs
    assert "Person" not in orgs and "Place" not in orgs
    assert vocabulary.subclasses("Organization") == orgs - {"Organization"}
    assert vocabulary.superclasses("NewsOrganization") == ("Organization",)
    assert vocabulary.subclasses("Person") == frozenset()


def test_symmetry_domain_and_range():
    assert vocabulary.symmetric_properties() == {"partneredWith"}
    assert vocabulary.is_symmetric("partneredWith") and not vocabulary.is_symmetric("foundedBy")
    assert vocabulary.domain("sanctionedBy") == {"Organization", "Person"}  # an owl:unionOf
    assert vocabulary.range_of("listedOn") == {"StockExchange"}
    assert vocabulary.range_of("ticker") == {"http://www.w3.org/2001/XMLSchema#string"}
    assert vocabulary.labels()["partneredWith"] == "partnered with"


def test_priorities_folds_and_core_classes():
    order = vocabulary.classes_by_priority()
    assert order[0] == "Person" and order.index("Company") < order.index("Organization")
    assert set(order) <= vocabulary.classes()
    assert vocabulary.shown_as("ResearchInstitute") == "University" and vocabulary.shown_as("Company") is None
    assert vocabulary.core_classes() == {"Company", "Person", "University", "GovernmentAgency", "Organization",
                                         "StockExchange", "Place"}
