"""Run-in lists: a paragraph under a known heading that only names entities, one after another with commas."""
from __future__ import annotations

import re
from dataclasses import replace

from wikikg.extract.known import PLACE
from wikikg.extract.lists import default_type
from wikikg.extract.mentions import Context, find_mentions
from wikikg.extract.sectioned import specced_sentences
from wikikg.kb.sections import SectionSpec
from wikikg.model import Evidence, Mention, ParsedArticle, Sentence, Statement

_NOTE = re.compile(r"\s*\([^()]*\)")  # "[[ISO]] (correspondent)": a note on the item before it
_SEPARATORS = re.compile(r"[\s,;.]*(?:\band\b)?[\s,;.]*")


def extract_runin(article: ParsedArticle, ctx: Context) -> list[Statement]:
    """One statement per name of a paragraph that is nothing but a list of names, under a heading whose
    sections.toml spec says `only = "runin"` ("== International organization participation ==" then
    "[[AfDB]], [[FAO]], [[ISO]] (correspondent), ..."). The owner of the items is the article's subject,
    or the entity the title names when the spec has an `owner_title` ("Politics of Foo": Foo). An item
    whose note matches the spec's `unless_row` ("(signatory)") says something else and gives nothing."""
    out: list[Statement] = []
    for sentence, spec, heading in specced_sentences(article, _runin, ctx.subject, _names_in_a_row):
        mentions = [m for m in find_mentions(sentence, ctx) if m.key != ctx.subject.key]
        items = _items(sentence.text, mentions)
        if len(items) < 3:
            continue
        owner, allowed = _owner(spec, article.title, ctx), frozenset(spec.types)
        evidence = Evidence.of_sentence(sentence)
        for m, note in items:
            if spec.unless_row is not None and spec.unless_row.search(note) or m.types and not m.types & allowed:
                continue
            if not m.types:
                m = replace(m, types=frozenset({default_type(spec, ctx.subject, heading)}), strength=0)
            s, o = (owner, m) if spec.direction == "forward" else (m, owner)
            out.append(Statement(s, spec.relation, o, spec.id, evidence, spec.event))
    return out


def _runin(spec: SectionSpec) -> bool:
    return spec.only == "runin"


def _names_in_a_row(sentence: Sentence) -> bool:
    return not sentence.item and ", " in sentence.text


def _items(text: str, mentions: list[Mention]) -> list[tuple[Mention, str]]:
    """The names of a paragraph that holds nothing else (commas, "and", notes in parentheses), each with
    its note; none when any other word stands between them."""
    out, pos = [], 0
    for m in mentions:
        if not _SEPARATORS.fullmatch(text, pos, m.start):
            return []
        note = _NOTE.match(text, m.end)
        out.append((m, note.group() if note else ""))
        pos = note.end() if note else m.end
    return out if _SEPARATORS.fullmatch(text, pos) else []


def _owner(spec: SectionSpec, title: str, ctx: Context) -> Mention:
    """Whose items they are: the entity the title names by the spec's `owner_title`, else the subject."""
    named = spec.owner_title.fullmatch(title) if spec.owner_title is not None else None
    if named is None:
        return ctx.subject
    name = named.group(1).strip()
    known = ctx.index.get(name)
    return known if known is not None and "Place" in known.types else Mention(
        name, name, True, frozenset({"Place"}), strength=PLACE)
