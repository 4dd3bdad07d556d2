"""kb/places.py: country and place names, cached on disk."""
import pytest

from wikikg.kb import places as rules


def test_places_cached_as_built(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    rules.places.cache_clear()
    try:
        built = rules.places()  # builds and writes the cache file
        assert list(tmp_path.glob("wikikg/places-*.json"))
        rules.places.cache_clear()
        assert rules.places() == built >= rules._places()  # read back from the file; names.toml's regions too
        assert {"China", "Hong Kong", "Beijing", "California"} <= built
    finally:
        rules.places.cache_clear()


def test_a_settlement_title_names_a_place():
    """Wikipedia titles a settlement "Name, State" or "Name, Country": the part after the comma a known
    place makes the link a place's; a person's "Jr." or a firm's legal form does not."""
    from wikikg.extract.mentions import link_mention

    for title in ("Hot Springs, Arkansas", "Salzburg, Austria", "Washington, D.C.", "Calhoun County, Alabama"):
        assert link_mention(title, title).types == {"Place"}, title
    for title in ("Paul S. Dwyer, Jr.", "Phillips, Craig & Dean", "Bank of America, N.A."):
        assert "Place" not in link_mention(title, title).types, title


def test_a_historic_county_no_iso_list_holds_is_a_place_but_not_one_that_is_as_often_a_name():
    """ISO 3166-2 lists Cheshire East, not Cheshire: the historic counties English writes are places all the same
    (names.toml world_regions); "Berkshire" (a company's short name) and "Sutherland" (a surname) are left out."""
    from wikikg.extract.mentions import link_mention

    for name in ("Cheshire", "Yorkshire", "Middlesex", "Lanarkshire", "Glamorgan"):
        assert name in rules.places() and link_mention(name, name).types == {"Place"}, name
    assert not {"Berkshire", "Sutherland", "Cumberland"} & rules.places()  # a part of lakes' and valleys' names


def test_a_link_to_a_city_written_without_its_accents_is_a_place():
    """GeoNames writes "Montréal"; English Wikipedia links [[Montreal]]: the unaccented form types a link's
    title, not an unlinked word, and never a given name's form ("Leon")."""
    from wikikg.extract.mentions import link_mention
    from wikikg.kb.places import linked_cities, places

    assert "Montreal" in linked_cities() and "Montreal" not in places()
    assert "Leon" not in linked_cities()
    assert link_mention("Montreal", "Montreal").types == {"Place"}


@pytest.mark.parametrize("name, linked, place", [
    ("Western Europe", True, True), ("Southern Alabama", False, True), ("North East Europe", False, True),
    ("Freedonian Republic", True, True), ("Republic of Freedonia", True, True), ("Second Freedonian Republic", True, True),
    # a kind of state, a party, a magazine, a part of no known place, a short name that is also a word
    ("People's Republic", True, False), ("Autonomous Republic", True, False), ("Rally for the Republic", True, False),
    ("The New Republic", True, False), ("Western Fooland", True, False), ("Central Mon", False, False),
])
def test_a_place_named_by_its_parts(name, linked, place):
    """names.toml [place_names]: a compass word before a known place's name, or a state's head noun after
    capitalised words (not all of them words of a kind of state) or before "of" and a name."""
    assert rules.place_by_parts(name, linked) is place


def test_a_link_or_name_of_a_part_of_a_place_is_a_place_but_an_event_is_not():
    from wikikg.extract.mentions import link_mention, name_mention

    assert link_mention("Southern Europe", "Southern Europe").types == {"Place"}
    assert name_mention("Western Alabama").types == {"Place"}
    assert "Place" not in link_mention("Republic of Freedonia Civil War", "Republic of Freedonia Civil War").types


def test_a_shown_name_does_not_type_a_link_to_a_posts_title():
    """ "[[Archbishop of Fooville|Western Diocese]]": the shown words name a body, but the link is to the post."""
    from wikikg.extract.mentions import link_mention

    assert not link_mention("Archbishop of Fooville and Barshire", "Western Diocese").types
    assert link_mention("Foo Widgets", "Foo Widgets Limited").types == {"Company"}


def test_a_link_to_a_small_town_is_a_place_in_a_place_s_company():
    """A town of 15,000+ people linked by its bare title is a place after a preposition of place or before a
    comma or parenthesis and a place; alone, or before a possessive, it names nothing sure (a person, a brand or
    a thing a town is named after)."""
    from wikikg.kb.places import linked_towns, places

    assert "Istres" in linked_towns() and "Istres" not in places()
    assert "Marion" not in linked_towns()  # a given name's form
    s = "Plants near [[Istres]] and [[Uelzen]] ([[Germany]]); [[Cambrai]], [[France]]; [[Truro]]'s mayor; [[Plato]]."
    types = {m.key: m.types for m in _mentions(s)}
    assert types["Istres"] == types["Uelzen"] == types["Cambrai"] == {"Place"}
    assert not types["Truro"] and not types["Plato"]


def test_a_link_to_a_village_is_a_place_in_a_place_s_company_but_not_after_at_alone_nor_in_italics():
    """A town or village of 1,000 to 15,000 people (GeoNames cities1000) linked by its bare title is a place in a
    place's company like a town's (names.toml [place_names] villages_after); not after "at" alone ("while at
    [[Harvard]]": a university's short title), nor as a whole ''italic'' run (a magazine's, a taxon's title), nor
    after a frame whose object is a business ("an investor in [[Oracle]]")."""
    from wikikg.kb.places import linked_towns, linked_villages

    assert "Lacock" in linked_villages() and "Lacock" not in linked_towns() and "Marion" not in linked_villages()
    s = "He lived in [[Lacock]], near [[Zermatt]], at [[Grindelwald]] ([[Switzerland]]) and at [[Harvard]]."
    types = {m.key: m.types for m in _mentions(s)}
    assert types["Lacock"] == types["Zermatt"] == types["Grindelwald"] == {"Place"}
    assert not types["Harvard"]
    s = "Her photographs appeared in ''[[Wetwang]]'' and in [[Wetwang]]."
    assert [m.types for m in _mentions(s) if m.key == "Wetwang"] == [frozenset(), {"Place"}]
    s = "He was an early investor in [[Oracle]] and holds shares in [[Nokia]]."  # names.toml [frames] company
    assert {m.key: m.types for m in _mentions(s)} == {"Oracle": {"Company"}, "Nokia": {"Company"}}


def test_a_link_to_a_town_after_a_settlements_kind_or_a_bearing_and_of_is_a_place():
    """names.toml [place_names] towns_after: "the town of [[Istres]]", "mayor of [[Uelzen]]", "west of [[Cambrai]]"; not
    "of" alone ("the writings of [[Plato]]")."""
    s = "The town of [[Istres]] and the mayor of [[Uelzen]] lie west of [[Cambrai]], unlike the writings of [[Plato]]."
    types = {m.key: m.types for m in _mentions(s)}
    assert types["Istres"] == types["Uelzen"] == types["Cambrai"] == {"Place"}
    assert not types["Plato"]


def test_a_linked_name_after_words_only_a_place_follows_is_a_place():
    """names.toml [place_names] links_after: "born in [[Bazton]]" names a place whatever its name; not an event
    ("near [[Battle of Quux]]") nor a title with a qualifier."""
    s = "Roe was born in [[Bazton Quux]] near [[Battle of Quux]] and grew up near [[Quuz (band)|Quuz]]."
    types = {m.key: m.types for m in _mentions(s)}
    assert types["Bazton Quux"] == {"Place"}
    s = "Roe grew up in [[Bazton Quux]], was stationed at [[Quux Field]] and is buried in [[Foo Abbey]]."
    assert {m.key: m.types for m in _mentions(s)} == {k: {"Place"} for k in ("Bazton Quux", "Quux Field", "Foo Abbey")}
    assert not types["Battle of Quux"] and types["Quuz (band)"] == {"Organization"}  # the qualifier's class, no place


def _mentions(sentence: str) -> list:
    from wikikg.extract.context import article_context
    from wikikg.extract.mentions import find_mentions
    from wikikg.model import Article
    from wikikg.pipeline.stages import parse_article, subject_of

    p = parse_article(Article("Foo Works", f"'''Foo Works''' is a company. {sentence}", "-"))
    return [m for s in p.sentences[1:] for m in find_mentions(s, article_context(p, subject_of(p)))]
