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


HEAVY = ("rdflib", "pyparsing", "mwparserfromhell", "networkx", "email", "http", "wikikg.model",
         "wikikg.pipeline", "wikikg.formats", "wikikg.extract", "wikikg.parse")


def _imported_by(args: list[str]) -> tuple[set[str], str]:
    """The heavy modules a fresh `wikikg ARGS` process imports (it runs in this interpreter), and what
    it printed."""
    code = ("import sys\nfrom wikikg.cli import main\nsys.argv = ['wikikg'] + sys.argv[1:]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print(' '.join(sorted(m for m in sys.modules if m.startswith({HEAVY!r}))), file=sys.stderr)")
    run = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return set(run.stderr.split()), run.stdout


def test_help_imports_nothing_heavy():
    heavy, out = _imported_by(["--help"])
    assert heavy == set() and "build" in out


def test_a_bound_named_query_over_a_store_imports_no_rdflib_nor_sparql_parser(tmp_path):
    from wikikg.formats.writers import write
    from wikikg.pipeline.stages import build
    from wikikg.sparql.store import load_dataset, open_store

    text = "'''Beta Corp''' is a company founded by [[Jane Roe]] in 2010.\n"
    (tmp_path / "Beta_Corp.wikitext").write_text(text, "utf-8")
    ds = build([str(tmp_path / "Beta_Corp.wikitext")]).dataset
    write(ds, tmp_path / "g.nq")
    store = open_store(tmp_path / "store", create=True)
    load_dataset(store, ds)
    del store
    heavy, out = _imported_by(["query", "founders", "--store", str(tmp_path / "store"), "--param", "org=Beta Corp"])
    assert heavy == set() and "Jane Roe" in out


def test_a_streaming_build_imports_no_networkx(tmp_path):
    """`build -o X.nq` writes N-Quads lines: the property-graph exports' networkx (~0.1 s of start-up) stays
    unloaded."""
    (tmp_path / "Beta_Corp.wikitext").write_text("'''Beta Corp''' is a company founded by [[Jane Roe]].\n", "utf-8")
    heavy, _ = _imported_by(["build", str(tmp_path / "Beta_Corp.wikitext"), "-o", str(tmp_path / "out.nq"),
                             "-j", "1", "--no-progress"])
    assert "wikikg.extract" in heavy and not {m for m in heavy if m.split(".")[0] == "networkx"}
