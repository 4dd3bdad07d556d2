"""Tests for wikikg.extract.infobox: the cases in tests/cases/infobox/ and the mapping data."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import mwparserfromhell
import pytest
from mwparserfromhell.nodes import Comment, ExternalLink, HTMLEntity, Tag, Template, Text, Wikilink

from wikikg.extract.infobox import extract_infobox, subject_types
from wikikg.model import (DateValue, FieldItem, Infobox, InfoboxField, Link, Mention,
                          ParsedArticle, TemplateCall)

ROOT = Path(__file__).resolve().parents[1]
CASES = sorted((ROOT / "tests" / "cases" / "infobox").glob("*.toml"))
PROPERTIES = {"foundedBy", "foundingDate", "dissolutionDate", "headquarteredIn", "locatedIn",
              "subsidiaryOf", "keyPerson", "industry", "organizationType", "listedOn", "website",
              "affiliatedWith", "educatedAt", "birthPlace", "birthDate", "occupation", "memberOf",
              "jurisdiction"}
VALUES = {"entity", "person", "place", "organization", "date", "literal", "url", "exchange"}


def load(path: Path) -> dict:
    with open(path, "rb") as f:
        return tomllib.load(f)


def parsed(case: dict) -> ParsedArticle:
    """The case's article as the parser would give it (later: parse_article(Article(...)))."""
    return _parse(case["title"], case["wikitext"])


# --- a small stand-in for wikikg.parse: infoboxes only ------------------------------------------
_LISTS = {"ubl", "unbulleted list", "plainlist", "plain list", "flatlist", "flat list", "hlist",
          "bulleted list", "collapsible list"}
_SHOWN = {"nowrap": "1", "small": "1", "lang": "2"}


def _tname(t: Template) -> str:
    return re.sub(r"[\s_]+", " ", t.name.strip_code()).strip().lower()


def _title(raw: str) -> str:
    t = re.sub(r"[\s_]+", " ", raw.split("#")[0]).strip().lstrip(":")
    return t[:1].upper() + t[1:]


def _items(code) -> tuple[FieldItem, ...]:
    items, cur = [], {"text": "", "links": [], "templates": []}

    def flush():
        raw = cur["text"]
        lead = len(raw) - len(raw.lstrip(" *#:\t"))
        links = tuple(Link(t, x, s - lead, e - lead) for t, x, s, e in cur["links"])
        text = raw.strip(" *#:\t")
        if text or links or cur["templates"]:
            items.append(FieldItem(text, links, tuple(cur["templates"])))
        cur.update(text="", links=[], templates=[])

    def walk(nodes):
        for node in nodes:
            if isinstance(node, Text):
                for i, part in enumerate(str(node).split("\n")):
                    if i:
                        flush()
                    cur["text"] += part
            elif isinstance(node, Wikilink):
                if re.match(r"\s*:?(file|image|category):", str(node.title), re.I):
                    continue
                shown = (node.text or node.title).strip_code().strip()
                at = len(cur["text"])
                cur["links"].append((_title(str(node.title)), shown, at, at + len(shown)))
                cur["text"] += shown
            elif isinstance(node, Tag):
                tag = str(node.tag).lower()
                if tag == "br":
                    flush()
                elif tag != "ref" and node.contents is not None:
                    walk(node.contents.nodes)
            elif isinstance(node, Template):
                name = _tname(node)
                if name in _LISTS:
                    flush()
                    for p in node.params:
                        if str(p.name).strip().isdigit():
                            walk(p.value.nodes)
                            flush()
                elif name in _SHOWN and node.has(_SHOWN[name]):
                    walk(node.get(_SHOWN[name]).value.nodes)
                else:
                    params = tuple((str(p.name).strip(), p.value.strip_code().strip())
                                   for p in node.params)
                    cur["templates"].append(TemplateCall(name, params))
            elif isinstance(node, ExternalLink):
                cur["text"] += str(node.title or node.url)
            elif isinstance(node, HTMLEntity):
                cur["text"] += node.normalize()
            elif not isinstance(node, Comment):
                cur["text"] += str(node)
        flush()

    walk(code.nodes)
    return tuple(items)


def _parse(title: str, text: str) -> ParsedArticle:
    boxes = []
    for t in mwparserfromhell.parse(text).filter_templates():
        name = _tname(t)
        if not name.startswith("infobox"):
            continue
        start = text.index(str(t))
        at = start + 2 + len(str(t.name))  # the "|" before the first parameter
        fields = []
        for p in t.params:
            src = text[at:at + 1 + len(str(p))].rstrip()
            fields.append(InfoboxField(re.sub(r"\s+", "_", str(p.name).strip().lower()),
                                       _items(p.value), src, at, at + len(src)))
            at += 1 + len(str(p))
        boxes.append(Infobox(name[len("infobox"):].strip(), tuple(fields), start,
                             start + len(str(t))))
    return ParsedArticle(title, "wikitext", text, (), tuple(boxes))


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
                              "date_from", "role", "roles", "role_param", "linked_only"}, m["id"]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    assert len(kinds) == len(set(kinds)), [k for k in kinds if kinds.count(k) > 1]


def test_mapping_terms_are_declared_in_the_ontology() -> None:
    ttl = (ROOT / "ontology" / "wikikg.ttl").read_text(encoding="utf-8")
    declared = set(re.findall(r"^wkg:(\w+)", ttl, re.M))
    data = load(ROOT / "ontology" / "infobox.toml")
    for box in data["infobox"]:
        assert box["class"] in declared, box["kind"]
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
