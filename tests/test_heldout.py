"""Held-out evaluation: reconstructed company articles scored against their hand gold (regression guard)."""
from __future__ import annotations

from pathlib import Path

import pytest

from wikikg.evaluate import load_gold, score
from wikikg.export import union
from wikikg.pipeline import build

HELDOUT = Path(__file__).parent / "heldout"
CORPUS_GOLD = {  # corpus article -> gold; the shipped corpus lives beside the repository
    "Toronto_Star.wikitext": "toronto_star.tsv",
    "Arts_Club_of_Chicago.wikitext": "arts_club_of_chicago.tsv",
    "Angolan_Armed_Forces.wikitext": "angolan_armed_forces.tsv",
}
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _micro(pairs):
    tp = fp = fn = 0
    for article, gold in pairs:
        report = score(union(build([str(article)]).dataset), load_gold(gold))
        tp, fp, fn = tp + report.core.tp, fp + report.core.fp, fn + report.core.fn
    return tp / (tp + fp), tp / (tp + fn)


def test_heldout_company_articles():
    pairs = [(p, p.with_suffix(".tsv")) for p in sorted(HELDOUT.glob("*.wikitext"))]
    assert len(pairs) >= 8
    precision, recall = _micro(pairs)
    assert precision >= 0.9, precision
    assert recall >= 0.65, recall


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the development corpus is not beside the repository")
def test_corpus_organisation_articles():
    pairs = [(CORPUS / a, Path(__file__).parent / "gold" / g) for a, g in CORPUS_GOLD.items()]
    precision, recall = _micro(pairs)
    assert precision >= 0.9, precision
    assert recall >= 0.8, recall
