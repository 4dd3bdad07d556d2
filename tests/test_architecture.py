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


# The stages, lowest first (DESIGN.md section 2): a module may import its own stage and those below.
LAYERS = ["wikikg.errors", "wikikg.model", "wikikg.kb", "wikikg.read", "wikikg.parse", "wikikg.extract",
          "wikikg.resolve", "wikikg.graph", "wikikg.formats", "wikikg.sparql", "wikikg.pipeline",
          "wikikg.quality", "wikikg.cli"]
FOLDERS = [layer.split(".")[1] for layer in LAYERS]


def layer_of(module: str) -> int | None:
    """The index of the stage a module belongs to (None for the package itself and __main__)."""
    for i, layer in enumerate(LAYERS):
        if module == layer or module.startswith(layer + "."):
            return i
    return None


def test_every_module_belongs_to_a_stage():
    loose = [n for n in IDS if n not in ("__init__.py", "__main__.py")
             and layer_of(module_name(MODULES[n])) is None]
    assert not loose, f"modules outside the stages {FOLDERS}: {loose}"


def test_the_stages_are_folders_or_single_modules():
    for folder in FOLDERS:
        assert (PACKAGE / folder / "__init__.py").exists() or (PACKAGE / f"{folder}.py").exists(), folder


def test_import_reader_resolves_relative_and_absolute_imports():
    found = imports(MODULES["pipeline/stages.py"])
    assert "wikikg.graph" in found and "wikikg.model" in found and "collections" in found
    assert "wikikg.model" in imports(MODULES["extract/dates.py"])


@pytest.mark.parametrize("name", [n for n in IDS if n not in ("__init__.py", "__main__.py")])
def test_no_module_imports_a_stage_above_it(name):
    mine = layer_of(module_name(MODULES[name]))
    above = [m for m in imports_any(MODULES[name], {"wikikg"})
             if m != "wikikg" and (layer_of(m) or 0) > mine]
    assert not above, f"{name} ({LAYERS[mine]}) imports a later stage: {sorted(above)}"


def test_the_layer_check_catches_an_upward_import():
    assert layer_of("wikikg.cli") > layer_of("wikikg.parse.render") > layer_of("wikikg.kb.rules")
    assert layer_of("wikikg.graphics") is None and layer_of("wikikg.graph") == LAYERS.index("wikikg.graph")
    assert "wikikg.cli" in imports_any(MODULES["__main__.py"], {"wikikg"})


@pytest.mark.parametrize("name", IDS)
def test_only_parse_imports_mwparserfromhell(name):
    found = imports_any(MODULES[name], {"mwparserfromhell"})
    if name == "parse/tokenize.py":
        assert found
    elif not name.startswith("parse/"):
        assert not found


# Modules that build, write or read graphs; store/query/server (DESIGN.md) read graphs too.
RDFLIB_ALLOWED = ("graph.py", "kb/", "formats/", "quality/", "pipeline/gazetteer.py", "cli/", "sparql/")
RDFLIB_KNOWN_BAD: dict[str, str] = {}


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(reason=RDFLIB_KNOWN_BAD[n], strict=True))
    if n in RDFLIB_KNOWN_BAD else n
    for n in IDS if not n.startswith(RDFLIB_ALLOWED)])
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


# --- the ontology is the single source of classes, symmetry and legal forms (kb/ asks it) ---------

# Literals outside kb/ that name several classes or legal forms on purpose: (module, name) -> why.
KB_EXCEPTIONS = {
    ("formats/propertygraph.py", "PALETTE"): "a colour per class the picture draws: presentation",
    ("formats/ftm.py", "SCHEMA_OF_TYPE"): "the palette classes aligned to FollowTheMoney schemata",
    ("formats/ftm.py", "_ALLOWED"): "FollowTheMoney schema names, not wkg classes",
    ("formats/ftm.py", "_ORGS"): "FollowTheMoney schema names, not wkg classes",
    ("parse/segment.py", "_ABBREV"): "abbreviations that do not end a sentence, legal forms among them: "
                                     "deriving them from names.toml [legal] changes where sentences end",
    ("parse/segment.py", "_MAY_END"): "abbreviations that may end a sentence (see _ABBREV)",
}


def _vocabulary():
    from wikikg.kb import names, vocabulary

    forms = {f.rstrip(".") for f in names.legal_suffixes()}
    words = sorted((f for f in forms if f.isalpha() and len(f) >= 7), key=len, reverse=True)  # "Limited"
    abbrevs = sorted((f for f in forms if len(f) >= 3 and f not in words), key=len, reverse=True)  # "GmbH"
    legal = re.compile(r"(?<![\w.])(?:(?i:%s)|%s)(?![\w])" % ("|".join(map(re.escape, abbrevs)),
                                                            "|".join(map(re.escape, words))))
    return vocabulary.classes(), vocabulary.symmetric_properties(), legal


def _strings(node) -> list[str]:
    return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]


def kb_copies(source: str) -> list[tuple[str, int, str]]:
    """(owner, line, what) for each class list, symmetry test or legal form in a module's code: owner
    is the top-level name (assignment, function or class) the literal belongs to."""
    classes, symmetric, legal = _vocabulary()
    tree = ast.parse(source)
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    out = []
    for top in tree.body:
        if isinstance(top, (ast.Assign, ast.AnnAssign)):
            targets = top.targets if isinstance(top, ast.Assign) else [top.target]
            owner = next((t.id for t in targets if isinstance(t, ast.Name)), "?")
            if owner == "__all__":
                continue
        else:
            owner = getattr(top, "name", "?")
        for node in ast.walk(top):
            if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
                named = [s for s in _strings(node) if s in classes]
                if len(named) >= 2:
                    out.append((owner, node.lineno, f"class list {named}"))
                if isinstance(node, ast.Set) and set(_strings(node)) & symmetric:
                    out.append((owner, node.lineno, "a set of symmetric properties"))
            elif isinstance(node, ast.Dict):
                keys = [k.value for k in node.keys if isinstance(k, ast.Constant) and k.value in classes]
                if len(keys) >= 2:
                    out.append((owner, node.lineno, f"a table keyed by classes {keys}"))
            elif isinstance(node, ast.Compare):
                names = {c.value for c in ast.walk(node) if isinstance(c, ast.Constant)}
                if names & symmetric:
                    out.append((owner, node.lineno, f"a test for {sorted(names & symmetric)}"))
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
                hit = legal.search(node.value)
                if hit:
                    out.append((owner, node.lineno, f"legal form {hit.group()!r}"))
    return out


@pytest.mark.parametrize("name", [n for n in IDS if not n.startswith("kb/")])
def test_no_class_list_symmetry_or_legal_form_outside_kb(name):
    found = [f"{name}:{line} {owner}: {what}" for owner, line, what in kb_copies(MODULES[name].read_text("utf-8"))
             if (name, owner) not in KB_EXCEPTIONS]
    assert not found, "ask wikikg.kb (org_classes, is_symmetric, legal_suffixes...) instead:\n" + "\n".join(found)


def test_the_kb_check_catches_copies():
    src = ('ORGS = ("Company", "University")\nS = frozenset({"partneredWith"})\n'
           'def f(p):\n    return p == "partneredWith"\nL = r"(?:Ltd|GmbH)"\nW = "Foo Limited"\n'
           'FOLD = {"Company": "x", "Person": "y"}\n__all__ = ["Company", "Person"]\nOK = ("Company",)\n')
    owners = [owner for owner, _, _ in kb_copies(src)]
    assert owners == ["ORGS", "S", "f", "L", "W", "FOLD"]


def test_kb_exceptions_are_still_needed():
    for (name, owner), why in KB_EXCEPTIONS.items():
        assert why and owner in {o for o, _, _ in kb_copies(MODULES[name].read_text("utf-8"))}, (name, owner)
