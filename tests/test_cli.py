"""Tests for wikikg.cli, in-process with click's CliRunner: build, export, eval and their errors."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from wikikg.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "sensetime.wikitext"
GOLD = ROOT / "tests" / "gold" / "sensetime.tsv"
RES = "https://w3id.org/wikikg/resource/"
WKG = "https://w3id.org/wikikg/ontology#"

BETA = "'''Beta Corp''' is a company founded by [[Jane Roe]] in 2010.\n"
ACME = ("'''Acme Widgets''' is a company.\n\n== History ==\n"
        "In October 2017, Acme Widgets partnered with [[Qualcomm]].\n")


def invoke(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def error_line(result) -> str:
    """The single error line a failing subcommand prints."""
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("wikikg: error: "), lines[0]
    return lines[0]


def union_of(ds: Dataset) -> Graph:
    g = Graph()
    for s, p, o, _c in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


@pytest.fixture(scope="module")
def seed_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "out"
    result = invoke("build", SEED, "-o", out)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture()
def articles(tmp_path) -> Path:
    d = tmp_path / "articles"
    d.mkdir()
    (d / "Beta_Corp.wikitext").write_text(BETA, "utf-8")
    (d / "Acme_Widgets.wikitext").write_text(ACME, "utf-8")
    (d / "notes.md").write_text("not an article", "utf-8")
    return d


# --- build ---------------------------------------------------------------------------------------

def test_build_directory_output_parses_with_rdflib_and_oxigraph(seed_dir):
    ttl, nq = seed_dir / "graph.ttl", seed_dir / "graph.nq"
    assert ttl.is_file() and nq.is_file()
    g = Graph().parse(ttl, format="turtle")
    ds = Dataset()
    ds.parse(nq, format="nquads")
    assert len(g) > 100
    assert isomorphic(g, union_of(ds))
    assert (URIRef(RES + "SenseTime"), URIRef(WKG + "partneredWith"), URIRef(RES + "Qualcomm")) in g
    triples = list(pyoxigraph.parse(path=str(ttl), format=pyoxigraph.RdfFormat.TURTLE))
    quads = list(pyoxigraph.parse(path=str(nq), format=pyoxigraph.RdfFormat.N_QUADS))
    assert len(triples) == len(g) and len(quads) == len(g)
    assert {q.graph_name.value for q in quads} == {"https://en.wikipedia.org/wiki/SenseTime"}


def test_build_reports_counts_on_stderr(tmp_path, articles):
    result = invoke("build", articles, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "2 article(s)" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("ext,fmt", [(".nt", "nt"), (".trig", "trig"), (".jsonld", "json-ld"),
                                     (".ttl", "turtle"), (".nq", "nquads")])
def test_output_format_by_extension(tmp_path, ext, fmt):
    src = tmp_path / "Beta_Corp.wikitext"
    src.write_text(BETA, "utf-8")
    out = tmp_path / f"x{ext}"
    result = invoke("build", src, "-o", out)
    assert result.exit_code == 0, result.output
    ds = Dataset()
    ds.parse(out, format=fmt)
    g = union_of(ds)
    assert (URIRef(RES + "Beta_Corp"), URIRef(WKG + "foundedBy"), URIRef(RES + "Jane_Roe")) in g
    if ext in (".trig", ".nq"):  # formats with named graphs keep the article's graph
        names = {str(c.identifier) for c in ds.graphs() if len(c)}
        assert "https://en.wikipedia.org/wiki/Beta_Corp" in names


def test_unknown_extension_is_a_one_line_error(tmp_path):
    out = tmp_path / "x.xyz"
    result = invoke("build", SEED, "-o", out)
    assert result.exit_code != 0
    line = error_line(result)
    assert "x.xyz" in line and ".xyz" in line
    assert not out.exists()


def test_missing_input_names_the_file(tmp_path):
    missing = tmp_path / "nope.wikitext"
    result = invoke("build", missing, "-o", tmp_path / "out.ttl")
    assert result.exit_code != 0
    line = error_line(result)
    assert str(missing) in line and "no such file" in line


@pytest.mark.parametrize("data,words", [
    (b"'''Acme''' is\x00\x01 binary", "binary"),
    (b"'''Acme''' is \xff\xfe not UTF-8", "UTF-8"),
], ids=["NUL bytes", "invalid UTF-8"])
def test_unreadable_file_is_a_clear_error(tmp_path, data, words):
    bad = tmp_path / "bad.wikitext"
    bad.write_bytes(data)
    result = invoke("build", bad, "-o", tmp_path / "out.ttl")
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    message = [ln for ln in result.stderr.splitlines() if "bad.wikitext" in ln and words in ln]
    assert message, result.stderr


@pytest.mark.parametrize("data,words", [(b"a\x00b", "binary"), (b"\xff\xfe", "UTF-8")],
                         ids=["NUL bytes", "invalid UTF-8"])
def test_unreadable_stdin_is_a_one_line_error(tmp_path, data, words):
    result = invoke("build", "-", "--title", "X", "-o", tmp_path / "out.ttl", input=data)
    assert result.exit_code != 0
    line = error_line(result)
    assert "<stdin>" in line and words in line


def test_directory_with_two_articles_builds_both(tmp_path, articles):
    out = tmp_path / "out.nq"
    result = invoke("build", articles, "-o", out)
    assert result.exit_code == 0, result.output
    ds = Dataset()
    ds.parse(out, format="nquads")
    names = {str(c.identifier) for c in ds.graphs() if len(c)}
    assert names == {"https://en.wikipedia.org/wiki/Acme_Widgets",
                     "https://en.wikipedia.org/wiki/Beta_Corp"}
    g = union_of(ds)
    assert (URIRef(RES + "Acme_Widgets"), URIRef(WKG + "partneredWith"), URIRef(RES + "Qualcomm")) in g
    assert (URIRef(RES + "Beta_Corp"), URIRef(WKG + "foundedBy"), URIRef(RES + "Jane_Roe")) in g


def test_stdin_with_title(tmp_path):
    out = tmp_path / "s.nt"
    result = invoke("build", "-", "--title", "Beta Corp", "-o", out, input=BETA.encode("utf-8"))
    assert result.exit_code == 0, result.output
    g = Graph().parse(out, format="nt")
    assert (URIRef(RES + "Beta_Corp"), URIRef(WKG + "foundedBy"), URIRef(RES + "Jane_Roe")) in g


def test_link_targets_give_the_iris_mediawiki_and_dbpedia_give(tmp_path):
    text = ("'''Acme Widgets''' is a company headquartered in [[Zürich]]. It was founded by "
            "[[Jane&nbsp;Roe]] in 2010.\n\n[[de:Acme Widgets GmbH]]\n")
    (tmp_path / "Acme_Widgets.wikitext").write_text(text, "utf-8")
    out = tmp_path / "out.nt"
    result = invoke("build", tmp_path / "Acme_Widgets.wikitext", "-o", out)
    assert result.exit_code == 0, result.output
    g = Graph().parse(out, format="nt")
    same = URIRef("http://www.w3.org/2002/07/owl#sameAs")
    assert (URIRef(RES + "Jane_Roe"), same, URIRef("http://dbpedia.org/resource/Jane_Roe")) in g
    assert (URIRef(RES + "Z%C3%BCrich"), same, URIRef("http://dbpedia.org/resource/Zürich")) in g
    assert not [s for s in g.subjects() if "nbsp" in s or "GmbH" in s]


def test_a_plain_text_file_is_titled_as_its_lead_spells_the_name(tmp_path):
    out = tmp_path / "text.nt"
    result = invoke("build", ROOT / "seeds" / "sensetime.txt", "-o", out)
    assert result.exit_code == 0, result.output
    subjects = {str(s) for s in Graph().parse(out, format="nt").subjects()}
    assert RES + "SenseTime" in subjects
    assert not [s for s in subjects if "Sensetime" in s]


def test_stdin_without_a_title_is_refused_rather_than_titled_untitled(tmp_path):
    out = tmp_path / "s.nt"
    result = invoke("build", "-", "-o", out, input=BETA.encode("utf-8"))
    assert result.exit_code == 1
    assert "--title" in error_line(result)
    assert not out.exists()


@pytest.mark.parametrize("inputs,options,words", [
    (["dump"], ["--title", "Acme"], "dump"),
    (["dir"], ["--title", "Acme"], "directory"),
    (["file", "file"], ["--title", "Acme"], "2 inputs"),
    (["dump"], ["--kind", "text"], "dump"),
], ids=["title on a dump", "title on a directory", "title on two files", "kind on a dump"])
def test_options_that_would_do_nothing_are_refused(tmp_path, articles, inputs, options, words):
    from wikikg.read.dumps import Page, write_dump

    dump = write_dump([Page("Beta Corp", 0, 1, BETA)], tmp_path / "d.xml.bz2")
    paths = {"dump": dump, "dir": articles, "file": articles / "Beta_Corp.wikitext"}
    result = invoke("build", *[paths[i] for i in inputs], *options, "-o", tmp_path / "out.nt")
    assert result.exit_code == 1
    line = error_line(result)
    assert options[0] in line and words in line
    assert not (tmp_path / "out.nt").exists()


# --- export --------------------------------------------------------------------------------------

def test_export_round_trips_to_an_isomorphic_graph(seed_dir, tmp_path):
    out = tmp_path / "out.trig"
    result = invoke("export", "--graph", seed_dir / "graph.nq", "-o", out)
    assert result.exit_code == 0, result.output
    a, b = Dataset(), Dataset()
    a.parse(seed_dir / "graph.nq", format="nquads")
    b.parse(out, format="trig")
    assert len(union_of(b)) == len(union_of(a)) > 100
    assert isomorphic(union_of(a), union_of(b))
    for ctx in a.graphs():
        if len(ctx):
            assert isomorphic(ctx, b.graph(ctx.identifier))


def test_export_to_unknown_extension_fails(seed_dir, tmp_path):
    result = invoke("export", "--graph", seed_dir / "graph.nq", "-o", tmp_path / "out.xyz")
    assert result.exit_code != 0
    assert ".xyz" in error_line(result)


def test_export_of_a_missing_graph_names_it(tmp_path):
    result = invoke("export", "--graph", tmp_path / "none.ttl", "-o", tmp_path / "out.nt")
    assert result.exit_code != 0
    assert "none.ttl" in error_line(result)


@pytest.mark.parametrize("nest", ["( ", "[ <http://e/p> "], ids=["collections", "blank nodes"])
def test_deeply_nested_turtle_is_a_one_line_error(tmp_path, nest):
    """rdflib's Turtle parser recurses once per level: 100,000 levels raise RecursionError inside it."""
    deep = tmp_path / "deep.ttl"
    close = " )" if nest == "( " else " ]"
    deep.write_text("<http://e/a> <http://e/p> " + nest * 100_000 + "<http://e/b>" + close * 100_000 + " .\n",
                    "utf-8")
    for args in (("export", "--graph", deep, "-o", tmp_path / "out.nt"),
                 ("query", "--graph", deep, "ASK {}", "--engine", "rdflib")):
        result = invoke(*args)
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert "deep.ttl: nesting too deep to parse" in error_line(result)
        assert not (tmp_path / "out.nt").exists()
    assert invoke("query", "--graph", deep, "ASK { ?s ?p ?o }").output == "true\n"  # Oxigraph reads it


def test_export_of_an_invalid_graph_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", "utf-8")
    result = invoke("export", "--graph", bad, "-o", tmp_path / "out.nt")
    assert result.exit_code != 0
    assert "bad.ttl" in error_line(result)


# --- eval ----------------------------------------------------------------------------------------

def test_eval_prints_the_table(seed_dir):
    result = invoke("eval", seed_dir / "graph.nq", "--gold", GOLD)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["relation", "tp", "fp", "fn"]
    rows = {ln.split()[0] for ln in lines[1:] if ln.strip() and not ln.startswith("-")}
    assert {"foundedBy", "partneredWith", "sanctionedBy"} <= rows
    assert any(ln.startswith("core (micro)") for ln in lines)


def test_eval_min_f1_above_one_exits_1(seed_dir):
    result = invoke("eval", seed_dir / "graph.nq", "--gold", GOLD, "--min-f1", "1.01")
    assert result.exit_code == 1
    assert "min-f1" in result.stderr


def test_eval_missing_gold_fails(seed_dir, tmp_path):
    result = invoke("eval", seed_dir / "graph.nq", "--gold", tmp_path / "none.tsv")
    assert result.exit_code != 0
    assert "none.tsv" in result.output
