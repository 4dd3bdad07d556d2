"""Shared fixtures: the graph a build of one article written to a file makes; the sample dump built once. Under
pytest-xdist (`-n auto --dist loadgroup`) the tests that share a costly or writing fixture run on one worker."""
from __future__ import annotations

from pathlib import Path

import pytest

from wikikg.formats.writers import union
from wikikg.pipeline.stages import build

SAMPLE_DUMP = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "enwiki-2016-sample-206-pages.xml.bz2"


@pytest.fixture(scope="session")
def article_graph(tmp_path_factory):
    """A function: (file stem, wikitext) -> the union graph of a build of that one article."""
    def make(stem: str, text: str):
        path = tmp_path_factory.mktemp("article") / f"{stem}.wikitext"
        path.write_text(text, encoding="utf-8")
        return union(build([str(path)]).dataset)
    return make


@pytest.fixture(scope="session")
def sample_dump_build():
    """The build of the shared corpus's sample dump, made once for every test that reads it (read only)."""
    if not SAMPLE_DUMP.exists():
        pytest.skip("the shared corpus is not beside the repository")
    return build([str(SAMPLE_DUMP)])


# fixture -> xdist group: the sample dump's build is made once; graphology's `npm ci` into tests/js is run by one process
GROUPS = {"sample_dump_build": "sample_dump", "graphology_reader": "graphology"}


def pytest_collection_modifyitems(items):
    """A test that needs one of GROUPS' fixtures (directly or through another fixture) joins its xdist group."""
    for item in items:
        for fixture, group in GROUPS.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(pytest.mark.xdist_group(group))
