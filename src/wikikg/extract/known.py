"""Names the ontology's tables know (authorities, sanctions programmes, exchanges) and class strengths."""
from __future__ import annotations

import re
from functools import cache

from wikikg.kb.mappings import authorities, exchanges
from wikikg.model import Mention

__all__ = ["CONTEXT", "PLACE", "SHAPE", "STRONG", "known_tables", "programme_authority", "programme_key_linked",
           "programmes_in"]

STRONG, SHAPE, PLACE, CONTEXT = 4, 3, 2, 1  # table/infobox, name shape, place gazetteer, context words


@cache
def known_tables() -> tuple[dict[str, Mention], dict[str, str]]:
    """Authorities, programmes and exchanges as name -> mention; programme name -> key."""
    out, programmes = {}, {}
    for a in authorities().authorities:
        m = Mention(a.key, a.key, True, frozenset({a.type}), authority=True, strength=STRONG)
        for n in [a.key, *a.aliases]:
            out.setdefault(n, m)
    for p in authorities().programmes:
        m = Mention(p.key, p.key, p.linked, frozenset({"SanctionsProgramme"}), strength=STRONG)
        for n in [p.key, *p.aliases]:
            out.setdefault(n, m)
            programmes[n.lower()] = p.key
    for e in exchanges():
        m = Mention(e.title, e.title, True, frozenset({"StockExchange"}), strength=STRONG)
        for n in [e.title, *e.names]:
            out.setdefault(n, m)
    return out, programmes


def programme_authority(key: str) -> str | None:
    """The authority that runs a sanctions programme."""
    p = authorities().programme(key)
    return p.authority if p is not None else None


def programme_key_linked(key: str) -> Mention:
    """The entity mention of a sanctions programme, by its key."""
    p = authorities().programme(key)
    return Mention(key, key, p.linked if p is not None else True, frozenset({"SanctionsProgramme"}), strength=STRONG)


def programmes_in(text: str) -> list[str]:
    """Keys of the sanctions programmes a text names (case-insensitive)."""
    _, progs = known_tables()
    low = text.lower()
    return sorted({k for n, k in progs.items() if n in low and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", low)})
