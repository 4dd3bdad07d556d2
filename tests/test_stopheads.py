"""extract/stopheads.py: a name ending in a part's head noun that is also a stop word keeps it."""
from __future__ import annotations

import pytest

from wikikg.model import Article
from wikikg.pipeline.stages import extract_article


def _ends(text: str) -> set[str]:
    article = "The '''Fooville Police Service''' is the police force of [[Fooville]].\n\n==History==\n" + text + "\n"
    statements = extract_article(Article("Fooville Police Service", article, "case", "wikitext")).statements
    return {st.subject.key for st in statements} | {getattr(st.obj, "key", "") for st in statements}


@pytest.mark.parametrize("sentence,cut", [
    ("In 1980 the Fooville Police Marine Section was formed.", "Fooville Police Marine"),
    ("The Dog Section was formed in 1980.", "Dog"),
])
def test_a_part_s_head_noun_stays_on_its_name(sentence, cut):
    """ "the Dog Section was formed in 1980": the section was formed, not a dog (nor "Fooville Police Marine")."""
    assert cut not in _ends(sentence)


def test_a_numbered_division_or_a_stop_word_before_the_head_is_no_part_name():
    ends = _ends("In 1990 the service won the Barshire League Division 2 title and the Premier Division title.")
    assert "Barshire League Division" not in ends and "Premier Division" not in ends
