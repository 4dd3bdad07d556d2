"""mwparserfromhell's token stream of an article with each token's input offset, read without a node tree."""
from __future__ import annotations

import re
from itertools import accumulate

from mwparserfromhell.definitions import is_visible
from mwparserfromhell.nodes import HTMLEntity
from mwparserfromhell.parser import tokens as T
from mwparserfromhell.parser.builder import Builder

__all__ = ["Mismatch", "Stream"]

Text = T.Text
_OPEN = {T.TemplateOpen: T.TemplateClose, T.ArgumentOpen: T.ArgumentClose, T.WikilinkOpen: T.WikilinkClose,
         T.ExternalLinkOpen: T.ExternalLinkClose, T.HeadingStart: T.HeadingEnd, T.CommentStart: T.CommentEnd,
         T.HTMLEntityStart: T.HTMLEntityEnd, T.TagOpenOpen: None}
_CLOSE = {T.TemplateClose, T.ArgumentClose, T.WikilinkClose, T.ExternalLinkClose, T.HeadingEnd,
          T.CommentEnd, T.HTMLEntityEnd, T.TagCloseClose, T.TagCloseSelfclose}
_FIXED = {T.TemplateOpen: "{{", T.TemplateParamSeparator: "|", T.TemplateParamEquals: "=", T.TemplateClose: "}}",
          T.ArgumentOpen: "{{{", T.ArgumentSeparator: "|", T.ArgumentClose: "}}}", T.WikilinkOpen: "[[",
          T.WikilinkSeparator: "|", T.WikilinkClose: "]]", T.HTMLEntityStart: "&", T.HTMLEntityNumeric: "#",
          T.HTMLEntityEnd: ";", T.CommentStart: "<!--", T.CommentEnd: "-->"}
_TAG_PARTS = (T.TagAttrStart, T.TagCloseOpen, T.TagCloseSelfclose)


class Mismatch(Exception):
    """The tokens do not spell the input the way this reader expects: read the node tree instead."""


class Stream:
    """Tokens of one article: `pos[i]` is token i's input offset, `end[i]` the index of the token that
    closes the structure token i opens (-1 for other tokens), `depth` the deepest nesting seen, `tags` the
    indexes of the tags' opening tokens (TagOpenOpen), in order."""

    def __init__(self, text: str, toks: list):
        self.text, self.toks = text, toks
        self.tags: list[int] = []
        self.pos, self.end, self.depth = _index(text, toks, self.tags)
        self._tag_of: dict[int, tuple] = {}  # tag(i), read again by refs, tables and rendering

    # -- structure -------------------------------------------------------------------------
    def parts(self, i: int) -> list[int]:
        """Indexes of the tokens directly inside structure i that are not Text or nested structures."""
        toks, end, out = self.toks, self.end, []
        j, e = i + 1, self.end[i]
        while j < e:
            if end[j] >= 0:
                j = end[j] + 1
                continue
            if type(toks[j]) is not Text:
                out.append(j)
            j += 1
        return out

    def name_end(self, i: int) -> int:
        """parts(i)[0], or end[i] without parts: where a template's name ends (its parameters not walked)."""
        toks, end = self.toks, self.end
        j, e = i + 1, end[i]
        while j < e:
            if end[j] >= 0:
                j = end[j] + 1
            elif type(toks[j]) is not Text:
                return j
            else:
                j += 1
        return e

    def src(self, i: int, j: int) -> str:
        """The input text of tokens [i, j)."""
        return self.text[self.pos[i]:self.pos[j]]

    def node(self, i: int):
        """The mwparserfromhell node of the structure at token i (built from its tokens only)."""
        return Builder().build(self.toks[i:self.end[i] + 1]).nodes[0]

    def template_params(self, i: int) -> tuple[int, list[tuple[str, int, int]]]:
        """A template's name end and its parameters as (name as mwparserfromhell spells it, stripped;
        value token range)."""
        name_end, spans = self.param_spans(i)
        return name_end, [(name.strip(), value, stop) for name, _first, value, stop in spans]

    def param_spans(self, i: int, strict: bool = False) -> tuple[int, list[tuple[str, int, int, int]]]:
        """The end of the name of the template at token i and its parameters, in order, as (name as
        written, first token, value's first token, end token): what Builder's Template.params hold. With
        `strict`, a token of another kind among the separators raises Mismatch."""
        toks, out, default = self.toks, [], 1
        seps = self.parts(i)
        name_end = seps[0] if seps else self.end[i]
        groups: list[list] = []  # [separator, its first "=" or None], one pass (infoboxes have ~50)
        for at in seps:
            kind = type(toks[at])
            if kind is T.TemplateParamSeparator:
                groups.append([at, None])
            elif kind is T.TemplateParamEquals and groups and groups[-1][1] is None:
                groups[-1][1] = at
            elif strict:
                raise Mismatch(f"unexpected {kind.__name__} in the template at token {i}")
        for k, (at, eq) in enumerate(groups):
            stop = groups[k + 1][0] if k + 1 < len(groups) else self.end[i]
            if eq is None:
                out.append((str(default), at + 1, at + 1, stop))
                default += 1
            else:
                out.append((self.src(at + 1, eq), at + 1, eq + 1, stop))
        return name_end, out

    def tag(self, i: int) -> tuple[str, list[tuple[str, int | None, int]], int | None, int | None]:
        """A tag's name, attributes as (name source, value start or None, value end), and the token
        range of its contents (None, None for a tag without contents); the same tuple each time asked (do not
        change its list)."""
        got = self._tag_of.get(i)
        if got is None:
            got = self._tag_of[i] = self._tag(i)
        return got

    def _tag(self, i: int) -> tuple[str, list[tuple[str, int | None, int]], int | None, int | None]:
        toks = self.toks
        parts = self.parts(i)
        first = parts[0] if parts else self.end[i]
        name = "".join(t["text"] for t in toks[i + 1:first] if type(t) is Text)
        attrs, co, oc = [], None, None
        for k, at in enumerate(parts):
            kind = type(toks[at])
            if kind is T.TagAttrStart:
                stop = next((s for s in parts[k + 1:] if type(toks[s]) in _TAG_PARTS), self.end[i])
                eq = next((s for s in parts[k + 1:] if s < stop and type(toks[s]) is T.TagAttrEquals), None)
                if eq is None:
                    attrs.append((self.src(at + 1, stop), None, stop))
                else:
                    attrs.append((self.src(at + 1, eq), eq + 1, stop))
            elif kind is T.TagCloseOpen and co is None:
                co = at
            elif kind is T.TagOpenClose:
                oc = at
        if oc is None:
            return name, attrs, None, None
        return name, attrs, co + 1, oc

    # -- strip_code ------------------------------------------------------------------------
    def strip(self, i: int, j: int, refs: bool = True) -> str:
        """Wikicode.strip_code() (normalize, collapse, no template parameters) of the nodes in [i, j); without
        <ref> tags when `refs` is False (a heading's title)."""
        toks, end, out = self.toks, self.end, []
        while i < j:
            tok = toks[i]
            if type(tok) is Text:
                s = tok["text"]
                i += 1
            elif not refs and type(tok) is T.TagOpenOpen and end[i] >= 0 and self.tag_name(i).strip().lower() == "ref":
                i = end[i] + 1
                continue
            elif end[i] >= 0:
                s = self.strip_node(i)
                i = end[i] + 1
            else:
                i += 1
                continue
            if s:
                out.append(s)
        r = "".join(out).strip("\n")
        while "\n\n\n" in r:
            r = r.replace("\n\n\n", "\n\n")
        return r

    def tag_name(self, i: int) -> str:
        """str() of the name of the tag at token i."""
        toks, j, out = self.toks, i + 1, []
        while type(toks[j]) is Text:
            out.append(toks[j]["text"])
            j += 1
        return "".join(out)

    def strip_node(self, i: int) -> str | None:
        """Node.__strip__() (normalize, collapse, no template parameters) of the structure at token i."""
        kind, e = type(self.toks[i]), self.end[i]
        if kind is T.TemplateOpen or kind is T.CommentStart:
            return None
        if kind is T.WikilinkOpen or kind is T.ArgumentOpen:
            seps = self.parts(i)
            if seps:
                return self.strip(seps[0] + 1, e)
            return self.strip(i + 1, e) if kind is T.WikilinkOpen else None
        if kind is T.ExternalLinkOpen:
            seps = self.parts(i)
            if not self.toks[i].brackets:
                return self.strip(i + 1, e)
            return self.strip(seps[0] + 1, e) if seps and self.pos[e] > self.pos[seps[0] + 1] else None
        if kind is T.HTMLEntityStart:
            return self.entity(i).normalize()
        if kind is T.HeadingStart:
            return self.strip(i + 1, e)
        name, _attrs, cs, ce = self.tag(i)
        if cs is not None and self.pos[ce] > self.pos[cs] and is_visible(name):
            return self.strip(cs, ce)
        return None

    def entity(self, i: int) -> HTMLEntity:
        """The HTMLEntity node at token i."""
        toks = self.toks
        if type(toks[i + 1]) is T.HTMLEntityNumeric:
            if type(toks[i + 2]) is T.HTMLEntityHex:
                return HTMLEntity(toks[i + 3].text, named=False, hexadecimal=True, hex_char=toks[i + 2].char)
            return HTMLEntity(toks[i + 2].text, named=False, hexadecimal=False)
        return HTMLEntity(toks[i + 1]["text"], named=True, hexadecimal=False)


_SPACE = re.compile(r"\s")


def _index(text: str, toks: list, tags: list[int]) -> tuple[list[int], list[int], int]:
    """Input offsets of the tokens (each token spelled as the node tree's str() spells it, checked
    against the input), the closing token of each opener, and the deepest nesting; `tags` gets the index
    of each tag's opening token."""
    n = len(toks)
    end = [-1] * n
    spelled: list[str] = []  # each token's spelling; joined, they must give the input (checked once, below)
    spell = spelled.append
    stack: list[list] = []  # [opener index, tag state...]
    depth = 0
    hidden = False  # inside a wiki-markup tag's name or closing tag: not part of its str()
    fixed, opens, closes = _FIXED, _OPEN, _CLOSE
    tag_open, tag_close = T.TagOpenOpen, T.TagCloseClose
    for i, tok in enumerate(toks):
        kind = type(tok)
        if kind is Text:
            spell("" if hidden else tok["text"])
            continue
        s = fixed.get(kind)
        if s is None:
            if kind is tag_open:  # (the commonest tag tokens inline: _tag_token's spelling and state, no call)
                wiki = tok.get("wiki_markup")
                hidden = bool(wiki)
                tags.append(i)
                stack.append([i, wiki or "", "name", None])  # opener, wiki, phase, attr
                if len(stack) > depth:
                    depth = len(stack)
                spell(wiki or ("</" if tok.get("invalid") else "<"))
                continue
            if kind is tag_close and stack and len(stack[-1]) >= 4:  # (only a tag opener keeps four on the stack)
                opener = stack.pop()
                end[opener[0]] = i
                hidden = False
                spell("" if opener[1] else ">")
                continue
            if kind is T.HeadingStart or kind is T.HeadingEnd:
                s = "=" * (tok.get("level") if kind is T.HeadingStart else toks[stack[-1][0]].get("level"))
            elif kind is T.HTMLEntityHex:
                s = tok.get("char")
            elif kind is T.ExternalLinkOpen:
                s = "[" if tok.get("brackets") else ""
            elif kind is T.ExternalLinkSeparator:
                s = "" if tok.get("suppress_space") else " "
            elif kind is T.ExternalLinkClose:
                s = "]" if toks[stack[-1][0]].get("brackets") else ""
            else:
                s = _tag_token(tok, kind, stack)
                if kind is T.TagOpenOpen:
                    hidden = bool(tok.get("wiki_markup"))
                    tags.append(i)
                else:
                    hidden = bool(stack[-1][1]) and stack[-1][2] in ("name", "closing")
        if kind in closes:
            if not stack:
                raise Mismatch(f"unopened {kind.__name__} at token {i}")
            opener = stack.pop()[0]
            end[opener] = i
            if kind is T.TagCloseSelfclose or kind is T.TagCloseClose:
                if type(toks[opener]) is not T.TagOpenOpen:
                    raise Mismatch(f"{kind.__name__} closes {type(toks[opener]).__name__}")
            elif opens[type(toks[opener])] is not kind:
                raise Mismatch(f"{kind.__name__} closes {type(toks[opener]).__name__}")
            hidden = False
        elif kind in opens:
            if kind is T.TagOpenOpen:
                stack.append([i, tok.get("wiki_markup") or "", "name", None])  # opener, wiki, phase, attr
            else:
                stack.append([i])
            if len(stack) > depth:
                depth = len(stack)
        spell(s or "")
    if stack:
        raise Mismatch("tokens end before the input")
    # the spellings joined are the input exactly when each token matches the input at the sum of the lengths
    # before it and the last ends where the input does (one comparison, not one per token)
    if "".join(spelled) != text:
        raise Mismatch(_first_mismatch(text, spelled))
    pos = list(accumulate(map(len, spelled), initial=0))
    return pos, end, depth


def _first_mismatch(text: str, spelled: list[str]) -> str:
    """Where the spellings first leave the input (for the Mismatch's message)."""
    p = 0
    for i, s in enumerate(spelled):
        if not text.startswith(s, p):
            return f"token {i} does not match the input at {p}"
        p += len(s)
    return "tokens end before the input"


def _tag_token(tok, kind, stack: list) -> str:
    """The input spelling of a tag token (as Tag.__str__ and Attribute.__str__ spell it); updates the
    tag's state on the stack."""
    if kind is T.TagOpenOpen:
        return tok.get("wiki_markup") or ("</" if tok.get("invalid") else "<")
    if not stack or len(stack[-1]) < 4:
        raise Mismatch(f"{kind.__name__} outside a tag")
    st = stack[-1]
    wiki = st[1]
    if kind is T.TagAttrStart:
        s = _attr_end(st) + (tok.get("pad_first") or "")
        st[2], st[3] = "attr", [tok, False, None]
        return s
    if kind is T.TagAttrEquals:
        attr = st[3]
        attr[1] = True
        return (attr[0].get("pad_before_eq") or "") + "=" + (attr[0].get("pad_after_eq") or "")
    if kind is T.TagAttrQuote:
        st[3][2] = tok.get("char")
        return tok.get("char")
    if kind is T.TagCloseOpen:
        s = _attr_end(st)
        st[2] = "contents"
        return s + (tok.get("padding") or "") + ((tok.get("wiki_markup") or "") if wiki else ">")
    if kind is T.TagCloseSelfclose:
        s = _attr_end(st)
        if wiki:
            return s + (tok.get("padding") or "")
        return s + (tok.get("padding") or "") + (">" if tok.get("implicit") else "/>")
    if kind is T.TagOpenClose:
        st[2] = "closing"
        if not wiki:
            return "</"
        return (tok.get("wiki_markup") or "") if tok.get("wiki_markup") is not None else wiki
    if kind is T.TagCloseClose:
        return "" if wiki else ">"
    raise Mismatch(f"unexpected token {kind.__name__}")


def _attr_end(st: list) -> str:
    """What Attribute.__str__ writes after the attribute's last token (padding or the closing quote)."""
    attr = st[3]
    if attr is None:
        return ""
    st[3] = None
    if not attr[1]:
        return attr[0].get("pad_before_eq") or ""
    return attr[2] or ""
