"""The tokenizer for an article: mwparserfromhell's C one, or its interruptible Python one for runaway input."""
# Unclosed markup can make the C tokenizer run for minutes in a single call that no signal interrupts.
from __future__ import annotations

import re

import mwparserfromhell
from mwparserfromhell.parser._tokenizer import CTokenizer
from mwparserfromhell.parser.builder import Builder
from mwparserfromhell.parser.tokenizer import Tokenizer

__all__ = ["BUDGET", "parse_code", "retry_cost", "tokenize"]

# Each unclosed opener makes the tokenizer try it up to the end of the text and back off, so the
# work grows with (unclosed openers) x (text after them): measured on this machine, 3M such steps
# take the C tokenizer ~0.8 s and 27M take ~6 s (quadratic shapes: 10,000 unclosed '{{a|' take 70 s).
BUDGET = 2_000_000
_PAIRS = {"{{": "}}", "[[": "]]", "[": "]", "<": "</"}
_TOKENS = re.compile(r"\{\{|\}\}|\[\[|\]\]|\[(?=(?:https?:)?//)|\]|</(?=[a-z]+\s*>)"
                     r"|<(?=(?!(?:br|hr|wbr|img)\b)[a-z]+(?:\s[^<>]*)?(?<!/)>)", re.I)


def retry_cost(text: str) -> int:
    """An estimate of the tokenizer's backtracking: the sum over unclosed openers of the text after them."""
    found = _TOKENS.findall(text)  # the markup's strings; where the few unclosed ones stand is found after
    stacks: dict[str, list[int]] = {o: [] for o in _PAIRS}
    closing = {c: stacks[o] for o, c in _PAIRS.items()}
    for k, tok in enumerate(found):
        stack = stacks.get(tok)
        if stack is not None:
            stack.append(k)
        elif stack := closing[tok]:
            stack.pop()
    unclosed = set().union(*stacks.values())
    if not unclosed:
        return 0
    n = len(text)
    return sum(n - m.start() for k, m in enumerate(_TOKENS.finditer(text)) if k in unclosed)


def parse_code(text: str):
    """The Wikicode of `text`; the Python tokenizer (it runs Python code between steps, so a signal
    can stop it) when retry_cost is over BUDGET, else the C one (the same tree, about 2x faster)."""
    if retry_cost(text) <= BUDGET:
        return mwparserfromhell.parse(text)
    return Builder().build(Tokenizer().tokenize(text, 0, False))


def tokenize(text: str) -> list:
    """The token stream of `text`: the C tokenizer's, or the interruptible Python one's when
    retry_cost is over BUDGET (the same tokens)."""
    if retry_cost(text) <= BUDGET:
        return CTokenizer().tokenize(text, 0, False)
    return Tokenizer().tokenize(text, 0, False)
