"""SPARQL queries: named queries, bound parameters, and the read-only check run before any query."""
from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urljoin

import pyoxigraph as ox

from wikikg.errors import QueryRefused
from wikikg.sparql.lexer import Token, canonical
from wikikg.sparql.results import PREFIXES, render
from wikikg.sparql.store import Engine, QueryError

__all__ = ["Checked", "NamedQuery", "Param", "QueryError", "QueryRefused", "answer", "bind_params",
           "catalogue", "check", "find_entity", "named_queries", "parse_pairs", "resolve"]

QUERIES_DIR = Path(__file__).with_name("queries")
KINDS = ("entity", "class", "property", "iri", "string")
_HEADER = re.compile(r"^#\s*(name|description|param):\s*(.*?)\s*$")
_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
          "DescribeQuery": "DESCRIBE"}
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


def _value(engine: Engine, param: Param, raw: str):
    iri = _named(raw)
    if param.kind in ("entity", "class", "property", "iri") and iri is not None:
        return iri
    if param.kind in ("class", "property") and re.fullmatch(r"[A-Za-z_][\w-]*", raw):
        return ox.NamedNode(PREFIXES["wkg"] + raw)
    if param.kind == "entity":
        return find_entity(engine, raw)
    if param.kind in ("class", "property", "iri"):
        raise QueryError(f"--param {param.name}: {raw!r} is not an IRI (<...>, prefix:name)")
    if param.kind == "string" or raw.startswith('"'):
        return _literal(raw)
    if re.fullmatch(r"[+-]?\d+", raw):
        return ox.Literal(raw, datatype=ox.NamedNode(PREFIXES["xsd"] + "integer"))
    return iri or ox.Literal(raw)


def find_entity(engine: Engine, name: str) -> ox.NamedNode:
    """The one entity labelled `name`: by rdfs:label, else skos:altLabel, else ignoring case (remembered
    per engine: its store is read-only while it serves queries)."""
    if name in engine.entities:
        return engine.entities[name]
    for text in _LABEL_QUERIES:
        for value in (ox.Literal(name, language="en"), ox.Literal(name)):
            found = sorted({row[0].value for row in engine.run(text, {"name": value}).rows})
            if len(found) == 1:
                engine.entities[name] = ox.NamedNode(found[0])
                return engine.entities[name]
            if found:
                raise QueryError(f"{name!r} names {len(found)} entities ({', '.join(found[:5])}); give the IRI")
    raise QueryError(f"no entity labelled {name!r}")


def bind_params(engine: Engine, pairs: dict[str, str], named: NamedQuery | None = None) -> dict:
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


# --- the read-only check --------------------------------------------------------------------------

@dataclass(frozen=True)
class Checked:
    """A query that passed the read-only check: its text as run, form and dataset (FROM) graphs."""

    text: str
    form: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


_UPDATES = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
_NAMES = ("word", "pname", "bnode", "lang")  # tokens a keyword could hide in, for a parser that splits them


def _service(tokens: list[Token]) -> None:
    """Refuse SERVICE anywhere: also run into a longer name (`SERVICESILENT`), which Oxigraph splits."""
    for i, tok in enumerate(tokens):
        if tok.kind in _NAMES and "SERVICE" in tok.text.upper():
            if tok.kind == "pname" and not tok.text.upper().startswith("SERVICE"):
                raise QueryRefused(f"{tok.text[:100]} is refused: a name holding SERVICE could be read as the "
                                   "SERVICE keyword; write its IRI in full (<...>)")
            rest = [t.text for t in tokens[i + 1:i + 3]]
            target = rest[1] if rest[:1] == ["SILENT"] and len(rest) > 1 else (rest or ["?"])[0]
            raise QueryRefused(f"SERVICE {target[:200]} is refused: queries run on the local graph only "
                               "and make no outgoing requests")


def _prologue(tokens: list[Token]) -> tuple[int, dict[str, str], str | None]:
    """Where the prologue (BASE, PREFIX) ends, the prefixes it declares and the base IRI."""
    i, prefixes, base = 0, {}, None
    while i < len(tokens) and tokens[i].kind == "word" and tokens[i].text.upper() in ("PREFIX", "BASE"):
        if tokens[i].text.upper() == "BASE" and i + 1 < len(tokens) and tokens[i + 1].kind == "iri":
            base, i = tokens[i + 1].text[1:-1], i + 2
        elif i + 2 < len(tokens) and tokens[i + 1].kind == "pname" and tokens[i + 1].text.endswith(":") \
                and tokens[i + 2].kind == "iri":
            prefixes[tokens[i + 1].text[:-1]] = tokens[i + 2].text[1:-1]
            i += 3
        else:
            raise QueryError(f"SPARQL syntax error: {tokens[i].text} must be followed by "
                             + ("an IRI" if tokens[i].text.upper() == "BASE" else "a prefix and an IRI"))
    return i, prefixes, base


def _graph_iri(tok: Token | None, prefixes: dict[str, str], base: str | None) -> str:
    if tok is None or tok.kind not in ("iri", "pname"):
        raise QueryError("SPARQL syntax error: FROM must be followed by an IRI")
    if tok.kind == "pname":
        prefix, _, local = tok.text.partition(":")
        if prefix not in prefixes:
            raise QueryError(f"undeclared prefix {prefix}:")
        return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    return urljoin(base, tok.text[1:-1]) if base else tok.text[1:-1]


def _dataset(tokens, prefixes, base, graphs) -> tuple[list[str], list[str]]:
    default, named = [], []
    for i, tok in enumerate(tokens):
        if tok.kind not in _NAMES or not tok.text.upper().startswith("FROM"):
            continue
        if tok.text.upper() != "FROM":
            raise QueryError(f"SPARQL syntax error: {tok.text[:80]}: write FROM apart from what follows")
        key = "named" if i + 1 < len(tokens) and tokens[i + 1].text.upper() == "NAMED" else "default"
        nxt = tokens[i + 2] if key == "named" and i + 2 < len(tokens) else \
            tokens[i + 1] if key == "default" and i + 1 < len(tokens) else None
        iri = _graph_iri(nxt, prefixes, base)
        if callable(graphs):  # listed only when a query names a graph
            graphs = graphs()
        if iri not in graphs:
            raise QueryRefused(f"FROM <{iri}> is refused: no graph of that name here, and remote graphs "
                               "are not fetched")
        (default if key == "default" else named).append(iri)
    return default, named


def check(text: str, graphs: Collection[str] | Callable[[], Collection[str]] = frozenset()) -> Checked:
    """Refuse updates, SERVICE, and FROM / FROM NAMED of any graph not in `graphs`, before running.
    `graphs` may be a function that lists them: it is called only when the query names a graph.

    The check reads the query's tokens as Oxigraph does (lexer.py) and returns its canonical text:
    no comments, single spaces between tokens, no escapes outside the strings and IRIs they decode
    into. That text is what runs, so the check and the engine (any SPARQL parser) read the same query;
    tests/test_sparql_differential.py generates queries to prove it. Linear in the query's length.
    """
    canon, tokens = canonical(text)  # also refuses unbalanced, too deep or too long bracketing
    _service(tokens)
    i, prefixes, base = _prologue(tokens)
    prefixes = {**PREFIXES, **prefixes}  # predeclared, as in the named queries; a query's own PREFIX wins
    first = tokens[i].text.upper() if i < len(tokens) and tokens[i].kind == "word" else ""
    update = next((u for u in _UPDATES if first.startswith(u)), None)
    if update:
        op = update + (" DATA" if i + 1 < len(tokens) and tokens[i + 1].text.upper() == "DATA" else "")
        raise QueryRefused(f"SPARQL Update ({op}) is refused: this endpoint is read-only")
    form = next((f for f in _FORMS.values() if first.startswith(f)), None)
    if form is None:
        found = tokens[i].text[:40] if i < len(tokens) else "the end of the query"
        raise QueryError(f"SPARQL syntax error: expected SELECT, CONSTRUCT, DESCRIBE or ASK, found {found}")
    default, named = _dataset(tokens[i:], prefixes, base, graphs)
    return Checked(canon, form, tuple(default), tuple(named))


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
    if named is not None and named_queries().get(named.name) is named:
        checked = Checked(text, "")  # shipped with the package: the suite checks each (test_query.py)
    else:
        checked = check(text, engine.graphs)
    result = engine.run(checked.text, bind_params(engine, parse_pairs(params), named), None,
                        checked.default_graphs, checked.named_graphs)
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
