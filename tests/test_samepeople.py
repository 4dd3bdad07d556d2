"""Tests for wikikg.extract.samepeople: one node per person an article links under several titles."""
from __future__ import annotations

import pytest

from wikikg.model import Article
from wikikg.pipeline.stages import extract_article


@pytest.mark.parametrize("key,name", [
    ("Paul S. Roe", "Paul Roe"), ("Gordon E. Q. Moore", "Gordon Moore"),
    ("Craig Roe (Foo Chairman)", None), ("Jane Roe (born 1950)", None), ("Jane Roe (captain)", None), ("Roe", None),
])
def test_a_persons_title_without_qualifier_and_middle_initials(key, name):
    from wikikg.extract.samepeople import person_name_key

    assert person_name_key(key) == name


def test_two_titles_of_one_person_make_one_node():
    text = ("'''Acme Widgets''' is a [[company]]. It was founded in 1990 by [[Paul S. Roe]]. "
            "In 2005, [[Paul Roe]] was appointed chairman of [[Globex Corporation]].")
    keys = {m.key for st in extract_article(Article("Acme Widgets", text, "case", "wikitext")).statements
            for m in (st.subject, st.obj) if getattr(m, "types", None) and "Person" in m.types}
    assert len(keys) == 1 and keys <= {"Paul Roe", "Paul S. Roe"}  # one node, under the title used most


def test_namesakes_told_apart_by_their_years_stay_two():
    text = ("'''Acme Widgets''' is a [[company]]. It was founded in 1990 by [[Jane Roe (born 1930)]] and "
            "[[Jane Roe (born 1960)|Jane Roe]].")
    keys = {m.key for st in extract_article(Article("Acme Widgets", text, "case", "wikitext")).statements
            for m in (st.subject, st.obj) if getattr(m, "types", None) and "Person" in m.types}
    assert keys == {"Jane Roe (born 1930)", "Jane Roe (born 1960)"}


def test_two_titles_with_different_initials_are_namesakes():
    text = ("'''Acme Widgets''' is a [[company]]. It was founded in 1990 by [[Joseph E. Roe]]. In 2005, "
            "[[Joseph S. Roe]] was appointed chairman of [[Globex Corporation]]. [[Joseph Roe]] retired.")
    keys = {m.key for st in extract_article(Article("Acme Widgets", text, "case", "wikitext")).statements
            for m in (st.subject, st.obj) if getattr(m, "types", None) and "Person" in m.types}
    assert {"Joseph E. Roe", "Joseph S. Roe"} <= keys


def test_prose_names_the_infobox_s_person_without_middle_initials():
    """context._add_without_initials: "Jane Roe" in prose is the infobox's "Jane Q. Roe"; her date is the prose's."""
    text = ("{{Infobox company\n| name = Acme Widgets\n| key_people = Jane Q. Roe, CEO\n}}\n"
            "'''Acme Widgets''' is a [[company]]. Effective September 30, 2015, Jane Roe was named CEO of the company.")
    facts = {(st.subject.key, st.predicate, st.obj.key, getattr(st.date, "value", None))
             for st in extract_article(Article("Acme Widgets", text, "case", "wikitext")).statements}
    assert ("Acme Widgets", "keyPerson", "Jane Q. Roe", "2015-09-30") in facts
    assert not any("Jane Roe" in (s, o) for s, _, o, _ in facts)


def test_an_infobox_s_two_word_name_is_the_linked_full_name():
    """one_node_per_person: the infobox's "General Jane Roe" is the prose's [[Jane Quinn Roe]]; two linked
    namesakes of the same first and last names leave it alone."""
    box = "{{Infobox military unit\n| unit_name = Freedonian Armed Forces\n| commander = General Jane Roe\n}}\n"
    lead = "'''Freedonian Armed Forces''' are the military of [[Freedonia]]. "

    def people(text):
        return {m.key for st in extract_article(Article("Freedonian Armed Forces", text, "case", "wikitext")).statements
                for m in (st.subject, st.obj) if getattr(m, "types", None) and "Person" in m.types}

    assert people(box + lead + "It is headed by [[Jane Quinn Roe]] since 2010.") == {"Jane Quinn Roe"}
    assert "Jane Roe" in people(box + lead + "It was headed by [[Jane Quinn Roe]] and by [[Jane Ann Roe]].")
