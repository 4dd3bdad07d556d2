"""kb/territories.py: territories' and big cities' English names, and what the place tables take from them."""
from wikikg.kb import places
from wikikg.kb.territories import city_exonyms, territories


def test_territories_give_english_names_of_regions_and_past_states():
    assert {"Bavaria", "Crimea", "Flanders"} <= territories(subnational=True)
    assert {"Czechoslovakia", "East Germany", "Cape Verde"} <= territories(subnational=False)
    assert not {"European Union", "United Nations", "Global", "Cyberspace"} & territories()
    assert "Crimea (Occupied Ukraine)" not in territories()


def test_place_tables_take_territories_but_a_city_is_no_region():
    assert {"Bavaria", "Czechoslovakia"} <= places.places()
    assert "Bavaria" in places.regions() and "Saint Petersburg" not in places.regions()
    assert "Czechoslovakia" in places.countries()


def test_a_big_city_s_english_name_is_a_linked_town():
    assert {"Kiev", "Bangalore", "Cologne"} <= city_exonyms()
    assert {"Kiev", "Bangalore", "Cologne"} <= places.linked_towns()
    assert "Kiev" not in places.places()  # unlinked, another language's spelling may be a word


def test_a_country_s_short_form_as_a_noun_is_a_place_of_the_cast():
    from wikikg.extract.countrynouns import country_nouns
    from wikikg.model import Sentence

    def nouns(text):
        return [m.key for m in country_nouns(Sentence(0, text, text, 0, len(text), "", 0), [])]

    assert nouns("Foo Bar improved higher education in the UK.") == ["UK"]
    assert nouns("She moved to the U.S. in 1990, then to the UK and Freedonia.") == ["U.S.", "UK"]
    assert nouns("The UK government and the U.S. Army paid in US dollars.") == []
    assert nouns("Foo Bar contributed to UK radio.") == []
    assert nouns("Foo Bar moved its plant to the PRC.") == ["PRC"]  # each form, not only the first (the text holds one)


def test_a_world_region_is_a_place_after_the_too():
    assert {"Caribbean", "Central Asia"} <= places.places() and "Supranational" not in places.places()
    assert {"Middle East", "Balkans", "Midwest"} <= places.places()
    assert {"Caribbean", "Balkans"} <= places.english_regions()  # "the Caribbean": no common noun


def test_a_town_s_name_is_no_short_form_of_a_link_named_after_the_town():
    from wikikg import extract_article
    from wikikg.model import Article

    text = ("'''Jane Roe''' (born 1950) is a British academic.\n\nShe was educated at [[Cheshunt School]], then a "
            "grammar school in Cheshunt, Hertfordshire, before she went to [[Fooley College]].\n")
    ends = {(m.key, tuple(sorted(m.types))) for st in extract_article(Article("Jane Roe", text)).statements
            for m in (st.subject, st.obj)
            if hasattr(m, "key")}
    assert ("Cheshunt", ("Place",)) in ends
