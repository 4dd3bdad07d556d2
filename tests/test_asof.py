"""{{As of}} renders its text in both renderers, and a fact it dates takes its date."""
from __future__ import annotations

import pytest

from wikikg.model import Article
from wikikg.parse import parse_wikitext
from wikikg.parse.asof import as_of_text


@pytest.mark.parametrize("params,shown", [
    ({"1": "2012"}, "As of 2012"),
    ({"1": "2015", "2": "7", "lc": "y"}, "as of July 2015"),
    ({"1": "2010", "2": "3", "3": "4"}, "As of 4 March 2010"),
    ({"1": "2010", "2": "3", "3": "4", "df": "US"}, "As of March 4, 2010"),
    ({"1": "2009", "since": "y"}, "Since 2009"),
    ({"1": "2009", "bare": "yes"}, "2009"),
    ({"1": "2009", "alt": "in the late 2000s"}, "in the late 2000s"),
    ({"1": "soon"}, ""),
])
def test_as_of_text(params, shown):
    assert as_of_text(params.get) == shown


@pytest.mark.parametrize("tree", [False, True])
def test_rendered_in_both_renderers(tree):
    text = "'''Foo''' is a design firm.\n\n{{Asof|2012}}, the firm is headed by [[Jane Roe]]."
    parsed = parse_wikitext(Article("Foo", text, "case", "wikitext"), tree=tree)
    assert parsed.sentences[-1].text == "As of 2012, the firm is headed by Jane Roe."
