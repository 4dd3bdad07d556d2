"""Sentences under headings a sections.toml spec of one kind reads, each with its spec, asked once per section."""
from __future__ import annotations

from collections.abc import Callable, Iterator

from wikikg.extract.lists import applies, section_spec
from wikikg.kb.sections import SectionSpec
from wikikg.model import Mention, ParsedArticle, Sentence


def specced_sentences(article: ParsedArticle, accept: Callable[[SectionSpec], bool], subject: Mention,
                      keep: Callable[[Sentence], bool]) -> Iterator[tuple[Sentence, SectionSpec, str]]:
    """Each sentence `keep` takes whose section has a spec `accept` takes that applies to `subject`, with the spec and
    the heading it was found under."""
    specs: dict[str, tuple[SectionSpec | None, str]] = {}
    for sentence in article.sentences:
        if not keep(sentence):
            continue
        if sentence.section not in specs:
            specs[sentence.section] = section_spec(sentence.section, accept, subject)
        spec, heading = specs[sentence.section]
        if spec is not None and applies(spec, subject):
            yield sentence, spec, heading
