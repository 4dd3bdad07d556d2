"""Tests for wikikg.parse: sentences with verbatim source spans, sections, links, refs, infoboxes."""
from __future__ import annotations

import pytest

from wikikg.model import Article, FieldItem, Link, ParsedArticle, TemplateCall
from wikikg.parse import canonical_title, parse_article
from wikikg.parse.definitions import link_target
from wikikg.pipeline.stages import extract_article

ARTICLE = """{{Short description|Widget company}}
{{Infobox company
| name = Acme Widgets
| type = [[Public company|Public]]
| traded_as = {{hkex|20}}
| foundation = {{Start date and age|df=yes|October 2014}}
| founder = [[Jane Roe]]<br> [[xu li (computer scientist)|Xu Li]]
| key_people = * [[Ann Bee]] (CEO)
* Bob Cee (CTO)
| subsid = {{ubl|[[Acme Labs]]|Acme Cloud}}
| products = {{plainlist|
* Widgets
* [[Gadget]]s
}}
| revenue = 
| net_income = <!-- none -->
| hq_location = [[Hong_Kong]]
| Area Served = Asia
}}
'''Acme Widgets''' ({{lang|zh|阿克米}}) is a [[Hong Kong]]-based company founded by [[xu li (computer scientist)|Xu Li]].<ref>{{Cite web|date=17 June 2019|title=Meet Acme|url=https://example.com/a|website=[[Forbes]]}}</ref> It makes widgets in {{nowrap|New Town}}.<ref name=":5" />

== History ==
=== 2017 ===
In October 2017, Acme partnered with [[Qualcomm_Inc#History|Qualcomm]].<ref name=":5">{{cite news|title=Acme deal|url=https://example.com/b|work=The Times|date=2017-10-18}}</ref> ''[[The Big Book]]'' was published.
[[File:Acme.jpg|thumb|A widget factory in [[Shenzhen]].]]
Acme moved to [[Shenzhen]]. [[Foo Bar]] then left.
Its founder was [[Jane Roe]]
=== 2018 ===
In 2018 it sold ''[[The Small Book|Small]]''
== Operations ==
It sells in [[Asia]].<ref>{{cite web|title=Sales|url=https://example.com/c|publisher=Acme Press|date=2019}}</ref>
[[Category:Companies of Hong Kong]]

== See also ==
* [[Widget]] is a thing.

== References ==
{{reflist}}

== External links ==
* [https://acme.example Official site] is here.
"""


@pytest.fixture(scope="module")
def parsed() -> ParsedArticle:
    return parse_article(Article("Acme Widgets", ARTICLE))


def sentence(parsed: ParsedArticle, starts: str):
    found = [s for s in parsed.sentences if s.text.startswith(starts)]
    assert len(found) == 1, (starts, [s.text for s in parsed.sentences])
    return found[0]


# --- sentences and source spans ---------------------------------------------------------------

def test_article_keeps_title_kind_and_text(parsed):
    assert parsed.title == "Acme Widgets" and parsed.kind == "wikitext" and parsed.text == ARTICLE
    assert parsed.short_description == "Widget company"


def test_every_sentence_source_is_the_input_slice(parsed):
    assert parsed.sentences
    for s in parsed.sentences:
        assert ARTICLE[s.start:s.end] == s.source, s
        assert s.source.strip() == s.source and s.text.strip() == s.text


def test_sentence_indexes_and_paragraphs_are_in_order(parsed):
    assert [s.index for s in parsed.sentences] == list(range(len(parsed.sentences)))
    assert [s.start for s in parsed.sentences] == sorted(s.start for s in parsed.sentences)
    lead = [s for s in parsed.sentences if s.section == ""]
    assert len(lead) == 2 and lead[0].paragraph == lead[1].paragraph


def test_sentence_texts(parsed):
    assert [s.text for s in parsed.sentences] == [
        "Acme Widgets (阿克米) is a Hong Kong-based company founded by Xu Li.",
        "It makes widgets in New Town.",
        "In October 2017, Acme partnered with Qualcomm.",
        "The Big Book was published.",
        "Acme moved to Shenzhen.",
        "Foo Bar then left.",
        "Its founder was Jane Roe",
        "In 2018 it sold Small",
        "It sells in Asia.",
    ]


@pytest.mark.parametrize("starts,source", [
    ("Acme Widgets (", "'''Acme Widgets''' ({{lang|zh|阿克米}}) is a [[Hong Kong]]-based company "
                      "founded by [[xu li (computer scientist)|Xu Li]]."),
    ("It makes", "It makes widgets in {{nowrap|New Town}}."),
    ("The Big Book", "''[[The Big Book]]'' was published."),  # starts with an italic link
    ("Foo Bar", "[[Foo Bar]] then left."),  # starts with a link
    ("Its founder", "Its founder was [[Jane Roe]]"),  # ends with a link
    ("In 2018", "In 2018 it sold ''[[The Small Book|Small]]''"),  # ends with an italic link
])
def test_source_covers_whole_markup_at_the_edges(parsed, starts, source):
    assert sentence(parsed, starts).source == source


def test_lang_and_nowrap_render_their_text(parsed):
    assert "(阿克米)" in sentence(parsed, "Acme Widgets (").text
    assert sentence(parsed, "It makes").text == "It makes widgets in New Town."


# --- sections -----------------------------------------------------------------------------------

def test_section_paths(parsed):
    assert sentence(parsed, "Acme Widgets (").section == ""
    assert sentence(parsed, "In October 2017").section == "History / 2017"
    assert sentence(parsed, "Its founder").section == "History / 2017"
    assert sentence(parsed, "In 2018").section == "History / 2018"
    assert sentence(parsed, "It sells").section == "Operations"


def test_deeper_headings_nest_and_shallower_ones_reset():
    text = "== A ==\nOne.\n=== B ===\nTwo.\n==== C ====\nThree.\n=== D ===\nFour.\n== E ==\nFive."
    p = parse_article(Article("T", text))
    assert [(s.text, s.section) for s in p.sentences] == [
        ("One.", "A"), ("Two.", "A / B"), ("Three.", "A / B / C"), ("Four.", "A / D"),
        ("Five.", "E")]


@pytest.mark.parametrize("section", ["References", "External links", "See also", "Further reading",
                                     "Notes", "Plot", "Synopsis", "Plot summary", "Premise"])
def test_skipped_sections_give_no_sentences(section):
    text = f"Acme grew.\n== {section} ==\n* [[Widget]] is a thing. It is.\n== Products ==\nWidgets sell."
    p = parse_article(Article("T", text))
    assert [s.text for s in p.sentences] == ["Acme grew.", "Widgets sell."]


def test_skipped_sections_of_the_article(parsed):
    assert not [s for s in parsed.sentences if "thing" in s.text or "Official" in s.text]
    assert {s.section for s in parsed.sentences} == {"", "History / 2017", "History / 2018",
                                                     "Operations"}


# --- links --------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw,title", [
    ("xu li (computer scientist)", "Xu li (computer scientist)"),
    ("Hong_Kong", "Hong Kong"),
    ("Qualcomm_Inc#History", "Qualcomm Inc"),
    ("  Hong   Kong  ", "Hong Kong"),
    (":Category:Foo", "Category:Foo"),
    ("iPhone", "IPhone"),
])
def test_canonical_title(raw, title):
    assert canonical_title(raw) == title


def test_links_have_canonical_targets_and_spans_into_the_sentence(parsed):
    for s in parsed.sentences:
        for link in s.links:
            assert s.text[link.start:link.end] == link.text
    first = sentence(parsed, "Acme Widgets (")
    assert [(ln.target, ln.text) for ln in first.links] == [
        ("Hong Kong", "Hong Kong"), ("Xu li (computer scientist)", "Xu Li")]
    assert [(ln.target, ln.text) for ln in sentence(parsed, "In October").links] == [
        ("Qualcomm Inc", "Qualcomm")]
    assert sentence(parsed, "In 2018").links == (Link("The Small Book", "Small", 16, 21),)


def test_link_with_suffix_and_underscores():
    p = parse_article(Article("T", "It makes [[gadget]]s in [[New_York_City|NYC]]."))
    (s,) = p.sentences
    assert s.text == "It makes gadgets in NYC."
    assert s.links == (Link("Gadget", "gadget", 9, 15), Link("New York City", "NYC", 20, 23))


def test_file_and_category_links_are_not_text(parsed):
    assert not [s for s in parsed.sentences if "factory" in s.text or "thumb" in s.text]
    assert all("Category" not in s.text for s in parsed.sentences)
    assert "Companies of Hong Kong" in parsed.categories


def test_categories_are_collected_in_order_without_sort_keys():
    text = "Acme grew.\n[[Category:Widget makers| ]]\n[[Category:Companies of Hong Kong|Acme]]\n" \
           "[[Category:Widget makers]]"
    p = parse_article(Article("T", text))
    assert p.categories == ("Widget makers", "Companies of Hong Kong")
    assert [s.text for s in p.sentences] == ["Acme grew."]


def test_categories_after_external_links_are_collected():
    text = "Acme grew.\n== External links ==\n* [https://a.example Site]\n\n" \
           "[[Category:Widget makers]]\n[[Category:Companies of Hong Kong]]\n"
    p = parse_article(Article("T", text))
    assert p.categories == ("Widget makers", "Companies of Hong Kong")


def test_interwiki_link_text_stays_in_the_sentence():
    p = parse_article(Article("T", "Acme is a [[wikt:ubiquitous|ubiquitous]] term."))
    assert [s.text for s in p.sentences] == ["Acme is a ubiquitous term."]


@pytest.mark.parametrize("raw,target", [
    ("OS&nbsp;X", "OS X"),  # a character reference, decoded as MediaWiki does
    ("AT&amp;T", "AT&T"),
    ("Hong_Kong&#160;Island", "Hong Kong Island"),
    ("iOS\u200e", "IOS"),  # a direction mark, dropped
    ("w:Qualcomm", "Qualcomm"),  # English Wikipedia itself
    (":en:Qualcomm", "Qualcomm"),
    ("CSI: Miami", "CSI: Miami"),  # not a known prefix: part of the title
    ("Star Trek: Voyager", "Star Trek: Voyager"),
    ("de:Acme", ""),  # another language's Wikipedia
    (":fr:Acme", ""),
    ("zh-yue:Acme", ""),
    ("wikt:acme", ""),  # another wiki
    ("commons:Acme", ""),
    ("Help:Contents", ""),  # another namespace
    (":Category:Acme", ""),
    ("Wikipedia talk:Acme", ""),
])
def test_link_targets_are_normalised_as_mediawiki_does(raw, target):
    assert link_target(raw) == target


def test_a_link_with_an_entity_or_a_colon_in_its_title_is_an_english_article():
    p = parse_article(Article("T", "Acme made [[OS&nbsp;X|the system]] for [[CSI: Miami]], "
                                   "and [[:de:Acme GmbH|its German twin]] for [[w:Globex|Globex]]."))
    (s,) = p.sentences
    assert s.text == "Acme made the system for CSI: Miami, and its German twin for Globex."
    assert [(ln.target, ln.text) for ln in s.links] == [("OS X", "the system"), ("CSI: Miami", "CSI: Miami"),
                                                      ("Globex", "Globex")]


def test_interlanguage_links_are_not_text():
    p = parse_article(Article("T", "Acme grew.\n[[de:Acme]]\n[[zh:阿克米]]"))
    assert [s.text for s in p.sentences] == ["Acme grew."]
    assert all(not s.links for s in p.sentences)


# --- references -------------------------------------------------------------------------------

def test_cite_templates_give_url_title_publisher_date(parsed):
    by_url = {c.url: c for c in parsed.citations}
    a, b, c = by_url["https://example.com/a"], by_url["https://example.com/b"], by_url["https://example.com/c"]
    assert (a.title, a.publisher, a.date) == ("Meet Acme", "Forbes", "17 June 2019")  # website=
    assert (b.title, b.publisher, b.date) == ("Acme deal", "The Times", "2017-10-18")  # work=
    assert (c.title, c.publisher, c.date) == ("Sales", "Acme Press", "2019")  # publisher=
    assert len({x.key for x in parsed.citations}) == len(parsed.citations) == 3


def test_named_ref_defined_later_and_reused_has_one_key(parsed):
    deal = next(c for c in parsed.citations if c.url == "https://example.com/b")
    assert sentence(parsed, "It makes").citations == (deal.key,)  # <ref name=":5" /> first
    assert sentence(parsed, "In October").citations == (deal.key,)  # the definition
    assert parsed.citation(deal.key) is deal


def test_ref_after_the_full_stop_closes_that_sentence(parsed):
    forbes = next(c for c in parsed.citations if c.url == "https://example.com/a")
    assert sentence(parsed, "Acme Widgets (").citations == (forbes.key,)
    assert sentence(parsed, "The Big Book").citations == ()
    assert "<ref" not in sentence(parsed, "It makes").source


def test_several_refs_at_the_end_of_a_paragraph():
    text = "It grew.<ref>first</ref><ref>{{cite web|title=Second|url=https://x.example}}</ref>\n\n" \
           "Next para.<ref name=x>third</ref> More.<ref name=x/>"
    p = parse_article(Article("T", text))
    first, nxt, more = p.sentences
    assert [p.citation(k).title for k in first.citations] == ["first", "Second"]
    assert p.citation(first.citations[1]).url == "https://x.example"
    assert nxt.citations == more.citations and p.citation(more.citations[0]).title == "third"
    assert nxt.paragraph != first.paragraph


def test_ref_before_the_full_stop_belongs_to_its_sentence():
    p = parse_article(Article("T", "It grew<ref>a</ref>. It fell."))
    grew, fell = p.sentences
    assert grew.text == "It grew." and len(grew.citations) == 1 and fell.citations == ()


# --- infoboxes ----------------------------------------------------------------------------------

def field_items(parsed: ParsedArticle, name: str) -> tuple[FieldItem, ...]:
    f = parsed.infoboxes[0].field(name)
    assert f is not None, name
    return f.items


def test_infobox_kind_and_field_names(parsed):
    (box,) = parsed.infoboxes
    assert box.kind == "company"
    assert [f.name for f in box.fields] == [
        "name", "type", "traded_as", "foundation", "founder", "key_people", "subsid", "products",
        "hq_location", "area_served"]
    assert box.field("revenue") is None and box.field("net_income") is None  # empty: dropped
    assert ARTICLE[box.start:box.end].startswith("{{Infobox company") and \
        ARTICLE[box.start:box.end].endswith("}}")


def test_infobox_field_source_is_the_input_slice(parsed):
    for f in parsed.infoboxes[0].fields:
        assert ARTICLE[f.start:f.end] == f.source
        assert f.source.startswith("|")
    founder = parsed.infoboxes[0].field("founder")
    assert founder.source == "| founder = [[Jane Roe]]<br> [[xu li (computer scientist)|Xu Li]]"


def test_items_split_at_br(parsed):
    assert field_items(parsed, "founder") == (
        FieldItem("Jane Roe", (Link("Jane Roe", "Jane Roe", 0, 8),)),
        FieldItem("Xu Li", (Link("Xu li (computer scientist)", "Xu Li", 0, 5),)))


def test_items_split_at_bullets(parsed):
    assert field_items(parsed, "key_people") == (
        FieldItem("Ann Bee (CEO)", (Link("Ann Bee", "Ann Bee", 0, 7),)),
        FieldItem("Bob Cee (CTO)"))


def test_items_of_ubl_and_plainlist(parsed):
    assert field_items(parsed, "subsid") == (
        FieldItem("Acme Labs", (Link("Acme Labs", "Acme Labs", 0, 9),)), FieldItem("Acme Cloud"))
    assert field_items(parsed, "products") == (
        FieldItem("Widgets"), FieldItem("Gadgets", (Link("Gadget", "Gadget", 0, 6),)))


def test_templates_are_recorded_with_params(parsed):
    assert field_items(parsed, "traded_as") == (
        FieldItem("", (), (TemplateCall("hkex", (("1", "20"),)),)),)
    (item,) = field_items(parsed, "foundation")
    (call,) = item.templates
    assert call.name == "start date and age"
    assert call.params == (("df", "yes"), ("1", "October 2014"))
    assert call.get("1") == "October 2014" and call.get("2") is None


def test_plain_value_and_link_target(parsed):
    assert field_items(parsed, "area_served") == (FieldItem("Asia"),)
    (item,) = field_items(parsed, "hq_location")
    assert [ln.target for ln in item.links] == ["Hong Kong"]
    assert field_items(parsed, "type")[0].links == (Link("Public company", "Public", 0, 6),)


@pytest.mark.parametrize("opening,kind", [
    ("{{Infobox University", "university"),
    ("{{infobox_person", "person"),
    ("{{Company infobox", "company"),
])
def test_infobox_kind_from_template_name(opening, kind):
    text = f"{opening}\n| name = X\n| motto = \n}}}}\n'''X''' is a [[university]]."
    p = parse_article(Article("X", text))
    (box,) = p.infoboxes
    assert box.kind == kind
    assert [f.name for f in box.fields] == ["name"]
    assert [s.text for s in p.sentences] == ["X is a university."]


# --- plain text ---------------------------------------------------------------------------------

PLAIN = """Acme is a company. It makes things.

History

2017
In October 2017, Acme partnered with Beta. The U.S. Department agreed.
2018
It grew, a lot.
Operations and markets
Acme sells in Asia.
Products: widgets, gadgets
"""


def test_plain_text_sections_and_offsets():
    p = parse_article(Article("Acme", PLAIN, kind="text"))
    assert p.kind == "text" and p.text == PLAIN and p.infoboxes == () and p.citations == ()
    assert [(s.text, s.section) for s in p.sentences] == [
        ("Acme is a company.", ""),
        ("It makes things.", ""),
        ("In October 2017, Acme partnered with Beta.", "History / 2017"),
        ("The U.S. Department agreed.", "History / 2017"),
        ("It grew, a lot.", "History / 2018"),
        ("Acme sells in Asia.", "Operations and markets"),
        ("Products: widgets, gadgets", "Operations and markets"),
    ]
    for s in p.sentences:
        assert PLAIN[s.start:s.end] == s.source == s.text
    assert p.sentences[0].paragraph == p.sentences[1].paragraph != p.sentences[2].paragraph


def test_plain_text_of_the_seed_has_year_subsections():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "seeds" / "sensetime.txt").read_text("utf-8")
    p = parse_article(Article("SenseTime", text, kind="text"))
    sections = {s.section for s in p.sentences}
    assert {"History / 2014", "History / 2017", "History / 2021"} <= sections
    for s in p.sentences:
        assert text[s.start:s.end] == s.source


def test_a_single_newline_in_a_paragraph_is_a_space_and_offsets_hold():
    text = "'''Acme''' is a firm. It was bought by the [[Foo Group]], a\nLeeds-based maker.\n* item one\nafter the list\n\nNew paragraph."
    parsed = parse_article(Article("Acme", text, "x", "wikitext"))
    sentences = [s.text for s in parsed.sentences]
    assert "It was bought by the Foo Group, a Leeds-based maker." in sentences
    assert "item one" in sentences and "after the list" in sentences and "New paragraph." in sentences
    for s in parsed.sentences:
        assert text[s.start:s.end] == s.source


def test_plain_text_lists_after_headings_are_items_not_headings():
    text = ("Acme Post is a newspaper in Springfield.\n\nHistory\n\nIt was founded in 1901.\n\n"
            "Publishers\nJoseph Roe (1901–1948)\nMary Major (1948–1966)\n\n"
            "Notable journalists\n\nPierre Berton\nDebra Black\n• June Callwood\n\nAwards\n\nIt won prizes.")
    p = parse_article(Article("Acme Post", text, "x", "text"))
    items = {s.text: s.section for s in p.sentences if s.item}
    assert items == {"Joseph Roe (1901–1948)": "Publishers", "Mary Major (1948–1966)": "Publishers",
                     "Pierre Berton": "Notable journalists", "Debra Black": "Notable journalists",
                     "June Callwood": "Notable journalists"}
    assert [s.section for s in p.sentences if s.text == "It won prizes."] == ["Awards"]
    for s in p.sentences:
        assert text[s.start:s.end] == s.source == s.text
    facts = {(st.subject.text, st.predicate) for st in extract_article(Article("Acme Post", text, "x", "text")).statements}
    assert ("Pierre Berton", "affiliatedWith") in facts and ("Acme Post", "keyPerson") in facts


@pytest.mark.parametrize("tree", [False, True], ids=["stream", "tree"])
def test_interlanguage_link_written_code_first_shows_its_name(tree):
    """{{ill|de|Name|...}} (the language code first) shows the name, in prose and in an infobox item."""
    from wikikg.parse import parse_wikitext
    text = ("{{Infobox person\n| name = Jan Roe\n| education = {{ill|de|Gymnasium Gotha|Gymnasium illustre}}\n}}\n"
            "'''Jan Roe''' was a philosopher. He studied at the {{ill|de|Gymnasium Gotha|Gymnasium illustre}}.\n")
    parsed = parse_wikitext(Article(title="Jan Roe", text=text, source="t", kind="wikitext"), tree=tree)
    assert "studied at the Gymnasium Gotha." in parsed.sentences[-1].text
    item = parsed.infoboxes[0].field("education").items[0]
    assert item.text == "Gymnasium Gotha"


def test_a_link_to_a_section_names_the_page_only_when_its_text_does():
    p = parse_article(Article("T", "He wrote of [[On the Life of the Caesars#Life of Augustus|Augustus]] and of "
                                   "[[Qualcomm_Inc#History|Qualcomm]] and [[Grand Slam (tennis)#Career|Grand Slam]]."))
    (s,) = p.sentences
    assert [(ln.target, ln.text) for ln in s.links] == [("Qualcomm Inc", "Qualcomm"), ("Grand Slam (tennis)", "Grand Slam")]
