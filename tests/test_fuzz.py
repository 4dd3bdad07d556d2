"""Property-based tests over generated and mutated wikitext: no crash, valid RDF, verbatim evidence,
the same bytes twice. Profiles: `ci` (the default, ~2,000 articles) and `long` (WIKIKG_FUZZ=long)."""
from __future__ import annotations

import os
import time

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from wikikg.formats.writers import to_nquads, to_ntriples, to_turtle
from wikikg.model import Article, Problem
from wikikg.pipeline.shards import build_stream
from wikikg.pipeline.stages import ArticleResult, assemble, build, extract_one

WKG = "https://w3id.org/wikikg/ontology#"
COMMON = dict(deadline=None, database=None, print_blob=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.filter_too_much, HealthCheck.large_base_example])
# ci: a fixed seed (derandomize) so CI runs the same cases every time; long: new cases each run.
settings.register_profile("ci", max_examples=1000, derandomize=True, **COMMON)
settings.register_profile("long", max_examples=5000, derandomize=False,
                          phases=[Phase.explicit, Phase.generate, Phase.target, Phase.shrink], **COMMON)
settings.load_profile("long" if os.environ.get("WIKIKG_FUZZ") == "long" else "ci")

STATS = {"cases": 0, "seconds": 0.0}

# --- strategies -------------------------------------------------------------------------------

NAMES = ["Acme Corporation", "Beta Labs", "Gamma Group", "Jane Roe", "John Smith", "Tsinghua University",
         "Hong Kong", "Ministry of Commerce", "New York Stock Exchange", "Delta Holdings", "Lee Ka-shing"]
WORDS = ["is", "a", "company", "founded", "by", "in", "2017", "partnered", "with", "announced", "that",
         "the", "its", "headquarters", "are", "subsidiary", "of", "listed", "on", "and", "sanctioned",
         "was", "member", "October", "was added to the Entity List by", "invested in", "chief executive",
         ",", ".", ";", "(", ")", "'s", "—", "\"", "it", "has", "an", "office", "University", "Inc."]
JUNK = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=("Cs",)), max_size=12)
SCRIPTS = st.sampled_from([
    "שלום עולם", "مرحبا بالعالم", "\u202eevil\u202c", "e\u0301\u0302\u0303", "Z\u0336\u0337a\u0338lgo",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "😀🏳️‍🌈👨‍👩‍👧", "\U0010fffd\U000e0001", "\x00", "\ufeff", "\u200b\u200d", "\r\n", "\t",
    "中文公司", "Ωmega", "ǅ", "ﬁ", "İstanbul", "\u0085\u2028\u2029", "&amp;", "&#123;", "&nbsp;", "&bogus;"])
TEXT = st.one_of(st.sampled_from(NAMES), st.sampled_from(WORDS), SCRIPTS, JUNK)


def words(n: int = 12):
    return st.lists(TEXT, max_size=n).map(" ".join)


def link():
    return st.one_of(st.sampled_from(NAMES).map(lambda t: f"[[{t}]]"),
                     st.tuples(st.sampled_from(NAMES), words(3)).map(lambda p: f"[[{p[0]}|{p[1]}]]"),
                     words(2).map(lambda t: f"[[{t}]]"),
                     st.just("[[Category:Companies of China]]"), st.just("[[File:X.png|thumb|a [[Y]]]]"),
                     st.just("[[Acme"), st.just("[[]]"), st.just("[[|x]]"), st.just("[[#top]]"))


CITE = st.builds(lambda kind, url, title, pub, date: "{{cite " + kind + f" |url={url} |title={title}"
                 f" |publisher={pub} |date={date}}}}}",
                 st.sampled_from(["web", "news", "journal", "book"]),
                 st.sampled_from(["https://example.org/a", "http://x", "", "javascript:alert(1)", "//x.y",
                                  "https://例子.测试/路径?q=1#f", "https://a.b/<>\"{}|\\^`"]),
                 words(3), words(2), st.sampled_from(["5 May 2010", "2017-10-18", "October 2017", "junk", ""]))


def ref():
    return st.one_of(CITE.map(lambda c: f"<ref>{c}</ref>"), words(4).map(lambda t: f"<ref>{t}</ref>"),
                     st.just('<ref name="a" />'), st.just('<ref name="a">{{cite web|url=http://a}}</ref>'),
                     CITE.map(lambda c: f"<ref>{c}"),  # unclosed
                     st.just("<ref>"), st.just("</ref>"), st.just("<references />"), st.just("{{reflist}}"))


def infobox():
    field = st.tuples(st.sampled_from(["name", "founder", "founders", "key_people", "hq_location",
                                       "headquarters", "parent", "traded_as", "type", "foundation",
                                       "subsid", "location_city", "", "1", "=x"]),
                      st.lists(st.one_of(link(), words(3), st.just("{{ubl|[[A]]|[[B]]}}"),
                                         st.just("{{start date and age|2014|10}}"),
                                         st.just("{{hkex|20}}"), st.just("<br>"), st.just("{{plainlist|\n* [[C]]}}")),
                               max_size=4).map("".join))
    return st.builds(lambda kind, fields, close: "{{Infobox " + kind + "\n"
                     + "".join(f"| {k} = {v}\n" for k, v in fields) + ("}}" if close else ""),
                     st.sampled_from(["company", "organization", "university", "person", "Company", "x"]),
                     st.lists(field, max_size=8), st.booleans())


def table():
    cell = st.one_of(words(3), link(), st.just(""), st.just("rowspan=2 | x"), st.just("{{flagicon|CHN}}"))
    rows = st.lists(st.lists(cell, min_size=1, max_size=4), max_size=5)
    return st.builds(lambda head, rows, close: "{| class=\"wikitable\"\n! " + " !! ".join(head) + "\n"
                     + "".join("|-\n| " + " || ".join(r) + "\n" for r in rows) + ("|}" if close else ""),
                     st.lists(words(2), min_size=1, max_size=4), rows, st.booleans())


def template():
    return st.builds(lambda name, params, close: "{{" + name + "".join(f"|{p}" for p in params)
                     + ("}}" if close else ""),
                     st.sampled_from(["lang", "nowrap", "convert", "c", "x", "Infobox", "#if:", "{{{1}}}",
                                      "main", "As of"]),
                     st.lists(words(2), max_size=3), st.booleans())


def nested():
    """Markup inside markup, from a few levels to past the parser's depth limit."""
    return st.builds(lambda opens, depth, core: opens[0] * depth + core + opens[1] * depth,
                     st.sampled_from([("{{a|", "}}"), ("[[a|", "]]"), ("<ref>", "</ref>"), ("{{a|b=", "}}"),
                                      ("'''", "'''"), ("<span>", "</span>"), ("{{a|[[b|", "]]}}"),
                                      ("{{a|", ""), ("", "}}"), ("<!--", "")]),
                     st.one_of(st.integers(1, 12), st.integers(30, 120)), words(4))


INLINE = st.one_of(words(), link(), ref(), template(), st.just("'''"), st.just("''"),
                   st.just("<!-- c -->"), st.just("<!-- unclosed"), st.just("[http://example.org x]"),
                   st.just("<nowiki>[[x]]</nowiki>"), st.just("<br/>"), st.just("__NOTOC__"), SCRIPTS)
SENTENCE = st.lists(INLINE, min_size=1, max_size=10).map(" ".join).map(lambda s: s + ".")
BLOCK = st.one_of(
    st.lists(SENTENCE, min_size=1, max_size=5).map(" ".join),
    st.builds(lambda n, t: f"{'=' * n} {t} {'=' * n}", st.integers(1, 6), words(3)),
    st.lists(SENTENCE, min_size=1, max_size=4).map(lambda items: "\n".join("* " + i for i in items)),
    st.lists(SENTENCE, min_size=1, max_size=3).map(lambda items: "\n".join("# " + i for i in items)),
    infobox(), table(), nested(), st.just("#REDIRECT [[Acme Corporation]]"),
    st.just("== References ==\n{{reflist}}"), st.just("[[Category:Technology companies]]"))
TITLE = st.one_of(st.sampled_from(NAMES), words(3), JUNK, SCRIPTS)  # file names and dump titles: anything
ARTICLE = st.builds(lambda lead, blocks, sep: sep.join([lead] + blocks),
                    st.builds(lambda n, rest: f"'''{n}''' {rest}", st.sampled_from(NAMES), SENTENCE),
                    st.lists(BLOCK, max_size=8), st.sampled_from(["\n\n", "\n", " ", "\r\n\r\n"]))


@st.composite
def mutated(draw):
    """An article with a few edits of the kinds real damage makes: cuts, repeats, stray markup."""
    text = draw(ARTICLE)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 200)))
        op = draw(st.sampled_from(["cut", "repeat", "insert", "truncate", "swap"]))
        if op == "cut":
            text = text[:i] + text[j:]
        elif op == "repeat":
            text = text[:j] + text[i:j] * draw(st.integers(2, 5)) + text[j:]
        elif op == "insert":
            bit = draw(st.sampled_from(["{{", "}}", "[[", "]]", "|", "<ref>", "</ref>", "{|", "|}", "<!--",
                                        "\x00", "'''", "==", "\n", "=", "<", ">", "&", "{{{", "}}}"]))
            text = text[:i] + bit + text[i:]
        elif op == "truncate":
            text = text[:i]
        else:
            text = text[j:] + text[:j]
    return text


# --- the properties ---------------------------------------------------------------------------

def run(text: str, title: str = "Fuzz Article", kind: str = "wikitext") -> tuple[bytes, bytes, ArticleResult | Problem]:
    """Extract, assemble and serialise one article -> (N-Triples, Turtle, result)."""
    result = extract_one(Article(title, text, "fuzz", kind))
    if not isinstance(result, ArticleResult):
        return b"", b"", result
    ds = assemble([result]).dataset
    return to_ntriples(ds), to_turtle(ds), result


def _literal(store: ox.Store, s, p) -> str:
    (q,) = list(store.quads_for_pattern(s, ox.NamedNode(WKG + p), None))
    return q.object.value


def check(text: str, title: str = "Fuzz Article", kind: str = "wikitext") -> None:
    """Every property of one article."""
    start = time.perf_counter()
    nt, ttl, result = run(text, title, kind)
    assert isinstance(result, ArticleResult), f"not extracted: {result}"
    store = ox.Store()
    store.load(nt, ox.RdfFormat.N_TRIPLES)
    assert len(store) == len(list(ox.parse(ttl, ox.RdfFormat.TURTLE)))
    for q in store.quads_for_pattern(None, ox.NamedNode(WKG + "text"), None):
        s0, s1 = int(_literal(store, q.subject, "charStart")), int(_literal(store, q.subject, "charEnd"))
        assert text[s0:s1] == q.object.value, (s0, s1)
    for st_ in result.statements:
        assert text[st_.evidence.start:st_.evidence.end] == st_.evidence.text
    again = run(text, title, kind)
    assert again[0] == nt and again[1] == ttl, "two runs gave different bytes"
    STATS["cases"] += 1
    STATS["seconds"] += time.perf_counter() - start


@pytest.fixture(scope="module", autouse=True)
def report():
    yield
    with open(os.environ.get("WIKIKG_FUZZ_REPORT", os.devnull), "a", encoding="utf-8") as f:
        f.write(f"fuzz: {STATS['cases']} articles passed in {STATS['seconds']:.1f} s\n")


# Failures the long mode found, kept as regression cases (the bug is named beside each).
FOUND = [
    # a protocol-relative citation URL was written as the IRI <//x.y>, which no RDF parser accepts
    "'''Acme Corporation''' was added to the Entity List by <ref>{{cite web |url=//x.y |title= "
    "|publisher= |date=5 May 2010}}</ref>.",
    # a citation URL with no scheme at all
    "'''Acme Corporation''' was founded by [[Jane Roe]].<ref>{{cite web |url=www.example.org |title=A}}</ref>",
    # an infobox item whose leading category link is stripped gave its next link a negative offset (IndexError)
    "{{Infobox company|key_people={{l}}[[Category:]][[e|]] }}",
]


@given(ARTICLE, TITLE)
@example(FOUND[0], "Fuzz Article")
@example(FOUND[1], "Fuzz Article")
@example(FOUND[2], "Fuzz Article")
def test_generated_articles(text, title):
    check(text, title)


@given(mutated(), st.sampled_from(["wikitext", "wikitext", "text"]))  # a third read as plain text
def test_mutated_articles(text, kind):
    check(text, kind=kind)


@pytest.mark.parametrize("opener, closer, depth, warned", [
    ("{{a|", "}}", 20, False), ("{{a|", "}}", 40, True), ("[[a|", "]]", 60, False), ("[[a|", "]]", 150, True),
    ("<span>", "</span>", 150, True), ("{{a|b=", "}}", 40, False), ("{{a|b=", "}}", 60, True),
    ("{{a|", "", 500, False),  # unclosed: nothing nests, the text is text
])
def test_nesting_past_the_parser_limit_is_a_warning(opener, closer, depth, warned):
    text = "'''Deep''' is a company. " + opener * depth + "x" + closer * depth
    result = extract_one(Article("Deep", text, "fuzz"))
    assert isinstance(result, ArticleResult)
    assert any("deeper than the parser's limit" in w for w in result.warnings) == warned


LONG = os.environ.get("WIKIKG_FUZZ") == "long"
BATCH = st.lists(st.tuples(st.sampled_from(NAMES), st.one_of(ARTICLE, mutated())), min_size=2, max_size=4,
                 unique_by=lambda pair: pair[0])


@settings(max_examples=500 if LONG else 40)
@given(BATCH)
def test_batches_resolve_alike_in_memory_and_streaming(tmp_path_factory, batch):
    """Several fuzz articles built together: entities resolve across them, and the streaming build
    writes the same N-Quads bytes as the in-memory one."""
    folder = tmp_path_factory.mktemp("batch")
    for title, text in batch:
        (folder / f"{title.replace(' ', '_')}.wikitext").write_text(text, "utf-8")
    result = build([str(folder)], jobs=1)
    assert result.articles + len(result.errors) == len(batch)
    assert all(e.reason and (e.title or e.input) for e in result.errors)
    memory = to_nquads(result.dataset)
    ox.Store().load(memory, ox.RdfFormat.N_QUADS)
    out = folder / "out.nq"
    build_stream([str(folder)], out, jobs=1)
    assert (out.read_bytes() if out.exists() else b"") == memory
    STATS["cases"] += len(batch)
