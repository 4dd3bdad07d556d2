"""extract/itempeople.py: a list's person item whose name a comma (or a post) follows with an organisation."""
from __future__ import annotations

from wikikg.model import Article
from wikikg.pipeline.stages import extract_article

SOCIETY = "The '''Foo Library Association''' is a professional association of librarians in [[Barshire]].\n\n"


def _facts(text: str, title: str = "Foo Library Association") -> set[tuple[str, str, str]]:
    return {(st.subject.key, st.predicate, st.obj.key) for st in
            extract_article(Article(title, text, "case", "wikitext")).statements if st.predicate != "mentionedIn"}


def test_an_award_s_recipients_work_for_the_organisation_after_their_name():
    """Under a heading no spec knows, "* '''Jane Roe''', Fooville Public Library, Fooville (1999)": her employer;
    two recipients of one year, joined by "and", each theirs."""
    text = SOCIETY + ("==Librarian of the Year==\n* '''Jane Roe''', Fooville Public Library, Fooville (1999)\n"
                      "* 2001: John Doe, [[University of Barshire]], North Barton and Sara Moe, Barton Public Library, North Barton "
                      "(co-recipients)\n")
    facts = _facts(text)
    assert {("Jane Roe", "affiliatedWith", "Fooville Public Library"),
            ("John Doe", "affiliatedWith", "University of Barshire"),
            ("Sara Moe", "affiliatedWith", "Barton Public Library")} <= facts


def test_a_post_before_the_organisation_and_a_party_or_a_membership():
    """"[[Jane Roe]], President of the [[Foo Society]]", "(director of [[Bar Institute]])", "Member of the
    [[Barshire Council]]" (a member), "– [[Freedonian Labour Party]]" (a party: a member)."""
    text = SOCIETY + ("==Speakers==\n* [[Jane Roe]], President of the [[Foo Historical Society]]\n"
                      "* [[John Doe]] (former director of [[Bar Research Institute]])\n"
                      "* [[Sara Moe]], Member of the [[Barshire County Council]], 2001–2005\n"
                      "* [[Sam Poe]] – [[Freedonian Labour Party]]\n")
    facts = _facts(text)
    assert {("Jane Roe", "affiliatedWith", "Foo Historical Society"),
            ("John Doe", "affiliatedWith", "Bar Research Institute"),
            ("Sara Moe", "memberOf", "Barshire County Council"),
            ("Sam Poe", "memberOf", "Freedonian Labour Party")} <= facts


def test_works_places_and_longer_items_give_nothing():
    """Under "Publications" the organisation is a publisher; a place is no employer; an item that goes on after the
    organisation ("..., who later ...") says more than an apposition."""
    text = SOCIETY + ("==Publications==\n* Jane Roe, [[Foo University Press]] (1999)\n"
                      "==Guests==\n* [[John Doe]], [[Fooville]]\n"
                      "* Sara Moe, Barton Public Library, who later moved to [[Bar Corporation]]\n")
    people = {(s, o) for s, p, o in _facts(text) if p in ("affiliatedWith", "memberOf")}
    assert not people & {("Jane Roe", "Foo University Press"), ("John Doe", "Fooville"),
                         ("Sara Moe", "Barton Public Library"), ("Sara Moe", "Bar Corporation")}


def test_a_scholar_s_students_studied_where_the_item_says():
    """"== Doctoral students ==" then "* [[Jane Roe]] ([[University of Foo]])": where she studied, not an employer."""
    text = ("'''John Doe''' (born 1950) is a Freedonian chemist.\n\n==Doctoral students==\n"
            "* [[Jane Roe]] ([[University of Foo]])\n")
    assert not {f for f in _facts(text, "John Doe") if f[:2] == ("Jane Roe", "affiliatedWith")}
