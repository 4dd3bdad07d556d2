"""SPARQL over a store or graph file: named queries, bound parameters, read-only checks, engines."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from .readonly import Checked, QueryError, QueryRefused, check
from .results import PREFIXES, Result, render
from .store import from_oxigraph, load_file, open_store, to_oxigraph

__all__ = ["Checked", "Engine", "NamedQuery", "Param", "QueryError", "QueryRefused", "RdflibEngine",
           "answer", "bind_params", "catalogue", "check", "named_queries", "parse_pairs", "resolve"]

QUERIES_DIR = Path(__file__).with_name("queries")
KINDS = ("entity", "class", "property", "iri", "string")
_HEADER = re.compile(r"^#\s*(name|description|param):\s*(.*?)\s*$")
_LABEL_QUERIES = (  # exact rdfs:label, exact skos:altLabel, then any label case-insensitively
    "SELECT DISTINCT ?entity ?name WHERE { ?entity <http://www.w3.org/2000/01/rdf-schema#label> ?name }",
    "SELECT DISTINCT ?entity ?name WHERE { ?entity <http://www.w3.org/2004/02/skos/core#altLabel> ?name }",
    "SELECT DISTINCT ?entity ?name WHERE { ?entity <http://www.w3.org/2000/01/rdf-schema#label>|"
    "<http://www.w3.org/2004/02/skos/core#altLabel> ?l . FILTER(LCASE(STR(?l)) = LCASE(STR(?name))) }")


@dataclass(frozen=True)
class Param:
    """A named query's parameter: a variable of the query, the kind of value it takes, what it means."""

    name: str
    kind: str
    description: str


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped in queries/*.rq with its header: name, one-line description, parameters."""

    name: str
    description: str
    params: tuple[Param, ...]
    text: str


def parse_header(text: str, name: str) -> NamedQuery:
    """Read the `# name:`, `# description:` and `# param: NAME KIND text` lines heading a .rq file."""
    fields: dict[str, str] = {}
    params = []
    for line in text.splitlines():
        m = _HEADER.match(line)
        if not m:
            if line.strip() and not line.lstrip().startswith("#"):
                break
            continue
        key, value = m.groups()
        if key == "param":
            pname, kind, *desc = value.split(None, 2) + [""]
            if kind not in KINDS:
                raise QueryError(f"{name}: parameter {pname}: unknown kind {kind!r} (known: {', '.join(KINDS)})")
            params.append(Param(pname.lstrip("?$"), kind, " ".join(desc).strip()))
        else:
            fields[key] = value
    return NamedQuery(fields.get("name", name), fields.get("description", ""), tuple(params), text)


@cache
def named_queries() -> dict[str, NamedQuery]:
    """The named queries shipped with the package, by name."""
    out = {}
    for p in sorted(QUERIES_DIR.glob("*.rq")):
        q = parse_header(p.read_text("utf-8"), p.stem)
        if q.name != p.stem:
            raise QueryError(f"{p.name}: header names it {q.name!r}")
        out[q.name] = q
    return out


def resolve(spec: str) -> tuple[str, NamedQuery | None]:
    """SPARQL text and its header from a named query's name, a .rq file or inline SPARQL."""
    named = named_queries()
    if spec in named:
        return named[spec].text, named[spec]
    if spec.endswith(".rq") or (re.fullmatch(r"[\w./-]+", spec) and Path(spec).is_file()):
        p = Path(spec)
        if not p.is_file():
            raise QueryError(f"{spec}: no such query file")
        text = p.read_text("utf-8")
        return text, parse_header(text, p.stem)
    if re.fullmatch(r"[\w-]+", spec):
        raise QueryError(f"no named query {spec!r} (`wikikg queries` lists them)")
    return spec, None


# --- parameters -----------------------------------------------------------------------------------

def _literal(raw: str) -> ox.Literal:
    m = re.fullmatch(r'"(.*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(\S+))?', raw, re.S)
    if not m:
        return ox.Literal(raw)
    value, lang, dtype = m.groups()
    if lang:
        return ox.Literal(value, language=lang)
    if dtype:
        return ox.Literal(value, datatype=_named(dtype) or ox.NamedNode(dtype.strip("<>")))
    return ox.Literal(value)


def _named(raw: str) -> ox.NamedNode | None:
    """An IRI written <...>, http(s)://... or with a known prefix; None for anything else."""
    if raw.startswith("<") and raw.endswith(">"):
        return ox.NamedNode(raw[1:-1])
    if re.match(r"https?://", raw):
        return ox.NamedNode(raw)
    prefix, sep, local = raw.partition(":")
    if sep and prefix in PREFIXES and " " not in local:
        return ox.NamedNode(PREFIXES[prefix] + local)
    return None


def _value(engine: "Engine", param: Param, raw: str):
    iri = _named(raw)
    if param.kind in ("entity", "class", "property", "iri") and iri is not None:
        return iri
    if param.kind in ("class", "property") and re.fullmatch(r"[A-Za-z_][\w-]*", raw):
        return ox.NamedNode(PREFIXES["wkg"] + raw)
    if param.kind == "entity":
        return engine.find_entity(raw)
    if param.kind in ("class", "property", "iri"):
        raise QueryError(f"--param {param.name}: {raw!r} is not an IRI (<...>, prefix:name)")
    if param.kind == "string" or raw.startswith('"'):
        return _literal(raw)
    if re.fullmatch(r"[+-]?\d+", raw):
        return ox.Literal(raw, datatype=ox.NamedNode(PREFIXES["xsd"] + "integer"))
    return iri or ox.Literal(raw)


def bind_params(engine: "Engine", pairs: dict[str, str], named: NamedQuery | None = None) -> dict:
    """Parameter values as RDF terms by variable name: IRIs, literals, entities looked up by label."""
    declared = {p.name: p for p in named.params} if named else {}
    out = {}
    for name, raw in pairs.items():
        name = name.lstrip("?$")
        if named is not None and declared and name not in declared:
            raise QueryError(f"{named.name} has no parameter {name!r} "
                             f"(it takes: {', '.join(declared) or 'none'})")
        out[name] = _value(engine, declared.get(name) or Param(name, "auto", ""), raw)
    return out


# --- engines --------------------------------------------------------------------------------------

@dataclass
class Engine:
    """Runs checked queries on an Oxigraph store; triples of every named graph form the default graph."""

    store: ox.Store
    _labels: dict = field(default_factory=dict)

    @classmethod
    def open(cls, *, graph: str | None = None, store: str | None = None) -> "Engine":
        """An engine over a store directory (read-only) or a graph file (loaded in memory)."""
        return cls(open_store(store) if store else load_file(graph))

    def graphs(self) -> set[str]:
        """The names of the named graphs (one per article)."""
        return {g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode)}

    def run(self, q: Checked, bindings: dict | None = None, max_rows: int | None = None) -> Result:
        """Run a checked query, keeping at most `max_rows` rows or triples."""
        dataset = {"use_default_graph_as_union": True}
        if q.default_graphs or q.named_graphs:  # FROM / FROM NAMED, or the protocol's graph URIs
            dataset = {"default_graph": [ox.NamedNode(g) for g in q.default_graphs],
                       "named_graphs": [ox.NamedNode(g) for g in q.named_graphs]}
        try:
            raw = self.store.query(q.text, substitutions={ox.Variable(k): v for k, v in (bindings or {}).items()}
                                   or None, **dataset)
            return Result.collect(q.form, raw, max_rows)
        except (SyntaxError, RuntimeError, OSError, ValueError) as e:
            raise QueryError(str(e).splitlines()[0][:300]) from None

    def select(self, text: str, bindings: dict) -> list[tuple]:
        """The rows of a trusted internal SELECT with bound variables."""
        return self.run(Checked(text, "SELECT"), bindings).rows

    def find_entity(self, name: str):
        """The one entity labelled `name` (rdfs:label, then skos:altLabel, then ignoring case)."""
        for text in _LABEL_QUERIES:
            for value in (ox.Literal(name, language="en"), ox.Literal(name)):
                found = sorted({row[0].value for row in self.select(text, {"name": value})})
                if len(found) == 1:
                    return ox.NamedNode(found[0])
                if found:
                    raise QueryError(f"{name!r} names {len(found)} entities ({', '.join(found[:5])}); "
                                     "give the IRI")
        raise QueryError(f"no entity labelled {name!r}")

    def label(self, term) -> str | None:
        """The rdfs:label of an IRI, if it has one."""
        if not isinstance(term, ox.NamedNode):
            return None
        if term.value not in self._labels:
            found = [q.object for q in self.store.quads_for_pattern(term, _RDFS_LABEL, None, None)]
            found.sort(key=lambda o: (getattr(o, "language", None) != "en", o.value))
            self._labels[term.value] = found[0].value if found else None
        return self._labels[term.value]


_RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


class RdflibEngine(Engine):
    """The same interface over an rdflib Dataset (default graph = union): rdflib's own evaluator."""

    def __init__(self, ds):
        super().__init__(ox.Store())
        self.ds = ds

    def graphs(self) -> set[str]:
        """rdflib fetches FROM graphs itself: none are allowed."""
        return set()

    def run(self, q: Checked, bindings: dict | None = None, max_rows: int | None = None) -> Result:
        """Run a checked query with rdflib's SPARQL engine."""
        try:
            res = self.ds.query(q.text, initBindings={k: from_oxigraph(v) for k, v in (bindings or {}).items()})
            return Result.from_rdflib(res, to_oxigraph, max_rows)
        except Exception as e:  # rdflib raises many kinds
            raise QueryError(f"{type(e).__name__}: {str(e).splitlines()[0][:300] if str(e) else ''}") from None

    def label(self, term) -> str | None:
        """The rdfs:label of an IRI, if it has one."""
        from rdflib import RDFS, URIRef

        if not isinstance(term, ox.NamedNode):
            return None
        found = sorted(str(o) for o in self.ds.objects(URIRef(term.value), RDFS.label))
        return found[0] if found else None



# --- the command line's view ----------------------------------------------------------------------

def parse_pairs(items) -> dict[str, str]:
    """`--param NAME=VALUE` options as a dict."""
    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param {item!r}: expected NAME=VALUE")
        out[name.strip()] = value
    return out


def answer(engine: Engine, spec: str, params=(), fmt: str = "table") -> bytes:
    """Run a named query, .rq file or inline SPARQL with `--param` values, formatted as `fmt`."""
    text, named = resolve(spec)
    checked = check(text, engine.graphs())
    result = engine.run(checked, bind_params(engine, parse_pairs(params), named))
    try:
        return render(result, fmt, engine.label)[0]
    except ValueError as e:
        raise QueryError(str(e)) from None


def catalogue() -> str:
    """The named queries, one line each, with their parameters."""
    lines = []
    queries = named_queries().values()
    width = max(len(q.name) for q in queries)
    for q in queries:
        lines.append(f"{q.name.ljust(width)}  {q.description}")
        lines += [f"{'':{width}}    --param {p.name}=…  ({p.kind}) {p.description}" for p in q.params]
    return "\n".join(lines) + "\n"
