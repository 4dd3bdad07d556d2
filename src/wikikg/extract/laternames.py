"""An item's later names: "* Foo Field (later [[Foo Air Force Base]]), 1 May 1944" is the base the article links."""
from __future__ import annotations

import re
from dataclasses import replace

from wikikg.extract.mentions import Context
from wikikg.model import Mention, ParsedArticle, Sentence

# "(later Foo Air Force Base)", "(later Foo Group, Bar Group)", "(later redesignated Foo Wing)" right after a name
_LATER = re.compile(r"\s*\(\s*later\s+(?:(?:re)?(?:named|designated|redesignated|called)\s+)?(?:the\s+)?([^()]+)\)")


def later_name(m: Mention, sentence: Sentence, article: ParsedArticle, ctx: Context) -> Mention:
    """The entity an unlinked item's name stands for when a parenthesis after it, here or after the same name in
    another item of its section, gives its later names and the article links one of them elsewhere (a unit's
    station or assignment renamed since: "W. K. Foo Airport (later Foo Air National Guard Base)", "110th Foo Group
    (later 110th Bar Group, 110th Baz Group)"): that linked entity, the item's name one of its names; else the
    item's own name."""
    if m.linked:
        return m
    later = _LATER.match(sentence.text, m.end) or next(
        (hit for other in article.sentences if other.section == sentence.section and other.text.startswith(m.text)
         and (hit := _LATER.match(other.text, len(m.text))) is not None), None) if m.start == 0 else None
    if later is None:
        return m
    for name in (n.strip() for n in reversed(later.group(1).split(","))):
        known = ctx.index.get(name)
        if known is not None and known.linked and known.key != ctx.subject.key:
            return replace(known, text=m.text, start=m.start, end=m.end)
    return m
