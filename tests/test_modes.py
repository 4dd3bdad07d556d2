"""Output files respect the umask: build, export and view run under a real umask in a shell."""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "sensetime.wikitext"
WIKIKG = shutil.which("wikikg", path=str(Path(os.sys.executable).parent)) or "wikikg"


def _run(umask: str, cmd: str, cwd: Path) -> None:
    done = subprocess.run(["sh", "-c", f"umask {umask} && {cmd}"], cwd=cwd, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr


def _modes(paths) -> dict[str, int]:
    return {p.name: stat.S_IMODE(p.stat().st_mode) for p in paths}


@pytest.mark.parametrize(("umask", "mode"), [("022", 0o644), ("077", 0o600), ("002", 0o664)])
def test_build_export_view_files_follow_the_umask(tmp_path, umask, mode):
    _run(umask, f"{WIKIKG} build {SEED} -o out/", tmp_path)
    _run(umask, f"{WIKIKG} build {SEED} -o streamed.nq", tmp_path)
    _run(umask, f"{WIKIKG} export --graph out/graph.ttl -o g.ftm.json", tmp_path)
    _run(umask, f"{WIKIKG} export --graph out/graph.ttl -o g.gexf", tmp_path)
    _run(umask, f"{WIKIKG} view out/graph.ttl -o g.html", tmp_path)
    files = [*sorted((tmp_path / "out").iterdir()), tmp_path / "streamed.nq", tmp_path / "g.ftm.json",
             tmp_path / "g.gexf", tmp_path / "g.html"]
    assert _modes(files) == {p.name: mode for p in files}
