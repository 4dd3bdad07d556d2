"""The docs match the code: generated references are current, named paths exist, README commands parse."""
from __future__ import annotations

import importlib.util
import re
import shlex
from pathlib import Path

import click
import pytest

ROOT = Path(__file__).resolve().parents[1]
REGENERATE = "python benchmarks/make_docs.py"
# The docs that describe the tree as it is (CHANGELOG.md names old paths on purpose).
DOCS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]
# Backticked paths under these folders are checked; others (out/, ../shared/, /tmp/) are examples.
CHECKED_ROOTS = {"src", "ontology", "tests", "benchmarks", "docs", "seeds", ".ci"}


def _load_make_docs():
    spec = importlib.util.spec_from_file_location("make_docs", ROOT / "benchmarks" / "make_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_docs = _load_make_docs()


def _ids(paths):
    return [p.relative_to(ROOT).as_posix() for p in paths]


# --- generated references --------------------------------------------------------------------------

def test_cli_reference_is_current():
    current = (ROOT / "docs" / "cli.md").read_text("utf-8")
    assert current == make_docs.cli_markdown(), f"docs/cli.md is stale: run `{REGENERATE}`"


def test_cli_reference_covers_every_command():
    text = (ROOT / "docs" / "cli.md").read_text("utf-8")
    group = make_docs.cli_group()
    for name in group.list_commands(click.Context(group)):
        assert f"\n## wikikg {name}\n" in text, name


def test_readme_figures_and_lists_are_generated_and_current():
    current = (ROOT / "README.md").read_text("utf-8")
    assert current == make_docs.readme_markdown(current), f"README.md's generated blocks are stale: run `{REGENERATE}`"
    for block, text in make_docs.readme_blocks().items():
        assert f"<!-- BEGIN generated: {block} -->\n{text}<!-- END generated: {block} -->" in current


def test_readme_figures_come_from_the_recorded_benchmarks_and_judgements():
    quality = make_docs._result("quality")["sets"]["held-out companies"]
    yes, judged, _ = make_docs.judged_dump_sample()
    limits = make_docs.readme_blocks()["limits"]
    assert f"{quality['precision']:.3f}" in limits and f"{yes} of {judged}" in limits
    u_yes, u_judged, name = make_docs.judged_unseen_sample()
    assert name == "unseen-sample-round3-end.tsv" or int(name.split("round")[1].split("-")[0].split(".")[0]) > 3
    assert f"({u_yes} of {u_judged})" in limits  # the held-out unseen sample's judged precision, latest round
    queries = make_docs.readme_blocks()["queries"]
    assert all(f"`{p.stem}`" in queries for p in (ROOT / "src" / "wikikg" / "sparql" / "queries").glob("*.rq"))


def test_architecture_tables_are_current():
    current = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    assert current == make_docs.architecture_markdown(current), \
        f"docs/architecture.md's generated tables are stale: run `{REGENERATE}`"


def test_architecture_table_lists_every_stage_and_data_file():
    block = make_docs.generated_block()
    package = ROOT / "src" / "wikikg"
    stages = [p.name + "/" for p in package.iterdir() if (p / "__init__.py").exists()]
    stages += [p.name for p in package.glob("*.py") if p.stem not in ("__init__", "__main__")]
    assert stages and all(f"| `{s}` |" in block for s in stages), stages
    data = [p.name for p in (ROOT / "ontology").iterdir() if p.suffix in (".ttl", ".toml", ".jsonld")]
    assert all(f"`ontology/{d}`" in block for d in data), data


def test_the_generator_check_mode_agrees(capsys):
    assert make_docs.main(["--check"]) == 0, capsys.readouterr().err


# --- paths and links named in the docs -------------------------------------------------------------

def _named_paths(text: str) -> set[str]:
    """Backticked repository paths ('src/wikikg/graph.py', 'tests/cases/infobox/'), not patterns."""
    out = set()
    for token in re.findall(r"`([^`\s]+)`", text):
        token = token.rstrip(".,:;")
        if "/" in token and not re.search(r"[*{}<>…$]", token) \
                and token.split("/", 1)[0] in CHECKED_ROOTS:
            out.add(token)
    return out


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    return {_slug(h) for h in re.findall(r"^#+ (.+)$", path.read_text("utf-8"), flags=re.M)}


def test_path_reader_skips_patterns_and_examples():
    found = _named_paths("`src/wikikg/graph.py`, `tests/blind/{dev,test}`, `out/graph.ttl`, "
                         "`src/wikikg/sparql/queries/*.rq`, `tests/cases/infobox/`.")
    assert found == {"src/wikikg/graph.py", "tests/cases/infobox/"}
    assert _slug("Loading into a triple store") == "loading-into-a-triple-store"
    assert _slug("The picture (`wikikg view`)") == "the-picture-wikikg-view"


@pytest.mark.parametrize("doc", DOCS, ids=_ids(DOCS))
def test_paths_named_in_the_docs_exist(doc):
    missing = sorted(p for p in _named_paths(doc.read_text("utf-8")) if not (ROOT / p).exists())
    assert not missing, f"{doc.name} names paths that do not exist: {missing}"


@pytest.mark.parametrize("doc", DOCS, ids=_ids(DOCS))
def test_relative_links_resolve(doc):
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", doc.read_text("utf-8")):
        if re.match(r"[a-z]+:", target):
            continue
        file, _, anchor = target.partition("#")
        path = (doc.parent / file).resolve() if file else doc
        if not path.exists():
            broken.append(target)
        elif anchor and path.suffix == ".md" and anchor not in _anchors(path):
            broken.append(target)
    assert not broken, f"{doc.name}: broken links {broken}"


# --- the README's commands --------------------------------------------------------------------------

def readme_commands() -> list[list[str]]:
    """Every `wikikg ...` command in the README's shell blocks, as argument lists (shell syntax cut)."""
    text = (ROOT / "README.md").read_text("utf-8")
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
        for line in block.replace("\\\n", " ").splitlines():
            words = shlex.split(line, comments=True)
            if words[:1] != ["wikikg"]:
                continue
            cut = next((i for i, w in enumerate(words) if w in ("<", ">", "|", "&&", ";", "&")), len(words))
            commands.append(words[1:cut])
    return commands


def test_readme_shows_every_command():
    shown = {c[0] for c in readme_commands()}
    group = make_docs.cli_group()
    assert set(group.list_commands(click.Context(group))) <= shown


@pytest.mark.parametrize("args", readme_commands(), ids=lambda a: " ".join(a)[:60])
def test_readme_command_parses(args, monkeypatch):
    """The subcommand exists and takes these options and arguments (files are checked from the root)."""
    monkeypatch.chdir(ROOT)
    group = make_docs.cli_group()
    parent = click.Context(group, info_name="wikikg")
    command = group.get_command(parent, args[0])
    assert command is not None, f"no command {args[0]!r}"
    command.make_context(args[0], list(args[1:]), parent=parent)
