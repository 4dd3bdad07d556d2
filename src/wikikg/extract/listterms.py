"""A definition term, subheading or label over a list's items ("; Coach of the Year", "*[[Foo Conference]]:" over its schools)."""
from __future__ import annotations

import re

from wikikg.kb.sections import SectionSpec
from wikikg.model import ParsedArticle

# a line that reads as a heading: a few words, capitalised, no sentence's end ("Presidents", "List of pastors")
_HEADING_LIKE = re.compile(r"[A-Z][\w'’&-]*(?:\s+[\w'’&-]+){0,4}")
# a list item that is a linked name and a colon alone ("*[[Foo Conference]]:", "* '''[[Freedonia]]''':"), not words alone
# ("*Cosponsors:" over a bill's senators says what they are, no body they are grouped by)
_GROUP_LABEL = re.compile(r"[*#]+\s*(?:'{2,3})?\[\[[^\[\]|]+(?:\|[^\[\]]+)?\]\](?:'{2,3})?\s*:(?:'{2,3})?\s*")


def definition_term(article: ParsedArticle, sentence) -> tuple[str, str] | None:
    """(section, text) of a definition term line ("; Coach of the Year") standing over the items below it, else None."""
    line = article.text[article.text.rfind("\n", 0, sentence.start) + 1:sentence.end].lstrip()
    return (sentence.section, sentence.text.strip().rstrip(":")) if line.startswith(";") else None


def lone_heading(article: ParsedArticle, sentence) -> str | None:
    """The text of a line standing alone as a heading over the list below it, plain, bold or a definition term
    ("Chancellors" then "* [[Jane Roe]], 1961"; "'''Presidents'''"; "; Rectors"), else None."""
    start = article.text.rfind("\n", 0, sentence.start) + 1
    end = article.text.find("\n", sentence.end)
    line = article.text[start:len(article.text) if end < 0 else end].strip()
    if line.startswith(";"):
        line = line[1:].strip()
    if line.startswith("''") and line.endswith("''"):
        line = line.strip("'").strip()
    text = sentence.text.strip()
    return text if text == line and _HEADING_LIKE.fullmatch(text) else None


def term_bars(spec: SectionSpec, term: tuple[str, str] | None, section: str, named: str) -> bool:
    """Whether the term over an item of `section`, or a subheading below the heading `named` that gave the spec, matches
    the spec's `unless_row`: the items state something else ("; Coach of the Year" or "=== Coach of the Year ===" in a
    club's awards names coaches, no players; "=== Divestments ===" under "Acquisitions" no acquisitions)."""
    if spec.unless_row is None:
        return False
    inner = section.rsplit(" / ", 1)[-1]
    return term is not None and term[0] == section and spec.unless_row.search(term[1]) is not None \
        or inner != named and spec.unless_row.search(inner) is not None


def group_label(article: ParsedArticle, sentence, depth: int, below: int) -> bool:
    """Whether a list item is a label over the deeper items below it: its line a name and a colon alone
    ("*[[Foo Conference]]:" over "**[[University of Foo]], 1995–2005"; "*[[Freedonia]]:" over its clubs): the items below
    are the list's, the label none of them."""
    start = article.text.rfind("\n", 0, sentence.start) + 1
    end = article.text.find("\n", sentence.start)
    return 0 < depth < below and bool(_GROUP_LABEL.fullmatch(article.text[start:len(article.text) if end < 0 else end]))
