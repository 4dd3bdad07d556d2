"""'The other companies included A, B and C.': the previous sentence's facts, for each entity listed."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from wikikg.extract.mentions import Context, find_mentions
from wikikg.kb import rules
from wikikg.model import Evidence, Mention, ParsedArticle, Statement

_JOIN = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)(?:the\s+)?$")


@cache
def _cue() -> tuple[re.Pattern, frozenset[str], frozenset[str]]:
    others = rules.cues().others
    return others.cue, others.subject_nouns, others.object_nouns


def _listed(mentions: list[Mention], text: str, after: int) -> list[Mention]:
    """The names listed right after the cue: "A, B and C"."""
    out: list[Mention] = []
    for m in mentions:
        if m.start < after:
            continue
        gap = text[(out[-1].end if out else after):m.start]
        if (out and not _JOIN.match(gap)) or (not out and gap.strip(" :")):
            break
        out.append(m)
    return out


def extract_others(article: ParsedArticle, ctx: Context, statements: list[Statement]) -> list[Statement]:
    """For each 'The other <noun> included …' sentence, the facts of the sentence before it (same
    paragraph), restated with each listed entity in the role the noun names."""
    cue, subject_nouns, object_nouns = _cue()
    by_start: dict[int, list[Statement]] = {}
    for st in statements:
        if st.attributed_to is None and isinstance(st.obj, Mention):
            by_start.setdefault(st.evidence.start, []).append(st)
    out: list[Statement] = []
    for prev, sentence in zip(article.sentences, article.sentences[1:], strict=False):
        m = cue.match(sentence.text)
        if not m or prev.paragraph != sentence.paragraph or prev.start not in by_start:
            continue
        noun = m.group("noun").lower()
        role = "subject" if noun in subject_nouns else "object" if noun in object_nouns else None
        listed = _listed(find_mentions(sentence, ctx), sentence.text, m.end())
        if role is None or not listed:
            continue
        evidence = Evidence(article.text[prev.start:sentence.end], sentence.section, prev.start, sentence.end,
                            f"{prev.text} {sentence.text}" if prev.text != prev.source or sentence.text != sentence.source else None)
        for st in by_start[prev.start]:
            keep = st.obj if role == "subject" else st.subject
            for other in listed:
                if other.key == keep.key or other.key == (st.subject if role == "subject" else st.obj).key:
                    continue
                typed = other if other.types else replace(other, types=(st.subject if role == "subject" else st.obj).types, strength=0)
                new = replace(st, subject=typed, evidence=evidence, rule=st.rule + "+others") if role == "subject" \
                    else replace(st, obj=typed, evidence=evidence, rule=st.rule + "+others")
                out.append(new)
    return out
