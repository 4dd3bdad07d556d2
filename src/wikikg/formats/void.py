"""A build described in VoID and DCAT: its sources and revisions, licence, vocabularies and counts."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from urllib.parse import quote

from wikikg.formats.aligned import split_line
from wikikg.kb.ontology import WIKI, title_path

__all__ = ["LICENCE", "Stats", "describe", "stats_of", "void_path"]

LICENCE = "https://creativecommons.org/licenses/by-sa/4.0/"  # Wikipedia's text, and so what is read from it
_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
VOCABULARIES = ("https://w3id.org/wikikg/ontology#", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                "http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/2004/02/skos/core#",
                "http://www.w3.org/2002/07/owl#", "http://www.w3.org/ns/prov#", "http://purl.org/dc/terms/",
                "http://schema.org/", "http://xmlns.com/foaf/0.1/")
ALIGNED = ("http://dbpedia.org/ontology/", "http://www.w3.org/ns/org#", "https://schema.followthemoney.tech/#",
           "http://www.wikidata.org/prop/direct/")


@dataclass
class Stats:
    """Counts of a graph: distinct triples, subjects, entities (labelled subjects), graphs (articles),
    and distinct triples per property and instances per class."""

    triples: int = 0
    subjects: int = 0
    entities: int = 0
    graphs: set = field(default_factory=set)
    properties: Counter = field(default_factory=Counter)
    classes: Counter = field(default_factory=Counter)


def stats_of(lines: Iterable[str]) -> Stats:
    """Count a sorted N-Quads / N-Triples file's lines in one pass (a triple in several graphs counts once:
    sorted, its lines are next to each other)."""
    st, last, last_p, last_s, labelled = Stats(), None, None, None, None
    graphs, properties = st.graphs, st.properties
    for line in lines:
        parts = split_line(line)
        if parts is None:
            continue
        s, p, o, tail = parts
        tail = tail.strip()
        if tail != ".":
            graphs.add(tail[:-1].strip())
        if o == last and p == last_p and s == last_s:
            continue
        last, last_p = o, p
        st.triples += 1
        properties[p] += 1
        if s != last_s:
            st.subjects += 1
            last_s = s
        if p == _TYPE:
            st.classes[o] += 1
        elif p == _LABEL and s != labelled:
            st.entities += 1
            labelled = s
    return st


def void_path(out: Path) -> Path:
    """Where a build's description goes: DIR/void.ttl for a directory, X.void.ttl beside a file X.ext."""
    from wikikg.formats.writers import format_of

    if not out.suffix or out.is_dir():
        return out / "void.ttl"
    ext = format_of(out) or out.suffix
    return out.with_name(f"{out.name[:-len(ext)]}.void.ttl")


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


_MEDIA = {".ttl": "text/turtle", ".nt": "application/n-triples", ".nq": "application/n-quads",
          ".trig": "application/trig", ".jsonld": "application/ld+json", ".graphml": "application/graphml+xml",
          ".gexf": "application/gexf+xml", ".json": "application/json", ".jsonl": "application/json",
          ".qs": "text/plain"}


def describe(st: Stats, articles: int, inputs: list[str], outputs: list[Path], revisions: dict[str, int],
             aligned: bool = False) -> str:
    """The VoID / DCAT description of a build, as Turtle (the same bytes for the same build)."""
    try:
        made_by = f"wikikg {version('wikikg')}"
    except PackageNotFoundError:
        made_by = "wikikg"
    vocab = VOCABULARIES + (ALIGNED if aligned else ())
    out = ["@prefix void: <http://rdfs.org/ns/void#> .", "@prefix dcat: <http://www.w3.org/ns/dcat#> .",
           "@prefix dct: <http://purl.org/dc/terms/> .", "@prefix prov: <http://www.w3.org/ns/prov#> .",
           "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
           "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .", "",
           "<#build> a void:Dataset , dcat:Dataset ;",
           f"    dct:title {_lit(f'Knowledge graph of {articles} Wikipedia article(s)')}@en ;",
           "    dct:description \"Organisations, people and places, their relations, and for each fact the "
           "sentence, rule and citation it came from, read from the text of English Wikipedia articles.\"@en ;",
           f"    dct:license <{LICENCE}> ;",
           "    dct:conformsTo <https://w3id.org/wikikg/ontology> ;",
           f"    prov:wasGeneratedBy [ a prov:Activity ; rdfs:label {_lit(made_by)} ] ;",
           "    void:uriSpace \"https://w3id.org/wikikg/resource/\" ;",
           "    void:vocabulary " + " , ".join(f"<{v}>" for v in vocab) + " ;"]
    out += [f"    dct:source <#source-{i}> ;" for i in range(1, len(inputs) + 1)]
    for path in outputs:
        out.append(f"    dcat:distribution <{quote(path.name)}> ;")
    out += [f"    void:triples {st.triples} ;", f"    void:distinctSubjects {st.subjects} ;",
            f"    void:entities {st.entities} ;", f"    void:documents {articles} ;",
            f"    void:properties {len(st.properties)} ;", f"    void:classes {len(st.classes)}"]
    parts = [f"[ void:property {p} ; void:triples {n} ]" for p, n in sorted(st.properties.items())]
    parts += [f"[ void:class {c} ; void:entities {n} ]" for c, n in sorted(st.classes.items())]
    for part in parts:
        out[-1] += " ;"
        out.append(f"    void:{'propertyPartition' if 'property' in part else 'classPartition'} {part}")
    out[-1] += " ."
    for i, raw in enumerate(inputs):
        name = "standard input" if raw == "-" else Path(raw).name
        out += ["", f"<#source-{i + 1}> a prov:Entity ; rdfs:label {_lit(name)} ."]
    for path in outputs:
        media = _MEDIA.get(path.suffix.lower())
        out += ["", f"<{quote(path.name)}> a dcat:Distribution ; dct:license <{LICENCE}>"
                    + (f" ;\n    dcat:mediaType <https://www.iana.org/assignments/media-types/{media}>" if media else "")
                    + " ."]
    for title, rev in sorted(revisions.items()):
        out += ["", f"<{WIKI}{title_path(title)}> prov:wasDerivedFrom "
                    f"<https://en.wikipedia.org/w/index.php?oldid={rev}> ."]
    return "\n".join(out) + "\n"
