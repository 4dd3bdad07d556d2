"""Tests for framed_runs, paired and cued_links: links typed by a frame before a run, a neighbour, the words beside them."""
from __future__ import annotations

import re

import pytest

from wikikg.extract.frames import framed_runs
from wikikg.extract.linkcues import cued_links
from wikikg.extract.pairs import paired, strongly_listed
from wikikg.model import Mention

_TYPES = {"C": frozenset({"Company"}), "O": frozenset({"Organization"}), "P": frozenset({"Person"}),
          "U": frozenset({"University"}), "L": frozenset({"Place"}), "-": frozenset()}
_LETTER = {v: k for k, v in _TYPES.items()}


def _run(fn, sentence: str, classes: str, strength: int = 3) -> str:
    """`sentence` with its [[links]] as mentions of the classes given by letters, through `fn`: the letters after."""
    text, found, shift = sentence, [], 0
    for m, c in zip(re.finditer(r"\[\[([^\]]+)\]\]", sentence), classes, strict=True):
        start = m.start() - shift
        name = m.group(1)
        found.append(Mention(name, name, True, _TYPES[c], start=start, end=start + len(name),
                             strength=strength if c != "-" else 0))
        shift += 4
    text = sentence.replace("[[", "").replace("]]", "")
    return "".join(_LETTER[m.types] for m in fn(found, text))


@pytest.mark.parametrize("sentence, before, after", [
    ("It negotiated contracts with [[Foo Pictures]] and [[Bar]].", "--", "OO"),
    ("She joined [[Foo]], [[Bar]] and [[Baz]] in 1990.", "---", "OOO"),
    ("The firm was later bought by [[Foo]] and [[Bar]], who split it.", "--", "CC"),
    ("It was acquired by [[Foo Motors]] and [[Bar]].", "C-", "CC"),  # only the untyped one takes the class
    ("She joined [[Foo]] and [[Bar]] families.", "--", "--"),  # the run modifies a common noun
    ("She met [[Foo]] and [[Bar]] in 1990.", "--", "--"),  # no frame
    ("He joined [[Battle of Foo]] and [[Bar]].", "--", "-O"),  # an event's name is no body's
])
def test_a_frame_types_every_link_of_the_run_after_it(sentence, before, after):
    assert _run(framed_runs, sentence, before) == after


@pytest.mark.parametrize("sentence, before, after", [
    ("It competes with [[Foo Motors]] and [[Bar]].", "C-", "CC"),
    ("Partners were [[Bar]] and [[Foo University]].", "-U", "OU"),  # a finer class gives Organization
    ("It was founded by [[Jane Roe]] and [[Fyodor Quux]].", "P-", "P-"),  # not a person's class
    ("It ran from [[Fooville]] and [[Bar]].", "L-", "L-"),  # nor a place's
    ("It sold [[Foo Motors]], [[Bar]] and [[Baz]].", "C--", "C--"),  # three names: coordination.py's
    ("Shares of [[Foo Group]] and [[Bar Formation]]s.", "C-", "C-"),  # a plural: a kind of thing
    ("It lent to [[Foo Motors]] and [[Bar]]'s owner.", "C-", "C-"),  # a possessor
])
def test_a_pair_of_links_shares_an_organisations_class(sentence, before, after):
    assert _run(paired, sentence, before) == after


def test_a_weakly_typed_neighbour_types_nothing():
    assert _run(paired, "It competes with [[Foo Motors]] and [[Bar]].", "C-", strength=1) == "C-"


@pytest.mark.parametrize("sentence, before, after", [
    ("It was sold to [[Foo]] (a Swiss bank) in 1990.", "-", "C"),  # an apposition in parentheses
    ("It was sold to [[Foo]] (an investment firm based in Bern).", "-", "C"),
    ("It was sold to [[Foo]] (then the largest retailer) in 1990.", "-", "C"),
    ("It was bought by the Fooville-based [[Bar]] in 1990.", "-", "O"),  # a place's "-based" before
    ("She sat on the [[Quxware]] Inc. board.", "-", "C"),  # a legal form's suffix after
    ("The deal with [[Foo]], Ltd. closed.", "-", "C"),
    ("It was sold to [[Foo]] (2001) in 1990.", "-", "-"),  # a parenthesis with no class noun
    ("The Fooville-based [[Bar]] band played.", "-", "-"),  # the link modifies a noun
    ("The web-based [[Bar]] ran.", "-", "-"),  # no place before "-based"
    ("It was sold to [[Foo (film)]] (a Swiss bank).", "-", "-"),  # a qualified title is typed by its qualifier
])
def test_the_words_beside_a_link_type_it(sentence, before, after):
    assert _run(cued_links, sentence, before) == after


@pytest.mark.parametrize("sentence, before, after", [
    ("Rivals include [[Foo]], [[Bar]], [[Baz Corp]], [[Qux Group]] and [[Quux]].", "--CC-", "CCCCC"),
    ("It lectured at [[Foo]], [[Bar University]], [[Baz University]] and [[Qux]].", "-UU-", "OUUO"),
    ("Rivals include [[Foo]], [[Bar]], [[Baz Corp]] and [[Quux]].", "--C-", "--C-"),  # one typed name only
    ("It sold [[Foo]], [[Fooville]], [[Baz Corp]] and [[Qux Group]].", "-LCC", "-LCC"),  # the typed disagree
    ("Rivals include [[Foo]], [[Baz Corp]], [[Qux Group]] and [[Battle of Bar]].", "-CC-", "CCC-"),  # an event
])
def test_two_names_typed_by_their_form_type_a_list_of_links(sentence, before, after):
    assert _run(strongly_listed, sentence, before) == after


def test_weakly_typed_names_do_not_type_a_list():
    assert _run(strongly_listed, "Rivals include [[Foo]], [[Baz Corp]] and [[Qux Group]].", "-CC", strength=1) == "-CC"


@pytest.mark.parametrize("sentence, before, after", [
    ("It was led by [[Foo]] CEO [[Jane Roe]].", "-P", "OP"),
    ("It was founded by the senior [[Bar]] officer [[John Doe]].", "-P", "OP"),
    ("It was put under command of [[Baz]] General [[Jane Roe]].", "-P", "OP"),
    ("It was led by [[Foo]] CEO [[Quux]].", "--", "--"),  # no person after the post
    ("It was led by [[Foo]] and [[Jane Roe]].", "-P", "-P"),  # no post between
])
def test_a_post_between_a_link_and_a_person_makes_the_link_a_body(sentence, before, after):
    assert _run(cued_links, sentence, before) == after


@pytest.mark.parametrize("sentence, before, after", [
    ("It empowered [[Jane Roe]] of the [[Foo]] and others.", "P-", "PO"),
    ("It empowered [[Jane Roe]] of [[Fooville]] and others.", "P-", "P-"),  # no "the": a place as often
    ("It empowered [[Jane Roe]] of [[FOO]] and others.", "P-", "PO"),  # but an acronym is a body's
    ("It empowered [[Jane Roe]] from the [[Foo]] and others.", "P-", "P-"),
])
def test_of_the_after_a_person_names_her_body(sentence, before, after):
    assert _run(cued_links, sentence, before) == after


@pytest.mark.parametrize("sentence, before, after", [
    ("She led the [[Foo]] faction, and formed a party.", "-", "O"),
    ("It joined the [[Foo]] coalition in 1990.", "-", "O"),
    ("It joined the [[Foo]] faction leaders.", "-", "-"),  # the noun modifies another
    ("It joined [[Foo]] faction in 1990.", "-", "-"),  # no "the"
])
def test_a_noun_after_the_link_names_a_body(sentence, before, after):
    assert _run(cued_links, sentence, before) == after
