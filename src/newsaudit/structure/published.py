"""Dates that date the article: a dateline, or an inference from the events the body dates.

Dateline (``dateline_date``, source "text"): a complete date opening one of the first four
lines, after optional pieces a page prints before it: a byline ("By Ann Lee |"), a place and
agency ("KYIV, Ukraine, (Reuters) -"), a label ("Published:", "Updated") and a weekday. A
"Published" line wins over an "Updated" one. A long sentence that merely starts with a date
is not a dateline.

Inference rule (what ``published_from_text`` does when no dateline is found, source "inferred"):

1. Collect the body's explicit day dates: with a year ("Dec. 19, 2024") and without one
   ("November 6"), skipping those written as still ahead: after "will", "next", "expected",
   "scheduled" and the like in the same sentence, right after "by", "until" or "before", or
   followed by "deadline", "vote", "summit" ("a November 21 deadline").
2. Year-less dates take the latest year the body mentions (a four-digit year in 1900-2099 that
   is not itself written as ahead: "by 2030" does not count). When they wrap around the new
   year (a gap of more than six months between consecutive months) and most of them fall in
   the early months, the news is early in the year and the late months are last year's.
3. The article is assumed published the day after the latest dated past event: news reports
   what happened, and most of it the day before. The note says which event and which year
   clue were used, so a reader can disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, Optional

from ..text.dates import FUTURE_CUE, UNTIL_CUE, YEAR, DateMention, day_mentions

# A dateline opens a line or paragraph, after optional pieces: a byline ("By Ann Lee |"), a place
# and agency ("KYIV, Ukraine, (Reuters) -"), a label ("Published:", "Updated"), a weekday ("Mon").
DATELINE = re.compile(
    r"^(?P<byline>By [A-Z][\w.' -]{1,60}?\s*[|•·—–-]\s*)?"
    r"(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'\- ]{1,40}(?:,\s*[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|[.' ]){1,30})?(?:\s*\([A-Za-z .]{2,30}\))?\s*[,—–-]\s*)?"
    r"(?P<label>(?:First published|Published|Posted|Last updated|Updated)(?:\s+on)?\s*:?\s*)?"
    r"(?P<weekday>(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?\.?,?\s+)?",
    re.MULTILINE,
)
DATELINE_LINES = 4  # a dateline sits in the first few lines or paragraphs


@dataclass(frozen=True)
class PublishedDate:
    date: date
    source: Literal["text", "inferred"]
    note: str


def dateline_date(text: str) -> Optional[tuple[date, str]]:
    """A date that opens one of the first lines of the text, with the dateline's text.

    A "Published"/"Posted" line wins over an "Updated" one: the audit needs the first publication.
    """
    found: list[tuple[date, str, bool]] = []
    for paragraph in [line.strip() for line in text.split("\n") if line.strip()][:DATELINE_LINES]:
        prefix = DATELINE.match(paragraph)
        rest = paragraph[prefix.end():]
        mention = next(iter(sorted(day_mentions(rest[:40]), key=lambda m: m.start)), None)
        if mention is None or mention.year is None or mention.start > 2:
            continue
        resolved = mention.resolved(mention.year)
        if resolved and (prefix.end() > 0 or len(paragraph) < 60):
            updated = "updated" in (prefix["label"] or "").lower()
            found.append((resolved, paragraph[: prefix.end() + mention.end].strip(), updated))
    first = next((item for item in found if not item[2]), found[0] if found else None)
    return (first[0], first[1]) if first else None


def latest_year(text: str) -> Optional[tuple[int, str]]:
    """The latest year the text mentions as past or present, with the words around it."""
    best: Optional[tuple[int, str]] = None
    for match in YEAR.finditer(text):
        before = text[max(0, match.start() - 25): match.start()]
        if FUTURE_CUE.search(before) or UNTIL_CUE.search(before):
            continue
        year = int(match["year"])
        if best is None or year > best[0]:
            best = (year, _words_around(text, match.start(), match.end()))
    return best


def _words_around(text: str, start: int, end: int, words: int = 3) -> str:
    """A few words either side of text[start:end], never past the sentence it stands in."""
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    sentence_end = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0), default=len(text))
    left, right = text[sentence_start:start], text[end:sentence_end]
    left_words = " ".join(left.split()[-words:]) + (" " if left[-1:].isspace() else "")
    right_words = (" " if right[:1].isspace() else "") + " ".join(right.split()[:words])
    return (left_words + text[start:end] + right_words).strip(" ,;:")


def published_from_text(text: str) -> Optional[PublishedDate]:
    """A dateline's date (source "text"), else the inference in the module docstring ("inferred")."""
    found = dateline_date(text)
    if found:
        return PublishedDate(found[0], "text", f"from the dateline \u201c{found[1]}\u201d")
    return _infer(text)


def _infer(text: str) -> Optional[PublishedDate]:
    mentions = [m for m in day_mentions(text) if not m.ahead]
    year_clue = latest_year(text)
    dated: list[tuple[date, DateMention]] = []
    for mention in mentions:
        if mention.year:
            resolved = mention.resolved(mention.year)
            if resolved:
                dated.append((resolved, mention))
    yearless = [m for m in mentions if not m.year]
    if yearless and year_clue:
        dated += _resolve_yearless(yearless, year_clue[0])
    if not dated:
        return None
    latest, mention = max(dated, key=lambda pair: pair[0])
    published = latest + timedelta(days=1)
    event = " ".join(text[mention.start: mention.end].split())
    clue = f" with the year {latest.year} from \u201c{' '.join(year_clue[1].split())}\u201d" if (
        not mention.year and year_clue) else ""
    note = (f"inferred: the latest past event the body dates is \u201c{event}\u201d ({latest.isoformat()}"
            f"{clue}); the article is assumed published the day after, {published.isoformat()}")
    return PublishedDate(published, "inferred", note)


def _resolve_yearless(mentions: list[DateMention], year: int) -> list[tuple[date, DateMention]]:
    """All in ``year``, unless the dates wrap the new year and the early months carry the news."""
    months = sorted({m.month for m in mentions})
    gaps = [(later - earlier, earlier) for earlier, later in zip(months, months[1:])]
    previous_year_after = None
    if gaps and max(gaps)[0] > 6:
        split = max(gaps)[1]
        early = sum(1 for m in mentions if m.month <= split)
        if early > len(mentions) - early:  # most dates are early in the year: the late ones are last year's
            previous_year_after = split
    resolved = []
    for mention in mentions:
        in_year = year - 1 if previous_year_after is not None and mention.month > previous_year_after else year
        value = mention.resolved(in_year)
        if value:
            resolved.append((value, mention))
    return resolved
