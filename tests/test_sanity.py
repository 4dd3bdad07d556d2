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
    assert admissible(_st(Mention("Acme", "Acme", False), acme), {})


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
