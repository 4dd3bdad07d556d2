"""formats/aligned.py split_line: a literal's end found by one expression, as the character scan found it."""
from __future__ import annotations

from pathlib import Path

import pytest

from wikikg.formats.aligned import split_line

ROOT = Path(__file__).resolve().parents[1]


def _scan(line: str):
    """split_line as it was: the literal's closing quote found one character at a time."""
    s_end = line.find(" ")
    p_end = line.find(" ", s_end + 1)
    if s_end < 0 or p_end < 0:
        return None
    i = p_end + 1
    if line.startswith("<", i):
        o_end = line.find(">", i) + 1
    elif line.startswith('"', i):
        j = i + 1
        while j < len(line) and line[j] != '"':
            j += 2 if line[j] == "\\" else 1
        o_end = line.find(" ", j)
    else:
        o_end = line.find(" ", i)
    if o_end <= i:
        return None
    return line[:s_end], line[s_end + 1:p_end], line[i:o_end], line[o_end:]


LINES = [
    '<s> <p> "plain" <g> .\n',
    '<s> <p> "a \\"quoted\\" word"@en <g> .\n',
    '<s> <p> "ends in a backslash \\\\" <g> .\n',
    '<s> <p> "three \\\\\\" then more" .\n',
    '<s> <p> "2020-01-01"^^<http://www.w3.org/2001/XMLSchema#date> <g> .\n',
    '<s> <p> "unterminated \\" <g> .\n',
    '<s> <p> "unterminated\n',
    '<s> <p> "a \\\n" .\n',
    '<s> <p> "" .\n',
    '<s> <p> _:b0 <g> .\n',
    '<s> <p> <o> .\n',
    "<s> <p>\n",
    "",
]


@pytest.mark.parametrize("line", LINES)
def test_as_the_scan_split_it(line):
    assert split_line(line) == _scan(line)


def test_a_built_seed_splits_as_before(tmp_path):
    from wikikg.pipeline.shards import build_stream

    out = tmp_path / "seed.nq"
    build_stream([str(ROOT / "seeds/sensetime.wikitext")], out)
    lines = out.read_text("utf-8").splitlines(keepends=True)
    assert lines and all(split_line(x) == _scan(x) for x in lines)
