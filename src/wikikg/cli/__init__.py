"""The `wikikg` command: the group, its version option and its subcommands (one module each)."""
from __future__ import annotations

import click

from wikikg.cli.build import build
from wikikg.cli.common import load_graph
from wikikg.cli.evaluate import evaluate
from wikikg.cli.export import export
from wikikg.cli.query import queries, query
from wikikg.cli.serve import serve
from wikikg.cli.view import view

__all__ = ["load_graph", "main"]


@click.group()
@click.version_option(package_name="wikikg")
def main() -> None:
    """wikikg: Wikipedia articles -> a typed, dated, sourced knowledge graph in RDF."""


for _command in (build, export, evaluate, query, queries, serve, view):
    main.add_command(_command)
