"""Time checks: counts, ages and intervals that cannot be true on the publication date.

- ``time.anachronism``: "a war now in its 1,000th day" when the anchor event (from
  ``data/anchors.csv``) makes the publication date another day; "a 40-year-old born in 1990";
  "ten years since the 2019 merger"; "twenty years since the Chernobyl accident" in 2016. Events
  are found by ``AnchorTable.find`` (names and other wordings of the table's events); a phrase
  that may mean several events is wrong only if wrong for all, and an event the table does not
  hold is never checked. "N years after X" counts to the publication date only in a sentence
  that speaks of now, and then never from a year the sentence gives after a verb ("a year after
  the club closed, in 1976").
- ``time.interval_mismatch``: "the first ... in over two years" beside "the biggest ... since
  early 2024"; "for three years" beside "since 2024" about the same thing.
- ``time.stale_future``: "will vote on 12 May 2024" in an article of 2025.

Every rule compares against the publication date and also against the dates the same
sentence gives, and fires only when the statement fits none of them: a retrospective
sentence ("In 2020, five years after ...") is not an anachronism.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Iterator, Optional

from .. import codes
from ..model import Article, Evidence, Finding, Ref, Report, TimeRef
from ..reference.resources import Resources
from ..reference.anchors import EVENT_NOUNS, Anchor
from ..text.dates import MONTH_ABBREVIATED, MONTH_FULL, UNIT_DAYS
from ..text.sentences import clause_around, content_words, sentence_around
from .common import evidence, published_date

# How far an "Nth day/week/month/year" may be off before it is wrong, not a draft's delay.
ORDINAL_TOLERANCE_DAYS = {"day": 7, "week": 10, "month": 31, "year": 45}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "hundredth": 100, "thousandth": 1000,
}
_UNITS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# Counts written in words, one to ninety-nine ("thirteen", "twenty-two"), and "a" and "a hundred".
NUMBER_WORDS = {"a": 1, "a hundred": 100, **{word: n for n, word in enumerate(_UNITS, 1)}, **_TENS,
                **{f"{ten}{joint}{unit}": value + n for ten, value in _TENS.items()
                   for n, unit in enumerate(_UNITS[:9], 1) for joint in ("-", " ")}}
_ORD = r"\d{1,3}(?:,\d{3})*(?:st|nd|rd|th)|" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
_NUM = r"\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NOUN = "|".join(EVENT_NOUNS)
_YEAR = r"(?:18|19|20)\d{2}"

# "a war now in its 1,000th day", "the war's fourth year", "the 500th day of the invasion".
ORDINAL_IN_ITS = re.compile(rf"\b(?P<noun>{_NOUN})\b(?P<between>[^.;!?]{{0,40}}?)\bin\s+its\s+(?P<ord>{_ORD})\s+"
                            rf"(?P<unit>day|week|month|year)\b", re.IGNORECASE)
ORDINAL_POSSESSIVE = re.compile(rf"\b(?P<noun>{_NOUN})['’]s\s+(?P<ord>{_ORD})\s+(?P<unit>day|week|month|year)\b",
                                re.IGNORECASE)
ORDINAL_OF = re.compile(rf"\b(?P<ord>{_ORD})\s+(?P<unit>day|week|month|year)\s+of\s+(?:the|this|a|its|[A-Z][\w’']*)"
                        rf"\s+(?:[\w’'\-]+\s+){{0,3}}?(?P<noun>{_NOUN})\b")
# What each of the three must contain, found in one quick scan: a text without it is not searched
# (the patterns try their nouns or ordinals at every word; these look for a fixed phrase).
ORDINAL_MARKERS = (re.compile(r"\bin\s+its\s", re.IGNORECASE),
                   re.compile(rf"['’]s\s+(?:{_ORD})\s+(?:day|week|month|year)\b", re.IGNORECASE),
                   re.compile(r"(?:day|week|month|year)\s+of\s"))
# An anniversary's own date, not its start: "anniversary tour in 2020", "anniversary on May 3, 2024";
# after an unknown event, "the 50th anniversary of the festival in 2019" may mean either, so it is held
# as one too.
WHEN_YEAR = re.compile(r"^[^\d;:!?]{0,80}?\b(?:in|on|during|this|next)\s+(?:[\w.,]+\s+){0,2}(?:18|19|20)\d{2}\b",
                       re.IGNORECASE)
# Words that put a possessive or "of" ordinal in the present rather than in a retrospective.
PRESENT_MARKER = re.compile(r"\b(?:now|today|tonight|this week|marks|enters|as of)\b", re.IGNORECASE)
THEN_MARKER = re.compile(r"\bthen\b", re.IGNORECASE)

AGE = re.compile(r"\b(?P<age>\d{1,3})-year-old\b|\baged\s(?P<aged>\d{1,3})\b|,\s(?P<appos>\d{1,3}),\s")
BORN = re.compile(rf"\bborn\s(?:in\s|on\s)?(?:(?:\d{{1,2}}\s)?(?:{MONTH_FULL})\.?\s(?:\d{{1,2}},?\s)?)?(?P<year>{_YEAR})\b")
EXPLICIT_YEAR = re.compile(rf"(?<![\d,.$€£-])\b(?P<year>{_YEAR})\b(?![\d,]|\s?%)")

_QUALIFIER = r"(?P<q>over|more than|nearly|almost|about|around|some|at least|just over|just under|under)"
# "ten years since the 2016 referendum", "five years after the full-scale invasion",
# "thirteen years have passed since the disaster".
YEARS_SINCE = re.compile(rf"\b(?:{_QUALIFIER}\s)?(?P<n>{_NUM})\s(?P<unit>years?|decades?)\s"
                         rf"(?:(?:have|has)\s(?:now\s)?(?:passed|gone\sby|elapsed)\s)?(?P<link>since|after)\s"
                         rf"(?P<what>[^;:!?—\n]{{3,80}})", re.IGNORECASE)
# "Ten years ago, in 2012, ..."
YEARS_AGO = re.compile(rf"\b(?:{_QUALIFIER}\s)?(?P<n>{_NUM})\s(?P<unit>years?|decades?)\sago,?\s(?:in\s)?"
                       rf"(?P<what>{_YEAR})\b", re.IGNORECASE)
# Where a count of years can be: the full patterns above try dozens of number words at every word
# boundary, so they are run only from a little before each of these.
YEARS_UNIT = re.compile(r"\b(?:years?|decades?)\s", re.IGNORECASE)
UNIT_REACH = 40  # characters before the unit word that a qualifier and a number take at most
UNIT_AFTER = 160  # characters after it that the rest of a match takes at most
ANNIVERSARY = re.compile(rf"\b(?P<ord>{_ORD})\sanniversary\b(?P<what>[^;:!?—\n]{{0,80}})", re.IGNORECASE)
ANNIVERSARY_WORD = re.compile(r"\sanniversary\b", re.IGNORECASE)  # in every ANNIVERSARY match: a quick test first
FOUNDED = re.compile(rf"\b(?:founded|established|opened|launched|created|incorporated|formed|built)\s(?:in\s)?"
                     rf"(?P<year>{_YEAR})\b", re.IGNORECASE)
# "the 1972 flood", "the flood of 1972", "the anniversary of the 1981 collapse", "the explosion of
# December 1917", "the collapse of July 17, 1981": the year the start is given in.
_MONTH_DAY = rf"(?:(?:{MONTH_FULL}|{MONTH_ABBREVIATED})\s(?:\d{{1,2}},?\s)?)"
WHAT_YEAR = re.compile(rf"^\s?(?:[^\d]{{0,60}}?\b(?:in|of|on)\s(?:the\s)?{_MONTH_DAY}?|(?:the|its|their)\s)?"
                       rf"(?P<year>{_YEAR})\b")
# "after the 2016 referendum", "after its 1990 founding": a year that dates the start itself.
ATTRIBUTIVE_YEAR = re.compile(rf"^(?:the|its|their|his|her|a)\s(?P<year>{_YEAR})\s[a-z]", re.IGNORECASE)
# A sentence that speaks of now: "N years after X" is then counted to the publication date.
NOW_MARKER = re.compile(r"\b(?:now|today|tonight|this\s(?:week|month|year)|marks|as\sof)\b", re.IGNORECASE)
PAST_PERFECT = re.compile(r"\bhad\b", re.IGNORECASE)
PAST_WORDS = re.compile(r"\b(?:was|were|had|did)\b", re.IGNORECASE)
ANNIVERSARY_DAY = re.compile(r"\b(?:on|at|during|by)\s(?:the|its|their)\s$")
YEARS_SLACK = 0.05  # of a year (about 18 days) beyond a count's one year either way: "40 years" a day past 41


def ordinal_value(text: str) -> int:
    word = text.lower()
    return ORDINAL_WORDS[word] if word in ORDINAL_WORDS else int(re.sub(r"\D", "", word))


def number_value(text: str) -> int:
    word = text.lower()
    return NUMBER_WORDS[word] if word in NUMBER_WORDS else int(word)


def all_times(report: Report) -> list[TimeRef]:
    return [time for claim in report.claims for time in claim.times]


def reference_dates(report: Report, published: date, start: int, end: int) -> list[date]:
    """The publication date and the day dates the sentence text[start:end] gives."""
    dates = [published]
    for time in all_times(report):
        if start <= time.char_start < end and time.kind == "date" and time.start:
            dates.append(date.fromisoformat(time.start))
    return dates


def sentence_years(text: str, start: int, end: int, skip: Iterable[int] = ()) -> list[int]:
    skipped = set(skip)
    return [int(m["year"]) for m in EXPLICIT_YEAR.finditer(text, start, end) if int(m["year"]) not in skipped]


# --- time.anachronism: "Nth day of the war" ------------------------------------------------

@dataclass(frozen=True)
class OrdinalMention:
    noun: str
    ordinal: int
    unit: str
    start: int
    end: int
    ordinal_text: str


def ordinal_mentions(text: str) -> Iterator[OrdinalMention]:
    for pattern, marker in zip((ORDINAL_IN_ITS, ORDINAL_POSSESSIVE, ORDINAL_OF), ORDINAL_MARKERS):
        if not marker.search(text):
            continue
        for match in pattern.finditer(text):
            sentence_start, sentence_end = sentence_around(text, match.start())
            sentence = text[sentence_start:sentence_end]
            if pattern is ORDINAL_IN_ITS and THEN_MARKER.search(match["between"]):
                continue
            if pattern is not ORDINAL_IN_ITS and (not PRESENT_MARKER.search(sentence) or THEN_MARKER.search(sentence)):
                continue
            yield OrdinalMention(match["noun"].lower(), ordinal_value(match["ord"]), match["unit"].lower(),
                                 match.start(), match.end(), match["ord"])


MAX_ORDINAL_DAYS = 200 * 365


def ordinal_fits(mention: OrdinalMention, anchor: Anchor, when: date) -> bool:
    """The Nth unit counted from ``anchor`` (any day its date may mean) holds ``when``."""
    most, least = (when - anchor.date).days, (when - anchor.last_start).days
    size, tolerance = UNIT_DAYS[mention.unit], ORDINAL_TOLERANCE_DAYS[mention.unit]
    return (mention.ordinal - 1) * size - tolerance <= most and least < mention.ordinal * size + tolerance


def check_event_ordinals(report: Report, resources: Resources) -> Iterator[Finding]:
    article, published = report.article, published_date(report.article)
    if published is None:
        return
    for mention in ordinal_mentions(article.text):
        if (mention.ordinal - 1) * UNIT_DAYS[mention.unit] > MAX_ORDINAL_DAYS:
            continue  # "the 10,000th year": no anchor in the table is that old
        sentence = sentence_around(article.text, mention.start)
        candidates = resources.anchors.resolve(mention.noun, article.text[slice(*sentence)], article.text,
                                               when=published)
        if mention.unit in ("day", "week"):  # a day count needs the day it counts from
            candidates = [a for a in candidates if a.precision == "day"]
        if not candidates or not _one_theatre(candidates):
            continue
        references = reference_dates(report, published, *sentence)
        if any(ordinal_fits(mention, anchor, when) for anchor in candidates for when in references):
            continue
        anchor = min(candidates, key=lambda a: abs(_implied(mention, a) - published))
        yield _ordinal_finding(article, mention, anchor, published)


def _one_theatre(candidates: list[Anchor]) -> bool:
    """One candidate (a war the sentence names), or all share a context word: "the war" may mean
    2014 or 2022 in Ukraine, not Gaza."""
    if len(candidates) == 1:
        return True
    shared = set(candidates[0].context)
    for anchor in candidates[1:]:
        shared &= set(anchor.context)
    return bool(shared)


def _implied(mention: OrdinalMention, anchor: Anchor) -> date:
    return anchor.date + timedelta(days=round((mention.ordinal - 1) * UNIT_DAYS[mention.unit]))


def _ordinal_finding(article: Article, mention: OrdinalMention, anchor: Anchor, published: date) -> Finding:
    elapsed = (published - anchor.date).days
    actual = int(elapsed // UNIT_DAYS[mention.unit]) + 1
    implied = _implied(mention, anchor)
    off_days = abs((published - implied).days)
    severity = "high" if off_days > max(30, 0.05 * elapsed) else "medium"
    message = (f"A {mention.noun} in its {mention.ordinal_text} {mention.unit} would date this to "
               f"{implied.isoformat()}, but the article is dated {published.isoformat()} "
               f"({mention.unit} {actual:,} counted from {anchor.date.isoformat()}: {anchor.label}).")
    return Finding(codes.TIME_ANACHRONISM, severity, message, (evidence(article, mention.start, mention.end),),
                   (Ref("anchors.csv", anchor.describe()),))


# --- time.anachronism: ages and birth years ------------------------------------------------

def check_ages(report: Report, resources: Resources) -> Iterator[Finding]:
    article, published = report.article, published_date(report.article)
    if published is None:
        return
    text = article.text
    for sentence_start, sentence_end in _sentences_with(text, BORN):
        ages = list(AGE.finditer(text, sentence_start, sentence_end))
        births = list(BORN.finditer(text, sentence_start, sentence_end))
        if len(ages) != 1 or len(births) != 1:
            continue  # two people or two ages: which age goes with which birth is a guess
        age = int(ages[0]["age"] or ages[0]["aged"] or ages[0]["appos"])
        born = int(births[0]["year"])
        years = [published.year] + sentence_years(text, sentence_start, sentence_end, skip=[born])
        if any(year - born - 1 <= age <= year - born for year in years):
            continue
        true_age = published.year - born
        span = (min(ages[0].start(), births[0].start()), max(ages[0].end(), births[0].end()))
        message = (f"Someone born in {born} is {true_age - 1} or {true_age} in {published.year}, "
                   f"not {age} as the article says.")
        severity = "high" if abs(true_age - age) >= 3 else "medium"
        yield Finding(codes.TIME_ANACHRONISM, severity, message, (evidence(article, *span),),
                      (Ref("publication date", published.isoformat()),))


def _sentences_with(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(text):
        span = sentence_around(text, match.start())
        if span not in spans:
            spans.append(span)
    return spans


# --- time.anachronism: "N years since X", "Nth anniversary" --------------------------------

@dataclass(frozen=True)
class Start:
    """One thing a "since"/"anniversary" phrase may count from: the earliest and latest day it may mean."""

    since: date
    until: date
    ref: Ref
    label: str


@dataclass(frozen=True)
class YearsClaim:
    years: float
    qualifier: str
    starts: tuple[Start, ...]  # what the phrase may count from: it is wrong only if wrong for all
    start: int
    end: int
    what: str

    @property
    def own_years(self) -> set[int]:
        return {year for s in self.starts for year in range(s.since.year, s.until.year + 1)}


def near_units(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose ``unit`` group is a ``YEARS_UNIT`` word, tried
    only around each such word: the same matches, in order, without overlaps."""
    last_end = 0
    for unit in YEARS_UNIT.finditer(text):
        if unit.start() < last_end:
            continue
        position = max(last_end, unit.start() - UNIT_REACH)
        while position <= unit.start():
            match = pattern.search(text, position, unit.end() + UNIT_AFTER)
            if match is None or match.start() > unit.start():
                break
            if match.start("unit") == unit.start():
                last_end = match.end()
                yield match
                break
            position = match.start() + 1


def years_claims(text: str, resources: Resources, published: Optional[date] = None) -> Iterator[YearsClaim]:
    for pattern in (YEARS_SINCE, YEARS_AGO):
        for match in near_units(pattern, text):
            after = pattern is YEARS_SINCE and match["link"].lower() == "after"
            if after and _narrative_after(text, match):
                continue
            if pattern is YEARS_SINCE and _past_perfect_since(text, match):
                continue
            what, at = _what(text, match)
            yield from _years_claim(match, number_value(match["n"]) * _unit_years(match["unit"]),
                                    (match["q"] or "").lower(), what, at, text, resources, published, after=after)
    for match in ANNIVERSARY.finditer(text) if ANNIVERSARY_WORD.search(text) else ():
        if _past_anniversary(text, match):
            continue
        sentence_start, sentence_end = sentence_around(text, match.start())
        founded = FOUNDED.search(text, sentence_start, sentence_end)
        if founded:
            yield from _years_claim(match, ordinal_value(match["ord"]), "", founded[0], founded.start(), text,
                                    resources, published)
            continue
        what, at = _what(text, match)
        if not resources.anchors.find(what, text, published) and WHEN_YEAR.match(what):
            continue  # "its 50th anniversary tour in 2020": the year the anniversary falls, not the start
        yield from _years_claim(match, ordinal_value(match["ord"]), "", what, at, text, resources, published)


def _what(text: str, match: re.Match[str]) -> tuple[str, int]:
    """What a count is counted from, cut at the end of its sentence ("the Sept. 11 attacks" keeps
    its abbreviation's full stop)."""
    start, end = match.start("what"), match.end("what")
    sentence_end = sentence_around(text, match.start())[1]
    return text[start:min(end, sentence_end)].rstrip(" .!?\"”’)"), start


def _narrative_after(text: str, match: re.Match[str]) -> bool:
    """"Two years after the club closed, she moved to Leeds": counted to another moment, not to the
    publication date; only a sentence that says it speaks of now ("now", "today", "this year",
    "marks") counts "N years after" up to the publication date ("Ten years after the disaster, the
    town is still empty" may be told from any year)."""
    start, end = sentence_around(text, match.start())
    return not NOW_MARKER.search(text, start, end)


def _past_anniversary(text: str, match: re.Match[str]) -> bool:
    """"The attacks in Benghazi, on the 11th anniversary of 9/11, were ...": the anniversary dates a
    past event; it is not counted to the publication date."""
    before = text[max(0, match.start() - 12):match.start()].lower()
    start, end = sentence_around(text, match.start())
    return (ANNIVERSARY_DAY.search(before) is not None and PAST_WORDS.search(text, start, end) is not None
            and not NOW_MARKER.search(text, start, end))


def _past_perfect_since(text: str, match: re.Match[str]) -> bool:
    """"In the five years since the war, the town had rebuilt": counted to a past moment."""
    before = text[max(0, match.start() - 8):match.start()].lower()
    start, end = sentence_around(text, match.start())
    return before.rstrip().endswith("in the") and PAST_PERFECT.search(text, start, end) is not None


def _unit_years(unit: str) -> int:
    return 10 if unit.lower().startswith("decade") else 1


def _years_claim(match: re.Match[str], years: float, qualifier: str, what: str, at: int, text: str,
                 resources: Resources, published: Optional[date], after: bool = False) -> Iterator[YearsClaim]:
    """``what`` (found at ``at``) names the start: an event of the table, or a year it gives."""
    counted_end = match.start("what")  # the evidence runs from the count to the start it names
    events = resources.anchors.find(what, text, published)
    if events:
        starts = tuple(Start(*event.bounds(), Ref("anchors.csv", event.anchor.describe()), event.anchor.label)
                       for event in events)
        end = max(at + event.end for event in events)
        yield YearsClaim(years, qualifier, starts, min(match.start(), at), max(counted_end, end), what)
        return
    # after a count told with "after", only "the 2016 referendum" dates the start, not "…, in 1976"
    year = ATTRIBUTIVE_YEAR.search(what) if after else (WHAT_YEAR.search(what) or FOUNDED.search(what))
    if year:
        value = int(year["year"])
        ref = Ref("text", f"{year['year']} as the article dates it")
        start = Start(date(value, 1, 1), date(value, 12, 31), ref, year["year"])
        yield YearsClaim(years, qualifier, (start,), min(match.start(), at),
                         max(counted_end, at + year.end("year")), what)


def years_fit(claim: YearsClaim, when: date) -> bool:
    return any(_start_fits(claim, start, when) for start in claim.starts)


def _start_fits(claim: YearsClaim, start: Start, when: date) -> bool:
    most = (when - start.since).days / 365.25
    least = (when - start.until).days / 365.25
    if claim.qualifier in ("over", "more than", "at least", "just over"):
        return most >= claim.years - 0.25
    if claim.qualifier in ("nearly", "almost", "under", "just under"):
        return least <= claim.years + 0.25
    return most >= claim.years - 1 - YEARS_SLACK and least <= claim.years + 1 + YEARS_SLACK


def check_years_since(report: Report, resources: Resources) -> Iterator[Finding]:
    article, published = report.article, published_date(report.article)
    if published is None:
        return
    for claim in years_claims(article.text, resources, published):
        sentence_start, sentence_end = sentence_around(article.text, claim.start)
        years = sentence_years(article.text, sentence_start, sentence_end, skip=claim.own_years)
        references = [published] + [date(year, 7, 1) for year in years]
        if any(years_fit(claim, when) for when in references):
            continue
        start = min(claim.starts, key=lambda s: _years_off(claim, s, published))
        low, high = _years_between(start, published)
        counted = "" if start.ref.source == "text" else f" (counted from {start.label}, {_when(start)})"
        was = f"{high}" if low == high else f"between {low} and {high}"
        message = (f"“{article.text[claim.start:claim.end]}” counts {claim.years:g} years, but on the "
                   f"publication date {published.isoformat()} it was {was} years{counted}.")
        true_years = low if abs(low - claim.years) < abs(high - claim.years) else high
        severity = "high" if abs(true_years - claim.years) >= 3 else "medium"
        yield Finding(codes.TIME_ANACHRONISM, severity, message, (evidence(article, claim.start, claim.end),),
                      tuple(s.ref for s in claim.starts))


def _when(start: Start) -> str:
    if start.since == start.until:
        return start.since.isoformat()
    return f"{start.since.isoformat()} to {start.until.isoformat()}"


def _years_between(start: Start, published: date) -> tuple[int, int]:
    """Whole years from the start to the publication date: the fewest and the most, for a start
    that spans a year (a year alone counts calendar years, as anniversaries do) or longer."""
    if start.since == start.until:
        since = start.since
        years = published.year - since.year - ((published.month, published.day) < (since.month, since.day))
        return years, years
    if start.since.year == start.until.year:
        return published.year - start.since.year, published.year - start.since.year
    until = start.until
    fewest = published.year - until.year - ((published.month, published.day) < (until.month, until.day))
    return max(0, fewest), published.year - start.since.year  # 0: still under way on the publication date


def _years_off(claim: YearsClaim, start: Start, published: date) -> float:
    low, high = _years_between(start, published)
    return 0 if low <= claim.years <= high else min(abs(low - claim.years), abs(high - claim.years))


# --- time.interval_mismatch ----------------------------------------------------------------

_MILESTONE = (r"\b(?:first|biggest|largest|greatest|worst|best|highest|lowest|deadliest|strongest|weakest|"
              r"longest|major|record)\b")
# "the first major victory in over two years"; not across a "since" that dates the milestone itself
# or a clause joined by "and"/"but": "the worst since 9/11, and the second of its kind in six months"
_MILESTONE_GAP = r"(?:(?!\bsince\b|,\s(?:and|but)\b)[^.;:!?]){0,80}?"
MILESTONE_IN = re.compile(rf"{_MILESTONE}{_MILESTONE_GAP}\bin\s(?:{_QUALIFIER}\s)?(?P<n>{_NUM})\s"
                          rf"(?P<unit>years?|months?|decades?|weeks?)\b", re.IGNORECASE)
# "their biggest prize since Avdiivka in early 2024"
MILESTONE_SINCE = re.compile(rf"{_MILESTONE}[^.;:!?]{{0,80}}?\bsince\b", re.IGNORECASE)
SPAN_FOR = re.compile(rf"^(?:for|over the past|the past|past|in the past)\s(?:{_QUALIFIER}\s)?", re.IGNORECASE)
DAY_LEVEL = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\b(?!\d)|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                       r"yesterday|today", re.IGNORECASE)
MONTH_LEVEL = re.compile(rf"\b(?:{MONTH_FULL})\b|spring|summer|autumn|fall|winter", re.IGNORECASE)
TIME_WORDS = ("since", "early", "late", "over", "first", "months", "years", "weeks", "grueling")
SLACK = timedelta(days=15)


@dataclass(frozen=True)
class Span:
    """A stated length of time ("over two years") with where it is written."""

    days: float
    qualifier: str
    evidence: Evidence
    words: frozenset[str]


@dataclass(frozen=True)
class SincePoint:
    """A dated starting point ("since early 2024"): the earliest and latest day it may mean."""

    earliest: date
    latest: date
    evidence: Evidence
    words: frozenset[str]


def since_bounds(time: TimeRef) -> Optional[tuple[date, date]]:
    if not time.start:
        return None
    first = date.fromisoformat(time.start)
    body = time.text[len("since"):] if time.text.lower().startswith("since") else None
    if body is None:
        return first, date.fromisoformat(time.end or time.start)
    if DAY_LEVEL.search(body):
        return first, first
    if MONTH_LEVEL.search(body):
        return first, first + timedelta(days=30)
    return first, date(first.year, 12, 31)


def _milestone_spans(report: Report) -> Iterator[Span]:
    article = report.article
    for match in MILESTONE_IN.finditer(article.text):
        sentence = sentence_around(article.text, match.start())
        yield Span(_span_days(match), (match["q"] or "").lower(), evidence(article, match.start(), match.end()),
                   frozenset(content_words(article.text[slice(*sentence)], TIME_WORDS)))
    for match in MILESTONE_IN.finditer(article.headline or ""):
        yield Span(_span_days(match), (match["q"] or "").lower(), Evidence(match[0], "headline"),
                   frozenset(content_words(article.headline or "", TIME_WORDS)))


def _span_days(match: re.Match[str]) -> float:
    return number_value(match["n"]) * UNIT_DAYS[match["unit"].lower().rstrip("s")]


def _milestone_points(report: Report) -> Iterator[SincePoint]:
    article, times = report.article, all_times(report)
    for match in MILESTONE_SINCE.finditer(article.text):
        sentence = sentence_around(article.text, match.start())
        after = [t for t in times if match.end() - 6 <= t.char_start <= match.end() + 60 and t.char_start < sentence[1]
                 and t.kind in ("date", "period")]
        bounds = since_bounds(after[0]) if after else None
        if bounds is None:
            continue
        stop = max(match.end(), after[0].char_end)
        yield SincePoint(*bounds, evidence(article, match.start(), stop),
                         frozenset(content_words(article.text[slice(*sentence)], TIME_WORDS)))


def span_fits(span: Span, point: SincePoint, published: date) -> bool:
    most = (published - point.earliest + SLACK).days
    least = (published - point.latest - SLACK).days
    if span.qualifier in ("over", "more than", "at least", "just over"):
        return most >= span.days
    if span.qualifier in ("nearly", "almost", "under", "just under"):
        return least <= span.days
    unit = span.days / max(1, round(span.days / 365.25)) if span.days >= 365 else 30.44
    return most >= span.days - unit and least <= span.days + unit


def check_milestones(report: Report, resources: Resources) -> Iterator[Finding]:
    published = published_date(report.article)
    if published is None:
        return
    spans = list(_milestone_spans(report))
    for point in _milestone_points(report):
        clashing = [span for span in spans if len(span.words & point.words) >= 2
                    and not span_fits(span, point, published)]
        if clashing:  # the headline and the body often say it twice: one finding per dated start
            finding = _interval_finding(clashing[0], point, published)
            extra = tuple(span.evidence for span in clashing[1:])
            yield Finding(finding.code, finding.severity, finding.message, finding.evidence + extra, finding.refs)


def _interval_finding(span: Span, point: SincePoint, published: date) -> Finding:
    most, least = (published - point.earliest).days, max(0, (published - point.latest).days)
    bound = f"at most {_describe_days(most)}" if span.days > most else f"at least {_describe_days(least)}"
    message = (f"“{span.evidence.text}” does not fit “{point.evidence.text}”, which puts that start {bound} "
               f"before the article's date ({published.isoformat()}).")
    return Finding(codes.TIME_INTERVAL_MISMATCH, "medium", message, (span.evidence, point.evidence),
                   (Ref("text", point.evidence.text),))


def _describe_days(days: float) -> str:
    if days >= 365.25:
        return f"{days / 365.25:.1f} years"
    return f"{days / 30.44:.0f} months" if days >= 60 else f"{days:.0f} days"


def check_for_since(report: Report, resources: Resources) -> Iterator[Finding]:
    """"For three years" and "since 2024" in clauses about the same thing."""
    article, published = report.article, published_date(report.article)
    if published is None:
        return
    times, text = all_times(report), article.text
    spans = [_for_span(article, t) for t in times if t.kind == "duration" and t.days and SPAN_FOR.match(t.text)
             and _up_to_now(text, t)]
    points = [_since_point(article, t) for t in times if t.kind == "period" and t.text.lower().startswith("since")
              and not LAST_OCCURRENCE.search(text, max(0, t.char_start - 60), t.char_start)]
    for span in spans:
        for point in points:
            if point is None or len(span.words & point.words) < 2:
                continue
            if abs(span.evidence.start - point.evidence.start) > FOR_SINCE_CHARS:
                continue  # paragraphs apart: two stories of one article, not one stated twice
            if _for_fits(span, point, published):
                continue
            yield _interval_finding(span, point, published)


# "the first elections since 1990", "the biggest drop since 2008": "since" names the last time
# it happened, not the start of a state that lasts to now.
LAST_OCCURRENCE = re.compile(r"\b(?:first|last|only|biggest|largest|highest|lowest|worst|best|most|least|"
                             r"fewest|strongest|weakest|deadliest|longest|shortest|hottest|coldest|wettest|driest)\b[^.;!?]*$",
                             re.IGNORECASE)
# "has been held for", "have lived there for", "for the past five years": a length measured to now.
UP_TO_NOW = re.compile(r"\b(?:has|have|hasn['’]t|haven['’]t|['’]s been|['’]ve been|is|are|remains?|still)\b[^.;!?]*$",
                       re.IGNORECASE)
FOR_SINCE_CHARS = 1500


def _up_to_now(text: str, time: TimeRef) -> bool:
    """Whether a "for N years" runs to the article's present, not a closed past stretch
    ("held hostage for 444 days" under Carter)."""
    if re.match(r"(?:over |in )?(?:the )?(?:past|last)\b", time.text, re.IGNORECASE):
        return True
    start = clause_around(text, time.char_start, time.char_end)[0]
    return bool(UP_TO_NOW.search(text, start, time.char_start))


def _for_span(article: Article, time: TimeRef) -> Span:
    qualifier = SPAN_FOR.match(time.text)
    words = content_words(article.text[slice(*clause_around(article.text, time.char_start, time.char_end))],
                          TIME_WORDS + tuple(time.text.split()))
    return Span(time.days or 0.0, (qualifier["q"] or "").lower() if qualifier else "",
                evidence(article, time.char_start, time.char_end), frozenset(words))


def _since_point(article: Article, time: TimeRef) -> Optional[SincePoint]:
    bounds = since_bounds(time)
    if bounds is None:
        return None
    words = content_words(article.text[slice(*clause_around(article.text, time.char_start, time.char_end))],
                          TIME_WORDS + tuple(time.text.split()))
    return SincePoint(*bounds, evidence(article, time.char_start, time.char_end), frozenset(words))


def _for_fits(span: Span, point: SincePoint, published: date) -> bool:
    most = (published - point.earliest).days
    least = (published - point.latest).days
    if span.qualifier in ("over", "more than", "at least", "just over"):
        return span.days <= most + 30
    if span.qualifier in ("nearly", "almost", "under", "just under"):
        return span.days >= least - 30
    return least * 0.75 - 30 <= span.days <= most * 1.25 + 30


# --- time.stale_future ---------------------------------------------------------------------

FUTURE_WORDING = re.compile(
    r"\b(?:will|shall|(?:is|are)\s(?:set|due|scheduled|slated|expected|poised|going)\sto|"
    r"(?:is|are)\s(?:scheduled|set|due|slated)\s(?:for|on)|upcoming|plans?\sto|intends?\sto|"
    r"next\s(?:week|month|year)['’]s)\b", re.IGNORECASE)
DEADLINE_AFTER = re.compile(r"^\s?deadline\b", re.IGNORECASE)
# Words that make future wording a report of the past ("was due to", "had been set for").
PAST_MARKER = re.compile(r"\b(?:was|were|had|has|have|been|did|missed|passed|expired|lapsed|postponed|delayed|"
                         r"extended|moved|pushed|originally|initially|previously|would|earlier|ago|last)\b",
                         re.IGNORECASE)
NEAR_FUTURE = re.compile(r"\b(?:next\sweek(?:['’]s)?|this\sweek(?:['’]s)?|later\sthis\sweek|tomorrow(?:['’]s)?)\b",
                         re.IGNORECASE)
HAS_YEAR = re.compile(rf"\b{_YEAR}\b")
RECENT_DAYS = 60  # a yearless day this recent, written as ahead, was meant for this year
YEAR_ONLY = re.compile(r"^(?:in|by|until|during|of)?\s*(?:early|mid|late)?-?\s*(?:18|19|20)\d{2}$", re.IGNORECASE)
YEAR_CUE_GAP = 20  # characters between a future cue and a bare year it can govern ("will run in 2028")
SCHEDULED_DAYS = 120  # a yearless day that passed this recently, written as scheduled, is stale
# A weekday alone ("on Tuesday", "starting Sunday"): written as ahead, it is the next one.
WEEKDAY_ONLY = re.compile(r"^(?:\w+\s)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\W*$", re.IGNORECASE)


def check_stale_future(report: Report, resources: Resources) -> Iterator[Finding]:
    article, published = report.article, published_date(report.article)
    if published is None:
        return
    for time in all_times(report):
        if time.kind not in ("date", "period") or not time.end or time.text.lower().startswith("since"):
            continue
        finding = (_explicit_past(article, time, published) if HAS_YEAR.search(time.text)
                   else _near_future_passed(article, time, published))
        if finding:
            yield finding


def _future_cue(article: Article, time: TimeRef, pattern: re.Pattern[str]) -> Optional[re.Match[str]]:
    clause_start, clause_end = clause_around(article.text, time.char_start, time.char_end)
    before = max(clause_start, time.char_start - 80)
    cues = list(pattern.finditer(article.text, before, time.char_start))
    if not cues or PAST_MARKER.search(article.text, clause_start, clause_end):
        return None
    return cues[-1]


def _explicit_past(article: Article, time: TimeRef, published: date) -> Optional[Finding]:
    if date.fromisoformat(time.end) >= published - timedelta(days=1):
        return None
    cue = _future_cue(article, time, FUTURE_WORDING)
    if cue is not None and YEAR_ONLY.match(time.text) and time.char_start - cue.end() > YEAR_CUE_GAP:
        return None  # "will bookend his address to the convention in 2004": the year dates the address
    start = cue.start() if cue else time.char_start
    if cue is None:
        if not DEADLINE_AFTER.match(article.text[time.char_end:time.char_end + 12]):
            return None
        clause = clause_around(article.text, time.char_start, time.char_end)
        if PAST_MARKER.search(article.text, *clause):
            return None
    sentence_start, sentence_end = sentence_around(article.text, time.char_start)
    years = sentence_years(article.text, sentence_start, time.char_start)
    if any(year < int(time.end[:4]) for year in years):
        return None  # a narrative of the past: "In March 2024, the council said it will vote on ..."
    stop = max(time.char_end, start)
    message = (f"“{article.text[start:stop]}” is written as still to come, but {time.text} "
               f"was before the article's date ({published.isoformat()}).")
    return Finding(codes.TIME_STALE_FUTURE, "medium", message, (evidence(article, start, stop),),
                   (Ref("publication date", published.isoformat()),))


def _near_future_passed(article: Article, time: TimeRef, published: date) -> Optional[Finding]:
    if time.kind != "date" or not time.start or WEEKDAY_ONLY.match(time.text):
        return None  # "will vote on Tuesday" means the next Tuesday, whatever the calendar says
    resolved = date.fromisoformat(time.start)
    passed = resolved if resolved < published else _year_before(resolved)
    if passed is not None and published - timedelta(days=SCHEDULED_DAYS) <= passed < published - timedelta(days=1):
        # "is scheduled to rule on March 13" in an article of May: this year's March 13 has gone
        # by, and next year's is too far off for a yearless date to mean it
        cue = _future_cue(article, time, FUTURE_WORDING)
        if cue is not None and not sentence_years(article.text, *sentence_around(article.text, time.char_start)):
            message = (f"“{article.text[cue.start():time.char_end]}” is written as still to come, but "
                       f"{time.text} last fell on {passed.isoformat()}, before the article's date "
                       f"({published.isoformat()}).")
            return Finding(codes.TIME_STALE_FUTURE, "medium", message,
                           (evidence(article, cue.start(), time.char_end),),
                           (Ref("publication date", published.isoformat()),))
    cue = _future_cue(article, time, NEAR_FUTURE)
    if cue is None:
        return None
    if published <= resolved <= published + timedelta(days=200):
        return None
    passed = resolved if resolved < published else _year_before(resolved)
    if passed is None or not published - timedelta(days=RECENT_DAYS) <= passed < published:
        return None
    message = (f"“{article.text[cue.start():time.char_end]}” speaks of the near future, but {time.text} "
               f"last fell on {passed.isoformat()}, before the article's date ({published.isoformat()}).")
    return Finding(codes.TIME_STALE_FUTURE, "medium", message, (evidence(article, cue.start(), time.char_end),),
                   (Ref("publication date", published.isoformat()),))


def _year_before(day: date) -> Optional[date]:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return None


def check_anachronisms(report: Report, resources: Resources) -> Iterable[Finding]:
    yield from check_event_ordinals(report, resources)
    yield from check_ages(report, resources)
    yield from check_years_since(report, resources)


def check_interval_mismatch(report: Report, resources: Resources) -> Iterable[Finding]:
    yield from check_milestones(report, resources)
    yield from check_for_since(report, resources)


CHECKS = [check_anachronisms, check_interval_mismatch, check_stale_future]
