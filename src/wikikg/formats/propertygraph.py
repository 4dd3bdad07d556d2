"""The graph as a property graph (nodes, edges, facts) and its GraphML / GEXF 1.3 forms for Gephi."""
from __future__ import annotations

import calendar
import io
import math
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING
from xml.etree.ElementTree import tostring

from wikikg.kb.vocabulary import classes, classes_by_priority, shown_as, superclasses

if TYPE_CHECKING:  # networkx loads when an export runs, not with every build that imports the writers
    import networkx as nx

__all__ = ["PALETTE", "Citation", "Edge", "Entity", "Fact", "PropertyGraph", "edges", "period_end",
           "period_start", "primary_type", "programmes", "evidence", "to_gexf", "to_graphml", "to_networkx"]

# One colour per class: the Okabe-Ito colour-blind-safe palette (Okabe & Ito 2008). A class with no
# colour is drawn as the class wikikg.ttl shows it as (wkg:shownAs: a research institute as a
# university), else as its nearest superclass with one (a news organisation as an organisation); an
# entity with several classes is drawn as the one of lowest wkg:typePriority.
PALETTE: dict[str, str] = {
    "Person": "#D55E00",            # vermillion
    "Company": "#0072B2",           # blue
    "University": "#009E73",        # bluish green
    "GovernmentAgency": "#CC79A7",  # reddish purple
    "StockExchange": "#E69F00",     # orange
    "Place": "#56B4E9",             # sky blue
    "SanctionsProgramme": "#000000",  # black
    "Organization": "#7F7F7F",      # grey: any other organisation
    "Thing": "#BBBBBB",             # light grey: no class we know
}


@cache
def _fold(cls: str) -> str:
    """The palette class `cls` is drawn as: itself, its wkg:shownAs, or its nearest superclass with a colour."""
    shown = shown_as(cls)
    if shown is not None:
        return shown
    if cls in PALETTE:
        return cls
    return next((sup for sup in superclasses(cls) if sup in PALETTE), cls) if cls in classes() else cls


@dataclass(frozen=True)
class Citation:
    """A source the article cites for a fact."""

    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    language: str | None = None  # the title's language (ISO 639 code), when the citation gives it


@dataclass(frozen=True)
class Fact:
    """One statement node: a fact (or a reported claim) with its date, rule and evidence."""

    iri: str
    subject: str
    relation: str
    object: str               # an entity IRI, or a literal's lexical form
    object_is_entity: bool
    modality: str = "asserted"
    rule: str = ""
    date: str | None = None   # lexical xsd:gYear / gYearMonth / date
    end_date: str | None = None
    events: tuple[str, ...] = ()
    programme: str | None = None
    attributed_to: str | None = None
    qualifiers: tuple[tuple[str, str], ...] = ()   # e.g. ("ticker", "0020")
    text: str = ""            # the verbatim source sentence
    plain: str = ""           # the sentence with markup rendered away
    section: str = ""
    article: str | None = None
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Entity:
    """A node: IRI, label, classes, other names, literal-valued facts and Wikipedia page."""

    iri: str
    label: str
    types: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    attributes: tuple[tuple[str, str], ...] = ()
    wikipedia: str | None = None

    @property
    def type(self) -> str:
        """The class the node is shown as."""
        return primary_type(self.types)


@dataclass
class PropertyGraph:
    """Entities, their direct entity-to-entity triples and every statement node, all plain data."""

    entities: dict[str, Entity] = field(default_factory=dict)
    triples: list[tuple[str, str, str]] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    relation_labels: dict[str, str] = field(default_factory=dict)
    symmetric: frozenset[str] = frozenset()
    names: dict[str, str] = field(default_factory=dict)  # the label of every entity, node or not

    def name(self, iri: str) -> str:
        """The label of an entity, also one that is not a node (a programme, a reporter)."""
        if iri in self.entities:
            return self.entities[iri].label
        return self.names.get(iri) or iri.rstrip("/").rsplit("/", 1)[-1].replace("_", " ")


@dataclass(frozen=True)
class Edge:
    """One edge per (subject, relation, object), with the facts that support it."""

    id: str
    subject: str
    relation: str
    object: str
    label: str
    facts: tuple[Fact, ...]
    symmetric: bool = False

    @property
    def date(self) -> str | None:
        """The earliest date any supporting fact gives."""
        dates = sorted(f.date for f in self.facts if f.date)
        return dates[0] if dates else None

    @property
    def end_date(self) -> str | None:
        """The latest end date any supporting fact gives."""
        ends = sorted(f.end_date for f in self.facts if f.end_date)
        return ends[-1] if ends else None


def primary_type(types) -> str:
    """The palette class an entity with these classes is drawn as (Thing when none is known)."""
    for t in classes_by_priority():
        if t in types:
            return _fold(t)
    return "Organization" if any(t.endswith("Organization") for t in types) else "Thing"


def color_of(type_: str) -> str:
    """The palette colour of a class (#RRGGBB)."""
    return PALETTE.get(_fold(type_), PALETTE["Thing"])


def edges(pg: PropertyGraph) -> list[Edge]:
    """Direct triples merged into edges: one per (subject, relation, object), symmetric ones once."""
    support: dict[tuple[str, str, str], list[Fact]] = {}
    for f in pg.facts:
        if f.modality == "asserted" and f.object_is_entity:
            support.setdefault((f.subject, f.relation, f.object), []).append(f)
    keys: dict[tuple[str, str, str], list[Fact]] = {}
    for s, p, o in sorted(set(pg.triples)):
        if p in pg.symmetric:
            named = [k for k in ((s, p, o), (o, p, s)) if k in support]
            key = min(named) if named else min((s, p, o), (o, p, s))
            facts = support.get((s, p, o), []) + support.get((o, p, s), [])
        else:
            key, facts = (s, p, o), support.get((s, p, o), [])
        keys.setdefault(key, [])
        keys[key] = sorted(set(keys[key]) | set(facts), key=lambda f: f.iri)
    out = []
    for i, ((s, p, o), facts) in enumerate(sorted(keys.items())):
        out.append(Edge(f"e{i}", s, p, o, pg.relation_labels.get(p, p), tuple(facts),
                        p in pg.symmetric))
    return out


def period_start(value: str) -> str:
    """First day of an xsd:gYear / gYearMonth / date period: '2017' -> '2017-01-01'."""
    parts = value.split("-")
    return "-".join([parts[0], *(parts[1:] + ["01", "01"])[:2]])


def period_end(value: str) -> str:
    """Last day of an xsd:gYear / gYearMonth / date period: '2020' -> '2020-12-31'."""
    parts = value.split("-")
    if len(parts) >= 3:
        return value
    year, month = int(parts[0]), int(parts[1]) if len(parts) == 2 else 12
    return f"{parts[0]}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return tuple(int(hex_color[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _sources(e: Edge) -> str:
    return " ".join(sorted({c.url for f in e.facts for c in f.citations if c.url}))


def programmes(pg: PropertyGraph, e: Edge) -> list[str]:
    """The names of the sanctions programmes the edge's facts give (a sanction's list), sorted."""
    return sorted({pg.name(f.programme) for f in e.facts if f.programme})


def evidence(e: Edge) -> list[str]:
    """The sentences the edge's facts were read from (as a reader sees them), sorted, once each."""
    return sorted({f.plain or f.text for f in e.facts if f.plain or f.text})


def to_networkx(pg: PropertyGraph) -> nx.MultiDiGraph:
    """A MultiDiGraph keyed by edge id: node and edge attributes as GraphML writes them."""
    import networkx as nx

    es = edges(pg)
    degree: dict[str, int] = {}
    for e in es:
        degree[e.subject] = degree.get(e.subject, 0) + 1
        degree[e.object] = degree.get(e.object, 0) + 1
    g = nx.MultiDiGraph()
    for iri in sorted(pg.entities):
        ent = pg.entities[iri]
        color = color_of(ent.type)
        r, gr, b = _rgb(color)
        attrs = {"label": ent.label, "type": ent.type, "r": r, "g": gr, "b": b, "color": color,
                 "size": round(10 + 10 * math.log2(1 + degree.get(iri, 0)), 2), "iri": iri,
                 "types": " ".join(ent.types), "aliases": " | ".join(ent.aliases),
                 "wikipedia": ent.wikipedia or ""}
        for name, value in ent.attributes:  # literal-valued facts: attributes, never nodes
            attrs[name] = value if name not in attrs else f"{attrs[name]} | {value}"
        g.add_node(iri, **{k: v for k, v in attrs.items() if v != ""})
    for e in es:
        attrs = {"label": e.label, "relation": e.relation, "weight": float(max(1, len(e.facts))),
                 "symmetric": e.symmetric, "date": e.date or "", "endDate": e.end_date or "",
                 "programme": " | ".join(programmes(pg, e)), "evidence": " | ".join(evidence(e)),
                 "rule": " ".join(sorted({f.rule for f in e.facts})), "source": _sources(e)}
        g.add_edge(e.subject, e.object, key=e.id, **{k: v for k, v in attrs.items() if v != ""})
    return g


def to_graphml(pg: PropertyGraph) -> bytes:
    """GraphML for Gephi: node keys label/type/r/g/b/color/size/iri, edge keys label/relation/..."""
    import networkx as nx

    buf = io.BytesIO()
    nx.write_graphml_xml(to_networkx(pg), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def _tidy_gexf(root) -> None:
    """Undo what networkx adds that is not reproducible, not ours or not in the GEXF 1.3 schema
    (xsi:schemaLocation, which gexf.rng does not allow)."""
    for name in list(root.attrib):
        if name.startswith("xmlns:xsi") or name.startswith("xsi:"):
            del root.attrib[name]
    meta = root.find("meta")
    if meta is not None:  # networkx stamps today's date and its own version
        meta.attrib.pop("lastmodifieddate", None)
        meta.find("creator").text = "wikikg"
    graph = root.find("graph")
    graph.attrib.pop("name", None)
    drop = set()
    for attributes in graph.findall("attributes"):
        for a in attributes.findall("attribute"):
            if a.get("title") == "networkx_key":  # the multigraph key: already the edge id
                drop.add(a.get("id"))
                attributes.remove(a)
    for values in root.iter("attvalues"):
        for v in values.findall("attvalue"):
            if v.get("for") in drop:
                values.remove(v)


def _timeline_values(root) -> None:
    """Each edge's start / end also as attribute values: Gephi's timeline reads the edge's own start
    and end, readers without GEXF dynamics (graphology-gexf) read only attribute values."""
    from xml.etree.ElementTree import SubElement

    graph = root.find("graph")
    block = next(a for a in graph.findall("attributes") if a.get("class") == "edge")
    used = [int(a.get("id")) for attrs in graph.findall("attributes") for a in attrs.findall("attribute")]
    ids = {}
    for i, name in enumerate(("start", "end"), start=max(used, default=-1) + 1):
        ids[name] = str(i)
        SubElement(block, "attribute", {"id": str(i), "title": name, "type": "string"})
    for el in root.iter("edge"):
        values = el.find("attvalues")
        for name in ("start", "end"):
            if el.get(name):
                if values is None:
                    values = SubElement(el, "attvalues")
                SubElement(values, "attvalue", {"for": ids[name], "value": el.get(name)})


def to_gexf(pg: PropertyGraph) -> bytes:
    """GEXF 1.3 (valid against gexf.rng): viz:color and viz:size, edge kind = relation, dated edges
    with start / end. Every edge is directed (networkx reads no mixed graph): a symmetric relation's
    edge says so in its `symmetric` attribute."""
    import networkx as nx
    from networkx.readwrite.gexf import GEXFWriter

    src = to_networkx(pg)
    g = nx.MultiDiGraph()
    for n, d in src.nodes(data=True):
        rest = {k: v for k, v in d.items() if k not in {"r", "g", "b", "color", "size"}}
        g.add_node(n, **rest, viz={"color": {"r": d["r"], "g": d["g"], "b": d["b"], "a": 1.0},
                                   "size": d["size"]})
    kinds: dict[str, str] = {}
    for e in edges(pg):
        d = dict(src.edges[e.subject, e.object, e.id])
        if e.date:
            d["start"] = period_start(e.date)
        if e.end_date:
            d["end"] = period_end(e.end_date)
        kinds[e.id] = e.relation
        g.add_edge(e.subject, e.object, key=e.id, id=e.id, **d)
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.3")
    writer.add_graph(g)
    _tidy_gexf(writer.xml)
    _timeline_values(writer.xml)
    for el in writer.xml.iter("edge"):
        el.set("kind", kinds[el.get("id")])
    writer.indent(writer.xml)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(writer.xml, encoding="utf-8",
                                                                   xml_declaration=False)
