"""Where "and" or "&" joins two names, and where it joins words inside one name ("Bureau of Industry and Security")."""
from __future__ import annotations

from functools import cache

from wikikg.extract.classify import name_types
from wikikg.extract.nonentities import is_document, is_field
from wikikg.extract.people import is_personal_name
from wikikg.kb.names import name_tables
from wikikg.kb.places import places


def split_and(toks, i, j, text, ctx) -> list[tuple[int, int]]:
    """Split "A and B" into two names unless the whole reads as one ("Bureau of X and Y")."""
    cut = [k for k in range(i, j + 1) if toks[k][2] in ("and", "&")]
    if not cut:
        return [(toks[i][0], toks[j][1])]
    whole = text[toks[i][0]:toks[j][1]].rstrip(".")  # a sentence's full stop is no part of the name
    left = text[toks[i][0]:toks[cut[0] - 1][1]]
    right = text[toks[cut[-1] + 1][0]:toks[j][1]].rstrip(".") if cut[-1] < j else ""
    known = lambda n: n in ctx.index or n in ctx.subject_names  # noqa: E731
    if known(whole) or known(f"The {whole}") and text[max(0, toks[i][0] - 4):toks[i][0]] in ("The ", "the ") \
            or is_document(whole):
        return [(toks[i][0], toks[j][1])]  # the article's own name or a name it links ("[[The Foo and Bar]]"); a
        # document's or a periodical's, whose "and" joins its issuer's words ("Transactions of the Foo and Bar Society")
    if name_types(whole) and not known(left) and not known(right) and not _person_first(left) and (
            not name_types(left) or ((" of " in left or " for " in left or " on " in left) and _complement(right))):
        return [(toks[i][0], toks[j][1])]  # "Bureau of Industry and Security", "Center for History and Culture",
        # "College of Climate Change and Environmental Science", "Committee on Roads and Public Works"; not "Jane Roe and
        # Foo Capital"
    if right in _partners() and name_types(whole):
        return [(toks[i][0], toks[j][1])]  # "Jane Roe & Sons", "Foo & Associates": a firm's name, no person and no "Sons"
    if len(cut) == 1 and toks[cut[0]][2] == "&" and " " not in right and right not in places() \
            and not known(left) and not known(right) and not name_types(left) and not name_types(right):
        return [(toks[i][0], toks[j][1])]  # "Foo Roe Bacon & Dear": a firm's partners' names, no one named "Dear"
    if len(cut) == 1 and name_types(whole) and _fields_joined(left, right) and not known(left) and not known(right):
        return [(toks[i][0], toks[j][1])]  # "Foo Energy and Environment Consultancy", "Chambers of Commerce and Industry"
    if len(cut) == 1 and _places_of(left, right):
        return [(toks[i][0], toks[j][1])]  # "Record Society of Kent and Sussex", "Foo Party of Devon and Cornwall"
    head = right.split()[-1].rstrip(".") if right.split() else ""
    if len(cut) == 1 and " " not in left and head in name_tables().and_heads \
            and not known(left) and not name_types(left) and not known(right):
        return [(toks[i][0], toks[j][1])]  # "Plumbers and Steamfitters Union"
    out, s = [], i
    for k in cut + [j + 1]:
        if k - 1 >= s:
            out.append((toks[s][0], toks[k - 1][1]))
        s = k + 1
    return out


def _person_first(left: str) -> bool:
    """Whether the words before "and" are a person's name ("Jane Roe and Foo Capital"), not a place-led
    name's start ("Hong Kong Science and Technology Parks")."""
    words = left.split()
    return is_personal_name(left) and not any(" ".join(words[:k]) in places() for k in range(2, len(words)))


def _complement(right: str) -> bool:
    """Whether the words after "and" in "<Body> of A and B" continue what the body is of (a field: "Human
    Services", "Environmental Science"), rather than name a second entity (a body, a person, a place)."""
    words = right.split()
    return (len(words) <= 3 and " of " not in f" {right} " and (not name_types(right) or is_field(right))
            and not is_personal_name(right) and right not in places())


@cache
def _partners() -> frozenset[str]:
    """The words after "&" or "and" that end a firm's name in names.toml's company suffixes ("Sons", "Associates")."""
    return frozenset(w.split()[-1] for spec in name_tables().shape.values() for w in spec.suffix
                     if w.startswith(("& ", "and ")))


def _fields_joined(left: str, right: str) -> bool:
    """Whether "and" joins two fields inside one name: a field's word right before it and right after it ("Foo
    Energy and Environment Consultancy", "Association of Chambers of Commerce and Industry of Fooland"), not two
    names ("Foo Electronics and Bar Electronics")."""
    before, after = left.split()[-1:], right.split()[:1]
    return bool(before and after) and is_field(before[0]) and is_field(after[0]) and len(right.split()) > 1


def _places_of(left: str, right: str) -> bool:
    """Whether "<Body> of A and B" is one body of two places ("Record Society of Kent and Sussex", "Foo Party of Devon
    and Cornwall", "Diocese of Bath and Wells"): A and B are places, and what is of them an organisation's
    name; not a university's, whose place is its town ("the University of Leeds and Bradford": two), nor a place's
    own ("Republic of Ireland and Britain")."""
    body, of, place = left.rpartition(" of ")
    place = place.removeprefix("the ")
    if not (body and of and " and " not in left and place in places() and right in places()):
        return False
    types = name_types(left)
    return bool(types) and "Place" not in types and "University" not in types
