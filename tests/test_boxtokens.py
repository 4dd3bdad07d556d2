"""Tests for wikikg.parse.boxtokens: infobox records read off the tokens equal those read off Builder's nodes."""
from __future__ import annotations

import functools
import tomllib
from pathlib import Path

import pytest
from mwparserfromhell.parser import tokens as T

from wikikg.parse.boxtokens import stream_infobox, template_params
from wikikg.parse.infobox import infobox
from wikikg.parse.stream import Mismatch, Stream
from wikikg.parse.tokenize import tokenize

ROOT = Path(__file__).resolve().parents[1]
# Nasty inputs the build never reads with the C tokenizer: the time cap stops them (tests/nasty/manifest.toml,
# outcome "skipped"); comparing their tokens with Builder's nodes took the suite's longest minute.
_CAPPED = {case["file"] for case in tomllib.loads((ROOT / "tests" / "nasty" / "manifest.toml").read_text("utf-8"))["case"]
           if case.get("outcome") == "skipped" and "time cap" in case.get("shape", "")}
FILES = [ROOT / "seeds" / "sensetime.wikitext", *sorted((ROOT.parent / "shared" / "corpus").glob("*.wikitext")),
         *sorted((ROOT / "tests" / "heldout").glob("*.wikitext")),
         *sorted((ROOT / "tests" / "blind" / "dev").glob("*.wikitext")),
         *[p for p in sorted((ROOT / "tests" / "nasty").glob("*.wikitext")) if p.name not in _CAPPED]]
# Shapes an infobox value takes: list templates, text and link templates (the language code first),
# repeated and padded parameter names, tags (wiki markup, self-closing, skipped, breaks, tables),
# comments, entities, external links with and without titles, namespaced and piped links, arguments.
SHAPES = [
    "{{Infobox company\n| name = Acme<br />Corp\n| founders = {{ubl|[[A B]]|[[C D|Cee]]|x=[[No]]}}\n"
    "| key_people = {{plainlist|\n* [[E F]] (CEO)\n* G H}}\n| hq = {{ill|de|Gymnasium Gotha}}, {{ill|Foo Bar|de}}\n"
    "| products = {{nowrap|X &amp; Y}} {{lang|zh|文}} {{lang}} {{flagicon|USA}} {{start date|2014|10|1}}\n"
    "| website = [http://acme.com Acme site] [http://acme.org] http://bare.org [//x.org ]\n"
    "| parent = ''[[Parent Co]]'' <small>(100%)</small><ref>{{cite web|url=http://e.org}}</ref> <!-- c -->\n"
    "| logo = [[File:Acme.svg|thumb|[[Logo]]]] [[:Category:X]] [[Category:Y]] {{{arg|d}}}\n"
    "| area served = &#x41;&#66;&eacute; ; rest<hr>after <math>x</math> <div>in <span>div</span></div>\n"
    "| name = Second name\n|  name  = Third\n| 3 = positional\n| lone\n| =empty name\n"
    "| table = {|\n|-\n| [[Cell A]] || b\n|}\n| heading =\n== H ==\nx\n}}",
    "{{Infobox person|name=J. Doe|birth_date={{birth date and age|1970|1|2}}|spouse={{marriage|[[A B]]|1990}}"
    "|children=3<br>|alma_mater={{flatlist|\n*[[U1]]\n*[[U2|Uni 2]]}}|known_for=\n|occupation={{hlist|a|b|c}}}}",
    "{{Infobox military unit|unit_name=X|garrison=[[Fort Y]], [[Z]]|battles={{tree list}}\n*[[B1]]\n**[[B2]]"
    "{{tree list/end}}|notable_commanders=<br/>'''[[C D]]'''|motto=''{{lang|la|Semper}}''}}",
    "{{Infobox|above=T|label1=L|data1=[[D]]<sup>1</sup>|data2=<nowiki>[[no]]</nowiki>|data3=a<!--x-->b"
    "|data4={{nowrap|first|1=second}} {{ill|Name|de|2=fr}}}}",
]


@functools.lru_cache(maxsize=2)
def _tokens(text: str) -> tuple:
    """The C tokenizer's tokens of `text`, once per text (a nasty input takes it a minute)."""
    return tuple(tokenize(text))


def _templates(text: str):
    """Every template in `text` (token index, its source, its offset) with its stream."""
    st = Stream(text, list(_tokens(text)))
    for i, tok in enumerate(st.toks):
        if type(tok) is T.TemplateOpen:
            yield st, i, st.src(i, st.end[i] + 1), st.pos[i]


def _same(text: str) -> int:
    n = 0
    for st, i, s, start in _templates(text):
        assert stream_infobox(st, i, "infobox x", start, s) == infobox(st.node(i), "infobox x", start, s), s[:200]
        n += 1
    return n


def _spelled(path) -> str:
    """An input file's text, or a skip when the tokens do not spell it (the tree renderer reads it)."""
    text = path.read_text("utf-8", errors="replace")
    try:
        Stream(text, list(_tokens(text)))
    except Mismatch:
        pytest.skip("the tokens do not spell this input (the tree renderer reads it)")
    return text


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_template_of_an_article_reads_the_same(path):
    _same(_spelled(path))


@pytest.mark.parametrize("text", SHAPES)
def test_infobox_shapes_read_the_same(text):
    assert _same(text) >= 1
    st, i, s, start = next(_templates(text))
    box = stream_infobox(st, i, "infobox x", start, s)
    assert box.fields and all(f.items for f in box.fields)


def test_shapes_cover_the_walk():
    box = next(stream_infobox(st, i, "infobox company", start, s) for st, i, s, start in _templates(SHAPES[0]))
    fields = {f.name: f for f in reversed(box.fields)}  # the first of a repeated name
    assert [i.text for i in fields["founders"].items] == ["A B", "Cee"]
    assert [i.text for i in fields["hq"].items] == ["Gymnasium Gotha", "Foo Bar"]
    assert [i.text for i in fields["name"].items] == ["Acme", "Corp"]
    assert fields["website"].items[0].text.startswith("Acme site http://acme.org http://bare.org")
    assert [t.name for i in fields["products"].items for t in i.templates] == ["lang", "flagicon", "start date"]
    assert [i.text for i in fields["area_served"].items] == ["ABé ; rest", "after", "in div"]
    assert [i.text for i in fields["parent"].items] == ["Parent Co", "(100%)"]


def test_parameters_as_builder_names_them():
    text = "{{t|a| k = v |b|2=c|d}}"
    st = Stream(text, tokenize(text))
    _, params = template_params(st, 0)
    assert [p[0] for p in params] == ["1", " k ", "2", "2", "3"]
    assert [str(p.name) for p in st.node(0).params] == [p[0] for p in params]


def test_a_shape_the_reader_does_not_know_falls_back_to_nodes():
    text = "{{Infobox company|name=A|x=b}}"
    st = Stream(text, tokenize(text))
    st.toks.insert(3, T.TemplateParamEquals())  # a second "=" in one parameter: no token stream has one
    st.pos.insert(3, st.pos[3])
    st.end = [e + 1 if e >= 3 else e for e in st.end[:3]] + [-1] + [e + 1 if e >= 3 else e for e in st.end[3:]]
    with pytest.raises(Mismatch):
        stream_infobox(st, 0, "infobox company", 0, text)


@pytest.mark.parametrize("path", FILES[:12], ids=lambda p: p.stem)
def test_stream_template_params_are_builders(path):
    for st, i, _s, _start in _templates(_spelled(path)):
        _, params = st.template_params(i)
        node = st.node(i)
        assert [(p[0], st.src(p[1], p[2])) for p in params] == [(str(p.name).strip(), str(p.value)) for p in node.params]
