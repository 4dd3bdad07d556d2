"""Tests for wikikg.resolve.buildtypes and wikikg.extract.candidates: untyped links that the build's other articles type."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, URIRef

from wikikg.extract.candidates import is_candidate
from wikikg.formats.writers import to_nquads, union
from wikikg.kb.ontology import WKG
from wikikg.model import Article, Mention
from wikikg.parse import parse_article
from wikikg.pipeline import shards
from wikikg.pipeline import stages as pipeline
from wikikg.pipeline.stages import build, extract_article, own_types, subject_of

RES = "https://w3id.org/wikikg/resource/"
QUXLEY = URIRef(RES + "Quxley")
LINKER = "'''Foo Holdings''' is an investment firm. In 2010 it hired advisers from [[Quxley]] to review its accounts.\n"
OWN = "{{Infobox company\n| name = Quxley\n| type = Private\n| industry = Banking\n}}\n'''Quxley''' is a bank.\n"
OWNED = "'''{name}''' is a company. Its owner is the Swiss bank [[Quxley]].\n"


def _write(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir()
    for title, text in articles.items():
        (folder / f"{title}.wikitext").write_text(text, "utf-8")
    return folder


def _graph(result, title: str):
    """The named graph of one article of a build."""
    return result.dataset.graph(URIRef("https://en.wikipedia.org/wiki/" + title.replace(" ", "_")))


def _cast(result, title: str) -> set:
    """The classes the article's graph gives Quxley, when the graph names it."""
    g = _graph(result, title)
    return set(g.objects(QUXLEY, RDF.type)) if (QUXLEY, WKG.mentionedIn, None) in g else set()


@pytest.fixture()
def pair(tmp_path) -> Path:
    return _write(tmp_path / "pair", {"Foo Holdings": LINKER, "Quxley": OWN})


def test_a_link_the_article_leaves_untyped_takes_the_class_its_own_article_gives(pair):
    result = build([str(pair)])
    assert _cast(result, "Foo Holdings") == {WKG.Company}
    g = _graph(result, "Foo Holdings")
    evidence = g.value(QUXLEY, WKG.mentionedIn)
    assert "[[Quxley]]" in str(g.value(evidence, WKG.text))
    assert result.statements == build([str(pair / "Foo Holdings.wikitext")]).statements + \
        build([str(pair / "Quxley.wikitext")]).statements  # no fact changes


def test_alone_the_article_does_not_name_the_link(pair):
    alone = build([str(pair / "Foo Holdings.wikitext")])
    assert not {str(t) for triple in union(alone.dataset) for t in triple} & {str(QUXLEY)}


def test_process_pool_and_streaming_builds_agree(pair, tmp_path, monkeypatch):
    single = to_nquads(build([str(pair)]).dataset)
    assert str(QUXLEY).encode() in single
    monkeypatch.setattr(pipeline, "PARTITION", 1)
    assert to_nquads(build([str(pair)], jobs=2).dataset) == single
    shards.build_stream([str(pair)], tmp_path / "g.nq", jobs=2, partition=1)
    assert (tmp_path / "g.nq").read_bytes() == single


def test_a_redirect_to_the_entity_leads_there(tmp_path):
    folder = _write(tmp_path / "redirect", {"Foo Holdings": LINKER.replace("[[Quxley]]", "[[Quxley Bank]]"),
                                            "Quxley": OWN, "Quxley Bank": "#REDIRECT [[Quxley]]\n"})
    assert _cast(build([str(folder)]), "Foo Holdings") == {WKG.Company}


def test_an_own_article_that_does_not_say_what_its_subject_is_types_nothing(tmp_path):
    folder = _write(tmp_path / "untyped", {"Foo Holdings": LINKER, "Quxley": "'''Quxley''' is a word.\n",
                                           "Bar": OWNED.format(name="Bar"), "Baz": OWNED.format(name="Baz")})
    assert _cast(build([str(folder)]), "Foo Holdings") == set()


@pytest.mark.parametrize("title, text, expected", [
    ("Jane Roe", "{{Infobox film\n| name = Jane Roe\n}}\n'''''Jane Roe''''' is a 1994 film.\n", set()),
    ("Jane Roe", "'''Jane Roe''' (born 1950) is a Freedonian politician.\n[[Category:Freedonian politicians]]\n", {"Person"}),
    ("Quxley", OWN, {"Company"}), ("Quxley", "'''Quxley''' is a word.\n", set()),
    ("Fooville University", "'''Fooville University''' teaches.\n", {"University"})])
def test_what_an_article_gives_its_own_subject_for_the_build(title, text, expected):
    parsed = parse_article(Article(title, text))  # a film named like a person: its title's look alone says Person
    assert set(own_types(parsed, subject_of(parsed))) == expected
    assert set(extract_article(Article(title, text)).own) == expected


def test_a_disambiguation_page_names_no_one_entity(tmp_path):
    folder = _write(tmp_path / "ambiguous", {
        "Foo Holdings": LINKER, "Quxley": "'''Quxley''' may refer to:\n* [[Quxley Bank]], a bank\n* [[Quxley, Barshire]], "
                                          "a village\n{{disambiguation}}\n",
        "Bar": OWNED.format(name="Bar"), "Baz": OWNED.format(name="Baz")})
    assert _cast(build([str(folder)]), "Foo Holdings") == set()


def test_without_its_own_article_two_other_articles_must_type_it_alike(tmp_path):
    one = _write(tmp_path / "one", {"Foo Holdings": LINKER, "Bar": OWNED.format(name="Bar")})
    assert _cast(build([str(one)]), "Foo Holdings") == set()  # one article's reading is not enough
    two = _write(tmp_path / "two", {"Foo Holdings": LINKER, "Bar": OWNED.format(name="Bar"),
                                    "Baz": OWNED.format(name="Baz")})
    assert _cast(build([str(two)]), "Foo Holdings") == {WKG.Company}
    other = _write(tmp_path / "other", {"Foo Holdings": LINKER, "Bar": OWNED.format(name="Bar"),
                                        "Baz": OWNED.format(name="Baz"),
                                        "Qux": "'''Qux''' is a village. It is located in [[Quxley]].\n"})
    third = build([str(other)])
    assert (QUXLEY, RDF.type, WKG.Place) in _graph(third, "Qux")  # another article reads it as another kind
    assert _cast(third, "Foo Holdings") == set()


@pytest.mark.parametrize("title, expected", [
    ("Quxley", True), ("Jane Roe", True), ("Privately held company", False), ("Foo (1945 film)", False),
    ("Foo Award", False), ("Battle of Fooville", False), ("History of Freedonia", False),
    ("List of Foo companies", False), ("Foo in the Bar War", False)])
def test_candidates_are_links_that_may_name_an_entity(title, expected):
    assert is_candidate(Mention(title, title, True)) is expected
    assert not is_candidate(Mention(title, title, False))
    assert not is_candidate(Mention(title, title, True, frozenset({"Company"})))
