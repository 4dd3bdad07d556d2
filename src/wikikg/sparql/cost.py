"""A static cost estimate of a query from its tokens: what may be expensive waits behind what cannot."""
from __future__ import annotations

from functools import lru_cache

from wikikg.errors import QueryError
from wikikg.sparql.lexer import tokenize

__all__ = ["suspect"]

OPEN_PATTERNS = 2  # triple patterns of three variables: two of them join everything with everything
MANY_BINDS = 8  # BINDs: each can double what the one before made (CONCAT(?a, ?a))
_AFTER_PATTERN = {"{", ".", "}"}


@lru_cache(maxsize=4096)  # clients send the same few queries again and again
def suspect(text: str) -> bool:
    """True when the query may be expensive by its shape: two or more triple patterns of three
    variables (a cartesian product), a repetition path (`*` or `+` after a predicate IRI), or many
    BINDs. Linear in the text; a query it cannot read is no suspect (the worker says what is wrong).
    Only the order of service depends on it: the CPU a query really spends still decides what is
    expensive, so a wrong guess costs a queue place, never an answer."""
    try:
        tokens = [t for t, _ in tokenize(text)]
    except QueryError:
        return False
    open_patterns = binds = 0
    depth = 0
    previous = None
    for i, tok in enumerate(tokens):
        if tok.kind == "punct":
            depth += (tok.text == "{") - (tok.text == "}")
            if tok.text in ("*", "+") and previous is not None and previous.kind in ("iri", "pname") \
                    and depth and i + 1 < len(tokens) and tokens[i + 1].kind in ("var", "iri", "pname", "bnode"):
                return True  # ?x <p>* ?y, ?x wkg:p+ ?y
        elif tok.kind == "word" and tok.text.upper() == "BIND":
            binds += 1
        elif (tok.kind == "var" and depth and (previous is None or previous.text in _AFTER_PATTERN)
              and i + 2 < len(tokens) and tokens[i + 1].kind == "var" and tokens[i + 2].kind == "var"):
            open_patterns += 1
        previous = tok
    return open_patterns >= OPEN_PATTERNS or binds >= MANY_BINDS
