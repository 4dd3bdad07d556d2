"""SPARQL tokens as Oxigraph reads them, and the canonical text (no comments, one-space gaps) both run."""
from __future__ import annotations

import re
from dataclasses import dataclass

from wikikg.errors import QueryError

__all__ = ["MAX_DEPTH", "MAX_STRUCTURE", "Token", "canonical", "tokenize"]

MAX_DEPTH = 200  # brackets deep: Oxigraph's recursive parser overflows its stack between 2,000 and 10,000
MAX_STRUCTURE = 4_000  # operators, groups, patterns: Oxigraph's stack overflows between 6,000 and 12,000

# The terminals of the SPARQL 1.1 grammar (section 19.8), with Oxigraph's white space and comments:
# white space is space, tab, CR and LF only; a comment runs from `#` to the next CR or LF.
_BASE = ("A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c\u200d"
         "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff")
_U = _BASE + "_"
_CHARS = _U + r"\-0-9\u00b7\u0300-\u036f\u203f\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PREFIX = rf"[{_BASE}](?:[{_CHARS}.]*[{_CHARS}])?"
_LOCAL = rf"(?:[{_U}:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?"
_ECHAR = r"""\\[tbnrf"'\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"""
_TOKEN = re.compile("|".join([
    r"(?P<space>[ \t\r\n]+)",
    r"(?P<comment>#[^\r\n]*)",
    r"(?P<iri><(?:[^<>\"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)",
    rf"(?P<string>'''(?:(?:''?)?(?:[^'\\]|{_ECHAR}))*'''|\"\"\"(?:(?:\"\"?)?(?:[^\"\\]|{_ECHAR}))*\"\"\""
    rf"|'(?:[^'\\\n\r]|{_ECHAR})*'|\"(?:[^\"\\\n\r]|{_ECHAR})*\")",
    rf"(?P<var>[?$][{_U}0-9][{_U}0-9\u00b7\u0300-\u036f\u203f\u2040]*)",
    rf"(?P<bnode>_:[{_U}0-9](?:[{_CHARS}.]*[{_CHARS}])?)",
    rf"(?P<pname>(?:{_PREFIX})?:(?:{_LOCAL})?)",
    r"(?P<word>[A-Za-z_][A-Za-z0-9_]*)",
    r"(?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)",
    r"(?P<number>[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?|[0-9]+\.(?:[eE][+-]?[0-9]+)?)",
    r"(?P<punct>\^\^|&&|\|\||!=|<=|>=|<<|>>|\{\||\|\}|[(){}\[\].,;*/+\-!=<>|^?~])",
]))
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})|\\.", re.S)
_IRI_FORBIDDEN = set('<>"{}|^`\\') | {chr(c) for c in range(0x21)}
_OPEN, _CLOSE = {"(", "{", "[", "<<", "{|"}, {")", "}", "]", ">>", "|}"}
_STRUCTURE = {"(", "{", "[", "<<", ".", ";", ",", "/", "|", "^", "||", "&&", "!", "=", "!=", "<", ">", "<=",
              ">=", "+", "-", "*"}


@dataclass(frozen=True)
class Token:
    """One SPARQL token: its kind (iri, string, var, bnode, pname, word, lang, number, punct) and text."""

    kind: str
    text: str
    start: int


def _char(m: re.Match, where: str) -> str:
    if not (m.group(1) or m.group(2)):
        return m.group(0)
    code = int(m.group(1) or m.group(2), 16)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise QueryError(f"SPARQL syntax error: {m.group(0)} in {where} names no character")
    return chr(code)


def _decode_iri(text: str) -> str:
    """<...> with \\u escapes replaced by the characters they name (Oxigraph reads them so)."""
    out = _UCHAR.sub(lambda m: _char(m, "an IRI"), text[1:-1])
    if _IRI_FORBIDDEN & set(out):
        raise QueryError(f"SPARQL syntax error: the IRI {text[:80]} holds a character IRIs may not")
    return f"<{out}>"


_SAFE = {"'": "\\'", '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r"}


def _decode_string(text: str) -> str:
    """A string literal with \\u escapes replaced: characters that would end it are escaped instead."""
    q = 3 if text[:3] in ("'''", '"""') else 1
    body = _UCHAR.sub(lambda m: _SAFE.get(c, c) if (c := _char(m, "a string")) != m.group(0) else c,
                      text[q:-q])
    return text[:q] + body + text[-q:]


def tokenize(text: str) -> list[tuple[Token, bool]]:
    """The tokens of `text`, each with whether white space or a comment came before it."""
    out, pos, gap, n = [], 0, False, len(text)
    match = _TOKEN.match
    while pos < n:
        m = match(text, pos)
        if m is None:
            line = text.count("\n", 0, pos) + 1
            raise QueryError(f"SPARQL syntax error at line {line}: unexpected {text[pos:pos + 20]!r}")
        kind = m.lastgroup
        if kind in ("space", "comment"):
            gap = True
        else:
            out.append((Token(kind, m.group(), pos), gap))
            gap = False
        pos = m.end()
    return out


def canonical(text: str) -> tuple[str, list[Token]]:
    """The query as Oxigraph reads it, rewritten so any SPARQL parser reads it the same way: comments
    blanked (line breaks kept, everything else in a gap a space), \\u escapes (in strings and IRIs, where Oxigraph reads them) decoded.
    Too deep or too long a structure is refused here, before a parser's stack can overflow."""
    parts, tokens, depth, deepest, structure, end = [], [], 0, 0, 0, 0
    for tok, gap in tokenize(text):
        if gap and parts:  # the gap keeps its line breaks and width (comments and other white space as
            parts.append("".join("\n" if c == "\n" else " " for c in text[end:tok.start]))  # spaces): errors
        end = tok.start + len(tok.text)  # point at the user's line and column
        if tok.kind == "iri" and "\\" in tok.text:
            tok = Token("iri", _decode_iri(tok.text), tok.start)
        elif tok.kind == "string" and "\\" in tok.text:
            tok = Token("string", _decode_string(tok.text), tok.start)
        if tok.kind == "punct":
            depth += (tok.text in _OPEN) - (tok.text in _CLOSE)
            if depth < 0:
                raise QueryError(f"SPARQL syntax error: {tok.text} closes nothing (at character {tok.start})")
            deepest = max(deepest, depth)
            structure += tok.text in _STRUCTURE
        elif tok.kind == "word":
            structure += tok.text.upper() in ("UNION", "OPTIONAL", "MINUS", "FILTER", "BIND", "GRAPH")
        parts.append(tok.text)
        tokens.append(tok)
    if depth:
        raise QueryError(f"SPARQL syntax error: {depth} bracket{'s' * (depth > 1)} left open at the end")
    if deepest > MAX_DEPTH:
        raise QueryError(f"the query is nested too deeply ({deepest} brackets; at most {MAX_DEPTH})")
    if structure > MAX_STRUCTURE:
        raise QueryError(f"the query is too long: {structure} operators, groups and patterns "
                         f"(at most {MAX_STRUCTURE})")
    return "".join(parts), tokens
