"""Load every table extraction reads (ontology files, lexicons, compiled patterns) once, up front."""
from __future__ import annotations

import importlib
import inspect
import pkgutil

import wikikg.extract
import wikikg.kb
import wikikg.parse
from wikikg.kb import prefilterstore
from wikikg.kb.compiledstore import compiled_from_disk
from wikikg.kb.schema import forget_checked
from wikikg.kb.tablestore import tables_from_disk

PACKAGES = (wikikg.kb, wikikg.parse, wikikg.extract)
SKIP = frozenset({"wikikg.kb.alignment",  # read by `build --align` and the exports, not by extraction
                  "wikikg.kb.triggerwords"})  # read by benchmarks/explain.py and the tests (kb/gates.py is extraction's)


def table_loaders() -> list:
    """The cached functions of no argument in the kb, parse and extract packages: each loads a table
    (a TOML file read and checked, a lexicon, a compiled pattern) once per process."""
    out = []
    for pkg in PACKAGES:
        for info in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + "."):
            if info.name in SKIP:
                continue
            module = importlib.import_module(info.name)
            for _name, fn in sorted(vars(module).items()):
                if getattr(fn, "__module__", None) != module.__name__ or not hasattr(fn, "cache_info"):
                    continue
                params = inspect.signature(fn).parameters.values()
                if all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params):
                    out.append(fn)
    return out


def preload() -> None:
    """Load every table now, so that no article pays for one: before the forks of a process pool
    (each worker inherits them) and before a benchmark's timed runs."""
    with compiled_from_disk(), tables_from_disk():  # the patterns' code and the slowest tables read from the last
        _load()  # start's, not made again
    forget_checked()  # the data files several tables were read from
    prefilterstore.save()  # the prefilter's answers about the patterns loaded, for the next process's start


def _load() -> None:
    """Every table loader run, and the tables read per class and per property."""
    from wikikg.extract.anaphora import subject_anaphora
    from wikikg.kb.vocabulary import admitted_objects, admitted_subjects, classes, domain, properties, range_of

    for fn in table_loaders():
        fn()
    for cls in sorted(classes()):  # the anaphora of a subject of one class ("the company", "the club")
        subject_anaphora(frozenset({cls}))
    for prop in sorted(properties()):  # a statement's ends checked against its property's (extract/longernames.py)
        domain(prop), range_of(prop), admitted_subjects(prop), admitted_objects(prop)
