"""Which mentions may fill a rule's places: typed by evidence where that is needed, not a possessor."""
from __future__ import annotations

import re

from wikikg.extract.classify import split_title
from wikikg.extract.mentions import Context
from wikikg.extract.nonentities import is_compass_point, is_work_qualifier, names_no_entity
from wikikg.kb import rules
from wikikg.kb.places import places
from wikikg.kb.vocabulary import domain, org_classes
from wikikg.model import Mention

LINKED = "linked"  # a strictness: evidence of a class, or a link to an article nothing types


def fits(m: Mention, types: frozenset[str], strict: bool | str) -> bool:
    """Whether `m` can stand where `types` are allowed; a strict place wants a class from evidence (a
    name's shape, a link's context, an infobox, a lead), not the weakest default an untyped subject has;
    a LINKED place also takes a linked name nothing types."""
    if not types or (m.authority and types & rules.type_group("gov")):
        return True
    if not m.types and names_nothing(m):
        return False  # "membership of the [[Olympic Games|Olympic]] movement": an event, no body
    if not m.types or strict and m.strength == 0:
        return not strict or strict == LINKED and m.linked and not m.types
    return bool(m.types & types)


# a people's or a faith's adherents, one plural word: "[[Baptists]]", "[[Ukrainians]]", "[[Methodists]]", "[[Mennonites]]"
_PEOPLE = re.compile(r"[A-Z][a-z]+(?:ans|ists|ites)")


def names_nothing(m: Mention) -> bool:
    """Whether an untyped mention's name or link title says it names no entity: an event, an honour, a field, a
    document ("[[Olympic Games]]", "[[Foo Prize]]"), a work ("[[Foo (1945 film)]]"), a people or a faith's
    adherents ("founded by [[Baptists]]": people of a denomination, no body that founds); a link shown as a compass
    point names what its title says ("[[Foo East|East]]": a division)."""
    label, qualifier = split_title(m.key)
    return names_no_entity(label) or names_no_entity(m.text) and not is_compass_point(m.text) \
        or is_work_qualifier(qualifier) \
        or bool(_PEOPLE.fullmatch(label)) and label not in places()


def strict_place(types: frozenset[str], ctx: Context) -> bool:
    """Whether a name must be typed by evidence to fill a place where organisations are allowed. In an
    article about an organisation, the names its organisational sentences relate are organisations and
    people; in one about a country, a person, an animal or an idea they are mostly places, peoples,
    works and concepts ("Aikido was created by Ueshiba", "the Hangul alphabet was created by Sejong"),
    so there an untyped name fills no organisation's place and no founder's."""
    if not types & org_classes():
        return False
    return not (ctx.subject.strength > 0 and ctx.subject.types & org_classes())


def biography_own(relation: str, subjects: list, ctx: Context) -> bool:
    """Whether a rule relates a biography's own subject by a relation a person has (rdfs:domain holds
    Person: affiliatedWith, memberOf): then a linked name it worked at, joined or served fills the
    organisation's place even untyped ("he worked at [[Porsche]] in Stuttgart")."""
    return (ctx.subject.strength > 0 and "Person" in ctx.subject.types and "Person" in domain(relation)
            and all(isinstance(m, Mention) and m.key == ctx.subject.key for m in subjects))


_OWNS = re.compile(r"(?:'s|’s)(?:\s+\([^()]{1,12}\))?(?:(?:\s+[A-Z][a-z]+(?=\s+[a-z]))?(?:\s+[a-z][\w-]*){1,2}|(?:\s+[A-Z][\w-]*)?\s+⟦\d+⟧"
                   r"|(?:\s+[A-Z][\w-]*){1,4}\s+(?:[Tt]eams?|[Ss]quads?)\b)")  # "'s Indian subsidiary"; "Head of ⟦Foo
# College⟧'s ⟦Department of Classics⟧": the department heads the phrase; "named to ⟦Foo Conference⟧'s All Freshman
# Team": an honour's team the body picks, no membership of the body; "the ⟦Foo League⟧'s (FL) ⟦Bar Lions⟧": the team


def owns_noun(text: str, e: int, span: tuple[int, int]) -> bool:
    """Whether the mention ending at `e` only owns the noun that fills the place ("⟦Einstein⟧'s father founded",
    "⟦Rand⟧'s ideas are studied at"): the noun is the argument, not its possessor; unless the noun
    holds the trigger ("⟦Google⟧'s acquisition of", "⟦Acme⟧'s founder", "⟦ANSI⟧'s operations office is")."""
    end = owned_end(text, e)
    return end is not None and not e <= span[0] <= end


def owned_end(text: str, e: int) -> int | None:
    """Where the noun owned by the mention ending at `e` ends ("⟦Rand⟧'s ideas"), or None: owns_noun's match."""
    m = _OWNS.match(text, e)
    return None if m is None else m.end()
