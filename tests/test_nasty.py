"""The nasty-input corpus (tests/nasty/manifest.toml): every file gives its documented outcome, none crashes."""
from __future__ import annotations

import json
import re
import shutil
import time
import tomllib
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from wikikg.cli import main

NASTY = Path(__file__).resolve().parent / "nasty"
CASES = tomllib.loads((NASTY / "manifest.toml").read_text("utf-8"))["case"]
OUTCOMES = {"built", "warned", "skipped", "partial", "refused"}


def build(*args: str):
    result = CliRunner().invoke(main, ["build", *map(str, args), "--jobs", "1", "--no-progress"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    return result


def records(out: Path) -> list[dict]:
    path = out.parent / "errors.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()] if path.exists() else []


def test_the_manifest_covers_every_file():
    files = {p.name for p in NASTY.iterdir() if p.suffix not in (".md", ".toml", ".py")}
    assert files == {c["file"] for c in CASES}
    assert all(c["outcome"] in OUTCOMES and c["shape"] for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_nasty_input_gives_its_documented_outcome(case, tmp_path):
    out = tmp_path / "out" / "graph.nq"
    start = time.monotonic()
    result = build(NASTY / case["file"], "-o", out, *case.get("args", []))
    elapsed = time.monotonic() - start
    assert elapsed < case.get("seconds", 15), f"{case['file']} took {elapsed:.1f} s"
    outcome, message = case["outcome"], case.get("message", "")
    if outcome == "refused":
        assert result.exit_code == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"wikikg: error: {NASTY / case['file']}: ")
        assert message in lines[0]
        assert not out.exists()
        return
    if outcome == "skipped":
        assert result.exit_code in (1, 3) and message in result.stderr
        return
    assert result.exit_code == (3 if outcome == "partial" else 0), result.stderr
    found = int(re.search(r"(\d+) statement\(s\)", result.stderr).group(1))
    assert found >= case.get("statements", 0), result.stderr
    store = ox.Store()
    store.load(out.read_bytes(), ox.RdfFormat.N_QUADS)
    assert len(store) > 0
    if "absent" in case:
        assert case["absent"] not in out.read_text("utf-8")
    levels = {r["level"] for r in records(out)}
    if outcome == "built":
        assert levels == set()
    elif outcome == "warned":
        assert levels == {"warning"} and any(message in r["reason"] for r in records(out))
    else:
        assert "error" in levels and any(message in r["reason"] for r in records(out))


def test_the_whole_corpus_as_one_batch(tmp_path):
    """Every file in one build: what can be built is, the rest is listed in errors.jsonl, exit 3."""
    corpus = tmp_path / "corpus"
    shutil.copytree(NASTY, corpus)
    (corpus / "unclosed_templates_3000.wikitext").unlink()  # its time cap is tested above
    out = tmp_path / "out" / "graph.nq"
    result = build(corpus, "-o", out)
    assert result.exit_code == 3
    reasons = " ".join(r["reason"] for r in records(out))
    for case in CASES:
        if case["outcome"] in ("refused", "skipped", "warned") and "args" not in case:
            assert case["message"] in reasons, case["file"]
    built = int(re.search(r"(\d+) article\(s\)", result.stderr).group(1))
    assert built == sum(1 for c in CASES if c["outcome"] in ("built", "warned")) + 2 + 1  # + dump pages


def test_a_nul_byte_after_the_first_8_kb_loses_nothing_silently(tmp_path):
    """mwparserfromhell stops at a NUL: the seed with one at byte 9,000 built 31 statements of 55 with
    exit 0 and no errors.jsonl. A NUL anywhere is now refused with its position, alone or in a batch."""
    seed = (Path(__file__).resolve().parent.parent / "seeds" / "sensetime.wikitext").read_bytes()
    assert len(seed) > 9_000
    bad = tmp_path / "in" / "SenseTime.wikitext"
    bad.parent.mkdir()
    bad.write_bytes(seed[:9_000] + b"\x00" + seed[9_000:])
    out = tmp_path / "out" / "graph.nq"
    result = build(bad, "-o", out)
    assert result.exit_code == 1 and not out.exists()
    assert result.stderr.strip().splitlines() == [
        f"wikikg: error: {bad}: NUL byte at byte 9000 (a damaged file?): nothing after it could be read; "
        "remove NUL bytes (tr -d '\\000' < FILE > CLEAN) if the rest is text"]
    (tmp_path / "in" / "Seed.wikitext").write_bytes(seed)
    result = build(tmp_path / "in", "-o", out)  # in a batch: skipped, in errors.jsonl, exit 3
    assert result.exit_code == 3 and any("NUL byte at byte 9000" in r["reason"] for r in records(out))
