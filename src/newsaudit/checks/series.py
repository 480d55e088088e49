"""Claims set beside reference series: ``claim.series_match``, ``claim.series_mismatch`` and
``claim.series_other_source``.

A figure is read against a series (``reference/series.py``) when everything around it points to
one: what it counts (the series' ``counts`` words after the number, before it in its clause, or,
for a bare number such as "1,147,740 total", in the sentence or the one before it in the
paragraph), whose count it is (the series' ``subject`` words nearest that noun, outside the name
of the source), and which day or period it speaks of:

- a total as of a date ("by November 6", "as of Monday") or, undated, of the days before
  publication;
- a day's increment ("+1,170", "overnight", "in the past 24 hours", "yesterday"): the
  difference of consecutive rows of a cumulative series, read on the day and the day after (the
  morning report counts the day before);
- a change over a period ("353,000 in 2025 alone", "in October"): the total at its end less the
  total the day before it began;
- a daily average over a period ("averaging 1,008 daily in October").

The printed value becomes the interval it can mean (rounding and hedges, as ``numbers.py``
reads them: "1.14 million" is 1.13 to 1.15 million, "over 100" is 100 and up). Then:

- the claim names the series' source (or names none) and a row's value falls in the interval:
  ``claim.series_match`` (info), the row as evidence;
- the claim names the series' source, the series covers the day, the value is of the row's
  order of magnitude (a half to twice it: smaller is a part, such as one sector's losses) and no
  row in a wider window of days agrees: ``claim.series_mismatch`` (medium), with the row, the
  difference and the tolerance applied;
- the claim names another source (a speaker or body the series is not published by):
  ``claim.series_other_source`` (info), the series' figure beside the claim's, since two sources
  may count one quantity differently.

A publisher's revision of a total (``revision`` on a row) allows the figure before and after it,
so a revised tally is not read as a contradiction. A figure of a named place ("in Pokrovsk") is
a part of the series' total and is not compared. No series, or no publication date: no finding.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterator, Optional, Sequence

from .. import codes
from ..model import Claim, Evidence, Finding, Quantity, Ref, Report, TimeRef
from ..reference.resources import Resources
from ..reference.series import Series, SeriesTable, Span, Value, normal_words
from ..text.sentences import clause_around, sentence_around
from .common import evidence, published_date
from .numbers import interval

APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
# What makes a figure one day's increment rather than a running total.
DAILY_CUE = re.compile(r"\b(?:overnight|yesterday|last\s+night|in\s+(?:the\s+)?(?:past|last)\s+(?:day|24\s+hours)|"
                       r"over\s+(?:the\s+)?(?:past|last)\s+(?:day|24\s+hours)|in\s+(?:a|one)\s+(?:single\s+)?day|"
                       r"(?:past|last)\s+24\s+hours|per\s+day|that\s+day)\b", re.IGNORECASE)
# Words that make a figure an addition to the total: "210 new cases", "another 1,170 soldiers".
ADDED_BEFORE = re.compile(r"\b(?:another|an\s+additional|a\s+further)\s+$", re.IGNORECASE)
ADDED_AFTER = re.compile(r"\s+(?:new|more|additional|further|fresh)\b", re.IGNORECASE)
# A comma, "and" or a clause break ends the stretch of words a figure owns.
SEGMENT_BREAK = re.compile(r",\s|;\s|\s(?:and|while|whereas)\s|[—–:()]")
MAX_FIGURES = 40  # figures in one claim past which it is a table, not a sentence
LOOKBACK = 300  # characters before a bare figure where the noun it counts may stand
AFTER_CHARS = 60  # characters after the number where the noun it counts stands
MAGNITUDE = (0.5, 2.0)  # a claimed value outside this share of the series' is another quantity
TOTAL_WINDOW, TOTAL_WIDE = 1, 3  # days after (match) and around (mismatch) a dated total
UNDATED_WINDOW = 7  # days before publication an undated total may come from
MIN_PERIOD_DAYS = 28  # a period starting this long after the series' start is a change, not a total
SPECIFIC = 0.025  # an unattributed figure matches only when printed this precisely ("1.14 million")
AVERAGE_SLACK = 0.015  # an average is printed rounded: allow 1.5%


@dataclass(frozen=True)
class Reading:
    """What one figure says, as a series would count it."""

    quantity: Quantity
    claim: Claim
    counted: str  # the words that say what it counts ("casualties")
    subject: Optional[str]  # the subject word nearest them ("Russian")
    how: str  # "total" | "increment" | "change" | "average"
    day: Optional[date]  # the day a total or increment is of (None: undated)
    period: Optional[tuple[date, date]]  # the period a change or an average is over
    low: float
    high: float


@dataclass(frozen=True)
class Verdict:
    series: Series
    reading: Reading  # the figure as this series reads it
    nearest: Value  # the series' value nearest the claim's, with its rows
    agrees: bool
    wide_agrees: bool  # some value in the wider window agrees


def check_series(report: Report, resources: Resources) -> Iterator[Finding]:
    published = published_date(report.article)
    if published is None:
        return
    table: SeriesTable = resources.series
    if not len(table):
        return
    for claim in report.claims:
        if len(claim.quantities) > MAX_FIGURES:
            continue  # a table or a list read as one claim: no sentence to set beside a series
        for quantity in claim.quantities:
            reading = read_figure(report.article.text, claim, quantity, published, table)
            if reading is None:
                continue
            finding = _compare(report, reading, table, published)
            if finding is not None:
                yield finding


def _norm(text: str) -> str:
    return normal_words(text)


def read_figure(text: str, claim: Claim, quantity: Quantity, published: date,
                table: SeriesTable) -> Optional[Reading]:
    """The reading of one figure, or None when it counts nothing a series counts."""
    if quantity.kind not in ("count", "rate") or (quantity.value is None and quantity.low is None):
        return None
    if quantity.kind == "rate" and quantity.per != "day":
        return None
    segment = _segment(text, claim, quantity)
    found = _counted(text, claim, quantity, segment, table)
    if found is None:
        return None
    counted, at = found
    subject = _subject(text, claim, at, table)
    how, day, period = _when(text, claim, quantity, segment, published)
    if how is None:
        return None
    low, high = interval(text, quantity)
    return Reading(quantity, claim, counted, subject, how, day, period, low, high)


def _segment(text: str, claim: Claim, quantity: Quantity) -> tuple[int, int]:
    """The words a figure owns: its clause, cut at commas, "and" and the claim's other figures."""
    start, end = clause_around(text, quantity.char_start, quantity.char_end)
    for other in claim.quantities:
        if other.char_end <= quantity.char_start:
            start = max(start, other.char_end)
        elif other.char_start >= quantity.char_end:
            end = min(end, other.char_start)
    before = [m.end() for m in SEGMENT_BREAK.finditer(text, start, quantity.char_start)]
    after = SEGMENT_BREAK.search(text, quantity.char_end, end)
    return (before[-1] if before else start), (after.start() if after else end)


def _counted(text: str, claim: Claim, quantity: Quantity, segment: tuple[int, int],
             table: SeriesTable) -> Optional[tuple[str, tuple[int, int]]]:
    """The counted words and where they stand: after the number, before it in its segment, or
    for a bare number, the nearest before it in its sentence or the previous one."""
    number_end = _number_end(quantity)
    after = table.counts_pattern.search(text, number_end, min(segment[1], quantity.char_end + AFTER_CHARS))
    if after:
        return _norm(after[0]), after.span()
    if quantity.unit and quantity.kind == "count":
        return None  # it counts something else ("60,000 people", "30 kilometers")
    before = list(table.counts_pattern.finditer(text, segment[0], quantity.char_start))
    if before:
        return _norm(before[-1][0]), before[-1].span()
    sentence_start = sentence_around(text, quantity.char_start)[0]
    paragraph = text.rfind("\n", 0, sentence_start) + 1
    earlier = max(paragraph, sentence_start - LOOKBACK)
    previous = sentence_around(text, max(earlier, sentence_start - 2))[0] if sentence_start > earlier else sentence_start
    before = list(table.counts_pattern.finditer(text, max(previous, earlier), quantity.char_start))
    return (_norm(before[-1][0]), before[-1].span()) if before else None


def _number_end(quantity: Quantity) -> int:
    """Where the numeral of a quantity ends (its text may carry the counted noun)."""
    numeral = re.match(r"[+\-~]?[$€£]?[\d,.]+(?:\s?(?:million|billion|thousand|mn|bn|k)\b)?", quantity.text, re.I)
    return quantity.char_start + (numeral.end() if numeral else 0)


def _subject(text: str, claim: Claim, at: tuple[int, int], table: SeriesTable) -> Optional[str]:
    """The subject word nearest the counted noun in its sentence, outside the source's name."""
    start, end = sentence_around(text, at[0])
    masked = _source_spans(text, claim, start, end)
    best: Optional[tuple[int, str]] = None
    for match in table.subjects_pattern.finditer(text, start, end):
        if any(s <= match.start() < e for s, e in masked):
            continue
        distance = at[0] - match.end() if match.end() <= at[0] else 2 * (match.start() - at[1])  # before wins
        if best is None or distance < best[0]:
            best = (distance, _norm(match[0]))
    return best[1] if best else None


def _source_spans(text: str, claim: Claim, start: int, end: int) -> list[tuple[int, int]]:
    names = [name for name in (claim.source, claim.speaker.name if claim.speaker else None) if name]
    spans = []
    for name in names:
        at = text.find(name, start, end)
        while at >= 0:
            spans.append((at, at + len(name)))
            at = text.find(name, at + len(name), end)
    return spans


def _when(text: str, claim: Claim, quantity: Quantity, segment: tuple[int, int],
          published: date) -> tuple[Optional[str], Optional[date], Optional[tuple[date, date]]]:
    """How the figure counts ("total", "increment", "change", "average") and the day or period."""
    times = [t for t in claim.times if segment[0] <= t.char_start and t.char_end <= segment[1] and t.start]
    days = [t for t in times if t.kind == "date"]
    periods = [t for t in times if t.kind == "period" and t.end]
    if quantity.kind == "rate":
        return ("average", None, _period(periods[0], published)) if periods else (None, None, None)
    number_end = _number_end(quantity)
    daily = (quantity.text.startswith("+") or DAILY_CUE.search(text, segment[0], segment[1]) is not None
             or ADDED_BEFORE.search(text[max(0, quantity.char_start - 20):quantity.char_start]) is not None
             or ADDED_AFTER.match(text, number_end) is not None)
    day = _day(days[0]) if days else None
    if day is None and not periods:
        day = _day(_outside_others(claim, quantity))
    if daily:
        return "increment", day, None
    if periods and not days:
        return "change", None, _period(periods[0], published)
    return "total", day, None


def _outside_others(claim: Claim, quantity: Quantity) -> Optional[TimeRef]:
    """A date of the claim that stands beside no other figure ("..., the General Staff said on
    November 6")."""
    others = [q for q in claim.quantities if q is not quantity]
    for ref in claim.times:
        if ref.kind == "date" and ref.start and not any(abs(ref.char_start - q.char_end) < 30 for q in others):
            return ref
    return None


def _day(ref: Optional[TimeRef]) -> Optional[date]:
    return date.fromisoformat(ref.start) if ref is not None and ref.start else None


def _period(ref: TimeRef, published: date) -> tuple[date, date]:
    return date.fromisoformat(ref.start or ""), min(date.fromisoformat(ref.end or ""), published)


def _compare(report: Report, reading: Reading, table: SeriesTable, published: date) -> Optional[Finding]:
    candidates = _candidates(reading, table)
    if not candidates:
        return None
    attributed = _attribution(reading.claim, candidates)
    subjects = {_norm(word) for series in candidates for word in series.subject}
    if _part_of_place(report, reading, subjects):
        return None
    verdicts = [v for v in (_verdict(series, reading, published) for series in candidates) if v is not None]
    if not verdicts:
        return None
    own = [v for v in verdicts if attributed and _names_source(attributed, v.series)]
    if own:
        return _own_source(report, reading, own)
    if attributed:
        plausible = [v for v in verdicts if v.series.bound == "reported" and _plausible(reading, v)]
        return _other_source(report, reading, plausible[0], attributed) if plausible else None
    # unattributed: only a figure specific enough to be recognisably the series' is matched
    agreeing = [v for v in verdicts if v.agrees and _specific(reading)]
    return _match(report, reading, agreeing[0]) if agreeing else None


def _candidates(reading: Reading, table: SeriesTable) -> list[Series]:
    """The series that count what the figure counts, of the subject it names."""
    found = list(table.by_phrase.get(reading.counted, ()))
    if reading.subject is not None:
        return [s for s in found if reading.subject in {_norm(w) for w in s.subject}]
    # whose losses? Without a subject word only the series' own source says
    attributed = _attribution(reading.claim, found)
    found = [s for s in found if attributed and _names_source(attributed, s)]
    return found if len({tuple(s.subject) for s in found}) == 1 else []


def _attribution(claim: Claim, candidates: Sequence[Series] = ()) -> Optional[str]:
    """Who the claim is attributed to: its source or speaker, else a series' publisher its words
    name ("the Health Ministry had counted ...")."""
    named = claim.source or (claim.speaker.name if claim.speaker else None)
    if named or not candidates:
        return named
    plain = _norm(claim.text)
    for series in candidates:
        for alias in sorted((series.source, *series.aliases), key=len, reverse=True):
            if _has_words(plain, _norm(alias)):
                return alias
    return None


def _names_source(name: str, series: Series) -> bool:
    """The claim's source is the series' publisher: it holds one of its names, and the word before
    that name, when it is a proper name, is one of the series' own ("Ukraine's General Staff" is
    the series' publisher; "Russia's General Staff" and "Vesterland's Health Ministry" are not)."""
    plain = name.translate(APOSTROPHES)
    names = sorted((_norm(alias) for alias in (series.source, *series.aliases)), key=len, reverse=True)
    own = set(" ".join(names).split())
    for alias in names:
        words = r"\s+".join(re.escape(word) for word in alias.split())
        found = re.search(rf"(?<![\w-]){words}(?![\w-])", plain, re.IGNORECASE)
        if found:
            before = re.search(r"([A-Z][\w.'-]*)\s+$", plain[:found.start()])
            return before is None or before[1].lower() in own
    return False


def _has_words(text: str, phrase: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text) is not None


def _part_of_place(report: Report, reading: Reading, subjects: set[str]) -> bool:
    """A figure whose segment names a town or region is that place's part of the total (a place
    named like the series' own subject, "Norland" of Norland's cases, is the whole)."""
    start, end = _segment(report.article.text, reading.claim, reading.quantity)
    sentence = sentence_around(report.article.text, reading.quantity.char_start)
    near = (min(start, sentence[0]), end)
    return any(place.kind != "country" and near[0] <= place.char_start < near[1] and _norm(place.text) not in subjects
               for place in reading.claim.places)


def _verdict(series: Series, reading: Reading, published: date) -> Optional[Verdict]:
    reading = _as_series_reads(reading, series)
    narrow, wide = _windows(series, reading, published)
    if narrow is None:
        return None

    def distance(value: Value) -> float:
        v = value.value
        return 0.0 if reading.low <= v <= reading.high else min(abs(v - reading.low), abs(v - reading.high))

    agrees = _agrees(reading, narrow)
    if agrees:
        stated = reading.day or published
        nearest = min(narrow.values, key=lambda value: (distance(value), abs((value.rows[-1].date - stated).days),
                                                        value.revised))
    else:  # the row of the day the figure is given for, so the message compares like with like
        stated = reading.day or published
        nearest = min(narrow.values, key=lambda value: (abs((value.rows[-1].date - stated).days), distance(value)))
    return Verdict(series, reading, nearest, agrees, _agrees(reading, wide if wide is not None else narrow))


def _as_series_reads(reading: Reading, series: Series) -> Reading:
    """A change "since 2022" of a series that starts in 2022 is its running total at the end."""
    if reading.how != "change" or reading.period is None or series.first is None:
        return reading
    if (reading.period[0] - series.first).days >= MIN_PERIOD_DAYS:
        return reading
    return dataclasses.replace(reading, how="total", day=reading.period[1], period=None)


def _agrees(reading: Reading, span: Span) -> bool:
    slack = AVERAGE_SLACK * abs(reading.quantity.value or reading.low) if reading.how == "average" else 0.0
    return any(reading.low - slack <= value.value <= reading.high + slack for value in span.values)


def _windows(series: Series, reading: Reading, published: date) -> tuple[Optional[Span], Optional[Span]]:
    """The series' values for the figure's day or period: a narrow window (does it match?) and a
    wider one (is it wrong whichever nearby day was meant?)."""
    day = reading.day
    if reading.how == "total":
        if day is None:
            first = published - timedelta(days=UNDATED_WINDOW)
            return series.totals(first, published), series.totals(first - timedelta(days=TOTAL_WIDE), published)
        return (series.totals(day, day + timedelta(days=TOTAL_WINDOW)),
                series.totals(day - timedelta(days=TOTAL_WIDE), day + timedelta(days=TOTAL_WIDE)))
    if reading.how == "increment":
        day = day or published - timedelta(days=1)
        return (series.increments(day, day + timedelta(days=1)),
                series.increments(day - timedelta(days=1), day + timedelta(days=1)))
    first, last = reading.period or (published, published)
    ends = [last] if last < published else [published - timedelta(days=1), published]
    values = [value for end in ends for span in (series.change(first, end),) if span for value in span.values]
    if reading.how == "average":
        values = [dataclasses.replace(v, value=v.value / ((v.rows[-1].date - v.rows[0].date).days or 1))
                  for v in values]
    span = Span(tuple(values), first, ends[-1]) if values else None
    return span, span


def _specific(reading: Reading) -> bool:
    value = abs(reading.quantity.value or 0.0)
    return bool(value) and reading.high - reading.low <= SPECIFIC * value


def _plausible(reading: Reading, verdict: Verdict) -> bool:
    """Of the series' order of magnitude: a much smaller figure is a part (one sector, one unit)."""
    value = reading.quantity.value if reading.quantity.value is not None else reading.low
    if not verdict.nearest.value or not value:
        return False
    return MAGNITUDE[0] <= value / verdict.nearest.value <= MAGNITUDE[1]


def _own_source(report: Report, reading: Reading, verdicts: list[Verdict]) -> Optional[Finding]:
    agreeing = [v for v in verdicts if v.agrees]
    if agreeing:
        return _match(report, reading, agreeing[0])
    wrong = [v for v in verdicts if not v.wide_agrees and _plausible(reading, v) and v.series.bound == "reported"]
    return _mismatch(report, reading, wrong[0]) if wrong and len(wrong) == len(verdicts) else None


# --- findings -------------------------------------------------------------------------------

def _fmt(value: float) -> str:
    return f"{value:,.0f}" if abs(value - round(value)) < 1e-9 or abs(value) >= 100 else f"{value:,.1f}"


def _what(verdict: Verdict) -> str:
    """Where the series' value comes from: "the total on 2025-11-06"."""
    how, rows = verdict.reading.how, verdict.nearest.rows
    if how == "total":
        return f"the total on {rows[-1].date.isoformat()}"
    if how == "increment" and len(rows) == 2:
        return f"the increase from {rows[0].date.isoformat()} to {rows[1].date.isoformat()}"
    if how == "increment":
        return f"the figure for {rows[-1].date.isoformat()}"
    start = rows[0].date + timedelta(days=1) if len(rows) == 2 else rows[0].date  # the total before it began
    span = f"{start.isoformat()} to {rows[-1].date.isoformat()}"
    return f"the daily average from {span}" if how == "average" else f"the increase from {span}"


def _row_evidence(verdict: Verdict) -> tuple[Evidence, ...]:
    series = verdict.series
    rows = verdict.nearest.rows
    last = rows[-1]  # a revision bears on the value only on the row the value is read at
    text = "; ".join(f"{row.date.isoformat()}: {_fmt(row.value)}" for row in rows)
    if last.revision:
        text += f" ({last.note or f'revised by {last.revision:+,.0f} on this date'})"
    return (Evidence(text=f"{series.source}, {series.metric}: {text}", where="corpus"),)


def _refs(verdict: Verdict) -> tuple[Ref, ...]:
    series = verdict.series
    licence = f" ({series.licence})" if series.licence else ""
    return (Ref(source=f"series:{series.key}", detail=f"{series.attribution or series.source}{licence}"),)


def _tolerance(reading: Reading) -> str:
    if reading.high == float("inf"):
        return f"{_fmt(reading.low)} or more"
    return f"{_fmt(reading.low)} to {_fmt(reading.high)}"


def _claim_evidence(report: Report, reading: Reading) -> Evidence:
    return evidence(report.article, reading.quantity.char_start, reading.quantity.char_end)


def _match(report: Report, reading: Reading, verdict: Verdict) -> Finding:
    note = (f" (read before the publisher's revision of {verdict.nearest.rows[-1].revision:+,.0f} "
            f"on {verdict.nearest.rows[-1].date.isoformat()})" if verdict.nearest.revised else "")
    message = (f"“{reading.quantity.text}” agrees with {verdict.series.source}'s series of "
               f"{verdict.series.metric}: {_what(verdict)} is {_fmt(verdict.nearest.value)}{note}.")
    return Finding(codes.CLAIM_SERIES_MATCH, "info", message,
                   (_claim_evidence(report, reading), *_row_evidence(verdict)), _refs(verdict))


def _mismatch(report: Report, reading: Reading, verdict: Verdict) -> Finding:
    value = reading.quantity.value if reading.quantity.value is not None else reading.low
    nearest = verdict.nearest.value
    difference = value - nearest
    share = abs(difference) / nearest * 100 if nearest else 0.0
    days = f"{TOTAL_WIDE} days" if verdict.reading.how == "total" else "a day"
    message = (f"“{reading.quantity.text}” is attributed to {verdict.series.source}, whose series of "
               f"{verdict.series.metric} gives {_fmt(nearest)} ({_what(verdict)}): a difference of "
               f"{difference:+,.0f} ({share:.1f}%), beyond what the printed figure allows "
               f"({_tolerance(reading)}) on any day within {days} of the date it is given for.")
    return Finding(codes.CLAIM_SERIES_MISMATCH, "medium", message,
                   (_claim_evidence(report, reading), *_row_evidence(verdict)), _refs(verdict))


def _other_source(report: Report, reading: Reading, verdict: Verdict, attributed: str) -> Finding:
    relation = "agrees with" if verdict.agrees else "differs from"
    message = (f"“{reading.quantity.text}” comes from {attributed}, not from {verdict.series.source}, "
               f"whose series of {verdict.series.metric} gives {_fmt(verdict.nearest.value)} "
               f"({_what(verdict)}); the figure {relation} it, as two sources' counts may.")
    return Finding(codes.CLAIM_SERIES_OTHER_SOURCE, "info", message,
                   (_claim_evidence(report, reading), *_row_evidence(verdict)), _refs(verdict))


CHECKS = [check_series]
