"""Tests for packaging: the wheel holds every module and data file, and pyproject lists every package."""
from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "wikikg"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def source_packages() -> set[str]:
    """Every package folder under src/ (one with an __init__.py), plus ontology/ as wikikg.kb.data."""
    found = {"wikikg." + ".".join(p.parent.relative_to(PACKAGE).parts) if p.parent != PACKAGE else "wikikg"
             for p in PACKAGE.rglob("__init__.py") if "__pycache__" not in p.parts}
    return found | {"wikikg.kb.data"}


def test_pyproject_lists_every_package_of_the_source_tree():
    assert set(PYPROJECT["tool"]["setuptools"]["packages"]) == source_packages()


def test_the_ontology_folder_is_the_data_package():
    assert PYPROJECT["tool"]["setuptools"]["package-dir"]["wikikg.kb.data"] == "ontology"
    from wikikg.kb.ontology import ontology_dir

    assert (ontology_dir() / "wikikg.ttl").is_file() and (ontology_dir() / "relations.toml").is_file()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(ROOT),
                    "-w", str(out)], check=True, capture_output=True)
    (whl,) = out.glob("wikikg-*.whl")
    return zipfile.ZipFile(whl)


def test_the_wheel_holds_every_module_and_data_file(wheel):
    names = set(wheel.namelist())
    expected = {f"wikikg/{p.relative_to(PACKAGE).as_posix()}" for p in PACKAGE.rglob("*")
                if p.is_file() and "__pycache__" not in p.parts}
    expected |= {f"wikikg/kb/data/{p.name}" for p in (ROOT / "ontology").iterdir() if p.is_file()}
    missing = sorted(expected - names)
    assert not missing, f"not in the wheel (add them to [tool.setuptools.package-data]): {missing}"


def test_the_wheel_declares_the_console_script(wheel):
    entry = next(n for n in wheel.namelist() if n.endswith("entry_points.txt"))
    assert "wikikg = wikikg.cli:main" in wheel.read(entry).decode()
