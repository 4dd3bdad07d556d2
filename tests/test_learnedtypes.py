"""extract/learnedtypes.py and typefeatures.py: the shipped model loads, decides hand-written cases, sees no other name."""
import sys
import tomllib
from pathlib import Path

import pytest

from wikikg.extract import learnedtypes
from wikikg.extract.mentions import find_mentions
from wikikg.extract.registry import Extraction, run_extractors
from wikikg.extract.typefeatures import mention_features
from wikikg.kb.linear import load_model
from wikikg.model import Article
from wikikg.parse import parse_article
from wikikg.pipeline.stages import subject_of

CASES = tomllib.loads((Path(__file__).parent / "cases" / "learnedtypes.toml").read_text("utf-8"))["case"]


def _mentions(wikitext: str):
    parsed = parse_article(Article("Foo Bar", wikitext, "case"))
    work = Extraction(parsed, subject_of(parsed), ())
    run_extractors(work)
    for sentence in parsed.sentences:
        found = find_mentions(sentence, work.context)
        yield sentence, found, work.context


def test_the_shipped_model_loads_and_says_how_it_was_trained():
    model = load_model(learnedtypes.MODEL)
    assert model.classes[0] == "none" and {"Person", "Place", "Organization"} <= set(model.classes)
    assert set(model.thresholds) == set(model.classes[1:])


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_cases(case):
    for sentence, found, ctx in _mentions(case["wikitext"]):
        typed = learnedtypes.learned_types(found, sentence, ctx.subject.key)
        for m, t in zip(found, typed, strict=True):
            if m.text == case["mention"]:
                assert learnedtypes.is_candidate(m, ctx.subject.key)
                assert (min(t.types) if t.types else "none") == case["expected"]
                return
    pytest.fail(f"no mention {case['mention']!r}")


def test_a_typed_mention_is_never_retyped():
    for sentence, found, ctx in _mentions("'''Foo Bar''' is a company.\n\nIt hired [[Jane Roe]] in [[Freedonia]].\n"):
        typed = learnedtypes.learned_types(found, sentence, ctx.subject.key)
        assert [m.types for m in typed if m.types] == [m.types for m in found if m.types]


def test_no_other_mention_name_and_no_title_in_the_features():
    text = "'''Foo Bar''' is a company.\n\nIn 1990 Jane Roe of [[Quux Widgets]] met [[Bazton Hall]] staff.\n"
    for sentence, found, _ in _mentions(text):
        for i, m in enumerate(found):
            if m.key.startswith("Bazton"):
                features = mention_features(found, i, sentence)
                words = " ".join(features).lower()
                assert not any(n in words for n in ("jane", "roe", "quux", "widgets", "foo", "bar:")), features
                assert any(f.startswith("b1:") for f in features) and "w:bazton" in features


def test_training_keeps_no_feature_of_fewer_than_three_articles():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from train_types import MIN_ARTICLES, pruned
    data = {"A": [(["w:roe", "w:hall"], "Place", "Roe Hall")], "B": [(["w:hall"], "Place", "X Hall")],
            "C": [(["w:hall", "w:roe"], "Place", "Roe Hall")]}
    assert MIN_ARTICLES >= 3
    kept = pruned(data, ["A", "B", "C"])
    assert all(fs == ["w:hall"] for fs, _ in kept)
