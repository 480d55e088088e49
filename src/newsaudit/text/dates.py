"""Date patterns every stage reads: month names, day dates, years, cues that put a date ahead.

One spelling of each pattern lives here: the structure stage dates the page with them, the
claims stage resolves the body's dates, the checks compare them. ``UNIT_DAYS`` is the one
table of calendar units in days (ints where the unit is whole, so a duration of 3 days stays 3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterator, Optional

MONTH_NAMES: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December")
MONTH_FULL = "|".join(MONTH_NAMES)  # for a regex alternation: "January|February|...|December"
# Abbreviations written with their dot, the way wire style shortens a month without a day.
MONTH_ABBREVIATED = r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
UNIT_DAYS = {"day": 1, "night": 1, "week": 7, "month": 30.44, "year": 365.25, "decade": 3652.5}
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|Jun\.|July?|Jul\.|"
          r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
# "November 6", "Nov. 6, 2025", "6 November 2025", "2025-11-06".
MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:%|,\d|\.\d))"
                       r"(?:,?\s+(?P<year>(?:19|20)\d{2})\b)?")
DAY_MONTH = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b(?:,?\s+(?P<year>(?:19|20)\d{2})\b)?")
ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")
YEAR = re.compile(r"(?<![\d,.$€£-])\b(?P<year>(?:19|20)\d{2})\b(?![\d,]|\s*(?:%|people|troops|km))")
# Words that put the date that follows (or precedes: "deadline") in the future.
FUTURE_CUE = re.compile(r"\b(?:will|shall|next|upcoming|deadline|due|scheduled|"
                        r"expected|planned|set for|slated|starting|beginning|effective|"
                        r"(?:plans?|aims?|intends?|is|are)\s+to\s+\w+)\b[^.!?]{0,30}$", re.IGNORECASE)
FUTURE_AFTER = re.compile(r"^\W{0,3}(?:deadline|summit|vote|election|meeting|hearing)\b", re.IGNORECASE)
# "by", "until", "before" right before a date make it a deadline ("must leave by March 3").
UNTIL_CUE = re.compile(r"\b(?:by|until|till|before)\s+(?:the\s+end\s+of\s+|early\s+|late\s+|mid-?)?$", re.IGNORECASE)
PLAUSIBLE_YEARS = (1900, 2100)  # outside these a "date" is a CMS's empty value (0001-01-01) or a typo


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    month: int
    day: int
    year: Optional[int]
    ahead: bool  # written as still to come

    def resolved(self, year: int) -> Optional[date]:
        try:
            return date(self.year or year, self.month, self.day)
        except ValueError:
            return None


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else name.lower()[:3]]


def day_mentions(text: str) -> Iterator[DateMention]:
    """Every day-level date in ``text`` (with or without a year), in order."""
    seen: set[int] = set()
    for pattern in (MONTH_DAY, DAY_MONTH, ISO_DATE):
        for match in pattern.finditer(text):
            if match.start() in seen:
                continue
            month = match["month"]
            month_no = int(month) if month.isdigit() else month_number(month)
            day, year = int(match["day"]), int(match["year"]) if match["year"] else None
            if not (1 <= month_no <= 12 and 1 <= day <= 31):
                continue
            seen.add(match.start())
            yield DateMention(match.start(), match.end(), month_no, day, year, _is_ahead(text, match))


def _is_ahead(text: str, match: re.Match[str]) -> bool:
    before = text[max(0, match.start() - 40): match.start()]
    before = re.split(r"[.!?]\s", before)[-1]
    return bool(FUTURE_CUE.search(before) or UNTIL_CUE.search(before)
                or FUTURE_AFTER.match(text[match.end(): match.end() + 20]))


def first_date(text: str) -> Optional[date]:
    """The first complete date (with a year) in a short text such as a caption, or None."""
    for mention in sorted(day_mentions(text), key=lambda m: m.start):
        if mention.year:
            return mention.resolved(mention.year)
    return None


def iso_day(text: Optional[str]) -> Optional[date]:
    """A YYYY-MM-DD string as a date; None for None or a partial date ("2025-11")."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


# --- the wider set of day dates the claims stage reads ----------------------------------------
# Ordinal words for days ("the fourth of July", "January first", "twenty third day of September").
_ORDINAL_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9}
ORDINAL_WORDS = {**_ORDINAL_UNITS, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
                 "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
                 "twentieth": 20, "thirtieth": 30, "thirty first": 31,
                 **{f"twenty {word}": 20 + value for word, value in _ORDINAL_UNITS.items()}}
_ORDINAL_WORD = "|".join(sorted((w.replace(" ", r"[\s-]") for w in ORDINAL_WORDS), key=len, reverse=True))
# Month names in any case, except the lower-case verbs "may" and "march"; undotted abbreviations too.
_MONTH_ANY = (r"(?P<month>(?i:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar\.|apr(?:il|\.)?|june?|jun\.|july?|jul\.|"
              r"aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)|Mar(?:ch)?|MARCH|"
              r"May|MAY)")
_DAY_ANY = rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?|(?P<dayword>(?i:{_ORDINAL_WORD})))"
_YEAR_TAIL = r"(?:\s*,?\s*(?:of\s+|in\s+)?(?P<year>(?:19|20)\d{2})\b(?![,.]?\d)|\s+of\s+['’]?(?P<yy>\d{2})\b)"
EXTENDED_PATTERNS = (
    # "Dec31, 1994", "january first", "October, 1st", "july 4th of 1995", "May 3"
    re.compile(rf"(?=[JjFfMmAaSsOoNnDd])\b{_MONTH_ANY}\s*,?\s*(?:the\s+)?{_DAY_ANY}\b(?!\s*(?:%|,\d|\.\d|:\d))(?!\s(?:percent|per\scent))"
               rf"{_YEAR_TAIL}?"),
    # "the fourth of July", "4th of july of 1995", "28 june in 2020", "twenty third day of September"
    re.compile(rf"(?=[\dfFsStTeEnN])\b{_DAY_ANY}\s+(?:(?i:day)\s+)?(?:(?i:of)\s+)?{_MONTH_ANY}(?![a-z])\.?{_YEAR_TAIL}?"),
    # "05-Aug-2016", "Sep-23-2020", "2019/aug/01"
    re.compile(rf"\b(?P<day>\d{{1,2}})-{_MONTH_ANY}-(?P<year>(?:19|20)\d{{2}})\b"),
    re.compile(rf"(?=[JjFfMmAaSsOoNnDd])\b{_MONTH_ANY}-(?P<day>\d{{1,2}})-(?P<year>(?:19|20)\d{{2}})\b"),
    re.compile(rf"\b(?P<year>(?:19|20)\d{{2}})/{_MONTH_ANY}/(?P<day>\d{{1,2}})\b"),
)
# Numbers only: "1/1/2016" and "12/12/30" (month first unless the first is over 12), "23.08.2019"
# (day first), "2019/08/01", "2016 10 16", "20161016".
NUMERIC_DATE = re.compile(r"(?<![\d/.,-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2}|\d{2})"
                          r"(?![\d/]|[.-]\d)")
NUMERIC_YMD = re.compile(r"(?<![\d/.,-])(?P<y>(?:19|20)\d{2})(?P<sep>[/.\s])(?P<a>\d{1,2})(?P=sep)(?P<b>\d{1,2})"
                         r"(?![\d/]|[.-]\d)")
COMPACT_DATE = re.compile(r"(?<![\d.,])(?P<y>(?:19|20)\d{2})(?P<a>0[1-9]|1[0-2])(?P<b>0[1-9]|[12]\d|3[01])"
                          r"(?![\d]|[.,]\d)")
ISO_NUMERIC = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<a>\d{2})-(?P<b>\d{2})(?!\d)")
NUMERIC_DATES = (NUMERIC_DATE, NUMERIC_YMD, COMPACT_DATE, ISO_NUMERIC)


def two_digit_year(yy: int, reference_year: Optional[int]) -> int:
    """ "'87" is 1987 and "'12" 2012: the century that puts the year at most ten years past the reference."""
    pivot = (reference_year or 2025) % 100 + 10
    return (2000 if yy <= pivot else 1900) + yy


def extended_day_mentions(text: str, reference_year: Optional[int] = None) -> Iterator[DateMention]:
    """Every day-level date :func:`day_mentions` finds, and also lower-case and ordinal-word dates
    ("the fourth of July", "january first"), month-name forms with dashes ("05-Aug-2016") and
    all-number dates with a year ("1/1/2016", "2019/08/01", "20161016"), longest first at a place."""
    found: list[DateMention] = []
    candidates: list[DateMention] = []
    for first, last in _month_windows(text):  # the named patterns run only where a month name is
        for pattern in EXTENDED_PATTERNS:
            for match in pattern.finditer(text, first, last):
                mention = _named_mention(text, match, reference_year)
                if mention:
                    candidates.append(mention)
    for pattern in NUMERIC_DATES:
        for match in pattern.finditer(text):
            mention = _numeric_mention(text, match, reference_year)
            if mention:
                candidates.append(mention)
    last_end = -1
    for mention in sorted(candidates, key=lambda m: (m.start, -(m.end - m.start))):
        if mention.start >= last_end:  # sorted by start: only the last one kept can overlap
            last_end = mention.end
            found.append(mention)
    return iter(found)


MONTH_TRIGGER = re.compile(r"\b(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
WINDOW_BEFORE, WINDOW_AFTER = 40, 48  # "twenty third day of September", "September 23, 2020"


def _month_windows(text: str) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for hit in MONTH_TRIGGER.finditer(text):
        first, last = max(0, hit.start() - WINDOW_BEFORE), min(len(text), hit.end() + WINDOW_AFTER)
        if windows and first <= windows[-1][1]:
            windows[-1] = (windows[-1][0], last)
        else:
            windows.append((first, last))
    return windows


def _named_mention(text: str, match: re.Match[str], reference_year: Optional[int]) -> Optional[DateMention]:
    groups = match.groupdict()
    if groups.get("dayword"):
        day = ORDINAL_WORDS.get(" ".join(groups["dayword"].lower().replace("-", " ").split()))
    else:
        day = int(groups["day"]) if groups.get("day") else None
    if not day or not 1 <= day <= 31:
        return None
    month = month_number(groups["month"].rstrip("."))
    year = int(groups["year"]) if groups.get("year") else (
        two_digit_year(int(groups["yy"]), reference_year) if groups.get("yy") else None)
    start = match.start()
    if text[start: start + 4].lower() == "the ":
        start += 4
    return DateMention(start, match.end(), month, day, year, _is_ahead(text, match))


def _numeric_mention(text: str, match: re.Match[str], reference_year: Optional[int]) -> Optional[DateMention]:
    a, b = int(match["a"]), int(match["b"])
    written = match["y"]
    year = int(written) if len(written) == 4 else two_digit_year(int(written), reference_year)
    if match.re is NUMERIC_DATE:
        month, day = (b, a) if a > 12 or match["sep"] == "." else (a, b)
        if len(written) == 2 and match["sep"] == ".":
            return None  # "3.5.10" is a version number more often than a date
    else:
        month, day = a, b
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return DateMention(match.start(), match.end(), month, day, year, _is_ahead(text, match))
