"""MediaWiki XML dumps (.xml, .xml.bz2, .xml.gz, multistream + index) streamed as pages and articles."""
from __future__ import annotations

import bz2
import gzip
import os
import re
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from defusedxml import DefusedXmlException, DTDForbidden
from defusedxml.ElementTree import fromstring, iterparse

from wikikg.model import Article, Problem

__all__ = ["Page", "index_of", "infobox_kinds", "iter_pages", "normalise_title", "read_dump",
           "read_titles", "wanted", "write_dump"]

EXPORT_NS = "http://www.mediawiki.org/xml/export-0.10/"
_INFOBOX = re.compile(r"\{\{\s*[Ii]nfobox[ _]+([^|}\n<]+)")
_PAGE_START, _PAGE_END = b"<page>", b"</page>"


@dataclass(frozen=True)
class Page:
    """One <page> of a dump: title, namespace, id, wikitext and the redirect target (or None)."""

    title: str
    ns: int
    id: int
    text: str
    redirect: str | None = None
    revision: int | None = None  # the revision id of the text (the last one in a full-history dump)


def normalise_title(title: str) -> str:
    """A title as MediaWiki stores it: underscores as spaces, single spaces, first letter upper."""
    t = re.sub(r"[\s_]+", " ", title).strip()
    return t[:1].upper() + t[1:]


def infobox_kinds(text: str) -> set[str]:
    """The kinds of the infoboxes a wikitext uses, lower case ('company', 'organization')."""
    return {re.sub(r"[\s_]+", " ", k).strip().lower() for k in _INFOBOX.findall(text)}


def read_titles(path: str | Path) -> frozenset[str]:
    """The titles listed in a file, one a line ('#' starts a comment), normalised."""
    lines = Path(path).read_text("utf-8").splitlines()
    return frozenset(normalise_title(t) for t in lines if t.strip() and not t.lstrip().startswith("#"))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _page(elem) -> Page:
    fields: dict[str, object] = {}
    text = ""
    for child in elem:
        name = _local(child.tag)
        if name == "revision":  # full-history dumps: the last revision wins
            for part in child:
                if _local(part.tag) == "text":
                    text = part.text or ""
                elif _local(part.tag) == "id":
                    fields["revision"] = (part.text or "").strip()
        elif name == "redirect":
            fields["redirect"] = child.get("title")
        else:
            fields[name] = child.text or ""
    ns = str(fields.get("ns", "0")).strip()
    pid = str(fields.get("id", "0")).strip()
    rev = str(fields.get("revision", "")).strip()
    return Page(str(fields.get("title", "")), int(ns) if ns.lstrip("-").isdigit() else -1,
                int(pid) if pid.isdigit() else 0, text, fields.get("redirect"),  # type: ignore[arg-type]
                int(rev) if rev.isdigit() else None)


def _stream_pages(f, raw, on_bytes: Callable[[int], None] | None) -> Iterator[Page]:
    """Pages of one XML stream, parsed incrementally with no DTD, entities or external loads."""
    root = None
    for event, elem in iterparse(f, events=("start", "end"), forbid_dtd=True):
        if event == "start":
            if root is None:
                root = elem
        elif _local(elem.tag) == "page":
            yield _page(elem)
            root.clear()  # what is read is dropped: memory stays flat
            if on_bytes is not None:
                on_bytes(raw.tell())


def index_of(path: Path) -> Path | None:
    """The index of a multistream dump beside it ('X.xml.bz2' -> 'X-index.txt[.bz2]'), if any."""
    name = path.name
    if not name.lower().endswith(".xml.bz2"):
        return None
    for suffix in ("-index.txt.bz2", "-index.txt"):
        candidate = path.with_name(name[: -len(".xml.bz2")] + suffix)
        if candidate.is_file():
            return candidate
    return None


def _offsets(index: Path) -> list[int]:
    opener = bz2.open if index.name.endswith(".bz2") else open
    offsets = set()
    with opener(index, "rt", encoding="utf-8") as f:
        for line in f:
            head = line.split(":", 1)[0]
            if head.isdigit():
                offsets.add(int(head))
    return sorted(offsets)


def _chunk_pages(path: Path, start: int, end: int) -> list[Page]:
    """Decompress one bz2 stream of a multistream dump and parse the pages it holds."""
    with open(path, "rb") as f:
        f.seek(start)
        data = bz2.decompress(f.read(end - start))
    first, last = data.find(_PAGE_START), data.rfind(_PAGE_END)
    if first < 0 or last < 0:
        return []
    root = fromstring(b"<pages>" + data[first:last + len(_PAGE_END)] + b"</pages>", forbid_dtd=True)
    return [_page(e) for e in root if _local(e.tag) == "page"]


def _multistream_pages(path: Path, index: Path, workers: int,
                       on_bytes: Callable[[int], None] | None) -> Iterator[Page]:
    """Streams decompressed in parallel threads (bz2 releases the GIL), pages in dump order."""
    offsets = _offsets(index)
    size = path.stat().st_size
    bounds = list(zip(offsets, offsets[1:] + [size], strict=False))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending: deque = deque()
        for start, end in bounds:
            pending.append((end, pool.submit(_chunk_pages, path, start, end)))
            while pending and (len(pending) > 2 * workers or end == size):
                done, future = pending.popleft()
                yield from future.result()
                if on_bytes is not None:
                    on_bytes(done)


def iter_pages(path: str | Path, workers: int | None = None,
               on_bytes: Callable[[int], None] | None = None) -> Iterator[Page]:
    """Every page of a dump, streamed; a multistream dump with its index is read in parallel.
    `on_bytes` is told how far into the (compressed) file the reading has come."""
    path = Path(path)
    index = index_of(path)
    if index is not None:
        yield from _multistream_pages(path, index, workers or os.cpu_count() or 1, on_bytes)
        return
    name = path.name.lower()
    with open(path, "rb") as raw:
        f = bz2.BZ2File(raw) if name.endswith(".bz2") else gzip.GzipFile(fileobj=raw) \
            if name.endswith(".gz") else raw
        yield from _stream_pages(f, raw, on_bytes)


def wanted(title: str, text: str, kinds: set[str], titles: frozenset[str] | None) -> bool:
    """Whether an article passes the filters: one of the infobox `kinds` (if any), in `titles` (if given)."""
    if titles is not None and normalise_title(title) not in titles:
        return False
    return not kinds or bool(kinds & infobox_kinds(text))


def read_dump(path: str | Path, errors: list[Problem], redirects: list[tuple[str, str]] | None = None, *,
              only_infobox: Iterable[str] = (), titles: frozenset[str] | None = None,
              workers: int | None = None, on_bytes: Callable[[int], None] | None = None) -> Iterator[Article]:
    """The articles (namespace 0, not redirects) of a dump, filtered by infobox kind or title;
    redirect pages are appended to `redirects` as (title, target); unreadable dumps go to `errors`."""
    kinds = {k.strip().lower() for k in only_infobox if k.strip()}
    source = str(path)
    pages = 0
    try:
        for page in iter_pages(path, workers, on_bytes):
            pages += 1
            if page.ns != 0:
                continue
            if page.redirect is not None:
                if redirects is not None and page.redirect.strip():
                    redirects.append((page.title, page.redirect))
                continue
            if not page.title.strip():
                errors.append(Problem(source, None, f"{source}: page {page.id}: no title"))
            elif wanted(page.title, page.text, kinds, titles):
                yield Article(page.title, page.text, source, "wikitext", page.revision)
    except (OSError, EOFError, SyntaxError, ValueError, DefusedXmlException) as e:  # ParseError: a SyntaxError
        errors.append(Problem(source, None, f"{source}: not a readable MediaWiki XML dump: {_why(e)}"))
        return
    if pages == 0:
        errors.append(Problem(source, None, f"{source}: not a MediaWiki XML dump: it holds no <page> element"))


def _why(e: BaseException) -> str:
    """What is wrong with a dump, in a few words, from the error that reading it raised."""
    if isinstance(e, DTDForbidden):
        return "it declares a DTD (refused: entities are never expanded nor external files loaded)"
    if isinstance(e, DefusedXmlException):
        return f"refused XML construct ({type(e).__name__})"
    if isinstance(e, EOFError):
        return "truncated (the compressed data ends before its end-of-stream marker)"
    text = str(e).splitlines()[0][:200] if str(e) else type(e).__name__
    if isinstance(e, SyntaxError) and "no element found" in text:
        return f"truncated or not XML ({text})"
    if isinstance(e, SyntaxError):
        return f"not well-formed XML ({text})"
    if isinstance(e, OSError) and "Invalid data stream" in text:
        return "not bz2 data (corrupt or not compressed)"
    if isinstance(e, (OSError, zlib.error)) and ("gzip" in text.lower() or "Not a gzipped" in text):
        return f"not gzip data ({text})"
    return f"{type(e).__name__}: {text}"


def _page_xml(p: Page) -> str:
    redirect = f"    <redirect title={quoteattr(p.redirect)} />\n" if p.redirect else ""
    rev = f"      <id>{p.revision}</id>\n" if p.revision else ""
    return (f"  <page>\n    <title>{escape(p.title)}</title>\n    <ns>{p.ns}</ns>\n    <id>{p.id}</id>\n"
            f"{redirect}    <revision>\n{rev}      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
            f"      <text xml:space=\"preserve\">{escape(p.text)}</text>\n    </revision>\n  </page>\n")


_HEAD = (f'<mediawiki xmlns="{EXPORT_NS}" version="0.10" xml:lang="en">\n  <siteinfo>\n'
         "    <sitename>Wikipedia</sitename>\n    <case>first-letter</case>\n  </siteinfo>\n")
_TAIL = "</mediawiki>\n"


def write_dump(pages: Iterable[Page], path: str | Path, *, per_stream: int = 0) -> Path:
    """Write pages as a dump (.xml, .xml.bz2, .xml.gz); per_stream > 0 writes a multistream .xml.bz2
    of that many pages a stream with its '-index.txt.bz2' beside it. For tests and benchmarks."""
    path = Path(path)
    if per_stream <= 0:
        name = path.name.lower()
        opener = bz2.open if name.endswith(".bz2") else gzip.open if name.endswith(".gz") else open
        with opener(path, "wt", encoding="utf-8") as f:
            f.write(_HEAD)
            for p in pages:
                f.write(_page_xml(p))
            f.write(_TAIL)
        return path
    if not path.name.lower().endswith(".xml.bz2"):
        raise ValueError(f"{path}: a multistream dump is a .xml.bz2 file")
    index_lines, batch = [], []
    with open(path, "wb") as f:
        f.write(bz2.compress(_HEAD.encode("utf-8")))

        def flush() -> None:
            offset = f.tell()
            index_lines.extend(f"{offset}:{p.id}:{p.title}\n" for p in batch)
            f.write(bz2.compress("".join(map(_page_xml, batch)).encode("utf-8")))
            batch.clear()

        for p in pages:
            batch.append(p)
            if len(batch) >= per_stream:
                flush()
        if batch:
            flush()
        f.write(bz2.compress(_TAIL.encode("utf-8")))
    index = path.with_name(path.name[: -len(".xml.bz2")] + "-index.txt.bz2")
    with bz2.open(index, "wt", encoding="utf-8") as f:
        f.writelines(index_lines)
    return path
