"""A table's heading that names a body other than the article's subject ("Presidents of the Foo Council"): its owner."""
from __future__ import annotations

import re
from dataclasses import replace

from wikikg.extract.mentions import Context, name_mention
from wikikg.kb.sections import SectionSpec
from wikikg.kb.vocabulary import org_classes
from wikikg.model import Mention

# "Presidents of the Foo Council", "List of chairmen of Foo Bank (1990–2000)", "Former leaders of the Foo Youth"
_OF = re.compile(r"^(?:list\s+of\s+)?(?P<post>.+?)\s+of\s+(?:the\s+)?(?P<body>[A-Z0-9][^()]*?)\s*(?:\([^()]*\))?$", re.I)


def heading_owner(heading: str, spec: SectionSpec, ctx: Context) -> Mention | None:
    """Whose rows a table under `heading` (the heading that chose `spec`) lists: the body "<post> of (the) <Body>"
    names when that is another organisation than the subject (linked in the article, or a name shaped as an
    organisation's); None when it names a place, a person or a linked name of no known kind ("Presidents of
    Freedonia" in a party's article: no one of the party's); else the article's subject ("Chairmen of the Board",
    "Presidents of Foo" in Foo's own)."""
    m = _OF.match(heading.strip())
    if not m or not spec.heading.search(m["post"]) or not m["body"][:1].isupper():
        return ctx.subject
    body = m["body"].strip()
    if body in ctx.subject_names or body in (ctx.subject.key, ctx.subject.text):
        return ctx.subject
    known = ctx.index.get(body)
    if known is not None and known.key == ctx.subject.key:
        return ctx.subject
    if known is None or not known.linked:
        named = name_mention(body)
        if len(body.split()) < 2 or not named.types or not named.types <= org_classes():
            return ctx.subject  # "Chairmen of the Board": the subject's own board
        return replace(named, text=body)
    types = known.types or name_mention(body).types
    if not types or not types <= org_classes():
        return None  # a place's, a person's or an unknown kind's heads are no one of the subject's
    return replace(known, types=types)
