"""Sentences and clauses, and the words two sentences are compared by.

``sentence_split`` is the one sentence splitter of the rule-based path: the claims stage
builds claims on it, and every consistency check finds the sentence or clause around a span
with it. It is cached by the text object, since several checks ask about one text many times.
``content_words`` and ``stem`` are how wording is compared across sentences.
"""

from __future__ import annotations

import bisect
import collections
import re
import threading
from typing import Iterable

ABBREVIATIONS = frozenset(
    "capt col gen lt sgt maj dr mr mrs ms prof st sen rep gov jan feb mar apr jun jul aug sep sept oct nov "
    "dec no vs etc u.s u.k e.g i.e approx est inc corp co ltd jr sr mt ft".split()
)
# A candidate sentence end: terminal punctuation (and closing quotes) before space and a capital.
SENTENCE_BREAK = re.compile(r"[.!?…]+[”\"’)]*\s+(?=[“\"‘(]?[A-Z0-9])|\n+")
WORD_BEFORE = re.compile(r"([\w.’']+)[.!?…]*[”\"’)]*\s*$")


_SPLITS: "collections.OrderedDict[tuple[str, int], tuple[str, object]]" = collections.OrderedDict()
_SPLITS_LOCK = threading.Lock()
_SPLITS_KEPT = 16


def _per_text(kind: str, text: str, compute):  # noqa: ANN001, ANN202
    """``compute(text)``, cached by the text object itself: an lru_cache keyed on the string
    would compare two equal 300 kB texts character by character on every call."""
    key = (kind, id(text))
    with _SPLITS_LOCK:
        hit = _SPLITS.get(key)
        if hit is not None and hit[0] is text:
            _SPLITS.move_to_end(key)
            return hit[1]
    value = compute(text)
    with _SPLITS_LOCK:
        _SPLITS[key] = (text, value)  # holding the text keeps its id from being reused
        while len(_SPLITS) > _SPLITS_KEPT:
            _SPLITS.popitem(last=False)
    return value


def sentence_split(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...]]:
    """Sentences and their starts, computed once per text."""
    return _per_text("sentences", text, _split)


def _split(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...]]:
    spans = tuple(sentence_spans(text))
    return spans, tuple(start for start, _end in spans)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences as (start, end), trimmed; abbreviations ("Capt.", "U.S.", "Dec.") do not end one."""
    spans, position = [], 0
    for match in SENTENCE_BREAK.finditer(text):
        if "\n" not in match.group() and _ends_in_abbreviation(text, match.start()):
            continue
        spans.append((position, match.start() + len(match.group().rstrip())))
        position = match.end()
    spans.append((position, len(text)))
    return [trimmed for trimmed in (_trim(text, s, e) for s, e in spans) if trimmed[1] > trimmed[0]]


def _ends_in_abbreviation(text: str, end: int) -> bool:
    word = WORD_BEFORE.search(text, max(0, end - 12), end + 1)
    if not word:
        return False
    token = word.group(1).rstrip(".").lower()
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


STOPWORDS = frozenset(
    "a an the and or but of in on at to for from by with as is was were are be been being has have had "
    "it its this that these those there their them they he she his her him we our us you your i my me "
    "not no nor so than then now yet still also just only over more most less least about around into "
    "out up down off after before since until while when where which who whom whose what how why all "
    "any each every some such other another same own very can could will would shall should may might "
    "must do does did done says said say told per via amid among between against under within without "
    "year years month months week weeks day days today yesterday last next first one two three".split()
)
WORD = re.compile(r"[A-Za-z][A-Za-z\-]+")
# Strong breaks inside a sentence: what lies between them is one clause for matching subjects.
MAX_SIDE = 600  # characters of a sentence read either side of a position (see sentence_around)
CLAUSE_BREAK = re.compile(r"\s?[—–;:()]\s?|\s-\s")


def stem(word: str) -> str:
    """A crude stem that makes "encircling" and "encirclement" meet: lowercase, first 6 letters."""
    word = word.lower().removesuffix("'s").removesuffix("’s")
    return word[:6] if len(word) > 6 else word.rstrip("s") if len(word) > 4 else word


def content_words(text: str, drop: Iterable[str] = ()) -> set[str]:
    dropped = {stem(word) for word in drop}
    return {stem(w) for w in WORD.findall(text) if w.lower() not in STOPWORDS and len(w) > 2} - dropped


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding text[start:end]: bounded by the sentence and by dashes, colons, semicolons.

    The breaks are found once per text and looked up by bisection, so asking about every figure
    of a long sentence costs a logarithm each, not a rescan of the sentence.
    """
    sentence_start, sentence_end = sentence_around(text, start)
    starts, ends = _per_text("clause_breaks", text, _clause_breaks)
    left = sentence_start
    before = bisect.bisect_right(ends, start) - 1  # the last break that ends by ``start``
    if before >= 0 and ends[before] > sentence_start and starts[before] >= sentence_start - 1:
        left = ends[before]
    after = bisect.bisect_left(starts, end)  # the first break that starts at or after ``end``
    right = starts[after] if after < len(starts) and starts[after] < sentence_end else sentence_end
    return left, right


def _clause_breaks(text: str) -> tuple[list[int], list[int]]:
    matches = list(CLAUSE_BREAK.finditer(text))
    return [m.start() for m in matches], [m.end() for m in matches]


def sentence_around(text: str, position: int) -> tuple[int, int]:
    """The sentence holding ``position``, cut to ``MAX_SIDE`` characters either side of it: a
    "sentence" longer than that is a list or a page without full stops, and reading all of it
    for every figure in it would cost the square of its length."""
    spans, starts = sentence_split(text)
    index = bisect.bisect_right(starts, position) - 1
    if index >= 0 and spans[index][0] <= position < spans[index][1]:
        start, end = spans[index]
        return max(start, position - MAX_SIDE), min(end, position + MAX_SIDE)
    return position, position


def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """The claims stage's sentence split, cached: several checks ask about one text many times."""
    return sentence_split(text)[0]
