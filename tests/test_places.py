"""kb/places.py: country and place names, cached on disk."""
from wikikg.kb import places as rules


def test_places_cached_as_built(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    rules.places.cache_clear()
    try:
        built = rules.places()  # builds and writes the cache file
        assert list(tmp_path.glob("wikikg/places-*.json"))
        rules.places.cache_clear()
        assert rules.places() == built == rules._places()  # read back from the file
        assert {"China", "Hong Kong", "Beijing", "California"} <= built
    finally:
        rules.places.cache_clear()
