"""Every build the suite knows conforms to ontology/shapes.ttl: the seed, the blind dev and test sets, the corpus
and the sample dump (domain, range, no self-relations, provenance), validated by pyshacl."""
from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph

from wikikg.formats.writers import union
from wikikg.kb.ontology import ontology_dir
from wikikg.pipeline.stages import build

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SETS = {
    "seed": [ROOT / "seeds" / "sensetime.wikitext"],
    "blind dev": sorted((ROOT / "tests" / "blind" / "dev").glob("*.wikitext")),
    "blind test": sorted((ROOT / "tests" / "blind" / "test").glob("*.wikitext")),
    "held-out and corpus": sorted((ROOT / "tests" / "heldout").glob("*.wikitext")) + sorted(CORPUS.glob("*.wikitext")),
}


def _assert_conforms(result) -> None:
    """The union graph of a build (a fresh graph, so pyshacl validates it in place) conforms to the shapes."""
    graph = union(result.dataset)
    assert len(graph) > 100
    conforms, _, text = validate(graph, shacl_graph=Graph().parse(ontology_dir() / "shapes.ttl"), inplace=True)
    assert conforms, text[:4000]


@pytest.mark.parametrize("name", list(SETS))
def test_build_conforms_to_the_shapes(name):
    inputs = [p for p in SETS[name] if p.exists()]
    if not inputs:
        pytest.skip(f"{name}: inputs not present")
    _assert_conforms(build([str(p) for p in inputs]))


def test_sample_dump_build_conforms_to_the_shapes(sample_dump_build):
    """The sample dump's build is shared with the view's tests (conftest.py: one build, on one xdist worker)."""
    _assert_conforms(sample_dump_build)
