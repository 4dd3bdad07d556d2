"""A paper's, a magazine's or a site's title in italics after a critic's name: "Jane Roe of ''Foo Weekly'' said"."""
from __future__ import annotations

import re
from dataclasses import replace

from wikikg.extract.known import CONTEXT
from wikikg.extract.ofnames import ACCORDING, critic_verb
from wikikg.model import Mention

__all__ = ["critic_papers"]

_NEWS = frozenset({"NewsOrganization"})
_OF = re.compile(r",?\s+(?:of|from)\s+(?:the\s+)?")
_COMMA = re.compile(r"\s*,")  # "According to Jane Roe of ''Foo'', the song"


def critic_papers(found: list[Mention], text: str, italic: tuple[tuple[int, int], ...]) -> list[Mention]:
    """Names nothing types that are the whole of an ''italic'' run right after a person's full name and "of" or
    "from", and right before a critic's verb (names.toml [person_names] critic_verbs) or after "According to" and
    before a comma: "Jane Roe of ''Foo Weekly'' called the song dull", "John Doe from the ''Bar Review'' said",
    "According to Jane Roe of ''Foo'', the song": the body the critic writes for, a paper, a magazine or a site (not
    "Captain Roe of the ''Foo'' saw": one name is no full name, and a ship's crew sees, not judges). `found` in text
    order."""
    out = list(found)
    for i in range(1, len(out)):
        m, person = out[i], out[i - 1]
        if not m.types and "Person" in person.types and " " in person.text.strip() \
                and _OF.fullmatch(text, person.end, m.start) and (m.start, m.end) in italic \
                and (critic_verb().match(text, m.end) or ACCORDING.search(text, 0, person.start) and _COMMA.match(text, m.end)):
            out[i] = replace(m, types=_NEWS, strength=CONTEXT)
    return out
