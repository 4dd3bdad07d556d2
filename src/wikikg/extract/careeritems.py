"""An officer's assignments list: "* September 1970 – October 1972, instructor pilot, [[Foo Squadron]], [[Bar Base]]"."""
from __future__ import annotations

import re

from wikikg.extract.dates import parse_date
from wikikg.extract.known import SHAPE
from wikikg.extract.mentions import Context, find_mentions
from wikikg.extract.sectioned import specced_sentences
from wikikg.kb.names import name_tables
from wikikg.kb.sections import SectionSpec
from wikikg.model import Evidence, ParsedArticle, Sentence, Statement

# the item's span of dates, then a comma: "September 1970 – October 1972, ", "June 1982 - present, ", "1990–1993, "
_SPAN = re.compile(r"\s*((?:[A-Z][a-z]{2,8}\.?\s+)?\d{4})\s*(?:[–—-]|to)\s*(?:(?:[A-Z][a-z]{2,8}\.?\s+)?\d{4}|present)\s*,\s+")
_ITEM = re.compile(r"\s*[*#]+\s*")
_POST = re.compile(r"(?:[^,;:\[\]]{2,80}?,\s+){1,3}")  # the post held, in up to three parts: "student, pilot training, "


def extract_career_items(article: ParsedArticle, ctx: Context) -> list[Statement]:
    """For each item under a heading whose sections.toml spec says `only = "career"` that opens with a span of dates,
    then the post held and a comma: the first name after the post, when it is a unit of the spec's classes by its own
    shape or link (a base, a town, a state after it is where the unit was). The subject was a member of that unit from
    the span's first date; its key person instead when the post is one the spec's `head_roles` names ("commander")."""
    def item(s: Sentence) -> bool:  # a list item's sentence ("* ", "# "), or one found by layout
        return s.item or bool(_ITEM.fullmatch(article.text, article.text.rfind("\n", 0, s.start) + 1, s.start))

    out: list[Statement] = []
    for sentence, spec, _heading in specced_sentences(article, _career, ctx.subject, item):
        span = _SPAN.match(sentence.text)
        if not span:
            continue
        allowed = frozenset(spec.types)
        first = next((m for m in find_mentions(sentence, ctx) if m.start >= span.end() and m.key != ctx.subject.key
                      and m.types and m.types <= allowed and (m.strength >= SHAPE or m.linked)), None)
        if first is None or not _POST.fullmatch(sentence.text, span.end(), first.start):
            continue  # "student, undergraduate pilot training, [[Foo Air Force Base]]": no unit named after the post
        evidence, date = Evidence.of_sentence(sentence), parse_date(span.group(1))
        if spec.head_roles and spec.head_roles.fullmatch(sentence.text, span.end(), first.start):
            out.append(Statement(first, "keyPerson", ctx.subject, spec.id + "+head", evidence, "Appointment", date))
            continue  # "commander, [[Foo Squadron]]": its head (an affiliation follows), as the box's "commands" says
        if _staff_body(first.text) or _staff_body(first.key):  # "officer, [[Headquarters Foo Command]]": a post there
            out.append(Statement(ctx.subject, "affiliatedWith", first, spec.id + "+staff", evidence, spec.event, date))
            continue
        s, o = (ctx.subject, first) if spec.direction == "forward" else (first, ctx.subject)
        out.append(Statement(s, spec.relation, o, spec.id, evidence, spec.event, date))
    return out


def _staff_body(name: str) -> bool:
    """Whether a name ends with a staff body's word ("Foo Military Office") or opens with one before two more words
    ("Headquarters Foo Command", "Office of the Foo"; "Headquarters Squadron" is a unit)."""
    words, staff = name.split(), name_tables().staff_bodies
    return bool(words) and (words[-1] in staff or words[0] in staff and len(words) > 2 and words[1] != "and")


def _career(spec: SectionSpec) -> bool:
    return spec.only == "career"
