"""Headings that name entities: a part under "== Faculties ==", a partner in "=== Partnership with Foo ==="."""
from __future__ import annotations

import re
from dataclasses import replace

from wikikg.extract.lists import applies, for_lists, heading_part, section_spec
from wikikg.extract.mentions import Context, resolve_name
from wikikg.kb import rules
from wikikg.kb.prefilter import matches_at
from wikikg.kb.vocabulary import org_classes
from wikikg.model import Evidence, ParsedArticle, Statement

_HEADING = re.compile(r"^(={2,6})[ \t]*([^=\n]+?)[ \t]*\1[ \t]*$", re.M)


def extract_headings(article: ParsedArticle, ctx: Context) -> list[Statement]:
    """A subheading under a section that lists entities (sections.toml), whose own name's shape says it
    is one of the entities that section lists, names one of them: each faculty under "Faculties", each
    member under "Members". Only plain headings (no markup), so the evidence is the heading verbatim."""
    if article.kind != "wikitext":
        return []
    out: list[Statement] = []
    path: list[tuple[int, str]] = []  # (level, heading) of the enclosing headings
    for m in matches_at(_HEADING, article.text, _line_starts(article.text, "=")):
        level, heading = len(m.group(1)), m.group(2).strip()
        while path and path[-1][0] >= level:
            path.pop()
        parent = " / ".join(h for _, h in path)
        path.append((level, heading))
        if (partner := _partner(heading, ctx)) is not None:  # "=== Partnership with Foo ==="
            out.append(Statement(ctx.subject, "partneredWith", replace(partner, start=0, end=len(heading)),
                                 "heading.partnership", Evidence(m.group(0), " / ".join(h for _, h in path),
                                                                 m.start(), m.end()), "Partnership"))
        if not parent:
            continue
        spec, _ = section_spec(parent, for_lists, ctx.subject)
        if spec is None or not applies(spec, ctx.subject) or (item := heading_part(heading, spec, ctx)) is None:
            continue
        item = replace(item, start=0, end=len(heading))
        evidence = Evidence(m.group(0), " / ".join(h for _, h in path), m.start(), m.end())
        s, o = (ctx.subject, item) if spec.direction == "forward" else (item, ctx.subject)
        out.append(Statement(s, spec.relation, o, spec.id.replace("list.", "heading."), evidence, spec.event))
    return out


def _line_starts(text: str, char: str) -> list[int]:
    """Where a line that opens with `char` starts: where a match of _HEADING may start (it never is empty)."""
    out = [0] if text.startswith(char) else []
    p = text.find("\n" + char)
    while p >= 0:
        out.append(p + 1)
        p = text.find("\n" + char, p + 1)
    return out


def _partner(heading: str, ctx: Context):
    """The organisation a heading names as the subject's partner, when the article knows it as one."""
    cue = rules.cues().partner_heading
    hit = cue.match(heading) if cue is not None and ctx.subject.types & org_classes() else None
    known = resolve_name(hit.group(1), ctx) if hit else None
    return known if known is not None and known.types & org_classes() and known.key != ctx.subject.key else None
