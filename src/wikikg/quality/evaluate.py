"""Scores a graph against hand-written gold annotations: precision, recall and F1 per relation, for types and for dates."""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from wikikg.kb.ontology import WKG as _WKG
from wikikg.kb.vocabulary import core_classes, is_symmetric, subclasses

WKG = str(_WKG)
CORE_PREDICATES = ("foundedBy", "partneredWith", "sanctionedBy", "memberOf", "listedOn",
                   "headquarteredIn", "subsidiaryOf", "affiliatedWith")

_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_DATE_RE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?\Z")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"'})


class GoldRelation(NamedTuple):
    """One gold fact: subject name, predicate local name, object name, date or None."""

    subject: str
    predicate: str
    object: str
    date: str | None


@dataclass(frozen=True)
class Gold:
    """A parsed gold file: entity types, aliases and relations, keyed by canonical name."""

    entities: dict[str, frozenset[str]]
    aliases: dict[str, frozenset[str]]
    relations: frozenset[GoldRelation]
    source: str = ""

    @property
    def predicates(self) -> frozenset[str]:
        """The predicates the gold annotates."""
        return frozenset(r.predicate for r in self.relations)


@dataclass(frozen=True)
class RelationScore:
    """Counts and scores for one predicate (or a micro-average over several)."""

    name: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        """tp / (tp + fp), None when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """tp / (tp + fn), None when the gold has nothing."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """The harmonic mean of precision and recall."""
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None


@dataclass(frozen=True)
class FalsePositive:
    """A graph edge that matches no gold relation."""

    predicate: str
    subject: str  # IRI
    object: str
    subject_label: str
    object_label: str


@dataclass(frozen=True)
class TypeMismatch:
    """A gold entity found in the graph whose types do not include the gold type."""

    name: str
    gold_types: frozenset[str]
    graph_types: frozenset[str]


@dataclass(frozen=True)
class DateError:
    """A matched gold relation whose gold date no statement node of the edge carries."""

    relation: GoldRelation
    graph_dates: frozenset[str]


@dataclass(frozen=True)
class Report:
    """Everything `score` measured; `relations` is ordered core predicates first."""

    relations: tuple[RelationScore, ...]
    core: RelationScore
    overall: RelationScore
    types_total: int
    types_found: int
    types_correct: int
    dates_checked: int
    dates_correct: int
    misses: tuple[GoldRelation, ...]
    false_positives: tuple[FalsePositive, ...]
    type_errors: tuple[TypeMismatch, ...]
    types_not_found: tuple[str, ...]
    date_errors: tuple[DateError, ...]

    def relation(self, predicate: str) -> RelationScore:
        """The score of one predicate (KeyError if it was not evaluated)."""
        for r in self.relations:
            if r.name == predicate:
                return r
        raise KeyError(predicate)


def normalise(name: str) -> str:
    """The matching key of a name: NFKC, straight quotes, casefold, single spaces, no leading 'the '."""
    key = " ".join(unicodedata.normalize("NFKC", name).translate(_QUOTES).casefold().split())
    return key[4:] if key.startswith("the ") else key


def _valid_date(text: str) -> bool:
    if not _DATE_RE.match(text):
        return False
    parts = [int(p) for p in text.split("-")]
    try:
        _dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def load_gold(path: str | Path) -> Gold:
    """Parse a gold TSV file (format: tests/gold/README.md); ValueError 'FILE:LINE: why' when malformed."""
    path = Path(path)
    entities: dict[str, set[str]] = {}
    aliases: dict[str, set[str]] = {}
    relations: dict[tuple, tuple[GoldRelation, int]] = {}
    mentions: list[tuple[str, int]] = []  # names that must be declared entities, with their line

    def fail(lineno: int, why: str) -> ValueError:
        return ValueError(f"{path}:{lineno}: {why}")

    with open(path, encoding="utf-8") as handle:
        for lineno, raw in enumerate(handle, 1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = [c.strip() for c in line.split("\t")]
            while len(cols) > 4 and not cols[-1]:
                cols.pop()
            kind = cols[0]
            if cols[:4] == ["kind", "subject", "predicate", "object"]:
                continue  # an optional header row
            if kind not in ("entity", "alias", "relation"):
                raise fail(lineno, f"unknown kind {kind!r} (expected entity, alias or relation; "
                                   "columns are TAB-separated)")
            wanted = "4 or 5" if kind == "relation" else "4"
            if len(cols) < 4 or len(cols) > (5 if kind == "relation" else 4):
                raise fail(lineno, f"{kind} line needs {wanted} TAB-separated columns, got {len(cols)}")
            if not all(cols[1:4]):
                raise fail(lineno, "empty subject, predicate or object column")
            subject, predicate, obj = cols[1:4]
            if kind == "entity":
                if predicate != "type":
                    raise fail(lineno, f"entity line needs predicate 'type', got {predicate!r}")
                if not _NAME_RE.match(obj) or not obj[0].isupper():
                    raise fail(lineno, f"bad type name {obj!r} (a class local name like Company)")
                entities.setdefault(subject, set()).add(obj)
            elif kind == "alias":
                if predicate != "altLabel":
                    raise fail(lineno, f"alias line needs predicate 'altLabel', got {predicate!r}")
                aliases.setdefault(subject, set()).add(obj)
                mentions.append((subject, lineno))
            else:
                if not _NAME_RE.match(predicate) or not predicate[0].islower():
                    raise fail(lineno, f"bad predicate {predicate!r} (a property local name like foundedBy)")
                date = cols[4] if len(cols) == 5 and cols[4] else None
                if date is not None and not _valid_date(date):
                    raise fail(lineno, f"bad date {date!r} (YYYY, YYYY-MM or YYYY-MM-DD)")
                key = (subject, predicate, obj)
                if is_symmetric(predicate):
                    key = (predicate, frozenset((subject, obj)))
                if key in relations:
                    raise fail(lineno, f"relation already given on line {relations[key][1]} "
                                       "(one line per fact)")
                relations[key] = (GoldRelation(subject, predicate, obj, date), lineno)
                mentions += [(subject, lineno), (obj, lineno)]
    for name, lineno in mentions:
        if name not in entities:
            raise fail(lineno, f"{name!r} has no 'entity' line")
    return Gold(entities={k: frozenset(v) for k, v in entities.items()},
                aliases={k: frozenset(v) for k, v in aliases.items()},
                relations=frozenset(r for r, _ in relations.values()),
                source=str(path))


def _local_name(iri: str) -> str:
    return re.split(r"[#/]", str(iri))[-1]


def _type_ok(gold_type: str, graph_types: frozenset[str]) -> bool:
    # Exact local names; gold Organization only when the graph claims no finer organisation class
    # that gold files may name (a core class of wikikg.ttl).
    if gold_type == "Organization":
        return "Organization" in graph_types and not graph_types & subclasses("Organization") & core_classes()
    return gold_type in graph_types


def _maximum_matching(adjacency: list[list[int]]) -> dict[int, int]:
    """Kuhn's augmenting paths: maps edge index -> gold index, as many pairs as possible."""
    owner: dict[int, int] = {}
    for g in range(len(adjacency)):
        seen: set[int] = set()

        def augment(gi: int) -> bool:
            for e in adjacency[gi]:
                if e not in seen:
                    seen.add(e)
                    if e not in owner or augment(owner[e]):
                        owner[e] = gi
                        return True
            return False

        augment(g)
    return owner


def _entity_names(graph: Graph) -> dict[URIRef, set[str]]:
    """Every IRI with an rdfs:label -> its normalised rdfs:label and skos:altLabel values."""
    names: dict[URIRef, set[str]] = {}
    for prop in (RDFS.label, SKOS.altLabel):
        for s, o in graph.subject_objects(prop):
            if isinstance(s, URIRef) and isinstance(o, Literal):
                names.setdefault(s, set()).add(normalise(str(o)))
    return {node: keys for node, keys in names.items() if (node, RDFS.label, None) in graph}


def _edges(graph: Graph, predicate: str) -> list[tuple]:
    """The graph's edges for one wkg: predicate, a symmetric pair stored both ways counted once."""
    edges, seen = [], set()
    for s, o in sorted(graph.subject_objects(URIRef(WKG + predicate))):
        pair = frozenset((s, o)) if is_symmetric(predicate) else (s, o)
        if pair not in seen:
            seen.add(pair)
            edges.append((s, o))
    return edges


def _statement_dates(graph: Graph, s, predicate: str, o) -> set[str]:
    """Lexical forms of wkg:date on the statement nodes describing the edge (s, predicate, o)."""
    ends = {(s, o), (o, s)} if is_symmetric(predicate) else {(s, o)}
    p = URIRef(WKG + predicate)
    dates: set[str] = set()
    for a, b in ends:
        for st in graph.subjects(RDF.subject, a):
            if (st, RDF.predicate, p) in graph and (st, RDF.object, b) in graph:
                dates |= {str(d) for d in graph.objects(st, URIRef(WKG + "date"))}
    return dates


def _micro(name: str, parts: list[RelationScore]) -> RelationScore:
    return RelationScore(name, sum(r.tp for r in parts), sum(r.fp for r in parts),
                         sum(r.fn for r in parts))


def score(graph: Graph, gold: Gold) -> Report:
    """Match the graph's entities and wkg: edges against the gold; see tests/gold/README.md."""
    names = _entity_names(graph)
    index: dict[str, set[URIRef]] = {}
    for node, node_names in names.items():
        for key in node_names:
            index.setdefault(key, set()).add(node)
    keys = {n: {normalise(n)} | {normalise(a) for a in gold.aliases.get(n, ())} for n in gold.entities}

    def is_(node, gold_name: str) -> bool:
        return bool(names.get(node, set()) & keys.get(gold_name, {normalise(gold_name)}))

    def label(node) -> str:
        labels = sorted(str(o) for o in graph.objects(node, RDFS.label))
        return labels[0] if labels else str(node)

    # Relations: the largest one-to-one matching of graph edges to gold relations, per predicate.
    predicates = list(CORE_PREDICATES) + sorted(gold.predicates - set(CORE_PREDICATES))
    scores, misses, fps, matched = [], [], [], []
    for p in predicates:
        symmetric = is_symmetric(p)
        edges = _edges(graph, p)
        golds = sorted(r for r in gold.relations if r.predicate == p)
        adjacency = [[i for i, (s, o) in enumerate(edges)
                      if (is_(s, g.subject) and is_(o, g.object))
                      or (symmetric and is_(s, g.object) and is_(o, g.subject))] for g in golds]
        owner = _maximum_matching(adjacency)
        matched += [(golds[gi], edges[e]) for e, gi in sorted(owner.items())]
        hit = set(owner.values())
        misses += [g for gi, g in enumerate(golds) if gi not in hit]
        fps += [FalsePositive(p, str(s), str(o), label(s), label(o))
                for i, (s, o) in enumerate(edges) if i not in owner]
        scores.append(RelationScore(p, len(owner), len(edges) - len(owner), len(golds) - len(owner)))

    # Types: every gold entity found in the graph (by name or alias) must carry all its gold types.
    type_errors, not_found, correct = [], [], 0
    for name, gold_types in sorted(gold.entities.items()):
        nodes = sorted(set().union(*(index.get(k, set()) for k in keys[name])))
        if not nodes:
            not_found.append(name)
            continue
        node_types = [frozenset(_local_name(t) for t in graph.objects(n, RDF.type)
                                if isinstance(t, URIRef)) for n in nodes]
        if any(all(_type_ok(t, ts) for t in gold_types) for ts in node_types):
            correct += 1
        else:
            type_errors.append(TypeMismatch(name, gold_types, frozenset().union(*node_types)))

    # Dates: a statement node about the matched edge must carry the gold date's lexical form.
    dated = [(g, _statement_dates(graph, s, g.predicate, o)) for g, (s, o) in matched if g.date]
    date_errors = [DateError(g, frozenset(d)) for g, d in dated if g.date not in d]

    return Report(relations=tuple(scores),
                  core=_micro("core (micro)", [r for r in scores if r.name in CORE_PREDICATES]),
                  overall=_micro("all (micro)", scores),
                  types_total=len(gold.entities), types_found=len(gold.entities) - len(not_found),
                  types_correct=correct,
                  dates_checked=len(dated), dates_correct=len(dated) - len(date_errors),
                  misses=tuple(misses), false_positives=tuple(fps),
                  type_errors=tuple(type_errors), types_not_found=tuple(not_found),
                  date_errors=tuple(date_errors))


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _ratio(a: int, b: int) -> str:
    return f"{a}/{b} ({a / b:.1%})" if b else f"{a}/{b}"


def format_report(report: Report) -> str:
    """An aligned table (relation, tp, fp, fn, P, R, F1), type and date lines, then the errors."""
    rows = list(report.relations) + [report.core, report.overall]
    width = max(len("relation"), *(len(r.name) for r in rows))
    header = f"{'relation':<{width}}  {'tp':>4} {'fp':>4} {'fn':>4}  {'P':>5}  {'R':>5}  {'F1':>5}"
    lines = [header, "-" * len(header)]
    for i, r in enumerate(rows):
        if i == len(report.relations):
            lines.append("-" * len(header))
        lines.append(f"{r.name:<{width}}  {r.tp:>4} {r.fp:>4} {r.fn:>4}  "
                     f"{_fmt(r.precision):>5}  {_fmt(r.recall):>5}  {_fmt(r.f1):>5}")
    lines += ["",
              f"types: {_ratio(report.types_correct, report.types_found)} of the gold entities found "
              f"are typed right; found {_ratio(report.types_found, report.types_total)}",
              f"dates: {_ratio(report.dates_correct, report.dates_checked)} of the matched dated "
              "relations carry the gold date"]
    sections = [
        ("misses (gold not in graph)",
         [f"{m.subject} --{m.predicate}--> {m.object}" + (f"  [{m.date}]" if m.date else "")
          for m in report.misses]),
        ("false positives (graph not in gold)",
         [f"{f.subject_label} --{f.predicate}--> {f.object_label}" for f in report.false_positives]),
        ("type errors", [f"{t.name}: gold {', '.join(sorted(t.gold_types))}; graph "
                         f"{', '.join(sorted(t.graph_types)) or '(none)'}" for t in report.type_errors]),
        ("gold entities not found", list(report.types_not_found)),
        ("date errors", [f"{d.relation.subject} --{d.relation.predicate}--> {d.relation.object}: "
                         f"gold {d.relation.date}; graph {', '.join(sorted(d.graph_dates)) or '(none)'}"
                         for d in report.date_errors]),
    ]
    for title, items in sections:
        if items:
            lines += ["", f"{title} ({len(items)}):"] + [f"  {item}" for item in items]
    return "\n".join(lines) + "\n"
