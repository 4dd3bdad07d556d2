"""extract/subjectnames.py: a short name's uses on its own, counted without an expression per name."""
from __future__ import annotations

import re

import pytest

from wikikg.extract.subjectnames import _uses_alone

# (text, short name, the company word it is used without)
CASES = [
    ("Founded in 2014, SenseTime grew; by 2018 SenseTime Group had listed, and SenseTime's labs opened.",
     "SenseTime", "Group"),
    ("backed by Palantir, then Palantir Technologies, then Palantir-style firms and Palantir_x; Palantir.",
     "Palantir", "Technologies"),
    ("Palantir at the start of a text, then Palantir.", "Palantir", "Technologies"),
    (" Acme Acme Acme, a Acme; Acme", "Acme", "Corp"),
    ("a AcmeAcme and Acme Corp and Acme Corporation and Acmé", "Acme", "Corp"),
    ("ÉA Acme, Acme 2 and Acme\u00b2 and Acme٣", "Acme", "Inc"),
    ("", "Acme", "Inc"),
    ("aa a a a", "a a", "b"),
]


@pytest.mark.parametrize("text,short,word", CASES)
def test_counts_what_the_expression_found(text, short, word):
    expected = len(re.findall(rf"(?<=[a-z,;] ){re.escape(short)}(?![\w-]| {re.escape(word)})", text))
    assert _uses_alone(text, short, word) == expected


WHOLE = [
    ("The Rudolf Virchow Center and the Rudolf Virchow Centers; Rudolf Virchow Center.", "Rudolf Virchow Center"),
    ("_Acme Corp Acme Corp_ Acme Corp² Acme Corp٣ (Acme Corp) Acme CorpAcme Corp", "Acme Corp"),
    ("aa aa aaa", "aa aa"),
    ("Ünited Ñames Ünited Ñamesé Ünited Ñames", "Ünited Ñames"),
    ("", "Acme Corp"),
]


@pytest.mark.parametrize("text,name", WHOLE)
def test_whole_word_hits_are_the_expressions(text, name):
    from wikikg.extract.subjectnames import whole_word_hits

    expected = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    assert whole_word_hits(text, name) == expected


def test_word_char_is_what_w_matches():
    import sys

    from wikikg.extract.subjectnames import _word_char

    w = re.compile(r"\w")
    assert all(bool(w.match(c)) == _word_char(c) for c in map(chr, range(sys.maxunicode + 1)))


@pytest.mark.parametrize("text,names", [
    ("The '''Foo Youth Football League''' or also known as ''Foo League'' (abbreviated to FYFL), are a league.",
     ["Foo League"]),
    ("'''Bar Holdings''', also known as Bar Group, is a company.", ["Bar Group"]),
    ("'''Bar Holdings''' is a company founded by Jane Roe, also known as JR, in 1990.", []),  # Roe's name, not the subject's
    ("'''Bar Holdings''' is a company.", []),
])
def test_the_lead_s_known_as_names_the_subject(text, names):
    """known_as: a name the lead gives its subject right after its bold name."""
    from wikikg.extract.subjectnames import known_as
    from wikikg.model import Article
    from wikikg.parse import parse_wikitext

    first = parse_wikitext(Article("X", text, "-")).sentences[0]
    assert known_as(first) == names


FREEDONIA = ("The '''Freedonian Armed Forces''' (Freedonian: ''Forças Armadas Freedonianas'') are the military of "
             "[[Freedonia]]. The FAF is headed by General [[Jane Roe]] since 2010. ")
INITIALISMS = [
    (FREEDONIA + "The FAF has three branches.", {"FAF"}),  # the native name's initials, used twice
    (FREEDONIA + "The Special Brigade of the Freedonian Armed Forces (FAF) guards it. The FAF grew.", {"FAF"}),
    (FREEDONIA, set()),  # used once
    (FREEDONIA + "The Foo Aviation Forum (FAF) met. The FAF grew.", set()),  # bracketed after another name
    ("'''Fooville Youth Football League''' is a league in [[Barshire]]. The FYFL has ten clubs. The FYFL grew.",
     {"FYFL"}),
    ("'''Jane Quinn Roe''' is a banker. JQR founded a bank. JQR grew.", set()),  # a person
]


@pytest.mark.parametrize("text,expected", INITIALISMS)
def test_an_organisation_s_initials_name_it(text, expected):
    """subject_initialisms: initials of the subject's name, or of the one the lead brackets after its bold name."""
    from wikikg.extract.context import article_context
    from wikikg.extract.subjectnames import subject_initialisms
    from wikikg.model import Article
    from wikikg.pipeline.stages import parse_article, subject_of

    parsed = parse_article(Article("X", text, "-"))
    subject = subject_of(parsed)
    names = article_context(parsed, subject).subject_names
    assert subject_initialisms(names - expected, parsed, subject) == expected
    assert expected <= names


def test_a_part_s_name_keeps_its_own_entity_before_the_whole_s_initials():
    """_paren_links: "the Special Brigade of the Freedonian Armed Forces (FAF)" is the brigade, not the army."""
    from wikikg.extract.context import article_context
    from wikikg.extract.mentions import find_mentions
    from wikikg.model import Article
    from wikikg.pipeline.stages import parse_article, subject_of

    parsed = parse_article(Article("X", INITIALISMS[1][0], "-"))
    ctx = article_context(parsed, subject_of(parsed))
    found = [m for s in parsed.sentences if "Special" in s.text for m in find_mentions(s, ctx)]
    assert [(m.text, m.key) for m in found if "Special" in m.text] == \
        [("Special Brigade of the Freedonian Armed Forces", "Special Brigade of the Freedonian Armed Forces")]


def test_a_subject_name_with_a_common_noun_is_one_mention():
    """mentions: "Roe ministry (1978–80)" is the subject, not its premier "Roe" before a lower-case word."""
    from wikikg.extract.context import article_context
    from wikikg.extract.mentions import find_mentions
    from wikikg.model import Article
    from wikikg.pipeline.stages import parse_article, subject_of

    text = ("The '''Roe ministry (1978–80)''' or '''Second Roe ministry''' was the 72nd ministry of the [[Freedonia "
            "Government]], and was led by the Premier, [[Jane Roe]]. Roe resigned in 1980.")
    parsed = parse_article(Article("Roe ministry (1978–80)", text, "-"))
    subject = subject_of(parsed)
    ctx = article_context(parsed, subject)
    found = [(m.text, m.key) for m in find_mentions(parsed.sentences[0], ctx)]
    assert found[:2] == [("Roe ministry (1978–80)", subject.key), ("Second Roe ministry", subject.key)]
    assert ("Jane Roe", "Jane Roe") in found


def test_a_short_form_the_lead_brackets_names_the_subject():
    """subject_initialisms: "(Freedonian: …, Foo Church of Bar, FCB-B)" gives the short form "FCB-B"."""
    from wikikg.extract.context import article_context
    from wikikg.model import Article
    from wikikg.pipeline.stages import parse_article, subject_of

    text = ("'''Foo Church – Bar''' (Freedonian: ''Fuu Tserkva'', ''Foo Church of Bar, FCB-B'') is a church in "
            "[[Freedonia]]. The FCB-B was founded in 1992.")
    parsed = parse_article(Article("Foo Church of Bar", text, "-"))
    assert "FCB-B" in article_context(parsed, subject_of(parsed)).subject_names


def test_a_short_form_before_a_dash_in_a_sound_file_s_text_names_the_subject():
    """subject_initialisms: "({{Audio|Fo-FSU.ogg|'''FSU''' – ''Freedonische Soziale Union''}})": the short form
    before the dash (the audio template's text is shown, parse/definitions.py TEXT_TEMPLATES)."""
    from wikikg.extract.context import article_context
    from wikikg.model import Article
    from wikikg.pipeline.stages import parse_article, subject_of

    text = ("The '''Freedonian Social Union''' ({{Audio|Fo-FSU.ogg|'''FSU''' – ''Freedonische Soziale Union''}}) "
            "is a political party in [[Freedonia]]. The FSU was founded in 1945.")
    parsed = parse_article(Article("Freedonian Social Union", text, "-"))
    assert "FSU" in article_context(parsed, subject_of(parsed)).subject_names
