"""Output files respect the umask: build, export and view run under a real umask in a shell (one process)."""
from __future__ import annotations

import shlex
import stat
import subprocess
import sys
from pathlib import Path

import pytest

# the commands run one after another in one interpreter (the CLI's start-up once, not five times); each
# must exit 0, as `wikikg ARGS` would
DRIVER = ("import sys\nfrom wikikg.cli import main\nfor line in sys.argv[1:]:\n    try:\n"
          "        main(line.split(), prog_name='wikikg')\n    except SystemExit as done:\n"
          "        if done.code:\n            raise\n")
ARTICLE = ("'''Foo Media''' is a company founded by [[Jane Roe]] in 2010. In 2012 it partnered with "
           "[[Bar Holdings]].<ref>{{cite web |url=https://example.org/a |title=A story}}</ref>\n")


def _run(umask: str, cmd: str, cwd: Path) -> None:
    done = subprocess.run(["sh", "-c", f"umask {umask} && {cmd}"], cwd=cwd, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr


def _modes(paths) -> dict[str, int]:
    return {p.name: stat.S_IMODE(p.stat().st_mode) for p in paths}


@pytest.mark.parametrize(("umask", "mode"), [("077", 0o600), ("002", 0o664)])  # neither is the usual 022
def test_build_export_view_files_follow_the_umask(tmp_path, umask, mode):
    (tmp_path / "Foo_Media.wikitext").write_text(ARTICLE, "utf-8")
    commands = ["build Foo_Media.wikitext -o out/", "build Foo_Media.wikitext -o streamed.nq",
                "export --graph out/graph.ttl -o g.ftm.json", "export --graph out/graph.ttl -o g.gexf",
                "view out/graph.ttl -o g.html"]
    _run(umask, shlex.join([sys.executable, "-c", DRIVER, *commands]), tmp_path)
    files = [*sorted((tmp_path / "out").iterdir()), tmp_path / "streamed.nq", tmp_path / "g.ftm.json",
             tmp_path / "g.gexf", tmp_path / "g.html"]
    assert _modes(files) == {p.name: mode for p in files}
