"""Reference series: dated figures a claim can be set beside (a war's daily loss tallies, an
epidemic's deaths, a central bank's rate).

A ``Series`` says what it measures (``metric``, ``unit``), the words a claim would use for
what it counts (``counts``: "troops", "soldiers", "casualties"; "tanks"), whose count it is
(``subject``: "Russian", "Russia's", "enemy"), who publishes it (``source`` and the
``aliases`` an article names it by: "General Staff"), its ``licence`` and ``attribution``,
its ``kind`` (``cumulative``: a running total; ``daily``: one value per day), its ``bound``
(``reported``: the figure as published; ``lower``: a documented minimum, such as Oryx's
visually confirmed losses), and its ``rows`` (date, value, and where the publisher revised
the total on that date, the signed ``revision`` and a ``note``).

Two file formats, both UTF-8:

JSON: ``{"series": [{"key": ..., "metric": ..., "unit": ..., "counts": [...],
"subject": [...], "source": ..., "aliases": [...], "licence": ..., "attribution": ...,
"kind": "cumulative", "bound": "reported", "rows": [["2025-11-06", 1147740], ...],
"revisions": [{"date": "2022-10-13", "change": -25, "note": "..."}]}]}``; a row may also be
an object ``{"date", "value", "note", "revision"}``.

CSV: one row per (series, date), columns ``key,date,value`` and optionally ``note,revision``
and the descriptive columns ``metric,unit,counts,subject,source,aliases,licence,attribution,
kind,bound``, which need filling only on a series' first row; lists are separated by ``|``.

The bundled files (``data/series/*.json``) are built by ``scripts/build_series.py`` from the
shared datasets; ``load_series(extra)`` adds a user's files, a key replacing a bundled one.
"""

from __future__ import annotations

import bisect
import csv
import functools
import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources as package_files
from typing import Any, Iterable, Iterator, Optional, Sequence

from ..errors import TableError
from .tables import read_table_lines

APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
KINDS = ("cumulative", "daily")
BOUNDS = ("reported", "lower")
CSV_REQUIRED = ("key", "date", "value")
LISTS = ("counts", "subject", "aliases")
TEXTS = ("metric", "unit", "source", "licence", "attribution", "kind", "bound")


@dataclass(frozen=True, slots=True)
class SeriesRow:
    date: date
    value: float
    revision: float = 0.0  # the publisher's signed correction of the total on this date
    note: Optional[str] = None


@dataclass(frozen=True, slots=True)
class Value:
    """One value a series gives for a claim's day or period, and the rows it is read from."""

    value: float
    rows: tuple[SeriesRow, ...]
    revised: bool = False  # read without the publisher's revision on its last row


@dataclass(frozen=True, slots=True)
class Span:
    """What a series says for a day or period: every value a claim about it may give."""

    values: tuple[Value, ...]
    first: date
    last: date


@dataclass(frozen=True, kw_only=True)
class Series:
    key: str
    metric: str
    unit: str
    counts: tuple[str, ...]
    subject: tuple[str, ...]
    source: str
    aliases: tuple[str, ...] = ()
    licence: str = ""
    attribution: str = ""
    kind: str = "cumulative"
    bound: str = "reported"
    rows: tuple[SeriesRow, ...] = ()
    _dates: tuple[date, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        rows = tuple(sorted(self.rows, key=lambda row: row.date))
        object.__setattr__(self, "rows", rows)
        object.__setattr__(self, "_dates", tuple(row.date for row in rows))

    @property
    def first(self) -> Optional[date]:
        return self._dates[0] if self._dates else None

    @property
    def last(self) -> Optional[date]:
        return self._dates[-1] if self._dates else None

    def row(self, day: date) -> Optional[SeriesRow]:
        at = bisect.bisect_left(self._dates, day)
        return self.rows[at] if at < len(self.rows) and self._dates[at] == day else None

    def around(self, day: date, reach: int) -> tuple[SeriesRow, ...]:
        """The rows within ``reach`` days of ``day``; for a sparse series with none there, the
        rows on either side of it (the total on ``day`` lies between them)."""
        low = bisect.bisect_left(self._dates, day - timedelta(days=reach))
        high = bisect.bisect_right(self._dates, day + timedelta(days=reach))
        if low < high:
            return self.rows[low:high]
        if 0 < low < len(self.rows):
            return self.rows[low - 1: low + 1]
        return ()

    def totals(self, first: date, last: date) -> Optional[Span]:
        """The total on each day from ``first`` to ``last`` (cumulative series), or None when the
        series does not reach that far; a revised total allows the figure before the revision."""
        values: list[Value] = []
        for row in self._between(first, last):
            values.append(Value(row.value, (row,)))
            if row.revision:
                values.append(Value(row.value - row.revision, (row,), revised=True))
        return Span(tuple(values), first, last) if values else None

    def increments(self, first: date, last: date) -> Optional[Span]:
        """What was added on each day from ``first`` to ``last``: the difference of consecutive
        rows of a cumulative series (and that difference without the day's revision), or the
        daily value itself."""
        values: list[Value] = []
        day = first
        while day <= last:
            row = self.row(day)
            before = self.row(day - timedelta(days=1)) if self.kind == "cumulative" else None
            if row is not None and self.kind == "daily":
                values.append(Value(row.value, (row,)))
            elif row is not None and before is not None:
                values.append(Value(row.value - before.value, (before, row)))
                if row.revision:
                    values.append(Value(row.value - before.value - row.revision, (before, row), revised=True))
            day += timedelta(days=1)
        return Span(tuple(values), first, last) if values else None

    def change(self, first: date, last: date) -> Optional[Span]:
        """What was added over the days ``first`` to ``last``: the total at the end less the
        total the day before the start (cumulative), or the sum of the days (daily)."""
        if self.kind == "daily":
            rows = self._between(first, last)
            complete = len(rows) == (last - first).days + 1
            return Span((Value(sum(r.value for r in rows), rows),), first, last) if rows and complete else None
        start, end = self.row(first - timedelta(days=1)), self.row(last)
        if start is None or end is None:
            return None
        return Span((Value(end.value - start.value, (start, end)),), first, last)

    def _between(self, first: date, last: date) -> tuple[SeriesRow, ...]:
        low = bisect.bisect_left(self._dates, first)
        high = bisect.bisect_right(self._dates, last)
        if low < high:
            return self.rows[low:high]
        if self.bound == "lower" and 0 < low < len(self.rows):
            return self.rows[low - 1: low + 1]  # a sparse series: the snapshots either side
        return ()


@dataclass(frozen=True)
class SeriesTable:
    series: tuple[Series, ...]

    def __len__(self) -> int:
        return len(self.series)

    def __iter__(self) -> Iterator[Series]:
        return iter(self.series)

    def get(self, key: str) -> Optional[Series]:
        return next((s for s in self.series if s.key == key), None)

    @functools.cached_property
    def by_phrase(self) -> dict[str, tuple[Series, ...]]:
        """Each counted phrase (normalised) and the series that count it."""
        found: dict[str, list[Series]] = {}
        for series in self.series:
            for phrase in series.counts:
                found.setdefault(normal_words(phrase), []).append(series)
        return {phrase: tuple(items) for phrase, items in found.items()}

    @functools.cached_property
    def counts_pattern(self) -> re.Pattern[str]:
        """Any series' counted phrase as whole words, longest first ("fuel tanks" before "tanks")."""
        return _phrases(self.by_phrase)

    @functools.cached_property
    def subjects_pattern(self) -> re.Pattern[str]:
        return _phrases({normal_words(word) for series in self.series for word in series.subject})


def normal_words(text: str) -> str:
    """Lower case, straight apostrophes, single spaces: how phrases are compared."""
    return " ".join(text.translate(APOSTROPHES).lower().split())


def _phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    words = sorted(phrases, key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in words) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)


BUNDLED_FILES = ("ua_general_staff.json", "oryx.json")


def load_series(extra_paths: Sequence[str] = (), *, bundled: bool = True) -> SeriesTable:
    """The bundled series plus those in ``extra_paths`` (JSON or CSV); a key replaces a bundled one."""
    found: list[Series] = []
    if bundled:
        folder = package_files.files("newsaudit").joinpath("data/series")
        for name in BUNDLED_FILES:
            found += _from_json(folder.joinpath(name).read_text(encoding="utf-8"), f"newsaudit/data/series/{name}")
    for path in extra_paths:
        lines = read_table_lines(path)
        text = "\n".join(lines)
        found += _from_json(text, str(path)) if text.lstrip().startswith(("{", "[")) else _from_csv(lines, str(path))
    by_key = {series.key: series for series in found}
    return SeriesTable(tuple(by_key.values()))


def _from_json(text: str, path: str) -> list[Series]:
    try:
        data = json.loads(text)
    except ValueError as error:
        raise TableError(f"not valid JSON: {error}", path=path) from None
    items = data.get("series") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise TableError('a series file holds {"series": [...]} or a list of series', path=path)
    return [_series(item, _json_rows(item, path), path) for item in items]


def _json_rows(item: Any, path: str) -> list[SeriesRow]:
    if not isinstance(item, dict) or not isinstance(item.get("rows"), list):
        raise TableError("each series needs a list of rows", path=path)
    rows = []
    for raw in item["rows"]:
        if isinstance(raw, dict):
            rows.append(_row(raw.get("date"), raw.get("value"), raw.get("revision"), raw.get("note"), path))
        elif isinstance(raw, list) and len(raw) >= 2:
            rows.append(_row(raw[0], raw[1], raw[2] if len(raw) > 2 else None, raw[3] if len(raw) > 3 else None, path))
        else:
            raise TableError(f"a row is [date, value] or an object, not {raw!r}", path=path)
    revisions = {}
    for revision in item.get("revisions") or ():
        if not isinstance(revision, dict):
            raise TableError(f"a revision is an object, not {revision!r}", path=path)
        revisions[_day(revision.get("date"), path)] = (_number(revision.get("change"), path), revision.get("note"))
    return [SeriesRow(r.date, r.value, *revisions[r.date]) if r.date in revisions else r for r in rows]


def _from_csv(lines: list[str], path: str) -> list[Series]:
    reader = csv.DictReader(lines)
    missing = set(CSV_REQUIRED) - set(reader.fieldnames or ())
    if missing:
        raise TableError(f"the series table lacks the columns {sorted(missing)}", path=path)
    described: dict[str, dict[str, Any]] = {}
    rows: dict[str, list[SeriesRow]] = {}
    for line in reader:
        key = (line.get("key") or "").strip()
        if not key:
            raise TableError("a row has no key", path=path, line=reader.line_num)
        about = described.setdefault(key, {"key": key})
        for name in TEXTS + LISTS:
            cell = (line.get(name) or "").strip()
            if cell and name not in about:
                about[name] = cell.split("|") if name in LISTS else cell
        try:
            rows.setdefault(key, []).append(
                _row(line["date"], line["value"], line.get("revision") or None, line.get("note") or None, None))
        except TableError as error:
            raise TableError(error.message, path=path, line=reader.line_num) from None
    return [_series(about, rows[key], path) for key, about in described.items()]


def _series(item: dict[str, Any], rows: list[SeriesRow], path: str) -> Series:
    key = str(item.get("key") or "").strip()
    if not key:
        raise TableError("a series has no key", path=path)
    kind, bound = item.get("kind") or "cumulative", item.get("bound") or "reported"
    if kind not in KINDS or bound not in BOUNDS:
        raise TableError(f"series {key!r}: kind is one of {KINDS}, bound one of {BOUNDS}", path=path)
    counts = _words(item.get("counts"))
    if not counts or not item.get("source"):
        raise TableError(f"series {key!r} needs the words it counts and a source", path=path)
    return Series(key=key, metric=str(item.get("metric") or key), unit=str(item.get("unit") or ""),
                  counts=counts, subject=_words(item.get("subject")), source=str(item["source"]),
                  aliases=_words(item.get("aliases")), licence=str(item.get("licence") or ""),
                  attribution=str(item.get("attribution") or ""), kind=kind, bound=bound, rows=tuple(rows))


def _words(value: Any) -> tuple[str, ...]:
    items: Iterable[Any] = value.split("|") if isinstance(value, str) else value or ()
    return tuple(str(word).strip() for word in items if str(word).strip())


def _row(day: Any, value: Any, revision: Any, note: Any, path: Optional[str]) -> SeriesRow:
    return SeriesRow(_day(day, path), _number(value, path), _number(revision, path) if revision is not None else 0.0,
                     str(note) if note else None)


def _day(value: Any, path: Optional[str]) -> date:
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise TableError(f"{value!r} is not a YYYY-MM-DD date", path=path) from None


def _number(value: Any, path: Optional[str]) -> float:
    try:
        number = float(str(value).replace(",", "").strip()) if not isinstance(value, (int, float)) else float(value)
    except ValueError:
        raise TableError(f"{value!r} is not a number", path=path) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise TableError(f"{value!r} is not a finite number", path=path)
    return number
