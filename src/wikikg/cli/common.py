"""What the subcommands share: the error exit and reading a graph file."""
from __future__ import annotations

import sys
from typing import NoReturn

import click

from wikikg.errors import InputError


def fail(message: str) -> NoReturn:
    """Print `wikikg: error: MESSAGE` on stderr and exit with status 1."""
    click.echo(f"wikikg: error: {message}", err=True)
    sys.exit(1)


def load_graph(path: str):
    """Read any format we write into a Dataset (named graphs kept for .nq/.trig); exit 1 if it cannot."""
    from wikikg.formats.readers import read_graph

    try:
        return read_graph(path)
    except InputError as e:
        fail(str(e))
