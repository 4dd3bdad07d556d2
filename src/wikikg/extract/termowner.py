"""The organisation a definition term ("; 1st Foo Squadron") or a lone bold line names, over the list items below it."""
from __future__ import annotations

from dataclasses import replace

from wikikg.extract.classify import name_types
from wikikg.extract.known import SHAPE
from wikikg.extract.mentions import Context, find_mentions, name_mention
from wikikg.extract.partnames import part_named, unit_class
from wikikg.kb.vocabulary import org_classes
from wikikg.model import Mention, ParsedArticle


def term_owner(article: ParsedArticle, sentence, ctx: Context) -> Mention | None:
    """The organisation a definition term ("; 1st Foo Squadron"), a bold line standing alone or a line of a name and a
    colon ("Northern Command:", a part by its head noun) names, whose items follow it: a predecessor's stations or
    assignments in a unit's lineage, a member society's own list, a command's brigades. None for the subject itself,
    a period ("; 1990s") or a common heading ("; Current")."""
    line = article.text[article.text.rfind("\n", 0, sentence.start) + 1:sentence.end].strip()
    if not (line.startswith(";") or line.startswith("\'\'\'") and line.endswith("\'\'\'")
            or line.endswith(":") and line == sentence.text.strip()):  # "Northern Command:" alone on its line
        return None
    name = sentence.text.strip().rstrip(":").strip()
    if not name or name in ctx.subject_names or len(name) > 80:
        return None
    colon = line.endswith(":") and not line.startswith(";")  # "Northern Command:", not "Foo Air Force structure:"
    if colon and not (part_named(name_mention(name)) and _name_words(name)):
        return None
    found = [m for m in find_mentions(sentence, ctx) if m.start == 0 and m.end >= len(name)]
    if found and (found[0].types or not colon):
        m = found[0]
        return None if m.key == ctx.subject.key or not m.types & org_classes() else m
    types = (name_types(name) or frozenset({unit_class(name, ctx.subject) or "Organization"})) if colon else name_types(name)
    return replace(name_mention(name), types=types, strength=SHAPE) if types & org_classes() else None


_PARTICLES = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "von", "van", "der", "den", "in", "on",
                        "at", "&"})


def _name_words(line: str) -> bool:
    """Whether a line is made of a name's words only: capitalised words, numbers and particles ("Northern Command",
    "Directorate of Foo"), not a sentence that ends in one ("The following officers commanded the 1st Foo Battalion")."""
    return all(w[:1].isupper() or w[:1].isdigit() or w in _PARTICLES for w in line.split())
