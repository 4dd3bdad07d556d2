"""Names that a party member's noun or a post's title stands beside: "Republican Jane Roe", "Foo CEO Jane Roe"."""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from wikikg.extract.classify import split_title
from wikikg.extract.names import is_role_title, title_prefix
from wikikg.extract.people import is_personal_name
from wikikg.kb.names import partisan_nouns, stop_names
from wikikg.model import Mention


def partisan_split(name: str, index: Mapping[str, Mention],
                   resolve: Callable[[str], Mention | None]) -> tuple[Mention, int] | None:
    """The party and the length of a party member's noun that opens a name before a person's name ("Republican
    Jane Roe", where the article names the party: names.toml [partisans]; not "Communist Party of Foo"); else
    None. `index` maps the article's names to their entities, `resolve` finds the entity of a name."""
    words = name.split()
    for k in (1, 2):
        noun = " ".join(words[:k])
        party = index.get(noun)
        rest = " ".join(words[k:])
        if party is not None and rest[:1].isupper() and noun in partisan_nouns(split_title(party.key)[0]) and (
                is_personal_name(rest) or "Person" in getattr(resolve(rest), "types", ())):
            return party, len(noun)
    return None


# posts only an organisation has (not "Foo Professor", "Thouron Fellow": chairs and fellowships named for someone)
_ORG_POST = re.compile(r"(?:Group\s+|Executive\s+|Non-[Ee]xecutive\s+|Deputy\s+|Vice[\s-])?(?:CEO|CFO|COO|CTO|Chairman|"
                       r"Chairwoman|Chairperson|Chief\s+Executive(?:\s+Officer)?|Managing\s+Director|Spokes(?:man|woman|person))")
# words that open a post's title without naming anyone ("Former CEO [[Jane Roe]]")
_NO_HOLDER = frozenset({"Former", "Then", "Current", "Interim", "Acting", "New", "Incoming", "Outgoing", "Longtime",
                        "Long-time", "Its", "His", "Her", "Their", "Our"})


def post_holder(before_link: str) -> str:
    """The organisation's name that opens the words before a link when they end in a post only an organisation
    has ("Foo CEO [[Jane Roe]]", "Foo Chief Executive [[John Doe]]": "Foo"); else ""."""
    words = before_link.split()
    for i in range(min(len(words) - 1, 3), 0, -1):  # the longest name first: "Acme Group Chief Executive"
        head = " ".join(words[:i])
        if _ORG_POST.fullmatch(" ".join(words[i:])) and not is_role_title(head) and words[0] not in stop_names() \
                and words[0] not in _NO_HOLDER and not title_prefix().match(f"{head} X") \
                and all(w[:1].isupper() for w in words[:i]):
            return head
    return ""
