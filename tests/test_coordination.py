"""Tests for wikikg.extract.coordination: classes by the company a linked name keeps in a list."""
from __future__ import annotations

import re

import pytest

from wikikg.extract.coordination import coordinated
from wikikg.model import Mention

PERSON, PLACE = frozenset({"Person"}), frozenset({"Place"})

# (sentence with [[links]], the class of each link before: "P" person, "L" place, "-" untyped;
#  the classes expected after, same letters)
CASES = [
    ("[[Jane Roe]], [[John Doe]], [[Fyodor Quux]] and [[Sam Sample]]", "PP-P", "PPPP"),
    ("[[Jane Roe]], [[John Doe]], [[Fyodor Quux]] and [[Anarchism in Fooland]]", "PP--", "PPP-"),  # a concept
    ("[[Jane Roe]], [[John Doe]] and [[The Foo Boys]]", "PP-", "PP-"),  # a band's "The ..."
    ("[[Jane Roe]], [[John Doe]] and [[Foo Roe's Fables]]", "PP-", "PP-"),  # a work
    ("[[Fooland]], [[Barland]], [[Gulf of Quux]] and [[Battle of Baz]]", "LL--", "LLL-"),  # an event
    ("[[Jane Roe]], [[Fooland]] and [[Quux Corp]]", "PL-", "PL-"),  # the typed ones disagree
    ("[[Jane Roe]], [[Sam Sample]], [[Fyodor Quux]] and [[Abe Quuz]]", "P---", "P---"),  # one typed of four
    ("[[Jane Roe]] and [[Fyodor Quux]]", "P-", "P-"),  # two names are no list
    ("[[Jane Roe]], [[John Doe]] met [[Fyodor Quux]]", "PP-", "PP-"),  # a verb between: no list
]
_TYPES = {"P": PERSON, "L": PLACE, "O": frozenset({"Organization"}), "-": frozenset()}


def _mentions(text: str, classes: str) -> list[Mention]:
    out = []
    for m, c in zip(re.finditer(r"\[\[([^\]]+)\]\]|\{\{([^}]+)\}\}", text), classes, strict=True):
        name = m.group(1) or m.group(2)  # {{Name}}: an unlinked name
        out.append(Mention(name, name, m.group(1) is not None, _TYPES[c], start=m.start(), end=m.end(),
                           strength=2 if c != "-" else 0))
    return out


@pytest.mark.parametrize("text,before,after", [
    ("[[Jane Roe]], [[John Doe]], {{Sam Sample}} and {{J. Fyodor Quux}}", "PP--", "PPPP"),
    ("at the society's {{Silver Jubilee}}, [[Jane Roe]], [[John Doe]] and [[Abe Quuz]]", "-PPP", "-PPP"),  # possessed
    ("[[Jane Roe]], [[John Doe]], {{Generals Quux}} and [[Abe Quuz]]", "PP-P", "PP-P"),  # no given name first
    ("[[Fooland]], [[Barland]] and {{Quux Corp}}", "LL-", "LL-"),  # unlinked: among people only
])
def test_an_unlinked_persons_name_among_people_is_a_persons(text, before, after):
    """An unlinked name listed among people is a person's when a known given name or an initial says so."""
    test_an_untyped_linked_name_takes_the_class_of_the_names_it_is_listed_with(text, before, after)


@pytest.mark.parametrize("text,before,after", [
    ("[[Jane Roe]], [[Foo (band)]], [[John Doe]] and [[Sam Sample]]", "POP-", "POPP"),
    ("[[Jane Roe]], [[Foo (band)]], [[John Doe]] and {{Sam Sample}}", "POP-", "POPP"),
    ("[[Jane Roe]], [[Foo (band)]], [[John Doe]] and [[Quux Zorb]]", "POP-", "POP-"),  # no given name: a band's too
    ("[[Jane Roe]], [[Foo (band)]], [[John Doe]] and {{Five Man Foo Band}}", "POP-", "POP-"),  # a band's name
    ("[[Jane Roe]], [[Foo (band)]], [[Bar Baz]] and [[Sam Sample]]", "POO-", "POO-"),  # as many groups as people
    ("[[Jane Roe]], [[Fooland]], [[John Doe]] and [[Sam Sample]]", "PLP-", "PLP-"),  # a place: no performers' list
])
def test_a_list_of_people_with_a_band_among_them_is_still_one_of_people(text, before, after):
    """Performers are people and bands alike: a band among people leaves the list a list of people, and its untyped
    names people's where the name parser reads them as people's."""
    test_an_untyped_linked_name_takes_the_class_of_the_names_it_is_listed_with(text, before, after)


@pytest.mark.parametrize("text,before,after", CASES)
def test_an_untyped_linked_name_takes_the_class_of_the_names_it_is_listed_with(text, before, after):
    got = coordinated(_mentions(text, before), text)
    letters = "".join("P" if "Person" in m.types else "L" if "Place" in m.types else "O" if m.types else "-" for m in got)
    assert letters == after


@pytest.mark.parametrize("sentence,names", [
    ("It oversees the Ministry of Agriculture, Forestry and Water Management.",
     ["Ministry of Agriculture, Forestry and Water Management"]),
    ("The Department of Budget, Accounting and Statistics reports to the Ministry of Finance, Jane Roe and John Doe.",
     ["Department of Budget, Accounting and Statistics", "Ministry of Finance", "Jane Roe", "John Doe"]),
])
def test_a_body_named_for_listed_fields_is_one_name(sentence, names):
    """fields_listed: the fields after a body's "of" that nothing else names are its name's."""
    from wikikg.extract.context import article_context
    from wikikg.extract.mentions import find_mentions
    from wikikg.model import Article
    from wikikg.pipeline.stages import parse_article, subject_of

    p = parse_article(Article("Fooland Government", "'''Fooland Government''' is a government. " + sentence, "-"))
    found = [m.text for m in find_mentions(p.sentences[1], article_context(p, subject_of(p)))]
    assert [n for n in found if n not in ("It",)] == names


# (sentence with [[links]], the class of each link before, the class expected after: "P" person, "C" company,
#  "N" news organisation, "-" untyped; a link written "[[Long Name|Short]]" keeps its short text)
KINDS = [
    ("She worked for investment banks including [[Morgan Roe]], [[Merrill Doe]] and [[Quux]].", "PP-", "CCC"),
    ("He wrote for newspapers such as [[Le Foo]] and [[The Bar Times]].", "PN", "NN"),  # its own shape stays
    ("He worked for [[Morgan Roe]] and [[Quux]].", "P-", "P-"),  # no class noun and cue before
    ("Most banks, including [[Foo Hospital|Foo]], closed.", "-", "-"),  # a short re-mention of a longer name
]
_KIND_TYPES = {"P": PERSON, "C": frozenset({"Company"}), "N": frozenset({"NewsOrganization"}), "-": frozenset()}


@pytest.mark.parametrize("text,before,after", KINDS)
def test_names_listed_after_a_plural_class_noun_and_such_as_take_its_class(text, before, after):
    from wikikg.extract.coordination import kinds_listed
    shown = re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]+)\]\]", r"\1", text)
    found, pos = [], 0
    for m, c in zip(re.finditer(r"\[\[([^|\]]+)(?:\|([^\]]+))?\]\]", text), before, strict=True):
        name = m.group(2) or m.group(1)
        start = shown.index(name, pos)
        pos = start + len(name)
        found.append(Mention(name, m.group(1), True, _KIND_TYPES[c], start=start, end=pos,
                             strength={"P": 2, "N": 3}.get(c, 0)))
    got = kinds_listed(found, shown)
    letters = "".join(next((k for k, v in _KIND_TYPES.items() if v == m.types), "?") for m in got)
    assert letters == after


@pytest.mark.parametrize("text,names,want", [
    ("It sells through retailers, including Foo Mart, Bar Buy and [[Baz]].", ["Foo Mart", "Bar Buy"], "CC"),
    ("He spoke at universities such as Oxford and Quuxbridge.", ["Oxford", "Quuxbridge"], "--"),  # a town's name
    ("He hired lawyers such as Jane and Roe.", ["Jane"], "-"),  # a given name alone
])
def test_unlinked_names_listed_after_a_plural_class_noun_take_its_class_when_nothing_types_them(text, names, want):
    from wikikg.extract.coordination import kinds_listed
    shown = re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]+)\]\]", r"\1", text)
    found = [Mention(n, n, False, frozenset(), start=shown.index(n), end=shown.index(n) + len(n)) for n in names]
    got = kinds_listed(found, shown)
    assert "".join(next((k for k, v in _KIND_TYPES.items() if v == m.types), "?") for m in got) == want
