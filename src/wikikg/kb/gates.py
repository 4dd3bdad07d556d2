"""The relation rules' trigger gates as bit masks (a text's trigger words as one int, each rule's words as ints), and their searches."""
from __future__ import annotations

from functools import cache, lru_cache

from wikikg.kb.firstchars import matches, skipping
from wikikg.kb.prefilter import fold, squeeze
from wikikg.kb.rules import Rule, _index_words, _trigger_words, relation_rules
from wikikg.kb.tablestore import stored_table


@cache
def _bits() -> dict[str, int]:
    """Each trigger word's bit (kb/triggerwords.py words_in's words: the rules' keys and clauses, the termination verb's)."""
    return {w: 1 << i for i, w in enumerate(_trigger_words())}


@lru_cache(maxsize=64)  # a rule's lists, a cue's words: the same few frozensets asked again
def mask(words: frozenset[str]) -> int:
    """The bits of these trigger words, or-ed together."""
    bits, out = _bits(), 0
    for w in words:
        out |= bits[w]
    return out


@stored_table
def _gates() -> tuple[tuple[int, ...], ...]:
    """Each rule's gate, in file order: the masks of its keys (when it has them) and of each of its clauses;
    its trigger may match a text only when the text's mask meets every one of them (Rule.triggers' test)."""
    return tuple(((mask(r.keys),) if r.keys is not None else ()) + tuple(mask(c) for c in r.clauses)
                 for r in relation_rules())


@cache
def _positions() -> dict[str, int]:
    """Each rule's place in file order, by its id."""
    return {r.id: i for i, r in enumerate(relation_rules())}


@stored_table
def _automaton():
    """An Aho-Corasick automaton (pyahocorasick) of the trigger words, each word's value its bit and the bits
    of the rules indexed under it (rules._index_words: a word of the one list the rule is filed under); None
    when there are no words."""
    import ahocorasick

    bits = _bits()
    if not bits:
        return None
    by_word = dict.fromkeys(bits, 0)
    for i, r in enumerate(relation_rules()):
        for w in _index_words(r) or ():
            by_word[w] |= 1 << i
    automaton = ahocorasick.Automaton()
    for w, b in bits.items():
        automaton.add_word(w, (b, by_word[w]))
    automaton.make_automaton()
    return automaton


@stored_table
def _always() -> int:
    """The bits of the rules filed under no word (rules._index_words None): each is a candidate for every text."""
    return sum(1 << i for i, r in enumerate(relation_rules()) if _index_words(r) is None)


@lru_cache(maxsize=8)  # a slotted sentence's gates are asked by its rules, their stronger rules and its termination
def scan(text: str) -> tuple[int, int]:
    """The text's trigger words (kb/triggerwords.py words_in) as a mask, and the rules filed under one of them or none."""
    automaton = _automaton()
    words, filed = 0, _always()
    if automaton is not None:
        for _end, (b, r) in automaton.iter(squeeze(fold(text))):
            words |= b
            filed |= r
    return words, filed


def open_rules(text: str) -> list[Rule]:
    """The relation rules, in file order, whose trigger may match the text (kb/triggerwords.py candidates with each rule's
    own Rule.triggers test already passed)."""
    words, filed = scan(text)
    gates, rules, out = _gates(), relation_rules(), []
    while filed:
        low = filed & -filed
        i = low.bit_length() - 1
        filed ^= low
        for g in gates[i]:
            if not g & words:
                break
        else:
            out.append(rules[i])
    return out


def opens(rule: Rule, text: str) -> bool:
    """Whether the rule's trigger may match the text (its gate, Rule.triggers' test)."""
    words = scan(text)[0]
    return all(g & words for g in _gates()[_positions()[rule.id]])


def holds_any(words: frozenset[str], text: str) -> bool:
    """Whether the text holds one of these trigger words (kb/triggerwords.py words_in(text) meets them)."""
    return bool(mask(words) & scan(text)[0])


@cache
def _skips() -> tuple:
    """Each rule's trigger as firstchars.skipping makes it (None where its first characters are not known), in file order."""
    return tuple(skipping(r.trigger) for r in relation_rules())


def trigger_matches(rule: Rule, text: str) -> list:
    """The rule's trigger's matches in the text, as its finditer gives them (found by skipping to its first characters)."""
    return matches(rule.trigger, _skips()[_positions()[rule.id]], text)
