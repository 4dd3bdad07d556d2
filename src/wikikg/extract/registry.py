"""The one extractor protocol (Extractor) and the extractors in the order they run (EXTRACTORS)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Protocol

from wikikg.extract.candidates import Candidates
from wikikg.extract.careeritems import extract_career_items
from wikikg.extract.cast import extract_cast
from wikikg.extract.coalitions import extract_coalitions
from wikikg.extract.containment import extract_containment
from wikikg.extract.context import article_context
from wikikg.extract.cutnames import without_cut_names
from wikikg.extract.entailment import entailed, in_service, most_specific
from wikikg.extract.graddates import dated_by_graduation
from wikikg.extract.grounds import extract_grounds
from wikikg.extract.headings import extract_headings
from wikikg.extract.honourrolls import without_honour_memberships
from wikikg.extract.infobox import extract_infobox
from wikikg.extract.itempeople import extract_item_people
from wikikg.extract.lists import extract_lists
from wikikg.extract.longernames import with_longer_names
from wikikg.extract.mentions import Context
from wikikg.extract.nearsites import off_site
from wikikg.extract.nonentityends import without_nonentities
from wikikg.extract.personplaces import people_not_places
from wikikg.extract.prosedates import dated_by_prose
from wikikg.extract.recordlists import extract_records
from wikikg.extract.restatements import extract_others
from wikikg.extract.runin import extract_runin
from wikikg.extract.samepeople import one_node_per_person
from wikikg.extract.schoolnames import schools_as_organisations
from wikikg.extract.seasonspans import within_seasons
from wikikg.extract.sentences import extract_sentences
from wikikg.extract.sincefounding import since_founding
from wikikg.extract.tables import extract_tables
from wikikg.extract.termdates import dated_by_term
from wikikg.extract.thenames import the_named
from wikikg.extract.titledworks import titled_works
from wikikg.extract.unitends import with_unit_parents
from wikikg.extract.venuecues import centres_as_places
from wikikg.kb import rules
from wikikg.model import DateValue, Mention, ParsedArticle, Statement

__all__ = ["EXTRACTORS", "Extraction", "Extractor", "Step", "run_extractors"]


@dataclass
class Extraction:
    """One article under extraction: what every extractor reads, and what the earlier ones found.

    `found` holds each extractor's statements under its name, in the order they ran; `statements()`
    is what the article says so far (those less the ones a finer statement makes redundant). `context` (the
    subject's names and an index of every entity name of the article) is made when an extractor first
    asks for it, from the typed mentions of the statements found before (the infobox's) and the
    `extra_names` a gazetteer knows: an extractor that reads it must run after the infobox's.
    """

    article: ParsedArticle
    subject: Mention
    extra_names: tuple[tuple[str, Mention], ...] = ()  # (name, mention) from outside the article
    found: dict[str, list[Statement]] = field(default_factory=dict)
    candidates: tuple[Statement, ...] = ()  # the cast's untyped links, for the build to type (extract/candidates.py)

    @cached_property
    def context(self) -> Context:
        """The mention context of the article (made once, on first use)."""
        known = tuple(m for sts in self.found.values() for st in sts
                      for m in (st.subject, st.obj) if isinstance(m, Mention))
        ctx = article_context(self.article, self.subject, known)
        for name, m in self.extra_names:
            if m.key != self.subject.key and name not in ctx.subject_names:
                ctx.add(name, m)
        return ctx

    def the_named(self) -> frozenset[str]:
        """The keys of the person-shaped names the article writes as no one's ("from the Jane Cross,"): extract/thenames.py."""
        ctx = self.__dict__.get("context")  # an article nothing asked the context of names nothing so
        return frozenset() if ctx is None else the_named((s, ms) for s, _, ms in ctx.found.values())

    def statements(self) -> list[Statement]:
        """Every statement found, extractor after extractor in the order they ran, less the ones a finer
        statement makes redundant (a headquarters' country where the same field or sentence names its city);
        the infobox's founders dated as precisely as the prose dates the founding ("founder = Jane Roe",
        "opened = 1908" and "the hotel opened in December 1908": 1908-12)."""
        return most_specific([st for sts in self.found.values() for st in sts] if "sentences" not in self.found
                             else _infobox_founders(self) + [st for name, sts in self.found.items()
                                                             if name != "infobox" for st in sts])


class Extractor(Protocol):
    """What the pipeline runs on every article: a name (the key of its statements in
    `Extraction.found`) and a call from the article under extraction to the statements it reads.

    An extractor is pure: it reads the parsed article, its subject, the context and what earlier
    extractors found, and changes nothing but the context's index of names.
    """

    name: str

    def __call__(self, work: Extraction) -> list[Statement]:
        """The statements this extractor reads in the article."""
        ...


@dataclass(frozen=True)
class Step:
    """An Extractor made of a name and a function of the article under extraction."""

    name: str
    run: Callable[[Extraction], list[Statement]]

    def __call__(self, work: Extraction) -> list[Statement]:
        """The statements `run` reads in the article."""
        return self.run(work)


def _infobox(work: Extraction) -> list[Statement]:
    return off_site(work.article, extract_infobox(work.article, work.subject))


def _grounds(work: Extraction) -> list[Statement]:
    return extract_grounds(work.article)


def _sentences(work: Extraction) -> list[Statement]:
    out = extract_sentences(work.article, work.context)
    date = _founding_date(work, out)
    if date is None:
        return out
    by_id = rules.rules_by_id()
    return [replace(st, date=date) if _refined(st.date, date) and (
        st.predicate == "foundedBy" and st.subject.key == work.subject.key
        or st.rule in by_id and by_id[st.rule].dated == "founding")  # "Founding members included A": members since
            else st for st in out]  # "X was founded by A and B." after "X was founded in 2007.": one founding, dated


def _refined(have: DateValue | None, founding: DateValue) -> bool:
    """Whether the founding date says more than a founding statement's own date: it has none, or only the
    founding's year or month ("was founded in 1924 when Foo ..." and "founded = April 16, 1924")."""
    return have is None or len(founding.value) > len(have.value) and founding.value.startswith(have.value)


def _founding_date(work: Extraction, sentences: list[Statement]) -> DateValue | None:
    """The subject's founding date: the prose's, else the infobox's; of the dates in the first one's year, the
    most precise ("founded in 1924" in the lead, "on April 16, 1924" in the history: 1924-04-16)."""
    dates = [st.obj for sts in (sentences, work.found.get("infobox", ())) for st in sts
             if st.predicate == "foundingDate" and st.subject.key == work.subject.key and isinstance(st.obj, DateValue)]
    if not dates:
        return None
    same = [d for d in dates if d.value[:4] == dates[0].value[:4]]
    return max(same, key=lambda d: len(d.value))  # the first of the longest


def _infobox_founders(work: Extraction) -> list[Statement]:
    """The infobox's statements, its founders of the subject dated by the founding date when that says more."""
    box = work.found.get("infobox", [])
    date = _founding_date(work, work.found["sentences"])
    if date is None:
        return box
    return [replace(st, date=date) if st.predicate == "foundedBy" and st.subject.key == work.subject.key
            and _refined(st.date, date) else st for st in box]


def _others(work: Extraction) -> list[Statement]:
    return extract_others(work.article, work.context, work.found["sentences"])


def _lists(work: Extraction) -> list[Statement]:
    return extract_lists(work.article, work.context, _founding_date(work, work.found.get("sentences", [])))


def _item_people(work: Extraction) -> list[Statement]:
    return extract_item_people(work.article, work.context, work.statements())


def _runin(work: Extraction) -> list[Statement]:
    return extract_runin(work.article, work.context)


def _records(work: Extraction) -> list[Statement]:
    return extract_records(work.article, work.context)


def _career(work: Extraction) -> list[Statement]:
    return extract_career_items(work.article, work.context)


def _tables(work: Extraction) -> list[Statement]:
    tables = within_seasons(extract_tables(work.article, work.context), work.found.get("infobox", []))
    return since_founding(tables, work.subject.key, _founding_date(work, work.found.get("sentences", [])))


def _headings(work: Extraction) -> list[Statement]:
    return extract_headings(work.article, work.context)


def _containment(work: Extraction) -> list[Statement]:
    return extract_containment(work.article, work.context)


def _coalitions(work: Extraction) -> list[Statement]:
    return extract_coalitions(work.article, work.context)


def _entailed(work: Extraction) -> list[Statement]:
    stated = work.statements()
    termed = dated_by_term(stated, work.article, work.subject.key,  # "X, Dean of [[Foo]] from 1992 to 2005"
                           frozenset(work.context.subject_names))
    termed += dated_by_graduation(stated, work.article)  # "She attended [[Foo]]. She graduated in 1965."
    prosed = dated_by_prose(stated + termed, work.article, work.context)  # "[[Foo FC]] joined in 1995"
    return termed + prosed + entailed(stated + termed + prosed)


def _cast(work: Extraction) -> list[Statement]:
    kept = work.statements()
    ids = {id(st) for st in kept}
    dropped = [st for sts in work.found.values() for st in sts if id(st) not in ids]
    pending = Candidates(work.subject)
    out = extract_cast(work.article, work.context, kept, dropped, pending)
    work.candidates = pending.statements()
    return out


# The order they run in, which is the order of their statements in the output. The infobox comes first:
# its typed mentions seed the context; "others" restates what "sentences" found; "entailed" reads every
# statement stated before it, and "cast" records the entities that no statement before it holds.
EXTRACTORS: tuple[Extractor, ...] = (
    Step("infobox", _infobox),  # extract/infobox.py: ontology/infobox.toml mappings
    Step("grounds", _grounds),  # extract/grounds.py: a club's ground in its box lies in the place after it
    Step("sentences", _sentences),  # extract/sentences.py: the rules of ontology/relations.toml
    Step("others", _others),  # extract/restatements.py: "The other investors included ..." (cues.toml)
    Step("lists", _lists),  # extract/lists.py: list items under known headings (sections.toml) or a colon
    Step("itempeople", _item_people),  # extract/itempeople.py: "* Jane Roe, Foo Library": a person item's employer
    Step("runin", _runin),  # extract/runin.py: a paragraph of names under a known heading ("[[A]], [[B]], [[C]]")
    Step("records", _records),  # extract/recordlists.py: a club's records lists: their linked people played for it
    Step("career", _career),  # extract/careeritems.py: an officer's assignments, each item's unit after the post
    Step("tables", _tables),  # extract/tables.py: rows of tables under known headings (sections.toml)
    Step("headings", _headings),  # extract/headings.py: subheadings naming parts under "Faculties" ...
    Step("containment", _containment),  # extract/containment.py: "[[Fooville]], [[Barshire]]": a place in a region
    Step("coalitions", _coalitions),  # extract/coalitions.py: "[[A]]–[[B]] [[C|coalition]]": members of a coalition
    Step("entailed", _entailed),  # extract/entailment.py: key person -> affiliatedWith, founder -> memberOf
    Step("cast", _cast),  # extract/cast.py: every other typed entity the article names (mentionedIn)
)


def run_extractors(work: Extraction, extractors: tuple[Extractor, ...] | None = None) -> list[Statement]:
    """Run the extractors (by default EXTRACTORS) in order on one article; what it says
    (Extraction.statements: every statement found, in that order, less the redundant ones)."""
    for extractor in EXTRACTORS if extractors is None else extractors:
        found = without_nonentities(extractor(work), work.subject.key)  # no "Vacant", no honour
        found = without_honour_memberships(found)  # "* Jane Roe – Foo Hall of Fame": inducted, no member of it
        if extractor.name != "infobox":  # not the box's: the context is made from it; "Foo's Aid Association": no "Aid Association"
            found = without_cut_names(found, work.subject.key, lambda: work.context.index)
            found = with_longer_names(found, work.subject.key)  # "[[Foo Division]] Support Command": the command
        found = with_unit_parents(found, work.subject,  # "the Classics Department at Foo University": Foo University
                                  None if extractor.name == "infobox" else lambda: work.context.index)
        work.found[extractor.name] = found
    # "[[Paul S. Roe]]", "[[Paul Roe]]": one person; "educated at [[Fooley School]]": no university; "the musical
    # [[Spring Foo]]": a work's title, no person, wherever the article names it; "held at the [[Foo Centre]]": a place;
    # "[[Jane Chicago]] ... Chicago said": no place
    return people_not_places(centres_as_places(titled_works(schools_as_organisations(
        one_node_per_person(in_service(work.statements()), work.subject.key), work.article.title))), work.article)
