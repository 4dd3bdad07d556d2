"""Stage order read -> parse -> extract -> resolve -> graph, per-article isolation, run statistics."""
from __future__ import annotations

import re
import traceback
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from . import graph as G
from . import merge
from .extract.classify import lead_types
from .extract.infobox import extract_infobox, subject_types
from .extract.lists import extract_lists
from .extract.tables import extract_tables
from .extract.mentions import Context, article_context
from .extract.others import extract_others
from .extract.sentences import extract_sentences
from .gazetteer import Gazetteer
from .model import Article, Mention, ParsedArticle, Statement
from .parse import canonical_title, parse_article
from .dumps import read_dump, wanted
from .parallel import LocalRunner, Progress, input_bytes, partitions
from .read import InputError, is_dump, iter_inputs, read_file
from . import rules

PARTITION = 4  # articles per task of the process pool


@dataclass(frozen=True)
class ArticleResult:
    """What one article gives: its subject and its statements."""

    title: str
    subject: Mention
    statements: tuple[Statement, ...]
    sentences: int = 0


@dataclass
class BuildResult:
    """A built dataset with counts and the articles that were skipped."""

    dataset: object  # rdflib.Dataset (graph.py owns rdflib): one named graph per article
    articles: int = 0
    statements: int = 0
    errors: list[dict] = field(default_factory=list)
    relations: Counter = field(default_factory=Counter)


def _category_types(parsed: ParsedArticle) -> frozenset[str]:
    table = rules.names()["categories"]
    for cls in ("Person", "University", "GovernmentAgency", "NewsOrganization", "SportsClub",
                "MilitaryOrganization", "Company", "Organization"):
        for cat in parsed.categories:
            if any(re.search(rf"\b{re.escape(w)}\b", cat, re.I) for w in table.get(cls, ())):
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
    return key


def subject_of(parsed: ParsedArticle) -> Mention:
    """The article's own subject, typed from its infobox, else its categories; the names its lead
    sentence sets in bold (the Atlas in "The Atlas was a newspaper") are its aliases."""
    key = _title(parsed)
    first = parsed.sentences[0] if parsed.sentences else None
    lead = lead_types(first.text) if first else frozenset()
    types = subject_types(parsed) or lead or _category_types(parsed) or frozenset({"Organization"})
    bold = {first.text[b:e].strip(" '\"") for b, e in first.bold} if first else set()
    return Mention(key, key, True, types, frozenset(n for n in bold if n and n != key), strength=4)


def _most_specific(statements: list[Statement]) -> list[Statement]:
    """Where one field or sentence names a headquarters down to the city, its country is dropped."""
    countries = rules.countries()
    groups: dict[tuple, list[Statement]] = {}
    for st in statements:
        if st.predicate == "headquarteredIn" and isinstance(st.obj, Mention):
            where = "infobox" if st.evidence.section == "Infobox" else st.evidence.start
            groups.setdefault((st.subject.key, where), []).append(st)
    drop = set()
    for group in groups.values():
        finer = [st for st in group if st.obj.key not in countries]
        if finer and len(finer) < len(group):
            drop |= {id(st) for st in group if st.obj.key in countries}
    return [st for st in statements if id(st) not in drop]


@cache
def _membership_bodies() -> re.Pattern:
    """Names of membership bodies: "… Alliance", "… Association of …" (ontology/names.toml)."""
    words = "|".join(map(re.escape, rules.names()["membership"]["suffix"]))
    return re.compile(rf"\b(?:{words})(?:\s+(?:of|for|on|in)\b.*)?$")


def _entailed(statements: list[Statement]) -> list[Statement]:
    """Facts the ontology entails from stated ones: a key person is affiliated with the organisation;
    an organisation that founds a membership body (an alliance, association...) is a member of it."""
    bodies = _membership_bodies()
    out = []
    for st in statements:
        if st.predicate == "keyPerson" and isinstance(st.obj, Mention) and "Person" in st.obj.types:
            out.append(replace(st, subject=st.obj, predicate="affiliatedWith", obj=st.subject,
                               rule=st.rule + "+affiliation", event="Affiliation"))
        elif st.predicate == "foundedBy" and isinstance(st.obj, Mention) and st.obj.types \
                and not st.obj.types & {"Person", "Place"} and bodies.search(st.subject.text):
            out.append(replace(st, subject=st.obj, predicate="memberOf", obj=st.subject,
                               rule=st.rule + "+membership", event="Membership"))
    return out


def extract_article(article: Article, gazetteer: Gazetteer | None = None) -> ArticleResult:
    """The pure per-article core: text in, subject and statements out; names a `gazetteer` knows
    are recognised too (after the article's own links and names)."""
    parsed = parse_article(article)
    subject = subject_of(parsed)
    boxed = extract_infobox(parsed, subject)
    known = tuple(m for st in boxed for m in (st.subject, st.obj) if isinstance(m, Mention))
    ctx: Context = article_context(parsed, subject, known)
    for name, m in gazetteer.find(article.text) if gazetteer is not None else ():
        if m.key != subject.key and name not in ctx.subject_names:
            ctx.add(name, m)
    said = extract_sentences(parsed, ctx)
    statements = (boxed + said + extract_others(parsed, ctx, said)
                  + extract_lists(parsed, ctx) + extract_tables(parsed, ctx))
    statements = _most_specific(statements)
    statements += _entailed(statements)
    return ArticleResult(subject.key, subject, tuple(statements), len(parsed.sentences))


def read_articles(inputs: list[str], kind: str | None, title: str | None, errors: list[dict],
                  redirects: list[tuple[str, str]] | None = None, only_infobox: tuple[str, ...] = (),
                  titles: frozenset[str] | None = None, on_bytes=None):
    """The input articles that pass the filters, in input order; a dump's redirects go to `redirects`,
    unreadable inputs to `errors`; on_bytes(source, position) follows the reading."""
    kinds = {k.strip().lower() for k in only_infobox if k.strip()}
    for item in iter_inputs(inputs, kind, title):
        if isinstance(item, Article):
            article = item
        elif is_dump(item):
            tell = (lambda pos, src=str(item): on_bytes(src, pos)) if on_bytes else None
            yield from read_dump(item, errors, redirects, only_infobox=kinds, titles=titles, on_bytes=tell)
            continue
        else:
            try:
                article = read_file(item, kind, title if len(inputs) == 1 else None)
            except InputError as e:
                errors.append({"input": str(item), "title": None, "reason": str(e)})
                continue
            if on_bytes:
                on_bytes(str(item), item.stat().st_size)
        if wanted(article.title, article.text, kinds, titles):
            yield article


def extract_one(article: Article, gazetteer: Gazetteer | None = None) -> ArticleResult | dict:
    """extract_article, or the error record of an article that fails (one never sinks the batch)."""
    try:
        return extract_article(article, gazetteer)
    except Exception as e:
        return {"input": article.source, "title": article.title, "reason": f"{type(e).__name__}: {e}",
                "where": traceback.format_exc(limit=-1).strip().splitlines()[-1]}


def extract_partition(part: list[tuple[int, Article]], gazetteer: Gazetteer | None = None) -> list[tuple[int, object]]:
    """(sequence number, ArticleResult or error record) for each (sequence number, article)."""
    return [(seq, extract_one(a, gazetteer)) for seq, a in part]


def build(inputs: list[str], kind: str | None = None, title: str | None = None, *, jobs: int = 1,
          runner=None, only_infobox: tuple[str, ...] = (), titles: frozenset[str] | None = None,
          progress: bool | None = False, gazetteer: Gazetteer | None = None) -> BuildResult:
    """Build the dataset of every input article; a failing article is recorded and skipped.
    Extraction runs on `runner` (parallel.py) or `jobs` processes; the output is the same either way."""
    errors: list[dict] = []
    redirects: list[tuple[str, str]] = []
    results, failed = [], []
    bar = Progress(input_bytes(inputs), progress)
    own = runner is None
    runner = runner or LocalRunner(jobs)
    try:
        articles = read_articles(inputs, kind, title, errors, redirects, only_infobox, titles, bar.read)
        for part in runner.imap(extract_partition, partitions(enumerate(articles), PARTITION), gazetteer):
            for seq, r in part:
                (results if isinstance(r, ArticleResult) else failed).append((seq, r))
            bar.done(len(part))
    finally:
        bar.close()
        if own:
            runner.close()
    results.sort(key=lambda x: x[0])
    out = assemble([r for _, r in results], redirects)
    out.errors = errors + [e for _, e in sorted(failed, key=lambda x: x[0])]
    return out


def assemble(results: list[ArticleResult], redirects: list[tuple[str, str]] = ()) -> BuildResult:
    """Resolve entities across all articles (a redirect's title becomes an alias of its target) and
    write one named graph per article, in title order."""
    t = merge.tables(merge.summarise(enumerate(results)), redirects)
    ds = G.new_dataset()
    out = BuildResult(ds, articles=len(results))
    for r in sorted(results, key=lambda r: r.title):
        sts = merge.article_triples(G.article_graph(ds, r.title), r, t)
        out.statements += len(sts)
        out.relations.update(st.predicate for st in sts)
    return out
