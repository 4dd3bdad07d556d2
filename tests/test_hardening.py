"""Issue 14's smaller holes: javascript: citation URLs, dotted output directories, bidi controls in labels."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from wikikg.cli import main
from wikikg.graph import web_iri

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "sensetime.wikitext"
ARTICLE = ("'''Jsurl Corp''' is a company founded by [[Jane Roe]] in 2010.<ref>{{cite web "
           "|url=javascript:alert(document.cookie) |title=Evil |publisher=Example News}}</ref> "
           "In 2017, Jsurl Corp partnered with [[Qualcomm]].<ref>{{cite web |url=https://example.org/ok "
           "|title=Fine}}</ref>\n")


def build(*args):
    return CliRunner().invoke(main, ["build", *map(str, args), "--jobs", "1", "--no-progress"])


def test_only_http_and_https_citation_urls_become_iris(tmp_path):
    for bad in ("javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>x</script>",
                "file:///etc/passwd", "vbscript:msgbox"):
        assert web_iri(bad) is None, bad
    assert web_iri("//example.org/a") == "https://example.org/a"
    assert web_iri("HTTP://example.org/a") == "HTTP://example.org/a"
    (tmp_path / "Jsurl_Corp.wikitext").write_text(ARTICLE)
    out = tmp_path / "graph.nq"
    result = build(tmp_path / "Jsurl_Corp.wikitext", "-o", out)
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    assert "https://example.org/ok" in text and "javascript:" not in text.lower()


def test_an_output_directory_with_a_dot_in_its_name(tmp_path):
    out = tmp_path / "out_0.05"
    result = build(SEED, "-o", f"{out}/")
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} >= {"graph.ttl", "graph.nq", "graph.graphml", "graph.gexf"}
    result = build(SEED, "-o", tmp_path / "other_0.05")  # no slash: a file of an unknown format, and a hint
    assert result.exit_code == 1 and "end it with /" in result.output


def test_bidi_controls_are_dropped_from_labels(tmp_path):
    from wikikg.graph import shown

    assert shown("Evil\u202eCorp\u202c") == "EvilCorp" and shown("\u202e") == "\u202e"
    article = tmp_path / "Bidi_Corp.wikitext"
    article.write_text("'''Bidi Corp''' is a company founded by [[Jane\u202eRoe]] in 2010. In 2017, Bidi Corp "
                       "partnered with [[Qualcomm\u2066 Labs\u2069]].\n")
    out = tmp_path / "graph.nq"
    assert build(article, "-o", out).exit_code == 0
    labels = [line for line in out.read_text("utf-8").splitlines() if "rdf-schema#label" in line
              or "core#altLabel" in line]
    assert labels and not any(c in line for line in labels for c in "\u202e\u2066\u2069")


def test_two_builds_into_the_same_output_or_store_do_not_race(tmp_path):
    import fcntl

    out, store = tmp_path / "out" / "graph.nq", tmp_path / "store"
    for target in (out, store):
        lock = target.parent / f".{target.name}.wikikg-lock"
        lock.parent.mkdir(parents=True, exist_ok=True)
        with open(lock, "a") as held:  # another build holds it
            fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
            args = ("-o", out) if target == out else ("--store", store)
            result = build(SEED, *args)
            assert result.exit_code == 1 and "another wikikg build is writing it" in result.output
        assert build(SEED, *args).exit_code == 0  # free again, and released after each build
        assert build(SEED, *args).exit_code == 0
