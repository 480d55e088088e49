"""``number.inconsistent``: the same count about the same thing, given two different values.

Two quantities are compared only when they have the same unit or counted noun, the clauses
around them share at least two content words, they do not name different days, neither reads
as a part or an increment ("alone", "another", "more"), and they are not attributed to two
different sources (that is a dispute between sources, not the article contradicting itself).

Each value becomes the interval of what it can mean: "1.14 million" is 1.13 to 1.15 million
(one unit of its last printed digit, at most 10%), "over 100" is 100 and up, "around 200" is
170 to 230, "15-20" is 15 to 20. Values agree when their intervals meet.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from typing import Iterator, Optional

from .. import codes
from ..model import Claim, Finding, Quantity, Ref, Report, TimeRef
from ..reference.resources import Resources
from ..text.sentences import clause_around, content_words
from .common import evidence

COMPARABLE_KINDS = frozenset({"count", "money", "percent", "length", "measure"})
LOWER_BOUND_BEFORE = re.compile(r"(?:over|more than|at least|upwards of|just over|as many as|exceeding)\s*$", re.I)
UPPER_BOUND_BEFORE = re.compile(r"(?:under|less than|fewer than|up to|nearly|almost|just under|no more than)\s*$", re.I)
ABOUT_BEFORE = re.compile(r"(?:around|about|roughly|some|approximately|an estimated|estimated|close to|~)\s*$", re.I)
MORE_AFTER = re.compile(r"^\s*(?:—|-|–|,)?\s*(?:possibly|or|and)\s+more\b|^\+|^\s+plus\b", re.I)
# Words that make a figure a part of, or an addition to, another: not the same count.
PART_MARKER = re.compile(r"\b(?:alone|including|included|of them|of whom|among them|another|more|additional|"
                         r"further|new|each|per|a day|daily|remaining|rest|out of|of the)\b", re.I)
ABOUT_MARGIN = 0.15
ROUNDING_CAP = 0.10


# Each figure is compared with at most this many earlier figures of its unit: a contradiction is
# told near the figure it contradicts, and the check stays linear on a page of a thousand tallies.
MAX_EARLIER = 100
CONTEXT_CHARS = 300  # characters either side of a figure that say what it counts


@dataclass(frozen=True)
class Figure:
    quantity: Quantity
    claim: Claim
    low: float
    high: float
    words: frozenset[str]
    part: bool  # reads as a part of, or an addition to, another figure
    days: frozenset[str]  # the dates and periods its clause names


def interval(text: str, quantity: Quantity) -> tuple[float, float]:
    """What a printed quantity can mean, from its range, its rounding and its hedges."""
    if quantity.low is not None and quantity.high is not None:
        return quantity.low, quantity.high
    value = quantity.value or 0.0
    before = text[max(0, quantity.char_start - 20): quantity.char_start]
    after = text[quantity.char_end: quantity.char_end + 20]
    if LOWER_BOUND_BEFORE.search(before) or MORE_AFTER.match(after):
        return value, math.inf
    if UPPER_BOUND_BEFORE.search(before):
        return value * (1 - ABOUT_MARGIN), value
    if ABOUT_BEFORE.search(before) or quantity.approx:
        return value * (1 - ABOUT_MARGIN), value * (1 + ABOUT_MARGIN)
    step = min(rounding_step(quantity.text, value), ROUNDING_CAP * abs(value))
    return value - step, value + step


def rounding_step(printed: str, value: float) -> float:
    """One unit of the last digit the writer printed: 1.14 million -> 10,000; 60,000 -> 10,000."""
    numeral = re.search(r"\d[\d,]*(?:\.\d+)?", printed)
    if not numeral or value == 0:
        return 0.0
    digits = numeral[0].replace(",", "")
    if "." in digits:
        shown = float(digits)
        return value / shown * 10 ** -len(digits.split(".")[1]) if shown else 0.0
    trailing = len(digits) - len(digits.rstrip("0"))
    return value / float(digits) * 10 ** trailing


def figures(report: Report) -> list[Figure]:
    text, found = report.article.text, []
    for claim in report.claims:
        time_starts = [t.char_start for t in claim.times]  # sorted: a claim's facts are in text order
        for quantity in claim.quantities:
            if quantity.kind not in COMPARABLE_KINDS or not quantity.unit or quantity.value is None and quantity.low is None:
                continue
            low, high = interval(text, quantity)
            clause = _near(clause_around(text, quantity.char_start, quantity.char_end), quantity)
            words = content_words(text[slice(*clause)], (quantity.unit, *quantity.text.split()))
            found.append(Figure(quantity, claim, low, high, frozenset(words), _is_part(quantity, text),
                                _days(claim, time_starts, clause)))
    return found


def _near(clause: tuple[int, int], quantity: Quantity) -> tuple[int, int]:
    """The clause, cut to ``CONTEXT_CHARS`` either side of the figure: what a reader takes in."""
    return max(clause[0], quantity.char_start - CONTEXT_CHARS), min(clause[1], quantity.char_end + CONTEXT_CHARS)


def same_subject(a: Figure, b: Figure) -> bool:
    if a.quantity.unit != b.quantity.unit or a.quantity.kind != b.quantity.kind:
        return False
    if len(a.words & b.words) < 2 or a.part or b.part:
        return False
    if a.days and b.days and not a.days & b.days:
        return False  # counts for different days may differ
    return not _different_sources(a.claim, b.claim)


def _is_part(quantity: Quantity, text: str) -> bool:
    window = text[max(0, quantity.char_start - 25): quantity.char_end + 25]
    return bool(PART_MARKER.search(window))


def _days(claim: Claim, starts: list[int], clause: tuple[int, int]) -> frozenset[str]:
    inside = claim.times[bisect.bisect_left(starts, clause[0]): bisect.bisect_left(starts, clause[1])]
    times: list[TimeRef] = [t for t in inside if t.start]
    return frozenset({t.start for t in times if t.kind == "date"} | {f"{t.start}/{t.end}" for t in times if t.kind == "period"})


def _attributed_to(claim: Claim) -> Optional[str]:
    return claim.source or (claim.speaker.name if claim.speaker else None)


def _different_sources(a: Claim, b: Claim) -> bool:
    first, second = _attributed_to(a), _attributed_to(b)
    return bool(first and second and first != second)


def agree(a: Figure, b: Figure) -> bool:
    slack = 0.01 * max(abs(a.low), abs(b.low), 1.0)
    return a.low - slack <= b.high and b.low - slack <= a.high


def check_inconsistent_numbers(report: Report, resources: Resources) -> Iterator[Finding]:
    found = figures(report)
    reported: set[int] = set()
    groups: dict[tuple[str, str], list[Figure]] = {}
    for figure in found:  # only figures of one unit and kind can be the same quantity
        groups.setdefault(_group(figure), []).append(figure)
    position = {id(figure): index for group in groups.values() for index, figure in enumerate(group)}
    for first in found:
        group = groups[_group(first)]
        at = position[id(first)]
        for second in group[at + 1: at + 1 + MAX_EARLIER]:
            if id(second) in reported or first.claim.id == second.claim.id:
                continue
            if same_subject(first, second) and not agree(first, second):
                reported.add(id(second))
                yield _finding(report, first, second)


def _group(figure: Figure) -> tuple[str, str]:
    return figure.quantity.unit or "", figure.quantity.kind


def _finding(report: Report, first: Figure, second: Figure) -> Finding:
    a, b = first.quantity, second.quantity
    what = f"number of {a.unit}" if a.kind == "count" else f"{a.kind} figure"
    message = (f"The article gives “{a.text}” and later “{b.text}” for what reads as the same {what} "
               f"in the same context, and the two values do not agree.")
    return Finding(codes.NUMBER_INCONSISTENT, "medium", message,
                   (evidence(report.article, a.char_start, a.char_end), evidence(report.article, b.char_start, b.char_end)),
                   (Ref("text", f"claims {first.claim.id} and {second.claim.id}"),))


CHECKS = [check_inconsistent_numbers]
