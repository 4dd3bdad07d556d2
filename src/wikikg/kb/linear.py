"""Linear models kept as data in ontology/ (*.model.json): a closed schema, and class probabilities of a feature set."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache

from wikikg.errors import RuleError
from wikikg.kb.ontology import ontology_dir

__all__ = ["FORMAT", "LinearModel", "load_model", "read_model"]

FORMAT = "wikikg-linear-1"
# The keys of a model file; every one is required and no other is allowed (a closed schema, like the TOML files').
_KEYS = {
    "format": str,  # FORMAT
    "about": str,  # what the model decides, in one sentence
    "trained": dict,  # how it was made: the script, the data (split, articles, examples), its settings, its scores
    "classes": list,  # class names; "none" first: no decision
    "thresholds": dict,  # class -> the least probability at which the class is decided
    "bias": list,  # one number per class
    "weights": dict,  # feature -> one number per class (binary features: present or not)
}


@dataclass(frozen=True)
class LinearModel:
    """A multinomial logistic regression over binary features: `classes[0]` is "none"; `decide` gives the most
    probable other class when its probability reaches that class's threshold."""

    name: str
    classes: tuple[str, ...]
    thresholds: dict[str, float]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def probabilities(self, features) -> dict[str, float]:
        """Each class's probability given the features present (features the model does not know are ignored)."""
        scores = list(self.bias)
        for f in sorted(set(features)):  # in one order: the same sums to the last bit in every process
            w = self.weights.get(f)
            if w is not None:
                scores = [s + x for s, x in zip(scores, w, strict=True)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def decide(self, features) -> tuple[str, float] | None:
        """The class decided and its probability, or None ("none" is most probable, or the best class is below
        its threshold)."""
        probs = self.probabilities(features)
        cls = max(self.classes, key=lambda c: (probs[c], c))
        if cls == self.classes[0] or probs[cls] < self.thresholds.get(cls, 1.0):
            return None
        return cls, probs[cls]


def _check(name: str, data: object) -> None:
    where = f"ontology/{name}.model.json"
    if not isinstance(data, dict):
        raise RuleError(f"{where}: the file must hold one JSON object; retrain it with its script (see 'trained')")
    unknown = sorted(set(data) - set(_KEYS))
    missing = sorted(set(_KEYS) - set(data))
    if unknown or missing:
        raise RuleError(f"{where}: unknown keys {unknown} / missing keys {missing}; a model file has exactly "
                        f"{sorted(_KEYS)}")
    for key, kind in _KEYS.items():
        if not isinstance(data[key], kind):
            raise RuleError(f"{where}: '{key}' must be a JSON {kind.__name__}")
    if data["format"] != FORMAT:
        raise RuleError(f"{where}: format '{data['format']}' is not '{FORMAT}'; retrain it with this version's script")
    n = len(data["classes"])
    if not n or data["classes"][0] != "none" or len(data["bias"]) != n:
        raise RuleError(f"{where}: 'classes' must start with \"none\" and 'bias' have one number per class")
    bad = next((f for f, w in data["weights"].items() if not isinstance(w, list) or len(w) != n), None)
    if bad is not None:
        raise RuleError(f"{where}: the weights of feature {bad!r} must be a list of {n} numbers, one per class")
    stray = sorted(set(data["thresholds"]) - set(data["classes"][1:]))
    if stray:
        raise RuleError(f"{where}: thresholds for unknown classes {stray}")


@cache
def load_model(name: str) -> LinearModel:
    """The model of ontology/NAME.model.json, checked against the closed schema (a RuleError says what is wrong)."""
    return read_model(ontology_dir() / f"{name}.model.json", name)


def read_model(path, name: str) -> LinearModel:
    """The model in the file `path` (a Path or Traversable) named NAME in messages, checked against the schema."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RuleError(f"ontology/{name}.model.json is missing; make it with the script that trains it") from None
    except json.JSONDecodeError as e:
        raise RuleError(f"ontology/{name}.model.json is not JSON ({e}); retrain it with its script") from None
    _check(name, data)
    return LinearModel(name, tuple(data["classes"]), {k: float(v) for k, v in data["thresholds"].items()},
                       tuple(float(x) for x in data["bias"]),
                       {f: tuple(float(x) for x in w) for f, w in data["weights"].items()})
