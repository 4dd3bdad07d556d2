"""Shared fixtures: the graph a build of one article written to a file makes."""
from __future__ import annotations

import pytest

from wikikg.formats.writers import union
from wikikg.pipeline.stages import build


@pytest.fixture(scope="session")
def article_graph(tmp_path_factory):
    """A function: (file stem, wikitext) -> the union graph of a build of that one article."""
    def make(stem: str, text: str):
        path = tmp_path_factory.mktemp("article") / f"{stem}.wikitext"
        path.write_text(text, encoding="utf-8")
        return union(build([str(path)]).dataset)
    return make
