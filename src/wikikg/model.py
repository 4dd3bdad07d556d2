"""Typed records passed between pipeline stages (read -> parse -> extract -> resolve -> graph)."""
from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields

# The __init__ dataclasses writes for a frozen class sets each field with its own object.__setattr__
# call; records are made by the thousand per article (Mention, Sentence, Link, Statement), so `record`
# gives each class an __init__ of the same signature that fills the instance's __dict__ at once.
GENERATED_INITS: dict[type, object] = {}  # class -> the __init__ dataclasses wrote (kept for the tests)
_FACTORY = object()  # an omitted argument whose default is a factory's


def record(cls):
    """A frozen dataclass whose __init__ sets its fields in one step (same signature, defaults,
    factories and field order as the one dataclasses writes)."""
    cls = dataclass(frozen=True)(cls)
    fs = fields(cls)
    if any(not f.init or f.kw_only for f in fs) or hasattr(cls, "__post_init__"):
        return cls  # shapes the generator below does not write: keep dataclasses' own
    env: dict[str, object] = {"_FACTORY": _FACTORY}
    params, body = [], []
    for f in fs:
        if f.default is not MISSING:
            env[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        elif f.default_factory is not MISSING:
            env[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_FACTORY")
            body.append(f"    if {f.name} is _FACTORY:\n        {f.name} = _factory_{f.name}()")
        else:
            params.append(f.name)
    body.append("    self.__dict__.update(" + ", ".join(f"{f.name}={f.name}" for f in fs) + ")")
    exec(f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body), env)  # as dataclasses writes its own
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    GENERATED_INITS[cls] = cls.__init__
    cls.__init__ = init
    return cls


@record
class Article:
    """One input article: its title, raw text, where it came from, and its kind."""

    title: str
    text: str
    source: str = "-"
    kind: str = "wikitext"  # "wikitext" | "text"
    revision: int | None = None  # the revision id a dump gives the text, if any


@record
class Problem:
    """An input or article that was skipped ("error"), or built with something it could not read
    ("warning"): one line of errors.jsonl."""

    input: str | None  # the input file or dump; None for a warning
    title: str | None  # the article's title; None when the whole input is unreadable
    reason: str  # what is wrong and what to do about it
    level: str = "error"  # "error" (skipped) | "warning" (built)
    where: str | None = None  # the last line of the traceback of an unexpected failure

    def record(self) -> dict:
        """The errors.jsonl object of this problem ("where" only when known)."""
        out = {"input": self.input, "title": self.title, "reason": self.reason, "level": self.level}
        if self.where is not None:
            out["where"] = self.where
        return out


@record
class Citation:
    """A reference the article gives (<ref> with a cite template, or a bare URL)."""

    key: str  # stable id (hash of the ref's content)
    url: str | None = None
    title: str | None = None
    publisher: str | None = None  # publisher / work / website / newspaper
    date: str | None = None  # as written in the template ("7 October 2019", "2019-10-07")
    language: str | None = None  # the title's language, an ISO 639 code ("en", "zh"), when the ref gives it


@record
class Link:
    """A wikilink inside a plain text: canonical target title and its span in that text."""

    target: str  # canonical title, e.g. "Ada Lovelace (mathematician)"
    text: str  # the text shown, e.g. "Lovelace"
    start: int  # offsets into the owning plain text (Sentence.text / FieldItem.text)
    end: int


@record
class TemplateCall:
    """A template used in an infobox value, with its parameters rendered as plain text."""

    name: str  # normalised: lower case, single spaces ("hkex", "start date and age")
    params: tuple[tuple[str, str], ...]  # ("1", "20"), ("df", "yes"), in source order

    def get(self, key: str, default: str | None = None) -> str | None:
        """The value of parameter `key` (positional ones are "1", "2", ...)."""
        for k, v in self.params:
            if k == key:
                return v
        return default


@record
class FieldItem:
    """One item of an infobox value (values are split at <br>, list bullets, {{ubl}} ...)."""

    text: str  # plain text of the item
    links: tuple[Link, ...] = ()
    templates: tuple[TemplateCall, ...] = ()


@record
class InfoboxField:
    """One `| name = value` line of an infobox, with its verbatim source and offsets."""

    name: str  # normalised parameter name ("founder", "hq_location")
    items: tuple[FieldItem, ...]
    source: str  # verbatim source text of the whole parameter, e.g. "| founder = [[A]]<br>[[B]]"
    start: int  # offsets into Article.text
    end: int


@record
class Infobox:
    """An infobox template: its kind ("company", "university", ...) and its fields."""

    kind: str  # template name without the "Infobox " prefix, lower case
    fields: tuple[InfoboxField, ...]
    start: int
    end: int

    def field(self, name: str) -> InfoboxField | None:
        """The field called `name`, if the infobox has it."""
        for f in self.fields:
            if f.name == name:
                return f
        return None


@record
class TableCell:
    """One cell of a wikitable: plain text, links, and its verbatim span in the input."""

    text: str
    links: tuple[Link, ...] = ()
    start: int = 0
    end: int = 0
    header: bool = False


@record
class Table:
    """A wikitable under a section: its header names and rows of cells."""

    section: str
    header: tuple[str, ...]
    rows: tuple[tuple[TableCell, ...], ...]
    start: int
    end: int


@record
class Sentence:
    """A sentence of the article body: plain text, verbatim source span, section, links, refs."""

    index: int  # position in the article
    text: str  # plain text (markup rendered away)
    source: str  # the verbatim input slice Article.text[start:end]
    start: int
    end: int
    section: str  # "History / 2017"; "" for the lead
    paragraph: int  # paragraph number; sentences of one paragraph share it
    links: tuple[Link, ...] = ()
    citations: tuple[str, ...] = ()  # Citation.key of the refs that close the sentence
    bold: tuple[tuple[int, int], ...] = ()  # spans of '''bold''' text (names in the lead)
    item: bool = False  # a list item found by layout (plain text); wikitext items are found by their "*"
    italic: tuple[tuple[int, int], ...] = ()  # spans of ''italic'' text (works' titles, periodicals, foreign words)


@record
class ParsedArticle:
    """An article after parsing: the same shape for wikitext and for plain text."""

    title: str
    kind: str
    text: str  # the input, unchanged
    sentences: tuple[Sentence, ...]
    infoboxes: tuple[Infobox, ...] = ()
    citations: tuple[Citation, ...] = ()
    categories: tuple[str, ...] = ()
    short_description: str | None = None
    tables: tuple[Table, ...] = ()
    warnings: tuple[str, ...] = ()
    disambiguation: bool = False  # a disambiguation or set-index page: a list of namesakes, no subject
    captions: tuple[Sentence, ...] = ()  # images' and galleries' captions, for the cast only (parse/captions.py)

    def citation(self, key: str) -> Citation | None:
        """The citation with this key."""
        for c in self.citations:
            if c.key == key:
                return c
        return None


@record
class DateValue:
    """A date as precise as the text gives it: value in XSD lexical form and its datatype."""

    value: str  # "2017", "2017-10", "2017-10-18"
    datatype: str  # "gYear" | "gYearMonth" | "date"


@record
class Mention:
    """A reference to an entity: a link, a recognised name, or the article's subject."""

    text: str  # as shown in the sentence
    key: str  # canonical title for linked mentions, the name for unlinked ones
    linked: bool  # True when `key` is a Wikipedia title
    types: frozenset[str] = frozenset()  # class hints (local names: "Person", "University")
    aliases: frozenset[str] = frozenset()  # other names seen for it (acronyms, link texts)
    start: int = -1  # span in the sentence's plain text (-1: not from a sentence)
    end: int = -1
    authority: bool = False  # a sanctioning authority of ontology/authorities.toml
    strength: int = 0  # how sure the types are: 4 table/infobox/disambiguation, 3 name shape,
    # 2 place gazetteer, 1 context words, 0 a relation's default


@record
class Evidence:
    """Where a fact was read: verbatim text, its section and offsets into the input."""

    text: str
    section: str
    start: int
    end: int
    plain: str | None = None  # the same text with markup rendered away, when different

    @classmethod
    def of_sentence(cls, sentence: Sentence) -> Evidence:
        """A sentence as evidence: its verbatim source, section and span, and its plain text when different."""
        return cls(sentence.source, sentence.section, sentence.start, sentence.end,
                   sentence.text if sentence.text != sentence.source else None)


@record
class Statement:
    """One extracted fact with its provenance; `obj` is a Mention or a literal value."""

    subject: Mention
    predicate: str  # local name in the wkg: namespace ("partneredWith")
    obj: Mention | str | DateValue
    rule: str
    evidence: Evidence
    event: str | None = None  # event class local name ("Partnership")
    date: DateValue | None = None
    end_date: DateValue | None = None
    citations: tuple[Citation, ...] = ()
    qualifiers: tuple[tuple[str, str], ...] = ()  # (property local name, value): ticker, programme
    attributed_to: Mention | None = None  # "X reported that ...": not asserted as a direct edge


@record
class Entity:
    """A resolved entity: one per key after merging all mentions of an article or a batch."""

    key: str
    linked: bool
    label: str
    types: frozenset[str] = frozenset()
    aliases: frozenset[str] = frozenset()
    attributes: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    assumed: bool = False  # `types` only the default: no mention says what it is (resolve/entities.py)
