"""Which mentions may fill a rule's places: typed by evidence where that is needed, not a possessor."""
from __future__ import annotations

import re

from wikikg.extract.mentions import Context
from wikikg.kb import rules
from wikikg.kb.vocabulary import org_classes
from wikikg.model import Mention


def fits(m: Mention, types: frozenset[str], strict: bool) -> bool:
    """Whether `m` can stand where `types` are allowed; a strict place wants a class from evidence (a
    name's shape, a link's context, an infobox, a lead), not the weakest default an untyped subject has."""
    if not types or (m.authority and types & rules.type_group("gov")):
        return True
    if not m.types or strict and m.strength == 0:
        return not strict
    return bool(m.types & types)


def strict_place(types: frozenset[str], ctx: Context) -> bool:
    """Whether a name must be typed by evidence to fill a place where organisations are allowed. In an
    article about an organisation, the names its organisational sentences relate are organisations and
    people; in one about a country, a person, an animal or an idea they are mostly places, peoples,
    works and concepts ("Aikido was created by Ueshiba", "the Hangul alphabet was created by Sejong"),
    so there an untyped name fills no organisation's place and no founder's."""
    if not types & org_classes():
        return False
    return not (ctx.subject.strength > 0 and ctx.subject.types & org_classes())


_OWNS = re.compile(r"(?:'s|’s)(?:\s+[a-z][\w-]*){1,2}")


def owns_noun(text: str, e: int, span: tuple[int, int]) -> bool:
    """Whether the mention ending at `e` only owns the noun that fills the place ("⟦Einstein⟧'s father founded",
    "⟦Rand⟧'s ideas are studied at"): the noun is the argument, not its possessor; unless the noun
    holds the trigger ("⟦Google⟧'s acquisition of", "⟦Acme⟧'s founder", "⟦ANSI⟧'s operations office is")."""
    m = _OWNS.match(text, e)
    return m is not None and not e <= span[0] <= m.end()
