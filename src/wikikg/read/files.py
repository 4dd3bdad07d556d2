"""Inputs -> Articles: files, directories, stdin (wikitext or plain text); dumps via dumps.py."""
from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from wikikg.errors import InputError
from wikikg.model import Article

WIKITEXT_EXT = {".wikitext", ".wiki", ".mediawiki", ".mw"}
TEXT_EXT = {".txt", ".text"}
DUMP_SUFFIXES = (".xml", ".xml.bz2", ".xml.gz")


def title_from_path(path: Path) -> str:
    """An article title from a file name: 'Acme_Corp._(US).wikitext' -> 'Acme Corp. (US)'."""
    name = path.name
    for ext in sorted(WIKITEXT_EXT | TEXT_EXT, key=len, reverse=True):
        if name.lower().endswith(ext):
            name = name[: -len(ext)]
            break
    return name.replace("_", " ").strip()


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _decode(data: bytes, where: str) -> str:
    """UTF-8 (a BOM is dropped), or UTF-16/32 when a BOM says so; anything else is refused."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                break
            if text.strip() and not _CONTROL.search(text):
                return text
            break
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: binary file (NUL bytes), not wikitext or text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{where}: not valid UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r}); "
                         "re-encode it, e.g. iconv -f latin1 -t utf-8") from None


_REDIRECT = re.compile(r"\s*#REDIRECT\s*:?\s*\[\[([^\[\]|#\n]+)(#[^\[\]|\n]*)?(?:\|[^\]]*)?\]\]", re.I)


def redirect_target(text: str) -> str | None:
    """The target of a redirect page ('#REDIRECT [[Acme Corporation]]'); None when it is an article
    (or redirects to a section, which names a part, not the entity)."""
    m = _REDIRECT.match(text)
    return m.group(1).strip() if m and not m.group(2) else None


def is_redirect(text: str) -> bool:
    """Whether a page is a redirect (to an article or a section)."""
    return _REDIRECT.match(text) is not None


def read_file(path: Path, kind: str | None = None, title: str | None = None) -> Article:
    """One article file; its kind from the extension (.txt is plain text) unless given."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read it ({e.strerror or type(e).__name__})") from None
    text = _decode(data, str(path))
    if kind is None:
        kind = "text" if path.suffix.lower() in TEXT_EXT else "wikitext"
    return Article(title or title_from_path(path), text, str(path), kind)


def is_dump(path: Path) -> bool:
    """Whether a path names a MediaWiki XML dump."""
    return path.name.lower().endswith(DUMP_SUFFIXES)


def iter_inputs(inputs: list[str], kind: str | None = None, title: str | None = None) -> Iterator[Path | Article]:
    """Expand inputs: '-' is stdin, directories give their article files (sorted), dumps pass as paths."""
    for raw in inputs:
        if raw == "-":
            if not title:  # no file name to take it from: a made-up title would claim a Wikipedia article
                raise InputError("<stdin>: no file name to take the article's title from; "
                                 "give its Wikipedia title with --title")
            data = sys.stdin.buffer.read()
            yield Article(title, _decode(data, "<stdin>"), "-", kind or "wikitext")
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and (
                p.suffix.lower() in WIKITEXT_EXT | TEXT_EXT or is_dump(p)))
            if not files:
                raise InputError(f"{path}: directory holds no .wikitext, .txt or .xml files")
            for p in files:
                yield p
        elif not path.exists():
            raise InputError(f"{path}: no such file or directory")
        else:
            yield path
