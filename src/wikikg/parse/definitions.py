"""Plain tables of wiki markup: sections, namespaces, tags and templates, and title rules."""
from __future__ import annotations

import re

SKIP_SECTIONS = {"references", "external links", "see also", "further reading", "notes",
                 "bibliography", "sources", "footnotes", "citations", "notes and references",
                 "works cited", "literature", "gallery"}
# Link namespaces that are not article links.
SKIP_NAMESPACES = {"file", "image", "media", "category", "special", "help", "template", "wikipedia",
                   "wp", "portal", "wikt", "wiktionary", "commons", "s", "d", "user", "talk", "draft"}
SKIP_TAGS = {"table", "gallery", "math", "code", "pre", "timeline", "imagemap", "score",
             "syntaxhighlight", "source", "references", "graph", "mapframe", "chem", "ce", "hiero"}
BREAK_TAGS = {"br", "li", "dt", "dd", "hr", "p", "div", "blockquote", "ul", "ol", "dl"}
# Namespaces whose links show nothing in the text (images, media).
# Templates that mark a disambiguation or set-index page (MediaWiki's Disambiguator and enwiki's
# Category:Disambiguation message boxes): its links list namesakes, they say nothing about one subject.
DISAMBIGUATION_TEMPLATES = {"disambiguation", "disambig", "disamb", "dab", "disambiguation page", "hndis",
                            "geodis", "numberdis", "schooldis", "hospitaldis", "mathdab", "roaddis", "letter disambiguation",
                            "surname", "given name", "set index article", "sia", "shipindex", "human name disambiguation"}
MEDIA_NAMESPACES = {"file", "image", "media"}
# Inline templates whose text is part of the sentence: name -> positional parameter to show.
TEXT_TEMPLATES = {"nowrap": "1", "nobr": "1", "small": "1", "lang": "2", "transl": "2", "sic": "1",
                  "nobold": "1", "noitalic": "1", "em": "1", "strong": "1", "nowrap begin": None,
                  "ill": "1", "interlanguage link": "1", "interlanguage link multi": "1",
                  "smallcaps": "1", "lang-en": "1", "not a typo": "1", "proper name": "1",
                  "ship": "2", "mvar": "1", "visible anchor": "1", "anchor": None}
LINK_TEMPLATES = {"ill", "interlanguage link", "interlanguage link multi"}
# Templates that state one record about the article's subject, like a one-field infobox (a squad
# list's player rows); their mappings live in ontology/infobox.toml under the same kind.
RECORD_TEMPLATES = {"fs player", "fs2 player", "football squad player", "football squad player2",
                    "nat fs player", "nat fs g player", "nat fs r player", "ice hockey team player",
                    "basketball roster player"}
LIST_TEMPLATES = {"ubl", "unbulleted list", "plainlist", "plain list", "flatlist", "flat list",
                  "hlist", "collapsible list", "bulleted list", "bull list", "ublist", "cslist",
                  "endplainlist", "startplainlist", "indented plainlist"}
CITE_PUBLISHER = ("publisher", "work", "website", "newspaper", "magazine", "journal", "agency",
                  "periodical", "via")


def canonical_title(title: str) -> str:
    """A link target as its canonical Wikipedia title: no fragment, single spaces, first upper."""
    t = title.replace("_", " ").split("#", 1)[0]
    t = re.sub(r"\s+", " ", t).strip().lstrip(":").strip()
    return t[:1].upper() + t[1:] if t else t


def template_name(t) -> str:
    """A template's name, normalised: lower case, single spaces."""
    return re.sub(r"[\s_]+", " ", t.name.strip_code().strip()).lower()


def is_disambiguation(title: str, text: str) -> bool:
    """Whether a page is a disambiguation (or set-index) page: its title says so, or it uses one of the
    templates that mark one."""
    if title.rstrip().endswith("(disambiguation)"):
        return True
    return any(m.group(1).strip().lower().replace("_", " ") in DISAMBIGUATION_TEMPLATES
               for m in _TEMPLATE_NAME.finditer(text))


_TEMPLATE_NAME = re.compile(r"\{\{\s*([^|{}\n]{2,40}?)\s*[|}]")
