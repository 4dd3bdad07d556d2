"""The read-only check and Oxigraph read the same query: generated comments, line endings (CR, LF, CRLF,
U+2028/2029, NEL, VT, FF), codepoint escapes and Unicode white space around every keyword; on each
query the check's verdict (refused SERVICE, syntax error, runs) is the engine's on the raw text, and
what the check passes runs to the same answer and never reaches a SERVICE."""
from __future__ import annotations

import os

import pyoxigraph as ox
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from wikikg.errors import QueryError, QueryRefused
from wikikg.sparql.query import check
from wikikg.sparql.store import Engine

LONG = os.environ.get("WIKIKG_FUZZ") == "long"
GRAPH = "http://g/1"
SERVICE_IRI = "http://127.0.0.1:9/sparql"  # Oxigraph refuses port 9 itself: a SERVICE call fails at once

ENDINGS = ["\n", "\r", "\r\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", ""]
EXOTIC = ["\u00a0", "\u2028", "\u2029", "\x85", "\u3000", "\x0b", "\x0c", "\ufeff", "\u200b", "\u2003"]
COMMENT_TEXT = st.lists(st.sampled_from(["a", " ", "}", "{", '"', "'", "<", ">", "SERVICE", "\\u000A", "\\n",
                                         "\\u000D", "#", "\t", '"""', "'''"]), max_size=5).map("".join)


def _keyword_forms(word: str):
    """A keyword in any case, or with one letter as a codepoint escape (Oxigraph reads no escape there)."""
    return st.one_of(
        st.just(word),
        st.lists(st.booleans(), min_size=len(word), max_size=len(word)).map(
            lambda caps: "".join(c.upper() if u else c.lower() for c, u in zip(word, caps, strict=True))),
        st.integers(0, len(word) - 1).map(lambda i: word[:i] + f"\\u{ord(word[i]):04X}" + word[i + 1:]))


SEPARATOR = st.lists(st.one_of(
    st.sampled_from([" ", "\t", "\n", "\r", "\r\n"]),
    st.builds(lambda t, e: "#" + t + e, COMMENT_TEXT, st.sampled_from(ENDINGS)),
    st.sampled_from(EXOTIC)), min_size=1, max_size=3).map("".join)

STRING = st.one_of(
    st.lists(st.sampled_from(["x", "#", "}", "\\'", '"', "\\u0022", "\\u0027", "\\u000A", "\\\\u0041", "SERVICE",
                              "\\n", "\\t", "é", "\\U0001F600"]), max_size=4).map(lambda p: "'" + "".join(p) + "'"),
    st.lists(st.sampled_from(["x", "#", "}", "'", "\n", "\r", "\\u0022", "SERVICE", "\\\"", "\u2028"]),
             max_size=4).map(lambda p: '"""' + "".join(p) + '"""'))


def _kw(word):
    return _keyword_forms(word)


def test_keywords_oxigraph_splits_off_a_longer_name_are_refused_too():
    """Oxigraph reads `SERVICESILENT<x>` as SERVICE SILENT <x> (its keywords need no break after them),
    so any name holding SERVICE outside strings and IRIs is refused."""
    for text in ["SELECT * WHERE { BIND(1 AS ?a) SERVICESILENT<http://127.0.0.1:9/sparql>{?s?p?o} }",
                 "PREFIX e: <urn:> SELECT * WHERE { BIND(1 AS ?a) SERVICEe:x{?s?p?o} }"]:
        try:
            check(text)
        except QueryRefused as e:
            assert "SERVICE" in str(e)
        else:
            raise AssertionError(text)


@st.composite
def queries(draw) -> str:
    """A SELECT with a prologue, optional FROM, BIND, OPTIONAL, FILTER, maybe a SERVICE, and LIMIT."""
    service = draw(st.sampled_from(["none", "top", "optional", "union"]))
    toks = [draw(_kw("PREFIX")), "e:", "<http://e/>", draw(_kw("SELECT")), "?a", "?b"]
    if draw(st.booleans()):
        toks += [draw(_kw("FROM"))] + ([draw(_kw("NAMED"))] if draw(st.booleans()) else []) + [f"<{GRAPH}>"]
    toks += [draw(_kw("WHERE")), "{", draw(_kw("BIND")), "(", "1", draw(_kw("AS")), "?a", ")"]
    clause = [draw(_kw("SERVICE")), f"<{SERVICE_IRI}>", "{", "?s", "?p", "?o", "}"]
    if service == "top":
        toks += clause
    toks += [draw(_kw("OPTIONAL")), "{", draw(_kw("BIND")), "(", draw(STRING), draw(_kw("AS")), "?b", ")"]
    toks += clause if service == "optional" else []
    toks += ["}"]
    if service == "union":  # (a SERVICE failing inside EXISTS is only false: no verdict to compare)
        toks += ["{"] + clause + ["}", draw(_kw("UNION")), "{", draw(_kw("SELECT")), "*", "{", "}", "}"]
    toks += [draw(_kw("FILTER")), "(", "?a", "<", "2", "||", "?a", "=", "e:x", ")", "}", draw(_kw("LIMIT")), "5"]
    out = [toks[0]]
    for tok in toks[1:]:
        out.append(draw(SEPARATOR) if draw(st.integers(0, 3)) else " ")
        out.append(tok)
    return "".join(out)


def _store() -> ox.Store:
    store = ox.Store()
    a, p = ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p")
    store.add(ox.Quad(a, p, ox.Literal("1")))
    store.add(ox.Quad(a, p, ox.Literal("1"), ox.NamedNode(GRAPH)))
    return store


ENGINE = Engine(_store())


def _run(text: str, default=(), named=()) -> tuple:
    try:
        result = ENGINE.run(text, None, None, default, named)
    except QueryError as e:
        if "port 9" in str(e):
            return ("service",)
        assert "SPARQL syntax error" in str(e), str(e)
        return ("syntax",)
    return ("ran", tuple(tuple(str(v) for v in row) for row in result.rows))


def _verdict(text: str) -> tuple[tuple, tuple | None]:
    """(the check's verdict, the engine's on the text the check passed, or None)."""
    try:
        checked = check(text, {GRAPH})
    except QueryRefused as e:
        assert "SERVICE" in str(e), str(e)
        return ("service",), None
    except QueryError:
        return ("syntax",), None
    ran = _run(checked.text, checked.default_graphs, checked.named_graphs)
    assert ran != ("service",), f"the check passed a query that reaches a SERVICE: {text!r}"
    return ran, ran


EXAMPLES = ("SELECT * WHERE { BIND(1 AS ?a) # c\r SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } \n} LIMIT 1",
            "SELECT * WHERE { BIND(1 AS ?a) # c\u2028 SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } \n} LIMIT 1",
            "SELECT * WHERE {\n# \\u000A '''\nSERVICE <http://127.0.0.1:9/sparql> { ?a ?b ?c }\n# '''\n}")


def test_the_check_and_the_engine_agree_and_the_generator_makes_every_verdict():
    """On every query the check's verdict is the engine's; and the generator is not vacuous: among the
    generated queries (the fixed examples aside) some run, some reach a SERVICE and some are syntax errors."""
    seen = set()

    @settings(max_examples=10_000 if LONG else 500, derandomize=not LONG, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(queries())
    @example(EXAMPLES[0])
    @example(EXAMPLES[1])
    @example(EXAMPLES[2])
    def agree(text):
        verdict, _ = _verdict(text)
        ran = _run(text)
        assert verdict == ran, text
        if text not in EXAMPLES:
            seen.add(ran[0])

    agree()
    assert seen == {"ran", "service", "syntax"}
