"""Scores for extracted text against a reference, as the article-extraction benchmark computes them.

The scrapinghub article-extraction-benchmark (``evaluate.py``) compares the predicted and true
article bodies as *bags* of token n-grams ("shingles", n=4 by default), tokens being ``\\w+``
runs, case kept as is (no lowercasing). Per page it counts tp/fp/fn over the bags (a shingle
repeated three times in the truth and once in the prediction is one tp and two fn), then divides
the three by their sum so that long pages do not outweigh short ones. Precision is averaged
over pages that predicted something (tp + fp > 0), recall over pages whose truth is not empty
(tp + fn > 0), and F1 is the harmonic mean of those two averages (not the mean of per-page F1).

``ngram=4`` reproduces the published figures; ``ngram=1`` is the plain bag-of-words variant.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

BENCHMARK_NGRAM = 4
TOKEN = re.compile(r"\w+")  # the benchmark's tokenizer: works for any script, keeps case


@dataclass(frozen=True)
class Counts:
    """One page's true positives, false positives and false negatives (normalized or raw)."""

    tp: float
    fp: float
    fn: float


@dataclass(frozen=True)
class Scores:
    """Averaged precision, recall and F1; None when no page could contribute to a figure."""

    precision: Optional[float]
    recall: Optional[float]
    f1: Optional[float]
    pages: int


def tokenize(text: str) -> list[str]:
    return TOKEN.findall(text or "")


def shingles(text: str, ngram: int = BENCHMARK_NGRAM) -> Counter:
    """The bag of n-grams; a text shorter than n tokens is one shorter shingle, as upstream."""
    tokens = tokenize(text)
    bag: Counter = Counter()
    for i in range(max(1, len(tokens) - ngram + 1)):
        shingle = tuple(tokens[i:i + ngram])
        if shingle:
            bag[shingle] += 1
    return bag


def match_counts(true: str, pred: str, ngram: int = BENCHMARK_NGRAM, *, normalize: bool = True) -> Counts:
    true_bag, pred_bag = shingles(true, ngram), shingles(pred, ngram)
    tp = fp = fn = 0.0
    for key in true_bag.keys() | pred_bag.keys():
        in_true, in_pred = true_bag.get(key, 0), pred_bag.get(key, 0)
        tp += min(in_true, in_pred)
        fp += max(0, in_pred - in_true)
        fn += max(0, in_true - in_pred)
    total = tp + fp + fn
    if normalize and total > 0:
        return Counts(tp / total, fp / total, fn / total)
    return Counts(tp, fp, fn)


def precision_score(counts: Counts) -> float:
    if counts.fp == counts.fn == 0:
        return 1.0
    if counts.tp == counts.fp == 0:
        return 0.0
    return counts.tp / (counts.tp + counts.fp)


def recall_score(counts: Counts) -> float:
    if counts.fp == counts.fn == 0:
        return 1.0
    if counts.tp == counts.fn == 0:
        return 0.0
    return counts.tp / (counts.tp + counts.fn)


def harmonic_mean(precision: Optional[float], recall: Optional[float]) -> Optional[float]:
    if precision is None or recall is None:
        return None
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def average_scores(per_page: Sequence[Counts]) -> Scores:
    """Benchmark averaging: P over pages that predicted text, R over pages with a truth."""
    precisions = [precision_score(c) for c in per_page if c.tp + c.fp > 0]
    recalls = [recall_score(c) for c in per_page if c.tp + c.fn > 0]
    precision = statistics.mean(precisions) if precisions else None
    recall = statistics.mean(recalls) if recalls else None
    return Scores(precision, recall, harmonic_mean(precision, recall), len(per_page))


def score_pairs(pairs: Iterable[tuple[str, str]], ngram: int = BENCHMARK_NGRAM) -> Scores:
    """``pairs`` of (true, predicted) bodies, one per page."""
    return average_scores([match_counts(true, pred, ngram) for true, pred in pairs])


@dataclass(frozen=True)
class Alarms:
    """How often a detector fired on items where it never should (all items are negatives)."""

    fired: int
    items: int

    @property
    def rate(self) -> Optional[float]:
        return self.fired / self.items if self.items else None


def reading_matches(value: Optional[float], low: Optional[float], high: Optional[float],
                    reading: tuple) -> bool:
    """Whether a tool's reading (start, end, value, low, high) gives the labelled value or range."""
    _start, _end, got_value, got_low, got_high = reading

    def same(a: Optional[float], b: Optional[float]) -> bool:
        return a is not None and b is not None and abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)

    if value is not None:
        return same(value, got_value)
    return same(low, got_low) and same(high, got_high)


def score_readings(positives: list[tuple[str, str, Optional[float], Optional[float], Optional[float]]],
                   negatives: list[tuple[str, str]], read) -> Counts:
    """Counts over labelled sentences: a labelled quantity read right is a true positive; read
    wrong, a false positive and a false negative; missed, a false negative. A reading that
    starts on a number labelled as no quantity (a year, a model name) is a false positive."""
    tp = fp = fn = 0
    cache: dict[str, list] = {}
    for sentence, span, value, low, high in positives:
        readings = cache.setdefault(sentence, read(sentence))
        at = sentence.index(span)
        overlapping = [r for r in readings if r[0] < at + len(span) and at < r[1]]
        if any(reading_matches(value, low, high, r) for r in overlapping):
            tp += 1
        elif overlapping:
            fp += 1
            fn += 1
        else:
            fn += 1
    for sentence, digits in negatives:
        readings = cache.setdefault(sentence, read(sentence))
        at = sentence.index(digits)
        fp += any(r[0] <= at < r[1] for r in readings)
    return Counts(tp, fp, fn)


def counts_to_scores(counts: Counts, items: int) -> Scores:
    precision = counts.tp / (counts.tp + counts.fp) if counts.tp + counts.fp else None
    recall = counts.tp / (counts.tp + counts.fn) if counts.tp + counts.fn else None
    f1 = (2 * precision * recall / (precision + recall)) if precision and recall else None
    return Scores(precision, recall, f1, items)
