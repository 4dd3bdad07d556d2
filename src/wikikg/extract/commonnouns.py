"""A capitalised common noun in a fact's place: one unlinked, untyped word the article also writes in lower case."""
from __future__ import annotations

from wikikg.extract.people import SurnameUse
from wikikg.model import Mention, Sentence, Statement


def common_noun(m: object, use: SurnameUse) -> bool:
    """Whether `m` is a common noun capitalised at a sentence's start or by an old style, no entity's name: a
    single unlinked word nothing types, that the same article also writes as a word in lower case ("Meetings
    on Foo, collaborated with [[Bar]]" beside "its meetings"; "joined the Sisters" beside "the Foo sisters")."""
    return (isinstance(m, Mention) and not m.linked and m.strength == 0 and m.key == m.text and m.text.isalpha()
            and m.text[:1].isupper() and m.text[1:].islower() and use.in_lower_case(m.text.lower()))


def without_common_nouns(statements: list[Statement], sentences: list[Sentence]) -> list[Statement]:
    """The statements neither of whose ends is a capitalised common noun (common_noun) of the article's prose."""
    if not statements:
        return statements
    use = SurnameUse("\n".join(s.text for s in sentences))
    return [s for s in statements if not (common_noun(s.subject, use) or common_noun(s.obj, use))]
