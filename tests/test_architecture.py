"""Tests for the shape of the code (DESIGN.md section 2): import direction, docstrings, sizes."""
from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "wikikg"
ONTOLOGY = ROOT / "ontology"
MODULE_FILES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
MAX_LINES = 400


def module_name(path: Path) -> str:
    """'src/wikikg/extract/dates.py' -> 'wikikg.extract.dates' ('__init__' names the package)."""
    parts = ["wikikg", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def rel(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


MODULES = {rel(p): p for p in MODULE_FILES}
IDS = list(MODULES)


def imports(path: Path) -> set[str]:
    """Every module a file imports, anywhere in it (also inside functions), as absolute names.

    `from . import graph` gives 'wikikg.graph'; `from ..model import X` gives 'wikikg.model' and
    'wikikg.model.X'; `import rdflib.namespace` gives 'rdflib.namespace'.
    """
    tree = ast.parse(path.read_text("utf-8"))
    name = module_name(path)
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            out.add(mod)
            out.update(f"{mod}.{alias.name}" for alias in node.names)
    return out


def imports_any(path: Path, roots: set[str]) -> set[str]:
    """The imports of `path` that are one of `roots` or inside them."""
    return {m for m in imports(path) if any(m == r or m.startswith(r + ".") for r in roots)}


def test_the_package_has_the_modules_the_design_names():
    assert "parse/__init__.py" in MODULES  # the parse stage is a package
    for name in ("model.py", "read.py", "segment.py", "graph.py", "export.py",
                 "pipeline.py", "cli.py", "ontology.py", "rules.py", "resolve.py"):
        assert name in MODULES
    assert any(n.startswith("extract/") for n in MODULES)


def test_import_reader_resolves_relative_imports():
    found = imports(MODULES["pipeline.py"])
    assert "wikikg.graph" in found and "wikikg.model" in found and "collections" in found
    assert "wikikg.model" in imports(MODULES["extract/dates.py"])


# --- import direction ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", IDS)
def test_only_parse_imports_mwparserfromhell(name):
    found = imports_any(MODULES[name], {"mwparserfromhell"})
    if name == "parse/__init__.py":
        assert found
    elif not name.startswith("parse/"):
        assert not found


LOWER = [n for n in IDS if n.startswith(("extract/", "parse/")) or n in {
    "segment.py", "textparse.py", "read.py", "model.py"}]
UPPER = {"wikikg.graph", "wikikg.export", "wikikg.pipeline", "wikikg.cli"}


@pytest.mark.parametrize("name", LOWER)
def test_early_stages_do_not_import_later_ones(name):
    assert not imports_any(MODULES[name], UPPER)


def test_graph_does_not_import_pipeline_or_cli():
    assert not imports_any(MODULES["graph.py"], {"wikikg.pipeline", "wikikg.cli"})


# Modules that build, write or read graphs; store/query/server (DESIGN.md) read graphs too.
RDFLIB_ALLOWED = {"graph.py", "ontology.py", "export.py", "evaluate.py", "agree.py", "gazetteer.py", "cli.py", "store.py",
                  "query.py", "server.py"}
RDFLIB_KNOWN_BAD: dict[str, str] = {}


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(reason=RDFLIB_KNOWN_BAD[n], strict=True))
    if n in RDFLIB_KNOWN_BAD else n
    for n in IDS if n not in RDFLIB_ALLOWED])
def test_only_graph_modules_import_rdflib(name):
    assert not imports_any(MODULES[name], {"rdflib"})


def test_graph_module_imports_rdflib():
    assert imports_any(MODULES["graph.py"], {"rdflib"})


# --- docstrings and sizes -----------------------------------------------------------------------

@pytest.mark.parametrize("name", IDS)
def test_module_has_a_one_line_docstring(name):
    doc = ast.get_docstring(ast.parse(MODULES[name].read_text("utf-8")))
    assert doc and doc.strip(), f"{name} has no module docstring"
    assert "\n" not in doc.strip(), f"{name}: the module docstring is more than one line"


def public_functions(tree: ast.Module) -> list[tuple[str, ast.AST]]:
    return [(n.name, n) for n in tree.body
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and not n.name.startswith("_")]


def public_methods(tree: ast.Module) -> list[tuple[str, ast.AST]]:
    return [(f"{c.name}.{n.name}", n) for c in tree.body
            if isinstance(c, ast.ClassDef) and not c.name.startswith("_")
            for n in c.body
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and not n.name.startswith("_")]


@pytest.mark.parametrize("name", IDS)
def test_public_functions_have_docstrings(name):
    tree = ast.parse(MODULES[name].read_text("utf-8"))
    missing = [f for f, node in public_functions(tree) if not ast.get_docstring(node)]
    assert not missing, f"{name}: {missing}"


def test_public_methods_have_docstrings():
    missing = [f"{name}: {f}" for name, path in MODULES.items()
               for f, node in public_methods(ast.parse(path.read_text("utf-8")))
               if not ast.get_docstring(node)]
    assert not missing, missing


@pytest.mark.parametrize("name", IDS)
def test_module_is_small(name):
    n = len(MODULES[name].read_text("utf-8").splitlines())
    assert n <= MAX_LINES, f"{name} has {n} lines"


# --- no article-specific names in the code --------------------------------------------------------

ENTITY_NAMES = ["SenseTime", "Qualcomm", "Tang Xiao", "Honda", "Alibaba", "Tsinghua", "Nanyang",
                "SingTel", "Liu Cixin", "GAIAA", "HKSTP", "Toronto Star", "Torstar", "Raith Rovers",
                "Arts Club of Chicago", "Xu Li", "Shanghai Municipal", "Beijing SenseTime"]
NAMES = re.compile("|".join(re.escape(n) for n in ENTITY_NAMES))  # case-sensitive


def shipped_files() -> list[Path]:
    """Every text file of src/wikikg and ontology/ (tests/ excluded)."""
    out = []
    for base in (PACKAGE, ONTOLOGY):
        for p in sorted(base.rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts:
                data = p.read_bytes()
                if b"\x00" not in data:
                    out.append(p)
    return out


def code_without_comments_or_docstrings(path: Path) -> str:
    """The tokens of a Python file other than comments and docstrings."""
    source = path.read_text("utf-8")
    doc_lines = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                doc_lines.add(body[0].lineno)
    kept = [tok.string for tok in tokenize.generate_tokens(io.StringIO(source).readline)
            if tok.type != tokenize.COMMENT
            and not (tok.type == tokenize.STRING and tok.start[0] in doc_lines)]
    return " ".join(kept)


def test_entity_names_pattern_matches_case_sensitively():
    assert NAMES.search("a SenseTime b") and NAMES.search("Xu Li (computer scientist)")
    assert not NAMES.search("sensetime") and not NAMES.search("XU LI")


def test_code_reader_drops_only_comments_and_docstrings(tmp_path):
    p = tmp_path / "m.py"
    p.write_text('"""Doc: Honda."""\nX = "Qualcomm"  # Alibaba\n\n\ndef f():\n    """Nanyang."""\n'
                 '    return "Tsinghua"\n', "utf-8")
    found = NAMES.findall(code_without_comments_or_docstrings(p))
    assert found == ["Qualcomm", "Tsinghua"]


def test_no_entity_names_in_code_or_ontology_data():
    hits = []
    for p in shipped_files():
        text = code_without_comments_or_docstrings(p) if p.suffix == ".py" else p.read_text("utf-8")
        hits += [f"{p.relative_to(ROOT)}: {m.group(0)}" for m in NAMES.finditer(text)]
    assert not hits, hits


def test_no_entity_names_anywhere_in_src_or_ontology():
    hits = []
    for p in shipped_files():
        for i, line in enumerate(p.read_text("utf-8").splitlines(), 1):
            hits += [f"{p.relative_to(ROOT)}:{i}: {m.group(0)}" for m in NAMES.finditer(line)]
    assert not hits, hits
