"""A link's title of two surnames joined by "&" ("[[Roe & Doe]]"): a firm or a duo named for its partners, an organisation."""
# Architects', publishers', lawyers' and brokers' firms are named for their founding partners ("Foo & Bar" designed
# the church, published the book, brokered the sale); names.toml [shape.Company] types "Roe & Sons", "Roe & Associates"
# already. A duo is named so too ("Roe & Doe" sang), so the class is an organisation's, not a firm's. A town's name
# ("Fooville & Barton": a constituency), two given names ("Jane & John": a duo, a work's characters) or a common
# noun the article writes in lower case ("Stage & Screen") are no partners' names.
from __future__ import annotations

import re

from wikikg.extract.classify import name_types
from wikikg.extract.nonentities import is_event, names_no_entity
from wikikg.extract.people import is_given_name
from wikikg.kb.names import stop_names
from wikikg.kb.places import countries, linked_towns, places, regions

_PARTNERS = re.compile(r"(?P<first>(?:Mc|Mac|O['’])?[A-Z][a-z]+) & (?P<second>(?:Mc|Mac|O['’])?[A-Z][a-z]+)")


def partners_firm(label: str, text: str) -> bool:
    """Whether a link's title (no qualifier) is two capitalised words joined by "&" that are no town's names, not
    both given names, no stop word, no class's word, no word the article `text` writes in lower case and none but a
    given name that it writes on its own."""
    m = _PARTNERS.fullmatch(label)
    if m is None or name_types(label) or is_event(label) or names_no_entity(label):
        return False
    words = (m["first"], m["second"])
    return not any(w in places() or w in regions() or w in countries() or w in linked_towns() or w in stop_names()
                   or re.search(rf"(?<![\w-]){w.lower()}(?![\w-])", text) for w in words) \
        and not all(map(is_given_name, words)) and not any(_alone(w, words, text) for w in words if not is_given_name(w))


def _alone(word: str, words: tuple[str, str], text: str) -> bool:
    """Whether the article writes `word` on its own, not joined to the other name by "&" or "and": an area's name
    ("the Barton area" beside "[[Fooby & Barton]]"), no partner's surname."""
    pair = rf"{re.escape(words[0])}\s+(?:&|&amp;|and)\s+{re.escape(words[1])}"
    return len(re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)) > len(re.findall(pair, text))
