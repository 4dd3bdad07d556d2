"""Stage order read -> parse -> extract -> resolve -> graph, per-article isolation, run statistics."""
from __future__ import annotations

import re
import traceback
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import graph as G
from .extract.classify import lead_types
from .extract.infobox import extract_infobox, subject_types
from .extract.lists import extract_lists
from .extract.tables import extract_tables
from .extract.mentions import Context, article_context, programme_key_linked
from .extract.sentences import extract_sentences
from .model import Article, Mention, ParsedArticle, Statement
from .parse import canonical_title, parse_article
from .read import InputError, is_dump, iter_inputs, read_file
from .resolve import resolve, unify_keys
from . import rules


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
    """The article's own subject, typed from its infobox, else its categories."""
    key = _title(parsed)
    lead = lead_types(parsed.sentences[0].text) if parsed.sentences else frozenset()
    types = subject_types(parsed) or lead or _category_types(parsed) or frozenset({"Organization"})
    return Mention(key, key, True, types, strength=4)


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


def _entailed(statements: list[Statement]) -> list[Statement]:
    """Facts the ontology entails from stated ones: a key person is affiliated with the organisation."""
    out = []
    for st in statements:
        if st.predicate == "keyPerson" and isinstance(st.obj, Mention) and "Person" in st.obj.types:
            out.append(replace(st, subject=st.obj, predicate="affiliatedWith", obj=st.subject,
                               rule=st.rule + "+affiliation", event="Affiliation"))
    return out


def extract_article(article: Article) -> ArticleResult:
    """The pure per-article core: text in, subject and statements out."""
    parsed = parse_article(article)
    subject = subject_of(parsed)
    ctx: Context = article_context(parsed, subject)
    statements = (extract_infobox(parsed, subject) + extract_sentences(parsed, ctx)
                  + extract_lists(parsed, ctx) + extract_tables(parsed, ctx))
    statements = _most_specific(statements)
    statements += _entailed(statements)
    return ArticleResult(subject.key, subject, tuple(statements), len(parsed.sentences))


def _articles(inputs: list[str], kind: str | None, title: str | None, errors: list[dict]):
    for item in iter_inputs(inputs, kind, title):
        if isinstance(item, Article):
            yield item
        elif is_dump(item):
            from .dumps import read_dump
            yield from read_dump(item, errors)
        else:
            try:
                yield read_file(item, kind, title if len(inputs) == 1 else None)
            except InputError as e:
                errors.append({"input": str(item), "title": None, "reason": str(e)})


def build(inputs: list[str], kind: str | None = None, title: str | None = None) -> BuildResult:
    """Build the dataset of every input article; a failing article is recorded and skipped."""
    errors: list[dict] = []
    results = []
    for article in _articles(inputs, kind, title, errors):
        try:
            results.append(extract_article(article))
        except Exception as e:  # one bad article never sinks the batch
            errors.append({"input": article.source, "title": article.title,
                           "reason": f"{type(e).__name__}: {e}",
                           "where": traceback.format_exc(limit=-1).strip().splitlines()[-1]})
    out = assemble(results)
    out.errors = errors
    return out


def assemble(results: list[ArticleResult]) -> BuildResult:
    """Resolve entities across all articles and write one named graph per article."""
    results = sorted(results, key=lambda r: r.title)
    flat = unify_keys([st for r in results for st in r.statements])
    programmes = {}
    for st in flat:
        for q, v in st.qualifiers:
            if q == "programme":
                programmes[v] = programme_key_linked(v)
    entities = resolve(flat, [r.subject for r in results] + list(programmes.values()))
    linked = {k: m.linked for k, m in programmes.items()}
    ds = G.new_dataset()
    out = BuildResult(ds, articles=len(results))
    pos = 0
    for r in results:
        n = len(r.statements)
        sts, pos = flat[pos:pos + n], pos + n
        g = G.article_graph(ds, r.title)
        subject_iri = G.entity_ref(r.subject.key, True)
        used = {(r.subject.key, True)}
        for st in sts:
            G.add_statement(g, st, r.title, subject_iri, linked)
            out.statements += 1
            out.relations[st.predicate] += 1
            used.add((st.subject.key, st.subject.linked))
            if isinstance(st.obj, Mention):
                used.add((st.obj.key, st.obj.linked))
            if st.attributed_to is not None and st.attributed_to.key:
                used.add((st.attributed_to.key, st.attributed_to.linked))
            for q, v in st.qualifiers:
                if q == "programme":
                    used.add((v, linked.get(v, True)))
        for key in sorted(used):
            if key in entities:
                G.add_entity(g, entities[key])
    return out
