"""Loads relations.toml and cues.toml into typed, compiled rules and cue patterns."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources.abc import Traversable
from operator import itemgetter
from pathlib import Path

from wikikg.errors import RuleError
from wikikg.kb.alternation import Alternation
from wikikg.kb.ontology import declared_terms
from wikikg.kb.prefilter import fold, leads, phrases, required, required_all, squeeze
from wikikg.kb.schema import Free, Items, Table, by_class, check, checked, read, suggest
from wikikg.kb.tablestore import stored_table
from wikikg.kb.vocabulary import classes, is_symmetric, subclasses

__all__ = ["Cues", "Others", "Rule", "RuleError", "SELECTORS", "cues", "load_cues", "load_relations",
           "relation_rules", "rules_by_id", "type_group"]

SLOT = r"⟦\d+⟧"
SELECTORS = {"left", "right", "left_all", "right_all", "right_last", "left_any", "left_prev", "left_apposed", "after_opening", "left_chain",
             "left_adjacent", "right_adjacent", "right_modifier", "gov", "article", "date", "its_owner"}


@dataclass(frozen=True)
class Rule:
    """One sentence-level relation rule (see ontology/relations.toml for the fields)."""

    id: str
    relation: str
    event: str | None
    trigger: re.Pattern
    subject: str
    object: str
    subject_types: frozenset[str]
    object_types: frozenset[str]
    subject_default: str | None
    object_default: str | None
    subject_preps: frozenset[str]
    object_preps: frozenset[str]
    symmetric: bool = False  # the relation is an owl:SymmetricProperty of wikikg.ttl
    min_participants: int = 1
    coordinate: re.Pattern | None = None
    requires: re.Pattern | None = None
    unless: bool = False
    max_objects: int = 0
    strict: frozenset[str] = frozenset()  # sides whose mention must have a known, fitting type
    dated: bool | str = True  # False: no date (appositions); "sentence": any date in the sentence; "founding":
    # the subject's founding date (founding members)
    yields_to: frozenset[str] = frozenset()  # rule ids whose overlapping match takes precedence
    need_prep: frozenset[str] = frozenset()  # sides whose mention must follow one of their preps
    examples: tuple = ()
    keys: frozenset[str] | None = None  # folded words one of which any trigger match holds (prefilter.py)
    evident: re.Pattern | None = None  # a trigger match holding this states its arguments' classes
    clauses: tuple[frozenset[str], ...] = ()  # folded words or phrases of which any trigger match holds one of each
    subject_name: re.Pattern | None = None  # the subject's name as shown must match ("Faculty of ...": a part's)
    object_name: re.Pattern | None = None  # the object's key and shown name, on two lines, must match ("... Party")
    linked: frozenset[str] = frozenset()  # strict sides that also take a linked name nothing types
    subject_key: re.Pattern | None = None  # the subject's key (its link's title) must match ("Foo (Barland)": no)
    typed: frozenset[str] = frozenset()  # strict sides typed by evidence even in a biography's own career
    together: bool = False  # a symmetric rule's participants act together: every pair of them, not only the subject's
    dated_when: re.Pattern | None = None  # with dated = false: the date counts when the trigger's match holds this
    # ("became part of" is an event, dated; "is part of" a state)

    def triggers(self, text: str, present: frozenset[str]):
        """The trigger's matches in `text`; `present` is words_in(text), to skip hopeless texts."""
        if self.keys is not None and self.keys.isdisjoint(present):
            return iter(())
        for words in self.clauses:
            if words.isdisjoint(present):
                return iter(())
        return self.trigger.finditer(text)


@dataclass(frozen=True)
class Others:
    """The "The other companies included A, B and C." cue and the nouns that say which side they take."""

    cue: re.Pattern
    subject_nouns: frozenset[str]
    object_nouns: frozenset[str]


@dataclass(frozen=True)
class Cues:
    """Compiled cue lists from ontology/cues.toml."""

    prepositions: frozenset[str]
    determiners: frozenset[str]
    clause_breaks: Alternation
    window: int
    hedges: Alternation
    negations: Alternation
    reports: Alternation
    termination_anaphor: re.Pattern
    termination_verb: Alternation
    termination_events: frozenset[str]
    pronoun: re.Pattern
    nouns: dict[str, tuple[str, ...]]
    modifier: re.Pattern
    present: Alternation
    others: Others
    person_pronoun: re.Pattern | None = None  # "She" / "He" for a Person subject
    own_name_nouns: frozenset[str] = frozenset()  # nouns for the subject only when its name holds them
    predecessors: re.Pattern | None = None  # a lead's bold names after it are predecessors, not the subject's names
    partner_heading: re.Pattern | None = None  # a section heading naming the subject's partner (group 1)
    joined_nouns: frozenset[str] = frozenset()  # "joined the band": the subject's noun for a body of members
    kinds_listed: re.Pattern | None = None  # "banks including ": the cue after a plural class noun
    kinds_not_nouns: frozenset[str] = frozenset()  # [lead] nouns that do not type the names listed after them
    own_head: frozenset[str] = frozenset()  # "the academy" in Foo Academy's article: its name's head noun
    kin_nouns: tuple[str, ...] = ()  # "his father", "her wife": a relative of the subject (extract/kinsubject.py)


def _compile(pattern: str, where: str, flags: int = re.I) -> re.Pattern:
    try:
        return re.compile(pattern.replace("{E}", SLOT), flags)
    except re.error as e:
        raise RuleError(f"{where}: bad regex: {e}") from None


def _alternation(patterns: list[str], where: str, flags: int = re.I) -> Alternation:
    """The cues as one alternation that searches, per text, only the cues whose words it holds."""
    try:
        return Alternation([p.replace("{E}", SLOT) for p in patterns], flags)
    except re.error as e:
        raise RuleError(f"{where}: bad regex: {e}") from None


_SIDES = ("subject", "object")
_GROUP = Table({"classes": list, "below": str, "except": list})
_EXAMPLE = Table({"text": str, "pairs": list, "dates": list, "title": str, "wikitext": bool}, frozenset({"text"}))
RELATIONS = Table({
    "types": Free(_GROUP, what="group"),
    "rule": Items(Table({
        "id": str, "relation": str, "event": str, "trigger": str, "subject": str, "object": str,
        "subject_types": (str, list), "object_types": (str, list), "subject_default": str, "object_default": str,
        "subject_preps": list, "object_preps": list, "min_participants": int, "coordinate": str,
        "requires": str, "unless": bool, "max_objects": int, "strict": list, "dated": (bool, str),
        "yields_to": list, "need_prep": list, "evident": str, "subject_name": str, "object_name": str,
        "linked": list, "subject_key": str, "typed": list, "together": bool, "dated_when": str, "examples": Items(_EXAMPLE)},
        frozenset({"id", "relation", "trigger", "subject", "object"}), "id",
        {"symmetric": "wikikg.ttl says which relations are symmetric: owl:SymmetricProperty"})),
}, frozenset({"rule"}))


def _groups(data: dict) -> dict[str, frozenset[str]]:
    """[types] of relations.toml: each group's `classes`, plus `below` and every class under it,
    less `except`."""
    out = {}
    for name, g in data.get("types", {}).items():
        named = [*g.get("classes", ()), *([g["below"]] if "below" in g else ()), *g.get("except", ())]
        bad = [c for c in named if c not in classes()]
        if bad:
            raise RuleError(f"relations.toml [types.{name}]: unknown class {bad[0]!r} ({suggest(bad[0], classes())})")
        below = subclasses(g["below"]) | {g["below"]} if "below" in g else frozenset()
        out[name] = (frozenset(g.get("classes", ())) | below) - set(g.get("except", ()))
    return out


def load_relations(directory: Path | Traversable | None = None) -> tuple[Rule, ...]:
    """The sentence relation rules of relations.toml (of `directory`, for tests), checked against
    the closed schema and the ontology."""
    data = checked("relations.toml", RELATIONS, directory)
    groups = _groups(data)
    known, ids = declared_terms(), [r["id"] for r in data["rule"]]
    rules, seen = [], set()
    for raw in data["rule"]:
        rid = raw["id"]
        where = f"relations.toml rule {rid!r}"
        if rid in seen:
            raise RuleError(f"{where}: duplicate id")
        unknown = set(raw.get("yields_to", ())) - set(ids)
        if unknown:
            raise RuleError(f"{where}: yields_to names unknown rules {sorted(unknown)}")
        seen.add(rid)
        for key in ("relation", "event"):
            if raw.get(key) and raw[key] not in known:
                raise RuleError(f"{where}: {key} {raw[key]!r} is not declared in wikikg.ttl")
        for side in _SIDES:
            if raw[side] not in SELECTORS:
                raise RuleError(f"{where}: unknown selector {raw[side]!r}")
            default = raw.get(f"{side}_default")
            if default is not None and default not in classes():
                raise RuleError(f"{where}: {side}_default {default!r} is not a class of wikikg.ttl")

        if isinstance(raw.get("dated"), str) and raw["dated"] not in ("sentence", "founding"):
            raise RuleError(f"{where}: dated is true, false, \"sentence\" or \"founding\", not {raw['dated']!r}")

        def types(side: str) -> frozenset[str]:
            value = raw.get(f"{side}_types")
            if value is None:
                return frozenset()
            if isinstance(value, str) and value not in groups:
                raise RuleError(f"{where}: {side}_types names no group of [types]: {value!r}")
            out = groups[value] if isinstance(value, str) else frozenset(value)
            bad = [t for t in out if t not in known]
            if bad:
                raise RuleError(f"{where}: unknown classes {bad}")
            return out

        trigger = _compile(raw["trigger"], where)
        rules.append(Rule(
            rid, raw["relation"], raw.get("event"), trigger,
            raw["subject"], raw["object"], types("subject"), types("object"),
            raw.get("subject_default"), raw.get("object_default"),
            frozenset(raw.get("subject_preps", ())), frozenset(raw.get("object_preps", ())),
            is_symmetric(raw["relation"]), raw.get("min_participants", 1),
            _compile(raw["coordinate"], where) if raw.get("coordinate") else None,
            _compile(raw["requires"], where, 0) if raw.get("requires") else None,
            raw.get("unless", False), raw.get("max_objects", 0), frozenset(raw.get("strict", ())),
            raw.get("dated", True), frozenset(raw.get("yields_to", ())), frozenset(raw.get("need_prep", ())),
            tuple((e["text"], tuple(map(tuple, e.get("pairs", e.get("dates", ())))), e.get("title", "Example Company"),
                   "wikitext" if e.get("wikitext") else "text") for e in raw.get("examples", ())),
            _frozen(required(trigger)),
            _compile(raw["evident"], where) if raw.get("evident") else None,
            _gate_lists(trigger),
            _compile(raw["subject_name"], where, 0) if raw.get("subject_name") else None,
            _compile(raw["object_name"], where, 0) if raw.get("object_name") else None,
            frozenset(raw.get("linked", ())),
            _compile(raw["subject_key"], where, 0) if raw.get("subject_key") else None,
            frozenset(raw.get("typed", ())),
            raw.get("together", False),
            _compile(raw["dated_when"], where, 0) if raw.get("dated_when") else None,
        ))
    return tuple(rules)


def _gate_lists(trigger: re.Pattern) -> tuple[frozenset[str], ...]:
    """Rule.clauses: the selective lists of words and the phrases a trigger needs; for a trigger with neither (nor
    selective keys: "a BA from", "⟧ ⟦"), what its first items spell (prefilter.leads), which most texts lack."""
    lists = tuple(frozenset(map(squeeze, c)) for c in required_all(trigger) if _selective(c)) \
        + tuple(map(frozenset, phrases(trigger)))
    keys = required(trigger)
    if not lists and not (keys and min(map(len, keys)) >= 3) and (first := leads(trigger)) is not None:
        lists += (frozenset(first),)
    return lists


def _selective(words: tuple[str, ...]) -> bool:
    """Whether a list of words a trigger needs is worth testing: no word under three characters but a
    punctuation mark other than a slot's brackets ("a", "in", "⟦" are in nearly every sentence)."""
    return all(len(w) >= 3 or len(w) == 1 and not w.isalnum() and w not in "⟦⟧" for w in words)


@stored_table
def relation_rules() -> tuple[Rule, ...]:
    """The sentence relation rules of ontology/relations.toml, validated against the ontology."""
    return load_relations()


@stored_table
def _type_groups() -> dict[str, frozenset[str]]:
    return _groups(checked("relations.toml", RELATIONS))


def type_group(name: str) -> frozenset[str]:
    """The classes of one group of relations.toml [types] ("org", "gov")."""
    return _type_groups()[name]


def _frozen(words: tuple[str, ...] | None) -> frozenset[str] | None:
    return None if words is None else frozenset(map(squeeze, words))


@stored_table
def _trigger_words() -> tuple[str, ...]:  # and the words the termination verb needs (extract/sentences.py _terminate)
    return tuple(sorted({k for r in relation_rules() for k in (*(r.keys or ()), *(w for c in r.clauses for w in c))}
                        | (cues().termination_verb.needs or set())))


def _index_words(r: Rule) -> frozenset[str] | None:
    """Of the lists of words a rule's trigger needs one of (Rule.keys, Rule.clauses), the one with the longest
    shortest word, then the fewest words (a match holds one word of every list: any one list will do)."""
    lists = [c for c in (r.keys, *r.clauses) if c]
    return max(lists, key=lambda c: (min(map(len, c)), -len(c))) if lists else r.keys


_second = itemgetter(1)  # a hit's word: (end, word)


def requires_words_in(text: str) -> frozenset[str]:
    """The words the rules' `requires` patterns cannot match without (prefilter.required) that the folded text
    holds: one automaton pass for all of a sentence's rules."""
    automaton = _requires_tables()[0]
    return frozenset(map(_second, automaton.iter(fold(text)))) if automaton is not None else frozenset()


def requires_found(pattern: re.Pattern, text: str, present: frozenset[str]) -> bool:
    """Whether a rule's `requires` matches the text, searched only when `present` (requires_words_in) holds
    one of the words it cannot match without."""
    needed = _requires_tables()[1].get(pattern)
    return (needed is None or not needed.isdisjoint(present)) and pattern.search(text) is not None


@cache
def _requires_tables() -> tuple:
    """An Aho-Corasick automaton of the words the `requires` patterns need (None without any), and each pattern's."""
    import ahocorasick

    needed = {r.requires: required(r.requires) for r in relation_rules() if r.requires is not None}
    needed = {p: frozenset(w) for p, w in needed.items() if w}
    if not needed:
        return None, needed
    automaton = ahocorasick.Automaton()
    for w in sorted(set().union(*needed.values())):
        automaton.add_word(w, w)
    automaton.make_automaton()
    return automaton, needed


@cache
def rules_by_id() -> dict[str, Rule]:
    """The sentence relation rules by id."""
    return {r.id: r for r in relation_rules()}


CUES = Table({
    "prepositions": list, "determiners": list, "clause_breaks": list, "modifier_nouns": list, "modifier_verbs": list,
    "present": str, "window": int, "hedges": list, "negations": list, "reports": list,
    "termination": Table({"anaphors": str, "verbs": str, "events": list}, frozenset({"anaphors", "verbs", "events"})),
    "anaphora": Table({"pronoun": str, "person_pronoun": str, "nouns": by_class(), "own_name": list,
                       "predecessors": str, "partner_heading": str, "joined_nouns": list,
                       "own_head": list, "kin_nouns": list},
                      frozenset({"pronoun", "nouns"})),
    "others": Table({"cue": str, "subject_nouns": list, "object_nouns": list},
                    frozenset({"cue", "subject_nouns", "object_nouns"})),
    "kinds_listed": Table({"cue": str, "not_nouns": list}, frozenset({"cue"})),
}, frozenset({"prepositions", "determiners", "clause_breaks", "modifier_nouns", "modifier_verbs", "present",
              "window", "hedges", "negations", "reports", "termination", "anaphora", "others"}))


def load_cues(directory: Path | Traversable | None = None) -> Cues:
    """cues.toml (of `directory`, for tests), checked against its closed schema and compiled."""
    d = check(read("cues.toml", directory), CUES, "cues.toml")
    t, o = d["termination"], d["others"]
    bad = [e for e in t["events"] if e not in classes()]
    if bad:
        raise RuleError(f"cues.toml [termination]: events {bad} are not classes of wikikg.ttl")
    return Cues(
        frozenset(d["prepositions"]), frozenset(d["determiners"]),
        _alternation(d["clause_breaks"], "cues.toml clause_breaks"), d["window"],
        _alternation(d["hedges"], "cues.toml hedges"), _alternation(d["negations"], "cues.toml negations"),
        _alternation(d["reports"], "cues.toml reports"),
        _compile(t["anaphors"], "cues.toml termination"), _alternation([t["verbs"]], "cues.toml termination"),
        frozenset(t["events"]), _compile(d["anaphora"]["pronoun"], "cues.toml anaphora", 0),
        {k: tuple(v) for k, v in d["anaphora"]["nouns"].items()},
        re.compile(r"^(?:'s|’s|[\"”])?\s+(?!(?:" + "|".join(d["modifier_verbs"]) + r")\b)(?:"
                   + "|".join(d["modifier_nouns"]) + r"|[a-z]+(?:ers|ors|ists|ians|ees))\b"),
        _alternation([d["present"]], "cues.toml present"),
        Others(_compile(o["cue"], "cues.toml others", 0), frozenset(o["subject_nouns"]), frozenset(o["object_nouns"])),
        _compile(d["anaphora"]["person_pronoun"], "cues.toml anaphora", 0) if "person_pronoun" in d["anaphora"] else None,
        frozenset(d["anaphora"].get("own_name", ())),
        _compile(d["anaphora"]["predecessors"], "cues.toml anaphora") if "predecessors" in d["anaphora"] else None,
        _compile(d["anaphora"]["partner_heading"], "cues.toml anaphora", 0) if "partner_heading" in d["anaphora"] else None,
        frozenset(d["anaphora"].get("joined_nouns", ())),
        _compile(d["kinds_listed"]["cue"], "cues.toml kinds_listed") if "kinds_listed" in d else None,
        frozenset(d.get("kinds_listed", {}).get("not_nouns", ())), frozenset(d["anaphora"].get("own_head", ())),
        tuple(d["anaphora"].get("kin_nouns", ())),
    )


@stored_table
def cues() -> Cues:
    """The cue lists: prepositions, clause breaks, hedges, negations, reports, terminations, anaphora."""
    return load_cues()
