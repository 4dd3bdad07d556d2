"""A club's records and leaders: each linked person a records list or table under such a heading names played for it."""
from __future__ import annotations

import re

from wikikg.extract.itemdates import item_dates
from wikikg.extract.mentions import Context, find_mentions
from wikikg.extract.sectioned import specced_sentences
from wikikg.kb.sections import SectionSpec
from wikikg.model import Evidence, ParsedArticle, Statement

_SPAN = re.compile(r"\s*\(\s*\d{4}\s*[–—-]")  # "[[Jane Roe]] (1966–1983)": the years she played; not "(1984)", one season's


def extract_records(article: ParsedArticle, ctx: Context) -> list[Statement]:
    """One statement per linked person of a line under a heading whose sections.toml spec says `only = "records"`
    ("== Single-season records ==" then "* '''Passing yards''': 4,614 [[Jane Roe]] (1984)", "== All-time leaders =="
    then ":Games played — [[John Doe]] (1999–2006) – 1,194"): a record holder of the club played for it. The line's
    stat, number and years stand anywhere around the name, so only a link the article types as a person counts:
    no unlinked name (a stat's label is capitalised too), no club (a "Record victory: 8–0 v [[Foo F.C.]]" names an
    opponent). A span of years right after the name dates it: the years the person played ("(1966–1983)")."""
    out: list[Statement] = []
    for sentence, spec, _heading in specced_sentences(article, _records, ctx.subject, lambda s: bool(s.links)):
        evidence = Evidence.of_sentence(sentence)
        allowed = frozenset(spec.types)
        for m in find_mentions(sentence, ctx):
            if not m.linked or m.key == ctx.subject.key or not m.types or not m.types <= allowed:
                continue
            s, o = (ctx.subject, m) if spec.direction == "forward" else (m, ctx.subject)
            date, end = item_dates(sentence.text[m.end:]) if _SPAN.match(sentence.text, m.end) else (None, None)
            out.append(Statement(s, spec.relation, o, spec.id, evidence, spec.event, date, end))
    return out


def _records(spec: SectionSpec) -> bool:
    return spec.only == "records"
