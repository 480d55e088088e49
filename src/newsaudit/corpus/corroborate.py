"""Claims compared across linked articles: ``claim.corroborated`` and ``claim.contradicted_elsewhere``.

Within each pair of articles a story link joins (``stories.py``), three kinds of fact are set
side by side:

- figures: two quantities of the same unit or counted noun whose claims share most of their
  content words ("224 people died when the ferry capsized" / "the capsizing killed 216
  people"). They agree when the intervals they can mean meet (rounding: "about 220" is 187 to
  253; hedges: "more than 200" is 200 and up). Figures of articles published on different days
  are not compared: a toll that rises from one day to the next is an update, not a dispute;
- quotes: the same quoted words (six or more, nearly identical) given to two speakers whose
  names share no word are a quote given to different speakers;
- dates: two claims about one event (most of their words shared) that each name one day and
  name different days, in articles published the same day.

Agreement gives the claim ``claim.corroborated`` (info; the other articles' spans as evidence),
disagreement ``claim.contradicted_elsewhere`` (medium; the other article's span and outlet).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping, Optional, Sequence

from rapidfuzz import fuzz

from .. import codes
from ..model import Claim, Evidence, Finding, Quantity, Quote, Ref, Report
from ..text.sentences import content_words
from .stories import Link, _article_id, _day

FIGURE_KINDS = frozenset({"count", "money", "percent", "area", "length", "weight", "volume", "energy"})  # measured facts
MIN_SHARED_WORDS, MIN_SHARE = 3, 0.4  # of two claims' content words, what one fact must share
EVENT_SHARED_WORDS, EVENT_SHARE = 3, 0.5
SUBORDINATE = re.compile(r"\b(?:after|before|when|as|since|while|until|because|and|but)\b|[,;]", re.I)
EVENT_BEFORE, EVENT_AFTER = 80, 30  # characters around a date that say what happened on it
MIN_QUOTE_WORDS = 6
QUOTE_SIMILARITY = 90  # rapidfuzz ratio of two quotes that are one quote
HEDGE_LOWER = re.compile(r"(?:more than|over|at least|upwards of)\s*$", re.I)
HEDGE_UPPER = re.compile(r"(?:less than|fewer than|under|up to|nearly|almost)\s*$", re.I)
HEDGE_ABOUT = re.compile(r"(?:about|around|some|roughly|approximately|an estimated|nearly)\s*$", re.I)
ABOUT_MARGIN = 0.10  # "about 3,400" may be 3,060 to 3,740: not "some 4,300"


@dataclass(frozen=True)
class Side:
    """One article's view of a fact: the article, its claim and the item compared."""

    article_id: str
    report: Report
    claim: Claim
    text: str  # the words compared (a figure, a quote, a date)
    start: int
    end: int
    value: str = ""  # what is compared: the figure as printed, the speaker, the resolved date


@dataclass(frozen=True)
class Outcome:
    kind: str  # figure | quote | date
    agrees: bool
    mine: Side
    theirs: Side


def corroborate(reports: Iterable[Report], links: Iterable[Link]) -> dict[str, list[Finding]]:
    """Findings for each article id: its claims set beside the claims of the articles it links to."""
    by_id = {_article_id(report): report for report in reports}
    outcomes: dict[str, list[Outcome]] = defaultdict(list)
    for link in links:
        if link.article_id >= link.other_article_id:
            continue  # each pair once; its outcomes go to both sides
        a, b = by_id.get(link.article_id), by_id.get(link.other_article_id)
        if a is None or b is None:
            continue
        for outcome in compare(a, b):
            outcomes[link.article_id].append(outcome)
            outcomes[link.other_article_id].append(_flip(outcome))
    return {article: findings(article_outcomes) for article, article_outcomes in sorted(outcomes.items())}


def compare(a: Report, b: Report) -> list[Outcome]:
    """Every fact two reports state in common, and whether they agree."""
    same_day = _day(a.article.published) is not None and _day(a.article.published) == _day(b.article.published)
    found = _quotes(a, b)
    if same_day:
        found += _figures(a, b) + _dates(a, b)
    return found


def _flip(outcome: Outcome) -> Outcome:
    return Outcome(outcome.kind, outcome.agrees, outcome.theirs, outcome.mine)


# --- figures ------------------------------------------------------------------------------------

def _figures(a: Report, b: Report) -> list[Outcome]:
    found = []
    theirs = list(_figures_of(b))
    for claim, quantity, words in _figures_of(a):
        for other_claim, other, other_words in theirs:
            if _unit(quantity) != _unit(other) or quantity.kind != other.kind:
                continue
            if not _same_subject(words, other_words, MIN_SHARED_WORDS, MIN_SHARE):
                continue
            agrees = _meet(_interval(a.article.text, quantity), _interval(b.article.text, other))
            found.append(Outcome("figure", agrees, _side(a, claim, quantity), _side(b, other_claim, other)))
            break  # one counterpart per figure
    return found


def _figures_of(report: Report):
    for claim in report.claims:
        units = [_unit(q) for q in claim.quantities]
        for quantity in claim.quantities:
            if quantity.kind not in FIGURE_KINDS or not quantity.unit or units.count(_unit(quantity)) > 1:
                continue  # two values of one unit in a claim are a comparison, not one fact
            if quantity.value is None and quantity.low is None:
                continue
            yield claim, quantity, _words(claim.text, quantity)


def _unit(quantity: Quantity) -> str:
    unit = (quantity.unit or "").lower()
    return unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit


def _words(text: str, quantity: Optional[Quantity] = None) -> set[str]:
    drop = (quantity.unit or "",) if quantity is not None else ()
    return {w for w in content_words(text, drop) if not any(ch.isdigit() for ch in w)}


def _same_subject(a: set[str], b: set[str], least: int, share: float) -> bool:
    shared = a & b
    return len(shared) >= least and len(shared) >= share * min(len(a), len(b))


def _interval(text: str, quantity: Quantity) -> tuple[float, float]:
    if quantity.low is not None and quantity.high is not None:
        return quantity.low, quantity.high
    value = quantity.value or 0.0
    before = text[max(0, quantity.char_start - 20): quantity.char_start]
    step = _rounding(quantity.text, value)
    if HEDGE_LOWER.search(before) or quantity.text.rstrip().endswith("+"):
        return value, math.inf
    margin = max(ABOUT_MARGIN * abs(value), step / 2)
    if HEDGE_UPPER.search(before):
        return value - margin, value
    if HEDGE_ABOUT.search(before) or quantity.approx:
        return value - margin, value + margin
    return value - step / 2, value + step / 2


def _rounding(printed: str, value: float) -> float:
    """One unit of the last digit printed: "1.14 million" -> 10,000; "224" -> 1; "3,400" -> 100."""
    numeral = re.search(r"\d[\d,]*(?:\.\d+)?", printed)
    if not numeral or not value:
        return 0.0
    digits = numeral[0].replace(",", "")
    shown = float(digits)
    if "." in digits:
        return value / shown * 10 ** -len(digits.split(".")[1]) if shown else 0.0
    trailing = len(digits) - len(digits.rstrip("0"))
    return value / shown * 10 ** trailing if shown else 0.0


def _meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


# --- quotes -------------------------------------------------------------------------------------

def _quotes(a: Report, b: Report) -> list[Outcome]:
    found = []
    for mine in a.quotes:
        if not mine.direct or not mine.speaker or len(mine.text.split()) < MIN_QUOTE_WORDS:
            continue
        for theirs in b.quotes:
            if not theirs.direct or not theirs.speaker or len(theirs.text.split()) < MIN_QUOTE_WORDS:
                continue
            if fuzz.ratio(_plain(mine.text), _plain(theirs.text)) < QUOTE_SIMILARITY:
                continue
            agrees = _same_person(mine.speaker, theirs.speaker)
            found.append(Outcome("quote", agrees, _quote_side(a, mine), _quote_side(b, theirs)))
            break
    return found


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _same_person(a: str, b: str) -> bool:
    """Names that share a word ("Zelenskyy" and "Volodymyr Zelenskyy") are one person."""
    return bool(set(_plain(a).split()) & set(_plain(b).split()))


def _quote_side(report: Report, quote: Quote) -> Side:
    claim = Claim(f"quote@{quote.start}", quote.text, quote.start, quote.end, 0.0, None, None)
    return Side(_article_id(report), report, claim, quote.text, quote.start, quote.end, quote.speaker or "")


# --- event dates --------------------------------------------------------------------------------

def _dates(a: Report, b: Report) -> list[Outcome]:
    found = []
    theirs = [(claim, day, _event_words(b.article.text, claim, day)) for claim in b.claims
              for day in (_one_date(claim),) if day is not None]
    for claim in a.claims:
        day = _one_date(claim)
        if day is None:
            continue
        words = _event_words(a.article.text, claim, day)
        for other, other_day, other_words in theirs:
            if not _same_subject(words, other_words, EVENT_SHARED_WORDS, EVENT_SHARE):
                continue
            agrees = day.start == other_day.start
            found.append(Outcome("date", agrees, _side_time(a, claim, day), _side_time(b, other, other_day)))
            break
    return found


def _event_words(text: str, claim: Claim, ref) -> set[str]:  # noqa: ANN001
    """The words that say what happened on a date: those just before it in its claim, and a few after
    ("the ferry capsized off Mellano on Sunday night"; not "rescuers searched on Monday after ...")."""
    before = text[max(claim.start, ref.char_start - EVENT_BEFORE): ref.char_start]
    after = text[ref.char_end: min(claim.end, ref.char_end + EVENT_AFTER)]
    before = SUBORDINATE.split(before)[-1]  # "... died when | the ferry capsized off Mellano"
    after = SUBORDINATE.split(after)[0]  # "on Monday | after the ferry capsized": another event
    return _words(before + " " + after)


def _one_date(claim: Claim):
    days = [t for t in claim.times if t.kind == "date" and t.start]
    return days[0] if len(days) == 1 else None


def _side(report: Report, claim: Claim, quantity: Quantity) -> Side:
    return Side(_article_id(report), report, claim, quantity.text, quantity.char_start, quantity.char_end,
                quantity.text)


def _side_time(report: Report, claim: Claim, ref) -> Side:  # noqa: ANN001
    return Side(_article_id(report), report, claim, ref.text, ref.char_start, ref.char_end, ref.start or "")


# --- findings -----------------------------------------------------------------------------------

def findings(outcomes: Sequence[Outcome]) -> list[Finding]:
    """One ``claim.corroborated`` per claim and kind (all the articles that agree), and one
    ``claim.contradicted_elsewhere`` per claim and other article that disagrees."""
    agreeing: dict[tuple[str, int, str], list[Outcome]] = defaultdict(list)
    found: list[Finding] = []
    for outcome in outcomes:
        if outcome.agrees:
            agreeing[(outcome.kind, outcome.mine.start, outcome.mine.text)].append(outcome)
        else:
            found.append(_contradicted(outcome))
    found += [_corroborated(group) for _key, group in sorted(agreeing.items())]
    return found


def _outlet(report: Report) -> str:
    return report.article.outlet or report.article.domain or "another article"


def _ref(side: Side) -> Ref:
    article = side.report.article
    where = f"{_outlet(side.report)}, {article.published or 'undated'}, {article.url or 'no URL'}"
    return Ref(source=f"article:{side.article_id}", detail=f"{where}, characters {side.start}-{side.end} of its text")


def _own(side: Side) -> Evidence:
    return Evidence(text=side.report.article.text[side.start:side.end], where="body", start=side.start, end=side.end)


def _theirs(side: Side) -> Evidence:
    return Evidence(text=f"{_outlet(side.report)}: {side.claim.text}", where="corpus")


KIND_WORDS = {"figure": "figure", "quote": "quote", "date": "date"}


def _corroborated(group: list[Outcome]) -> Finding:
    mine = group[0].mine
    outlets = sorted({_outlet(o.theirs.report) for o in group})
    message = (f"The {KIND_WORDS[group[0].kind]} “{mine.text}” is also reported by {len(outlets)} other "
               f"article{'s' if len(outlets) > 1 else ''} on the same story ({', '.join(outlets)}).")
    return Finding(codes.CLAIM_CORROBORATED, "info", message,
                   (_own(mine), *(_theirs(o.theirs) for o in group)), tuple(_ref(o.theirs) for o in group))


def _contradicted(outcome: Outcome) -> Finding:
    outlet = _outlet(outcome.theirs.report)
    what = {"figure": "gives a different figure", "quote": "gives this quote to a different speaker",
            "date": "gives the event a different date"}[outcome.kind]
    mine, theirs = outcome.mine.value, outcome.theirs.value
    detail = (f"said by {mine} here and by {theirs} there" if outcome.kind == "quote"
              else f"“{mine}” here against “{theirs}” there")
    message = f"{outlet}, reporting the same story, {what}: {detail}."
    return Finding(codes.CLAIM_CONTRADICTED_ELSEWHERE, "medium", message,
                   (_own(outcome.mine), _theirs(outcome.theirs)), (_ref(outcome.theirs),))


def corroborate_one(report: Report, others: Sequence[Report], links: Optional[Iterable[Link]] = None) -> list[Finding]:
    """One article against others (``check --store``): linked first when no links are given."""
    from .stories import link_stories

    mine = _article_id(report)
    pool = [report, *[o for o in others if _article_id(o) != mine]]
    chosen = list(links) if links is not None else [l for l in link_stories(pool) if l.article_id == mine]
    return corroborate(pool, [Link(min(l.article_id, l.other_article_id), max(l.article_id, l.other_article_id),
                                   l.score) for l in chosen]).get(mine, [])


def by_article(reports: Iterable[Report]) -> Mapping[str, Report]:
    return {_article_id(report): report for report in reports}
