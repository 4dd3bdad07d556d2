"""Stock listings in an infobox's traded_as item: the exchange by its ticker template or its name, and the tickers."""
from __future__ import annotations

import functools
import re

from wikikg.kb.mappings import exchanges
from wikikg.model import FieldItem, Mention

_SPACES_UNDERSCORES = re.compile(r"[\s_]+")
_TICKER_TEXT = re.compile(r"([A-Za-z][\w.&\- ]{0,40}?)\s*:\s*([A-Za-z0-9][\w.\-]*)")


def norm(name: str) -> str:
    """A template's or an infobox kind's name compared: spaces for underscores, lower case, no "infobox " first."""
    name = _SPACES_UNDERSCORES.sub(" ", name).strip().lower()
    return name[8:].strip() if name.startswith("infobox ") else name


@functools.cache
def _exchanges() -> tuple[dict, dict]:
    """Exchanges by ticker template and by name (exchanges.toml)."""
    by_template, by_name = {}, {}
    for ex in exchanges():
        by_template.update((t, ex) for t in ex.templates)
        for n in (ex.title, *ex.names, *ex.ambiguous_names):
            by_name[n.casefold()] = ex
    return by_template, by_name


def listings(item: FieldItem) -> list[tuple[Mention, tuple[tuple[str, str], ...]]]:
    """(exchange mention, ticker qualifiers) for each listing named in one traded_as item."""
    by_template, by_name = _exchanges()
    found = []
    for t in item.templates:
        if (ex := by_template.get(norm(t.name))) is not None:
            codes = [v.strip() for k, v in t.params if k.isdigit() and v.strip()]
            found.append((ex, codes if ex.tickers == "all" else codes[:1]))
    if not found:  # plain text: "NYSE: ABC", "[[Nasdaq]]: XYZ"
        for hit in _TICKER_TEXT.finditer(item.text):
            link = next((k for k in item.links if k.start <= hit.start(1) < k.end), None)
            ex = by_name.get(link.target.casefold()) if link else None
            words = hit.group(1).split()  # "formerly NYSE: ABC": the name is the last words
            names = (" ".join(words[i:]).casefold() for i in range(len(words)))
            if (ex := ex or next(filter(None, map(by_name.get, names)), None)) is not None:
                found.append((ex, [hit.group(2)]))
    out = []
    for ex, codes in found:
        pad = ex.pad
        codes = [c.zfill(pad) if pad and c.isdigit() else c for c in codes]
        mention = Mention(ex.title, ex.title, True, frozenset({"StockExchange"}), strength=4)
        out.append((mention, tuple(("ticker", c) for c in codes)))
    return out
