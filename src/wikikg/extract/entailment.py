"""Statements the ontology entails from stated ones, and stated ones that a finer statement makes redundant."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from wikikg.kb import places
from wikikg.kb.names import name_tables
from wikikg.kb.vocabulary import org_classes
from wikikg.model import Mention, Statement


def most_specific(statements: list[Statement]) -> list[Statement]:
    """Where one field or sentence names a headquarters down to the city, its country is dropped."""
    countries = places.countries()
    groups: dict[tuple, list[Statement]] = {}
    for st in statements:
        if st.predicate == "headquarteredIn" and isinstance(st.obj, Mention):
            where = "infobox" if st.evidence.section == "Infobox" else st.evidence.start
            groups.setdefault((st.subject.key, where), []).append(st)
    drop = set()
    for group in groups.values():
        finer = [st for st in group if st.obj.key not in countries]
        if finer and len(finer) < len(group):
            drop |= {id(st) for st in group if st.obj.key in countries}
    return [st for st in statements if id(st) not in drop]


@cache
def _membership_bodies() -> re.Pattern:
    """Names of membership bodies: "… Alliance", "… Association of …" (ontology/names.toml)."""
    words = "|".join(map(re.escape, name_tables().membership))
    return re.compile(rf"\b(?:{words})(?:\s+(?:of|for|on|in)\b.*)?$")


def entailed(statements: list[Statement]) -> list[Statement]:
    """Facts the ontology entails from stated ones: a key person is affiliated with the organisation;
    an organisation that founds a membership body (an alliance, association...) is a member of it."""
    bodies = _membership_bodies()
    out = []
    for st in statements:
        if st.predicate == "keyPerson" and isinstance(st.obj, Mention) and "Person" in st.obj.types:
            out.append(replace(st, subject=st.obj, predicate="affiliatedWith", obj=st.subject,
                               rule=st.rule + "+affiliation", event="Affiliation"))
        elif st.predicate == "foundedBy" and isinstance(st.obj, Mention) and st.obj.types \
                and st.obj.types <= org_classes() and bodies.search(st.subject.text):
            out.append(replace(st, subject=st.obj, predicate="memberOf", obj=st.subject,
                               rule=st.rule + "+membership", event="Membership"))
    return out
