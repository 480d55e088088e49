"""The metadata evaluation task: its scoring rules, and 'missing' when the dataset is absent."""

from __future__ import annotations

from newsaudit.eval.tasks.metadata import (MetaPage, Reading, author_names, gold_day, half_of, judge, run,
                                           segment_counts)


def page(**fields) -> MetaPage:
    base = dict(id="00ab", url="https://example.org/a", html="", title="Pier to close", author="Ann Lee; Bo Chen",
                date="2024-03-05", with_segments=("the pier",), without_segments=("Sign up",))
    base.update(fields)
    return MetaPage(**base)


def test_author_names_are_a_set_whatever_the_separator_and_case():
    assert author_names("Ann Lee and Bo Chen") == author_names("bo chen; ANN LEE") == {"ann lee", "bo chen"}
    assert author_names("") == frozenset()


def test_gold_dates_are_read_leniently_and_compared_by_day():
    assert gold_day("2022-01.26") == "2022-01-26" and gold_day("") is None
    verdict = judge(page(), Reading("Pier  to close", "Bo Chen, Ann Lee", "2024-03-05", ""))
    assert verdict == {"title": True, "title_case": True, "author": True, "date": True, "author_none": None}
    verdict = judge(page(author=""), Reading("Pier to close | Site", "Cy Dow", "2024-03-06", ""))
    assert verdict == {"title": False, "title_case": False, "author": None, "date": False, "author_none": False}
    upper = judge(page(), Reading("PIER TO CLOSE", None, None, ""))
    assert (upper["title"], upper["title_case"]) == (False, True)  # gold set upper case by a stylesheet
    assert judge(page(), Reading("Pier to\u00ad close", None, None, ""))["title"]  # a soft hyphen is invisible


def test_a_page_without_gold_metadata_is_not_scored_and_halves_follow_the_last_hex_digit():
    assert set(judge(page(title=None), Reading(None, None, None, "")).values()) == {None}
    assert (half_of("00ab"), half_of("00a0")) == ("held-out", "development")


def test_segments_found_and_missed_are_counted():
    assert segment_counts(page(), "On Monday the pier closed. Sign up now") == (1, 0, 1, 0)


def test_the_task_is_missing_not_zero_without_its_datasets(tmp_path):
    assert {result.status for result in run(tmp_path, 1)} == {"missing"}
