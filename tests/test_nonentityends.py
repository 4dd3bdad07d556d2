"""Honours, decorations and placeholders name no entity: not in the cast, at no end of a relation."""
import pytest

from wikikg.extract.nonentities import is_honour, is_placeholder


@pytest.mark.parametrize("name", ["Order of the Freedonian Empire", "Officer of the Order of Freedonia",
                                  "Knight Bachelor", "Legion of Honour", "Military Cross", "Silver Star",
                                  "Freedonia Gallantry Cross", "National Medal of Foo", "Foo Prize in Physics",
                                  "Distinguished Service Order", "Companion of the Order of Barshire",
                                  # an award's category
                                  "Foo Player of the Year", "Bar Agency of the Year", "Outstanding New Foo Play",
                                  "Most Outstanding Player", "Best Independent Production Company",
                                  "Best Foo Performance by a Duo or Group"])
def test_honours(name):
    assert is_honour(name)


@pytest.mark.parametrize("name", ["Order of Friars Minor", "Order of Saint Benedict", "Dominican Order",
                                  "Fellow of the Royal Society", "Red Cross", "Toronto Star", "Holy Cross",
                                  "Sovereign Military Order of Malta", "Foo Society",
                                  # "Best" and a firm's own word; "Year" inside a name
                                  "Best Foo Co.", "Best Western Foo", "Best Bar", "Year Book Company"])
def test_no_honours(name):
    assert not is_honour(name)


def test_placeholders():
    assert all(is_placeholder(n) for n in ("Vacant", "TBA", "N/A", "unknown", " None ", "To be announced", "Himself",
                                           "Herself"))
    assert not any(is_placeholder(n) for n in ("Foo", "Vacant Lot Records", "The Independent"))


def test_a_compass_point_alone_names_no_place():
    """"[[East]]", a road box's "direction_b = East": a direction, no place; a region named with one is a name, and a
    link's title qualified ("[[South (Fooland constituency)|South]]") is what its qualifier says."""
    from wikikg.extract.classify import name_types
    from wikikg.extract.nonentities import names_no_entity
    from wikikg.extract.nonentityends import _named_no_entity

    assert all(names_no_entity(n) for n in ("East", "South", "Northwest", "South-East"))
    assert not any(names_no_entity(n) for n in ("Far East", "North East Fooshire", "East Foo", "Southern"))
    assert name_types("East") == frozenset()
    assert not _named_no_entity(True, "South (Fooland constituency)", "South")


def test_no_honour_or_placeholder_in_relations_or_cast():
    """A list's "* [[Knight Bachelor]]" and "* Vacant", a table's "| TBA ||", "appointed an [[Officer of the Order of
    Foo]]" and a rank's link relate nothing and are no cast; the people beside them still are."""
    from wikikg.model import Article
    from wikikg.pipeline.stages import extract_article

    text = ("'''Foo Regiment''' is a regiment of the [[Freedonian Army]].\n\n== History ==\n"
            "[[Jane Roe]] was appointed an [[Officer of the Order of the Freedonian Empire]] in 1952 and was made a "
            "[[Knight Bachelor]] in 1960; she was awarded the [[Military Cross]].\n\n== Members ==\n"
            "* [[Jane Roe]], [[Order of the Freedonian Empire|OBE]]\n* [[Knight Bachelor]]\n* Vacant\n"
            "* [[John Doe]]\n\n== Commanding officers ==\n{| class=\"wikitable\"\n! Rank !! Name !! Years\n|-\n"
            "| [[Colonel]] || Unknown || 1955–1960\n|-\n| [[Brigadier]] || TBA || 1962–\n|}\n")
    sts = extract_article(Article("Foo Regiment", text)).statements
    keys = {m.key for st in sts for m in (st.subject, st.obj) if hasattr(m, "key")}
    assert {"Jane Roe", "John Doe", "Freedonian Army"} <= keys
    assert not keys & {"Knight Bachelor", "Vacant", "Unknown", "TBA", "Military Cross",
                       "Officer of the Order of the Freedonian Empire", "Order of the Freedonian Empire"}


def test_ranks_are_titles_not_names():
    """Commonwealth and hyphenated ranks are titles: stripped before a name, no entity alone or as a link."""
    from wikikg.extract.mentions import link_mention, name_mention
    from wikikg.extract.offices import untitled

    assert untitled("Air Vice-Marshal Jane Roe") == "Jane Roe" and untitled("Wing Commander John Doe") == "John Doe"
    assert untitled("Dr. K. Roe") == "K. Roe" and untitled("Jane Roe") == "Jane Roe"
    m = name_mention("Squadron Leader Jane Roe")
    assert (m.key, m.types) == ("Jane Roe", frozenset({"Person"}))
    assert name_mention("Lieutenant-Colonel John Doe").key == "John Doe"
    assert not link_mention("Wing Commander", "Wing Commander").types
    assert not link_mention("Lieutenant colonel", "Lt Col").types
    assert name_mention("Sri Lanka").types == frozenset({"Place"}) and "Person" not in name_mention("Sri Lankan").types


def test_party_abbreviations_and_name_parts_relate_nothing():
    """A people table's unlinked party abbreviations ("Lab", "Ind.") and a name's part alone ("Jr.") are no
    party and no person; the linked and the full names of the same table still are."""
    from wikikg.model import Article
    from wikikg.pipeline.stages import extract_article

    text = ("'''Foo Society''' is a learned society in [[Freedonia]].\n\n== Members ==\n{| class=\"wikitable\"\n"
            "! Name !! Party\n|-\n| [[Tom Bloggs]] || Lab\n|-\n| Ann Smith || [[Foo Party|FP]]\n|-\n| Jr. || Ind.\n|}\n")
    sts = extract_article(Article("Foo Society", text)).statements
    keys = {m.key for st in sts for m in (st.subject, st.obj) if hasattr(m, "key")}
    assert {"Tom Bloggs", "Ann Smith", "Foo Party"} <= keys and not keys & {"Lab", "Ind.", "Jr."}


def test_arabic_article_goes_on_in_a_name():
    """"al-", "el-" fused to a capitalised word go on in a name ("Jaber al-Foo", "Abu Bar al-Baz Battalion"): the name
    is not cut to its given name."""
    from wikikg.extract.names import spans

    class _Ctx:
        subject_names: frozenset = frozenset()
        index: dict = {}

    text = "Despite efforts from managing director Jaber al-Foori, the Abu Bar al-Baz Battalion left."
    names = [text[s:e] for s, e in spans(text, True, _Ctx())]
    assert "Jaber al-Foori" in names and "Abu Bar al-Baz Battalion" in names


def test_a_party_cell_repeating_a_link_text_is_that_party():
    """"| Labor ||" below "| [[Foo Labour Party|Labor]] ||": the party the link names, no entity "Labor"."""
    from wikikg.model import Article
    from wikikg.pipeline.stages import extract_article

    text = ("The '''Foo ministry''' was a ministry of [[Freedonia]].\n\n== Composition ==\n{| class=\"wikitable\"\n"
            "! Portfolio !! Minister !! Party\n|-\n| Premier || [[Jane Roe]] || [[Foo Labour Party|Labor]]\n|-\n"
            "| Treasurer || [[John Doe]] || Labor\n|}\n")
    sts = extract_article(Article("Foo ministry", text)).statements
    parties = {(st.subject.key, st.obj.key) for st in sts if st.predicate == "memberOf" and st.obj.key != "Foo ministry"}
    assert parties == {("Jane Roe", "Foo Labour Party"), ("John Doe", "Foo Labour Party")}


def test_ships_are_at_no_end_but_their_commanders():
    """A naval officer's box lists ships beside the fleet and the station he commanded; a ship, by a navy's prefix
    ("HMS Foo"), by nationality and kind ("Freedonian frigate Baz") or by its qualifier ("Quux (ship)"), is no body
    he is affiliated with, though its commander is its key person; the fleet and the station are both; a firm named
    with the same letters ("CSS Industries") is no ship."""
    from wikikg.extract.nonentities import is_vessel
    from wikikg.model import Article
    from wikikg.pipeline.stages import extract_article

    assert all(map(is_vessel, ("HMS Foo", "USS Jane Roe", "Freedonian frigate Baz", "German submarine U-99",
                               "ARA General Bar")))
    assert not is_vessel("SMS Jane Roe")  # a senior master sergeant
    assert not any(map(is_vessel, ("CSS Industries", "USS Foo Museum", "ARA Foundation", "John Smith")))
    text = ("{{Infobox military person\n| name = John Smith\n| branch = [[Royal Navy]]\n"
            "| commands = [[HMS Foo (1790)|HMS ''Foo'']]<br/>[[USS Bar]]<br/>[[Freedonian frigate Baz]]<br/>"
            "[[Quux (ship)|''Quux'']]<br/>[[Foo Fleet]]<br/>[[Barshire Station]]\n}}\n"
            "'''John Smith''' (1750–1820) was an officer of the [[Royal Navy]].\n")
    sts = extract_article(Article("John Smith", text)).statements
    ships = {"HMS Foo (1790)", "USS Bar", "Freedonian frigate Baz", "Quux (ship)"}
    affiliated = {st.obj.key for st in sts if st.predicate in ("affiliatedWith", "memberOf")}
    headed = {st.subject.key for st in sts if st.predicate == "keyPerson"}
    assert {"Foo Fleet", "Barshire Station", "Royal Navy"} <= affiliated and not affiliated & ships
    assert {"Foo Fleet", "Barshire Station"} | ships <= headed


def test_linked_fields_and_no_employer_relate_nothing():
    """A school's list of programmes links fields ("* [[Real Estate]]", "* [[Human Resources]]"): no staff, no
    body, linked or not; a box's "employer = Self-employed" is no employer."""
    from wikikg.extract.nonentities import is_field, is_placeholder
    from wikikg.model import Article
    from wikikg.pipeline.stages import extract_article

    assert all(map(is_field, ("Real Estate", "Human Resources", "International Relations", "Drama",
                              "Local Administration")))
    assert not any(map(is_field, ("Council on Foreign Relations", "Foo Administration", "Foo Drama Society")))
    assert is_placeholder("Self-employed") and is_placeholder("freelance")
    text = ("'''Foo School of Business''' is the business school of [[Foo University]].\n\n== Academics ==\n"
            "===Programs===\n====Undergraduate====\n*[[Accounting]]\n*[[Insurance]] and [[Risk Management]]\n"
            "*International Business\n*[[Management]]\n**[[Human Resources]]\n*[[Real Estate]]\n")
    sts = extract_article(Article("Foo School of Business", text)).statements
    keys = {m.key for st in sts if st.predicate != "mentionedIn" for m in (st.subject, st.obj) if hasattr(m, "key")}
    assert not keys & {"Risk Management", "Human Resources", "Real Estate", "International Business"}
