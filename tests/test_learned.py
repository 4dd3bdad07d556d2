"""The learned relation model: the shipped model file, its decisions on hand-written sentences, no name features."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from wikikg.extract import learned
from wikikg.extract.pairfeatures import features, pair_candidates
from wikikg.kb.linear import load_model
from wikikg.model import Article, Mention
from wikikg.pipeline.stages import extract_article

CASES = tomllib.loads((Path(__file__).parent / "cases" / "learned" / "relations.toml").read_text("utf-8"))["case"]


def _learned(title: str, text: str) -> set[str]:
    result = extract_article(Article(title, text, kind="text"))
    return {f"{st.subject.key} {st.predicate} {st.obj.key}" for st in result.statements if st.rule == learned.RULE}


def test_the_shipped_model_loads_and_says_how_it_was_trained():
    model = load_model(learned.MODEL)
    assert model.classes[0] == "none"
    assert set(model.thresholds) <= set(model.classes[1:])
    assert all(t >= 0.5 for t in model.thresholds.values())  # a class is decided only when it is the likeliest
    for cls in model.thresholds:
        predicate, _ = learned.read_class(cls)
        assert predicate in ("subsidiaryOf", "foundedBy", "headquarteredIn", "listedOn", "partneredWith", "memberOf",
                             "affiliatedWith")


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_hand_written_sentences(case):
    got = _learned(case["title"], case["text"])
    assert set(case["expected"]) <= got
    assert not set(case["absent"]) & got


def _m(text: str, start: int, types: str, key: str | None = None) -> Mention:
    return Mention(text, key or text, True, frozenset({types}), start=start, end=start + len(text), strength=3)


def test_no_word_of_a_name_is_a_feature():
    text = "Jane Roe, a Fooville native, joined the Foo Party of Barshire in 1990."
    ms = [_m("Jane Roe", 0, "Person"), _m("Fooville", 12, "Place"), _m("Foo Party", 40, "Organization"),
          _m("Barshire", 53, "Place")]
    assert [text[m.start:m.end] for m in ms] == [m.text for m in ms]
    words = {"jane", "roe", "fooville", "foo", "party", "barshire"}
    for i in range(len(ms)):
        for j in range(i + 1, len(ms)):
            fs = features(text, ms, i, j, "Jane Roe", "Career / Politics", False)
            assert not {w for f in fs for w in re.findall(r"[a-z]+", f.lower())} & words, fs
    assert {c.second.text for c in pair_candidates(text, ms, "Jane Roe", "", False) if c.first.text == "Jane Roe"} \
        == {"Fooville", "Foo Party", "Barshire"}


def test_the_model_holds_no_name():
    """Every feature's value is lower-case words, punctuation or class tags: a capitalised word (a name no mention
    held) is the shape <CAP>, so no feature of the model can be a name."""
    for f in load_model(learned.MODEL).weights:
        value = f.split("|")[-1].split("=", 1)[1] if not f.startswith("pair=") else ""
        assert not re.search(r"[A-Z]", re.sub(r"<[A-Z]+>", "", value)), f


def test_classes_read_as_predicate_and_direction():
    assert learned.read_class("memberOf>") == ("memberOf", False)
    assert learned.read_class("memberOf<") == ("memberOf", True)
    assert learned.read_class("partneredWith") == ("partneredWith", False)
