"""Dates, periods, durations and day ordinals, resolved against the publication date.

Resolution follows how a reporter writes: a year-less date is the most recent past
occurrence, unless the words around it speak of the future ("a November 21 deadline", "will
meet on March 3"), then the next one; weekdays ("since Monday") are the last such day before
publication; seasons and months ("last summer", "in January") are the most recent past one.
Durations ("21 months", "over two years") carry their length in days; "the 1,000th day" is an
ordinal with ``days`` = 1000. Without a publication date, only dates with a year resolve.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Iterator, Optional

from ..model import TimeRef
from ..structure.dates import day_mentions, month_number
from .quantities import WORD_NUMBERS, parse_number

WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
UNIT_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25, "decade": 3652.5}

WEEKDAY = re.compile(r"\b(?P<cue>since|on|last|this|by|until|next)?\s?(?P<day>Monday|Tuesday|Wednesday|Thursday|"
                     r"Friday|Saturday|Sunday)\b")
RELATIVE_DAY = re.compile(r"\b(?P<word>yesterday|today|overnight|last night)\b", re.IGNORECASE)
SEASON = re.compile(r"\b(?P<cue>last|this|next|early|late)?\s?(?P<season>spring|summer|autumn|fall|winter)"
                    r"(?:\s(?:of\s)?(?P<year>(?:19|20)\d{2})\b)?", re.IGNORECASE)
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_ALONE = re.compile(rf"\b(?P<cue>in|since|from|until|by|last|early|late|mid-|during)\s?(?P<month>{_MONTH_NAMES})\b"
                         rf"(?!\s\d)(?:\s(?P<year>(?:19|20)\d{{2}})\b)?|\b(?P<month2>{_MONTH_NAMES})['’]s\b")
YEAR_PERIOD = re.compile(r"\b(?P<cue>in|since|from|until|by|during|early|late|mid-|of|for)?\s?(?P<year>(?:19|20)\d{2})"
                         r"(?P<poss>['’]s)?\b(?![,\d]|\s?(?:%|people|km))")
DURATION = re.compile(r"\b(?P<cue>over|more than|nearly|almost|about|around|for|past|last|under)?\s?"
                      r"(?P<num>\d+(?:[.,]\d+)?|" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"
                      r"(?:\s[a-z]+)?\s(?P<unit>days?|weeks?|months?|years?|decades?)\b", re.IGNORECASE)
ORDINAL_DAY = re.compile(r"\b(?P<num>\d{1,3}(?:,\d{3})*|\d+)(?:st|nd|rd|th)\s(?P<unit>day|week|month|year)\b")
# "by" and "until" are not among them: "1,147,740 total by November 6" reports the past.
FUTURE_CUE = re.compile(r"\b(?:will|shall|next|upcoming|deadline|due|scheduled|expected|planned|"
                        r"slated|set for)\b", re.IGNORECASE)


def find_times(text: str, published: Optional[date], start: int = 0, end: Optional[int] = None) -> list[TimeRef]:
    end = len(text) if end is None else end
    segment = text[start:end]
    found: list[TimeRef] = []
    taken: list[tuple[int, int]] = []
    for ref in _scan(segment, published):
        span = (ref.char_start, ref.char_end)
        if any(a < span[1] and span[0] < b for a, b in taken):
            continue
        taken.append(span)
        found.append(_shift(ref, start))
    return sorted(found, key=lambda ref: ref.char_start)


def _shift(ref: TimeRef, offset: int) -> TimeRef:
    from dataclasses import replace

    return replace(ref, char_start=ref.char_start + offset, char_end=ref.char_end + offset)


def _scan(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    """Most specific first, so a day date is not also read as a month or a year."""
    yield from _day_dates(text, published)
    yield from _ordinals(text)
    yield from _weekdays(text, published)
    yield from _relative_days(text, published)
    yield from _seasons(text, published)
    yield from _months(text, published)
    yield from _years(text, published)
    yield from _durations(text, published)


def _ahead(text: str, start: int, stop: int) -> bool:
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    window = text[max(sentence_start, start - 35): start] + " " + text[stop: stop + 12]
    return bool(FUTURE_CUE.search(window))


def _iso(day: Optional[date]) -> Optional[str]:
    return day.isoformat() if day else None


def _day_dates(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    for mention in day_mentions(text):
        if mention.year:
            day = mention.resolved(mention.year)
        elif published:
            day = _nearest(published, mention.month, mention.day, _ahead(text, mention.start, mention.end))
        else:
            day = None
        yield TimeRef(text[mention.start: mention.end], _iso(day), _iso(day), mention.start, mention.end, "date")


def _nearest(published: date, month: int, day: int, ahead: bool) -> Optional[date]:
    """The last occurrence on or before publication, or the next one when written as ahead."""
    for year in ((published.year, published.year + 1) if ahead else (published.year, published.year - 1)):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if (candidate >= published) if ahead else (candidate <= published):
            return candidate
    return None


def _ordinals(text: str) -> Iterator[TimeRef]:
    for match in ORDINAL_DAY.finditer(text):
        count = parse_number(match["num"])
        yield TimeRef(match[0], None, None, match.start(), match.end(), "ordinal",
                      days=count * UNIT_DAYS[match["unit"]])


def _weekdays(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    for match in WEEKDAY.finditer(text):
        day = None
        if published:
            back = (published.weekday() - WEEKDAYS[match["day"].lower()]) % 7 or 7
            day = published - timedelta(days=back)
            if match["cue"] in ("next", "until", "by") or _ahead(text, match.start(), match.end()):
                day = day + timedelta(days=7)
        end = published.isoformat() if match["cue"] == "since" and published else _iso(day)
        yield TimeRef(match[0].strip(), _iso(day), end, match.start("day") if not match["cue"] else match.start(),
                      match.end(), "period" if match["cue"] == "since" else "date")


def _relative_days(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    for match in RELATIVE_DAY.finditer(text):
        word = match["word"].lower()
        day = None
        if published:
            day = published if word == "today" else published - timedelta(days=1)
        yield TimeRef(match[0], _iso(day), _iso(day), match.start(), match.end(), "date")


def _season_span(year: int, season: str) -> tuple[date, date]:
    first, last = SEASONS[season]
    end_year = year + 1 if first > last else year
    return date(year, first, 1), date(end_year, last, calendar.monthrange(end_year, last)[1])


def _seasons(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    for match in SEASON.finditer(text):
        season = match["season"].lower()
        if not match["year"] and not match["cue"]:
            continue  # "summer" alone is too vague to resolve
        year = int(match["year"]) if match["year"] else None
        if year is None and published:
            year = published.year  # the most recent season that has ended ("last summer" in November)
            if _season_span(year, season)[1] >= published:
                year -= 1
            if match["cue"] in ("this", "next") or _ahead(text, match.start(), match.end()):
                year += 1
        if year is None:
            continue
        first, last = _season_span(year, season)
        yield TimeRef(match[0].strip(), first.isoformat(), last.isoformat(), match.start() + (len(match[0]) - len(match[0].lstrip())),
                      match.end(), "period")


def _months(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    for match in MONTH_ALONE.finditer(text):
        name = match["month"] or match["month2"]
        month = month_number(name)
        year = int(match["year"]) if match["year"] else None
        if year is None and published:
            year = published.year if month <= published.month else published.year - 1
            if _ahead(text, match.start(), match.end()) and month > published.month:
                year = published.year
        if year is None:
            continue
        first = date(year, month, 1)
        last = date(year, month, calendar.monthrange(year, month)[1])
        if match["cue"] == "since" and published:
            last = published
        yield TimeRef(match[0], first.isoformat(), last.isoformat(), match.start(), match.end(), "period")


def _years(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    for match in YEAR_PERIOD.finditer(text):
        if not (match["cue"] or match["poss"]):
            continue  # a bare number that looks like a year may be a count
        year = int(match["year"])
        first, last = date(year, 1, 1), date(year, 12, 31)
        cue = (match["cue"] or "").lower()
        if cue == "early":
            last = date(year, 4, 30)
        elif cue == "late":
            first = date(year, 9, 1)
        elif cue == "since" and published:
            last = published
        yield TimeRef(match[0].strip(), first.isoformat(), last.isoformat(),
                      match.start("cue") if match["cue"] else match.start("year"), match.end(), "period")


def _durations(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    for match in DURATION.finditer(text):
        number = match["num"].lower()
        count = WORD_NUMBERS.get(number) or (parse_number(number) if number[0].isdigit() else None)
        if not count:
            continue
        unit = match["unit"].lower().rstrip("s")
        days = count * UNIT_DAYS[unit]
        cue = (match["cue"] or "").lower()
        since = published - timedelta(days=round(days)) if published and cue in ("for", "past") else None
        yield TimeRef(match[0].strip(), _iso(since), _iso(published) if since else None,
                      match.start() + len(match[0]) - len(match[0].lstrip()), match.end(), "duration", days=days)
