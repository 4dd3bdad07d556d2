"""Tests for wikikg.extract.infobox: the cases in tests/cases/infobox/ and the mapping data."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from wikikg.extract.infobox import extract_infobox, subject_types
from wikikg.model import Article, DateValue, Mention, ParsedArticle
from wikikg.parse import parse_article

ROOT = Path(__file__).resolve().parents[1]
CASES = sorted((ROOT / "tests" / "cases" / "infobox").glob("*.toml"))
PROPERTIES = {"foundedBy", "foundingDate", "dissolutionDate", "headquarteredIn", "locatedIn",
              "subsidiaryOf", "keyPerson", "industry", "organizationType", "listedOn", "website",
              "affiliatedWith", "educatedAt", "birthPlace", "birthDate", "occupation", "memberOf",
              "jurisdiction", "partneredWith"}
VALUES = {"entity", "person", "place", "organization", "date", "literal", "url", "exchange", "office"}


def load(path: Path) -> dict:
    with open(path, "rb") as f:
        return tomllib.load(f)


def parsed(case: dict) -> ParsedArticle:
    """The case's article as the parser gives it."""
    return parse_article(Article(case["title"], case["wikitext"], "case", "wikitext"))


# --- the cases -----------------------------------------------------------------------------------
def _key(obj) -> str:
    if isinstance(obj, Mention):
        return obj.key
    return obj.value if isinstance(obj, DateValue) else obj


def _found(statements, exp: dict, title: str) -> bool:
    for st in statements:
        obj = st.obj
        if st.predicate != exp["predicate"] or _key(obj) != exp["object"]:
            continue
        if _key(st.subject) != exp.get("subject", title):
            continue
        if "date" in exp and (st.date is None or st.date.value != exp["date"]):
            continue
        if "ticker" in exp and ("ticker", exp["ticker"]) not in st.qualifiers:
            continue
        if "role" in exp and ("role", exp["role"]) not in st.qualifiers:
            continue
        if "types" in exp and not set(exp["types"]) <= set(getattr(obj, "types", ())):
            continue
        if "linked" in exp and getattr(obj, "linked", None) != exp["linked"]:
            continue
        if "datatype" in exp and getattr(obj, "datatype", None) != exp["datatype"]:
            continue
        return True
    return False


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path) -> None:
    case = load(path)
    article = parsed(case)
    title = case["title"]
    subject = Mention(text=title, key=title, linked=True, types=subject_types(article))
    statements = extract_infobox(article, subject)
    shown = "\n".join(f"{_key(s.subject)} {s.predicate} {_key(s.obj)} {s.date} {s.qualifiers}"
                      for s in statements)
    if "subject_types" in case:
        assert subject_types(article) == frozenset(case["subject_types"])
    for exp in case["expect"]:
        assert _found(statements, exp, title), f"{case['name']}: missing {exp}\n{shown}"
    for exp in case.get("absent", []):
        assert not any(s.predicate == exp["predicate"]
                       and ("subject" not in exp or _key(s.subject) == exp["subject"])
                       and ("object" not in exp or _key(s.obj) == exp["object"])
                       for s in statements), f"{case['name']}: unexpected {exp}\n{shown}"
    # nothing comes from an empty field; every statement points at its verbatim source
    empty = {f.start for b in article.infoboxes for f in b.fields
             if not re.sub(r"<!--.*?-->", "", f.source.split("=", 1)[1], flags=re.S).strip()}
    for st in statements:
        assert st.evidence.start not in empty, f"statement from an empty field: {st}"
        assert article.text[st.evidence.start:st.evidence.end] == st.evidence.text
        assert st.evidence.section == "Infobox" and st.rule.startswith("infobox.")


def test_cases_exist() -> None:
    assert len(CASES) >= 6


# --- the mapping data ----------------------------------------------------------------------------
def test_mappings_are_well_formed() -> None:
    data = load(ROOT / "ontology" / "infobox.toml")
    ids = [data["place_chain"]["id"]]
    assert data["place_chain"]["property"] in PROPERTIES
    kinds = []
    for box in data["infobox"]:
        kinds += [box["kind"], *box.get("aliases", ())]
        for m in box["mapping"]:
            ids.append(m["id"])
            assert m["property"] in PROPERTIES, m["id"]
            assert m["value"] in VALUES, m["id"]
            assert m.get("direction", "forward") in {"forward", "inverse"}, m["id"]
            assert m["params"] and all(p == p.lower() and " " not in p for p in m["params"])
            assert set(m) <= {"id", "params", "property", "value", "direction", "types", "event",
                              "date_from", "role", "roles", "role_param", "linked_only", "shaped_unlinked", "shaped_only", "schools_only",
                              "if_headquarters_given", "if_value_class", "join", "if_membership_body", "if_subject_unit",
                              "date_param", "holders", "item_notes", "unless_shaped", "unless_heads", "unless_near"}, m["id"]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    assert len(kinds) == len(set(kinds)), [k for k in kinds if kinds.count(k) > 1]


# Infoboxes that serve subjects of several classes, so give none: a band's or a solo singer's; a building's or a
# site's (a place, or a business housed there).
SEVERAL_CLASSES = {"musical artist", "site"}


def test_record_templates_are_the_classless_kinds() -> None:
    """parse/ collects exactly the record templates (no subject class) that infobox.toml maps; the
    other classless kinds are infoboxes of subjects of several classes."""
    from wikikg.parse.definitions import RECORD_TEMPLATES
    data = load(ROOT / "ontology" / "infobox.toml")
    classless = {n for box in data["infobox"] if "class" not in box and box["kind"] not in SEVERAL_CLASSES
                 for n in (box["kind"], *box.get("aliases", ()))}
    assert classless == RECORD_TEMPLATES


def test_mapping_terms_are_declared_in_the_ontology() -> None:
    ttl = (ROOT / "ontology" / "wikikg.ttl").read_text(encoding="utf-8")
    declared = set(re.findall(r"^wkg:(\w+)", ttl, re.M))
    data = load(ROOT / "ontology" / "infobox.toml")
    for box in data["infobox"]:
        assert box.get("class", "Organization") in declared, box["kind"]  # record templates have none
        for m in box["mapping"]:
            terms = [m["property"], *m.get("types", ()), *([m["event"]] if "event" in m else [])]
            assert set(terms) <= declared, (m["id"], set(terms) - declared)


def test_exchange_table() -> None:
    exchanges = load(ROOT / "ontology" / "exchanges.toml")["exchange"]
    templates = [t for ex in exchanges for t in ex["templates"]]
    assert len(templates) == len(set(templates))
    assert all(t == t.lower() for t in templates)
    titles = [ex["title"] for ex in exchanges]
    assert len(titles) == len(set(titles))
    for ex in exchanges:
        assert set(ex) <= {"title", "templates", "names", "ambiguous_names", "pad", "tickers"}
        assert ex.get("tickers", "first") in {"first", "all"}
