"""Tests for wikikg.resolve.merge: partitioned resolution equals resolving one flat list of every statement."""
from __future__ import annotations

from pathlib import Path

import pytest

from wikikg import graph as G
from wikikg.extract.cast import MENTIONS
from wikikg.extract.known import programme_key_linked
from wikikg.formats.writers import to_nquads
from wikikg.model import Article, Mention
from wikikg.pipeline.stages import assemble, extract_article
from wikikg.resolve.entities import resolve, unify_keys
from wikikg.resolve.merge import Summary, redirect_map, summarise, tables
from wikikg.resolve.sanity import admissible

ROOT = Path(__file__).resolve().parents[1]
TEXTS = {
    "Acme Corporation": "{{Infobox company\n| name = Acme Corporation\n| founder = [[Jane Roe]]\n}}\n"
                        "'''Acme Corporation''' is a technology company. In 2010, Acme partnered with "
                        "[[Beta Inc.]] The company is a member of the Gamma Group.\n",
    "Beta Inc.": "'''Beta Inc.''' is a software company. In 2012, Beta Inc. partnered with "
                 "Acme Corporation. Beta was founded by Jane Roe.\n",
    "Gamma Group": "'''Gamma Group''' is a trade association. [[Acme Corporation]] is a member of "
                   "[[Gamma Group]]. [[Huawei]] was placed on the [[Entity List]] in 2019.\n",
}


def flat_assemble(results):
    """The reference: every statement of the batch in one list, resolved at once (the original
    pipeline.assemble, before it was split into mergeable parts)."""
    results = sorted(results, key=lambda r: r.title)
    flat = unify_keys([st for r in results for st in r.statements])
    programmes = {v: programme_key_linked(v) for st in flat for q, v in st.qualifiers if q == "programme"}
    entities = resolve(flat, [r.subject for r in results] + list(programmes.values()))
    linked = {k: m.linked for k, m in programmes.items()}
    ds, pos = G.new_dataset(), 0
    for r in results:
        sts, pos = flat[pos:pos + len(r.statements)], pos + len(r.statements)
        g = G.article_graph(ds, r.title)
        subject_iri = G.entity_ref(r.subject.key, True)
        used = {(r.subject.key, True)}
        for st in sts:
            if not admissible(st, entities):
                continue
            if st.predicate == MENTIONS:
                G.add_mention(g, st, r.title, subject_iri)
            else:
                G.add_statement(g, st, r.title, subject_iri, linked)
            used |= {(m.key, m.linked) for m in (st.subject, st.obj, st.attributed_to)
                     if isinstance(m, Mention) and m.key}
            used |= {(v, linked.get(v, True)) for q, v in st.qualifiers if q == "programme"}
        for key in sorted(used):
            if key in entities:
                G.add_entity(g, entities[key])
    return ds


@pytest.fixture(scope="module")
def results():
    arts = [Article(t, x) for t, x in TEXTS.items()]
    arts.append(Article("SenseTime", (ROOT / "seeds" / "sensetime.wikitext").read_text("utf-8")))
    return [extract_article(a) for a in arts]


def test_partitioned_resolution_equals_the_flat_one(results):
    assert to_nquads(assemble(results).dataset) == to_nquads(flat_assemble(results))


def test_summaries_merge_in_any_order(results):
    parts = [summarise([(i, r)]) for i, r in enumerate(results)]
    forward, backward = Summary(), Summary()
    for p in parts:
        forward.update(p)
    for p in reversed(parts):
        backward.update(p)
    whole = summarise(enumerate(results))
    assert forward == backward == whole
    assert tables(forward) == tables(whole)


def test_unlinked_names_join_the_linked_entity_across_articles(results):
    t = tables(summarise(enumerate(results)))
    assert ("Acme Corporation", True) in t.entities and ("Acme Corporation", False) not in t.entities


def test_redirect_map_follows_chains_and_drops_sections_and_loops():
    got = redirect_map([("a_b", "C d"), ("C d", "E"), ("Part", "E#History"), ("X", "Y"), ("Y", "X"),
                        ("Same", "same")])
    assert got == {"A b": "E", "C d": "E"}


def test_redirect_titles_become_aliases_of_entities_in_the_graph(results):
    t = tables(summarise(enumerate(results)), [("Acme Corp.", "Acme Corporation"), ("Nobody", "Zzz")])
    assert "Acme Corp." in t.entities[("Acme Corporation", True)].aliases
    assert ("Zzz", True) not in t.entities


def test_a_hyphen_between_words_is_a_space_to_resolution():
    """ "Tel-Aviv Stock Exchange" written in prose is the "Tel Aviv Stock Exchange" a ticker names."""
    text = ("{{Infobox company\n| name = Foo Media\n| traded_as = {{TASE|FOO}}\n}}\n"
            "'''Foo Media''' is a company. Foo Media dual-listed on the Tel-Aviv Stock Exchange in February 2016.")
    nq = to_nquads(assemble([extract_article(Article("Foo Media", text))]).dataset).decode()
    assert "Tel-Aviv" in nq  # kept as the prose's alias
    assert "Tel_Aviv_Stock_Exchange" in nq and "Tel-Aviv_Stock_Exchange" not in nq


def _st(subject: Mention, obj: Mention):
    from wikikg.model import Evidence, Statement
    return Statement(subject, "locatedIn", obj, "case", Evidence("x", "s", 0, 1))


def test_an_unlinked_place_name_is_not_taken_for_a_page_of_that_name_about_something_else():
    """A place's name left unlinked ("Barshire") points at a linked page of the same name, but not at one
    whose qualifier says it is no place ("Barshire (1940 film)"); a title without a qualifier wins."""
    place = Mention("Barshire", "Barshire", False, frozenset({"Place"}), strength=2)
    town = Mention("Fooville, Barshire", "Fooville, Barshire", True, frozenset({"Place"}))
    film = Mention("Barshire", "Barshire (1940 film)", True)
    untyped = Mention("Barshire", "Barshire", False)
    got = unify_keys([_st(town, place), _st(town, film), _st(town, untyped)])
    assert (got[0].obj.key, got[0].obj.linked) == ("Barshire", False)
    assert (got[2].obj.key, got[2].obj.linked) == ("Barshire (1940 film)", True)  # no class: the only page of that name
    region = Mention("Barshire", "Barshire (state)", True, frozenset({"Place"}))
    got = unify_keys([_st(town, film), _st(town, region), _st(town, place)])
    assert (got[2].obj.key, got[2].obj.linked) == ("Barshire (state)", True)
    plain = Mention("Barshire", "Barshire", True, frozenset({"Place"}))
    got = unify_keys([_st(town, film), _st(town, plain), _st(town, untyped)])
    assert got[2].obj.key == "Barshire"  # the page without a qualifier, though the film's came first


def test_a_subject_nothing_types_gets_no_class_unless_a_fact_needs_one():
    """An article's subject its text never types ("Foobeast": an animal, an idea) has the default class
    only where a fact relates it (a fact's domain needs one), not when the cast merely mentions names."""
    from wikikg.model import Evidence, Statement
    from wikikg.pipeline.stages import ArticleResult
    from wikikg.resolve.merge import resolved

    ev = Evidence("x", "", 0, 1)
    beast = Mention("Foobeast", "Foobeast", True, frozenset({"Organization"}), strength=0)
    roe = Mention("Jane Roe", "Jane Roe", True, frozenset({"Person"}), strength=2)
    club = Mention("Barclub", "Barclub", True, frozenset({"Organization"}), strength=0)
    league = Mention("Foo League", "Foo League", True, frozenset({"Organization"}), strength=3)
    results = [ArticleResult("Foobeast", beast, (Statement(roe, MENTIONS, ev, "cast.mention", ev),), 1, ()),
               ArticleResult("Barclub", club, (Statement(club, "memberOf", league, "r", ev),), 1, ())]
    t = tables(summarise(enumerate(results)))
    types = {e.key: e.types for r in results for e in resolved(r, t)[1]}
    assert types["Foobeast"] == frozenset() and types["Jane Roe"] == {"Person"}
    assert types["Barclub"] == {"Organization"} and types["Foo League"] == {"Organization"}


def test_a_one_word_name_keeps_a_surname_in_parentheses_as_clergy_are_titled():
    """"Varlaam (Roe)" is a bishop's name and surname; "(band)", "(FM)", "(Texas)" disambiguate."""
    from wikikg.resolve.entities import label_of
    assert label_of("Varlaam (Roe)", True) == "Varlaam (Roe)"
    assert label_of("Onuphrius (Berezovsky-Roe)", True) == "Onuphrius (Berezovsky-Roe)"
    assert label_of("Foo (band)", True) == "Foo"
    assert label_of("KFOO (FM)", True) == "KFOO"
    assert label_of("Fooville (Texas)", True) == "Fooville"
    assert label_of("Jane Roe (Smith)", True) == "Jane Roe"
    assert label_of("Varlaam (Roe)", False) == "Varlaam (Roe)"


ORG = frozenset({"Organization"})
ACRONYMS = [  # (other mentions of the batch, the mention resolved, the key and linked it resolves to)
    ([Mention("Foo Bar Organization", "Foo Bar Organization", True, ORG, frozenset({"FBO"}))],
     Mention("FBO", "FBO", True, ORG), ("Foo Bar Organization", True)),  # a link to the acronym's redirect
    ([Mention("Foo Bar Organization", "Foo Bar Organization", True, ORG, frozenset({"FBO"}))],
     Mention("FBO", "FBO", False, ORG), ("Foo Bar Organization", True)),  # the acronym unlinked
    ([Mention("Foo Bar Organization", "Foo Bar Organization", True, ORG, frozenset({"FBO"})),
      Mention("Foo Bank Organization", "Foo Bank Organization", True, ORG, frozenset({"FBO"}))],
     Mention("FBO", "FBO", True, ORG), ("FBO", True)),  # two entities of that acronym: neither
    ([Mention("Foo Bar Organization", "Foo Bar Organization", True, ORG, frozenset({"FBO"})),
      Mention("FBO", "FBO (band)", True, ORG)],
     Mention("FBO", "FBO", False, ORG), ("FBO (band)", True)),  # a page of that name wins
    ([Mention("Foo Bar Organization", "Foo Bar Organization", True, ORG, frozenset({"FBO"}))],
     Mention("FBO", "FBO", False, frozenset({"Place"})), ("FBO", False)),  # of another kind
    ([Mention("Barshire Road", "Barshire Road", True, frozenset({"Place"}), frozenset({"Fooville Road"}))],
     Mention("Fooville Road", "Fooville Road", False, frozenset({"Place"})), ("Fooville Road", False)),  # no acronym
    ([Mention("Janet Doe", "Janet Doe", True, frozenset({"Person"}), frozenset({"JR"}))],
     Mention("JR", "JR", False, frozenset({"Person"})), ("JR", False)),  # people: samepeople.py's
    ([Mention("Foo–Bar College", "Foo–Bar College", True, ORG)],
     Mention("Foo-Bar College", "Foo-Bar College", True, ORG), ("Foo–Bar College", True)),  # a hyphen for the dash
    ([Mention("Foo-Bar College", "Foo-Bar College", True, ORG)],
     Mention("Foo–Bar College", "Foo–Bar College", True, ORG), ("Foo–Bar College", True)),  # the dash's title kept
    ([Mention("Frank E. Foo Air Base", "Frank E. Foo Air Base", True, frozenset({"Place"}))],
     Mention("F.E. Foo Air Base", "F.E. Foo Air Base", True, frozenset({"Place"})),
     ("Frank E. Foo Air Base", True)),  # initials spelled out
    ([Mention("Jane Q. Roe", "Jane Q. Roe", True, frozenset({"Person"})),
      Mention("Jane Quinn Roe", "Jane Quinn Roe", True, frozenset({"Person"}))],
     Mention("J. Q. Roe", "J. Q. Roe", True, frozenset({"Person"})), ("Jane Quinn Roe", True)),  # the fullest
    ([Mention("Janet Roe", "Janet Roe", True, frozenset({"Person"}))],
     Mention("J. Roe", "J. Roe", True, frozenset({"Person"})), ("J. Roe", True)),  # one name agrees: not enough
    ([Mention("Anna B. Roe", "Anna B. Roe", True, frozenset({"Person"})),
      Mention("Alice B. Roe", "Alice B. Roe", True, frozenset({"Person"}))],
     Mention("A. B. Roe", "A. B. Roe", True, frozenset({"Person"})), ("A. B. Roe", True)),  # two spell it: neither
    ([Mention("Frank E. Foo Air Base", "Frank E. Foo Air Base", True, frozenset({"Place"}))],
     Mention("F.E. Foo Air Base", "F.E. Foo Air Base", True, frozenset({"Person"})),
     ("F.E. Foo Air Base", True)),  # of another kind
    ([Mention("Véronique Roe", "Véronique Roe", True, frozenset({"Person"}))],
     Mention("Veronique Roe", "Veronique Roe", False, frozenset({"Person"})), ("Véronique Roe", True)),  # no accents
]


@pytest.mark.parametrize("others,mention,resolved", ACRONYMS)
def test_an_acronym_or_another_dash_goes_to_the_one_entity_the_batch_names_by_it(others, mention, resolved):
    town = Mention("Fooville", "Fooville", True, frozenset({"Place"}))
    got = unify_keys([_st(town, m) for m in others] + [_st(town, mention)])
    assert (got[-1].obj.key, got[-1].obj.linked) == resolved
