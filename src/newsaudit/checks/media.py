"""Pictures: agency file names left as text, and pictures much older than the article.

- ``media.wire_filename``: a news agency's file name or picture ID stands where a caption or
  alt text should be (``structure/wire.py`` knows the shapes). It shows the picture came
  from a wire feed and, for Reuters and AP, the date it was filed. ``medium`` when readers see
  it (a caption, or any line of flattened text), or when it sits in an HTML alt attribute of a
  picture that credits nobody (the file name is then the only trace of where it came from);
  ``low`` for an alt attribute of a credited picture: readers never see the alt text, and a
  credited picture with a raw alt is a careless upload of a licensed picture (agencies resell
  each other's pictures, so the credit need not name the agency the file name does).
  Camera names ("IMG_1234.JPG") are no agency's and are left alone.
- ``media.stale``: a picture the caption or file name dates more than ``STALE_DAYS`` before
  the publication date: ``low`` up to ``OLD_DAYS``, ``medium`` beyond. A caption, alt text or
  credit that says the picture is from the archive ("FILE -", "file photo", "archive",
  "REUTERS/.../File Photo") discloses it and is left alone. A picture of a year the story itself
  speaks of is a picture of then: left alone years back (``HISTORY_DAYS``), ``low`` nearer (a
  story recalling "the 2018 flu season" illustrated by a picture of 2018 is normal reporting;
  the check cannot tell that from an old picture passed off as new). Pictures past the first
  ``LEAD_PICTURES`` of a page are ``low`` (related stories' thumbnails). The message gives the
  gap, the date and what dated it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Iterator, Optional

from .. import codes
from ..model import Evidence, Finding, Media, Ref, Report
from ..reference.resources import Resources
from ..text.wire import parse_wire_filename
from ..text.dates import iso_day
from .common import published_date

STALE_DAYS = 30
OLD_DAYS = 180
# Captions that say the picture is an archive one.
DISCLOSED_ARCHIVE = re.compile(r"^\s*FILE\b|\bfile (?:photo|picture|image)\b|\barchive (?:photo|picture|image)\b|"
                               r"\bfrom the archives?\b|\bin this (?:file|archive)\b|\(file\)|\bphoto from \d{4}\b|"
                               r"[/,]\s*File(?: Photo)?\s*\)?\s*$",
                               re.IGNORECASE)
WIRE_SHAPES = {
    "Reuters": "Reuters names files by filing time, sequence number and picture ID",
    "AP": "AP numbers pictures by year, day of the year and sequence",
    "AFP": "AFP picture IDs are printed as AFP_ or 000_ and a code",
    "Getty Images": "Getty Images downloads are named GettyImages- and a number",
    "EPA": "EPA-EFE picture numbers are epa and eight digits",
}


def check_wire_filenames(report: Report, resources: Resources) -> Iterator[Finding]:
    from_html = report.input.kind in ("html", "url")
    for index, media in enumerate(report.article.media):
        wire = parse_wire_filename(media.file_name) if media.file_name else None
        if wire is None or wire.agency is None:
            continue
        if media.caption and media.caption.strip().startswith(wire.raw):
            field = "as its caption"
        elif from_html:
            field = "as its alt text"
        else:
            field = "printed beside it"
        encoded = f"; the name encodes the filing date {_long(wire.date)}" if wire.date else ""
        # the alt text of a credited picture: readers never see it (see the module's docstring)
        severity = "low" if field == "as its alt text" and _credited(media.credit) else "medium"
        message = (f"Picture {index + 1} has a raw {wire.agency} file name (“{_short(wire.raw)}”) {field} "
                   f"instead of words for readers{encoded}.")
        shown = [Evidence(text=wire.raw, where=f"media[{index}]")]
        if media.credit:
            shown.append(Evidence(text=media.credit, where=f"media[{index}]"))
        yield Finding(codes.MEDIA_WIRE_FILENAME, severity, message, tuple(shown),
                      (Ref("newsaudit/structure/wire.py", WIRE_SHAPES.get(wire.agency, wire.agency)),))


HISTORY_DAYS = 3 * 365  # past this, a picture of a year the story itself names is history
LEAD_PICTURES = 3  # the pictures a page shows with its story; the rest may be teasers of others


# What a story may say of a year's part: "early 2024", "summer of 2024", "December 2024" (months).
_PART_MONTHS = {"early": range(1, 5), "mid": range(5, 9), "late": range(9, 13), "spring": range(3, 6),
                "summer": range(6, 9), "autumn": range(9, 12), "fall": range(9, 12), "winter": (12, 1, 2)}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_YEAR_PART = re.compile(r"\b(?:(?P<part>early|mid|late|spring|summer|autumn|fall|winter)|(?P<month>jan|feb|mar|apr|"
                        r"may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?)"
                        r"[\s-]+(?:of\s+)?$", re.IGNORECASE)


def speaks_of(text: str, day: date) -> bool:
    """Whether ``text`` speaks of the time ``day`` falls in: its year alone ("the 2018 flu
    season", "in 2018"), or a part of the year or a month that holds ``day`` ("summer 2024" holds
    July 2024, not October)."""
    for mention in re.finditer(rf"\b{day.year}\b", text):
        part = _YEAR_PART.search(text, max(0, mention.start() - 24), mention.start())
        if part is None:
            return True
        if part["part"]:
            if day.month in _PART_MONTHS[part["part"].lower()]:
                return True
        elif abs(_MONTHS.index(part["month"].lower()[:3]) + 1 - day.month) <= 1:
            return True
    return False


def check_stale_media(report: Report, resources: Resources) -> Iterator[Finding]:
    published = published_date(report.article)
    if published is None:
        return
    inferred = report.article.published_source == "inferred"
    for index, media in enumerate(report.article.media):
        taken = iso_day(media.date)
        if taken is None or (published - taken).days <= STALE_DAYS:
            continue
        if any(text and DISCLOSED_ARCHIVE.search(text) for text in (media.caption, media.alt, media.credit)):
            continue
        gap = (published - taken).days
        of_then = taken.year != published.year and speaks_of(report.article.text, taken)
        if gap > HISTORY_DAYS and of_then:
            continue  # a story that speaks of that year, years ago: a picture of then, not a stale one
        basis = _dated_by(media)
        against = "the inferred publication date" if inferred else "the publication date"
        message = (f"Picture {index + 1} is dated {_long(taken)} by its {basis}, {span_words(gap)} before "
                   f"{against} ({_long(published)}), and nothing in the caption says it is an archive picture.")
        shown = tuple(Evidence(text=text, where=f"media[{index}]")
                      for text in (media.caption, media.file_name) if text)
        lead = index < LEAD_PICTURES  # later pictures on a page are often related stories' thumbnails
        severity = "medium" if gap > OLD_DAYS and lead and not of_then else "low"
        yield Finding(codes.MEDIA_STALE, severity, message, shown,
                      (Ref("publication date", f"{published.isoformat()} ({report.article.published_source})"),))


def span_words(days: int) -> str:
    """A gap in the words a reader uses: "3 weeks", "5 months", "1 year and 2 months"."""
    if days < 14:
        return f"{days} day" + ("s" if days != 1 else "")
    if days < 61:
        weeks = round(days / 7)
        return f"{weeks} weeks"
    months = round(days / 30.44)
    years, months = divmod(months, 12)
    if years == 0:
        return f"{months} months"
    year_words = f"{years} year" + ("s" if years != 1 else "")
    if months == 0:
        return year_words
    return f"{year_words} and {months} month" + ("s" if months != 1 else "")


def _dated_by(media: Media) -> str:
    if media.file_name:
        wire = parse_wire_filename(media.file_name)
        if wire is not None and wire.date is not None and wire.date.isoformat() == media.date:
            return f"{wire.agency} file name" if wire.agency else "camera file name"
    return "caption"


def _credited(credit: Optional[str]) -> bool:
    """A credit with a name in it (a photographer, an agency, a picture library), not bare punctuation."""
    return bool(credit) and re.search(r"[^\W\d_]{2}", credit) is not None


def _long(day: date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


CHECKS = [check_wire_filenames, check_stale_media]
