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
DUMP = CORPUS / "enwiki-2016-sample-206-pages.xml.bz2"
SETS = {
    "seed": [ROOT / "seeds" / "sensetime.wikitext"],
    "blind dev": sorted((ROOT / "tests" / "blind" / "dev").glob("*.wikitext")),
    "blind test": sorted((ROOT / "tests" / "blind" / "test").glob("*.wikitext")),
    "held-out and corpus": sorted((ROOT / "tests" / "heldout").glob("*.wikitext")) + sorted(CORPUS.glob("*.wikitext")),
    "sample dump": [DUMP],
}


@pytest.mark.parametrize("name", list(SETS))
def test_build_conforms_to_the_shapes(name, request):
    inputs = [p for p in SETS[name] if p.exists()]
    if not inputs:
        pytest.skip(f"{name}: inputs not present")
    # the sample dump's build is shared with the view's tests (conftest.py); union() makes a fresh graph
    result = request.getfixturevalue("sample_dump_build") if name == "sample dump" else build([str(p) for p in inputs])
    graph = union(result.dataset)
    assert len(graph) > 100
    conforms, _, text = validate(graph, shacl_graph=Graph().parse(ontology_dir() / "shapes.ttl"))
    assert conforms, text[:4000]
