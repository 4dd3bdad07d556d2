"""Closed schemas for the TOML data files of ontology/: an unknown key anywhere is a RuleError."""
from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path

from wikikg.errors import RuleError
from wikikg.kb.ontology import ontology_dir
from wikikg.kb.vocabulary import classes

__all__ = ["Free", "Items", "Table", "by_class", "check", "read", "suggest"]


@dataclass(frozen=True)
class Table:
    """A TOML table with a fixed set of keys: `fields` maps each key to its schema (a Table, Items,
    Free, or the Python type(s) of a value); `required` keys must be there; `named_by` is the key
    whose value names an entry in messages ("id", "key", "kind"); `gone` keys are refused with a
    note saying where what they said lives now."""

    fields: dict[str, object]
    required: frozenset[str] = frozenset()
    named_by: str | None = None
    gone: dict[str, str] = field(default_factory=dict, hash=False)  # former keys -> where that knowledge lives


@dataclass(frozen=True)
class Items:
    """An array of tables, each of schema `item`."""

    item: Table


@dataclass(frozen=True)
class Free:
    """A table whose keys are data (class names, parameter names), each value of schema `value`;
    `keys` checks a key and returns an error message, or None when the key is fine."""

    value: object
    keys: object = None  # Callable[[str], str | None]
    what: str = field(default="key")


def _class_key(name: str) -> str | None:
    return None if name in classes() else f"not a class of wikikg.ttl; {suggest(name, classes())}"


def by_class(value: object = list) -> Free:
    """A table keyed by class local names of wikikg.ttl, each value of schema `value`."""
    return Free(value, _class_key, "class")


def read(name: str, directory: Path | Traversable | None = None) -> dict:
    """One TOML data file of ontology/ (or of `directory`, for tests), as TOML gives it."""
    base = ontology_dir() if directory is None else directory
    try:
        with (base / name).open("rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise RuleError(f"{name}: not valid TOML: {e}") from None


_checked: dict[str, dict] = {}


def checked(name: str, schema: Table, directory: Path | Traversable | None = None) -> dict:
    """One data file of ontology/, read and checked against `schema` once until `forget_checked()`: several tables
    are read from one file (relations.toml's rules and type groups, sections.toml's eight tables). Read only. A file
    of another `directory` (a test's) is read and checked afresh."""
    if directory is not None:
        return check(read(name, directory), schema, name)
    if name not in _checked:
        _checked[name] = check(read(name), schema, name)
    return _checked[name]


def forget_checked() -> None:
    """Drop the files `checked` kept (once every table is loaded: their tables hold what is needed of them)."""
    _checked.clear()


def check(data: dict, schema: Table, file: str) -> dict:
    """Check `data` (a whole file) against `schema`; raise RuleError naming the file, the entry and
    the key, with the closest valid key, for anything the schema does not know. Returns `data`."""
    _table(data, schema, file, "")
    return data


def _fail(file: str, where: str, message: str) -> RuleError:
    return RuleError(f"{file}{' ' + where if where else ''}: {message}")


def suggest(key: str, valid) -> str:
    """"did you mean 'x'?" for the closest of the valid keys, else the list of them."""
    close = difflib.get_close_matches(key, sorted(valid), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else f"valid: {', '.join(sorted(valid)) or 'none'}"


def _into(where: str, key: str) -> str:
    """The path of `key` inside `where`: [a.b] for tables of tables, "rule 'x' examples" below an entry."""
    if not where:
        return f"[{key}]"
    if where.startswith("[") and where.endswith("]"):
        return f"{where[:-1]}.{key}]"
    return f"{where} {key}"


def _entry(where: str, key: str, name) -> str:
    """The path of one entry of the array `key` inside `where`: "rule 'founding.passive'"."""
    head = key if not where or where.startswith("[") else f"{where} {key}"
    return f"{head} {name!r}" if isinstance(name, str) else f"{head} #{name}"


def _table(data, schema: Table, file: str, where: str) -> None:
    if not isinstance(data, dict):
        raise _fail(file, where, f"expected a table, got {type(data).__name__}")
    for key, value in data.items():
        if key in schema.gone:
            raise _fail(file, where, f"unknown key {key!r} ({schema.gone[key]})")
        if key not in schema.fields:
            raise _fail(file, where, f"unknown key {key!r} ({suggest(key, schema.fields)})")
        _value(value, schema.fields[key], file, where, key)
    missing = sorted(schema.required - set(data))
    if missing:
        raise _fail(file, where, f"missing key {missing[0]!r}")


def _value(value, schema, file: str, where: str, key: str) -> None:
    if isinstance(schema, Table):
        _table(value, schema, file, _into(where, key))
    elif isinstance(schema, Items):
        if not isinstance(value, list):
            raise _fail(file, _into(where, key), "expected an array of tables")
        for i, item in enumerate(value, 1):
            name = item.get(schema.item.named_by, i) if isinstance(item, dict) and schema.item.named_by else i
            _table(item, schema.item, file, _entry(where, key, name))
    elif isinstance(schema, Free):
        inner = _into(where, key)
        if not isinstance(value, dict):
            raise _fail(file, inner, "expected a table")
        for k, v in value.items():
            problem = schema.keys(k) if schema.keys is not None else None
            if problem:
                raise _fail(file, inner, f"unknown {schema.what} {k!r} ({problem})")
            _value(v, schema.value, file, inner, k)
    elif not isinstance(value, schema):
        kinds = schema if isinstance(schema, tuple) else (schema,)
        raise _fail(file, _into(where, key), f"expected {' or '.join(k.__name__ for k in kinds)}, "
                                              f"got {type(value).__name__}")
