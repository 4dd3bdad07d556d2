"""Tests for wikikg.pipeline.parallel and wikikg.pipeline.shards: process pool, Dask, streaming shards, redirects, CLI."""
from __future__ import annotations

import pickle
import re
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

from wikikg.cli import main
from wikikg.formats.writers import to_nquads, to_ntriples, union
from wikikg.kb.ontology import WKG
from wikikg.model import Article
from wikikg.pipeline import shards
from wikikg.pipeline import stages as pipeline
from wikikg.pipeline.parallel import LocalRunner, Progress, partitions
from wikikg.pipeline.stages import build
from wikikg.read.dumps import Page, write_dump

RES = "https://w3id.org/wikikg/resource/"
ARTICLES = {
    "Acme Corporation": "{{Infobox company\n| name = Acme Corporation\n| founder = [[Jane Roe]]\n}}\n"
                        "'''Acme Corporation''' is an American technology company. In 2010, Acme partnered "
                        "with [[Beta Inc.]]\n",
    "Beta Inc.": "{{Infobox company\n| name = Beta Inc.\n}}\n'''Beta Inc.''' is a software company. In 2012, "
                 "Beta Inc. partnered with [[Acme Corp]].<ref>{{cite web|url=https://example.org/b|title=B}}"
                 "</ref> Beta was founded by [[J. Roe|Jane Roe]].\n",
    "Gamma Group": "{{Infobox organization\n| name = Gamma Group\n}}\n'''Gamma Group''' is a trade "
                   "association. [[Acme Corporation]] is a member of Gamma Group.\n",
    "Delta Ltd": "'''Delta Ltd''' is a mining company. Delta Ltd is a subsidiary of [[Gamma Group]].\n",
}
REDIRECTS = {"Acme Corp": "Acme Corporation", "J. Roe": "Jane Roe", "Acme history": "Acme Corporation#History"}


@pytest.fixture(scope="module")
def dump(tmp_path_factory) -> Path:
    pages = [Page(t, 0, i, text) for i, (t, text) in enumerate(ARTICLES.items(), 1)]
    pages += [Page(t, 0, 100 + i, f"#REDIRECT [[{d}]]", d) for i, (t, d) in enumerate(REDIRECTS.items())]
    pages.append(Page("Talk:Acme Corporation", 1, 200, "[[Acme Corporation]] partnered with [[Zeta]]."))
    return write_dump(pages, tmp_path_factory.mktemp("dump") / "wiki.xml.bz2")


@pytest.fixture(scope="module")
def single(dump):
    result = build([str(dump)], jobs=1)
    assert result.errors == [] and result.articles == 4
    return result


def test_redirects_resolve_links_and_become_aliases(single):
    g = union(single.dataset)
    acme, jane = URIRef(RES + "Acme_Corporation"), URIRef(RES + "Jane_Roe")
    assert Literal("Acme Corp", lang="en") in set(g.objects(acme, SKOS.altLabel))
    assert Literal("J. Roe", lang="en") in set(g.objects(jane, SKOS.altLabel))
    assert (URIRef(RES + "Beta_Inc."), WKG.partneredWith, acme) in g  # the link went to the redirect
    assert (URIRef(RES + "Beta_Inc."), WKG.foundedBy, jane) in g
    terms = {str(t) for triple in g for t in triple}
    assert RES + "Acme_Corp" not in terms and RES + "J._Roe" not in terms
    assert not any("Acme history" in t or "Zeta" in t for t in terms)  # section redirect, talk page


def test_the_process_pool_gives_the_same_bytes(dump, single, monkeypatch):
    monkeypatch.setattr(pipeline, "PARTITION", 1)  # four tasks for two processes
    assert to_nquads(build([str(dump)], jobs=2).dataset) == to_nquads(single.dataset)


def test_streaming_build_is_byte_identical_to_the_in_memory_one(dump, single, tmp_path):
    for name, writer in (("g.nq", to_nquads), ("g.nt", to_ntriples)):
        result = shards.build_stream([str(dump)], tmp_path / name, jobs=2, partition=1)
        assert (tmp_path / name).read_bytes() == writer(single.dataset)
        assert (result.articles, result.statements, result.relations) == \
            (single.articles, single.statements, single.relations)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.nq", "g.nt"]  # no temporary files left


def test_dask_local_cluster_of_two_workers_gives_the_same_graph(dump, single, tmp_path):
    pytest.importorskip("dask.distributed")
    from wikikg.pipeline.parallel import DaskRunner

    runner = DaskRunner(local=2)
    try:
        assert runner.workers == 2
        shards.build_stream([str(dump)], tmp_path / "dask.nq", runner=runner, partition=1)
    finally:
        runner.close()
    ds = Dataset()
    ds.parse(tmp_path / "dask.nq", format="nquads")
    assert isomorphic(union(ds), union(single.dataset))
    assert (tmp_path / "dask.nq").read_bytes() == to_nquads(single.dataset)


def _square(x: int, shared: int) -> tuple[int, int]:
    return x, x * x + shared


def test_local_runner_in_process_and_in_a_pool():
    assert list(LocalRunner(1).imap(_square, range(3), 1)) == [(0, 1), (1, 2), (2, 5)]
    assert sorted(LocalRunner(2).imap(_square, range(20), 10)) == [(x, x * x + 10) for x in range(20)]
    assert list(LocalRunner(4).imap(_square, [3], 0)) == [(3, 9)]  # one item: no pool


def test_partitions():
    assert list(partitions(range(5), 2)) == [[0, 1], [2, 3], [4]] and list(partitions([], 3)) == []


def _old_sorted_lines(lines: set[str]) -> bytes:
    """write_shard's lines as they were: sorted as text, then encoded."""
    return "".join(sorted(lines)).encode("utf-8", "replace")


@settings(max_examples=300, deadline=None)
@given(st.sets(st.text(st.characters(blacklist_categories=("Cs",)), max_size=12).map(lambda x: x + "\n")))
def test_sorted_lines_sorts_as_text_sorted_them(lines):
    assert shards.sorted_lines(lines) == _old_sorted_lines(lines)


def test_sorted_lines_with_a_lone_surrogate_as_before():
    lines = {"<a> <p> \"x\ud800y\" .\n", "<a> <p> \"x\uffffy\" .\n", "<a> <p> \"x\U0001f600\" .\n",
             "<a> <p> \"x\u00e9\" .\n", "<a> <p> \"x?\" .\n"}
    assert shards.sorted_lines(lines) == _old_sorted_lines(lines)
    lines.discard("<a> <p> \"x\ud800y\" .\n")
    assert shards.sorted_lines(lines) == _old_sorted_lines(lines)


def test_write_shard_gives_its_lines_sorted_and_uncompressed(single):
    from wikikg.resolve import merge

    results = pipeline.extract_partition(list(enumerate(Article(t, x, t) for t, x in ARTICLES.items())))
    blob = zlib.compress(pickle.dumps(results), 1)
    tables = merge.tables(merge.summarise(results))
    k, data, statements, _ = shards.write_shard((7, blob, True), tables)
    lines = data.decode("utf-8").splitlines(keepends=True)
    assert k == 7 and statements > 0 and lines == sorted(set(lines)) and lines[0].endswith("> .\n")


def test_merge_sorted_dedupes_over_several_levels(tmp_path, monkeypatch):
    monkeypatch.setattr(shards, "FAN_IN", 2)
    files = []
    for i, lines in enumerate([["a", "c"], ["b", "c"], [], ["a", "é"], ["d"]]):
        files.append(tmp_path / f"s{i}")
        files[-1].write_text("".join(f"{x}\n" for x in lines), "utf-8")
    assert shards.merge_sorted(files, tmp_path / "out") == 5
    assert (tmp_path / "out").read_text("utf-8") == "a\nb\nc\nd\né\n"


def test_progress_shows_articles_done_of_articles_known_and_bytes_read():
    bar = Progress(1000, enabled=True)
    articles = bar.counted(iter("abcd"))
    next(articles)
    bar.read("d", 250)
    next(articles)
    bar.read("d", 500)
    bar.read("d", 400)  # never backwards
    bar.done(1)
    line = str(bar.bar)  # half the bytes read, two articles seen: about four in all
    assert "1/~4 articles" in line and "500B/1.00kB read" in line and " 25%" in line
    assert list(articles) == ["c", "d"]
    bar.read("d", 1000)
    bar.done(3)
    line = str(bar.bar)  # the inputs are read: the count is exact
    assert "4/4 articles" in line and "100%" in line and "1.00kB/1.00kB read" in line
    bar.close()


def test_progress_of_one_article_from_stdin_says_article():
    bar = Progress(None, enabled=True)
    list(bar.counted(["x"]))
    bar.done(1)
    line = str(bar.bar)
    # "1 articles" as a count, not the tail of a rate such as "5707.1 articles/s"
    assert "1/1 article " in line and "read" not in line and not re.search(r"(?<![\d.])1 articles", line)
    bar.close()


def test_progress_of_a_dump_build_is_honest(dump, tmp_path):
    r = CliRunner().invoke(main, ["build", str(dump), "-o", str(tmp_path / "all.nq"), "--jobs", "1",
                                  "--progress"])
    assert r.exit_code == 0, r.output
    frames = [f for f in re.split(r"[\r\n]", r.stderr) if f.startswith("extract")]
    counts = [re.search(r"(\d+)(?:/(~?)(\d+))? articles? \[", f).groups() for f in frames]
    assert counts, r.stderr
    for (done, approx, known), frame in zip(counts, frames, strict=True):
        if "100%" in frame:  # a full bar only when every article known is done, and known exactly
            assert approx == "" and done == known, frame
        # "1 articles" as a count, not the end of a rate ("305.1 articles/s" made this fail 1 run in 10)
        assert "] ," not in frame and not re.search(r"(?<![\w.])1 articles", frame), frame
    done, approx, known = counts[-1]
    assert done == known == str(len(ARTICLES)) and approx == ""


def test_cli_build_with_jobs_and_filters(dump, single, tmp_path):
    titles = tmp_path / "titles.txt"
    titles.write_text("Beta_Inc.\nGamma Group\nDelta Ltd\n", "utf-8")
    cli = CliRunner()
    r = cli.invoke(main, ["build", str(dump), "-o", str(tmp_path / "all.nq"), "--jobs", "2", "--no-progress"])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "all.nq").read_bytes() == to_nquads(single.dataset)
    r = cli.invoke(main, ["build", str(dump), "-o", str(tmp_path / "some.ttl"), "--only-infobox",
                          "company,organization", "--titles", str(titles), "-j", "1"])
    assert r.exit_code == 0, r.output
    assert "2 article(s)" in r.output  # Beta (company) and Gamma (organization); Delta has no infobox
    for args, message in ((["-o", str(tmp_path / "d.nq"), "--scheduler", "tcp://x:1", "--dask-local", "2"],
                           "give one of"),
                          ([], "give -o OUT, --store DIR or both"),
                          (["-o", str(tmp_path / "x.foo")], "unknown output format")):
        r = cli.invoke(main, ["build", str(dump), *args])
        assert r.exit_code == 1 and message in r.output, r.output


def test_cli_build_of_a_dump_into_a_store_alone(dump, tmp_path):
    from wikikg.sparql.store import open_store

    r = CliRunner().invoke(main, ["build", str(dump), "--store", str(tmp_path / "store"), "-j", "2"])
    assert r.exit_code == 0, r.output
    graphs = {str(g.value) for g in open_store(tmp_path / "store").named_graphs()}
    assert graphs == {f"https://en.wikipedia.org/wiki/{t.replace(' ', '_')}" for t in ARTICLES}


def _rdflib_sorted(data: bytes) -> bytes:
    return "".join(sorted({line + "\n" for line in data.decode("utf-8").split("\n") if line.strip()})).encode()


def test_our_line_writer_matches_rdflib_byte_for_byte():
    from rdflib import Graph
    from rdflib.namespace import XSD

    from wikikg.graph import new_dataset, quad_lines

    s, p = URIRef(RES + "A_%C3%A9"), URIRef("https://w3id.org/wikikg/ontology#text")
    objects = [Literal('say "hi"\\n\r\nback\\slash ✓ \u2028'), Literal("x", lang="en"), Literal(5),
               Literal("2017-10", datatype=XSD.gYearMonth), URIRef(RES + "B"), Literal("")]
    g = Graph()
    for o in objects:
        g.add((s, p, o))
    assert "".join(sorted(quad_lines(g))).encode() == _rdflib_sorted(g.serialize(format="nt", encoding="utf-8"))
    ds = new_dataset()
    for o in objects:
        ds.graph(URIRef("https://en.wikipedia.org/wiki/A")).add((s, p, o))
        ds.default_graph.add((s, p, o))
    assert to_nquads(ds) == _rdflib_sorted(ds.serialize(format="nquads", encoding="utf-8"))
    assert to_ntriples(ds) == _rdflib_sorted(g.serialize(format="nt", encoding="utf-8"))
