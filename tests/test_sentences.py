"""Extraction cases as data (tests/cases/sentences/*.toml) and the examples each rule carries."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from wikikg.extract.classify import split_title
from wikikg.kb import rules
from wikikg.model import Article, DateValue, Mention
from wikikg.pipeline.stages import extract_article

CASES = Path(__file__).parent / "cases" / "sentences"


def _cases():
    for path in sorted(CASES.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


def _name(m) -> str:
    if isinstance(m, DateValue):
        return m.value
    return split_title(m.key)[0] if isinstance(m, Mention) and m.linked else getattr(m, "key", m)


def _facts(title: str, text: str, kind: str = "wikitext"):
    """(subject, predicate, object) -> statement, for the asserted statements of one article: the first
    that states the fact, or the first dated one when one is (the graph's edge carries every date)."""
    result = extract_article(Article(title, text, "case", kind))
    out = {}
    for st in result.statements:
        if st.attributed_to is None and isinstance(st.obj, Mention):
            keys = [(_name(st.subject), st.predicate, _name(st.obj))]
            if st.predicate == "partneredWith":
                keys.append((_name(st.obj), st.predicate, _name(st.subject)))
            for key in keys:
                if key not in out or (out[key].date is None and st.date is not None):
                    out[key] = st
    return out


@pytest.mark.parametrize("case", list(_cases()))
def test_case(case):
    facts = _facts(case["title"], case["wikitext"])
    for s, p, o, date in case.get("expect", ()):
        st = facts.get((s, p, o))
        assert st is not None, f"missing {s} {p} {o}; found {sorted(facts)}"
        assert (st.date.value if st.date else "") == date, f"{s} {p} {o}: date {st.date}"
        assert st.evidence.text in case["wikitext"]
    for s, p, o in case.get("absent", ()):
        assert (s, p, o) not in facts, f"unexpected {s} {p} {o}"
    for s, p, o, end in case.get("end_dates", ()):
        assert facts[(s, p, o)].end_date is not None and facts[(s, p, o)].end_date.value == end
    for name, cls in case.get("types", ()):  # every mention of the name in a fact has the class
        seen = [m.types for st in facts.values() for m in (st.subject, st.obj) if _name(m) == name]
        assert seen and all(cls in t for t in seen), f"{name}: types {seen}, expected {cls}"
    if "founding_dates" in case:  # [[subject, date]], every foundingDate the article gives, exactly
        result = extract_article(Article(case["title"], case["wikitext"], "case", "wikitext"))
        found = sorted([_name(st.subject), st.obj.value] for st in result.statements
                       if st.predicate == "foundingDate" and isinstance(st.obj, DateValue))
        assert found == sorted(case["founding_dates"]), f"foundingDate: {found}"
    for s, programme in case.get("programmes", ()):
        assert any(st.subject.key == s and ("programme", programme) in st.qualifiers
                   for st in facts.values())


def _examples():
    for rule in rules.relation_rules():
        for text, pairs, title, fmt in rule.examples:
            yield pytest.param(rule, text, pairs, title, fmt, id=rule.id)


@pytest.mark.parametrize("rule,text,pairs,title,fmt", list(_examples()))
def test_rule_examples(rule, text, pairs, title, fmt):
    """Every example sentence of a rule, as plain text in an article about an organisation
    titled "Example Company" (or the example's `title`), gives the rule's pairs (or dates) as asserted facts made by
    that rule."""
    assert pairs, f"{rule.id}: an example without pairs: {text!r}"
    result = extract_article(Article(title, text, "example", fmt))
    mine = [st for st in result.statements if st.rule in (rule.id, rule.id + "+service")]  # +service: a soldier's
    # affiliation with a force is membership (extract/entailment.in_service)
    got = {(_name(st.subject), _name(st.obj)) for st in mine if st.attributed_to is None}
    reported = {(_name(st.subject), _name(st.obj)) for st in mine if st.attributed_to is not None}
    if rule.symmetric:
        got |= {(b, a) for a, b in got}
    for pair in pairs:
        assert tuple(pair) in got, (f"{rule.id}: missing {pair}; got {sorted(got)}"
                                    + (f", reported only {sorted(reported)}" if reported else ""))


def test_every_rule_has_an_example():
    """Each sentence rule carries at least one example sentence (relations.toml `examples`)."""
    bare = [rule.id for rule in rules.relation_rules() if not rule.examples]
    assert not bare, f"rules without examples in ontology/relations.toml: {bare}"


def test_every_rule_property_is_declared():
    from wikikg.kb.ontology import declared_terms

    for rule in rules.relation_rules():
        assert rule.relation in declared_terms()
        assert rule.event is None or rule.event in declared_terms()


def test_unknown_property_is_rejected(tmp_path):
    import shutil

    from wikikg.kb import ontology

    for f in ontology.ontology_dir().iterdir():
        if f.is_file():
            shutil.copy(f, tmp_path / f.name)
    text = (tmp_path / "relations.toml").read_text(encoding="utf-8")
    (tmp_path / "relations.toml").write_text(text.replace('relation = "foundedBy"', 'relation = "foundedByX"', 1),
                                             encoding="utf-8")
    with pytest.raises(rules.RuleError, match="foundedByX"):
        rules.load_relations(tmp_path)


def test_number_before_a_name_is_the_whole_window_search():
    """_number_before searches only the last _NUMBER_REACH characters before the window's closing spaces,
    and finds what searching the whole window finds."""
    import random
    from re import _parser

    from wikikg.extract.clausewords import NUMBER as _NUMBER
    from wikikg.extract.clausewords import NUMBER_REACH as _NUMBER_REACH
    from wikikg.extract.clausewords import number_before as _number_before

    tree = _parser.parse(_NUMBER.pattern, _NUMBER.flags)
    head = _parser.SubPattern(tree.state, [tree[0]])  # the word or number before the spaces
    assert head.getwidth()[1] <= _NUMBER_REACH
    rng = random.Random(8)
    parts = ["one", "Thousands", "dozen", "all", "ball", "12", "1234", ",", "5,", " ", "  ", "\n", "\t", "x", "⟦0⟧"]
    for _ in range(5000):
        w = "".join(rng.choice(parts) for _ in range(rng.randint(0, 8)))
        assert _number_before(w) == bool(_NUMBER.search(w)), repr(w)


def test_words_before_a_slot_are_the_words_of_the_slice():
    """_eligible reads the words of text[lo:s] (s a slot token's start) from one tokenisation of text[lo:]."""
    import random
    from bisect import bisect_right

    from wikikg.extract.clausewords import WORDS as _WORDS
    from wikikg.extract.clausewords import last_word
    from wikikg.extract.clausewords import words_from as _words_from

    rng = random.Random(9)
    parts = ["⟦0⟧", "⟦12⟧", "the", "The", "a", "of", "co-founded", "A's", "’", "(", ")", ",", " ", "  ", "x", "é", "_", "-", "."]
    for _ in range(2000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 12)))
        slots = [i for i, ch in enumerate(text) if ch == "⟦"]
        for s in slots:
            for lo in range(0, len(text) + 1):
                ends, words = _words_from(text, lo)
                want = [w.lower() for w in _WORDS.findall(text[lo:s])]
                assert words[:bisect_right(ends, s)] == want, (text, lo, s)
                while want and want[-1] in ("the", "a"):
                    want.pop()
                assert last_word(text, lo, s, frozenset({"the", "a"})) == (want[-1] if want else None)


def test_participle_opening_holds_the_trigger_and_no_clause_of_its_own():
    """A sentence opening "After graduating from ⟦X⟧," lends the main clause's subject to a trigger inside the
    opening; not an opening with a subject of its own, one past its comma, or one that is no participle's."""
    from wikikg.extract.clausewords import participle_opening

    text = "After graduating from ⟦0⟧ in 1960, ⟦1⟧ attended ⟦2⟧."
    assert participle_opening(text, text.index("graduating"))
    assert not participle_opening(text, text.index("attended"))  # past the opening's comma
    text = "In 1982, after graduating from ⟦0⟧, ⟦1⟧ became a researcher."
    assert participle_opening(text, text.index("graduating"))
    text = "After meeting a friend who had been signed by ⟦0⟧, ⟦1⟧ decided to act."
    assert not participle_opening(text, text.index("signed"))
    text = "After the war with ⟦0⟧, ⟦1⟧ joined ⟦2⟧."
    assert not participle_opening(text, text.index("with"))
