"""kb/linear.py: a model file's closed schema, and the probabilities and decisions of a linear model."""
import json

import pytest

from wikikg.errors import RuleError
from wikikg.kb.linear import FORMAT, read_model

GOOD = {"format": FORMAT, "about": "a test model", "trained": {"script": "none"}, "classes": ["none", "yes", "no"],
        "thresholds": {"yes": 0.6, "no": 0.9}, "bias": [1.0, 0.0, 0.0],
        "weights": {"w:member": [0.0, 3.0, 0.0], "w:not": [0.0, -2.0, 2.5]}}


def _model(tmp_path, data):
    path = tmp_path / "t.model.json"
    path.write_text(json.dumps(data))
    return read_model(path, "t")


def test_probabilities_sum_to_one_and_follow_the_weights(tmp_path):
    m = _model(tmp_path, GOOD)
    p = m.probabilities(["w:member", "w:unknown"])
    assert abs(sum(p.values()) - 1) < 1e-9
    assert p["yes"] > p["none"] > p["no"]
    assert m.probabilities([]) == m.probabilities(["w:unknown"])  # unknown features are ignored


CASES = [  # (features, decision)
    (["w:member"], "yes"),  # 0.87 >= 0.6
    ([], None),  # "none" most probable
    (["w:not", "w:member"], None),  # "no" most probable at 0.69, below its 0.9
]


@pytest.mark.parametrize("features,decision", CASES)
def test_decide_needs_the_class_threshold(tmp_path, features, decision):
    got = _model(tmp_path, GOOD).decide(features)
    assert (got and got[0]) == decision


BROKEN = [  # (change, words of the message)
    ({"extra": 1}, "unknown keys ['extra']"),
    ({"format": "old"}, "retrain"),
    ({"classes": ["yes", "none", "no"]}, 'start with "none"'),
    ({"weights": {"w:x": [1.0]}}, "'w:x' must be a list of 3 numbers"),
    ({"thresholds": {"maybe": 0.5}}, "unknown classes ['maybe']"),
]


@pytest.mark.parametrize("change,words", BROKEN)
def test_a_broken_file_says_what_to_fix(tmp_path, change, words):
    with pytest.raises(RuleError, match=None) as e:
        _model(tmp_path, GOOD | change)
    assert words in str(e.value)


def test_missing_keys_and_bad_json_are_rule_errors(tmp_path):
    data = {k: v for k, v in GOOD.items() if k != "bias"}
    with pytest.raises(RuleError, match="missing keys \\['bias'\\]"):
        _model(tmp_path, data)
    (tmp_path / "u.model.json").write_text("{")
    with pytest.raises(RuleError, match="not JSON"):
        read_model(tmp_path / "u.model.json", "u")
    with pytest.raises(RuleError, match="is missing"):
        read_model(tmp_path / "v.model.json", "v")


def test_training_writes_the_same_bytes_and_a_model_that_reads_back(tmp_path):
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from linear_train import fit, write_model
    (tmp_path / "ontology").mkdir()
    examples = [(["w:member", f"n:{i % 3}"], "yes") for i in range(20)] + [([f"n:{i % 3}"], "none") for i in range(40)]
    texts = []
    for _ in range(2):
        bias, weights = fit(examples, ["none", "yes"], min_count=2)
        path = write_model("t", "a test model", {"script": "test"}, ["none", "yes"], {"yes": 0.5}, bias, weights,
                           root=tmp_path)
        texts.append(path.read_bytes())
    assert texts[0] == texts[1]
    m = read_model(path, "t")
    assert m.decide(["w:member", "n:1"])[0] == "yes" and m.decide(["n:1"]) is None
