"""Anchor events (wars' starts, inaugurations, disasters) and the text helpers the
consistency checks share.

An anchor is a dated, well-known event that articles count from: "a war now in its 1,000th
day", "ten years since the annexation of Crimea". ``data/anchors.csv`` holds them with the
columns ``key, label, date, kind, aliases, context``: ``aliases`` are phrases that name the
event unambiguously ("full-scale invasion"); ``context`` are words that must occur in the
article before a generic mention ("the war", "the pandemic") may mean it. Users extend the
table with a CSV of the same columns: ``load_anchors(extra_path)``.

The helpers at the end (sentences, content words, evidence spans) are here because every
consistency check compares wording across sentences the same way.
"""

from __future__ import annotations

import bisect
import csv
import functools
import re
from dataclasses import dataclass
from datetime import date
from importlib import resources as package_files
from pathlib import Path
from typing import Iterable, Optional

from ..claims.claims import sentence_split
from ..model import Article, Evidence

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
    rows = list(_rows(bundled.splitlines()))
    if extra_path is not None:
        rows += list(_rows(Path(extra_path).read_text(encoding="utf-8").splitlines()))
    by_key = {anchor.key: anchor for anchor in rows}  # a user's row replaces a bundled one
    return AnchorTable(tuple(by_key.values()))


def _rows(lines: Iterable[str]) -> Iterable[Anchor]:
    reader = csv.DictReader(lines)
    missing = set(ANCHOR_COLUMNS) - set(reader.fieldnames or ())
    if missing:
        raise ValueError(f"anchor table lacks the columns {sorted(missing)}")
    for row in reader:
        yield Anchor(
            key=row["key"].strip(), label=row["label"].strip(), date=date.fromisoformat(row["date"].strip()),
            kind=row["kind"].strip(), aliases=_split(row["aliases"].translate(APOSTROPHES)),
            context=_split(row["context"]),
        )


def _split(cell: Optional[str]) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


# --- text helpers shared by the consistency checks -------------------------------------

STOPWORDS = frozenset(
    "a an the and or but of in on at to for from by with as is was were are be been being has have had "
    "it its this that these those there their them they he she his her him we our us you your i my me "
    "not no nor so than then now yet still also just only over more most less least about around into "
    "out up down off after before since until while when where which who whom whose what how why all "
    "any each every some such other another same own very can could will would shall should may might "
    "must do does did done says said say told per via amid among between against under within without "
    "year years month months week weeks day days today yesterday last next first one two three".split()
)
WORD = re.compile(r"[A-Za-z][A-Za-z\-]+")
# Strong breaks inside a sentence: what lies between them is one clause for matching subjects.
CLAUSE_BREAK = re.compile(r"\s?[—–;:()]\s?|\s-\s")


def stem(word: str) -> str:
    """A crude stem that makes "encircling" and "encirclement" meet: lowercase, first 6 letters."""
    word = word.lower().removesuffix("'s").removesuffix("’s")
    return word[:6] if len(word) > 6 else word.rstrip("s") if len(word) > 4 else word


def content_words(text: str, drop: Iterable[str] = ()) -> set[str]:
    dropped = {stem(word) for word in drop}
    return {stem(w) for w in WORD.findall(text) if w.lower() not in STOPWORDS and len(w) > 2} - dropped


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding text[start:end]: bounded by the sentence and by dashes, colons, semicolons."""
    sentence_start, sentence_end = sentence_around(text, start)
    left = sentence_start
    for match in CLAUSE_BREAK.finditer(text, sentence_start, start):
        left = match.end()
    right_match = CLAUSE_BREAK.search(text, end, sentence_end)
    return left, right_match.start() if right_match else sentence_end


def sentence_around(text: str, position: int) -> tuple[int, int]:
    spans, starts = sentence_split(text)
    index = bisect.bisect_right(starts, position) - 1
    if index >= 0 and spans[index][0] <= position < spans[index][1]:
        return spans[index]
    return position, position


def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """The claims stage's sentence split, cached: several checks ask about one text many times."""
    return sentence_split(text)[0]


def evidence(article: Article, start: int, end: int) -> Evidence:
    return Evidence(text=article.text[start:end], where="body", start=start, end=end)


def published_date(article: Article) -> Optional[date]:
    return iso_day(article.published)


def iso_day(text: Optional[str]) -> Optional[date]:
    """A YYYY-MM-DD string as a date; None for None or a partial date ("2025-11")."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
