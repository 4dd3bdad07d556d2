"""extract/select.py: which mentions a rule's places may take."""
from __future__ import annotations

import pytest

from wikikg.extract.select import Slotted, eligible
from wikikg.model import Mention


def _slotted(text: str, names: list[str], linked: frozenset = frozenset()) -> Slotted:
    mentions, pos = [], 0
    for n in names:
        s = text.index(n, pos)
        pos = s + len(n)
        mentions.append(Mention(n, n, n in linked, frozenset(), start=s, end=pos))
    return Slotted.build(text, mentions)


@pytest.mark.parametrize("text,name,ok", [
    ("rebuilt by Foo Construction costing EUR338 million, in a joint venture with Bar", "EUR338", False),
    ("rebuilt by Foo Construction costing US$5 billion", "US$5", False),
    ("written by Jane Roe from the Freedonian 1980s sampling band Qux", "Freedonian", False),
    ("a joint venture of Freedonian and Acme", "Freedonian", True),  # a name at the end of its phrase
    ("a joint venture with Acme", "Acme", True),
])
def test_an_amount_or_an_adjective_before_a_noun_fills_no_place(text, name, ok):
    sl = _slotted(text, [name])
    assert eligible(sl, 0, frozenset({"with", "of", "by", "from"}), frozenset(), 0) is ok


@pytest.mark.parametrize("text,fact", [
    ("'''Jane Roe''' (1947–2009) was an American general who served as Commander of the [[Foo National Guard]].",
     ("Foo National Guard", "keyPerson", "Jane Roe")),
    ("'''Jane Roe''' was a [[Freedonian Air Force]] Major General who served as Commander of the [[Foo National Guard]].",
     ("Foo National Guard", "keyPerson", "Jane Roe")),
    ("'''Jane Roe''' is a British engineering company which was acquired by [[Globex Corporation]] in 2015.",
     ("Globex Corporation", "acquired", "Jane Roe")),
])
def test_who_after_a_predicate_noun_is_the_sentence_s_subject(text, fact):
    """relative_antecedent: "X was an American general who served as ...": the clause is X's."""
    from wikikg.model import Article
    from wikikg.pipeline.stages import extract_article

    got = {(st.subject.key, st.predicate, st.obj.key) for st in extract_article(Article("Jane Roe", text, "case",
                                                                                        "wikitext")).statements}
    assert fact in got


@pytest.mark.parametrize("sentence,wrong", [
    ("Roe joined [[Foo Corp]] in 1988 as product manager for the [[Foo 80386|386]] family of motherboards.",
     ("Jane Roe", "affiliatedWith", "Foo 80386")),
    ("The Foo program founded in 2015 by John Doe grew.", ("Foo", "foundedBy", "John Doe")),
])
def test_a_name_before_a_product_s_noun_is_no_argument(sentence, wrong):
    """cues.toml modifier_nouns: "the ⟦386⟧ family of motherboards", "the ⟦Foo⟧ program": the name modifies the noun."""
    from wikikg.model import Article
    from wikikg.pipeline.stages import extract_article

    text = "'''Jane Roe''' (born 1962) is an American business executive. " + sentence
    got = {(st.subject.key, st.predicate, st.obj.key) for st in extract_article(Article("Jane Roe", text, "case",
                                                                                        "wikitext")).statements}
    assert wrong not in got


def test_a_name_modifying_a_noun_is_not_what_is_based_somewhere():
    """select left_any: "X is a cloud based SaaS ⟦Y⟧ platform based in ⟦Z⟧": Y modifies "platform"; X is based in Z."""
    from wikikg.model import Article
    from wikikg.pipeline.stages import extract_article

    text = ("'''Foo Inc.''' is a cloud based SaaS [[Customer Identity Management|Customer Identity Management]] platform "
            "based in [[Vancouver]], British Columbia, Canada.")
    got = {(st.subject.key, st.predicate, st.obj.key) for st in extract_article(Article("Foo Inc.", text, "case",
                                                                                        "wikitext")).statements}
    assert not any(s == "Customer Identity Management" for s, _, _ in got)
    assert ("Foo Inc.", "headquarteredIn", "Vancouver") in got


@pytest.mark.parametrize("key,text,ok", [
    ("Olympic Games", "Olympic", False), ("Foo Prize", "Foo Prize", False), ("Love Letters (1945 film)", "Love Letters", False),
    ("Foo Corporation", "Foo", True)])
def test_a_link_that_names_no_entity_fills_no_typed_place(key, text, ok):
    """extract/arguments.py fits: an untyped link to an event, an honour or a work fills no organisation's place
    ("membership of the [[Olympic Games|Olympic]] movement")."""
    from wikikg.extract.arguments import fits
    from wikikg.model import Mention

    m = Mention(text, key, True, frozenset())
    assert fits(m, frozenset({"Organization"}), False) is ok
