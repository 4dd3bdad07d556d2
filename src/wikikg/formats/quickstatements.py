"""Wikidata QuickStatements (v1) for cited facts, items keyed by English Wikipedia title."""
from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import unquote

from wikikg.errors import OutputError
from wikikg.formats.propertygraph import Citation, Fact, PropertyGraph

__all__ = ["ITEM_PROPERTIES", "LITERAL_PROPERTIES", "placeholder", "placeholders", "resolve",
           "time_value", "to_quickstatements", "to_statements"]

# wkg relation -> (Wikidata property on the subject, inverse property on the object or None).
ITEM_PROPERTIES = {
    "foundedBy": ("P112", None),        # founded by
    "listedOn": ("P414", None),         # stock exchange (qualifier P249 ticker symbol)
    "headquarteredIn": ("P159", None),  # headquarters location
    "subsidiaryOf": ("P749", "P355"),   # parent organization / has subsidiary
    "memberOf": ("P463", None),         # member of
}
# literal-valued fact -> (Wikidata property, value kind)
LITERAL_PROPERTIES = {"foundingDate": ("P571", "time"), "website": ("P856", "string")}
_DATED = {"listedOn", "subsidiaryOf", "memberOf", "headquarteredIn"}  # P580 start / P582 end time
_PLACEHOLDER = re.compile(r"\{enwiki:([^{}\t\n]+)\}")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def placeholder(title: str) -> str:
    """The item of an English Wikipedia title, to be replaced by its Q-id: '{enwiki:Title}'."""
    return "{enwiki:" + title + "}"


def time_value(value: str) -> str | None:
    """An ISO date, year-month or year as a QuickStatements time with its precision."""
    m = _ISO.match(value)
    if not m:
        return None
    year, month, day = m.group(1), m.group(2) or "00", m.group(3) or "00"
    precision = 11 if m.group(3) else 10 if m.group(2) else 9
    return f"+{year}-{month}-{day}T00:00:00Z/{precision}"


def _string(value: str) -> str | None:
    return None if '"' in value or "\t" in value or "\n" in value else f'"{value}"'


def _title(pg: PropertyGraph, iri: str) -> str | None:
    ent = pg.entities.get(iri)
    prefix = "https://en.wikipedia.org/wiki/"
    if ent is None or not ent.wikipedia or not ent.wikipedia.startswith(prefix):
        return None  # an entity with no Wikipedia article: no Wikidata item we can name
    return unquote(ent.wikipedia[len(prefix):]).replace("_", " ")


def _reference(c: Citation) -> list[str] | None:
    url = _string(c.url) if c.url else None
    if not url:
        return None
    ref = ["S854", url]
    title = _string(c.title) if c.title else None
    if title:  # a monolingual text in the citation's language; a cite template without one is in English
        ref += ["S1476", f"{c.language or 'en'}:{title}"]
    published = time_value(c.date) if c.date else None
    if published:
        ref += ["S577", published]
    return ref


def _claims(pg: PropertyGraph, f: Fact, tickers: dict) -> list[list[str]]:
    subject = _title(pg, f.subject)
    if subject is None or f.modality != "asserted":
        return []
    if f.relation in LITERAL_PROPERTIES:
        prop, kind = LITERAL_PROPERTIES[f.relation]
        value = time_value(f.object) if kind == "time" else _string(f.object)
        return [[placeholder(subject), prop, value]] if value else []
    obj = _title(pg, f.object) if f.object_is_entity else None
    if f.relation not in ITEM_PROPERTIES or obj is None:
        return []
    prop, inverse = ITEM_PROPERTIES[f.relation]
    quals: list[str] = []
    if f.relation == "listedOn":
        for value in sorted(tickers.get((f.subject, f.object), ())):
            quals += ["P249", _string(value)]
    if f.relation in _DATED:
        for q, v in (("P580", f.date), ("P582", f.end_date)):
            if v and time_value(v):
                quals += [q, time_value(v)]
    claims = [[placeholder(subject), prop, placeholder(obj), *quals]]
    if inverse:
        claims.append([placeholder(obj), inverse, placeholder(subject), *quals])
    return claims


def to_statements(pg: PropertyGraph) -> list[str]:
    """One line per (claim, cited source): facts with no cited URL are left out, sorted, unique."""
    lines: set[str] = set()
    tickers: dict[tuple[str, str], set[str]] = {}
    for f in pg.facts:  # a listing's ticker, from whichever fact about that listing gives it
        if f.relation == "listedOn" and f.modality == "asserted":
            tickers.setdefault((f.subject, f.object), set()).update(
                v for n, v in f.qualifiers if n == "ticker" and _string(v))
    for f in pg.facts:
        refs = [r for r in map(_reference, f.citations) if r]
        for claim in _claims(pg, f, tickers):
            for ref in refs:
                lines.add("\t".join(claim + ref))
    return sorted(lines)


def to_quickstatements(pg: PropertyGraph) -> bytes:
    """The QuickStatements v1 text (tab-separated, one command a line, enwiki placeholders); OutputError
    saying why when there is no statement to write (rather than an empty file)."""
    lines = to_statements(pg)
    if not lines:
        raise OutputError(f"no QuickStatements to write: {_why_none(pg)}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _why_none(pg: PropertyGraph) -> str:
    if not any(c.url for f in pg.facts for c in f.citations):
        return ("no fact cites a source with a URL (every statement needs a reference; plain text has no "
                "<ref> citations: build from the article's wikitext)")
    return ("no cited fact maps to a Wikidata property between items with English Wikipedia articles "
            f"({', '.join(sorted(ITEM_PROPERTIES) + sorted(LITERAL_PROPERTIES))})")


def placeholders(text: str) -> list[str]:
    """The English Wikipedia titles whose Wikidata items `text` needs, sorted."""
    return sorted(set(_PLACEHOLDER.findall(text)))


def resolve(text: str, qids: Mapping[str, str]) -> tuple[str, list[str]]:
    """Replace placeholders by Q-ids; lines naming an unknown title are dropped and reported."""
    kept, missing = [], set()
    for line in text.splitlines():
        unknown = [t for t in _PLACEHOLDER.findall(line) if t not in qids]
        if unknown:
            missing.update(unknown)
            continue
        kept.append(_PLACEHOLDER.sub(lambda m: qids[m.group(1)], line))
    return ("\n".join(kept) + "\n" if kept else ""), sorted(missing)
