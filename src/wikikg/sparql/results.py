"""Query results and their formats: aligned table, SPARQL JSON / XML / CSV / TSV, every RDF syntax."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pyoxigraph as ox

__all__ = ["FORMATS", "MEDIA_TYPES", "PREFIXES", "Result", "accepted", "choose", "compact", "negotiate", "render"]

PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#", "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "foaf": "http://xmlns.com/foaf/0.1/",
    "dct": "http://purl.org/dc/terms/", "prov": "http://www.w3.org/ns/prov#", "schema": "http://schema.org/",
    "wkg": "https://w3id.org/wikikg/ontology#", "res": "https://w3id.org/wikikg/resource/",
    "dbr": "http://dbpedia.org/resource/",
}
MEDIA_TYPES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
               "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
               "nt": "application/n-triples", "rdfxml": "application/rdf+xml", "jsonld": "application/ld+json",
               "n3": "text/n3", "nq": "application/n-quads", "trig": "application/trig", "table": "text/plain"}
FORMATS = tuple(MEDIA_TYPES)
# Every RDF syntax pyoxigraph writes; N-Quads and TriG hold a CONSTRUCT's triples in the default graph.
RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML,
               "jsonld": ox.RdfFormat.JSON_LD, "n3": ox.RdfFormat.N3, "nq": ox.RdfFormat.N_QUADS,
               "trig": ox.RdfFormat.TRIG}
SELECT_OFFERS = ("json", "xml", "csv", "tsv")
GRAPH_OFFERS = ("turtle", "nt", "rdfxml", "jsonld", "n3", "nq", "trig")
# Media types clients send for the same syntax; plain JSON or XML mean the form's own JSON or XML.
_ALIASES = {"application/json": {"json", "jsonld"}, "application/xml": {"xml", "rdfxml"},
            "text/xml": {"xml", "rdfxml"}, "application/x-json+ld": {"jsonld"}, "application/turtle": {"turtle"},
            "application/x-turtle": {"turtle"}, "text/rdf+n3": {"n3"}, "application/n3": {"n3"},
            "application/x-trig": {"trig"}}
_PREFIXED = {"turtle", "trig", "n3", "rdfxml"}
_XSD_STRING = PREFIXES["xsd"] + "string"
_CELL_WIDTH = 60


@dataclass
class Result:
    """What a query gave: SELECT rows (pyoxigraph terms, None when unbound), triples, or a boolean."""

    form: str
    variables: tuple[str, ...] = ()
    rows: list[tuple] | tuple = ()
    triples: list | tuple = ()
    boolean: bool | None = None
    truncated: bool = False

    @classmethod
    def collect(cls, raw, max_rows: int | None = None) -> "Result":
        """Read an Oxigraph answer, keeping at most `max_rows` rows or triples."""
        if isinstance(raw, ox.QueryBoolean):
            return cls("ASK", boolean=bool(raw))
        if isinstance(raw, ox.QuerySolutions):
            variables = tuple(v.value for v in raw.variables)
            items, truncated = _take((tuple(s[i] for i in range(len(variables))) for s in raw), max_rows)
            return cls("SELECT", variables, items, truncated=truncated)
        items, truncated = _take(iter(raw), max_rows)
        return cls("CONSTRUCT", triples=items, truncated=truncated)

    @classmethod
    def from_rdflib(cls, res, convert: Callable, max_rows: int | None = None) -> "Result":
        """Read an rdflib answer, terms converted to pyoxigraph ones by `convert`."""
        if res.type == "ASK":
            return cls("ASK", boolean=bool(res.askAnswer))
        if res.type == "SELECT":
            variables = tuple(str(v) for v in res.vars)
            rows = (tuple(None if t is None else convert(t) for t in row) for row in res)
            items, truncated = _take(rows, max_rows)
            return cls("SELECT", variables, items, truncated=truncated)
        triples = (ox.Triple(convert(s), convert(p), convert(o)) for s, p, o in res.graph)
        items, truncated = _take(triples, max_rows)
        return cls(res.type, triples=items, truncated=truncated)


def _take(items: Iterable, limit: int | None) -> tuple[list, bool]:
    out = []
    for item in items:
        if limit is not None and len(out) >= limit:
            return out, True
        out.append(item)
    return out, False


# (namespace, prefix), longest namespace first: the first that holds an IRI is the longest that does
_BY_LENGTH = sorted({ns: p for p, ns in reversed(PREFIXES.items())}.items(), key=lambda x: -len(x[0]))


def compact(iri: str) -> str:
    """An IRI as prefix:name when a known namespace holds it (the longest that does), else as it is."""
    for ns, prefix in _BY_LENGTH:
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


# --- writers: each gives a head, one string per row, a row separator and a tail --------------------

def _json_term(t) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value != _XSD_STRING:
            d["datatype"] = t.datatype.value
        return d
    return {"type": "triple", "value": {k: _json_term(getattr(t, k)) for k in ("subject", "predicate", "object")}}


def _json(r: Result):
    if r.form == "ASK":
        return json.dumps({"head": {}, "boolean": r.boolean}), (), "", ""
    head = '{"head":{"vars":' + json.dumps(list(r.variables)) + '},"results":{"bindings":[\n'
    rows = (json.dumps({v: _json_term(t) for v, t in zip(r.variables, row, strict=False) if t is not None},
                       ensure_ascii=False) for row in r.rows)
    return head, rows, ",\n", "\n]}}\n"


def escape(data: str) -> str:
    """XML character data, as xml.sax.saxutils.escape writes it (whose import pulls in urllib and email)."""
    return data.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(data: str) -> str:
    """An XML attribute value with its quotes, as xml.sax.saxutils.quoteattr writes it."""
    data = escape(data).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in data:
        return f'"{data}"'
    return f"'{data}'" if "'" not in data else '"' + data.replace('"', "&quot;") + '"'


def _xml_term(t) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        if t.language:
            return f"<literal xml:lang={quoteattr(t.language)}>{escape(t.value)}</literal>"
        if t.datatype.value != _XSD_STRING:
            return f"<literal datatype={quoteattr(t.datatype.value)}>{escape(t.value)}</literal>"
        return f"<literal>{escape(t.value)}</literal>"
    return f"<literal>{escape(str(t))}</literal>"


def _xml(r: Result):
    top = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'
    if r.form == "ASK":
        return top + f"<head/>\n<boolean>{'true' if r.boolean else 'false'}</boolean>\n</sparql>\n", (), "", ""
    head = top + "<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in r.variables) + "</head>\n<results>\n"
    rows = ("<result>" + "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                                 for v, t in zip(r.variables, row, strict=False) if t is not None) + "</result>\n"
            for row in r.rows)
    return head, rows, "", "</results>\n</sparql>\n"


def _plain(t) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.BlankNode):
        return "_:" + t.value
    return t.value if isinstance(t, (ox.NamedNode, ox.Literal)) else str(t)


def _csv_line(values: Iterable[str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(list(values))
    return buf.getvalue()


def _csv(r: Result):
    if r.form == "ASK":
        return "true\r\n" if r.boolean else "false\r\n", (), "", ""
    return _csv_line(r.variables), (_csv_line(_plain(t) for t in row) for row in r.rows), "", ""


def _tsv(r: Result):
    if r.form == "ASK":
        return "true\n" if r.boolean else "false\n", (), "", ""
    head = "\t".join("?" + v for v in r.variables) + "\n"
    rows = ("\t".join("" if t is None else str(t).replace("\t", "\\t") for t in row) + "\n" for row in r.rows)
    return head, rows, "", ""


def _cell(t, label: Callable) -> list[str]:
    """A table cell's lines: an IRI's label or prefixed name, whole; text wrapped at _CELL_WIDTH, one line
    per line of the value (aggregates list one value a line); a URL or other unbroken word never cut."""
    if isinstance(t, ox.NamedNode):
        return [label(t) or compact(t.value)]
    lines = []
    for part in _plain(t).split("\n"):
        part = " ".join(part.split())
        if len(part) <= _CELL_WIDTH:  # what textwrap gives a short line of single spaces, without its cost
            lines += [part] if part else []
        else:
            lines += _wrap(part)
    return lines or [""]


def _wrap(part: str) -> list[str]:
    """What textwrap.wrap(part, _CELL_WIDTH, break_long_words=False, break_on_hyphens=False) gives for a
    text of words joined by single spaces: words packed greedily, a longer word alone on its line."""
    lines, cur = [], ""
    for word in part.split(" "):
        if not cur:
            cur = word
        elif len(cur) + 1 + len(word) <= _CELL_WIDTH:
            cur += " " + word
        else:
            lines.append(cur)
            cur = word
    if cur:
        lines.append(cur)
    return lines


def _table(r: Result, label: Callable) -> str:
    if r.form == "ASK":
        return ("true" if r.boolean else "false") + "\n"
    cells = [[_cell(t, label) for t in row] for row in r.rows]
    widths = [max([len(v)] + [len(line) for row in cells for line in row[i]]) for i, v in enumerate(r.variables)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=False)).rstrip()  # noqa: E731
    out = [line(r.variables), line("-" * w for w in widths)]
    for row in cells:
        out += [line(c[i] if i < len(c) else "" for c in row) for i in range(max((len(c) for c in row), default=1))]
    n = len(r.rows)
    out.append(f"({n} row{'s' if n != 1 else ''}{', truncated' if r.truncated else ''})")
    return "\n".join(out) + "\n"


def _assemble(parts, max_bytes: int | None) -> tuple[bytes, bool]:
    head, rows, sep, tail = parts
    out = [head.encode("utf-8")]
    size = len(out[0]) + len(tail.encode("utf-8"))
    for i, row in enumerate(rows):
        piece = ((sep if i else "") + row).encode("utf-8")
        if max_bytes is not None and size + len(piece) > max_bytes:
            return b"".join(out) + tail.encode("utf-8"), True
        out.append(piece)
        size += len(piece)
    return b"".join(out) + tail.encode("utf-8"), False


def _rdf(r: Result, fmt: str, max_bytes: int | None) -> tuple[bytes, bool]:
    triples, truncated = list(r.triples), False
    while True:
        data = ox.serialize(triples, format=RDF_FORMATS[fmt], prefixes=PREFIXES if fmt in _PREFIXED else None)
        if max_bytes is None or len(data) <= max_bytes or not triples:
            return data, truncated
        triples, truncated = triples[:int(len(triples) * max_bytes / len(data) * 0.9)], True


def render(r: Result, fmt: str, label: Callable | None = None,
           max_bytes: int | None = None) -> tuple[bytes, bool]:
    """`r` in format `fmt` (CONSTRUCT/DESCRIBE: Turtle unless nt), and whether anything was cut off."""
    if r.form in ("CONSTRUCT", "DESCRIBE"):
        data, cut = _rdf(r, fmt if fmt in RDF_FORMATS else "turtle", max_bytes)
        return data, cut or r.truncated
    if fmt in RDF_FORMATS:
        raise ValueError(f"{fmt} is for CONSTRUCT and DESCRIBE queries; a {r.form} gives table, csv, tsv, "
                         "json or xml")
    if fmt == "table":
        return _table(r, label or (lambda t: None)).encode("utf-8"), r.truncated
    writer = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}[fmt]
    data, cut = _assemble(writer(r), max_bytes)
    return data, cut or r.truncated


def accepted(accept: str) -> list[tuple[str, float]]:
    """The media ranges of an Accept header with their q values (malformed q: 0), in the header's order."""
    out = []
    for part in accept.split(","):
        media, *params = [x.strip().lower() for x in part.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = min(max(float(p[2:]), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        if media:
            out.append((media, q))
    return out


def choose(accept: str, offers: tuple[str, ...], media_types: dict[str, str] = MEDIA_TYPES) -> str | None:
    """The offer the Accept header prefers (highest q; ties: the header's order); the first offer when
    the header is empty; None when it accepts none of `offers`."""
    if not accept.strip():
        return offers[0]
    best, best_q = None, 0.0
    for media, q in accepted(accept):
        if media == "*/*":
            found = offers[:1]
        elif media.endswith("/*"):
            found = [f for f in offers if media_types[f].startswith(media[:-1])][:1]
        else:
            found = [f for f in offers if media_types[f] == media or f in _ALIASES.get(media, ())][:1]
        if found and q > best_q:
            best, best_q = found[0], q
    return best


def negotiate(accept: str, form: str) -> str | None:
    """The result format the Accept header prefers for a query form; None when it accepts none."""
    return choose(accept, GRAPH_OFFERS if form in ("CONSTRUCT", "DESCRIBE") else SELECT_OFFERS)
