"""Entities and aliases a previous graph knows, found by name in new articles (`build --gazetteer`)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from wikikg.errors import GazetteerError
from wikikg.kb.ontology import NAME_PREFIX, RES, WKG
from wikikg.model import Mention

_WORD = re.compile(r"[^\W\d_][\w'’&-]*")
_SKIP = re.compile(r"^(?:fact|evidence|citation|article)/")
_NODE_TYPES = {"Statement"}
_QUERY = """
SELECT DISTINCT ?e ?name ?main ?type WHERE {
  { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?name BIND(true AS ?main) }
  UNION { ?e <http://www.w3.org/2004/02/skos/core#altLabel> ?name BIND(false AS ?main) }
  ?e a ?type
}"""


@dataclass
class Gazetteer:
    """Known names -> the entity they name, indexed by first word so lookup cost follows the text."""

    entities: dict[str, Mention] = field(default_factory=dict)  # name -> mention template
    by_word: dict[str, list[str]] = field(default_factory=dict)  # first word -> names, longest first

    def add(self, name: str, m: Mention) -> None:
        """Index `name` for the entity `m` (a name given to two entities is dropped as ambiguous)."""
        name = " ".join(name.split())
        if len(name) < 3 or not any(c.isupper() for c in name):
            return
        if name in self.entities:
            if self.entities[name].key != m.key:
                self.entities[name] = _AMBIGUOUS
            return
        self.entities[name] = m
        first = _WORD.match(name)
        if first:
            self.by_word.setdefault(first.group(), []).append(name)

    def __len__(self) -> int:
        return sum(1 for m in self.entities.values() if m.key)

    def find(self, text: str) -> list[tuple[str, Mention]]:
        """(name, mention) for every known name that occurs in `text` as whole words."""
        words = set(_WORD.findall(text))
        out = []
        for word in sorted(words & self.by_word.keys()):
            for name in self.by_word[word]:
                m = self.entities[name]
                if m.key and _whole_word(text, name):
                    out.append((name, m))
        return out


def _whole_word(text: str, name: str) -> bool:
    """Whether `name` occurs in `text` with no word character just before or after it."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum() and text[at - 1] != "_") \
                and (end == len(text) or not text[end].isalnum() and text[end] != "_"):
            return True
        at = text.find(name, at + 1)
    return False


_AMBIGUOUS = Mention("", "", False)  # a name of two entities (no key: survives pickling to workers)


def _mention(iri: str, label: str, types: set[str]) -> Mention | None:
    local = iri[len(str(RES)):]
    if not iri.startswith(str(RES)) or _SKIP.match(local) or types & _NODE_TYPES:
        return None
    linked = not local.startswith(NAME_PREFIX)
    key = unquote(local).replace("_", " ") if linked else label
    return Mention(label, key, linked, frozenset(types), strength=3)


def _rows(path: Path):
    """(entity IRI, name, is it the label, class IRI) from a graph file or an Oxigraph store dir."""
    from wikikg.sparql.store import StoreError, load_file, open_store

    try:
        store = open_store(path) if path.is_dir() else load_file(path)
    except StoreError as e:
        raise GazetteerError(str(e)) from None
    for row in store.query(_QUERY, use_default_graph_as_union=True):
        yield row["e"].value, row["name"].value, row["main"].value == "true", row["type"].value


def load_gazetteer(path: str | Path) -> Gazetteer:
    """The named entities of a graph file (any format we write) or of a store directory."""
    path = Path(path)
    if not path.exists():
        raise GazetteerError(f"{path}: no such gazetteer graph or store")
    names: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    types: dict[str, set[str]] = {}
    for iri, name, main, t in _rows(path):
        names.setdefault(iri, set()).add(name)
        if main:
            labels[iri] = min(labels.get(iri, name), name)
        if t.startswith(str(WKG)):
            types.setdefault(iri, set()).add(t[len(str(WKG)):])
    gaz = Gazetteer()
    for iri in sorted(names):
        label = labels.get(iri) or min(names[iri], key=lambda n: (-len(n), n))
        m = _mention(iri, label, types.get(iri, set()))
        if m is None or not m.types:
            continue
        for name in sorted(names[iri], key=lambda n: (-len(n), n)):
            gaz.add(name, m)
    for word in gaz.by_word:
        gaz.by_word[word].sort(key=lambda n: (-len(n), n))
    return gaz
