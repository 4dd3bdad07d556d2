"""The extractor registry: one protocol, one tuple in run order, the pipeline runs exactly that."""
from __future__ import annotations

from pathlib import Path

from wikikg.extract import registry
from wikikg.extract.cast import extract_cast
from wikikg.extract.containment import extract_containment
from wikikg.extract.context import article_context
from wikikg.extract.entailment import entailed, most_specific
from wikikg.extract.grounds import extract_grounds
from wikikg.extract.headings import extract_headings
from wikikg.extract.infobox import extract_infobox
from wikikg.extract.lists import extract_lists
from wikikg.extract.registry import EXTRACTORS, Extraction, Extractor, Step, run_extractors
from wikikg.extract.restatements import extract_others
from wikikg.extract.runin import extract_runin
from wikikg.extract.sentences import extract_sentences
from wikikg.extract.tables import extract_tables
from wikikg.model import Article, Mention
from wikikg.parse import parse_article
from wikikg.pipeline.stages import extract_article, subject_of

SEED = Path(__file__).resolve().parents[1] / "seeds" / "sensetime.wikitext"


def seed_work() -> Extraction:
    parsed = parse_article(Article("SenseTime", SEED.read_text("utf-8"), str(SEED)))
    return Extraction(parsed, subject_of(parsed))


def test_the_extractors_in_the_order_they_run():
    assert [e.name for e in EXTRACTORS] == ["infobox", "grounds", "sentences", "others", "lists", "itempeople", "runin",
                                            "records", "career", "tables", "headings", "containment", "coalitions", "entailed",
                                            "cast"]
    assert all(isinstance(e, Step) and callable(e) for e in EXTRACTORS)
    assert len({e.name for e in EXTRACTORS}) == len(EXTRACTORS)


def test_running_the_registry_is_calling_the_extractors_one_after_another():
    work = seed_work()
    got = run_extractors(work)
    assert list(work.found) == [e.name for e in EXTRACTORS]
    parsed, subject = work.article, work.subject
    boxed = extract_infobox(parsed, subject)
    known = tuple(m for st in boxed for m in (st.subject, st.obj) if isinstance(m, Mention))
    ctx = article_context(parsed, subject, known)
    said = extract_sentences(parsed, ctx)
    facts = most_specific(boxed + extract_grounds(parsed) + said + extract_others(parsed, ctx, said)
                          + extract_lists(parsed, ctx) + extract_runin(parsed, ctx)
                          + extract_tables(parsed, ctx) + extract_headings(parsed, ctx) + extract_containment(parsed, ctx))
    facts += entailed(facts)
    assert got == facts + extract_cast(parsed, ctx, facts)  # the cast holds what no kept statement holds
    assert got and work.found["infobox"] and work.found["sentences"]


def test_the_context_is_made_once_from_what_was_found_before_it_was_asked_for():
    work = seed_work()
    run_extractors(work, EXTRACTORS[:1])
    ctx = work.context
    assert work.context is ctx and ctx.typed  # the infobox's typed mentions seed it
    assert not seed_work().context.typed  # asked for before any extractor ran: nothing typed


def test_a_new_extractor_is_one_more_entry():
    def nothing(work: Extraction) -> list:
        return []

    extra: Extractor = Step("nothing", nothing)
    work = seed_work()
    run_extractors(work, (*EXTRACTORS, extra))
    assert list(work.found)[-1] == "nothing" and work.found["nothing"] == []


def test_the_pipeline_runs_the_registry(monkeypatch):
    article = Article("SenseTime", SEED.read_text("utf-8"), str(SEED))
    every = extract_article(article).statements
    monkeypatch.setattr(registry, "EXTRACTORS", registry.EXTRACTORS[:1])
    only_infobox = extract_article(article).statements
    assert 0 < len(only_infobox) < len(every)
    assert all(st.rule.startswith("infobox.") for st in only_infobox)
    assert any(not st.rule.startswith("infobox.") for st in every)


def test_an_entity_only_a_dropped_statement_held_is_in_the_cast():
    text = ("{{Infobox company\n| name = Acme Widgets\n| hq_location_city = [[London]]\n"
            "| hq_location_country = [[United Kingdom]]\n}}\n'''Acme Widgets''' is a company. "
            "Acme Widgets sells widgets to shops in the [[United Kingdom]] and [[France]].")
    statements = extract_article(Article("Acme Widgets", text, "acme.wikitext")).statements
    hq = [st.obj.key for st in statements if st.predicate == "headquarteredIn"]
    cast = [st.obj.key for st in statements if st.rule == "cast.mention"]
    assert hq == ["London"]  # the country of the same infobox field is redundant, so dropped
    assert cast == ["United Kingdom", "France"]  # and, held by no statement kept, it is in the cast
