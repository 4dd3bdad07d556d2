"""The rules' trigger words a text holds, as word sets, and the rules they open: kb/gates.py's reference, not extraction's."""
from __future__ import annotations

from functools import cache, lru_cache

from wikikg.kb.prefilter import fold, squeeze
from wikikg.kb.rules import Rule, _index_words, _second, _trigger_words, relation_rules

# Extraction asks kb/gates.py's bit masks; benchmarks/explain.py and the tests ask these word sets, which
# extract/preload.py therefore leaves to be built when first asked (SKIP): no build pays for them.


@cache
def _rules_by_word() -> tuple[dict[str, frozenset[int]], frozenset[int]]:
    by_word: dict[str, set[int]] = {}
    for i, r in enumerate(relation_rules()):  # each rule under the words of the list it needs that is likeliest absent
        for k in _index_words(r) or ():
            by_word.setdefault(k, set()).add(i)
    always = frozenset(i for i, r in enumerate(relation_rules()) if _index_words(r) is None)
    return {k: frozenset(v) for k, v in by_word.items()}, always


def candidates(present: frozenset[str]) -> list[Rule]:
    """The relation rules, in file order, whose trigger may match a text holding the words `present`."""
    by_word, always = _rules_by_word()
    found = set(always).union(*(by_word[w] for w in present if w in by_word))
    rules = relation_rules()
    return [rules[i] for i in sorted(found)]


@lru_cache(maxsize=8)  # a slotted sentence's words are asked for by its rules and again by its termination cue
def words_in(text: str) -> frozenset[str]:
    """The rules' trigger words and phrases (Rule.keys, Rule.clauses) that the text holds, case folded and
    its white space squeezed: all of them in one pass over the text (an Aho-Corasick automaton), not one
    substring search per word."""
    automaton = _trigger_automaton()
    return frozenset(map(_second, automaton.iter(squeeze(fold(text))))) if automaton is not None else frozenset()


@cache
def _trigger_automaton():
    """An Aho-Corasick automaton (pyahocorasick) of the trigger words; None when there are none."""
    import ahocorasick

    words = _trigger_words()
    if not words:
        return None
    automaton = ahocorasick.Automaton()
    for k in words:
        automaton.add_word(k, k)
    automaton.make_automaton()
    return automaton
