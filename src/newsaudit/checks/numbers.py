"""``number.inconsistent``: the same count about the same thing, given two different values.

News is full of figures that share a unit and count different things: scores of different
games, prices of different products, poll shares of different candidates, budgets of two
years. So two figures are compared only when everything around them says they are one count:

- the same unit or counted noun and kind, in different sentences, neither of which gives
  another value of that unit (a sentence with two values of one unit is a comparison, a split,
  a range or a change: "52 percent ..., while Sanders has 33 percent");
- the words next to each figure (``NEAR_WORDS`` content words either side) share at least two
  and at least half of the smaller set: "48 people were killed in the blast" and "officials said
  63 people were killed in the blast";
- the names and years next to them, when both have some, overlap ("51 percent of Republicans"
  against "44 percent of Democrats" are two subjects; a count for 2019 and one for 2020, two
  times), and the dates their clauses name, when both name some, overlap;
- they stand under the same heading (or after the same time stamp of a live blog): different
  sections of one page are mostly different games, products or places;
- neither reads as a part, an increment, an update or a change ("alone", "another", "rose to",
  "up from", "revised") or stands in a supposed case ("Imagine a scenario where ..."), and they
  are not attributed to two different sources (that is a dispute between sources, not the
  article contradicting itself).

Each value becomes the interval of what it can mean: "1.14 million" is 1.13 to 1.15 million
(one unit of its last printed digit, at most 10%), "over 100" is 100 and up, "around 200" is
170 to 230, "15-20" is 15 to 20. Values agree when their intervals meet.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from dataclasses import dataclass
from typing import Container, Iterator, Optional

from .. import codes
from ..model import Claim, Finding, Quantity, Ref, Report, TimeRef
from ..reference.resources import Resources
from ..text.sentences import STOPWORDS, WORD, clause_around, sentence_around, stem
from .common import evidence

COMPARABLE_KINDS = frozenset({"count", "money", "percent", "length", "measure"})
LOWER_BOUND_BEFORE = re.compile(r"(?:over|more than|at least|upwards of|just over|as many as|exceeding)\s*$", re.I)
UPPER_BOUND_BEFORE = re.compile(r"(?:under|less than|fewer than|up to|nearly|almost|just under|no more than)\s*$", re.I)
ABOUT_BEFORE = re.compile(r"(?:around|about|roughly|some|approximately|an estimated|estimated|close to|~)\s*$", re.I)
MORE_AFTER = re.compile(r"^\s*(?:—|-|–|,)?\s*(?:possibly|or|and)\s+more\b|^\+|^\s+plus\b", re.I)
# Words that make a figure a part of, or an addition to, another: not the same count. The first
# kind counts anywhere near the figure; the second only right before it or right after its unit
# ("another 12 people", "12 more people"; not "for the new hospital").
PART_MARKER = re.compile(r"\b(?:alone|including|included|of them|of whom|among them|a day|daily|remaining|rest|"
                         r"out of|of the|of (?:its|their|his|her|these|those)|of \w+['’]s)\b", re.I)
INCREMENT_BEFORE = re.compile(r"\b(?:another|more|additional|further|new|each|per|extra)\s+(?:\S+\s+)?$", re.I)
INCREMENT_AFTER = re.compile(r"^\s*(?:more|additional|further|new|extra|each|apiece)\b", re.I)
# Words that make two values of one count a change or a revision, which is news, not an error.
CHANGE_MARKER = re.compile(r"\b(?:rose|rises|risen|rising|fell|falls|fallen|dropped|climbed|jumped|grew|increased|"
                           r"decreased|declined|surged|doubled|tripled|halved|up from|down from|from\s+\S+\s+to|"
                           r"compared (?:with|to)|versus|vs|revised|updated|corrected|raised|lowered|cut|now|"
                           r"previously|earlier|initially|originally|at first|last year|a year ago|expected|"
                           r"forecast|projected|target|goal|could|would|might|if|can|may|typically|usually|"
                           r"as (?:low|high|much|many|few) as|ranges? from)\b", re.I)
# Words before a figure, in its clause, that set it apart from another of its kind ("another
# House bill that made available $622 million"), or make it a sum of several ("totaling $12,500").
# The clause bounds the search, so a full stop inside it is an abbreviation's ("Mr. President").
DISTINCT_BEFORE = re.compile(r"\b(?:another|other|separate|different|second|third|rival)\b[^;!?]{0,60}$", re.I)
# A sentence that sets up a case to think through ("Imagine a scenario where ... has seven states",
# "Suppose the council approved $40 million"): its figures are suppositions, not the article's count.
HYPOTHETICAL = re.compile(r"\b(?:imagine|imagining|suppose|supposing|hypothetical(?:ly)?|scenarios?|what if)\b", re.I)
AGGREGATE_MARKER = re.compile(r"\b(?:total(?:l?ing|l?ed)|combined|cumulative|sum of)\b", re.I)
# A reference list: "Um SJ et al. ... in 38 patients. J Investig ... 2010;20(7):556-62".
CITATION = re.compile(r"\bet al\b|\b(?:19|20)\d{2};\s?\d+|\bdoi:", re.I)
CITATION_CHARS = 120
POLL_CHARS = 400  # a poll named this far before a share (its paragraph) is the share's poll
# Poll shares and points are answers to different questions and margins of different polls.
POLL_CONTEXT = re.compile(r"\b(?:polls?|polling|pollsters?|survey(?:s|ed)?|respondents|approval rating|"
                          r"margin of error)\b", re.I)
# One side of a split or a range: "51 percent to 24 percent", "won 24-17", "from $7.25 to $12".
SPLIT_BEFORE = re.compile(r"\d[\d,.]*\s*(?:%|percent|points?)?\s*(?:to|-|–|—|and|or)\s*[$€£]?$", re.I)
SPLIT_AFTER = re.compile(r"^\s*(?:to|-|–|—|and|or)\s*[$€£]?\d", re.I)
NEAR_WORDS = 6  # content words either side of a figure that say what it counts
MIN_SHARED, MIN_SHARE = 2, 0.5  # of those, how many two figures must share, and what share of the fewer
# Percentages, money and points say nothing of what they measure (polls, prices, scores fill
# news with them), so their neighbours must agree more.
GENERIC_SHARED, GENERIC_SHARE = 3, 0.5
GENERIC_UNITS = frozenset({"points", "point", "percentage points", "percentage point"})
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*")
YEARISH = re.compile(r"\b(?:1[89]|20)\d{2}\b")
OPENING_WORD = re.compile(r"(?:^|(?<=[.!?]\s))([A-Z][a-z]{2,})\b")
# A live blog's update stamps: "___. 9:15 p.m.", "Updated 14:05". Three or more make a live blog.
TIME_STAMP = re.compile(r"(?:^|\n|___\.?\s*)\s*\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?=\s)", re.I)
MIN_STAMPS = 3
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
    words: frozenset[str]  # content words next to the figure
    part: bool  # reads as a part of, an addition to, or a change of another figure
    days: frozenset[str]  # the dates and periods its clause names
    names: frozenset[str]  # capitalised names and years next to the figure
    context: frozenset[str]  # capitalised names and years anywhere in its sentence
    sentence: int  # where its sentence starts
    part_of: int = 0  # which section of the article, or which time-stamped update of a live blog


def interval(text: str, quantity: Quantity) -> tuple[float, float]:
    """What a printed quantity can mean, from its range, its rounding and its hedges."""
    if quantity.low is not None and quantity.high is not None:
        return quantity.low, quantity.high
    value = quantity.value or 0.0
    before = text[max(0, quantity.char_start - 20): quantity.char_start]
    after = text[quantity.char_end: quantity.char_end + 20]
    if LOWER_BOUND_BEFORE.search(before) or MORE_AFTER.match(after):
        return value, math.inf
    # a hedge spans its share of the value or half the writer's rounding, whichever is wider:
    # "about 10" may be 14, "nearly 20" may be 16
    margin = max(ABOUT_MARGIN * abs(value), rounding_step(quantity.text, value) / 2)
    if UPPER_BOUND_BEFORE.search(before):
        return value - margin, value
    if ABOUT_BEFORE.search(before) or quantity.approx:
        return value - margin, value + margin
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


def figures(report: Report, lexicon: Optional[Container[str]] = None) -> list[Figure]:
    text, found = report.article.text, []
    for claim in report.claims:
        time_starts = [t.char_start for t in claim.times]  # sorted: a claim's facts are in text order
        claim_names: Optional[frozenset[str]] = None  # read once per claim: a claim may hold thousands of figures
        for quantity in claim.quantities:
            if quantity.kind not in COMPARABLE_KINDS or not quantity.unit or quantity.value is None and quantity.low is None:
                continue
            if CITATION.search(text, max(0, quantity.char_start - CITATION_CHARS), quantity.char_end + CITATION_CHARS):
                continue  # a reference list's figures belong to the works it cites
            low, high = interval(text, quantity)
            clause = _near(clause_around(text, quantity.char_start, quantity.char_end), quantity)
            before, after = _words_either_side(text, clause, quantity)
            own = {stem(word) for word in (quantity.unit, *quantity.text.split())}
            words = frozenset(before[-NEAR_WORDS:] + after[:NEAR_WORDS]) - own
            window = text[max(clause[0], quantity.char_start - 40): min(clause[1], quantity.char_end + 40)]
            if claim_names is None:
                claim_names = _names(claim.text, lexicon)
            found.append(Figure(quantity, claim, low, high, words, _is_part(quantity, text, clause),
                                _days(claim, time_starts, clause), _names(window, lexicon), claim_names,
                                claim.start))
    bounds = _part_bounds(report)  # found once: asking per figure would reread the text each time
    return [dataclasses.replace(f, part_of=bisect.bisect_right(bounds, f.quantity.char_start))
            for f in _without_comparisons(found)]


def _part_bounds(report: Report) -> list[int]:
    """Where the parts of the article start: its live-blog updates ("9:15 p.m."), else its sections."""
    stamps = _time_stamps(report.article.text)
    if len(stamps) >= MIN_STAMPS:
        return stamps
    return [section.start for section in report.article.sections]


def _time_stamps(text: str) -> list[int]:
    return [m.start() for m in TIME_STAMP.finditer(text)]


def _years(names: frozenset[str]) -> frozenset[str]:
    return frozenset(name for name in names if YEARISH.fullmatch(name))


def _without_comparisons(found: list[Figure]) -> list[Figure]:
    """Figures whose sentence gives another value of the same unit are compared with that one
    ("52 percent ..., while Sanders has 33 percent"): neither is a fact to hold against the text."""
    values: dict[tuple[int, str, str], set[float]] = {}
    for figure in found:
        values.setdefault((figure.sentence, figure.quantity.unit or "", figure.quantity.kind), set()).add(figure.low)
    return [figure for figure in found
            if len(values[(figure.sentence, figure.quantity.unit or "", figure.quantity.kind)]) == 1]


def _generic(quantity: Quantity) -> bool:
    return quantity.kind in ("percent", "money") or (quantity.unit or "").lower() in GENERIC_UNITS


def _names(text: str, lexicon: Optional[Container[str]] = None) -> frozenset[str]:
    """Capitalised words and years: who and when a figure is about.

    A capitalised word opening a sentence is a name only when it is no English word
    ("Kasich was at 25 percent", not "Officials said"), which needs ``lexicon``.
    """
    names = {word for name in NAME.findall(text) for word in name.split()} | set(YEARISH.findall(text))
    if lexicon is not None:
        names |= {word for word in OPENING_WORD.findall(text) if word.lower() not in lexicon}
    return frozenset(names)


def _words_either_side(text: str, clause: tuple[int, int], quantity: Quantity) -> tuple[list[str], list[str]]:
    """Content words of the clause before and after the figure, in order, stemmed."""
    def words(part: str) -> list[str]:
        return [stem(w) for w in WORD.findall(part) if w.lower() not in STOPWORDS and len(w) > 2]

    return words(text[clause[0]:quantity.char_start]), words(text[quantity.char_end:clause[1]])


def _near(clause: tuple[int, int], quantity: Quantity) -> tuple[int, int]:
    """The clause, cut to ``CONTEXT_CHARS`` either side of the figure: what a reader takes in."""
    return max(clause[0], quantity.char_start - CONTEXT_CHARS), min(clause[1], quantity.char_end + CONTEXT_CHARS)


def same_subject(a: Figure, b: Figure) -> bool:
    if a.quantity.unit != b.quantity.unit or a.quantity.kind != b.quantity.kind or a.sentence == b.sentence:
        return False
    shared = a.words & b.words
    least, share = (GENERIC_SHARED, GENERIC_SHARE) if _generic(a.quantity) else (MIN_SHARED, MIN_SHARE)
    if len(shared) < least or len(shared) < share * min(len(a.words), len(b.words)) or a.part or b.part:
        return False
    if b.names - a.names - a.context or (a.names and b.names and not a.names & b.names):
        return False  # the later figure names someone, or a year, the earlier one's sentence does not
    if _years(a.names) - _years(b.context) or _years(b.names) - _years(a.context):
        return False  # a year next to one figure that the other's sentence does not give: two times
    if a.part_of != b.part_of:
        return False  # under two headings or two time stamps of a live blog: two subjects, two moments
    if a.days and b.days and not a.days & b.days:
        return False  # counts for different days may differ
    return not _different_sources(a.claim, b.claim)


def _is_part(quantity: Quantity, text: str, clause: tuple[int, int]) -> bool:
    # the windows stay inside the figure's clause: the end of the paragraph before says nothing of it
    window = text[max(clause[0], quantity.char_start - 25): min(clause[1], quantity.char_end + 25)]
    before = text[max(clause[0], quantity.char_start - 20): quantity.char_start]
    after = text[quantity.char_end: min(clause[1], quantity.char_end + 15)]
    return bool(PART_MARKER.search(window) or INCREMENT_BEFORE.search(before) or INCREMENT_AFTER.match(after)
                or SPLIT_BEFORE.search(before) or SPLIT_AFTER.match(after) or _changes(text, clause)
                or AGGREGATE_MARKER.search(window) or DISTINCT_BEFORE.search(text, clause[0], quantity.char_start)
                or HYPOTHETICAL.search(text, sentence_around(text, quantity.char_start)[0], quantity.char_start))


def _changes(text: str, clause: tuple[int, int]) -> bool:
    """A change word in the clause ("rose", "fell", "cut", "may"); capitalised inside a sentence it is
    a name ("Cedar Falls", "Rose Ortiz", "Target", "in May"), which says nothing of a change."""
    for match in CHANGE_MARKER.finditer(text, *clause):
        if match[0][0].islower():
            return True
        before = text[max(0, match.start() - 4):match.start()].rstrip(" \"“‘'(")
        if not before or before[-1] in ".!?:;\n":
            return True
    return False


def _days(claim: Claim, starts: list[int], clause: tuple[int, int]) -> frozenset[str]:
    inside = claim.times[bisect.bisect_left(starts, clause[0]): bisect.bisect_left(starts, clause[1])]
    times: list[TimeRef] = [t for t in inside if t.start]
    return frozenset({t.start for t in times if t.kind == "date"} | {f"{t.start}/{t.end}" for t in times if t.kind == "period"})


def _attributed_to(claim: Claim) -> Optional[str]:
    return claim.source or (claim.speaker.name if claim.speaker else None)


def _different_sources(a: Claim, b: Claim) -> bool:
    """Two sources that share no word ("officials" and "Officials" are one; "police" and "the
    ministry" are two): their figures differ as sources do, which is not the text's error."""
    first, second = _attributed_to(a), _attributed_to(b)
    if not first or not second:
        return False
    words = lambda name: {stem(w) for w in WORD.findall(name) if w.lower() not in STOPWORDS}  # noqa: E731
    return not words(first) & words(second)


def agree(a: Figure, b: Figure) -> bool:
    slack = 0.01 * max(abs(a.low), abs(b.low), 1.0)
    return a.low - slack <= b.high and b.low - slack <= a.high


def check_inconsistent_numbers(report: Report, resources: Resources) -> Iterator[Finding]:
    found = figures(report, resources.lexicon)
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
    return Finding(codes.NUMBER_INCONSISTENT, _severity(report, first, second), message,
                   (evidence(report.article, a.char_start, a.char_end), evidence(report.article, b.char_start, b.char_end)),
                   (Ref("text", f"claims {first.claim.id} and {second.claim.id}"),))


def _severity(report: Report, first: Figure, second: Figure) -> str:
    """Low where figures of one shape are routinely about different things a reader cannot tell
    apart from the words: points (players, polls, states), and poll shares."""
    if (first.quantity.unit or "").lower() in GENERIC_UNITS:
        return "low"
    text = report.article.text
    if first.quantity.kind == "percent" and (_poll_story(report) or any(
            POLL_CONTEXT.search(text, max(0, f.claim.start - POLL_CHARS), f.claim.end) for f in (first, second))):
        return "low"
    return "medium"


def _poll_story(report: Report) -> bool:
    """Whether the headline, or the text's opening paragraph (a flattened page's title line), names
    a poll: then it is the poll of every share in the story."""
    text = report.article.text
    paragraph_end = text.find("\n\n")
    opening = text[:POLL_CHARS if paragraph_end < 0 else min(POLL_CHARS, paragraph_end)]
    return bool(POLL_CONTEXT.search(report.article.headline or "") or POLL_CONTEXT.search(opening))


CHECKS = [check_inconsistent_numbers]
