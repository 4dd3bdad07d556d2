"""Trains a linear model (kb/linear.py) with scikit-learn and writes it as ontology/NAME.model.json, deterministically."""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fit(examples: Iterable[tuple[Iterable[str], str]], classes: list[str], *, c: float = 1.0,
        min_count: int = 2, prune: float = 1e-3) -> tuple[list[float], dict[str, list[float]]]:
    """Bias and per-feature weights of a multinomial logistic regression (L2, lbfgs) over binary features.
    `classes[0]` must be "none"; features seen in fewer than `min_count` examples are dropped, and weights whose
    largest magnitude is under `prune` are left out of the model. Needs scikit-learn (`pip install .[train]`)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [(sorted(set(fs)), label) for fs, label in examples]
    counts: dict[str, int] = {}
    for fs, _ in rows:
        for f in fs:
            counts[f] = counts.get(f, 0) + 1
    keep = {f for f, n in counts.items() if n >= min_count}
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([{f: 1 for f in fs if f in keep} for fs, _ in rows])
    y = [classes.index(label) for _, label in rows]
    model = LogisticRegression(C=c, max_iter=2000, solver="lbfgs")
    model.fit(x, y)
    seen = list(model.classes_)
    coef, intercept = model.coef_, model.intercept_
    if len(seen) == 2:  # scikit-learn keeps one row for two classes: the second's logit against the first's 0
        coef, intercept = [[0.0] * coef.shape[1], list(coef[0])], [0.0, float(intercept[0])]
    bias = [round(float(intercept[seen.index(i)]), 4) if i in seen else -20.0 for i in range(len(classes))]
    weights: dict[str, list[float]] = {}
    for j, name in enumerate(vec.get_feature_names_out()):
        w = [round(float(coef[seen.index(i)][j]), 4) if i in seen else 0.0 for i in range(len(classes))]
        if max(abs(v) for v in w) >= prune:
            weights[str(name)] = w
    return bias, weights


def write_model(name: str, about: str, trained: dict, classes: list[str], thresholds: dict[str, float],
                bias: list[float], weights: dict[str, list[float]], root: Path = ROOT) -> Path:
    """ontology/NAME.model.json with sorted keys, one feature a line: the same model gives the same bytes."""
    data = {"format": "wikikg-linear-1", "about": about, "trained": trained, "classes": classes,
            "thresholds": {k: round(v, 4) for k, v in sorted(thresholds.items())}, "bias": bias,
            "weights": dict(sorted(weights.items()))}
    head = json.dumps({k: v for k, v in data.items() if k != "weights"}, indent=1, sort_keys=True, ensure_ascii=False)
    lines = [f" {json.dumps(f, ensure_ascii=False)}: {json.dumps(w)}" for f, w in data["weights"].items()]
    text = head[:-2] + ',\n "weights": {\n' + ",\n".join(lines) + "\n }\n}\n"
    json.loads(text)  # well-formed
    path = root / "ontology" / f"{name}.model.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path
