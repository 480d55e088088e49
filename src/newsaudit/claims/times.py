"""Dates, periods, durations and day ordinals, resolved against the publication date.

Resolution follows how a reporter writes:

- a year-less date ("November 4") is the most recent occurrence on or before publication;
  when the words around it speak of the future ("a November 21 deadline", "will meet on
  March 3", "next", "scheduled") it is the next one; after "by" or "until", which serve
  both ("1,000 dead by November 6", "talks until March 2"), it is whichever is nearer;
- a weekday ("on Monday") is the last such day on or before publication ("last Monday"
  and "since Monday" never the publication day itself);
- "since X" is a period from X to the publication date ("since 2022", "since January",
  "since Monday");
- seasons and months ("last summer", "in January") are the most recent past one unless
  written as ahead; "early/mid/late 2024" are Jan-Apr, May-Aug, Sep-Dec;
- durations ("21 months", "over two years", "30-40 days") carry their length in ``days``
  (a range its midpoint); "for/past/last 21 months" also runs back from publication;
  "two years ago" is a date;
- "the 1,000th day" and "day 1,000" are ordinals with ``days`` = 1000.

Without a publication date only what carries its own year resolves; the rest keep
``start``/``end`` None. Everything is compiled regexes, not dateparser: a date parser
per candidate costs milliseconds, and these shapes cover what news prose writes.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Iterator, Optional

from ..model import TimeRef
from ..text.dates import FUTURE_AFTER, FUTURE_CUE, MONTH_ABBREVIATED, MONTH_FULL, UNIT_DAYS, day_mentions, month_number
from .quantities import WORD_NUMBER, SpanSet, parse_number, word_number

__all__ = ["find_times"]

WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
# Thirds of a year and of a month, for "early 2024", "mid-November", "late October".
YEAR_PARTS = {"early": ((1, 1), (4, 30)), "mid": ((5, 1), (8, 31)), "late": ((9, 1), (12, 31))}
MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "end": (21, 31)}

_MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBREVIATED})"
_YEAR = r"(?:19|20)\d{2}"
# Each shape is found by its core words; the cue before it ("since", "early", "for the past")
# is read from the few characters before, which is much cheaper than an optional group that
# the regex engine would try at every position of a long text.
WEEKDAY = re.compile(r"\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
WEEKDAY_CUE = re.compile(r"(?<![\w-])(?P<cue>(?i:since|on|last|this|by|until|next|from))\s\Z")
RELATIVE_DAY = re.compile(r"\b(?P<word>yesterday|today|tonight|tomorrow|overnight|last\snight)\b", re.IGNORECASE)
RELATIVE_PERIOD = re.compile(r"\b(?P<cue>last|this|next|past)\s(?P<unit>week|month|year)\b", re.IGNORECASE)
SEASON = re.compile(rf"\b(?P<season>(?i:spring|summer|autumn|fall|winter))\b(?:\s(?:of\s)?(?P<year>{_YEAR})\b)?")
SEASON_CUE = re.compile(r"(?<![\w-])(?P<cue>(?i:last|this|next|early|late|since|in))\s\Z")
MONTH = re.compile(rf"\b(?P<month>{_MONTH})(?:\s(?P<year>{_YEAR})\b|['’]s\b|\b)(?!\s\d|\.?\s?\d)")
YEAR_PERIOD = re.compile(rf"(?<![\w.,$€£])(?P<year>{_YEAR})(?P<poss>['’]s)?\b"
                         rf"(?![,.]?\d|\s?(?:%|percent|people|troops|km))")
PERIOD_CUE = re.compile(r"(?<![\w-])(?P<cue>(?i:since|in|from|until|through|by|during|last|this|next|early|mid|late|"
                        r"the\send\sof|end\sof|of|for))(?:\s|(?<=mid)-)\Z")
DURATION_UNIT = re.compile(r"\b(?P<unit>(?i:days?|nights?|weeks?|months?|years?|decades?))\b"
                           r"(?P<ago>\s(?i:ago|earlier))?(?!\sold\b|-old)")
# What stands before a duration unit: "for the past 21 grueling", "30-40", "over two".
DURATION_HEAD = re.compile(
    rf"(?<![\w,.-])(?:(?P<cue>(?i:(?:for|over|in)\sthe\s(?:past|last)|the\s(?:past|last)|over|more\sthan|nearly|"
    rf"almost|about|around|for|under|some|at\sleast))\s)?"
    rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?i:{WORD_NUMBER}))(?:[–-](?P<hi>\d+))?"
    rf"(?:\s(?P<adjective>[a-z]+))?\s\Z")
ORDINAL_DAY = re.compile(r"\b(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:st|nd|rd|th)\s(?P<unit>day|week|month|year)\b"
                         r"|\b[Dd]ay\s(?P<day>\d{1,3}(?:,\d{3})+|\d+)\b(?!\s?(?:%|:))")
# "by"/"until" serve the past ("1,000 dead by November 6") and the future ("until March 2").
EITHER_WAY = re.compile(r"\b(?:by|until|till|through)\s$", re.IGNORECASE)
LOOKBACK = 24  # characters before a shape that may hold its cue
SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")


def find_times(text: str, published: Optional[date], start: int = 0, end: Optional[int] = None) -> list[TimeRef]:
    """Every date, period, duration and ordinal in ``text[start:end]``; offsets index ``text``."""
    end = len(text) if end is None else end
    segment = text[start:end]
    found: list[TimeRef] = []
    taken = SpanSet()
    for ref in _scan(segment, published):
        if taken.overlaps(ref.char_start, ref.char_end):
            continue  # a less specific reading of words already read
        taken.add(ref.char_start, ref.char_end)
        found.append(replace(ref, char_start=ref.char_start + start, char_end=ref.char_end + start))
    return sorted(found, key=lambda ref: ref.char_start)


def _scan(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    """Most specific first, so a day date is not also read as a month or a year."""
    yield from _day_dates(text, published)
    yield from _ordinals(text)
    yield from _durations(text, published)
    yield from _weekdays(text, published)
    yield from _relative_days(text, published)
    yield from _relative_periods(text, published)
    yield from _seasons(text, published)
    yield from _months(text, published)
    yield from _years(text, published)


def _ref(text: str, start: int, stop: int, first: Optional[date], last: Optional[date], kind: str,
         days: Optional[float] = None) -> TimeRef:
    return TimeRef(text[start:stop], _iso(first), _iso(last), start, stop, kind, days)


@dataclass(frozen=True)
class _Hit:
    """A shape's core words, widened to the cue before them when there is one."""

    start: int
    end: int
    cue: str
    core: re.Match[str]


def _hits(text: str, core: re.Pattern[str], cue: re.Pattern[str]) -> Iterator[_Hit]:
    for match in core.finditer(text):
        window_start = max(0, match.start() - LOOKBACK)
        found = cue.search(text, window_start, match.start())  # the lookbehind still sees the text before
        words = " ".join(found["cue"].lower().split()) if found else ""
        yield _Hit(found.start() if found else match.start(), match.end(), words, match)


def _iso(day: Optional[date]) -> Optional[str]:
    return day.isoformat() if day else None


def _ahead(text: str, start: int, stop: int) -> bool:
    """Written as still to come: a future cue earlier in the sentence or a "deadline" after."""
    before = text[max(0, start - 40): start]
    before = SENTENCE_BREAK.split(before)[-1]
    return bool(FUTURE_CUE.search(before) or FUTURE_AFTER.match(text[stop: stop + 20]))


def _either_way(text: str, start: int) -> bool:
    return bool(EITHER_WAY.search(text[max(0, start - 8): start]))


def _part(cue: str, parts: dict):
    """The part of a month or year a cue names ("early", "mid", "the end of"), or None."""
    return next((parts[word] for word in cue.split() if word in parts), None)


def _day_dates(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    for mention in day_mentions(text):
        if mention.year:
            day = mention.resolved(mention.year)
        elif published:
            ahead = mention.ahead or _ahead(text, mention.start, mention.end)
            day = _occurrence(published, mention.month, mention.day, ahead, _either_way(text, mention.start))
        else:
            day = None
        yield TimeRef(text[mention.start: mention.end], _iso(day), _iso(day), mention.start, mention.end, "date")


def _occurrence(published: date, month: int, day: int, ahead: bool, nearest: bool) -> Optional[date]:
    """The last occurrence on or before publication, the next one when ahead, or the nearer one."""
    past = _on_or_before(published, month, day)
    future = _on_or_after(published, month, day)
    if nearest and past and future:
        return past if published - past <= future - published else future
    return (future if ahead else past) or past or future


def _on_or_before(published: date, month: int, day: int) -> Optional[date]:
    for year in (published.year, published.year - 1, published.year - 4):
        candidate = _safe_date(year, month, day)
        if candidate and candidate <= published:
            return candidate
    return None


def _on_or_after(published: date, month: int, day: int) -> Optional[date]:
    for year in (published.year, published.year + 1, published.year + 4):
        candidate = _safe_date(year, month, day)
        if candidate and candidate >= published:
            return candidate
    return None


def _days_before(day: date, days: float) -> Optional[date]:
    """``day`` minus ``days``, or None past the calendar's ends ("for 40 million years")."""
    try:
        return day - timedelta(days=round(days))
    except OverflowError:
        return None


def _safe_date(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day)
    except ValueError:  # February 29 outside a leap year, "April 31"
        return None


def _ordinals(text: str) -> Iterator[TimeRef]:
    for match in ORDINAL_DAY.finditer(text):
        count = parse_number(match["num"] or match["day"])
        unit = match["unit"] or "day"
        yield _ref(text, match.start(), match.end(), None, None, "ordinal", count * UNIT_DAYS[unit])


def _durations(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    for unit in DURATION_UNIT.finditer(text):
        head = DURATION_HEAD.search(text, max(0, unit.start() - 48), unit.start())
        if not head or head["adjective"] in ("of", "and", "or", "to", "in", "the", "a", "per"):
            continue
        number = head["num"]
        count = parse_number(number) if number[0].isdigit() else word_number(number)
        if not count:
            continue
        if head["hi"]:
            count = (count + parse_number(head["hi"])) / 2
        days = count * UNIT_DAYS[unit["unit"].lower().rstrip("s")]
        if unit["ago"]:
            day = _days_before(published, days) if published else None
            yield _ref(text, head.start("num"), unit.end(), day, day, "date")
            continue
        cue = " ".join((head["cue"] or "").lower().split())
        back = cue == "for" or cue.endswith(("past", "last"))  # "for 21 months", "the past two years"
        since = _days_before(published, days) if published and back else None
        yield _ref(text, head.start(), unit.end(), since, published if since else None, "duration", days)


def _weekdays(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    for hit in _hits(text, WEEKDAY, WEEKDAY_CUE):
        day = None
        if published:
            back = (published.weekday() - WEEKDAYS[hit.core["day"].lower()]) % 7
            if hit.cue in ("last", "since") and back == 0:
                back = 7
            day = published - timedelta(days=back)
            if hit.cue in ("next", "until", "by") or (hit.cue != "since" and _ahead(text, hit.start, hit.end)):
                day = day + timedelta(days=7 if back else 0)
        if hit.cue == "since":
            yield _ref(text, hit.start, hit.end, day, published, "period")
        else:
            start = hit.core.start() if hit.cue == "on" else hit.start
            yield _ref(text, start, hit.end, day, day, "date")


def _relative_days(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    shift = {"yesterday": -1, "overnight": -1, "last night": -1, "today": 0, "tonight": 0, "tomorrow": 1}
    for match in RELATIVE_DAY.finditer(text):
        word = " ".join(match["word"].lower().split())
        day = published + timedelta(days=shift[word]) if published else None
        yield _ref(text, match.start(), match.end(), day, day, "date")


def _relative_periods(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    for match in RELATIVE_PERIOD.finditer(text):
        cue, unit = match["cue"].lower(), match["unit"].lower()
        if not published:
            yield _ref(text, match.start(), match.end(), None, None, "period")
        elif cue == "past":
            days = UNIT_DAYS[unit]
            first = _days_before(published, days)
            yield _ref(text, match.start(), match.end(), first, published, "period", days)
        else:
            first, last = _calendar_unit(published, unit, {"last": -1, "this": 0, "next": 1}[cue])
            yield _ref(text, match.start(), match.end(), first, last, "period")


def _calendar_unit(published: date, unit: str, step: int) -> tuple[date, date]:
    """The calendar week (Monday first), month or year ``step`` units from the published one."""
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        index = published.year * 12 + published.month - 1 + step
        return _month_span(index // 12, index % 12 + 1)
    return date(published.year + step, 1, 1), date(published.year + step, 12, 31)


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _season_span(year: int, season: str) -> tuple[date, date]:
    first, last = SEASONS[season]
    end_year = year + 1 if first > last else year
    return date(year, first, 1), date(end_year, last, calendar.monthrange(end_year, last)[1])


def _seasons(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    for hit in _hits(text, SEASON, SEASON_CUE):
        season = hit.core["season"].lower()
        if hit.core["year"]:
            year = int(hit.core["year"])
        elif hit.cue and published:
            year = _season_year(text, hit, published, season)
        else:
            continue  # "summer" alone, or nothing to resolve it against
        first, last = _season_span(year, season)
        if hit.cue == "since" and published:
            last = published
        yield _ref(text, hit.start, hit.end, first, last, "period")


def _season_year(text: str, hit: _Hit, published: date, season: str) -> int:
    """The most recent season that has begun, or the next one when written as ahead."""
    if hit.cue == "this":
        return published.year - 1 if season == "winter" and published.month <= 2 else published.year
    year = published.year if _season_span(published.year, season)[0] <= published else published.year - 1
    if hit.cue == "last" and _season_span(year, season)[1] >= published:
        year -= 1  # "last winter" in January is the one before the current winter
    if hit.cue == "next" or (hit.cue != "last" and _ahead(text, hit.start, hit.end)):
        year += 1
    return year


def _months(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    for hit in _hits(text, MONTH, PERIOD_CUE):
        month = month_number(hit.core["month"])
        if not (hit.cue or hit.core["year"] or hit.core[0].endswith(("'s", "’s"))):
            continue  # a bare month name ("May", "August peaks") is too loose to resolve
        year = int(hit.core["year"]) if hit.core["year"] else _month_year(text, hit, published, month)
        if year is None:
            yield _ref(text, hit.start, hit.end, None, None, "period")
            continue
        first, last = _month_span(year, month)
        part = _part(hit.cue, MONTH_PARTS)
        if part:
            first, last = first.replace(day=part[0]), last.replace(day=min(part[1], last.day))
        if hit.cue == "since" and published:
            last = published
        yield _ref(text, hit.start, hit.end, first, last, "period")


def _month_year(text: str, hit: _Hit, published: Optional[date], month: int) -> Optional[int]:
    if published is None:
        return None
    year = published.year if month <= published.month else published.year - 1
    if hit.cue == "last" and month == published.month:
        year -= 1
    if (hit.cue == "next" or _ahead(text, hit.start, hit.end)) and month > published.month:
        year = published.year
    elif hit.cue == "next" and month <= published.month:
        year = published.year + 1
    return year


def _years(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    for hit in _hits(text, YEAR_PERIOD, PERIOD_CUE):
        if not (hit.cue or hit.core["poss"]):
            continue  # a bare four-digit number may be a count
        year = int(hit.core["year"])
        first, last = date(year, 1, 1), date(year, 12, 31)
        part = _part(hit.cue, YEAR_PARTS)
        if part:
            (m1, d1), (m2, d2) = part
            first, last = date(year, m1, d1), date(year, m2, d2)
        elif hit.cue == "since" and published:
            last = published
        yield _ref(text, hit.start, hit.end, first, last, "period")
