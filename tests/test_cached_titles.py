"""The link-title tests asked of every link by several passes are cached, and the cache answers as the function does."""
from __future__ import annotations

from pathlib import Path

import pytest

from wikikg.extract.classify import is_concept_title, split_title
from wikikg.extract.nonentities import is_work_qualifier
from wikikg.extract.officelinks import is_rank
from wikikg.model import Article
from wikikg.parse import parse_article

ROOT = Path(__file__).resolve().parents[1]
MADE_UP = ["Foo Corp", "Jane Roe (born 1950)", "Colonel (Foo Army)", "Major General (Freedonia)", "Queen (band)",
           "Privately held company", "Government-owned corporation", "Roe ministry (1976–78)", "Foo (1945 film)",
           "Bar (Jane Roe song)", "Fooville railway station", "Foo Tech Owls football", " Foo ", "(Foo)", "", "Foo ()"]


def _titles() -> list[str]:
    """Every link target and qualifier of the seed and the held-out articles, and made-up ones."""
    out = list(MADE_UP)
    for path in [ROOT / "seeds" / "sensetime.wikitext", *sorted((ROOT / "tests" / "heldout").glob("*.wikitext"))]:
        parsed = parse_article(Article(path.stem, path.read_text("utf-8"), path.name))
        out += [link.target for s in parsed.sentences for link in s.links]
    return list(dict.fromkeys(out))


@pytest.mark.parametrize("fn", [split_title, is_concept_title, is_rank])
def test_cached_title_tests_answer_as_the_function(fn):
    titles = _titles()
    assert fn.cache_info() is not None  # cached: asked again of each link by several passes
    for t in titles + titles:  # the second time from the cache
        assert fn(t) == fn.__wrapped__(t), t


def test_cached_qualifier_test_answers_as_the_function():
    quals = [None, ""] + [q for t in _titles() if (q := split_title(t)[1]) is not None]
    assert is_work_qualifier.cache_info() is not None
    for q in quals + quals:
        assert is_work_qualifier(q) == is_work_qualifier.__wrapped__(q), q
