"""The table of known news outlets and its indexes: names, domains, mastheads, brands.

``data/outlets.csv`` lists real outlets: ``name, domain, country, aliases``. Aliases are
separated by "|"; an alias that is a host name ("bbc.com") is another domain of the outlet,
any other alias is another name it goes by ("BBC"). ``load_outlets(extra_path=...)`` adds a
user's rows. The matcher that tells an imitation from a real outlet is ``checks/outlets.py``.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from ..errors import TableError
from .tables import read_table_lines

__all__ = ["Outlet", "OutletTable", "load_outlets", "site_of", "name_words", "fold", "TABLE_PATH", "TABLE_SOURCE"]

TABLE_PATH = Path(__file__).resolve().parents[1] / "data" / "outlets.csv"
TABLE_SOURCE = "newsaudit/data/outlets.csv"

WORD = re.compile(r"[^\W_]+")
APOSTROPHE = re.compile(r"['’`]")
PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
# "LinkNaija | Nigeria's popular news platform": the name is what comes before the tagline.
TAGLINE = re.compile(r"\s+(?:\||-|–|—|:)\s+")

@dataclass(frozen=True)
class Outlet:
    name: str
    domain: str
    country: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()  # every domain, the main one first

    @property
    def row(self) -> str:
        return f"{self.name}, {self.domain}, {self.country}"


@dataclass(frozen=True)
class Masthead:
    outlet: Outlet
    words: tuple[str, ...]  # folded, leading "the" dropped
    shown: tuple[str, ...]  # the same words as printed


@dataclass(frozen=True)
class Brand:
    outlet: Outlet
    label: str  # the registered name without its suffix: "nytimes"
    suffix: str  # "com", "co.uk"
    registered: str  # "nytimes.com"
    parent: bool = False  # the label is a parent platform's ("india" of zeenews.india.com), not the brand


@dataclass(frozen=True)
class Site:
    host: str
    label: str
    suffix: str
    subdomain: str

    @property
    def registered(self) -> str:
        return f"{self.label}.{self.suffix}" if self.suffix else self.label


@dataclass(frozen=True)
class OutletTable:
    outlets: tuple[Outlet, ...]
    names: dict[str, Outlet]  # folded name or alias -> outlet
    domains: dict[str, Outlet]  # registered domain or host -> outlet
    mastheads: tuple[Masthead, ...]
    brands: tuple[Brand, ...]
    labels: frozenset[str]  # every registered name in the table
    stems: frozenset[str]  # labels other outlets build their own on ("science" in "livescience")

    def by_name(self, name: Optional[str]) -> Optional[Outlet]:
        words, _shown = name_words(name or "")
        return self.names.get(" ".join(words)) if words else None

    def by_domain(self, domain: Optional[str]) -> Optional[Outlet]:
        site = site_of(domain)
        if site is None:
            return None
        return self.domains.get(site.host) or self.domains.get(site.registered)

    def __len__(self) -> int:
        return len(self.outlets)


# --- loading -------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _extractor():
    import tldextract

    # No suffix_list_urls: never fetch the list at run time, use the snapshot tldextract ships.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@functools.lru_cache(maxsize=65_536)
def site_of(text: Optional[str]) -> Optional[Site]:
    """The parts of a host name (tldextract's offline suffix list), or None for what is not one.
    Cached: the same names (every outlet's, every page's) come back on every page."""
    if not text or any(ch.isspace() for ch in text.strip()):
        return None
    parts = _extractor()(text.strip().lower())
    if not parts.domain or not parts.suffix:
        return None
    host = ".".join(p for p in (parts.subdomain, parts.domain, parts.suffix) if p)
    host = host[4:] if host.startswith("www.") else host
    subdomain = parts.subdomain[4:] if parts.subdomain.startswith("www.") else parts.subdomain
    return Site(host, parts.domain, parts.suffix, "" if subdomain == "www" else subdomain)


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def name_words(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Folded and printed words of a name, tagline, parenthetical and leading "The" removed."""
    text = TAGLINE.split(name.strip(), maxsplit=1)[0]
    text = PARENTHETICAL.sub("", text).replace("&", " and ")
    site = site_of(text)
    if site is not None:  # "Snopes.com", "Express.co.uk": the name is the site's label
        text = ".".join(p for p in (site.subdomain, site.label) if p).replace(".", " ")
    shown = tuple(WORD.findall(APOSTROPHE.sub("", text)))
    words = tuple(fold(word) for word in shown)
    if words and words[0] == "the" and len(words) > 1:
        return words[1:], shown[1:]
    return words, shown


def _is_domain_alias(alias: str) -> bool:
    return site_of(alias) is not None and "." in alias


def _outlet(row: dict[str, str]) -> Outlet:
    aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
    domains = [row["domain"].strip().lower()] + [a.lower() for a in aliases if _is_domain_alias(a)]
    names = [a for a in aliases if not _is_domain_alias(a)]
    return Outlet(row["name"].strip(), domains[0], row["country"].strip(), tuple(names), tuple(domains))


OUTLET_COLUMNS = ("name", "domain", "country", "aliases")


def _read_rows(path: Path, strict: bool = False) -> Iterator[Outlet]:
    reader = csv.DictReader(read_table_lines(path))
    missing = set(OUTLET_COLUMNS) - set(reader.fieldnames or ())
    if strict and missing:
        raise TableError(f"the outlet table lacks the columns {sorted(missing)}", path=str(path))
    for row in reader:
        if row.get("name") and row.get("domain"):
            yield _outlet(row)


def load_outlets(path: Path = TABLE_PATH, extra_path: Optional[str | Path] = None) -> "OutletTable":
    """The outlet table with its indexes, built once (``Resources.outlets`` caches it).

    ``extra_path`` adds a user's rows (same columns) to the bundled ones.
    """
    outlets = tuple(_read_rows(path)) + (tuple(_read_rows(Path(extra_path), strict=True)) if extra_path else ())
    names: dict[str, Outlet] = {}
    domains: dict[str, Outlet] = {}
    mastheads: list[Masthead] = []
    brands: list[Brand] = []
    for outlet in outlets:
        for name in (outlet.name,) + outlet.aliases:
            words, shown = name_words(name)
            if words:
                names.setdefault(" ".join(words), outlet)
                mastheads.append(Masthead(outlet, words, shown))
        for domain in outlet.domains:
            site = site_of(domain)
            if site is None:
                continue
            domains.setdefault(site.host, outlet)
            domains.setdefault(site.registered, outlet)
            brands.append(Brand(outlet, site.label, site.suffix, site.registered, parent=bool(site.subdomain)))
            if site.subdomain and "." not in site.subdomain and len(site.subdomain) > 3:
                # "abcnews.go.com": the brand people see is the subdomain
                brands.append(Brand(outlet, site.subdomain, site.suffix, site.host))
    labels = frozenset(brand.label for brand in brands)
    return OutletTable(outlets, names, domains, tuple(mastheads), tuple(brands), labels, _stems(brands))


def _stems(brands: list[Brand]) -> frozenset[str]:
    """Labels that other outlets' labels contain: ordinary words real sites build on."""
    stems = set()
    for brand in brands:
        for other in brands:
            if other.outlet != brand.outlet and brand.label != other.label and brand.label in other.label:
                stems.add(brand.label)
                break
    return frozenset(stems)
