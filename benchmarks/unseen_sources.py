"""The public datasets of real articles that benchmarks/unseen.py indexes and draws from, and how their files decode."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_ESCAPE = re.compile(r"<U\+([0-9A-Fa-f]{4,6})>")
_TITLED = re.compile(r"Title : (?P<title>[^\n]*)\n(?:Text : |$)")  # a page with no text has no Text line
# Pages of other namespaces than articles (a dataset that copied a dump part whole holds them too).
_NAMESPACE = re.compile(r"(?:File|Image|Template|Category|Wikipedia|Portal|Draft|Module|Help|Book|TimedText"
                        r"|MediaWiki|User|Talk|Special|Media|WP|Project|Education Program|Gadget)(?: talk)?:", re.I)


def decode_escaped(raw: bytes) -> tuple[str, str]:
    """No title, and the article: <U+XXXX> escapes as characters, the appended newline dropped (vinhqdang's writer)."""
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), raw.decode("utf-8"))
    return "", text[:-1] if text.endswith("\n") else text


def decode_titled(raw: bytes) -> tuple[str, str]:
    """The page's title and its text from a "Title : T\\nText : <wikitext>\\n" file, the appended newline dropped."""
    text = raw.decode("utf-8")
    head = _TITLED.match(text)
    if head is None:
        raise ValueError("not a 'Title : ...\\nText : ...' page file")
    body = text[head.end():]
    return head["title"], body[:-1] if body.endswith("\n") else body


def is_article_title(title: str) -> bool:
    """Whether a page title names a main-namespace article (not File:, Template:, Draft: ... pages)."""
    return not _NAMESPACE.match(title)


@dataclass(frozen=True)
class Source:
    """One dataset: its repository and pinned commit, the folder of its page files and their decoder."""

    name: str
    repo: str
    commit: str
    tree: str
    decode: Callable[[bytes], tuple[str, str]]

    @property
    def mirror(self) -> str:
        """Where the search tool's `fetch github:OWNER/NAME` puts the repository's git directory."""
        return f"/work/.mirror/{self.repo.replace('/', '+')}/repo"


SOURCES = {s.name: s for s in [
    # randomly assessed articles at their assessed revisions, 2007-2015 (an article-quality research dataset)
    Source("vinhqdang", "vinhqdang/wikipedia_analysis", "a8a849c8bd5dd6101ebbe8e204e8c7722e99527f",
           "lang_model/enwiki/text/", decode_escaped),
    # one run of consecutive pages of an English dump of about 2019-08 (a course's search-engine data): broad topics,
    # mostly pages created around 2014; redirects and other namespaces' pages included (the index marks or skips them)
    Source("varun", "varunbhtt21/Wikipedia-Search-Engine", "1bf774a9981d84ae6a48041878a736b9e0a79130", "Data/",
           decode_titled),
]}
DEFAULT = "vinhqdang"


def source_of(row: dict) -> Source:
    """The dataset of an index row (its `dataset` column; an index written before the column was vinhqdang's)."""
    return SOURCES[row.get("dataset") or DEFAULT]
