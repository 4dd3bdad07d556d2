"""Untyped links the cast keeps as candidates: entities the build's other articles may type (resolve/buildtypes.py)."""
from __future__ import annotations

from collections.abc import Callable

from wikikg.extract.classify import is_concept_title, split_title
from wikikg.extract.mentions import _TOPIC_TITLE
from wikikg.extract.nonentities import is_event, is_page_of_many, is_work_qualifier, names_no_entity
from wikikg.model import Evidence, Link, Mention, Statement


def is_candidate(m: Mention) -> bool:
    """Whether a mention is a link that nothing in its article types but that may name an entity of a known class:
    a link with no class whose title is no common noun's article ("[[Privately held company]]"), no work's ("[[Foo
    (1945 film)]]"), no honour's or law's ("[[Foo Award]]", "[[Foo Act]]"), no event's ("[[Battle of Foo]]"), no
    topic's ("[[History of Foo]]", "[[Fooland in the Bar War]]") and no list's (names.toml [stop] pages)."""
    if not m.linked or m.types or not m.key:
        return False
    label, qualifier = split_title(m.key)
    return not (is_concept_title(m.key) or is_work_qualifier(qualifier) or names_no_entity(label)
                or is_event(label) or is_page_of_many(m.key) or _TOPIC_TITLE.search(label))


class Candidates:
    """The first mention and evidence of each candidate link of an article, in the order the cast meets them."""

    def __init__(self, subject: Mention) -> None:
        self.subject = subject
        self.records: dict[str, Statement] = {}
        self.evidence: dict[tuple[int, int, str], Evidence] = {}  # one object per span: a build's spills pickle it once

    def share(self, evidence: Evidence) -> Evidence:
        """The one Evidence object of this span (`evidence`, when it is the first)."""
        return self.evidence.setdefault((evidence.start, evidence.end, evidence.section), evidence)

    def offer(self, m: Mention, evidence: Callable[[], Evidence], predicate: str, rule: str,
              links: tuple[Link, ...] | None = None) -> None:
        """Keep `m` with the evidence `evidence()` gives when it is a candidate met for the first time; in a sentence
        (its `links` given) only a link to that title where it stands (a name the article links elsewhere, or pipes
        to another title, is read as that title: "[[Foo Agency|Freedonia]]" in a table makes "Freedonia" Foo Agency)."""
        if m.key not in self.records and m.key != self.subject.key and is_candidate(m) and (
                links is None or any(link.target == m.key and link.start <= m.start < link.end for link in links)):
            self.records[m.key] = Statement(self.subject, predicate, m, rule, self.share(evidence()))

    def forget(self, held: set[tuple[str, bool]]) -> None:
        """Drop the candidates a record of the article holds (a link untyped once may be typed where it recurs)."""
        self.records = {key: st for key, st in self.records.items() if (key, True) not in held}

    def statements(self) -> tuple[Statement, ...]:
        """The cast records of the candidates, untyped, in the order they were met."""
        return tuple(self.records.values())
