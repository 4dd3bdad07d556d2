"""Typed loader of ontology/exchanges.toml: stock exchanges, their ticker templates and names."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources.abc import Traversable
from pathlib import Path

from wikikg.errors import RuleError
from wikikg.kb.schema import Items, Table, check, read

__all__ = ["Exchange", "exchanges", "load_exchanges"]

Directory = Path | Traversable | None


@dataclass(frozen=True)
class Exchange:
    """A stock exchange: its title, ticker templates, the names prose uses, ticker format."""

    title: str
    templates: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    ambiguous_names: tuple[str, ...] = ()
    pad: int | None = None
    tickers: str = "first"


EXCHANGES = Table({"exchange": Items(Table(
    {"title": str, "templates": list, "names": list, "ambiguous_names": list, "pad": int, "tickers": str},
    frozenset({"title"}), "title"))})


def load_exchanges(directory: Directory = None) -> tuple[Exchange, ...]:
    """exchanges.toml (of `directory`, for tests), checked against its closed schema."""
    d = check(read("exchanges.toml", directory), EXCHANGES, "exchanges.toml")
    out = tuple(Exchange(**{k: tuple(v) if isinstance(v, list) else v for k, v in e.items()})
                for e in d.get("exchange", ()))
    for e in out:
        if e.tickers not in ("first", "all"):
            raise RuleError(f"exchanges.toml exchange {e.title!r}: tickers {e.tickers!r} is not 'first' or 'all'")
    return out


@cache
def exchanges() -> tuple[Exchange, ...]:
    """Stock exchanges and their ticker templates (ontology/exchanges.toml)."""
    return load_exchanges()
