"""Output files respect the umask: build, export and view run under a real umask in a shell."""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

WIKIKG = shutil.which("wikikg", path=str(Path(os.sys.executable).parent)) or "wikikg"
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
    _run(umask, f"{WIKIKG} build Foo_Media.wikitext -o out/ && {WIKIKG} build Foo_Media.wikitext -o streamed.nq"
                f" && {WIKIKG} export --graph out/graph.ttl -o g.ftm.json"
                f" && {WIKIKG} export --graph out/graph.ttl -o g.gexf && {WIKIKG} view out/graph.ttl -o g.html",
         tmp_path)
    files = [*sorted((tmp_path / "out").iterdir()), tmp_path / "streamed.nq", tmp_path / "g.ftm.json",
             tmp_path / "g.gexf", tmp_path / "g.html"]
    assert _modes(files) == {p.name: mode for p in files}
