"""ontology/names.toml as typed tables: name shapes, class cues and stop words."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources.abc import Traversable
from pathlib import Path

from wikikg.kb.schema import Table, by_class, check, read

__all__ = ["Names", "Shape", "StopWords", "load_names", "name_tables"]


@dataclass(frozen=True)
class Shape:
    """Words in a name that give its class: anywhere in it, or as its last words."""

    anywhere: tuple[str, ...] = ()
    suffix: tuple[str, ...] = ()


@dataclass(frozen=True)
class StopWords:
    """Capitalised words that are no names on their own, titles before a person's name, and the
    lower-case words allowed inside a name."""

    openers: tuple[str, ...]
    words: tuple[str, ...]
    titles: tuple[str, ...]
    joiners: tuple[str, ...]


@dataclass(frozen=True)
class Names:
    """names.toml. Tables keyed by class keep the file's order, which is the order classes win in."""

    shape: dict[str, Shape]
    disambiguation: dict[str, tuple[str, ...]]
    context: dict[str, tuple[str, ...]]
    stop: StopWords
    categories: dict[str, tuple[str, ...]]
    lead: dict[str, tuple[str, ...]]
    membership: tuple[str, ...]


SCHEMA = Table({
    "shape": by_class(Table({"anywhere": list, "suffix": list})),
    "disambiguation": by_class(), "context": by_class(), "categories": by_class(), "lead": by_class(),
    "stop": Table({"openers": list, "words": list, "titles": list, "joiners": list},
                  frozenset({"openers", "words", "titles", "joiners"})),
    "membership": Table({"suffix": list}, frozenset({"suffix"})),
}, frozenset({"shape", "stop"}))


def _words(table: dict) -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in table.items()}


def load_names(directory: Path | Traversable | None = None) -> Names:
    """names.toml (of `directory`, for tests), checked against its closed schema."""
    d = check(read("names.toml", directory), SCHEMA, "names.toml")
    return Names(
        {k: Shape(tuple(v.get("anywhere", ())), tuple(v.get("suffix", ()))) for k, v in d["shape"].items()},
        _words(d.get("disambiguation", {})), _words(d.get("context", {})), StopWords(**{
            k: tuple(v) for k, v in d["stop"].items()}),
        _words(d.get("categories", {})), _words(d.get("lead", {})), tuple(d.get("membership", {}).get("suffix", ())))


@cache
def name_tables() -> Names:
    """The name tables of ontology/names.toml."""
    return load_names()
