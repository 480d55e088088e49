"""Public lists of unreliable, fake, state-affiliated and real news sites, looked up by domain.

Two sources feed one :class:`SiteLists`:

- the bundled file ``data/site_lists.csv`` (``list,domain,path,label,raw_label,note``) and its
  metadata ``data/site_lists.json``, built by ``scripts/build_site_lists.py`` from the lists
  whose licence lets them ship in the package (MIT, Apache-2.0);
- when the user names a directory (``lists_dir``), the lists that may not ship (copyleft,
  unlicensed, or third-party and commercial ratings), read from the user's own copies in the
  layout of the project's shared data (``EXTERNAL_FILES``): ``DIR/opensources/sources.csv``,
  ``DIR/fake_news_site_lists/*.csv``, ``DIR/media_reliability/`` (``mbfc/mbfc.csv``,
  ``nela-gt/newsguard.csv``, ``wikipedia_perennial_sources/*.json``,
  ``unreliable_news_sources.txt``; ``golden_truth_dataset.csv`` when those are absent) and
  ``DIR/us_news_domains/us-news-domains-v2.0.0.csv``. Each file may also sit directly in DIR.
  Lists that are bundled are never read from DIR.

Every entry becomes a :class:`Listing` with its list's name, date and licence, the list's own
label (``raw_label``) and a normalised ``label`` (see ``LABELS``). Entries match their host and
its subdomains: ``edition.example.com`` finds an entry for ``example.com``, never the reverse;
``www.``/``m.``-style prefixes are ignored on both sides; the walk up stops at the registered
domain (Public Suffix List, private section included, so ``foo.blogspot.com`` is its own site)
and at hosting platforms (``PLATFORMS``: ``x.wordpress.com`` is not ``wordpress.com``). An entry
with a path (``cato.org/blog``) covers only URLs under that path.
"""

from __future__ import annotations

import csv
import functools
import html
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Iterable, Iterator, Mapping, NamedTuple, Optional, Union
from urllib.parse import urlsplit

import tldextract

__all__ = [
    "Listing", "ListInfo", "SiteLists", "load_site_lists", "split_entry", "registered_domain",
    "list_day", "LABELS", "NEGATIVE", "POSITIVE", "STATE", "PUBLIC", "PLATFORMS", "EXTERNAL_LISTS",
    "BUNDLED_CSV", "BUNDLED_META",
]

DATA = Path(__file__).resolve().parents[1] / "data"
BUNDLED_CSV = DATA / "site_lists.csv"
BUNDLED_META = DATA / "site_lists.json"
CSV_COLUMNS = ("list", "domain", "path", "label", "raw_label", "note")
MAX_NOTES = 3  # outlet names kept per listing when several rows name the same site

LABELS: Mapping[str, str] = MappingProxyType({
    "fake": "fabricated news, hoaxes or impostor sites",
    "satire": "satire or parody styled as news",
    "unreliable": "conspiracy, junk science, clickbait, extreme bias or otherwise low credibility",
    "state": "state-controlled or state-captured media",
    "public": "state-funded or state-managed media the list rates editorially independent",
    "reliable": "rated reliable by the list's curators",
    "real": "on a list of real news outlets (no quality rating)",
    "mixed": "rated of mixed reliability",
    "political": "partisan, not rated unreliable",
    "other": "listed without a verdict on reliability",
})
NEGATIVE = frozenset({"fake", "satire", "unreliable"})  # lists of unreliable or fake sites
POSITIVE = frozenset({"reliable", "real"})  # lists of real outlets
STATE = frozenset({"state"})
PUBLIC = frozenset({"public"})

# Hosting and user-generated-content platforms: their subdomains and pages are separate
# publishers, so a verdict on the platform ("wordpress.com", "reddit.com") is not one on them.
# Lookups never walk up into a platform; the reputation check ignores negative verdicts on one.
PLATFORMS = frozenset({
    "wordpress.com", "blogger.com", "medium.com", "substack.com", "tumblr.com", "weebly.com", "wix.com",
    "livejournal.com", "typepad.com", "over-blog.com", "squarespace.com", "google.com", "yahoo.com",
    "facebook.com", "instagram.com", "youtube.com", "twitter.com", "x.com", "tiktok.com", "reddit.com",
    "linkedin.com", "pinterest.com", "quora.com", "telegram.org", "t.me", "vk.com", "ok.ru", "rumble.com",
    "bitchute.com", "patreon.com", "change.org", "github.com", "scribd.com", "academia.edu",
    "researchgate.net", "fandom.com", "wikia.com", "stackexchange.com", "stackoverflow.com", "baidu.com",
    "wikipedia.org", "wikimedia.org", "wikidata.org", "wikihow.com", "imdb.com", "soundcloud.com", "flickr.com",
})
# Leading host labels that name a service, not a different site: "www.", "www2.", "m.", "amp.".
SERVICE_LABEL = re.compile(r"^(?:www\d*|m|mobile|amp)$")


@dataclass(frozen=True)
class ListInfo:
    """One list: its name (an id), title, date (YYYY, YYYY-MM or YYYY-MM-DD), licence, origin."""

    name: str
    title: str
    date: str
    licence: str
    source_url: str
    bundled: bool = False
    description: str = ""


@dataclass(frozen=True)
class Listing:
    """One list's entry for one site: its normalised and its own label, with the list's facts."""

    list: str
    title: str
    domain: str  # the entry's host as normalised ("www." dropped)
    label: str  # a key of LABELS
    raw_label: str  # what the list itself says
    list_date: str
    licence: str
    path: str = ""  # "" = the whole site; "/blog" = only URLs under /blog
    note: str = ""  # the list's name for the outlet, its network or country, when given

    @property
    def day(self) -> date:
        """The list date as a day (the first day it can mean)."""
        return list_day(self.list_date)


@dataclass(frozen=True)
class SiteLists:
    """All loaded listings, indexed by host. Immutable; pickles by its listings."""

    lists: tuple[ListInfo, ...]
    listings: tuple[Listing, ...]
    notes: tuple[str, ...] = ()  # lists asked for but not found, rows skipped
    _index: Mapping[str, tuple[Listing, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Index the listings by host, read-only."""
        index: dict[str, list[Listing]] = {}
        for listing in self.listings:
            index.setdefault(listing.domain, []).append(listing)
        frozen = {host: tuple(found) for host, found in index.items()}
        object.__setattr__(self, "_index", MappingProxyType(frozen))

    def __reduce__(self):
        """Pickle the listings only; the index is rebuilt on load."""
        return (SiteLists, (self.lists, self.listings, self.notes))

    def __len__(self) -> int:
        """The number of listings."""
        return len(self.listings)

    def info(self, name: str) -> Optional[ListInfo]:
        """The metadata of the list called ``name``, or None."""
        return next((info for info in self.lists if info.name == name), None)

    def lookup(self, domain: str) -> tuple[Listing, ...]:
        """Every listing for a domain, host or URL (a URL also matches path-scoped entries)."""
        entry = split_entry(domain)
        if entry is None:
            return ()
        host, path = entry
        found: list[Listing] = []
        for candidate in _candidates(host):
            found.extend(listing for listing in self._index.get(candidate, ()) if _under(path, listing.path))
        return tuple(found)


@functools.lru_cache(maxsize=1)
def _extractor() -> tldextract.TLDExtract:
    """The offline extractor, private suffixes (blogspot.com, github.io) included."""
    # No suffix_list_urls and no cache: the Public Suffix List snapshot tldextract ships, offline.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


@functools.lru_cache(maxsize=65536)
def registered_domain(host: str) -> Optional[str]:
    """``example.co.uk`` for ``news.example.co.uk``; None for a bare suffix, an IP or garbage."""
    parts = _extractor()(host)
    if not parts.domain or not parts.suffix:
        return None
    return f"{parts.domain}.{parts.suffix}"


def _strip_service(host: str) -> str:
    """Drop leading "www."/"m."-style labels, but never into the registered domain."""
    registered = registered_domain(host)
    labels = host.split(".")
    while registered and len(labels) > registered.count(".") + 1 and SERVICE_LABEL.match(labels[0]):
        labels.pop(0)
    return ".".join(labels)


def split_entry(text: str) -> Optional[tuple[str, str]]:
    """``(host, path)`` of a list entry, host or URL: lower case, no scheme, port or "www.".

    Returns None when the text holds no registrable host name.
    """
    value = re.sub(r"^[a-z][a-z0-9+.-]*:/*", "", re.sub(r"\s+", "", text or "").strip("\"'").lower())
    if not value:
        return None
    try:
        parts = urlsplit("//" + value.lstrip("/"))
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return None
    if not host or not re.fullmatch(r"[^\s/:@]+", host) or registered_domain(host) is None:
        return None
    path = re.sub(r"/+", "/", parts.path).rstrip("/")
    return _strip_service(host), path


def _candidates(host: str) -> Iterator[str]:
    """The host, then each parent down to its registered domain, stopping before a platform."""
    registered = registered_domain(host) or host
    yield host
    while host != registered and "." in host:
        host = host.split(".", 1)[1]
        if host in PLATFORMS:
            return
        yield host


def _under(path: str, scope: str) -> bool:
    """Whether a URL path lies in an entry's scope ("" = the whole site)."""
    return not scope or path == scope or path.startswith(scope + "/")


def list_day(value: str) -> date:
    """The first day a list date (YYYY, YYYY-MM or YYYY-MM-DD) can mean."""
    parts = [int(part) for part in value.split("-")[:3]]
    parts += [1] * (3 - len(parts))
    return date(parts[0], parts[1], parts[2])


# --- building listings from rows ----------------------------------------------------------

class Row(NamedTuple):
    """One raw entry as a reader found it, before normalisation."""

    list: str
    entry: str
    label: str
    raw_label: str
    note: str = ""


def make_listings(rows: Iterable[Row], infos: Mapping[str, ListInfo]) -> tuple[tuple[Listing, ...], int]:
    """Normalise and merge rows: one listing per (list, host, path, label); also the skip count.

    Raw labels and notes of merged rows are joined with "; " in the order first seen.
    """
    merged: dict[tuple[str, str, str, str], tuple[list[str], list[str]]] = {}
    skipped = 0
    for row in rows:
        entry = split_entry(row.entry)
        if entry is None or row.label not in LABELS:
            skipped += 1
            continue
        raws, notes = merged.setdefault((row.list, entry[0], entry[1], row.label), ([], []))
        for bucket, value in ((raws, row.raw_label.strip()), (notes, row.note.strip())):
            if value and value not in bucket:
                bucket.append(value)
    listings = tuple(
        Listing(list=name, title=infos[name].title, domain=host, path=path, label=label,
                raw_label="; ".join(raws), list_date=infos[name].date, licence=infos[name].licence,
                note=_joined(notes))
        for (name, host, path, label), (raws, notes) in merged.items())
    return listings, skipped


def _joined(values: list[str], shown: int = MAX_NOTES) -> str:
    """The first ``shown`` values joined with "; ", then how many more there were."""
    more = len(values) - shown
    return "; ".join(values[:shown]) + (f"; and {more} more" if more > 0 else "")


# --- the bundled lists --------------------------------------------------------------------

def _read_bundled(csv_path: Path, meta_path: Path) -> tuple[tuple[ListInfo, ...], tuple[Listing, ...]]:
    """The lists shipped in the package: metadata from JSON, rows from the CSV, as written."""
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    infos = tuple(ListInfo(name=item["name"], title=item["title"], date=item["date"],
                           licence=item["licence"], source_url=item["source_url"], bundled=True,
                           description=item.get("description", ""))
                  for item in meta["lists"])
    by_name = {info.name: info for info in infos}
    with csv_path.open(newline="", encoding="utf-8") as handle:
        listings = tuple(
            Listing(list=row["list"], title=by_name[row["list"]].title, domain=row["domain"],
                    path=row["path"], label=row["label"], raw_label=row["raw_label"],
                    list_date=by_name[row["list"]].date, licence=by_name[row["list"]].licence,
                    note=row["note"])
            for row in csv.DictReader(handle))
    return infos, listings


# --- lists read from the user's directory -------------------------------------------------

HEARVOX = "https://github.com/hearvox/unreliable-news/blob/master/data/"
# fake_news_site_lists: file stem -> (title, date); only these files are read.
FAKE_NEWS_FILES: Mapping[str, tuple[str, str]] = MappingProxyType({
    "buzzfeed-2018-12": ("BuzzFeed News top fake-news sites on Facebook 2016-2018", "2018-12"),
    "factcheck-org-2018": ("FactCheck.org Misinformation Directory", "2018-11"),
    "fake-news-codex-2018-06": ("The Fake News Codex", "2018-06"),
    "fake-news-watch-2016-01": ("Fake News Watch", "2016-01"),
    "is-it-fake-news-2018-11": ("Is It Fake News?", "2018-11"),
    "junk-news-aggregator-2018-01": ("Oxford Internet Institute Junk News Aggregator", "2018-01"),
    "opensources-2017-04": ("OpenSources (copy in hearvox/unreliable-news)", "2017-04"),
    "politifact-2017-11": ("PolitiFact Fake News Almanac", "2017-11"),
    "snopes-2017-12": ("Snopes field guide to fake news sites", "2017-12"),
    "wikipedia-2018-11": ("Wikipedia: List of fake news websites", "2018-11"),
})
RELIABILITY_SOURCES: Mapping[str, str] = MappingProxyType({
    "mbfc": "Media Bias/Fact Check ratings (as collected by Burdisso et al. 2024)",
    "newsguard": "NewsGuard scores (as collected by Burdisso et al. 2024)",
    "wikipedia": "Wikipedia perennial sources (as collected by Burdisso et al. 2024)",
    "manual": "Burdisso et al. 2024 list of unreliable sources",
})
EXTERNAL_LISTS: Mapping[str, ListInfo] = MappingProxyType({
    "opensources": ListInfo(
        "opensources", "OpenSources", "2017-04-28", "LGPL-3.0",
        "https://github.com/BigMcLargeHuge/opensources"),
    **{f"fake_news_site_lists/{stem}": ListInfo(
        f"fake_news_site_lists/{stem}", title, day, "GPL-3.0 (compilation)", HEARVOX + stem + ".csv")
       for stem, (title, day) in FAKE_NEWS_FILES.items()},
    **{f"media_reliability/{source}": ListInfo(
        f"media_reliability/{source}", title, "2024-06-19",
        "Apache-2.0 compilation of third-party ratings", "https://github.com/idiap/News-Media-Reliability")
       for source, title in RELIABILITY_SOURCES.items()},
    "us_news_domains": ListInfo(
        "us_news_domains", "US news domains (Clemm von Hohenberg et al. 2021, v2.0.0)", "2023-02-17",
        "none stated", "https://github.com/ercexpo/us-news-domains"),
})

OPENSOURCES_TAGS: Mapping[str, str] = MappingProxyType({
    "fake": "fake", "fake news": "fake", "satire": "satire", "satirical": "satire",
    "bias": "unreliable", "conspiracy": "unreliable", "junksci": "unreliable", "clickbait": "unreliable",
    "hate": "unreliable", "rumor": "unreliable", "unreliable": "unreliable", "unrealiable": "unreliable",
    "political": "political", "reliable": "reliable", "state": "state", "blog": "other",
})
CATEGORY_LABELS: Mapping[str, str] = MappingProxyType({
    "fake news": "fake", "fake": "fake", "fake-hoax": "fake", "imposter site": "fake",
    "satire": "satire", "parody site": "satire", "warning": "unreliable", "misleading": "unreliable",
    "some fake stories": "unreliable", "clickbait": "unreliable", "reliable": "reliable",
    "political": "political",
})
# golden_truth_dataset.csv and wikipedia_perennial_sources.json: label -> (label, raw label).
RELIABILITY_LABELS: Mapping[str, tuple[str, str]] = MappingProxyType({
    "1": ("reliable", "reliable (1)"), "0": ("mixed", "mixed or no consensus (0)"),
    "-1": ("unreliable", "generally unreliable (-1)"), "-2": ("unreliable", "deprecated or blacklisted (-2)"),
})
MBFC_UNRELIABLE = frozenset({"low", "very low"})  # factual-reporting ratings of a poor record
MBFC_RELIABLE = frozenset({"high", "very high"})
NEWSGUARD_PASS = 60.0  # NewsGuard: a score under 60 "generally fails" its criteria


def _find(lists_dir: Path, folder: str, name: str) -> Optional[Path]:
    """``DIR/folder/name`` or ``DIR/name``, whichever exists."""
    for candidate in (lists_dir / folder / name, lists_dir / name):
        if candidate.is_file():
            return candidate
    return None


def _dict_rows(path: Path, delimiter: str = ",") -> Iterator[dict[str, str]]:
    """CSV rows as dicts; ``newline=""`` lets the reader take CR-only (old Mac) line ends too."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle, delimiter=delimiter):
            yield {(key or "").strip(): html.unescape(value or "").strip() for key, value in row.items()}


def read_opensources(path: Path, name: str = "opensources") -> Iterator[Row]:
    """OpenSources ``sources.csv``: domain (first, unnamed column), then up to three tags.

    Read by position: the header names both the first and the last column "".
    """
    with path.open(newline="", encoding="utf-8-sig") as handle:
        rows = csv.reader(handle)
        next(rows, None)
        for row in rows:
            if row:
                yield from _opensources_tags(name, row[0], row[1:4])


def _opensources_tags(name: str, entry: str, tags: Iterable[str]) -> Iterator[Row]:
    """One row per OpenSources tag ("bias", "conspiracy", ...) with its normalised label."""
    for tag in (tag.strip() for tag in tags):
        if tag:
            yield Row(name, entry, OPENSOURCES_TAGS.get(tag.lower(), "other"), tag)


def read_fake_news_file(path: Path, name: str) -> Iterator[Row]:
    """One of the hearvox/unreliable-news snapshots; each publisher's file has its own columns."""
    stem = path.stem
    rows = _dict_rows(path, "\t" if path.suffix == ".tsv" else ",")
    for row in rows:
        entry = row.get("domain", "")
        if stem.startswith("opensources"):
            yield from _opensources_tags(name, entry, (row.get(c, "") for c in ("type", "2nd type", "3rd type")))
        else:
            yield _fake_news_row(stem, name, entry, row)


def _fake_news_row(stem: str, name: str, entry: str, row: dict[str, str]) -> Row:
    """The label a publisher's list gives one site (lists without categories: what they list)."""
    category = row.get("category") or row.get("type_of_site") or row.get("type") or ""
    if category:
        return Row(name, entry, CATEGORY_LABELS.get(category.lower(), "other"), category)
    if stem.startswith("buzzfeed"):
        years = ", ".join(year for year in ("2016", "2017", "2018") if row.get(year))
        return Row(name, entry, "fake", f"top fake-news hits {years}".strip(), row.get("network", ""))
    if stem.startswith("junk-news"):
        criteria = ", ".join(row[key] for key in sorted(row) if key.startswith("criteria") and row[key])
        return Row(name, entry, "unreliable", f"junk news ({criteria})" if criteria else "junk news")
    if stem.startswith("factcheck"):
        satire = "satir" in row.get("description", "").lower()
        return Row(name, entry, "satire" if satire else "fake",
                   "carried satirical stories" if satire else "carried fake stories", row.get("name", ""))
    if stem.startswith("wikipedia"):
        return Row(name, entry, "fake", "fake news website", row.get("name", ""))
    return Row(name, entry, "fake", "fake news site or hoax purveyor")


def read_reliability(path: Path) -> Iterator[Row]:
    """``golden_truth_dataset.csv``: one label per domain from one rater (``label_source``).

    Used only when the per-rater files are absent: the merge keeps one rater's verdict and
    hides the disagreements the per-rater files show.
    """
    for row in _dict_rows(path):
        source = row.get("label_source", "")
        label = RELIABILITY_LABELS.get(row.get("reliability_label", ""))
        if label and source in RELIABILITY_SOURCES:
            yield Row(f"media_reliability/{source}", row.get("domain", ""), label[0], label[1])


def read_mbfc(path: Path) -> Iterator[Row]:
    """``mbfc/mbfc.csv``: ``unreliable`` for a low or very low factual-reporting rating,
    ``reliable`` for high factual reporting or "high credibility", else ``mixed``.

    MBFC's credibility rating alone does not make a site unreliable: it also scores the
    country's press freedom, so outlets with a mixed factual record in unfree countries get
    "low credibility" without a poor record of their own.
    """
    for row in _dict_rows(path):
        credibility, factual = row.get("mbfc_credibility_rating", ""), row.get("factual_reporting", "")
        if factual in MBFC_UNRELIABLE:
            label = "unreliable"
        elif factual in MBFC_RELIABLE or credibility == "high credibility":
            label = "reliable"
        elif factual or credibility:
            label = "mixed"
        else:
            continue
        raw = "; ".join(part for part in (credibility, f"factual reporting {factual}" if factual else "") if part)
        yield Row("media_reliability/mbfc", row.get("source", ""), label, raw, row.get("country", ""))


def read_newsguard(path: Path) -> Iterator[Row]:
    """``nela-gt/newsguard.csv``: a score of 60 or more passes NewsGuard's criteria."""
    for row in _dict_rows(path):
        try:
            score = float(row.get("reliability_score", ""))
        except ValueError:
            continue
        label = "reliable" if score >= NEWSGUARD_PASS else "unreliable"
        yield Row("media_reliability/newsguard", row.get("domain", ""), label, f"NewsGuard score {score:g}")


def read_wikipedia_perennial(path: Path) -> Iterator[Row]:
    """``wikipedia_perennial_sources.json``: ``{domain: 1 | 0 | -1 | -2}``."""
    for entry, value in json.loads(path.read_text(encoding="utf-8")).items():
        label = RELIABILITY_LABELS.get(str(value))
        if label:
            yield Row("media_reliability/wikipedia", entry, label[0], label[1])


def read_manual(path: Path) -> Iterator[Row]:
    """``unreliable_news_sources.txt``: one unreliable domain a line."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            yield Row("media_reliability/manual", line.strip(), "unreliable", "unreliable")


def read_us_news(path: Path) -> Iterator[Row]:
    """``us-news-domains``: real outlets; ``future_corrections.txt`` beside it drops entries."""
    dropped = _corrections(path.parent / "future_corrections.txt")
    for row in _dict_rows(path):
        entry = row.get("domain", "")
        if entry and entry.lower() not in dropped:
            kind = row.get("type", "")
            yield Row("us_news_domains", entry, "real", f"US news domain ({kind})" if kind else "US news domain")


def _corrections(path: Path) -> frozenset[str]:
    """Domains the maintainers' correction notes say to drop ("livejournal.com; reason")."""
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.split(";", 1)[0].strip().lower() for line in lines
                     if ";" in line and not line.lstrip().startswith("#"))


# Non-bundled files: (list family, folder in the shared data, file name, reader).
EXTERNAL_FILES: tuple[tuple[str, str, str, Callable[[Path], Iterator[Row]]], ...] = (
    ("opensources", "opensources", "sources.csv", read_opensources),
    ("media_reliability", "media_reliability", "mbfc/mbfc.csv", read_mbfc),
    ("media_reliability", "media_reliability", "nela-gt/newsguard.csv", read_newsguard),
    ("media_reliability", "media_reliability", "wikipedia_perennial_sources/wikipedia_perennial_sources.json",
     read_wikipedia_perennial),
    ("media_reliability", "media_reliability", "unreliable_news_sources.txt", read_manual),
    ("us_news_domains", "us_news_domains", "us-news-domains-v2.0.0.csv", read_us_news),
)


def _external_rows(lists_dir: Path) -> tuple[list[Iterable[Row]], list[str]]:
    """Readers for the non-bundled lists found in ``lists_dir``, and notes on those missing."""
    found: list[Iterable[Row]] = []
    present: set[str] = set()
    for family, folder, name, reader in EXTERNAL_FILES:
        path = _find(lists_dir, folder, name)
        if path:
            found.append(reader(path))
            present.add(family)
    golden = _find(lists_dir, "media_reliability", "golden_truth_dataset.csv")
    if golden and "media_reliability" not in present:
        found.append(read_reliability(golden))
        present.add("media_reliability")
    folder = lists_dir / "fake_news_site_lists"
    for path in sorted(folder.glob("*.[ct]sv")) if folder.is_dir() else ():
        if path.stem in FAKE_NEWS_FILES and not ("opensources" in present and path.stem.startswith("opensources")):
            found.append(read_fake_news_file(path, f"fake_news_site_lists/{path.stem}"))
            present.add("fake_news_site_lists")
    families = ("opensources", "fake_news_site_lists", "media_reliability", "us_news_domains")
    missing = [f"site list {family} not found in {lists_dir}" for family in families if family not in present]
    return found, missing


def load_site_lists(lists_dir: Union[str, Path, None] = None, *, bundled: bool = True) -> SiteLists:
    """The bundled lists plus, when ``lists_dir`` is given, the non-bundled lists found there.

    Raises FileNotFoundError when ``lists_dir`` is not a directory or holds none of the lists.
    """
    infos: list[ListInfo] = []
    listings: list[Listing] = []
    notes: list[str] = []
    if bundled:
        bundled_infos, bundled_listings = _read_bundled(BUNDLED_CSV, BUNDLED_META)
        infos.extend(bundled_infos)
        listings.extend(bundled_listings)
    if lists_dir is not None:
        folder = Path(lists_dir).expanduser()
        if not folder.is_dir():
            raise FileNotFoundError(f"site lists directory {folder} does not exist")
        readers, missing = _external_rows(folder)
        if not readers:
            raise FileNotFoundError(f"{folder} holds none of the site lists (opensources, fake_news_site_lists, "
                                    f"media_reliability, us_news_domains, in the layout of the project's shared data)")
        external, skipped = make_listings((row for reader in readers for row in reader), EXTERNAL_LISTS)
        used = {listing.list for listing in external}
        infos.extend(info for name, info in EXTERNAL_LISTS.items() if name in used)
        listings.extend(external)
        notes.extend(missing)
        if skipped:
            notes.append(f"{skipped} site-list rows without a usable domain were skipped")
    return SiteLists(tuple(infos), tuple(listings), tuple(notes))
