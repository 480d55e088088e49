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
