"""extract/prosedates.py: the date the prose gives a table's or a list's undated fact."""
from __future__ import annotations

from wikikg.model import Article
from wikikg.pipeline.stages import extract_article

TEXT = ("'''Example League''' is a football league.\n\n== History ==\nThe expansion [[Fooville Foxes]] joined "
        "the league in 1995. [[Barton Owls]] won the title in 1999.\n\n== Members ==\n{| class=\"wikitable\"\n"
        "! Team !! City\n|-\n| [[Fooville Foxes]] || [[Fooville]]\n|-\n| [[Barton Owls]] || [[Barton]]\n|}\n")


def test_a_members_table_fact_takes_the_date_of_the_sentence_that_states_it():
    facts = {(st.subject.key, st.rule, st.date.value if st.date else "")
             for st in extract_article(Article("Example League", TEXT)).statements if st.predicate == "memberOf"}
    assert ("Fooville Foxes", "membership.joined", "1995") in facts   # the sentence, read with the team typed
    assert ("Fooville Foxes", "table.members", "") in facts           # the table's own statement stays
    assert not any(s == "Barton Owls" and d for s, _r, d in facts)     # winning a title in 1999 is no membership
