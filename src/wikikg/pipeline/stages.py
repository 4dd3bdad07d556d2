"""Stage order read -> parse -> extract -> resolve -> graph, per-article isolation, run statistics."""
from __future__ import annotations

import contextlib
import gc
import re
import traceback
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from wikikg import graph as G
from wikikg.extract.classify import category_patterns, lead_types, name_types, split_title
from wikikg.extract.infobox import subject_types
from wikikg.extract.people import is_personal_name
from wikikg.extract.preload import preload
from wikikg.extract.registry import Extraction, run_extractors
from wikikg.extract.subjectnames import own_bold
from wikikg.kb import places
from wikikg.kb.names import name_tables
from wikikg.kb.vocabulary import subclasses
from wikikg.model import Article, Mention, ParsedArticle, Problem, Statement
from wikikg.parse import canonical_title, parse_article
from wikikg.pipeline.gazetteer import Gazetteer
from wikikg.pipeline.limits import ArticleLimits, ArticleSkipped, ArticleTimeout, time_cap
from wikikg.pipeline.parallel import LocalRunner, Progress, input_bytes, partitions
from wikikg.read.dumps import read_dump, wanted
from wikikg.read.files import InputError, is_dump, is_redirect, iter_inputs, read_file, redirect_target
from wikikg.resolve import merge

PARTITION = 4  # articles per task of the process pool


@dataclass(frozen=True)
class ArticleResult:
    """What one article gives: its subject and its statements."""

    title: str
    subject: Mention
    statements: tuple[Statement, ...]
    sentences: int = 0
    warnings: tuple[str, ...] = ()
    candidates: tuple[Statement, ...] = ()  # links nothing in the article types: the build may (resolve/buildtypes.py)
    disambiguation: bool = False  # a disambiguation page: its title names no one entity
    own: frozenset[str] = frozenset()  # the classes it gives its own subject, for the build's other articles
    the_named: frozenset[str] = frozenset()  # names it writes as no one's: "the Jane Cross," (extract/thenames.py)


@dataclass
class BuildResult:
    """A built dataset with counts and the articles that were skipped."""

    dataset: object  # rdflib.Dataset (graph.py owns rdflib): one named graph per article
    articles: int = 0
    statements: int = 0
    errors: list[Problem] = field(default_factory=list)  # articles and inputs skipped, with the reason
    relations: Counter = field(default_factory=Counter)
    warnings: list[Problem] = field(default_factory=list)  # built, but something was not read
    revisions: dict[str, int] = field(default_factory=dict)  # article title -> the dump's revision id


def _category_types(parsed: ParsedArticle) -> frozenset[str]:
    """The first class of names.toml [categories] whose words one of the article's categories holds."""
    for cls, pattern in category_patterns():
        for cat in parsed.categories:
            if pattern.search(cat):
                return frozenset({cls})
    return frozenset()


def _title(parsed: ParsedArticle) -> str:
    """The title, with the casing the article itself uses when a file name lost it."""
    key = canonical_title(parsed.title)
    names = [f.items[0].text for b in parsed.infoboxes for f in b.fields if f.name == "name" and f.items]
    names += [s.text[a:b] for s in parsed.sentences[:2] for a, b in s.bold]
    for n in names:
        if canonical_title(n).casefold() == key.casefold() and n != key:
            return canonical_title(n)
    if parsed.kind == "text":  # plain text has no bold: the lead names its subject all the same
        words = r"[\s_]+".join(map(re.escape, key.split()))
        for s in parsed.sentences[:2]:
            m = re.search(rf"(?<!\w){words}(?!\w)", s.text, re.I)
            if m:
                return canonical_title(m.group(0))
    return key


def subject_of(parsed: ParsedArticle) -> Mention:
    """The article's own subject, typed from its infobox, else its lead, its categories, its title (a
    place, a personal name); an Organization by default, with the weakest strength so that what needs
    an article that says what its subject is (ontology/sections.toml `typed_subject`) can tell; the graph
    gives that default class only to a subject a fact relates (resolve/merge.py `resolved`). The names
    its lead sentence sets in bold (the Courier in "The Courier was a newspaper") are its aliases."""
    key = _title(parsed)
    first = parsed.sentences[0] if parsed.sentences else None
    types = _said_types(parsed) or _named_types(key)
    bold = {first.text[b:e].strip(" '\"") for b, e in own_bold(first)} if first else set()
    aliases = frozenset(n for n in bold if n and n != key)
    if not types:  # nothing says what it is: an organisation by default, as weakly as a rule's default
        return Mention(key, key, True, frozenset({"Organization"}), aliases, strength=0)
    return Mention(key, key, True, types, aliases, strength=4)


def _said_types(parsed: ParsedArticle) -> frozenset[str]:
    """What the article says its subject is: its infobox, else its lead (searched only when the infobox says
    nothing or only that it is an organisation), else its categories."""
    first = parsed.sentences[0] if parsed.sentences else None
    boxed = subject_types(parsed)
    if boxed == {"Organization"}:  # a generic organisation's box: a finer class its lead or categories name wins
        said = (lead_types(first.text) if first else frozenset(), _category_types(parsed))
        return next((t for t in said if t and t <= subclasses("Organization")), boxed)
    if not boxed and _biography(parsed):  # "1958 births": a person, whatever the lead's noun ("a sports broadcaster")
        return frozenset({"Person"})
    return boxed or (lead_types(first.text) if first else frozenset()) or _category_types(parsed)


def _biography(parsed: ParsedArticle) -> bool:
    """Whether one of the article's categories is one only a biography carries (names.toml [person_names] lifespans):
    the word alone or after a year or decade ("1958 births", "1950s deaths", "Living people"), not after another
    noun ("1995 racehorse births": an animal's)."""
    return any(_lifespans().match(cat.strip()) for cat in parsed.categories)


@cache
def _lifespans() -> re.Pattern:
    words = name_tables().lifespans
    return re.compile(rf"(?:\d[\w-]*(?: BC| BCE| AD)? )?(?:{'|'.join(map(re.escape, words))})$" if words else "(?!)",
                      re.I)


def own_types(parsed: ParsedArticle, subject: Mention) -> frozenset[str]:
    """The classes an article gives its own subject, for the other articles of a build (resolve/buildtypes.py): the
    subject's, not a rule's default, nor a person's class that only the title's look of a personal name gives (a
    film, a novel or a song named after one: "Jane Roe" that nothing else in its article types)."""
    if not subject.strength:
        return frozenset()
    label = split_title(subject.key)[0]
    if subject.types == {"Person"} and not name_types(label) and label not in places.places() \
            and not _said_types(parsed):
        return frozenset()
    return subject.types


def _named_types(key: str) -> frozenset[str]:
    """What the title alone says when nothing else types the subject: its name's shape ("... Government",
    "... University"), a known place (a country's article is not an organisation's), or a person's full
    name; else nothing."""
    shape = name_types(split_title(key)[0])
    if shape:
        return shape
    if split_title(key)[0] in places.places():
        return frozenset({"Place"})
    if is_personal_name(split_title(key)[0]):
        return frozenset({"Person"})
    return frozenset()


def extract_article(article: Article, gazetteer: Gazetteer | None = None) -> ArticleResult:
    """The pure per-article core: text in, subject and statements out; names a `gazetteer` knows
    are recognised too (after the article's own links and names)."""
    parsed = parse_article(article)
    subject = subject_of(parsed)
    if parsed.disambiguation:  # a list of namesakes: its links say nothing about one subject
        return ArticleResult(subject.key, subject, (), len(parsed.sentences), parsed.warnings + (
            "a disambiguation page: its links list namesakes, so no facts are read from it",), disambiguation=True)
    names = tuple(gazetteer.find(article.text)) if gazetteer is not None else ()
    work = Extraction(parsed, subject, names)
    statements = run_extractors(work)
    return ArticleResult(subject.key, subject, tuple(statements), len(parsed.sentences), parsed.warnings,
                         work.candidates, own=own_types(parsed, subject), the_named=work.the_named())


def _skipped(article: Article, reason: str, where: str | None = None) -> Problem:
    return Problem(article.source, article.title, reason, where=where)


def _inputs(inputs: list[str], kind: str | None, title: str | None, errors: list[Problem],
            redirects: list[tuple[str, str]] | None, kinds: set[str], titles: frozenset[str] | None,
            on_bytes, max_bytes: int):
    """Every article of the inputs, files and dumps, in input order (unreadable inputs to `errors`)."""
    for item in iter_inputs(inputs, kind, title):
        if isinstance(item, Article):
            yield item
        elif is_dump(item):
            tell = (lambda pos, src=str(item): on_bytes(src, pos)) if on_bytes else None
            yield from read_dump(item, errors, redirects, only_infobox=kinds, titles=titles, on_bytes=tell)
        else:
            try:
                size = item.stat().st_size
            except OSError as e:
                errors.append(Problem(str(item), None, f"{item}: cannot read it ({e.strerror})"))
                continue
            if max_bytes and size > max_bytes:
                errors.append(Problem(str(item), None, f"{item}: {_over(size, max_bytes)}"))
                continue
            try:
                yield read_file(item, kind, title if len(inputs) == 1 else None)
            except InputError as e:
                errors.append(Problem(str(item), None, str(e)))
                continue
            if on_bytes:
                on_bytes(str(item), size)


def read_articles(inputs: list[str], kind: str | None, title: str | None, errors: list[Problem],
                  redirects: list[tuple[str, str]] | None = None, only_infobox: tuple[str, ...] = (),
                  titles: frozenset[str] | None = None, on_bytes=None, max_bytes: int = 0,
                  revisions: dict[str, int] | None = None):
    """The input articles that pass the filters, in input order; redirects (in dumps and files) go to
    `redirects`, unreadable inputs, files over `max_bytes`, empty articles and redirect files to
    `errors`, the revision id a dump gives each article read to `revisions`; on_bytes(source, position)
    follows the reading."""
    kinds = {k.strip().lower() for k in only_infobox if k.strip()}
    for article in _inputs(inputs, kind, title, errors, redirects, kinds, titles, on_bytes, max_bytes):
        where = f"{article.source}: {article.title!r}" if is_dump(Path(article.source)) else article.source
        if not article.text.strip():
            errors.append(_skipped(article, f"{where}: empty article (no text)"))
        elif article.kind == "wikitext" and is_redirect(article.text):
            target = redirect_target(article.text)
            if target and redirects is not None:
                redirects.append((article.title, target))
            errors.append(_skipped(article, f"{where}: a redirect page, not an article"
                                   + (f" (its title is an alias of {target!r})" if target else "")))
        elif wanted(article.title, article.text, kinds, titles):
            if revisions is not None and article.revision is not None:
                revisions[article.title] = article.revision
            yield article


def _over(size: int, max_bytes: int) -> str:
    return f"{size:,} bytes, over the {max_bytes:,}-byte limit (wikikg build --max-article-bytes)"


@dataclass(frozen=True)
class Shared:
    """What every extraction worker is sent once: the per-article limits and an optional gazetteer."""

    limits: ArticleLimits = field(default_factory=ArticleLimits)
    gazetteer: Gazetteer | None = None


# A made-up article touching every stage: extracted once per process before the first capped one.
_WARM_UP = Article("Example Org", "'''Example Org''' is a company. It was founded by [[Jane Doe]] in "
                   "[[Paris]], France, in 2001.\n\n== History ==\nIn 2005 it bought [[Other Org]].")
_warm = False


def warm_up() -> None:
    """Load what extraction loads lazily (name lists, rules, compiled patterns), once per process, so
    that this one-time cost (about a second) is not charged to the first article's time cap."""
    global _warm
    if not _warm:
        _warm = True
        with contextlib.suppress(Exception):  # an article failing the same way is reported then
            extract_article(_WARM_UP)


def extract_one(article: Article, shared: Shared | None = None) -> ArticleResult | Problem:
    """extract_article within the limits, or the Problem of an article that fails or is over
    a limit (one never sinks the batch)."""
    shared = shared or Shared()
    limits = shared.limits
    try:
        size = len(article.text.encode("utf-8", "surrogatepass"))
        if limits.max_bytes and size > limits.max_bytes:
            raise ArticleSkipped(_over(size, limits.max_bytes))
        if limits.timeout:
            warm_up()
        with time_cap(limits.timeout):
            return extract_article(article, shared.gazetteer)
    except ArticleTimeout:
        return _skipped(article, f"extraction ran past the {limits.timeout:g} s limit and was stopped "
                                 "(wikikg build --article-timeout)")
    except ArticleSkipped as e:
        return _skipped(article, str(e))
    except Exception as e:  # RecursionError included
        return _skipped(article, f"{type(e).__name__}: {str(e)[:300]}",
                        traceback.format_exc(limit=-1).strip().splitlines()[-1])


def extract_partition(part: list[tuple[int, Article]], shared: Shared | None = None) -> list[tuple[int, object]]:
    """(sequence number, ArticleResult or Problem) for each (sequence number, article)."""
    return [(seq, extract_one(a, shared)) for seq, a in part]


def warning_records(results) -> list[Problem]:
    """The warnings of built articles, as Problems of level "warning"."""
    return [Problem(None, r.title, w, "warning") for r in results for w in r.warnings]


# The collector's thresholds while a build extracts: the youngest generation is collected after 20,000
# new objects instead of 700. An article makes and frees a few hundred thousand short-lived objects
# (tokens, records, matches); with the default thresholds a 300-article build ran ~1,400 collections
# (0.37 s, 3% of its CPU) that found little, with these ~6 (0.03 s). Cyclic garbage waits a little longer.
GC_THRESHOLDS = (20_000, 10, 10)
_thresholds: list[tuple[int, int, int]] = []
_collected: list[bool] = []  # whether freeze_tables has run its one full collection in this process


def freeze_tables() -> None:
    """Load every table extraction reads, then keep them (and all else alive now) out of the garbage
    collector's passes until thaw_tables(): a build's extraction then pays for neither, nor do the
    workers a process pool forks (a forked worker's full collections would walk every inherited table);
    until then the collector runs less often (GC_THRESHOLDS; the workers inherit them). The loading runs under
    them too: it makes mostly lasting objects, which the default thresholds walked in ~220 passes (0.15 s)."""
    _thresholds.append(gc.get_threshold())
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        preload()
    except BaseException:
        gc.set_threshold(*_thresholds.pop())
        raise
    if not _collected:  # no garbage frozen with the tables: each fork would pay for it (+0.6-0.8% of an article's
        _collected.append(True)  # instructions); once a process: a full pass over a long-lived process's heap (a
        gc.collect()  # test run's, a server's) each build cost more than it saves
    gc.freeze()


def thaw_tables() -> None:
    """Undo freeze_tables: the tables back in the collector's passes, its thresholds as they were."""
    gc.unfreeze()
    if _thresholds:
        gc.set_threshold(*_thresholds.pop())


def build(inputs: list[str], kind: str | None = None, title: str | None = None, *, jobs: int = 1,
          runner=None, only_infobox: tuple[str, ...] = (), titles: frozenset[str] | None = None,
          progress: bool | None = False, limits: ArticleLimits | None = None,
          gazetteer: Gazetteer | None = None) -> BuildResult:
    """Build the dataset of every input article; a failing article is recorded and skipped.
    Extraction runs on `runner` (parallel.py) or `jobs` processes; the output is the same either way."""
    errors: list[Problem] = []
    redirects: list[tuple[str, str]] = []
    results, failed, revisions = [], [], {}
    bar = Progress(input_bytes(inputs), progress)
    own = runner is None
    runner = runner or LocalRunner(jobs)
    freeze_tables()
    try:
        articles = bar.counted(read_articles(inputs, kind, title, errors, redirects, only_infobox, titles,
                                             bar.read, limits.max_bytes if limits else 0, revisions))
        shared = Shared(limits or ArticleLimits(), gazetteer)
        for part in runner.imap(extract_partition, partitions(enumerate(articles), PARTITION), shared):
            for seq, r in part:
                (results if isinstance(r, ArticleResult) else failed).append((seq, r))
            bar.done(len(part))
    finally:
        bar.close()
        if own:
            runner.close()
        thaw_tables()
    results.sort(key=lambda x: x[0])
    out = assemble([r for _, r in results], redirects)
    out.errors = errors + [e for _, e in sorted(failed, key=lambda x: x[0])]
    out.warnings = warning_records(r for _, r in results)
    out.revisions = revisions
    return out


def assemble(results: list[ArticleResult], redirects: list[tuple[str, str]] = ()) -> BuildResult:
    """Resolve entities across all articles (a redirect's title becomes an alias of its target) and
    write one named graph per article, in title order."""
    t = merge.tables(merge.summarise(enumerate(results)), redirects)
    ds = G.new_dataset()
    out = BuildResult(ds, articles=len(results))
    for r in sorted(results, key=lambda r: r.title):
        sts = G.article_triples(G.article_graph(ds, r.title), r, t)
        out.statements += len(sts)
        out.relations.update(st.predicate for st in sts)
    return out
