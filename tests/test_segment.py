"""Tests for wikikg.parse.segment: sentence and paragraph spans, and the plain -> input offset map."""
from __future__ import annotations

import pytest

from wikikg.parse.segment import Builder, paragraphs, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


# (name, paragraph, expected sentences)
SPLITS = [
    ("plain", "It grew. It fell.", ["It grew.", "It fell."]),
    ("question and exclamation", "Is it? Yes it is! Fine.", ["Is it?", "Yes it is!", "Fine."]),
    ("U.S. inside a sentence", "He moved to the U.S. in 2010. He left.",
     ["He moved to the U.S. in 2010.", "He left."]),
    ("U.S. before a capitalised noun", "The U.S. Department of Commerce added it. It grew.",
     ["The U.S. Department of Commerce added it.", "It grew."]),
    ("Inc. inside a sentence", "Apple Inc. is big. It sells phones.",
     ["Apple Inc. is big.", "It sells phones."]),
    ("Inc. before an opener ends the sentence", "It was bought by Apple Inc. The deal closed.",
     ["It was bought by Apple Inc.", "The deal closed."]),
    ("Dr. before a name", "Dr. Smith joined. He left.", ["Dr. Smith joined.", "He left."]),
    ("St. before a name", "It is in St. Louis. Next came Ohio.",
     ["It is in St. Louis.", "Next came Ohio."]),
    ("middle initial", "According to Gregory C. Allen, it grew. Then it fell.",
     ["According to Gregory C. Allen, it grew.", "Then it fell."]),
    ("decimal amount", "It raised $7.7 billion in 2021. It grew.",
     ["It raised $7.7 billion in 2021.", "It grew."]),
    ("decimal at the start of the next word", "Shares fell 3.5 percent. Then they rose.",
     ["Shares fell 3.5 percent.", "Then they rose."]),
    ("closing quote stays with its sentence", 'He said "it is over." Then he left.',
     ['He said "it is over."', "Then he left."]),
    ("closing parenthesis stays with its sentence", "It grew (by a lot.) Then it fell.",
     ["It grew (by a lot.)", "Then it fell."]),
    ("next sentence opens with a quote", 'It ended. "We won," he said.',
     ["It ended.", '"We won," he said.']),
    ("next sentence opens with a year", "It was founded in 2014. 2015 was a good year.",
     ["It was founded in 2014.", "2015 was a good year."]),
    ("e.g. is no sentence end", "It makes toys, e.g. Dolls and cars. Fine.",
     ["It makes toys, e.g. Dolls and cars.", "Fine."]),
    ("no full stop at the end", "It grew. It fell", ["It grew.", "It fell"]),
    ("lower case after a full stop does not split", "It is v. big. Yes.", ["It is v. big.", "Yes."]),
    ("born before a year", "Jane Roe (b. 1950) is a British engineer. She founded Foo Corp.",
     ["Jane Roe (b. 1950) is a British engineer.", "She founded Foo Corp."]),
    ("died before a year", "John Doe (1901 – d. 1990) was a member of Foo. He left.",
     ["John Doe (1901 – d. 1990) was a member of Foo.", "He left."]),
    ("born before a month", "Jane Roe (b. May 5, 1950) is an engineer. She left.",
     ["Jane Roe (b. May 5, 1950) is an engineer.", "She left."]),
    ("floruit and reign before a year", "Jane Roe (fl. 1200) and John Doe (r. 1200–1250) ruled Foo. It fell.",
     ["Jane Roe (fl. 1200) and John Doe (r. 1200–1250) ruled Foo.", "It fell."]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in SPLITS], ids=[c[0] for c in SPLITS])
def test_split_sentences(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("It was sanctioned by the U.S. The company denied it.",
     ["It was sanctioned by the U.S.", "The company denied it."]),
    ("It moved to the U.K. It grew there.", ["It moved to the U.K.", "It grew there."]),
], ids=["U.S.", "U.K."])
def test_opener_after_country_abbreviation_starts_a_sentence(text, expected):
    assert sentences(text) == expected


def test_spans_are_trimmed_and_index_the_input():
    text = "  Leading space.   Second one!  \t"
    spans = split_sentences(text)
    assert spans == [(2, 16), (19, 30)]
    for s, e in spans:
        piece = text[s:e]
        assert piece == piece.strip() and piece


def test_spans_are_ordered_and_disjoint():
    text = "The U.S. Department said so. Dr. Lee agreed (mostly.) \"Fine.\" It raised $1.5 billion."
    spans = split_sentences(text)
    assert len(spans) == 4
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize("text", ["", "   ", "\t \t"])
def test_blank_text_has_no_sentences(text):
    assert split_sentences(text) == []


def test_paragraphs_are_non_empty_lines_with_offsets():
    text = "first line\n\n   \nsecond\nthird one\n"
    spans = paragraphs(text)
    assert [text[s:e] for s, e in spans] == ["first line", "second", "third one"]
    assert spans == [(0, 10), (16, 22), (23, 32)]


def test_paragraphs_of_text_without_newline():
    assert paragraphs("one line") == [(0, 8)]
    assert paragraphs("") == []


# --- Builder.src_span -------------------------------------------------------------------------

SRC = "Hello [[Foo|bar]] world {{nowrap|New Town}}."


@pytest.fixture()
def built() -> Builder:
    """The builder the parser would fill for SRC: text, a link (wrapped), text, a template."""
    b = Builder()
    b.add("Hello ", 0, 6, True)
    b.add("bar", 12, 15, True)  # the link's shown text, exact
    b.wrap(1, 6, 17)  # ... inside "[[Foo|bar]]"
    b.add(" world ", 17, 24, True)
    b.add("New Town", 24, 43, False)  # rendered from "{{nowrap|New Town}}"
    b.add(".", 43, 44, True)
    return b


def test_builder_text(built):
    assert built.text() == "Hello bar world New Town."
    assert built.length == len(built.text())


def test_add_ignores_empty_text(built):
    n = len(built.pieces)
    built.add("", 44, 44, True)
    assert len(built.pieces) == n


@pytest.mark.parametrize("plain,source", [
    ("Hello", "Hello"),  # exact text maps char for char
    ("ell", "ell"),
    ("world", "world"),
    ("bar", "[[Foo|bar]]"),  # a whole link widens to its markup
    ("Hello bar", "Hello [[Foo|bar]]"),
    ("bar world", "[[Foo|bar]] world"),
    ("New Town", "{{nowrap|New Town}}"),  # a rendered template maps to the whole template
    ("world New Town.", "world {{nowrap|New Town}}."),
    ("Hello bar world New Town.", SRC),
])
def test_src_span_maps_plain_spans_back(built, plain, source):
    text = built.text()
    start = text.index(plain)
    s, e = built.src_span(start, start + len(plain))
    assert SRC[s:e] == source


def test_src_span_inside_exact_link_text_is_exact(built):
    text = built.text()
    start = text.index("a", text.index("bar"))
    s, e = built.src_span(start, start + 1)
    assert (s, e) == (13, 14) and SRC[s:e] == "a"


def test_wrap_widens_only_the_outer_bounds(built):
    link = built.pieces[1]
    assert (link.src_start, link.src_end) == (12, 15)
    assert (link.outer_start, link.outer_end) == (6, 17)


def test_src_span_with_nested_markup():
    src = "It sold ''[[Foo|Bar]]''."
    b = Builder()
    b.add("It sold ", 0, 8, True)
    first = len(b.pieces)
    b.add("Bar", 16, 19, True)
    b.wrap(first, 10, 21)  # the link
    b.wrap(first, 8, 23)  # the italics around it
    b.add(".", 23, 24, True)
    assert b.text() == "It sold Bar."
    s, e = b.src_span(8, 11)
    assert src[s:e] == "''[[Foo|Bar]]''"
    s, e = b.src_span(0, 12)
    assert src[s:e] == src
