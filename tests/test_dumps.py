"""Tests for wikikg.read.dumps: streaming pages from .xml/.bz2/.gz/multistream dumps, filters, safety."""
from __future__ import annotations

import bz2
from pathlib import Path

import pytest

from wikikg.read.dumps import (
    Page,
    index_of,
    infobox_kinds,
    iter_pages,
    normalise_title,
    read_dump,
    read_titles,
    write_dump,
)

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "enwiki-2016-sample-206-pages.xml.bz2"

PAGES = [
    Page("Acme Corporation", 0, 1, "{{Infobox company\n| name = Acme\n}}\n'''Acme''' & <b>co</b> \"q\""),
    Page("Acme Corp", 0, 2, "#REDIRECT [[Acme Corporation]]", redirect="Acme Corporation"),
    Page("Talk:Acme Corporation", 1, 3, "talk"),
    Page("Gamma Group", 0, 4, "{{infobox_Organization | name = Gamma}}\nGamma."),
    Page("Delta", 0, 5, "Delta has no infobox. Ünïcode ✓"),
]


@pytest.mark.skipif(not SAMPLE.exists(), reason="the shared corpus is not beside the repository")
def test_the_real_sample_dump_streams_every_page():
    pages = list(iter_pages(SAMPLE))
    assert len(pages) == 206
    assert sum(p.redirect is not None for p in pages) == 100
    assert {p.ns for p in pages} == {0, 4}
    first = pages[0]
    assert (first.title, first.id, first.redirect) == ("AccessibleComputing", 10, "Computer accessibility")
    errors, redirects = [], []
    articles = list(read_dump(SAMPLE, errors, redirects))
    assert errors == [] and len(articles) == 106 and len(redirects) == 99
    assert ("AccessibleComputing", "Computer accessibility") in redirects
    assert all(a.kind == "wikitext" and a.text and a.source == str(SAMPLE) for a in articles)


@pytest.mark.parametrize("name", ["d.xml", "d.xml.bz2", "d.xml.gz"])
def test_written_dumps_read_back_unchanged(tmp_path, name):
    path = write_dump(PAGES, tmp_path / name)
    assert list(iter_pages(path)) == PAGES


def test_multistream_dump_is_read_by_index_in_parallel(tmp_path):
    pages = [Page(f"Article {i}", 0, i + 1, f"Text of article {i}.") for i in range(23)] + PAGES
    path = write_dump(pages, tmp_path / "x-multistream.xml.bz2", per_stream=4)
    index = index_of(path)
    assert index == tmp_path / "x-multistream-index.txt.bz2"
    lines = bz2.decompress(index.read_bytes()).decode().splitlines()
    assert len(lines) == len(pages) and lines[0].split(":", 2)[2] == "Article 0"
    offsets = sorted({int(line.split(":")[0]) for line in lines})
    assert len(offsets) == 7  # 28 pages, 4 a stream
    data = path.read_bytes()
    assert all(data[o:o + 3] == b"BZh" for o in offsets)  # each offset starts a bz2 stream
    assert list(iter_pages(path, workers=3)) == pages  # dump order, whatever finishes first
    index.unlink()  # without its index a multistream dump is one concatenated bz2 stream
    assert list(iter_pages(path)) == pages


def test_progress_reports_compressed_bytes(tmp_path):
    path = write_dump(PAGES * 20, tmp_path / "d.xml.bz2")
    seen = []
    list(iter_pages(path, on_bytes=seen.append))
    assert seen == sorted(seen) and seen[-1] == path.stat().st_size


def test_read_dump_keeps_articles_and_records_redirects(tmp_path):
    path = write_dump(PAGES, tmp_path / "d.xml")
    errors, redirects = [], []
    titles = [a.title for a in read_dump(path, errors, redirects)]
    assert titles == ["Acme Corporation", "Gamma Group", "Delta"]  # namespace 0, no redirects
    assert redirects == [("Acme Corp", "Acme Corporation")] and errors == []


def test_filters_by_infobox_and_title(tmp_path):
    path = write_dump(PAGES, tmp_path / "d.xml")
    kinds = [a.title for a in read_dump(path, [], None, only_infobox=["Company", " organization"])]
    assert kinds == ["Acme Corporation", "Gamma Group"]
    listed = tmp_path / "titles.txt"
    listed.write_text("# wanted\ndelta\nacme_corporation\n\n", "utf-8")
    wanted = read_titles(listed)
    assert wanted == {"Delta", "Acme corporation"}  # only the first letter is case-insensitive
    assert [a.title for a in read_dump(path, [], None, titles=wanted)] == ["Delta"]


def test_titles_and_infobox_kinds_are_normalised():
    assert normalise_title("  acme_corp  (US) ") == "Acme corp (US)"
    assert infobox_kinds("{{Infobox company|a=1}} {{ infobox_Football  club\n|x}}") == {"company", "football club"}


BOMB = """<?xml version="1.0"?>
<!DOCTYPE mediawiki [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<mediawiki><page><title>Bomb</title><ns>0</ns><id>1</id><revision><text>&b;</text></revision></page></mediawiki>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE mediawiki [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<mediawiki><page><title>X</title><ns>0</ns><id>1</id><revision><text>&x;</text></revision></page></mediawiki>
"""


@pytest.mark.parametrize("xml", [BOMB, EXTERNAL], ids=["entity-expansion", "external-entity"])
def test_entities_are_refused_not_expanded(tmp_path, xml):
    path = tmp_path / "evil.xml"
    path.write_text(xml, "utf-8")
    errors = []
    assert list(read_dump(path, errors)) == []
    assert len(errors) == 1 and "not a readable MediaWiki XML dump" in errors[0].reason


def test_a_broken_dump_is_an_error_record_after_the_pages_before_it(tmp_path):
    path = tmp_path / "cut.xml"
    path.write_text(write_dump(PAGES, tmp_path / "ok.xml").read_text("utf-8")[:-200], "utf-8")
    errors = []
    titles = [a.title for a in read_dump(path, errors)]
    assert titles == ["Acme Corporation", "Gamma Group"] and len(errors) == 1
