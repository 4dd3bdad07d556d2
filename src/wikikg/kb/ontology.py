"""Namespaces, the ontology files on disk, and IRI minting for entities and statements."""
from __future__ import annotations

import hashlib
import re
from functools import cache, lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from urllib.parse import quote

from rdflib import Graph, Namespace
from rdflib.namespace import OWL, RDF

from wikikg.kb.tablestore import stored_table

WKG = Namespace("https://w3id.org/wikikg/ontology#")
RES = Namespace("https://w3id.org/wikikg/resource/")
SCHEMA = Namespace("http://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
DBR = Namespace("http://dbpedia.org/resource/")
WIKI = "https://en.wikipedia.org/wiki/"
# Unlinked names live under a lower-case path segment: a canonical title always starts upper-case
# (or with a non-letter), so these IRIs can never collide with a Wikipedia title's IRI.
NAME_PREFIX = "name/"
FACT_PREFIX = "fact/"
EVIDENCE_PREFIX = "evidence/"
CITATION_PREFIX = "citation/"

# Characters kept as they are in DBpedia-style IRIs; everything else is percent-encoded.
_SAFE = "!$&'()*+,;=:@/-._~"


def ontology_dir() -> Traversable:
    """The ontology/ folder (wikikg.ttl, shapes.ttl, rules and mappings), shipped as wikikg.kb.data."""
    return files("wikikg.kb.data")


@stored_table
def ontology_graph() -> Graph:
    """The OWL ontology as an rdflib Graph."""
    g = Graph()
    g.parse(ontology_dir() / "wikikg.ttl", format="turtle")
    return g


@cache
def declared_terms() -> frozenset[str]:
    """Local names of every class and property the ontology declares."""
    g = ontology_graph()
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.SymmetricProperty,
             OWL.AnnotationProperty, RDF.Property)
    names = set()
    for kind in kinds:
        for s in g.subjects(RDF.type, kind):
            if str(s).startswith(str(WKG)):
                names.add(str(s)[len(str(WKG)):])
    return frozenset(names)


@lru_cache(maxsize=1 << 16)  # an article's subject and linked names recur in each fact and entity written
def title_path(title: str) -> str:
    """A canonical title in DBpedia style: spaces as underscores, IRI-safe escaping."""
    return quote(title.replace(" ", "_"), safe=_SAFE)


# DBpedia spells a resource as an IRI (its extraction framework's WikiUtil.wikiEncode and the IRI checks
# of its releases): spaces as underscores, non-ASCII letters as they are, only these ASCII characters
# percent-encoded (and any character an IRI cannot hold).
_DBPEDIA_ESCAPED = frozenset('"#%<>?[\\]^`{|}')


def _iri_char(c: str) -> bool:
    """Whether an IRI path may hold `c` as it is (RFC 3987 ipchar: unreserved ASCII, sub-delims, ':',
    '@', '/', or a ucschar)."""
    o = ord(c)
    if o < 0x80:
        return 0x20 < o < 0x7F and c not in _DBPEDIA_ESCAPED
    return (0xA0 <= o <= 0xD7FF or 0xF900 <= o <= 0xFDCF or 0xFDF0 <= o <= 0xFFEF
            or (0x10000 <= o <= 0xDFFFD and (o & 0xFFFF) < 0xFFFE) or 0xE1000 <= o <= 0xEFFFD)


@lru_cache(maxsize=1 << 16)
def dbpedia_iri(title: str) -> str:
    """The DBpedia resource IRI of a canonical English Wikipedia title, spelled as DBpedia spells it:
    'Zürich' -> http://dbpedia.org/resource/Zürich, 'C++' -> …/C++, 'What?' -> …/What%3F."""
    path = title.replace(" ", "_")
    if not all(map(_iri_char, path)):
        path = "".join(c if _iri_char(c) else quote(c, safe="") for c in path)
    return str(DBR) + path


def entity_iri(key: str, linked: bool) -> str:
    """The IRI of an entity: its Wikipedia title, or a name IRI for unlinked names."""
    if linked:
        return str(RES) + title_path(key)
    name = re.sub(r"\s+", " ", key).strip()
    return str(RES) + NAME_PREFIX + title_path(name)


def hashed_iri(prefix: str, *parts: str) -> str:
    """A stable IRI from the content it names, so reruns and merges give the same IRI."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]
    return f"{RES}{prefix}{digest}"

