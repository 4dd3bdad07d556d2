"""Tests for wikikg.parse's token-stream renderer: the same ParsedArticle as the node-tree renderer."""
from __future__ import annotations

from pathlib import Path

import pytest

from wikikg.model import Article
from wikikg.parse import parse_wikitext
from wikikg.parse.stream import Mismatch, Stream
from wikikg.parse.tokenize import tokenize
from wikikg.read.files import title_from_path

ROOT = Path(__file__).resolve().parents[1]
FILES = [ROOT / "seeds" / "sensetime.wikitext", *sorted((ROOT.parent / "shared" / "corpus").glob("*.wikitext")),
         *sorted((ROOT / "tests" / "heldout").glob("*.wikitext")),
         *sorted((ROOT / "tests" / "blind" / "dev").glob("*.wikitext"))]
NASTY = ["broken_templates", "giant_table", "link_garbage", "unclosed_comment", "unclosed_ref",
         "unclosed_table", "unicode_junk", "huge_single_line", "control_chars_late"]
# Hand-made shapes: wiki-markup tags (whose names and closing tags are not in the text), attributes
# with and without quotes or values, entities, external links, tables with spans, nested tags.
SHAPES = [
    "'''Bold''' and ''italic'' and '''''both''''' text.<b>b</b> <i>x</i>",
    "{| class=\"wikitable\" style='x'\n|-\n! A !! B\n|-\n| [[X|x]] || {{nowrap|y}} &amp; z\n|-\n"
    "| rowspan=\"2\" colspan=3 | c\n|}\nAfter.",
    "Text <ref name=\"a\">{{cite web|url=http://e.org|title=T|publisher=''P''}}</ref> more<ref name=a/>.",
    "<ref name = 'q' group=n>[http://e.org/x Title here]</ref> then <ref>plain text ref</ref>.",
    "* item one\n** item [[two]]\n# num\n; term : def\n----\n<div id=x><span>in span</span></div>",
    "== H ==\n=== Sub ===\nText &#x41; &#66; &eacute; [https://x.org] [//y.org z] http://w.org",
    "<!-- c -->{{Infobox company|name=A|founder=[[B]]<br>[[C]]}}'''A''' {{lang|zh|文}} [[:Category:X]] [[de:Y]]",
    "Unclosed <b>bold and <!-- comment never closed",
    "A sentence.<br /><ref>{{cite book|title=X}}</ref> Another.<br/>A third.<br>A fourth.",  # self-closing: one break
    "Foo grew.<ref name>A source.</ref> It sold.<ref name/> Bar.",  # a name attribute with no value: names nothing
]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_stream_matches_tree_on_articles(path):
    text = path.read_text("utf-8")
    Stream(text, tokenize(text))  # the stream path is the one taken (no fallback to the tree)
    article = Article(title_from_path(path), text, str(path))
    assert parse_wikitext(article) == parse_wikitext(article, tree=True)


@pytest.mark.parametrize("name", NASTY)
def test_stream_matches_tree_on_nasty_inputs(name):
    text = (ROOT / "tests" / "nasty" / f"{name}.wikitext").read_text("utf-8", errors="replace")
    article = Article(name, text, name)
    assert parse_wikitext(article) == parse_wikitext(article, tree=True)


@pytest.mark.parametrize("text", SHAPES)
def test_stream_matches_tree_on_shapes(text):
    Stream(text, tokenize(text))
    article = Article("Shape", text, "-")
    parsed = parse_wikitext(article)
    assert parsed == parse_wikitext(article, tree=True)
    assert parsed.sentences or parsed.tables or parsed.infoboxes


def test_offsets_spell_the_input():
    text = SHAPES[1] + "\n" + SHAPES[3]
    st = Stream(text, tokenize(text))
    assert st.pos[-1] == len(text)
    for i, tok in enumerate(st.toks):
        if type(tok).__name__ == "Text" and st.pos[i + 1] > st.pos[i]:
            assert text[st.pos[i]:st.pos[i + 1]] == tok["text"]


def test_tokens_that_do_not_spell_the_input_fall_back_to_the_tree():
    # mwparserfromhell drops a NUL (read/ refuses files that hold one; the renderer may still be handed one)
    text = (ROOT / "tests" / "nasty" / "nul_late.wikitext").read_text("utf-8")
    assert "\x00" in text
    with pytest.raises(Mismatch):  # the tokens do not spell the input: the tree renderer is used
        Stream(text, tokenize(text))
    assert parse_wikitext(Article("x", text)).sentences


def test_a_heading_s_references_are_not_its_title():
    """"===Standards panels<ref>[http://x Overview]. Retrieved ...</ref>===": the section is "Standards panels",
    by the stream and by the tree."""
    text = ("'''Foo''' is a body.\n\n== Work ==\n=== Panels<ref>[http://e.org Overview]. Retrieved 2013.</ref> ===\n"
            "It formed a panel.\n")
    article = Article("Foo", text, "-")
    for tree in (False, True):
        sections = {s.section for s in parse_wikitext(article, tree=tree).sentences}
        assert "Work / Panels" in sections and not any("Overview" in s for s in sections), (tree, sections)
