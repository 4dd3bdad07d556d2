"""Graph files of any RDF format we write, read back into an rdflib Dataset."""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from wikikg.errors import InputError
from wikikg.formats.writers import RDF_FORMATS
from wikikg.graph import bind

_PARSERS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld",
            ".json": "json-ld"}


def read_graph(path: str | Path) -> Dataset:
    """Read any format we write into a Dataset (named graphs kept for .nq/.trig); InputError if it cannot."""
    p = Path(path)
    fmt = _PARSERS.get(p.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown graph format {p.suffix!r} (known: {', '.join(RDF_FORMATS)})")
    if not p.is_file():
        raise InputError(f"{path}: no such file")
    ds = bind(Dataset(default_union=True))
    try:
        if fmt in ("nquads", "trig"):
            ds.parse(p, format=fmt)
        else:
            ds.default_graph.parse(p, format=fmt)
    except RecursionError:
        raise InputError(f"{path}: nesting too deep to parse") from None
    except Exception as e:  # rdflib raises many kinds of syntax errors
        raise InputError(f"{path}: not valid {fmt}: {str(e).splitlines()[0][:200]}") from None
    return ds
