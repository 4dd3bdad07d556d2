"""sparql/results.py table cells: wrapped and prefixed as textwrap and the longest-namespace rule did."""
from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from wikikg.sparql.results import PREFIXES, _wrap, compact

WORDS = st.text(alphabet=st.sampled_from("ab-é.\u00a0/\t\n  x"), min_size=0, max_size=90)


@settings(max_examples=400, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=30))
def test_wrap_is_textwraps(pieces):
    part = " ".join(" ".join(pieces).split())  # as _cell gives it: words joined by single spaces
    if not part:
        return
    assert _wrap(part) == textwrap.wrap(part, 60, break_long_words=False, break_on_hyphens=False)


def test_wrap_edges():
    for part in ("a" * 59 + " b", "a" * 60 + " b", "a" * 58 + " b c", "a" * 61, "x " + "a" * 70 + " y", "a " * 40):
        part = " ".join(part.split())
        assert _wrap(part) == textwrap.wrap(part, 60, break_long_words=False, break_on_hyphens=False)


def _compact_by_max(iri: str) -> str:
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return iri
    prefix = next(p for p, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


def test_compact_takes_the_longest_namespace():
    iris = [ns + "X" for ns in PREFIXES.values()] + [ns for ns in PREFIXES.values()]
    iris += ["http://example.org/x", "https://w3id.org/wikikg/other", "", "http://www.w3.org/ns/prov#a#b"]
    for iri in iris:
        assert compact(iri) == _compact_by_max(iri)
