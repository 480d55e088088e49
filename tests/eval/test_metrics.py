"""The extraction metric on hand-made cases: every figure in eval.md rests on these."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from newsaudit.eval.metrics import (
    Alarms, Counts, average_scores, match_counts, precision_score, recall_score, score_pairs, shingles, tokenize,
)


def test_tokens_are_word_runs_with_case_kept_and_punctuation_dropped():
    assert tokenize("The mayor's office, 12 km away.") == ["The", "mayor", "s", "office", "12", "km", "away"]
    assert tokenize("Путин сказал") == ["Путин", "сказал"]


def test_bag_of_words_counts_repeated_words_once_per_occurrence():
    # truth has "the" three times, prediction once: 1 tp for "the", 2 fn; "cat" tp; "dog" fp.
    counts = match_counts("the the the cat", "the cat dog", ngram=1, normalize=False)
    assert counts == Counts(tp=2, fp=1, fn=2)


def test_normalized_counts_sum_to_one_so_long_pages_do_not_weigh_more():
    counts = match_counts("the the the cat", "the cat dog", ngram=1)
    assert counts.tp + counts.fp + counts.fn == pytest.approx(1.0)
    assert precision_score(counts) == pytest.approx(2 / 3)
    assert recall_score(counts) == pytest.approx(2 / 4)


def test_case_differences_are_mismatches_as_in_the_benchmark():
    counts = match_counts("Flood", "flood", ngram=1, normalize=False)
    assert counts == Counts(tp=0, fp=1, fn=1)


def test_four_word_shingles_penalize_reordered_text_that_words_alone_do_not():
    truth = "rain fell on the city all night long"
    shuffled = "all night long rain fell on the city"
    assert score_pairs([(truth, shuffled)], ngram=1).f1 == pytest.approx(1.0)
    assert score_pairs([(truth, shuffled)], ngram=4).f1 < 1.0


def test_text_shorter_than_the_shingle_is_one_short_shingle():
    assert shingles("two words", 4) == {("two", "words"): 1}
    assert shingles("", 4) == {}


def test_empty_prediction_has_zero_recall_and_no_precision_vote():
    counts = match_counts("some true body text here", "")
    assert counts.tp == counts.fp == 0 and counts.fn == pytest.approx(1.0)
    scores = average_scores([counts])
    assert scores.recall == 0.0
    assert scores.precision is None  # the benchmark averages precision only where text was predicted
    assert scores.f1 is None


def test_empty_truth_makes_any_prediction_all_false_positives():
    counts = match_counts("", "menu login subscribe now")
    assert precision_score(counts) == 0.0
    scores = average_scores([counts])
    assert scores.precision == 0.0 and scores.recall is None


def test_identical_texts_score_one():
    scores = score_pairs([("A storm hit the coast on Monday.", "A storm hit the coast on Monday.")])
    assert (scores.precision, scores.recall, scores.f1) == (1.0, 1.0, 1.0)


def test_scores_average_over_pages_and_f1_is_the_harmonic_mean_of_the_averages():
    perfect = Counts(tp=1.0, fp=0.0, fn=0.0)
    half_recall = Counts(tp=0.5, fp=0.0, fn=0.5)
    missed = Counts(tp=0.0, fp=0.0, fn=1.0)  # predicted nothing: only recall counts it
    scores = average_scores([perfect, half_recall, missed])
    assert scores.precision == pytest.approx(1.0)
    assert scores.recall == pytest.approx((1.0 + 0.5 + 0.0) / 3)
    assert scores.f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert scores.pages == 3


def test_no_pages_give_no_scores_rather_than_zero():
    scores = average_scores([])
    assert (scores.precision, scores.recall, scores.f1, scores.pages) == (None, None, None, 0)


def test_alarm_rate_is_fired_over_items_and_undefined_without_items():
    assert Alarms(fired=2, items=8).rate == 0.25
    assert Alarms(fired=0, items=0).rate is None


words = st.lists(st.sampled_from(["a", "b", "c", "flood", "Valencia", "12"]), max_size=30).map(" ".join)


@given(truth=words, pred=words)
def test_scores_stay_between_zero_and_one_and_tp_is_symmetric(truth, pred):
    forward = match_counts(truth, pred, normalize=False)
    backward = match_counts(pred, truth, normalize=False)
    assert forward.tp == backward.tp and forward.fp == backward.fn
    for value in (precision_score(forward), recall_score(forward)):
        assert 0.0 <= value <= 1.0


def test_naive_fuzzy_baseline_fires_on_a_lookalike_name_off_the_outlets_domain():
    from newsaudit.eval.peers import naive_impersonation

    table = [("The Harbour Gazette", ("harbourgazette.com",))]
    assert naive_impersonation("The Harbour Gazete", "harbour-gazette-news.net", table) == "The Harbour Gazette"
    assert naive_impersonation("The Harbour Gazette", "harbourgazette.com", table) is None
    assert naive_impersonation("Valley Courier", "valleycourier.org", table) is None
    assert naive_impersonation(None, "harbourgazette.com", table) is None


def test_readability_text_keeps_words_of_adjacent_blocks_apart():
    from newsaudit.eval.peers import html_to_text

    assert tokenize(html_to_text("<div><p>first</p><p>second</p></div>")) == ["first", "second"]
    assert html_to_text("") == ""


def test_score_readings_counts_right_wrong_missed_and_forbidden_readings():
    from newsaudit.eval.metrics import counts_to_scores, score_readings

    positives = [("Rents rose 20 percent.", "20 percent", 20, None, None),      # read right
                 ("Queues of 30 to 40 people.", "30 to 40 people", None, 30, 40),  # read as 35: wrong
                 ("A dozen mayors came.", "A dozen mayors", 12, None, None)]     # missed
    negatives = [("Built in 2024.", "2024"), ("Call 555 now.", "555")]

    def read(sentence):
        return {"Rents rose 20 percent.": [(11, 21, 20.0, None, None)],
                "Queues of 30 to 40 people.": [(10, 26, 35.0, None, None)],
                "Built in 2024.": [(9, 13, 2024.0, None, None)]}.get(sentence, [])

    counts = score_readings(positives, negatives, read)
    assert (counts.tp, counts.fp, counts.fn) == (1, 2, 2)
    scores = counts_to_scores(counts, 5)
    assert round(scores.precision, 3) == 0.333 and round(scores.recall, 3) == 0.333
