"""ontology/authorities.toml as typed tables: sanctioning authorities and the programmes they run."""
from __future__ import annotations

from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path

from wikikg.errors import RuleError
from wikikg.kb.schema import Items, Table, check, read
from wikikg.kb.tablestore import stored_table
from wikikg.kb.vocabulary import classes

__all__ = ["Authorities", "Authority", "Programme", "authorities", "load_authorities"]

Directory = Path | Traversable | None


def _classes(file: str, where: str, key: str, name: str) -> None:
    if name not in classes():
        raise RuleError(f"{file} {where}: {key} {name!r} is not a class of wikikg.ttl")


@dataclass(frozen=True)
class Authority:
    """A sanctioning authority: its Wikipedia title, class, other names, country and parent body."""

    key: str
    type: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    parent: str | None = None


@dataclass(frozen=True)
class Programme:
    """A sanctions or export-control programme and the authority that runs it."""

    key: str
    authority: str
    aliases: tuple[str, ...] = ()
    linked: bool = True
    about: str = ""


@dataclass(frozen=True)
class Authorities:
    """authorities.toml: the authorities and their programmes, in file order."""

    authorities: tuple[Authority, ...]
    programmes: tuple[Programme, ...]

    def programme(self, key: str) -> Programme | None:
        """The programme with this key, None when there is none."""
        return next((p for p in self.programmes if p.key == key), None)


AUTHORITIES = Table({
    "authority": Items(Table({"key": str, "type": str, "aliases": list, "country": str, "parent": str},
                             frozenset({"key", "type"}), "key")),
    "programme": Items(Table({"key": str, "authority": str, "aliases": list, "linked": bool, "about": str},
                             frozenset({"key", "authority"}), "key")),
})


def load_authorities(directory: Directory = None) -> Authorities:
    """authorities.toml (of `directory`, for tests), checked against its closed schema."""
    d = check(read("authorities.toml", directory), AUTHORITIES, "authorities.toml")
    out = Authorities(tuple(Authority(**{**a, "aliases": tuple(a.get("aliases", ()))}) for a in d.get("authority", ())),
                      tuple(Programme(**{**p, "aliases": tuple(p.get("aliases", ()))}) for p in d.get("programme", ())))
    keys = {a.key for a in out.authorities}
    for a in out.authorities:
        _classes("authorities.toml", f"authority {a.key!r}", "type", a.type)
        if a.parent is not None and a.parent not in keys:
            raise RuleError(f"authorities.toml authority {a.key!r}: unknown parent {a.parent!r}")
    for p in out.programmes:
        if p.authority not in keys:
            raise RuleError(f"authorities.toml programme {p.key!r}: unknown authority {p.authority!r}")
    return out


@stored_table
def authorities() -> Authorities:
    """Sanctioning authorities and programmes (ontology/authorities.toml)."""
    return load_authorities()
