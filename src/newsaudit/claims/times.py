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
from ..text.dates import (FUTURE_AFTER, FUTURE_CUE, MONTH_ABBREVIATED, MONTH_FULL, UNIT_DAYS, extended_day_mentions,
                          month_number)
from .quantities import WORD_NUMBER, SpanSet, parse_number, word_number

__all__ = ["find_times", "HOLIDAYS"]

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
WEEKDAY = re.compile(r"\b(?P<day>(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"
                     r"(?P<week>\s(?i:of\s(?:the\s)?(?P<which>last|next|this|previous|following|coming)\sweek))?")
WEEKDAY_CUE = re.compile(r"(?<![\w-])(?P<cue>(?i:since|on|last|this|by|until|next|from|previous|following|coming))\s\Z")
RELATIVE_DAY = re.compile(r"\b(?P<word>yesterday|today|tonight|tomorrow|overnight|last\snight)\b", re.IGNORECASE)
RELATIVE_PERIOD = re.compile(r"\b(?P<cue>last|this|next|past)\s(?P<unit>week|month|year)\b", re.IGNORECASE)
SEASON = re.compile(rf"\b(?P<season>(?i:spring|summer|autumn|fall|winter))\b(?:\s(?:of\s)?(?P<year>{_YEAR})\b)?")
# "in spring" alone is habitual ("farmers plant in spring"): only a year or last/this/next dates a season.
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
    yield from _arithmetic(text, published)
    yield from _in_duration(text, published)
    yield from _day_dates(text, published)
    yield from _weekday_days(text, published)
    yield from _numeric_yearless(text, published)
    yield from _holidays(text, published)
    yield from _month_ordinals(text, published)
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
    return bool(FUTURE_CUE.search(before) or FUTURE_AFTER.match(text[stop: stop + 20])
                or FUTURE_VERB_AFTER.match(text, stop, stop + 40))


# "The talks on Thursday will decide": a future verb right after the date, in the same clause.
FUTURE_VERB_AFTER = re.compile(r"[^.!?;,]{0,20}?\b(?:will|shall|is\s+(?:due|set|scheduled|expected)|"
                               r"are\s+(?:due|set|scheduled|expected))\b|['’]ll\b", re.IGNORECASE)


def _either_way(text: str, start: int) -> bool:
    return bool(EITHER_WAY.search(text[max(0, start - 8): start]))


def _part(cue: str, parts: dict):
    """The part of a month or year a cue names ("early", "mid", "the end of"), or None."""
    return next((parts[word] for word in cue.split() if word in parts), None)


def _day_dates(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    for mention in extended_day_mentions(text, published.year if published else None):
        year = mention.year or _sentence_year(text, mention.start, mention.end)
        if year:
            day = mention.resolved(year)
        elif published:
            ahead = mention.ahead or _ahead(text, mention.start, mention.end)
            day = _occurrence(published, mention.month, mention.day, ahead, _either_way(text, mention.start))
        else:
            day = None
        yield TimeRef(text[mention.start: mention.end], _iso(day), _iso(day), mention.start, mention.end, "date")


SENTENCE_YEAR = re.compile(r"(?<![\w.,$€£-])(?:19|20)\d{2}(?![\w,.]?\d|s\b|\s?(?:%|percent))")


def _sentence_year(text: str, start: int, end: int) -> Optional[int]:
    """The one year the sentence around a year-less date gives ("the January 19 release in 2016"), or None."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), max(0, start - 200))
    right_stop = [at for at in (text.find(". ", end), text.find("\n", end)) if at >= 0]
    right = min(right_stop + [end + 200])
    years = {int(m[0]) for m in SENTENCE_YEAR.finditer(text, left, right) if not start <= m.start() < end}
    return years.pop() if len(years) == 1 else None


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


WEEK_STEPS = {"last": -1, "previous": -1, "this": 0, "next": 1, "following": 1, "coming": 1}


def _weekdays(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    for hit in _hits(text, WEEKDAY, WEEKDAY_CUE):
        day = _weekday_date(text, hit, published) if published else None
        if hit.cue == "since":
            yield _ref(text, hit.start, hit.end, day, published, "period")
        else:
            start = hit.core.start() if hit.cue == "on" else hit.start
            yield _ref(text, start, hit.end, day, day, "date")


def _weekday_date(text: str, hit: "_Hit", published: date) -> date:
    """ "last/next/this Friday" is the Friday of the last/next/this calendar week (Monday first), as
    Recognizers and most style guides read it; a bare weekday is the last one on or before
    publication, or the next one when written as ahead."""
    weekday = WEEKDAYS[hit.core["day"].lower()]
    which = (hit.core["which"] or "").lower() or (hit.cue if hit.cue in WEEK_STEPS else "")
    if which:
        monday = published - timedelta(days=published.weekday())
        return monday + timedelta(weeks=WEEK_STEPS[which], days=weekday)
    back = (published.weekday() - weekday) % 7
    if hit.cue == "since" and back == 0:
        back = 7
    day = published - timedelta(days=back)
    if hit.cue in ("until", "by") or (hit.cue != "since" and _ahead(text, hit.start, hit.end)):
        day = day + timedelta(days=7 if back else 0)
    return day


# --- arithmetic on dates: "two days after today", "3 weeks from tomorrow", "in two months" ----

_COUNT = rf"(?P<num>\d{{1,4}}|(?i:{WORD_NUMBER})|(?i:an?))"
_STEP_UNIT = r"(?P<unit>(?i:days?|weeks?|fortnights?|months?|years?|decades?))"
ARITHMETIC = re.compile(rf"(?<![\w-]){_COUNT}\s{_STEP_UNIT}\s(?P<dir>(?i:after|from|before|prior\sto|following|"
                        rf"later\sthan|earlier\sthan))\s")
ANCHOR_NOW = re.compile(r"(?P<word>(?i:now|today|tonight|tomorrow|tmrw|yesterday))\b")
IN_DURATION = re.compile(rf"\b(?P<cue>(?i:in|within))\s(?:(?i:the\snext)\s)?{_COUNT}\s{_STEP_UNIT}(?:['’]s?\stime)?\b"
                         r"(?!\s(?:ago|earlier|before|after|from|later|old)\b|-old)")
FROM_NOW = re.compile(rf"(?<![\w-]){_COUNT}\s{_STEP_UNIT}\s(?P<dir>(?i:from\snow|hence|later|ago|earlier|back))\b")
STEP_DAYS = {"day": 1, "week": 7, "fortnight": 14}
STEP_MONTHS = {"month": 1, "year": 12, "decade": 120}


def _count(word: str) -> Optional[float]:
    word = word.lower()
    if word in ("a", "an"):
        return 1.0
    return parse_number(word) if word[0].isdigit() else word_number(word)


def shift(day: date, count: float, unit: str) -> Optional[date]:
    """``day`` moved by ``count`` calendar units (months and years keep the day of the month, or the
    month's last day when it has fewer); None past the calendar's ends."""
    unit = unit.lower().rstrip("s")
    try:
        if unit in STEP_DAYS:
            return day + timedelta(days=round(count * STEP_DAYS[unit]))
        months = round(count * STEP_MONTHS[unit])
        index = day.year * 12 + day.month - 1 + months
        year, month = index // 12, index % 12 + 1
        return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
    except (OverflowError, ValueError, KeyError):
        return None


# What every arithmetic shape holds, found first so the full patterns run only near it.
STEP_TRIGGER = re.compile(r"\b(?i:days?|weeks?|fortnights?|months?|years?|decades?)\s(?i:after|from|before|prior|"
                          r"following|later|earlier|hence)\b")


def _near(text: str, trigger: re.Pattern[str], pattern: re.Pattern[str], back: int = 48,
          ahead: int = 24) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` in windows around ``trigger``'s hits, each once, in order."""
    last = -1
    for hit in trigger.finditer(text):
        for match in pattern.finditer(text, max(last, hit.start() - back), min(len(text), hit.end() + ahead)):
            if match.start() >= last:
                last = match.end()
                yield match


def _arithmetic(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    """ "two days after today", "3 weeks from tomorrow", "2 weeks before May 13 1999", "5 years from now"."""
    if not STEP_TRIGGER.search(text):
        return
    for match in _near(text, STEP_TRIGGER, ARITHMETIC):
        count = _count(match["num"])
        if not count:
            continue
        anchor = _anchor(text, match.end(), published, match.start())
        if anchor is None:
            continue
        anchor_day, stop = anchor
        sign = -1 if match["dir"].lower().startswith(("before", "prior", "earlier")) else 1
        day = shift(anchor_day, sign * count, match["unit"]) if anchor_day else None
        yield _ref(text, match.start(), stop, day, day, "date")
    for match in _near(text, STEP_TRIGGER, FROM_NOW):
        count = _count(match["num"])
        if not count or match["dir"].lower() in ("ago", "earlier", "back", "later"):
            continue  # "two years ago" is read with the durations; "later" needs an anchor
        day = shift(published, count, match["unit"]) if published else None
        yield _ref(text, match.start(), match.end(), day, day, "date")


def _anchor(text: str, position: int, published: Optional[date],
            phrase_start: int) -> Optional[tuple[Optional[date], int]]:
    """The day a date expression starting at ``position`` names, and where it ends; the words of
    the arithmetic itself (from ``phrase_start``) are blanked, so "before" is no deadline cue."""
    now = ANCHOR_NOW.match(text, position)
    if now:
        offset = {"tomorrow": 1, "tmrw": 1, "yesterday": -1}.get(now["word"].lower(), 0)
        return (published + timedelta(days=offset) if published else None), now.end()
    first = max(0, position - 80)  # the words before stay in view: "It will happen 3 days after May 2"
    blank = max(first, phrase_start)
    window = text[first:blank] + " " * (position - blank) + text[position: position + 60]
    for ref in _scan_anchor(window, published):
        if ref.char_start == position - first and ref.start and ref.start == ref.end:
            return date.fromisoformat(ref.start), first + ref.char_end
    return None


def _scan_anchor(window: str, published: Optional[date]) -> Iterator[TimeRef]:
    yield from _day_dates(window, published)
    yield from _holidays(window, published)
    yield from _weekdays(window, published)
    yield from _relative_days(window, published)


def _in_duration(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    """ "will leave in two weeks", "in a fortnight's time": a date that far ahead, when written as ahead."""
    for match in IN_DURATION.finditer(text):
        count = _count(match["num"])
        if not count or not (_ahead(text, match.start(), match.end()) or match[0].lower().endswith("time")):
            continue  # "the highest in two years" looks back: a duration, read elsewhere
        day = shift(published, count, match["unit"]) if published else None
        yield _ref(text, match.start(), match.end(), day, day, "date")


# --- "on 5/17", "Oct/2", "Sunday 31", "Mon 13th" ----------------------------------------------

_WEEKDAY_ANY = (r"(?P<weekday>(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|Mon|Tue|Tues|Wed|Thu|Thur|"
                r"Thurs|Fri|Sat|Sun)\.?")
NUMERIC_YEARLESS = re.compile(
    rf"(?:\b(?P<cue>(?i:on|by|this|next|last|since|until|till|from|before|after|through|due|meet|dated))\s|"
    rf"\b{_WEEKDAY_ANY},?\s)(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])(?![/\d]|\.\d)"
    rf"|\b(?P<month>(?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec))/(?P<md>3[01]|[12]\d|0?[1-9])(?![/\d])")
# The day number must end the phrase ("Sunday 31!", "Mon 13th"): "on Monday 5 soldiers died" counts soldiers.
WEEKDAY_DAY = re.compile(rf"\b{_WEEKDAY_ANY},?\s(?:(?i:the)\s)?(?:(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b|"
                         rf"(?P<bare>3[01]|[12]\d|0?[1-9])(?=\s?[.,;!?)]|\s*$|\s(?:at|with|and|for)\b)(?![.,]\d))")
ABBREVIATED_DAYS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5,
                    "sun": 6}


# Bare "9/11" in English names the attacks of 11 September 2001 ("the worst attack since 9/11").
SEPTEMBER_11 = date(2001, 9, 11)


def _weekday_number(name: str) -> int:
    word = name.lower().rstrip(".")
    return WEEKDAYS[word] if word in WEEKDAYS else ABBREVIATED_DAYS[word]


def _numeric_yearless(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    """ "on 5/17", "next 5/12", "Friday 7/6", "Jan/3": month first, year from the reference."""
    if "/" not in text:
        return
    for match in NUMERIC_YEARLESS.finditer(text):
        if match["month"]:
            month, day_no, cue, start = month_number(match["month"]), int(match["md"]), "", match.start()
        else:
            month, day_no = int(match["m"]), int(match["d"])
            cue = (match["cue"] or "").lower()
            start = match.start("m") if match["cue"] else match.start()
        day = None
        if match["m"] == "9" and match["d"] == "11" and not match["weekday"] and cue not in ("this", "next", "last"):
            day = SEPTEMBER_11  # "since 9/11", "before 9/11": the attacks, not this year's 11 September
        elif published:
            if cue in ("this", "next", "last"):
                day = _safe_date(published.year + {"this": 0, "next": 1, "last": -1}[cue], month, day_no)
            else:
                ahead = _ahead(text, match.start(), match.end()) or cue in ("until", "till", "by", "due")
                day = _occurrence(published, month, day_no, ahead, False)
        yield _ref(text, start, match.end(), day, day, "date")


def _weekday_days(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    """ "Sunday 31", "Mon 13th", "tuesday the eleventh": the nearest month where that day is that weekday."""
    for match in WEEKDAY_DAY.finditer(text):
        number = int(match["day"] or match["bare"])
        day = _nearest_weekday_day(published, _weekday_number(match["weekday"]), number) if published else None
        if day is not None or published is None:
            yield _ref(text, match.start(), match.end(), day, day, "date")


def _nearest_weekday_day(published: date, weekday: int, day_no: int) -> Optional[date]:
    found = []
    for step in range(-14, 15):
        index = published.year * 12 + published.month - 1 + step
        candidate = _safe_date(index // 12, index % 12 + 1, day_no)
        if candidate and candidate.weekday() == weekday:
            found.append(candidate)
    return min(found, key=lambda day: (abs((day - published).days), day < published)) if found else None


# --- holidays ---------------------------------------------------------------------------------


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    return date(year, month, (h + l_ - 7 * m + 114) % 31 + 1)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` (1-based; -1 the last) ``weekday`` of a month."""
    if nth < 0:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


HOLIDAYS = {  # name (lower case, one space) -> the day in a given year
    "christmas": lambda y: date(y, 12, 25), "christmas day": lambda y: date(y, 12, 25),
    "christmas eve": lambda y: date(y, 12, 24), "boxing day": lambda y: date(y, 12, 26),
    "new year's day": lambda y: date(y, 1, 1), "new year day": lambda y: date(y, 1, 1),
    "new year's eve": lambda y: date(y, 12, 31), "new year": lambda y: date(y, 1, 1),
    "independence day": lambda y: date(y, 7, 4), "halloween": lambda y: date(y, 10, 31),
    "valentine's day": lambda y: date(y, 2, 14), "earth day": lambda y: date(y, 4, 22),
    "may day": lambda y: date(y, 5, 1), "labour day": lambda y: date(y, 5, 1),
    "international workers' day": lambda y: date(y, 5, 1), "bastille day": lambda y: date(y, 7, 14),
    "veterans day": lambda y: date(y, 11, 11), "armistice day": lambda y: date(y, 11, 11),
    "remembrance day": lambda y: date(y, 11, 11), "st. patrick's day": lambda y: date(y, 3, 17),
    "st patrick's day": lambda y: date(y, 3, 17), "juneteenth": lambda y: date(y, 6, 19),
    "easter": _easter, "easter sunday": _easter, "good friday": lambda y: _easter(y) - timedelta(days=2),
    "easter monday": lambda y: _easter(y) + timedelta(days=1),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4), "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "black friday": lambda y: _nth_weekday(y, 11, 3, 4) + timedelta(days=1),
    "cyber monday": lambda y: _nth_weekday(y, 11, 3, 4) + timedelta(days=4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1), "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "martin luther king day": lambda y: _nth_weekday(y, 1, 0, 3), "mlk day": lambda y: _nth_weekday(y, 1, 0, 3),
    "presidents day": lambda y: _nth_weekday(y, 2, 0, 3), "presidents' day": lambda y: _nth_weekday(y, 2, 0, 3),
    "mother's day": lambda y: _nth_weekday(y, 5, 6, 2), "father's day": lambda y: _nth_weekday(y, 6, 6, 3),
    "columbus day": lambda y: _nth_weekday(y, 10, 0, 2),
}
_HOLIDAY = "|".join(sorted((re.escape(name).replace(r"\ ", r"\s").replace("'", "['’]?")
                            for name in HOLIDAYS), key=len, reverse=True))
HOLIDAY = re.compile(rf"(?:\b(?P<cue>(?i:last|this|next|the\snext|following|the\sfollowing|previous|coming))\s)?"
                     rf"\b(?P<name>(?i:{_HOLIDAY}))\b(?!['’]s\b(?!\s(?:day|eve)))"
                     rf"(?:\s(?:(?i:of\s(?:the\s)?(?P<which>this|last|next)\syear))|,?\s(?P<year>(?:19|20)\d{{2}})\b)?")


HOLIDAY_WORDS = ("christmas", "new year", "independence", "halloween", "valentine", "earth day", "may day", "labour",
                 "workers", "bastille", "veterans", "armistice", "remembrance", "patrick", "juneteenth", "easter",
                 "good friday", "thanksgiving", "black friday", "cyber monday", "labor day", "memorial day",
                 "luther king", "mlk", "presidents", "mother", "father", "columbus")


def _holidays(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    lowered = text.lower()
    if not any(word in lowered for word in HOLIDAY_WORDS):
        return
    for match in HOLIDAY.finditer(text):
        name = " ".join(match["name"].lower().replace("’", "'").split())
        rule = HOLIDAYS.get(name) or HOLIDAYS.get(name.replace("'", "")) or HOLIDAYS.get(
            name.replace("s day", "'s day"))
        if rule is None:
            continue
        if name in ("new year", "may day", "labour day") and not (match["cue"] or match["year"] or match["which"]):
            continue  # "the new year", "May Day" alone: too loose
        day = _holiday_day(text, match, rule, published)
        yield _ref(text, match.start(), match.end(), day, day, "date")


def _holiday_day(text: str, match: re.Match[str], rule, published: Optional[date]) -> Optional[date]:
    if match["year"]:
        return rule(int(match["year"]))
    if published is None:
        return None
    if match["which"]:
        return rule(published.year + {"this": 0, "last": -1, "next": 1}[match["which"].lower()])
    cue = (match["cue"] or "").lower().replace("the ", "")
    this_year = rule(published.year)
    if cue in ("next", "following", "coming"):
        return this_year if this_year > published else rule(published.year + 1)
    if cue in ("last", "previous"):
        return this_year if this_year < published else rule(published.year - 1)
    if cue == "this":
        return this_year
    if _ahead(text, match.start(), match.end()):
        return this_year if this_year >= published else rule(published.year + 1)
    # otherwise the nearest one: "before Christmas" in November is this year's, "at Easter" in June this year's
    candidates = (rule(published.year - 1), this_year, rule(published.year + 1))
    return min(candidates, key=lambda day: (abs((day - published).days), day > published))


# --- "the 18th", "the 15th day of next month" --------------------------------------------------

MONTH_ORDINAL = re.compile(r"\b(?P<cue>(?i:on|by|until|from|since|before|after))\s(?i:the)\s(?P<day>[12]?\d|3[01])"
                           r"(?:st|nd|rd|th)\b(?:\s(?i:day))?(?:\s(?i:of\s)?(?P<which>(?i:this|next|last))\smonth)?"
                           r"(?!\s(?:of\s)?(?i:[a-z]))")


def _month_ordinals(text: str, published: Optional[date]) -> Iterator[TimeRef]:
    """ "on the 18th" (this month's, or the next month's when ahead and past), "the 15th day of next month"."""
    for match in MONTH_ORDINAL.finditer(text):
        day = None
        if published:
            step = {"this": 0, "next": 1, "last": -1}.get((match["which"] or "").lower(), 0)
            index = published.year * 12 + published.month - 1 + step
            year, month = index // 12, index % 12 + 1
            day = _safe_date(year, month, int(match["day"]))
            if day and not match["which"] and _ahead(text, match.start(), match.end()) and day < published:
                index += 1
                day = _safe_date(index // 12, index % 12 + 1, int(match["day"]))
        start = match.start() + len(match["cue"]) + 1
        yield _ref(text, start, match.end(), day, day, "date")


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
        elif hit.cue == "in":
            continue  # "farmers plant in spring": a habit, not a dated season
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
