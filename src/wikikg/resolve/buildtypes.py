"""Entities typed by the build: an article's untyped links that the build's other articles type (their own articles)."""
from __future__ import annotations

from dataclasses import replace
from functools import cache

from wikikg.extract.cast import MENTIONS
from wikikg.kb.vocabulary import admitted_subjects, superclasses
from wikikg.model import Entity, Mention, Statement
from wikikg.resolve.entities import statement_mentions

WITNESSES = 2  # articles that must type an entity alike when the build lacks its own article

# (title, kind) -> the first WITNESSES titles (in code point order) of the articles whose statements type it so
Votes = dict[tuple[str, str], tuple[str, ...]]


@cache
def _kind(cls: str) -> str:
    """The root of a class in the ontology's hierarchy: a person, a place, an organisation."""
    return (cls, *superclasses(cls))[-1]


def _add(votes: Votes, key: tuple[str, str], titles) -> None:
    have = votes.get(key, ())
    if len(have) < WITNESSES or any(t < have[-1] for t in titles):
        votes[key] = tuple(sorted(set(have) | set(titles)))[:WITNESSES]


def vote(votes: Votes, r, own: dict[str, frozenset[str]]) -> None:
    """Record which kinds (person, place, organisation) the statements of the article `r` (an ArticleResult) give the
    linked entities they name, other than its subject, on more than a rule's default; and in `own`, those its own
    article gives its subject (ArticleResult.own: not a title's mere look of a person's name)."""
    own[r.subject.key] = own.get(r.subject.key, frozenset()) | frozenset(map(_kind, getattr(r, "own", ())))
    mine: set[tuple[str, str]] = set()
    for st in r.statements:
        for m in statement_mentions(st):
            if m.linked and m.types and m.strength > 0 and m.key != r.subject.key:
                mine.update((m.key, _kind(t)) for t in m.types)
    for key in mine:
        _add(votes, key, (r.title,))


def merge_votes(votes: Votes, other: Votes) -> None:
    """Merge another partition's votes into `votes` (commutative and associative)."""
    for key, titles in other.items():
        _add(votes, key, titles)


def confirmed(votes: Votes, own: dict[str, frozenset[str]], entities: dict[tuple[str, bool], Entity]) -> frozenset[str]:
    """The titles whose entity the build types on its own evidence: its own article's subject, typed by that
    article (`own`: its infobox, lead, categories or title's shape, not a title's mere look of a personal name), with
    the entity's resolved class of the same kind; else, when the build lacks that article, WITNESSES articles that
    type it alike and none that gives it another kind. An article of the build that does not say what its own
    subject is leaves it untyped."""
    kinds: dict[str, set[str]] = {}  # title -> the kinds enough articles give it ("": a kind too few give it)
    for (title, kind), titles in votes.items():
        kinds.setdefault(title, set()).add(kind if len(titles) >= WITNESSES else "")
    out = set()
    for key, entity in entities.items():
        title, linked = key
        if not linked or entity.assumed:
            continue
        have = {_kind(t) for t in entity.types}
        said = own[title] if title in own else kinds.get(title, set())
        if len(said) == 1 and "" not in said and have == said:
            out.add(title)
    return frozenset(out)


def build_typed(r, t, fixed: list[Statement]) -> list[Statement]:
    """The cast records of the article's candidates (extract/candidates.py: links nothing in the article types) that
    the build types (`confirmed`): the entity of the link's title, or its redirect's target, has a class the cast
    admits. A link to a disambiguation page of the build names no one entity. An entity the article's own
    statements (`fixed`, resolved but not yet checked) name is left to them, so an article built alone, whose
    tables hold only its own entities, gets nothing here. `r` an ArticleResult, `t` the build's resolve.merge.Tables."""
    candidates = getattr(r, "candidates", ())
    if not candidates or not t.confirmed:
        return []
    named = {(r.subject.key, True)}
    for sts in (r.statements, fixed):
        for st in sts:
            named.update((m.key, m.linked) for m in statement_mentions(st))
            named.update((v, t.linked.get(v, True)) for q, v in st.qualifiers if q == "programme")
    cast = admitted_subjects(MENTIONS)
    out = []
    for st in candidates:
        m = st.obj
        if not isinstance(m, Mention) or m.key in t.ambiguous:
            continue
        key = t.redirects.get(m.key, m.key)
        entity = t.entities.get((key, True))
        if key not in t.confirmed or (key, True) in named or entity is None or not entity.types & cast:
            continue
        named.add((key, True))
        out.append(replace(st, obj=replace(m, key=key, types=entity.types)))
    return out
