"""One error tree: every error wikikg raises on purpose is a WikikgError whose message says what to do."""
from __future__ import annotations

__all__ = ["ArticleSkipped", "GazetteerError", "InputError", "OutputError", "QueryError", "QueryRefused",
           "RuleError", "ServerError", "StoreError", "WikikgError"]


class WikikgError(ValueError):
    """The base of wikikg's errors: the message names the input and says what to do about it.

    A ValueError too, so callers written against earlier releases (`except ValueError`) still work.
    """


class InputError(WikikgError):
    """An input that cannot be read at all: missing, binary, not UTF-8, unknown kind."""


class ArticleSkipped(WikikgError):
    """An article that is not built, for a reason of its input (too large, empty, a redirect)."""


class RuleError(WikikgError):
    """A data file of ontology/ that is malformed: an unknown key, property, class, selector or a bad regex."""


class OutputError(WikikgError):
    """An output path whose extension names no format we write, or that cannot be written."""


class GazetteerError(WikikgError):
    """A gazetteer that cannot be read."""


class StoreError(WikikgError):
    """A store directory or graph file that cannot be opened or read."""


class ServerError(WikikgError):
    """A server that cannot start: its port is out of range, in use or not ours to bind."""


class QueryError(WikikgError):
    """A query, query file or parameter that cannot be used (HTTP 400)."""


class QueryRefused(QueryError):
    """A query that would change data or reach outside the local graph (HTTP 403)."""
