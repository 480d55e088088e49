"""Planted-problem harness: plant one known problem per copy into real articles, see if it is caught.

Templates written for this harness (sentences of our own, with names, numbers and dates drawn
from a seeded ``random.Random``) are planted into the real PolNeAR articles of
``shared/data/polnear`` (train and dev, flattened text, audited with their real publication
date), one problem per copy, at a random paragraph boundary; masthead imitations are
prepended as the outlet line, passed as a look-alike ``url=``, or (HTML) written into the
``og:site_name`` of an ``article_extraction`` page (a masthead line goes above the headline,
whose trailing full stop, which PolNeAR adds to its titles, is dropped so the copy reads as a
flattened page: masthead, headline, body). Each copy is audited and counts as caught
when the expected finding code fires with evidence that touches the planted text (for a
masthead or domain: names the planted name). *Control* variants plant a correct statement of
the same shape; there the expected code must not fire, and the rate at which it does is a
false-alarm rate.

Run ``python -m newsaudit.eval.planted [--data DIR] [--copies N] [--seed S] [--out DIR]``; it
writes ``planted.md`` and ``planted.json`` to ``eval-results/``. Only the public API is used.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

import newsaudit

from .false_alarms import (
    DataMissing, Item, Outcome, article_extraction_items, audit_all, default_jobs, find_data_dir,
    polnear_items, print_progress, write_outputs,
)

DEFAULT_COPIES = 10  # copies per variant: about 590 audits, about 2 minutes on 2 cores
DEFAULT_SEED = 9
HOST_POOL = 150  # PolNeAR articles the copies are spread over
MIN_PARAGRAPHS = 6
MIN_WORDS = 250
TABLE_DIR = Path(newsaudit.__file__).resolve().parent / "data"

# --------------------------------------------------------------------------- word pools (ours)

FIRST = ("Maria", "James", "Aisha", "Daniel", "Elena", "Tomas", "Grace", "Samuel", "Nadia", "Peter",
         "Lucia", "Marcus", "Hannah", "Victor", "Irene", "Owen", "Ruth", "Felix", "Carmen", "Isaac",
         "Leah", "Adrian", "Joan", "Rafael", "Diane", "Martin", "Sofia", "Walter", "Nora", "Gabriel")
LAST = ("Whitfield", "Okafor", "Lindqvist", "Marchetti", "Delgado", "Brennan", "Haddad", "Kowalski",
        "Ashworth", "Nakamura", "Pereira", "Holloway", "Ferreira", "Drummond", "Castellano", "Iversen",
        "Mbeki", "Thornbury", "Vasquez", "Kellerman", "Osei", "Abernathy", "Rourke", "Sandoval",
        "Petrov", "Langley", "Moreau", "Fairbanks", "Quintero", "Hollis")
TOWNS = (("Millbrook", "Ohio"), ("Cedar Falls", "Iowa"), ("Harlan Springs", "Kentucky"),
         ("Port Ellis", "Maine"), ("Dunmore", "Pennsylvania"), ("Red Mesa", "Arizona"),
         ("Ashford", "Georgia"), ("Linden Hills", "Minnesota"), ("Clearwater Bend", "Oregon"),
         ("Brookhaven", "Mississippi"), ("Stanton", "Nebraska"), ("Greyson", "Texas"),
         ("Fairport", "New York"), ("Oak Ridge Crossing", "Tennessee"), ("Wexford", "Michigan"))
FACILITIES = ("fertilizer plant", "fireworks warehouse", "grain elevator", "chemical depot",
              "apartment building", "rail yard", "paint factory", "shopping arcade")
ROADS = ("Interstate 80", "Route 9", "Highway 61", "Interstate 35", "State Route 14", "the Hollis Parkway")
AGENCIES = ("the state Department of Transportation", "the Water Authority", "the county health department",
            "the Port Commission", "the Transit Authority", "the state Board of Elections")
COMPANIES = ("Granite Ridge Holdings", "Northfield Energy", "Bluewater Logistics", "Corvane Systems",
             "Halvorsen Foods", "Meridian Freight", "Stonebridge Mining", "Larkspur Pharmaceuticals")
DEEDS = (("hidden safety reports from inspectors", "hid safety reports from inspectors"),
         ("overbilled the county for road repairs", "overbilled the county for road repairs"),
         ("dumped waste water into the river", "dumped waste water into the river"),
         ("ignored warnings about the dam", "ignored warnings about the dam"),
         ("shredded records subpoenaed by the state", "shredded records subpoenaed by the state"))
BODIES = ("the city council", "the state Senate", "the school board", "the county commission",
          "the zoning board", "the planning committee")
MEASURES = ("the transit levy", "the redistricting plan", "the new budget", "the water-rate increase",
            "the stadium lease", "the ethics rules")
ROLES = ("a county commissioner", "a state senator", "a city council member", "the mayor", "a union leader")
SCENES = ("{who} speaks to supporters at a rally in {town}, {state}",
          "Protesters gather outside the county courthouse in {town}, {state}",
          "Voters wait in line at a polling station in {town}, {state}",
          "Firefighters work at the scene of a warehouse fire in {town}, {state}",
          "{who} greets workers at a factory gate in {town}, {state}")
SITES = ("Liberty Daily Wire", "Patriot News Hub", "The Morning Dispatch Blog", "Heartland Report Now")
# Ordinary words swapped into a masthead: none is a word papers are named with ("Compass", a
# paper's name in several countries, was one and is no longer: a masthead with it may be real).
SWAP_WORDS = ("Budgets", "Tides", "Toast", "Coast", "Minutes", "Signals", "Stories", "Echoes", "Lanterns",
              "Harbors", "Kettles", "Ledgers", "Mirrors", "Beacons")
# Words a masthead keeps that identify no one paper: edition words and nationality adjectives,
# which many real papers share ("The Daily Mail", "Daily Star", ...; "The Irish News", "Irish
# Sun", ...). A swap keeping only these ("The Daily Budgets", "The Irish Lanterns") imitates no
# outlet in particular, so the harness does not plant it as an imitation.
GENERIC_KEPT = frozenset(("The", "and", "of", "Daily", "Sunday", "Morning", "Evening", "Weekly", "National",
                          "Irish", "British", "Scottish", "Welsh", "American", "Canadian", "Australian"))
NEWSPAPER_WORDS = ("Times", "Post", "Journal", "Today", "Guardian", "Telegraph", "Independent", "Economist",
                   "Mail", "Tribune", "Globe", "Chronicle", "Herald", "Star")
FAMOUS = ("The New York Times", "The Washington Post", "The Wall Street Journal", "USA Today",
          "Los Angeles Times", "The Guardian", "Financial Times", "The Daily Telegraph", "The Independent",
          "The Economist", "Daily Mail", "Chicago Tribune", "The Boston Globe", "San Francisco Chronicle",
          "The Seattle Times", "The Denver Post", "Houston Chronicle", "Miami Herald",
          "The Sydney Morning Herald", "The Irish Times", "The Globe and Mail", "Toronto Star")
KEYBOARD = {"a": "qs", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh", "h": "gj", "i": "uo",
            "j": "hk", "k": "jl", "l": "k", "m": "n", "n": "bm", "o": "ip", "p": "o", "r": "et", "s": "ad",
            "t": "ry", "u": "yi", "v": "cb", "w": "qe", "y": "tu", "z": "x"}
DOMAIN_FILLERS = ("news", "daily", "today", "online", "live", "24", "report", "world")
HOMOGLYPHS = (("m", "rn"), ("w", "vv"), ("o", "0"), ("l", "1"), ("i", "l"))
# Well-known events the events table (anchors.csv) deliberately does not hold, with their dates:
# held out so that the ``held_out`` variant keeps measuring what the check does outside any table
# (it cannot know these, and abstains). A name that the table comes to hold is skipped at run time.
HELD_OUT_EVENTS = (("the Hyatt Regency walkway collapse", date(1981, 7, 17)),
                   ("the Buffalo Creek flood", date(1972, 2, 26)), ("the Bath School disaster", date(1927, 5, 18)),
                   ("the Texas City disaster", date(1947, 4, 16)), ("the Great Alaska earthquake", date(1964, 3, 27)),
                   ("the Sayano-Shushenskaya dam accident", date(2009, 8, 17)),
                   ("the Kyshtym disaster", date(1957, 9, 29)), ("the Halifax explosion", date(1917, 12, 6)),
                   ("the sinking of the Dona Paz", date(1987, 12, 20)), ("the Luby's shooting", date(1991, 10, 16)),
                   ("the Armero tragedy", date(1985, 11, 13)), ("the Cocoanut Grove fire", date(1942, 11, 28)),
                   ("the Iroquois Theatre fire", date(1903, 12, 30)), ("the Banqiao dam failure", date(1975, 8, 8)))
# Wordings of events that anchors.csv holds, phrased differently from its aliases (seen in real news).
WORDING_VARIANTS = {"september_11": ("the Sept. 11 attacks", "the terrorist attacks of Sept. 11"),
                    "iraq_war": ("the U.S.-led invasion of Iraq", "the American invasion of Iraq"),
                    "chernobyl": ("the Chernobyl accident", "the Chernobyl explosion"),
                    "berlin_wall": ("the collapse of the Berlin Wall", "the night the Berlin Wall came down"),
                    "lehman_collapse": ("the fall of Lehman Brothers", "Lehman Brothers' bankruptcy"),
                    "fukushima": ("the Fukushima meltdown", "the 2011 tsunami in Japan"),
                    "afghanistan_war": ("the U.S. invasion of Afghanistan", "the start of the Afghanistan war"),
                    "brexit_referendum": ("the Brexit referendum", "Britain's referendum on leaving the EU")}
# How news rewords an event's noun (ours, for the fresh-wording variant; not the check's lists).
FRESH_NOUNS = {"disaster": ("catastrophe", "tragedy", "accident"), "accident": ("disaster", "catastrophe"),
               "attack": ("attacks", "assault", "atrocity"), "attacks": ("attack", "atrocities"),
               "bombing": ("bombings", "blast", "attack"), "bombings": ("bombing", "attacks"),
               "shooting": ("massacre", "mass shooting", "shootings", "rampage"),
               "massacre": ("killings", "shooting", "slaughter"), "earthquake": ("quake", "temblor"),
               "war": ("conflict", "fighting"), "invasion": ("war", "assault"),
               "collapse": ("failure", "fall", "downfall"), "assassination": ("killing", "murder", "slaying"),
               "killing": ("murder", "assassination"), "murder": ("killing", "slaying"),
               "election": ("vote", "race"), "referendum": ("vote", "plebiscite", "ballot"),
               "fire": ("blaze", "inferno"), "crash": ("disaster", "tragedy"), "explosion": ("blast", "disaster"),
               "floods": ("flooding", "deluge"), "flood": ("flooding", "deluge"), "sinking": ("disaster", "wreck"),
               "spill": ("disaster", "leak"), "riots": ("unrest", "uprising", "riot"), "crisis": ("meltdown", "crash"),
               "revolution": ("uprising", "revolt"), "uprising": ("revolt", "rebellion"), "coup": ("putsch", "takeover"),
               "treaty": ("pact", "accord"), "agreement": ("accord", "deal", "pact"), "ruling": ("decision", "verdict"),
               "decision": ("ruling", "judgment"), "landing": ("mission", "touchdown"), "eruption": ("blast", "disaster")}
FRESH_ADJECTIVES = {"harm": ("deadly", "devastating", "infamous", "catastrophic"), "other": ("historic", "landmark",
                                                                                              "famous")}
HARMFUL_KINDS = {"war", "attack", "shooting", "disaster", "accident", "assassination", "coup"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve")


# --------------------------------------------------------------------------- data model

@dataclass(frozen=True)
class Host:
    """A real article a problem is planted into."""

    id: str
    text: str
    published: Optional[date]
    kind: str = "text"


@dataclass(frozen=True)
class Planting:
    """What a template produced: paragraphs to insert and where, or a rewrite of the whole input."""

    blocks: tuple[str, ...] = ()  # inserted in order at increasing paragraph boundaries
    where: str = "random"  # random | same (one paragraph) | end | none
    prefix: Optional[str] = None  # a first line (masthead) put before the text
    url: Optional[str] = None
    html: Optional[str] = None  # the rewritten page, for HTML hosts
    markers: tuple[str, ...] = ()  # planted names a finding's message or evidence may quote
    note: str = ""  # what was planted, in a few words, for the listing


@dataclass(frozen=True)
class Variant:
    """One shape of one problem type; ``control`` variants plant a correct statement."""

    type: str
    name: str
    expected: str
    make: Callable[["Pick", Host, "Tables"], Optional[Planting]]
    control: bool = False
    html_host: bool = False


@dataclass(frozen=True)
class Plant:
    """One planted copy, ready to audit."""

    variant: Variant
    host_id: str
    item: Item
    planted: tuple[str, ...]  # the planted lines, to locate in the audited body
    markers: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Tables:
    """The project's reference tables, read by path: outlets (name -> domain) and anchors (the events
    table; an alias is stored without its ``~``/``?`` marks, and ``gated`` lists the ``~`` ones)."""

    outlets: dict[str, str]
    anchors: tuple[dict[str, str], ...]
    anchor_aliases: tuple[str, ...] = ()


class Pick:
    """Seeded random choices of names, places, numbers and dates."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def one(self, options: Sequence[Any]) -> Any:
        return options[self.rng.randrange(len(options))]

    def person(self) -> str:
        return f"{self.one(FIRST)} {self.one(LAST)}"

    def town(self) -> tuple[str, str]:
        return self.one(TOWNS)

    def digits(self, count: int) -> str:
        return "".join(str(self.rng.randrange(10)) for _ in range(count))

    def alnum(self, count: int) -> str:
        return "".join(self.one("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(count))


# --------------------------------------------------------------------------- formatting helpers

def ordinal(n: int) -> str:
    """``1,000th``, ``3rd``, ``21st``, ``112th``."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n:,}{suffix}"


def count_words(n: int, pick: Pick) -> str:
    """A count written as digits, or (for small counts, half the time) as a word."""
    return SMALL[n] if n < len(SMALL) and pick.rng.random() < 0.5 else str(n)


def fmt_date(day: date, style: str) -> str:
    """``day`` as news prose writes it: long, ap, dmy, or the yearless ``long_noyear``/``ap_noyear``."""
    month, ap = MONTHS[day.month - 1], AP_MONTHS[day.month - 1]
    return {"long": f"{month} {day.day}, {day.year}", "ap": f"{ap} {day.day}, {day.year}",
            "dmy": f"{day.day} {month} {day.year}", "long_noyear": f"{month} {day.day}",
            "ap_noyear": f"{ap} {day.day}"}[style]


def full_years(start: date, end: date) -> int:
    """Whole years from ``start`` to ``end``."""
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def near_anniversary(start: date, when: date, days: int = 45) -> bool:
    """True when ``when`` lies within ``days`` of an anniversary of ``start`` (counts are then ambiguous)."""
    for year in (when.year - 1, when.year, when.year + 1):
        try:
            mark = start.replace(year=year)
        except ValueError:
            mark = date(year, 3, 1)
        if abs((mark - when).days) <= days:
            return True
    return False


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


# --------------------------------------------------------------------------- reference tables

def load_tables(folder: Path = TABLE_DIR) -> Tables:
    """``outlets.csv`` and ``anchors.csv`` from the installed package's data folder."""
    with (folder / "outlets.csv").open(encoding="utf-8", newline="") as handle:
        outlets = {row["name"]: row["domain"] for row in csv.DictReader(handle)}
    with (folder / "anchors.csv").open(encoding="utf-8", newline="") as handle:
        anchors = tuple(csv.DictReader(line for line in handle if not line.startswith("#")))
    for row in anchors:
        names = [a.strip() for a in row["aliases"].split("|") if a.strip()]
        row["aliases"] = "|".join(a.lstrip("~?") for a in names if not a.startswith("~"))
        row["gated"] = "|".join(a.lstrip("~?") for a in names if a.startswith("~"))
    aliases = tuple(alias.lower() for row in anchors for alias in (row["aliases"] + "|" + row["gated"]).split("|")
                    if alias)
    return Tables(outlets=outlets, anchors=anchors, anchor_aliases=aliases)


def famous(tables: Tables) -> list[tuple[str, str]]:
    """The famous mastheads of ``FAMOUS`` that outlets.csv holds, with their domains."""
    return [(name, tables.outlets[name]) for name in FAMOUS if name in tables.outlets]


def row_dates(row: dict[str, str]) -> tuple[date, date]:
    """An events-table row's start (first day its date may mean) and its end (``ended``, else the start)."""
    start = _first_day(row["date"])
    ended = (row.get("ended") or "").strip()
    return start, (_first_day(ended) if ended else start)


def _first_day(text: str) -> date:
    text = text.strip()
    return date.fromisoformat(text if len(text) == 10 else (text + "-01" if len(text) == 7 else text + "-01-01"))


def true_years(row: dict[str, str], when: date) -> tuple[int, int]:
    """The fewest and most whole years from a row's event to ``when`` (from its end, from its start)."""
    start, end = row_dates(row)
    return max(0, full_years(end, when)) if end <= when else 0, full_years(start, when)


def anchors_before(tables: Tables, when: date, min_years: int = 3, kinds: Optional[set[str]] = None
                   ) -> list[tuple[dict[str, str], date]]:
    """Anchors at least ``min_years`` before ``when``, dated to the day, not near an anniversary of
    it and with an alias a template can use."""
    found = []
    for row in tables.anchors:
        if kinds and row["kind"] not in kinds:
            continue
        if len(row["date"].strip()) != 10 or not phrase_aliases(row):
            continue  # a month- or year-precision date cannot be planted at a known count
        start, end = row_dates(row)
        if full_years(start, when) >= min_years and not near_anniversary(start, when) \
                and not near_anniversary(end, when) and end <= when:
            found.append((row, start))
    return found


OFFICE_NOUNS = re.compile(r"\b(?:administration|presidency|term|government|premiership|reign|papacy|pontificate|"
                          r"chancellorship)\b", re.IGNORECASE)
# Last words of a name that still takes "the" ("the Gulf War", "the Rome Statute").
THE_ENDINGS = frozenset("war crisis massacre statute act accord accords agreement plan charter declaration conference "
                        "revolution pact treaty protocol convention spring summit rising uprising riots crash "
                        "depression recession movement offensive landings landing genocide campaign".split())
VERBS = re.compile(r"\b(?:was|were|came|took|fell|began|ended|died|walked|refused|sank|went|became)\b", re.IGNORECASE)


def phrase_aliases(row: dict[str, str]) -> list[str]:
    """The aliases of a row a template can write after "since": noun phrases of two words or more
    (for an office, one naming the office: "the start of the Obama administration")."""
    found = [a for a in row["aliases"].split("|") if len(a.split()) >= 2 and not a.lower().startswith("the ")
             and not VERBS.search(a)]
    if row["kind"] == "office":
        found = [a for a in found if OFFICE_NOUNS.search(a)]
    return found


def event_phrase(row: dict[str, str], pick: Pick) -> str:
    """An alias of an anchor written as a noun phrase (with "the" unless possessive or a name)."""
    alias = pick.one(phrase_aliases(row) or [row["label"]])
    if row["kind"] == "office":
        return f"the start of {alias}" if ("'s" in alias or "’s" in alias) else f"the start of the {alias}"
    return with_article(alias)


def with_article(alias: str) -> str:
    """"the Chernobyl disaster", "Hurricane Katrina", "Russia's invasion of Ukraine", "the Gulf War"."""
    words = alias.split()
    if re.search(r"['’]s?$", words[0]) or alias.lower().startswith("the "):
        return alias
    is_name = all(w[:1].isupper() or w[:1].isdigit() for w in words)
    if is_name and words[-1].lower() not in FRESH_NOUNS and words[-1].lower() not in THE_ENDINGS:
        return alias  # "Hurricane Katrina", "Apollo 11", "Operation Desert Storm"
    return f"the {alias}"


def wrong_count(pick: Pick, true: int, min_off: int, low: int = 1) -> int:
    """A count at least ``min_off`` away from ``true`` (and at least ``low``)."""
    options = [n for n in range(max(low, true - 3 * min_off), true + 3 * min_off + 1) if abs(n - true) >= min_off]
    return pick.one(options)


# --------------------------------------------------------------------------- masthead imitation

def swap_word(pick: Pick, name: str) -> Optional[str]:
    """``name`` with its newspaper word swapped for an ordinary one ("The New York Budgets")."""
    words = name.split()
    spots = [i for i, w in enumerate(words) if w in NEWSPAPER_WORDS]
    if not spots or len(words) < 3:  # "The Guardian" swapped is no longer an imitation of anything
        return None
    i = pick.one(spots)
    if all(w in GENERIC_KEPT for k, w in enumerate(words) if k != i):
        return None  # what is left identifies no one paper (see GENERIC_KEPT)
    words[i] = pick.one([w for w in SWAP_WORDS if w != words[i]])
    return " ".join(words)


def misspell(pick: Pick, name: str, how: str) -> Optional[str]:
    """``name`` with one slip in one word: transpose, double, keyboard (neighbour key) or drop."""
    words = name.split()
    spots = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha() and w != "The"]
    if not spots:
        return None
    i = pick.one(spots)
    word = words[i]
    if how == "transpose":
        cuts = [k for k in range(1, len(word) - 1) if word[k] != word[k + 1]]
        k = pick.one(cuts)
        word = word[:k] + word[k + 1] + word[k] + word[k + 2:]
    elif how == "double":
        k = pick.one(range(1, len(word)))
        word = word[:k + 1] + word[k] + word[k + 1:]
    elif how == "keyboard":
        cuts = [k for k in range(1, len(word)) if word[k].lower() in KEYBOARD]
        k = pick.one(cuts)
        word = word[:k] + pick.one(KEYBOARD[word[k].lower()]) + word[k + 1:]
    else:
        k = pick.one(range(1, len(word) - 1))
        word = word[:k] + word[k + 1:]
    words[i] = word
    return " ".join(words)


def masthead_line(how: str) -> Callable[[Pick, Host, Tables], Optional[Planting]]:
    """A template prepending a fake masthead ("swap", a misspelling kind, or "real" for the control)."""
    def make(pick: Pick, host: Host, tables: Tables) -> Optional[Planting]:
        names = famous(tables)
        if how == "swap":
            names = [(n, d) for n, d in names if any(w in NEWSPAPER_WORDS for w in n.split()) and len(n.split()) >= 3]
        real, _domain = pick.one(names)
        fake = real if how == "real" else swap_word(pick, real) if how == "swap" else misspell(pick, real, how)
        if not fake or (how != "real" and fake in tables.outlets):
            return None
        return Planting(where="none", prefix=fake, markers=(fake,), note=f"{fake} (for {real})")
    return make


def lookalike_domain(pick: Pick, domain: str, how: str) -> Optional[str]:
    """A look-alike of ``domain``: brand plus filler, a throwaway suffix, or look-alike letters."""
    stem, _, tld = domain.partition(".")
    if how == "filler":
        filler = pick.one(DOMAIN_FILLERS)
        return f"{stem}{pick.one(('-', ''))}{filler}.{tld}"
    if how == "suffix":
        return pick.one((f"{domain}.co", f"{domain}.de", f"{stem}.co", f"{stem}.com.co"))
    swaps = [(a, b) for a, b in HOMOGLYPHS if a in stem]
    if not swaps:
        return None
    a, b = pick.one(swaps)
    spots = [k for k, ch in enumerate(stem) if ch == a]
    k = pick.one(spots)
    return f"{stem[:k]}{b}{stem[k + 1:]}.{tld}"


def masthead_domain(how: str) -> Callable[[Pick, Host, Tables], Optional[Planting]]:
    """A template passing a look-alike ``url=`` (or, for ``real``, the outlet's own domain)."""
    def make(pick: Pick, host: Host, tables: Tables) -> Optional[Planting]:
        real, domain = pick.one(famous(tables))
        fake = domain if how == "real" else lookalike_domain(pick, domain, how)
        if not fake or (how != "real" and fake in tables.outlets.values()):
            return None
        day = host.published or date(2016, 1, 1)
        url = f"https://www.{fake}/{day:%Y/%m/%d}/politics/story-{pick.digits(6)}.html"
        return Planting(where="none", url=url, markers=(fake,), note=f"{fake} (for {real})")
    return make


OG_SITE_NAME = re.compile(r"""<meta[^>]+property=["']og:site_name["'][^>]*>""", re.IGNORECASE)
# The host page's own address: an imitation site does not point at the real outlet's domain.
OWN_ADDRESS = re.compile(r"""<link[^>]+rel=["']?canonical[^>]*>|<meta[^>]+(?:property|name)=["']"""
                         r"""(?:og:url|twitter:url)["'][^>]*>""", re.IGNORECASE)


def og_site_name(pick: Pick, host: Host, tables: Tables) -> Optional[Planting]:
    """An HTML page whose ``og:site_name`` is a word-swapped famous masthead.

    The page's canonical and ``og:url`` addresses are removed too: left in, they give the real
    site's domain, and a page on a real outlet's domain is no imitation.
    """
    names = [(n, d) for n, d in famous(tables) if any(w in NEWSPAPER_WORDS for w in n.split()) and len(n.split()) >= 3]
    real, _ = pick.one(names)
    fake = swap_word(pick, real)
    if not fake or "<head" not in host.text.lower():
        return None
    tag = f'<meta property="og:site_name" content="{fake}">'
    html, count = OG_SITE_NAME.subn(tag, OWN_ADDRESS.sub("", host.text), count=1)
    if not count:
        html = re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + tag, html, count=1, flags=re.IGNORECASE)
    return Planting(where="none", html=html, markers=(fake,), note=f"og:site_name {fake} (for {real})")


# --------------------------------------------------------------------------- anachronism

def years_since_line(pick: Pick, years: int, phrase: str) -> str:
    """A present-tense "N years since" sentence about ``phrase``."""
    n, unit = count_words(years, pick), "year" if years == 1 else "years"
    who, town = pick.person(), pick.town()[0]
    return pick.one((
        f"It has been {n} {unit} since {phrase}, and {who} of {town} says the memory has not faded.",
        f"Now, {n} {unit} since {phrase}, {who} still keeps the newspaper from that week.",
        f"{capitalise(n)} {unit} {'has' if years == 1 else 'have'} passed since {phrase}, {who}, "
        f"a retired teacher in {town}, noted.",
    ))


def wrong_outside(pick: Pick, low: int, high: int, min_off: int) -> int:
    """A count at least ``min_off`` outside [low, high] (and at least 1)."""
    options = [n for n in range(max(1, low - 3 * min_off), high + 3 * min_off + 1)
               if n <= low - min_off or n >= high + min_off]
    return pick.one(options)


def anachronism_table(how: str) -> Callable[[Pick, Host, Tables], Optional[Planting]]:
    """Years-since or anniversary counts about an anchors.csv event: wrong, or correct (control)."""
    def make(pick: Pick, host: Host, tables: Tables) -> Optional[Planting]:
        if host.published is None:
            return None
        options = anchors_before(tables, host.published)
        if how == "anniversary":  # an anniversary counts from a day, not from a span
            options = [(row, start) for row, start in options if not row.get("ended")]
        if not options:
            return None
        row, start = pick.one(options)
        low, high = true_years(row, host.published)
        if row["kind"] == "office":  # "the start of the Obama administration"
            low = high
        phrase = event_phrase(row, pick)
        if how == "anniversary":
            true_mark = host.published.year - start.year
            n = wrong_count(pick, true_mark, 3)
            line = f"This year marks the {ordinal(n)} anniversary of {phrase}, {pick.person()} said."
            return Planting(blocks=(line,), note=f"{row['key']}: {ordinal(n)} anniversary vs {true_mark}")
        n = pick.rng.randint(low, high) if how == "correct" else wrong_outside(pick, low, high, 3)
        line = years_since_line(pick, n, phrase)
        true = f"{low}" if low == high else f"{low}-{high}"
        return Planting(blocks=(line,), note=f"{row['key']}: {n} vs {true} years")
    return make


ORDINAL_NOUNS = re.compile(r"\b(?:war|invasion|conflict)\b", re.IGNORECASE)


def anachronism_ordinal(unit: str) -> Callable[[Pick, Host, Tables], Optional[Planting]]:
    """"The <war>, now in its Nth day/year" with a wrong N, for wars in anchors.csv under way then."""
    def make(pick: Pick, host: Host, tables: Tables) -> Optional[Planting]:
        if host.published is None:
            return None
        options = [(row, start) for row, start in anchors_before(tables, host.published, min_years=1, kinds={"war"})
                   if not row.get("ended") or _first_day(row["ended"]) > host.published]
        options = [(row, start) for row, start in options if row["context"]  # a war "the war" may mean
                   and any(ORDINAL_NOUNS.search(a) and len(a.split()) >= 2 for a in row["aliases"].split("|"))]
        if not options:
            return None
        row, start = pick.one(options)
        if unit == "day":
            true = (host.published - start).days + 1
            n = round(true * pick.one((0.55, 0.65, 0.75, 1.3, 1.45, 1.6)))
        else:
            true = full_years(start, host.published) + 1
            n = wrong_count(pick, true, 2)
        aliases = [a for a in row["aliases"].split("|") if ORDINAL_NOUNS.search(a) and len(a.split()) >= 2]
        phrase = with_article(pick.one(aliases))
        line = (f"{capitalise(phrase)}, now in its {ordinal(n)} {unit}, has shaped how {pick.person()}, "
                f"{pick.one(ROLES)}, talks about foreign policy.")
        return Planting(blocks=(line,), note=f"{row['key']}: {unit} {n} vs {true}")
    return make


def anachronism_wording(pick: Pick, host: Host, tables: Tables) -> Optional[Planting]:
    """A wrong years-since count about a table event, in a wording seen in real news that the
    table's aliases do not spell out (``WORDING_VARIANTS``)."""
    if host.published is None:
        return None
    rows = {row["key"]: row for row in tables.anchors}
    options = [(key, _first_day(rows[key]["date"])) for key in WORDING_VARIANTS if key in rows]
    options = [(k, d) for k, d in options if full_years(d, host.published) >= 3
               and not near_anniversary(d, host.published)]
    if not options:
        return None
    key, start = pick.one(options)
    phrase = pick.one(WORDING_VARIANTS[key])
    low, high = true_years(rows[key], host.published)
    if re.search(r"\b(?:start|invasion)\b", phrase):  # "the U.S. invasion of Afghanistan": its first day
        low = high
    n = wrong_outside(pick, low, high, 3)
    return Planting(blocks=(years_since_line(pick, n, phrase),), note=f"{key} (variant wording {phrase!r}): {n} vs {low}-{high}")


def fresh_wordings(row: dict[str, str]) -> list[str]:
    """Ways to name a table event that none of its aliases spells: another event noun ("the
    Chernobyl catastrophe"), an adjective or the year in front ("the deadly ...", "the 1986 ..."),
    or the noun first ("the disaster in Chernobyl")."""
    aliases = [a for a in phrase_aliases(row) if "'" not in a and "’" not in a]
    known = {a.lower() for a in (row["aliases"] + "|" + row.get("gated", "")).split("|")}
    year = row["date"][:4]
    found = []
    for alias in aliases:
        words = alias.split()
        for i, word in enumerate(words):
            for other in FRESH_NOUNS.get(word.lower(), ()):
                found.append(" ".join(words[:i] + [other] + words[i + 1:]))
        for adjective in FRESH_ADJECTIVES["harm" if row["kind"] in HARMFUL_KINDS else "other"]:
            found.append(f"{adjective} {alias}")
        if not re.search(r"\b(?:19|20)\d{2}\b", alias):
            found.append(f"{year} {alias}")
        if words[-1].lower() in FRESH_NOUNS and all(w[:1].isupper() for w in words[:-1]):
            found.append(f"{words[-1].lower()} in {' '.join(words[:-1])}")
    return [f for f in dict.fromkeys(found) if f.lower() not in known]


def anachronism_fresh(pick: Pick, host: Host, tables: Tables) -> Optional[Planting]:
    """A wrong years-since count about a random table event, in a wording of ours (``fresh_wordings``)."""
    if host.published is None:
        return None
    options = [(row, start) for row, start in anchors_before(tables, host.published)
               if row["kind"] != "office" and fresh_wordings(row)]
    if not options:
        return None
    row, _start = pick.one(options)
    phrase = with_article(pick.one(fresh_wordings(row)))
    low, high = true_years(row, host.published)
    n = wrong_outside(pick, low, high, 3)
    return Planting(blocks=(years_since_line(pick, n, phrase),), note=f"{row['key']} as {phrase!r}: {n} vs {low}-{high}")


def anachronism_held_out(pick: Pick, host: Host, tables: Tables) -> Optional[Planting]:
    """A wrong years-since count about a well-known event the table deliberately does not hold
    (``HELD_OUT_EVENTS``): the check cannot know it and should abstain; its recall here is 0 by design."""
    if host.published is None:
        return None
    options = [(name, when) for name, when in HELD_OUT_EVENTS
               if not any(alias in name.lower() for alias in tables.anchor_aliases)
               and full_years(when, host.published) >= 3 and not near_anniversary(when, host.published)]
    if not options:
        return None
    name, start = pick.one(options)
    true = full_years(start, host.published)
    n = wrong_count(pick, true, 3)
    return Planting(blocks=(years_since_line(pick, n, name),), note=f"{name}: {n} vs {true}")


def dated_wording(pick: Pick, name: str, day: date, trailing_in: bool = True) -> str:
    """``name`` with the date it happened written into it, the ways news dates an event in passing:
    "the 1981 walkway collapse", "the walkway collapse in 1981", "... of July 1981", "... of July 17, 1981".
    Without ``trailing_in``: not "... in 1981", which after "the 40th anniversary of" may also say when
    the anniversary falls ("the 50th anniversary of the moon landing in 2019"), so no check can hold it."""
    bare = name[4:] if name.startswith("the ") else name
    month = MONTHS[day.month - 1]
    shapes = [f"the {day.year} {bare}", f"{name} of {month} {day.year}", f"{name} of {fmt_date(day, 'long')}"]
    return pick.one(shapes + [f"{name} in {day.year}"] if trailing_in else shapes)


def anachronism_dated(how: str) -> Callable[[Pick, Host, Tables], Optional[Planting]]:
    """A count about an event outside the table whose date the sentence itself gives ("It has been 12
    years since the 1987 sinking of the Dona Paz"): checkable from the text alone. ``how`` is
    ``years_since`` or ``anniversary`` (a wrong count), or ``correct`` (a control)."""
    def make(pick: Pick, host: Host, tables: Tables) -> Optional[Planting]:
        if host.published is None:
            return None
        options = [(name, when) for name, when in HELD_OUT_EVENTS
                   if full_years(when, host.published) >= 3 and not near_anniversary(when, host.published)]
        if not options:
            return None
        name, start = pick.one(options)
        phrase = dated_wording(pick, name, start, trailing_in=how != "anniversary")
        if how == "anniversary":
            true_mark = host.published.year - start.year
            n = wrong_count(pick, true_mark, 3)
            line = f"This year marks the {ordinal(n)} anniversary of {phrase}, {pick.person()} said."
            return Planting(blocks=(line,), note=f"{phrase}: {ordinal(n)} anniversary vs {true_mark}")
        true = full_years(start, host.published)
        n = true if how == "correct" else wrong_count(pick, true, 3)
        return Planting(blocks=(years_since_line(pick, n, phrase),), note=f"{phrase}: {n} vs {true} years")
    return make


def anachronism_narrative(pick: Pick, host: Host, tables: Tables) -> Optional[Planting]:
    """Control: "N years after <event>, X moved ..." told in the past, N below the true count."""
    if host.published is None:
        return None
    options = [(row, start) for row, start in anchors_before(tables, host.published, min_years=5)
               if row["kind"] != "office"]
    if not options:
        return None
    row, start = pick.one(options)
    n = pick.rng.randint(1, full_years(start, host.published) - 2)
    who, (town, state) = pick.person(), pick.town()
    unit = "year" if n == 1 else "years"
    line = f"{capitalise(count_words(n, pick))} {unit} after {event_phrase(row, pick)}, {who} moved to {town}, {state}."
    return Planting(blocks=(line,), note=f"{row['key']}: narrative {n} years after")


def anachronism_after_year(pick: Pick, host: Host, tables: Tables) -> Optional[Planting]:
    """Control: "A year after the mill closed, in 1976, X is still ..." -- the count runs to the year
    the sentence gives, not to the publication date."""
    if host.published is None:
        return None
    n = pick.rng.randint(1, 4)
    year = pick.rng.randint(1955, host.published.year - 10)
    who, (town, _state) = pick.person(), pick.town()
    count = "A year" if n == 1 else f"{capitalise(count_words(n, pick))} years"
    line = (f"{count} after the {pick.one(FACILITIES)} in {town} closed, in {year + n}, {who} is still "
            f"paying off the loans that kept it open.")
    return Planting(blocks=(line,), note=f"{n} years after a closing, in {year + n}")


# --------------------------------------------------------------------------- contradicting figures

def differing(pick: Pick, first: int, min_ratio: float = 0.25) -> int:
    """A second figure at least ``min_ratio`` (and 5) away from ``first``."""
    gap = max(5, int(first * min_ratio))
    return pick.one((first + gap + pick.rng.randrange(gap), max(1, first - gap - pick.rng.randrange(max(1, gap // 2)))))


def number_pair(how: str) -> Callable[[Pick, Host, Tables], Optional[Planting]]:
    """Two sentences giving one figure about the same thing; ``same``/``rounded`` are controls."""
    def make(pick: Pick, host: Host, tables: Tables) -> Optional[Planting]:
        town, state = pick.town()
        first = pick.rng.randint(12, 90) if how != "turnout" else pick.rng.randint(30, 60)
        second = {"same": first, "rounded": 10 * round(first / 10) or 10}.get(how, differing(pick, first))
        facility, road = pick.one(FACILITIES), pick.one(ROADS)
        later = "nearly" if second >= first else "about"
        pairs = {
            "deaths": (f"{first} people were killed in the blast at a {facility} in {town}, officials said.",
                       f"Officials said {second} people were killed in the blast."),
            "injured": (f"The crash on {road} injured {first} people, according to the {town} fire department.",
                        f"According to the fire department, {second} people were injured in the {road} crash."),
            "budget": (f"The {town} council approved ${first} million for the new {facility} on Tuesday.",
                       f"The ${second} million the council approved for the {facility} will come from bonds."),
            "turnout": (f"Turnout in {town} reached {first} percent, the county clerk said.",
                        f"The county clerk said turnout in {town} was {second} percent."),
            "rounded": (f"{first} people were killed in the blast at a {facility} in {town}, officials said.",
                        f"Officials said {later} {second} people were killed in the blast."),
        }
        a, b = pairs.get(how, pairs["deaths"])
        where = "same" if how == "same_paragraph" else "random"
        return Planting(blocks=(a, b), where=where, note=f"{how}: {first} then {second}")
    return make


# --------------------------------------------------------------------------- stale future

def stale_future(how: str) -> Callable[[Pick, Host, Tables], Optional[Planting]]:
    """A date before publication written as still to come (or, for controls, a truly future one)."""
    def make(pick: Pick, host: Host, tables: Tables) -> Optional[Planting]:
        if host.published is None:
            return None
        p = host.published
        past = p - timedelta(days=pick.rng.randint(14, 100))
        future = p + timedelta(days=pick.rng.randint(10, 100))
        when = {"with_year": fmt_date(past, pick.one(("long", "ap"))),
                "without_year": fmt_date(past, pick.one(("long_noyear", "ap_noyear"))),
                "weekday_date": f"{WEEKDAYS[past.weekday()]}, {fmt_date(past, pick.one(('long_noyear', 'ap_noyear')))}",
                "future_with_year": fmt_date(future, "long"),
                "future_without_year": fmt_date(future, pick.one(("long_noyear", "ap_noyear"))),
                "future_weekday": WEEKDAYS[pick.rng.randrange(7)]}[how]
        body, measure = pick.one(BODIES), pick.one(MEASURES)
        line = pick.one((
            f"{capitalise(body)} will vote on {measure} on {when}, {pick.person()} said.",
            f"A judge is scheduled to rule on the challenge to {measure} on {when}.",
            f"{capitalise(body)} is expected to announce its decision on {measure} on {when}.",
            f"{pick.person()}, {pick.one(ROLES)}, will testify before {body} on {when}.",
        ))
        return Planting(blocks=(line,), note=f"{how}: {when} (published {p})")
    return make


# --------------------------------------------------------------------------- stale picture

def caption_scene(pick: Pick) -> str:
    """A caption's first words: who or what is pictured, and where."""
    town, state = pick.town()
    return pick.one(SCENES).format(who=pick.person(), town=town, state=state)


def lower_common(scene: str) -> str:
    """A caption scene continued mid-sentence: a common noun lower-cased, a name kept."""
    first = scene.split(" ", 1)[0]
    return scene[0].lower() + scene[1:] if first in ("Protesters", "Voters", "Firefighters") else scene


def stale_picture(how: str) -> Callable[[Pick, Host, Tables], Optional[Planting]]:
    """A caption block (caption, credit, sometimes a file name) dated long before publication."""
    def make(pick: Pick, host: Host, tables: Tables) -> Optional[Planting]:
        if host.published is None:
            return None
        days = pick.rng.randint(1, 4) if how == "recent" else pick.rng.randint(200, 1500)
        old = host.published - timedelta(days=days)
        scene, photog = caption_scene(pick), pick.person()
        style = pick.one(("long", "ap"))
        blocks = {
            "credit_line": f"{scene}, on {fmt_date(old, style)}.\n{photog}/Getty Images",
            "photo_by": f"{scene}, on {fmt_date(old, style)}. (Photo by {photog}/Getty Images)",
            "bracket_credit": f"{scene}, {fmt_date(old, 'ap')}. ({photog}/AP)",
            "copyright": f"{scene}, on {fmt_date(old, style)}. © {photog}/Reuters",
            "epa": f"epa0{pick.digits(7)} {scene}, USA, {old:%d} {MONTHS[old.month - 1]} {old.year}.\n"
                   f"EPA/{photog.upper()}",
            "getty_file": f"GettyImages-{pick.rng.randint(1, 9)}{pick.digits(9)}.jpg\n"
                          f"{scene}, on {fmt_date(old, style)}.\n{photog}/Getty Images",
            "reuters_file": f"{reuters_name(pick, old)}\n{scene}.\n{photog}/Reuters",
            "archive": f"FILE - In this {fmt_date(old, 'ap')} file photo, {lower_common(scene)}. ({photog}/AP, File)",
            "recent": f"{scene}, on {fmt_date(old, style)}.\n{photog}/Getty Images",
        }
        return Planting(blocks=(blocks[how],), note=f"{how}: pictured {old} (published {host.published})")
    return make


# --------------------------------------------------------------------------- wire file names

def reuters_name(pick: Pick, day: date, spaced: bool = False) -> str:
    """A Reuters picture file name filed on ``day``."""
    slug = pick.one(("USA-ELECTION", "USA-POLITICS-CONGRESS", "USA-CAMPAIGN-RALLY", "USA-COURT"))
    hms = f"{pick.rng.randint(0, 23):02d}{pick.rng.randint(0, 59):02d}{pick.rng.randint(0, 59):02d}"
    name = (f"{day:%Y-%m-%d}T{hms}Z_{pick.rng.randint(1, 9)}{pick.digits(9)}_RC"
            f"{pick.alnum(10)}_RTRMADP_3_{slug}")
    return name.replace("_", " ").replace("-", " ") if spaced else name


def wire_file(how: str) -> Callable[[Pick, Host, Tables], Optional[Planting]]:
    """An agency file name or picture ID printed as a line above a caption and credit."""
    def make(pick: Pick, host: Host, tables: Tables) -> Optional[Planting]:
        day = (host.published or date(2016, 1, 1)) - timedelta(days=pick.rng.randint(0, 2))
        scene, photog = caption_scene(pick), pick.person()
        getty = f"GettyImages-{pick.rng.randint(1, 9)}{pick.digits(pick.one((8, 9)))}.{pick.one(('jpg', 'jpeg'))}"
        names = {
            "getty": (getty, "Getty Images"),
            "reuters": (reuters_name(pick, day), "Reuters"),
            "reuters_spaced": (reuters_name(pick, day, spaced=True), "Reuters"),
            "afp": (pick.one((f"AFP_{pick.alnum(6)}", f"000_{pick.alnum(7)}.jpg")), "AFP"),
            "ap": (f"AP{day:%y}{day.timetuple().tm_yday:03d}{pick.digits(9)}", "AP"),
        }
        if how == "epa":
            name = f"epa0{pick.digits(7)}"
            block = f"{name} {scene}.\nEPA/{photog.upper()}"
        else:
            name, agency = names[how]
            block = f"{name}\n{scene}.\n{photog}/{agency}"
        marker = name.split()[0] if how != "reuters_spaced" else name[:10]
        return Planting(blocks=(block,), markers=(marker,), note=f"{how}: {name[:40]}")
    return make


# --------------------------------------------------------------------------- boilerplate

def boilerplate(how: str) -> Callable[[Pick, Host, Tables], Optional[Planting]]:
    """Scraper or theme leftovers: a feed plugin's footer, share bars, theme strings."""
    def make(pick: Pick, host: Host, tables: Tables) -> Optional[Planting]:
        headline = host.text.strip().split("\n", 1)[0].strip().rstrip(".")
        networks = pick.rng.sample(("Facebook", "Twitter", "WhatsApp", "LinkedIn", "Reddit", "Email"), 2)
        blocks = {
            "post_appeared_first": (f"The post {headline} appeared first on {pick.one(SITES)}.", "end"),
            "exit_mobile": ("Exit mobile version", "end"),
            "share_bar": ("\n".join(f"Click to share on {n} (Opens in new window)" for n in networks), "random"),
            "like_loading": ("Like this:\nLike Loading...", "end"),
            "share_this": ("Share this:\n" + "\n".join(networks), "random"),
        }
        block, where = blocks[how]
        return Planting(blocks=(block,), where=where, note=how)
    return make


# --------------------------------------------------------------------------- disputed sources

def disputed(how: str) -> Callable[[Pick, Host, Tables], Optional[Planting]]:
    """One source asserts, another denies the same thing; controls agree, or concern other things."""
    def make(pick: Pick, host: Host, tables: Tables) -> Optional[Planting]:
        who, who2 = pick.person(), pick.person()
        company, agency = pick.one(COMPANIES), pick.one(AGENCIES)
        deed, deed_past = pick.one(DEEDS)
        town, _ = pick.town()
        pairs = {
            "denied": (f"{who}, a spokesperson for {agency}, said {company} had {deed}.",
                       f"{company} denied that it had {deed}."),
            "rejected": (f"{capitalise(agency)} says {company} {deed_past}.",
                         f"A spokeswoman for {company} rejected the claim, calling it false."),
            "dismissed": (f"{who}, {pick.one(ROLES)}, accused {company} of having {deed}.",
                          f"{company} dismissed the accusation as baseless."),
            "quote": (f"{who}, an inspector with {agency}, said {company} had {deed}.",
                      f"\u201cThat is simply not true,\u201d said {who2}, a spokesperson for {company}."),
            "agree": (f"{who} said {company} had rejected a takeover bid from {pick.one(COMPANIES)}.",
                      f"{company} confirmed that it had rejected the bid."),
            "unrelated": (f"The {town} council rejected a plan to close the public library on Tuesday.",
                          f"{company} denied a request from {who} for a meeting about its hiring plans."),
        }
        a, b = pairs["denied" if how == "same_paragraph" else how]
        return Planting(blocks=(a, b), where="same" if how == "same_paragraph" else "random", note=how)
    return make


# --------------------------------------------------------------------------- the variants

def _family(kind: str, code: str, factory: Callable[[str], Any], names: Sequence[str],
            control: bool = False) -> list[Variant]:
    """Variants of one type made by one template factory, one per shape name."""
    return [Variant(kind, f"control_{how}" if control else how, code, factory(how), control=control)
            for how in names]


def variants() -> tuple[Variant, ...]:
    """Every planted type and variant, with the finding code it should raise."""
    m, a, n, f = "outlet.impersonation", "time.anachronism", "number.inconsistent", "time.stale_future"
    s, w, b, d = "media.stale", "media.wire_filename", "page.boilerplate", "source.disputed"
    found = [Variant("masthead", f"name_{how}", m, masthead_line(how))
             for how in ("swap", "transpose", "double", "keyboard", "drop")]
    found += [Variant("masthead", f"domain_{how}", m, masthead_domain(how))
              for how in ("filler", "suffix", "homoglyph")]
    found += [Variant("masthead", "html_og_site_name", m, og_site_name, html_host=True),
              Variant("masthead", "control_real_name", m, masthead_line("real"), control=True),
              Variant("masthead", "control_real_domain", m, masthead_domain("real"), control=True)]
    found += [Variant("anachronism", "table_years_since", a, anachronism_table("years_since")),
              Variant("anachronism", "table_anniversary", a, anachronism_table("anniversary")),
              Variant("anachronism", "table_ordinal_day", a, anachronism_ordinal("day")),
              Variant("anachronism", "table_ordinal_year", a, anachronism_ordinal("year")),
              Variant("anachronism", "wording_variant", a, anachronism_wording),
              Variant("anachronism", "table_fresh_wording", a, anachronism_fresh),
              # events outside any table: a type of its own, so that what the check knows and what
              # it cannot know are reported apart (it abstains here; see HELD_OUT_EVENTS)
              Variant("anachronism_held_out", "held_out_event", a, anachronism_held_out),
              # the same events with their date in the sentence: the text alone tells the true count
              Variant("anachronism", "dated_years_since", a, anachronism_dated("years_since")),
              Variant("anachronism", "dated_anniversary", a, anachronism_dated("anniversary")),
              Variant("anachronism", "control_dated_correct", a, anachronism_dated("correct"), control=True),
              Variant("anachronism", "control_correct_count", a, anachronism_table("correct"), control=True),
              Variant("anachronism", "control_narrative_past", a, anachronism_narrative, control=True),
              Variant("anachronism", "control_after_in_year", a, anachronism_after_year, control=True)]
    found += _family("number", n, number_pair, ("deaths", "injured", "budget", "turnout", "same_paragraph"))
    found += [Variant("number", "control_same_figure", n, number_pair("same"), control=True),
              Variant("number", "control_rounded", n, number_pair("rounded"), control=True)]
    found += _family("stale_future", f, stale_future, ("with_year", "without_year", "weekday_date"))
    found += _family("stale_future", f, stale_future, ("future_with_year", "future_without_year", "future_weekday"),
                     control=True)
    found += _family("stale_picture", s, stale_picture, ("credit_line", "photo_by", "bracket_credit", "copyright",
                                                          "epa", "getty_file", "reuters_file"))
    found += _family("stale_picture", s, stale_picture, ("archive", "recent"), control=True)
    found += _family("wire_filename", w, wire_file, ("getty", "reuters", "reuters_spaced", "afp", "ap", "epa"))
    found += _family("boilerplate", b, boilerplate, ("post_appeared_first", "exit_mobile", "share_bar",
                                                      "like_loading", "share_this"))
    found += _family("disputed", d, disputed, ("denied", "rejected", "dismissed", "quote", "same_paragraph"))
    found += _family("disputed", d, disputed, ("agree", "unrelated"), control=True)
    return tuple(found)


# --------------------------------------------------------------------------- planting

def boundaries(paragraphs: Sequence[str]) -> list[int]:
    """Where a paragraph may go: after the headline and the first paragraph, up to the end."""
    return list(range(min(2, len(paragraphs)), len(paragraphs) + 1))


def insert_blocks(text: str, planting: Planting, rng: random.Random) -> str:
    """``text`` with the planting's blocks inserted as paragraphs (and its masthead line first)."""
    paragraphs = text.strip().split("\n\n")
    blocks = list(planting.blocks)
    if planting.where == "same" and blocks:
        blocks = [" ".join(blocks)]
    if planting.where == "end":
        paragraphs += blocks
    elif blocks and planting.where != "none":
        spots = sorted(rng.sample(boundaries(paragraphs), k=min(len(blocks), len(boundaries(paragraphs)))))
        for offset, (spot, block) in enumerate(zip(spots, blocks)):
            paragraphs.insert(spot + offset, block)
    if planting.prefix:  # a masthead above the headline: PolNeAR's title line loses its added full stop
        paragraphs[0] = paragraphs[0].rstrip().rstrip(".")
        paragraphs.insert(0, planting.prefix)
    return "\n\n".join(paragraphs) + "\n"


def plant_one(variant: Variant, host: Host, pick: Pick, tables: Tables, copy: int) -> Optional[Plant]:
    """One copy of ``variant`` planted into ``host``, or None when the template does not fit it."""
    planting = variant.make(pick, host, tables)
    if planting is None:
        return None
    published = host.published.isoformat() if host.published and host.kind == "text" else None
    if planting.html is not None:
        item = Item("planted", f"{variant.type}/{variant.name}/{copy}", "html", text=planting.html)
    else:
        item = Item("planted", f"{variant.type}/{variant.name}/{copy}", "text",
                    text=insert_blocks(host.text, planting, pick.rng), url=planting.url, published=published)
    lines = tuple(line.strip() for block in planting.blocks for line in block.split("\n") if line.strip())
    return Plant(variant=variant, host_id=host.id, item=item, planted=lines,
                 markers=planting.markers, note=planting.note)


def build_plants(text_hosts: Sequence[Host], html_hosts: Sequence[Host], copies: int, seed: int,
                 chosen: Optional[Sequence[Variant]] = None) -> list[Plant]:
    """``copies`` plants of every variant, each into a host drawn from the pool by the seeded rng."""
    rng = random.Random(seed)
    pick, tables = Pick(rng), load_tables()
    plants = []
    for variant in chosen or variants():
        pool = html_hosts if variant.html_host else text_hosts
        for copy in range(copies if pool else 0):
            for _attempt in range(8):  # a template may not fit a host (no anchor before its date)
                plant = plant_one(variant, pick.one(pool), pick, tables, copy)
                if plant is not None:
                    plants.append(plant)
                    break
    return plants


# --------------------------------------------------------------------------- hosts

def text_hosts(data_dir: Path, pool: int, seed: int) -> list[Host]:
    """A seeded sample of PolNeAR articles long enough to take a planted paragraph."""
    candidates = [Host(item.id, item.text or "", date.fromisoformat(item.published) if item.published else None)
                  for item in polnear_items(data_dir)]
    candidates = [h for h in candidates if h.text.count("\n\n") + 1 >= MIN_PARAGRAPHS
                  and len(h.text.split()) >= MIN_WORDS and h.published is not None]
    rng = random.Random(seed)
    return sorted(rng.sample(candidates, min(pool, len(candidates))), key=lambda h: h.id)


def html_hosts(data_dir: Path, pool: int, seed: int) -> list[Host]:
    """A seeded sample of article_extraction pages on English-looking sites (for og:site_name)."""
    candidates = []
    for item in article_extraction_items(data_dir):
        raw = item.payload()
        html = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
        if re.search(r"<html[^>]+lang=[\"']?en", html[:5000], re.IGNORECASE):
            candidates.append(Host(item.id, html, None, kind="html"))
    rng = random.Random(seed + 1)
    return rng.sample(candidates, min(pool, len(candidates)))


# --------------------------------------------------------------------------- judging

def _flat(text: str) -> str:
    return " ".join(text.replace("\u2026", " ").split()).strip(" .")


def locate(body: str, lines: Sequence[str]) -> list[tuple[int, int]]:
    """Character spans of the planted lines in the audited body (lines the body dropped are skipped)."""
    spans = []
    for line in lines:
        at = body.find(line)
        if at < 0 and len(line) > 40:
            at = body.find(line[:40])
        if at >= 0:
            spans.append((at, at + len(line)))
    return spans


def touches(finding: dict[str, Any], spans: Sequence[tuple[int, int]], plant: Plant) -> bool:
    """True when the finding's evidence overlaps, quotes or names what was planted."""
    planted = [_flat(line) for line in plant.planted]
    for ev in finding["evidence"]:
        if ev["where"] == "body" and ev["start"] is not None and ev["end"] is not None:
            if any(ev["start"] < end and start < ev["end"] for start, end in spans):
                return True
        text = _flat(ev["text"] or "")
        if text and text in planted:  # a short planted line quoted whole ("Share this:")
            return True
        if len(text) >= 12 and any(text[:40] in line or line[:40] in text for line in planted):
            return True
        if any(marker in (ev["text"] or "") for marker in plant.markers):
            return True
    return any(marker in finding["message"] for marker in plant.markers)


def landed(plant: Plant, outcome: Outcome, spans: Sequence[tuple[int, int]]) -> str:
    """Where the audit put the plant: outlet, headline, media, furniture (removed), body, or nowhere."""
    if any(m == outcome.outlet or (outcome.domain and m in outcome.domain) for m in plant.markers):
        return "outlet"
    if any(m == outcome.headline for m in plant.markers):
        return "headline"
    pictures = [_flat(str(v)) for m in outcome.media for v in m.values() if v]
    lines = [_flat(line) for line in plant.planted]
    if any(line[:40] in pic or (pic and pic in line) for line in lines for pic in pictures):
        return "media"
    removed = {_flat(text) for text in outcome.boilerplate}
    if any(line in removed for line in lines):
        return "furniture"
    return "body" if spans else "nowhere"


def judge(plant: Plant, outcome: Outcome) -> dict[str, Any]:
    """Whether the expected code fired on the planted problem, and what else touched it."""
    row = {"type": plant.variant.type, "variant": plant.variant.name, "expected": plant.variant.expected,
           "control": plant.variant.control, "host": plant.host_id, "note": plant.note,
           "refused": outcome.refusal or outcome.crash, "hit": False, "hit_medium_plus": False,
           "fired_anywhere": False, "landed": None, "touching": []}
    if row["refused"]:
        return row
    spans = locate(outcome.text, plant.planted)
    row["landed"] = landed(plant, outcome, spans)
    touching = [f for f in outcome.findings if touches(f, spans, plant)]
    row["touching"] = sorted({f"{f['code']}:{f['severity']}" for f in touching})
    expected = [f for f in touching if f["code"] == plant.variant.expected]
    row["hit"] = bool(expected)
    row["hit_medium_plus"] = any(f["severity"] in ("medium", "high") for f in expected)
    row["fired_anywhere"] = any(f["code"] == plant.variant.expected for f in outcome.findings)
    if expected:
        row["message"] = expected[0]["message"]
    return row


# --------------------------------------------------------------------------- summarising

def rate(part: int, whole: int) -> Optional[float]:
    """``part / whole`` to 3 places, None for an empty whole."""
    return round(part / whole, 3) if whole else None


def summarise(rows: Sequence[dict[str, Any]], keys: Sequence[str]) -> list[dict[str, Any]]:
    """Rows grouped by ``keys``: copies, audited, hits (recall or, for controls, alarm rate)."""
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[tuple(row[k] for k in keys)].append(row)
    table = []
    for key, members in groups.items():
        audited = [r for r in members if not r["refused"]]
        hits = sum(r["hit"] for r in audited)
        entry = dict(zip(keys, key))
        entry.update({
            "expected": members[0]["expected"], "copies": len(members), "audited": len(audited),
            "refused": len(members) - len(audited), "hits": hits, "rate": rate(hits, len(audited)),
            "hits_medium_plus": sum(r["hit_medium_plus"] for r in audited),
            "fired_anywhere": sum(r["fired_anywhere"] for r in audited),
            "landed": dict(Counter(r["landed"] for r in audited).most_common()),
            "instead": dict(Counter(c for r in audited if not r["hit"] for c in r["touching"]).most_common(4)),
        })
        table.append(entry)
    return table


def planted_report(data_dir: Path | str | None = None, copies: int = DEFAULT_COPIES, seed: int = DEFAULT_SEED,
                   jobs: int = 1, pool: int = HOST_POOL, progress: Optional[Callable[[int, int], None]] = None,
                   chosen: Optional[Sequence[Variant]] = None) -> dict[str, Any]:
    """Plant ``copies`` of every variant into real articles under ``data_dir``, audit, and score.

    Returns recall per type and per variant (``types``, ``variants``), the controls' false-alarm
    rates (``controls``) and one row per plant (``plants``). Raises ``DataMissing`` without PolNeAR.
    """
    root = find_data_dir(data_dir)
    hosts = text_hosts(root, pool, seed)
    if not hosts:
        raise DataMissing(f"no PolNeAR articles under {root / 'polnear'} to plant into")
    pages = html_hosts(root, max(4, pool // 10), seed)
    plants = build_plants(hosts, pages, copies, seed, chosen)
    started = time.perf_counter()
    outcomes = audit_all([p.item for p in plants], jobs=jobs, progress=progress)
    rows = [judge(plant, outcome) for plant, outcome in zip(plants, outcomes)]
    problems = [r for r in rows if not r["control"]]
    controls = [r for r in rows if r["control"]]
    return {
        "data_dir": str(root), "copies": copies, "seed": seed, "hosts": len(hosts), "html_hosts": len(pages),
        "plants": rows, "types": summarise(problems, ("type",)), "variants": summarise(problems, ("type", "variant")),
        "controls": summarise(controls, ("type", "variant")),
        "overall": {"plants": len(problems), "hits": sum(r["hit"] for r in problems if not r["refused"]),
                    "recall": rate(sum(r["hit"] for r in problems if not r["refused"]),
                                   sum(1 for r in problems if not r["refused"]))},
        "wall_seconds": round(time.perf_counter() - started, 1), "newsaudit_version": newsaudit.__version__,
    }


# --------------------------------------------------------------------------- rendering

def _fmt(value: Optional[float]) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _table(rows: Sequence[dict[str, Any]], control: bool, with_variant: bool) -> list[str]:
    """One Markdown table: recall (or, for controls, the false-alarm rate) per group."""
    keys = ["type"] + (["variant"] if with_variant else [])
    numbers = ["audited", "alarms" if control else "caught", "false-alarm rate" if control else "recall",
               "medium+", "code fired anywhere"]
    texts = ["plant landed in"] + ([] if control else ["what touched the missed plants instead"])
    lines = ["| " + " | ".join(keys + ["expected"] + numbers + texts) + " |",
             "|" + "---|" * (len(keys) + 1) + "---:|" * len(numbers) + "---|" * len(texts)]
    for row in rows:
        cells = [row[k] for k in keys] + [f"`{row['expected']}`", str(row["audited"]), str(row["hits"]),
                                          _fmt(row["rate"]), str(row["hits_medium_plus"]), str(row["fired_anywhere"]),
                                          ", ".join(f"{k} {n}" for k, n in row["landed"].items())]
        if not control:
            cells.append(", ".join(f"{c} {n}" for c, n in row["instead"].items()))
        lines.append("| " + " | ".join(cells) + " |")
    return lines + [""]


def _examples(rows: Sequence[dict[str, Any]], per_variant: int = 2) -> list[str]:
    """A few missed plants per variant (what was planted, in our own words; never host text)."""
    seen: Counter[tuple[str, str]] = Counter()
    lines = []
    for row in rows:
        key = (row["type"], row["variant"])
        if row["control"] or row["hit"] or row["refused"] or seen[key] >= per_variant:
            continue
        seen[key] += 1
        lines.append(f"- {row['type']}/{row['variant']}: {row['note']}")
    return (["## Examples of misses", ""] + lines + [""]) if lines else []


def render_markdown(result: dict[str, Any]) -> str:
    """Recall per type and per variant, the controls, and examples of misses, as Markdown."""
    overall = result["overall"]
    lines = ["# Planted problems in real articles", "",
             f"Data: `{result['data_dir']}`; {result['copies']} copies per variant, seed {result['seed']}, "
             f"{result['hosts']} PolNeAR host articles ({result['html_hosts']} HTML pages for og:site_name); "
             f"newsaudit {result['newsaudit_version']}; {result['wall_seconds']} s wall.", "",
             "A plant is caught when the expected code fires with evidence touching the planted text "
             "(any severity; `medium+` counts those at medium or high). A control plants a correct "
             "statement of the same shape: there, firing is a false alarm.", "",
             f"Overall recall: **{_fmt(overall['recall'])}** ({overall['hits']} of {overall['plants']} plants).", "",
             "## Recall per type", ""]
    lines += _table(result["types"], control=False, with_variant=False)
    if any(row["type"] == "anachronism_held_out" for row in result["types"]):
        lines += ["`anachronism_held_out` plants well-known events that `data/anchors.csv` deliberately does "
                  "not hold (`HELD_OUT_EVENTS`): the check knows only the table's events and abstains on any "
                  "other, so its recall there is 0 by design. It is reported apart from `anachronism` so that "
                  "what the check cannot know is never counted as what it misses.", ""]
    lines += ["## Recall per variant", ""] + _table(result["variants"], control=False, with_variant=True)
    lines += ["## Controls (correct statements: the code should stay silent)", ""]
    lines += _table(result["controls"], control=True, with_variant=True)
    lines += _examples(result["plants"])
    return "\n".join(lines).rstrip() + "\n"


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Command line: plant, audit, write Markdown and JSON, print recall per type."""
    parser = argparse.ArgumentParser(prog="python -m newsaudit.eval.planted", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="data directory (default ../shared/data)")
    parser.add_argument("--copies", type=int, default=DEFAULT_COPIES, help="copies per variant")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="seed of every random choice")
    parser.add_argument("--out", type=Path, default=Path("eval-results"), help="output directory")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="worker processes")
    args = parser.parse_args(argv)
    try:
        result = planted_report(args.data, copies=args.copies, seed=args.seed, jobs=args.jobs, progress=print_progress)
    except DataMissing as error:
        print(f"newsaudit.eval.planted: {error}", file=sys.stderr)
        return 2
    md_path, json_path = write_outputs(result, args.out, "planted", render_markdown(result))
    for row in result["types"]:
        print(f"{row['type']:<14} recall {_fmt(row['rate'])} ({row['hits']}/{row['audited']})")
    print(f"overall recall {_fmt(result['overall']['recall'])}; wrote {md_path} and {json_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
