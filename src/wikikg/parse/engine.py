"""Chooses how wikitext is rendered: from the token stream, or from the node tree where the stream cannot."""
from __future__ import annotations

from mwparserfromhell.parser.builder import Builder

from wikikg.parse.cite import collect_refs as _collect_refs
from wikikg.parse.flow import Flow
from wikikg.parse.flow import collect_refs as _stream_refs
from wikikg.parse.nesting import DEEP, nesting_warnings
from wikikg.parse.render import Renderer
from wikikg.parse.strays import blank_strays
from wikikg.parse.stream import Mismatch, Stream
from wikikg.parse.tokenize import parse_code, tokenize

__all__ = ["render"]


def render(text: str, tree: bool = False) -> tuple[Flow | Renderer, tuple[str, ...]]:
    """The rendered text (a Flow or Renderer: its Builder, citations, infoboxes, tables, categories)
    and the nesting warnings; `tree` forces the node-tree renderer (the reference the stream matches)."""
    st = None
    text = blank_strays(text)
    if not tree:
        toks = tokenize(text)
        try:
            st = Stream(text, toks)
        except Mismatch:
            st = None
    if st is not None:
        seen: dict = {}
        r = Flow(st, _stream_refs(st, seen), seen)
        r.run()
        if st.depth < DEEP - 1:  # no text deeper than DEEP levels, so nothing for the tree's check
            return r, ()
        return r, nesting_warnings(Builder().build(list(toks)))  # the tree of the same tokens
    code = parse_code(text)
    seen = {}
    tr = Renderer(_collect_refs(code, seen), seen)
    tr.nodes(code.nodes, 0)
    return tr, nesting_warnings(code)
