"""`build --align`: the triples the ontology's alignments entail (schema.org, DBpedia, ORG, FtM, Wikidata)."""
from __future__ import annotations

import heapq
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import Dataset, URIRef
from rdflib.namespace import RDF

from wikikg.errors import OutputError
from wikikg.kb.alignment import alignment

__all__ = ["align_dataset", "align_file", "aligned_lines", "split_line"]

_TYPE = str(RDF.type)
_CHUNK = 1_000_000  # aligned lines sorted in memory at a time (align_file)


def _entailed(s: str, p: str, o: str) -> Iterator[tuple[str, str, str]]:
    """(s, p, o) as N-Triples terms -> the triples its alignments entail, as N-Triples terms."""
    a = alignment()
    iri = p[1:-1]
    for q, inverse in a.properties.get(iri, ()):
        if not inverse:
            yield s, f"<{q}>", o
        elif o.startswith("<"):
            yield o, f"<{q}>", s
    if iri == _TYPE and o.startswith("<"):
        for q, value in a.classes.get(o[1:-1], ()):
            yield s, f"<{q}>", f"<{value}>"


def align_dataset(ds: Dataset) -> int:
    """Add to each graph of `ds` the triples its wkg: triples entail through the ontology's alignments
    (the type and property closures of wikikg.ttl); returns how many were added."""
    a, added = alignment(), 0
    for g in list(ds.graphs()):
        extra = set()
        for s, p, o in g:
            for q, inverse in a.properties.get(str(p), ()):
                if not inverse:
                    extra.add((s, URIRef(q), o))
                elif isinstance(o, URIRef):
                    extra.add((o, URIRef(q), s))
            if p == RDF.type:
                extra.update((s, URIRef(q), URIRef(v)) for q, v in a.classes.get(str(o), ()))
        before = len(g)
        for t in sorted(extra):
            g.add(t)
        added += len(g) - before
    return added


# A line's subject and predicate (up to the first and second space), its object (an IRI up to its ">", a
# quoted literal (its escapes \" \\ inside) with its @lang or ^^<datatype> up to the next space, or a
# blank node up to the next space), and the rest: one match instead of a scan per term.
_LINE = re.compile(r'([^ ]*) ([^ ]*) (<[^>]*>|"[^"\\]*(?:\\.[^"\\]*)*"[^ ]*(?= )|[^ <"][^ ]*(?= ))(.*)', re.S)


def split_line(line: str) -> tuple[str, str, str, str] | None:
    """An N-Triples / N-Quads line -> (subject, predicate, object, the rest: ' <graph> .\\n' or ' .\\n')."""
    m = _LINE.match(line)
    return m.groups() if m else None


def aligned_lines(lines: Iterable[str]) -> Iterator[str]:
    """The N-Triples / N-Quads lines the given lines entail through the ontology's alignments (in the
    same graph as the line that entails them)."""
    for line in lines:
        parts = split_line(line)
        if parts is None:
            continue
        s, p, o, tail = parts
        for es, ep, eo in _entailed(s, p, o):
            yield f"{es} {ep} {eo}{tail}"


def align_file(path: Path) -> int:
    """Rewrite a sorted N-Triples / N-Quads file with the lines its own lines entail merged in (sorted,
    no duplicates, flat memory: entailed lines are sorted in chunks on disk); returns lines added."""
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    chunks: list[Path] = []
    try:
        with open(path, encoding="utf-8") as f:
            batch: list[str] = []
            for line in aligned_lines(f):
                batch.append(line)
                if len(batch) >= _CHUNK:
                    chunks.append(_spill(sorted(set(batch)), tmp / f"{len(chunks):06d}"))
                    batch = []
            chunks.append(_spill(sorted(set(batch)), tmp / f"{len(chunks):06d}"))
        before = sum(1 for _ in open(path, encoding="utf-8"))
        target, n, last = tmp / "merged", 0, None
        handles = [open(p, encoding="utf-8") for p in [path, *chunks]]
        try:
            with open(target, "w", encoding="utf-8") as out:
                for line in heapq.merge(*handles):
                    if line != last:
                        out.write(line)
                        n, last = n + 1, line
        finally:
            for h in handles:
                h.close()
        os.chmod(target, os.stat(path).st_mode & 0o777)
        os.replace(target, path)
        return n - before
    except OSError as e:
        raise OutputError(f"{path}: cannot add the aligned triples ({e.strerror or e})") from None
    finally:
        for p in tmp.iterdir() if tmp.exists() else ():
            p.unlink()
        tmp.rmdir() if tmp.exists() else None


def _spill(lines: list[str], path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(lines)
    return path
