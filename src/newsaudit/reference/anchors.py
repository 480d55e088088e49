"""Anchor events (wars' starts, inaugurations, disasters): the table the time checks count from.

An anchor is a dated, well-known event that articles count from: "a war now in its 1,000th
day", "ten years since the annexation of Crimea". ``data/anchors.csv`` holds them with the
columns ``key, label, date, kind, aliases, context``: ``aliases`` are phrases that name the
event unambiguously ("full-scale invasion"); ``context`` are words that must occur in the
article before a generic mention ("the war", "the pandemic") may mean it. Users extend the
table with a CSV of the same columns: ``load_anchors(extra_path)``.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from datetime import date
from importlib import resources as package_files
from pathlib import Path
from typing import Iterable, Optional

from ..errors import TableError
from .tables import read_table_lines

BUNDLED_TABLE = "newsaudit/data/anchors.csv"
ANCHOR_COLUMNS = ("key", "label", "date", "kind", "aliases", "context")
# Generic nouns a writer uses for an anchor event, mapped to the anchor kinds they can mean.
EVENT_NOUNS = {
    "war": ("war",), "invasion": ("war",), "conflict": ("war",), "fighting": ("war",),
    "pandemic": ("pandemic",), "outbreak": ("pandemic",),
    "presidency": ("office",), "administration": ("office",), "term": ("office",),
    "premiership": ("office",), "government": ("office",), "tenure": ("office",),
    "reign": ("office",), "papacy": ("office",), "pontificate": ("office",), "chancellorship": ("office",),
    "annexation": ("annexation",), "occupation": ("annexation",),
}
APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
# Words that make a phrase name an event rather than a place or a person.
EVENT_WORDS = re.compile(r"\b(?:disaster|accident|explosion|meltdown|collapse|fall|fell|came down|bankruptcy|"
                         r"attacks?|invasion|invaded|war|began|start|outbreak|crisis|tsunami|earthquake|annexation|"
                         r"referendum|vote|uprising|revolution|bombing|massacre|coup)\b", re.IGNORECASE)
DESCRIBED_WORDS = 10
WAR_WORDS = re.compile(r"\b(?:war|invasion|invaded|began|start|outbreak)\b", re.IGNORECASE)
MONTH_SHORT = re.compile(r"\b(?:Sept|Sep|Aug|Oct|Nov|Dec|Jan|Feb)\.", re.IGNORECASE)
MONTH_LONG = {"sept.": "September", "sep.": "September", "aug.": "August", "oct.": "October", "nov.": "November",
              "dec.": "December", "jan.": "January", "feb.": "February"}


@dataclass(frozen=True)
class Anchor:
    key: str
    label: str
    date: date
    kind: str
    aliases: tuple[str, ...]
    context: tuple[str, ...]

    def describe(self) -> str:
        return f"{self.label} {self.date.isoformat()}"


@dataclass(frozen=True)
class AnchorTable:
    anchors: tuple[Anchor, ...]

    @functools.cached_property
    def context_words(self) -> frozenset[str]:
        return frozenset(word for anchor in self.anchors for word in anchor.context)

    def named_in(self, text: str) -> list[Anchor]:
        """Anchors one of whose aliases occurs in ``text``."""
        plain = text.translate(APOSTROPHES).lower()
        return [a for a in self.anchors if any(_has_phrase(plain, alias.lower()) for alias in a.aliases)]

    def described_in(self, text: str) -> list[Anchor]:
        """Anchors a phrase describes in other words: one anchor's distinctive context word and an
        event word together ("the Fukushima meltdown", "the night the Berlin Wall came down",
        "the U.S. invasion of Afghanistan"), within the first ``DESCRIBED_WORDS`` words."""
        head = " ".join(text.translate(APOSTROPHES).split()[:DESCRIBED_WORDS])
        event = EVENT_WORDS.search(head)
        if not event:
            return []
        plain = MONTH_SHORT.sub(lambda m: MONTH_LONG[m.group().lower()], head).lower()
        found = [a for a in self.anchors if a.kind in ("war", "event", "annexation")
                 and any(_has_phrase(plain, word.lower()) for word in a.context if word[:1].isupper())]
        if len(found) > 1:  # "invasion of Afghanistan" is the war, "fall of Kabul" the takeover
            kind = "war" if WAR_WORDS.search(head) else "event"
            found = [a for a in found if a.kind == kind]
        return found if len(found) == 1 else []

    def for_noun(self, noun: str, article_text: str) -> list[Anchor]:
        """Anchors a generic noun ("the war") can mean, given the words the article uses."""
        kinds = EVENT_NOUNS.get(noun.lower(), ())
        present = _phrases_in(article_text, self.context_words)
        return [a for a in self.anchors if a.kind in kinds and any(w in present for w in a.context)]

    def resolve(self, noun: str, sentence: str, article_text: str) -> list[Anchor]:
        """Candidates for the event ``noun`` in ``sentence``: named ones first, else by context."""
        kinds = EVENT_NOUNS.get(noun.lower(), ())
        named = [a for a in self.named_in(sentence) if a.kind in kinds]
        return named or self.for_noun(noun, article_text)


@functools.lru_cache(maxsize=8)
def _phrases_in(text: str, phrases: frozenset[str]) -> frozenset[str]:
    """Which of ``phrases`` occur in ``text`` as whole words: one pass per article, not per question."""
    return frozenset(phrase for phrase in phrases if _has_phrase(text, phrase))


def _has_phrase(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def load_anchors(extra_path: Optional[str | Path] = None) -> AnchorTable:
    """The bundled anchor table, plus the rows of ``extra_path`` (same columns) when given."""
    bundled = package_files.files("newsaudit").joinpath("data/anchors.csv").read_text(encoding="utf-8")
    rows = list(_rows(bundled.splitlines(), BUNDLED_TABLE))
    if extra_path is not None:
        rows += list(_rows(read_table_lines(extra_path), str(extra_path)))
    by_key = {anchor.key: anchor for anchor in rows}  # a user's row replaces a bundled one
    return AnchorTable(tuple(by_key.values()))


def _rows(lines: Iterable[str], path: str) -> Iterable[Anchor]:
    reader = csv.DictReader(lines)
    missing = set(ANCHOR_COLUMNS) - set(reader.fieldnames or ())
    if missing:
        raise TableError(f"the anchor table lacks the columns {sorted(missing)}", path=path)
    for row in reader:
        try:
            when = date.fromisoformat((row["date"] or "").strip())
        except ValueError:
            raise TableError(f"{row['date']!r} is not a YYYY-MM-DD date", path=path, line=reader.line_num) from None
        yield Anchor(
            key=(row["key"] or "").strip(), label=(row["label"] or "").strip(), date=when,
            kind=(row["kind"] or "").strip(), aliases=_split((row["aliases"] or "").translate(APOSTROPHES)),
            context=_split(row["context"]),
        )


def _split(cell: Optional[str]) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())
