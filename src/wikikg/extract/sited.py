"""A list item's name and the place after it: "Foo Station, Fooville" is one name only where "Foo Station" recurs."""
from __future__ import annotations

from wikikg.extract.known import SHAPE
from wikikg.kb.vocabulary import org_classes
from wikikg.model import Mention, ParsedArticle, Sentence


def sited(listed: list[Mention], sentence: Sentence, article: ParsedArticle, places: bool = False) -> list[Mention]:
    """ "* Regional Research Station, Fooville, Barshire" beside "* Regional Research Station, Bazton": a name
    that other items give to other places is one of several of that name, named with its place; so is one in a
    list whose linked items' titles name their places ("* [[Banana Research Station, Fooville]]"); the place
    after that is where it lies. Any other name is its own ("* Foo Information Centre, Fooville": the centre,
    in Fooville)."""
    text = sentence.text
    if places and len(listed) > 1 and listed[1].types <= {"Place"} and text[listed[0].end:listed[1].start] == ", ":
        return listed[:1]  # a list of places: "* [[Foo Field]], Barshire, 1 May 1944 –": the field, in Barshire
    if len(listed) < 2 or listed[0].linked or listed[0].strength < SHAPE or not listed[0].types & org_classes():
        return listed
    a, b = listed[0], listed[1]
    if text[a.end:b.start] != ", " or b.types - {"Place"} or " and " in b.text:
        return listed
    if not (_recurs(a.text, article) or _titled_with_places(sentence, article)):
        return listed
    whole = text[a.start:b.end]
    return [Mention(whole, whole, False, a.types, start=a.start, end=b.end, strength=a.strength)] + listed[2:]


def _recurs(name: str, article: ParsedArticle) -> bool:
    """Whether two of the article's sentences (list items) begin with the name and a comma."""
    head = name + ", "
    return sum(s.text.startswith(head) for s in article.sentences) >= 2


def _titled_with_places(sentence: Sentence, article: ParsedArticle) -> bool:
    """Whether another item of the sentence's section is a link whose title ends in a comma and a place name
    ("[[Cashew Research Station, Fooville]]"): that list names its items with their places."""
    return any(k.start == 0 and ", " in k.target and k.target.rsplit(", ", 1)[1][:1].isupper()
               for other in article.sentences if other.section == sentence.section and other is not sentence
               for k in other.links)
