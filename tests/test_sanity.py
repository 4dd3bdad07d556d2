"""Tests for wikikg.resolve.sanity: statements are checked before they are emitted."""
from __future__ import annotations

from rdflib import URIRef

from wikikg.model import Evidence, Mention, Statement
from wikikg.pipeline.stages import build
from wikikg.resolve.sanity import admissible

EV = Evidence("text", "", 0, 4)


def _st(s: Mention, o: Mention, p: str = "subsidiaryOf") -> Statement:
    return Statement(s, p, o, "rule.x", EV)


def test_a_statement_relating_an_entity_to_itself_is_not_admissible():
    acme = Mention("Acme", "Acme", True, frozenset({"Company"}))
    other = Mention("Acme GmbH", "Acme GmbH", False, frozenset({"Company"}))
    assert not admissible(_st(acme, acme), {})
    assert admissible(_st(other, acme), {})
    # an unlinked name and a title with the same text are different keys until resolution merges them
    assert admissible(_st(Mention("Acme", "Acme", False, frozenset({"Company"})), acme), {})


def test_no_self_relation_reaches_the_graph(tmp_path):
    # a subsidiary list item that resolution merges into the subject (its name is the subject's plus a
    # legal form) must not become "Acme subsidiaryOf Acme"
    article = tmp_path / "Acme.wikitext"
    article.write_text("'''Acme''' is a [[company]].\n\n== Subsidiaries ==\n* Acme GmbH (Germany)\n* Foo Ltd\n",
                       encoding="utf-8")
    ds = build([str(article)]).dataset
    triples = [(s, p, o) for s, p, o, _g in ds.quads() if str(p).endswith("subsidiaryOf")]
    assert triples and all(s != o for s, p, o in triples)
    assert all(isinstance(s, URIRef) for s, _p, _o in triples)


def test_domain_and_range_come_from_the_ontology():
    from wikikg.model import Entity

    province = Mention("Kunar Province", "Kunar Province", True, frozenset({"Place"}))
    country = Mention("Ruritania", "Ruritania", True, frozenset({"Place"}))
    firm = Mention("Acme", "Acme", True, frozenset({"Company"}))
    person = Mention("Jane Roe", "Jane Roe", True, frozenset({"Person"}))
    entities = {(m.key, True): Entity(m.key, True, m.key, m.types) for m in (province, country, firm, person)}
    assert not admissible(_st(province, country), entities)  # a Place is not an Organization
    assert admissible(_st(firm, Mention("Parent", "Parent", True, frozenset({"Company"}))), entities)
    assert admissible(_st(firm, person, "foundedBy"), entities)  # range: Person or Organization
    assert not admissible(_st(person, firm, "foundedBy"), entities)  # domain: Organization only
    assert admissible(_st(firm, country, "headquarteredIn"), entities)
    assert not admissible(_st(firm, person, "headquarteredIn"), entities)  # range: Place


def test_a_country_article_is_a_place_and_its_divisions_are_not_subsidiaries(tmp_path):
    article = tmp_path / "Azerbaijan.wikitext"
    article.write_text("'''Azerbaijan''' is a land in the Caucasus.\n\n== Administrative divisions ==\n"
                       "* [[Kunar Province]]\n* [[Balakan Rayon]]\n", encoding="utf-8")
    ds = build([str(article)]).dataset
    assert not [q for q in ds.quads() if str(q[1]).endswith("subsidiaryOf")]
    types = {str(o).rsplit("#", 1)[-1] for _s, _p, o, _g in ds.quads((URIRef(
        "https://w3id.org/wikikg/resource/Azerbaijan"), URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), None))}
    assert types == {"Place"}


def test_a_disambiguation_page_gives_no_facts(tmp_path):
    article = tmp_path / "Acme_(disambiguation).wikitext"
    article.write_text("'''Acme''' may refer to:\n* [[Acme Corporation]], a company founded by [[Jane Roe]]\n"
                       "* [[Acme, Alberta]], a village\n\n{{disambiguation}}\n", encoding="utf-8")
    result = build([str(article)])
    assert not [q for q in result.dataset.quads() if str(q[1]).endswith(("foundedBy", "mentionedIn"))]
    assert any("disambiguation page" in w.reason for w in result.warnings)


def test_a_list_of_notable_people_in_an_article_about_a_field_is_no_staff(tmp_path):
    field = tmp_path / "Soil_science.wikitext"
    field.write_text("'''Soil science''' is the study of soil.\n\n== Notable people ==\n* [[Jane Roe]]\n",
                     encoding="utf-8")
    firm = tmp_path / "Acme_Widgets_Inc..wikitext"
    firm.write_text("'''Acme Widgets Inc.''' is a company.\n\n== Notable people ==\n* [[Jane Roe]]\n",
                    encoding="utf-8")
    def staff(path):
        return [q for q in build([str(path)]).dataset.quads() if str(q[1]).endswith("affiliatedWith")]
    assert not staff(field)  # an organisation only by default: its lists are not staff lists
    assert staff(firm)  # a company by its name's legal form: the list is its people
