"""Cross-article resolution in mergeable parts: partition summaries, the global tables, resolved articles."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property

from wikikg.extract.known import programme_key_linked
from wikikg.model import Entity, Evidence, Mention, Statement
from wikikg.parse import canonical_title
from wikikg.resolve.buildtypes import build_typed, confirmed, merge_votes, vote
from wikikg.resolve.entities import label_of, resolve, statement_mentions, unify_keys
from wikikg.resolve.sanity import admissible, recast

__all__ = ["Summary", "Tables", "redirect_map", "resolved", "summarise", "tables"]

_NOWHERE = Evidence("", "", 0, 0)


def _bare(m: Mention) -> Mention:
    """A mention without its position: what resolution looks at."""
    if m.start == -1 and m.end == -1:
        return m  # (dataclasses.replace, without its cost: this runs for every mention of every statement)
    return Mention(m.text, m.key, m.linked, m.types, m.aliases, -1, -1, m.authority, m.strength)


@dataclass
class Summary:
    """What cross-article resolution needs from a set of articles; summaries merge in any order."""

    first: dict[Mention, tuple] = field(default_factory=dict)  # mention -> first (title, seq, i, j)
    counts: Counter = field(default_factory=Counter)  # mention -> occurrences in statements
    subjects: Counter = field(default_factory=Counter)  # article subjects (not unified)
    programmes: set[str] = field(default_factory=set)
    articles: int = 0
    ambiguous: set[str] = field(default_factory=set)  # titles of the disambiguation pages built
    votes: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)  # resolve/buildtypes.py
    own: dict[str, frozenset[str]] = field(default_factory=dict)  # title -> the kinds its own article gives it
    the_named: set[str] = field(default_factory=set)  # names an article writes as no one's (extract/thenames.py)

    def update(self, other: "Summary") -> "Summary":
        """Merge another summary into this one (commutative and associative)."""
        for m, order in other.first.items():
            if m not in self.first or order < self.first[m]:
                self.first[m] = order
        self.counts.update(other.counts)
        self.subjects.update(other.subjects)
        self.programmes |= other.programmes
        self.articles += other.articles
        self.ambiguous |= other.ambiguous
        self.the_named |= other.the_named
        merge_votes(self.votes, other.votes)
        for title, kinds in other.own.items():
            self.own[title] = self.own.get(title, frozenset()) | kinds
        return self


def summarise(results: Iterable[tuple[int, object]]) -> Summary:
    """The summary of (sequence number, ArticleResult) pairs: mentions, first occurrences, programmes."""
    out = Summary()
    for seq, r in results:
        out.articles += 1
        out.subjects[_bare(r.subject)] += 1
        if getattr(r, "disambiguation", False):
            out.ambiguous.add(r.subject.key)
        vote(out.votes, r, out.own)
        out.the_named.update(getattr(r, "the_named", ()))
        for i, st in enumerate(r.statements):
            for j, m in enumerate(statement_mentions(st)):
                b = _bare(m)
                out.counts[b] += 1
                order = (r.title, seq, i, j)
                if b not in out.first or order < out.first[b]:
                    out.first[b] = order
            out.programmes.update(v for q, v in st.qualifiers if q == "programme")
    return out


def redirect_map(redirects: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Redirect title -> final target title (chains followed, section redirects and loops dropped)."""
    direct = {}
    for title, target in redirects:
        if "#" in target:  # a redirect to a section names a part of the target, not the target
            continue
        t, d = canonical_title(title), canonical_title(target)
        if t and d and t != d:
            direct[t] = d
    out = {}
    for t, d in direct.items():
        seen = {t}
        while d in direct and d not in seen and len(seen) < 8:
            seen.add(d)
            d = direct[d]
        if d not in seen:
            out[t] = d
    return out


@dataclass(frozen=True)
class Tables:
    """The global outcome of resolution that every article's triples need."""

    fixes: dict[Mention, Mention]  # a mention (without position) -> the mention it resolves to
    entities: dict[tuple[str, bool], Entity]
    linked: dict[str, bool]  # sanctions programme key -> whether it is a Wikipedia title
    redirects: dict[str, str] = field(default_factory=dict)  # redirect title -> its final target's
    ambiguous: frozenset[str] = frozenset()  # titles of the build's disambiguation pages
    confirmed: frozenset[str] = frozenset()  # titles whose entity the build types (resolve/buildtypes.py)

    @cached_property
    def fixed_names(self) -> frozenset[tuple[str, bool, str]]:
        """(key, linked, text) of each mention a fix applies to: a cheap test before looking a mention up
        (most mentions have no fix, and a Mention's own hash covers all its fields)."""
        return frozenset((m.key, m.linked, m.text) for m in self.fixes)


def _proxy(m: Mention) -> Statement:
    return Statement(m, "_", "", "", _NOWHERE)


def tables(summary: Summary, redirects: Iterable[tuple[str, str]] = ()) -> Tables:
    """Resolve every mention of the batch at once, as if all statements were in one list: redirects
    point links at their targets, unify_keys and resolve run on one proxy per distinct mention."""
    rmap = redirect_map(redirects)
    ordered = sorted(summary.first, key=summary.first.__getitem__)
    moved = [replace(m, key=rmap[m.key]) if m.linked and m.key in rmap else m for m in ordered]
    unified = [st.subject for st in unify_keys([_proxy(m) for m in moved])]
    fixes = {m: u for m, u in zip(ordered, unified, strict=False) if u != m}
    proxies = []
    for m, u in zip(ordered, unified, strict=False):
        proxies.extend([_proxy(u)] * summary.counts[m])
    programmes = {v: programme_key_linked(v) for v in sorted(summary.programmes)}
    extras = [m for m, n in sorted(summary.subjects.items(), key=repr) for _ in range(n)]
    entities = resolve(proxies, extras + list(programmes.values()), {rmap.get(k, k) for k in summary.the_named})
    aliases: dict[tuple[str, bool], set[str]] = {}
    for title, target in sorted(rmap.items()):
        key = (target, True)
        if key in entities and title.casefold() != label_of(target, True).casefold():
            aliases.setdefault(key, set()).add(title)
    for key, names in aliases.items():
        entities[key] = replace(entities[key], aliases=entities[key].aliases | names)
    return Tables(fixes, entities, {k: m.linked for k, m in programmes.items()}, rmap, frozenset(summary.ambiguous),
                  confirmed(summary.votes, summary.own, entities) if summary.articles > 1 else frozenset())


def _fix(m, fixes: dict[Mention, Mention], names: frozenset | None = None):
    if not isinstance(m, Mention) or names is not None and (m.key, m.linked, m.text) not in names:
        return m
    to = fixes.get(_bare(m))
    return m if to is None else Mention(to.text, to.key, to.linked, to.types, to.aliases, m.start, m.end, to.authority,
                                        to.strength)


def _fixed(st: Statement, fixes: dict[Mention, Mention], names: frozenset | None = None) -> Statement:
    """The statement with its mentions fixed; the statement itself when no fix applies (most). `names`:
    Tables.fixed_names, when known."""
    subject, obj, by = _fix(st.subject, fixes, names), _fix(st.obj, fixes, names), _fix(st.attributed_to, fixes, names)
    if subject is st.subject and obj is st.obj and by is st.attributed_to:
        return st
    return replace(st, subject=subject, obj=obj, attributed_to=by)


def resolved(r, t: Tables) -> tuple[list[Statement], list[Entity]]:
    """One article's statements with their mentions resolved by the global tables, and the entities
    they use (the article's subject first-sorted with the rest by key)."""
    names = t.fixed_names
    sts = [_fixed(st, t.fixes, names) for st in r.statements]
    typed = build_typed(r, t, sts)  # links nothing in the article types, typed by the build's other articles
    kept = [st for st in sts if admissible(st, t.entities)]
    sts = kept + recast([st for st in sts if not admissible(st, t.entities)], kept, r.subject, t.entities) + typed
    used = {(r.subject.key, True)}
    related = set()  # entities a fact relates (not only the cast's "mentioned in")
    for st in sts:
        keys = [(m.key, m.linked) for m in statement_mentions(st)]
        used.update(keys)
        if st.predicate != "mentionedIn":
            related.update(keys)
        used.update((v, t.linked.get(v, True)) for q, v in st.qualifiers if q == "programme")
    # an entity nothing types (an article's subject its text never says is an organisation: "Aardvark")
    # keeps the default class only where a fact needs it
    return sts, [replace(e, types=frozenset()) if e.assumed and key not in related else e
                 for key in sorted(used) if (e := t.entities.get(key)) is not None]
