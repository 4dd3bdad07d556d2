"""The command line's shape: thin subcommands, one module each, a light import, no click below cli/."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from wikikg.cli import main

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "wikikg"


def test_every_subcommand_is_registered_from_its_own_module():
    modules = {name: cmd.callback.__module__ for name, cmd in main.commands.items()}
    assert modules == {"build": "wikikg.cli.build", "eval": "wikikg.cli.evaluate", "export": "wikikg.cli.export",
                       "query": "wikikg.cli.query", "queries": "wikikg.cli.query", "serve": "wikikg.cli.serve",
                       "view": "wikikg.cli.view"}


def test_importing_the_cli_loads_no_graph_library_nor_pipeline():
    code = ("import sys, wikikg.cli; print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('rdflib', 'pyoxigraph', 'networkx', 'mwparserfromhell') or m.startswith(('wikikg.pipeline', "
            "'wikikg.formats', 'wikikg.sparql', 'wikikg.extract', 'wikikg.parse')))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


def test_only_cli_uses_click():
    users = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                   if "import click" in p.read_text("utf-8"))
    assert users and all(u.startswith("cli/") for u in users), users
