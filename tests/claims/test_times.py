"""Dates, periods, durations and ordinals resolved against the publication date."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from newsaudit.claims.times import find_times

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed"
PUBLISHED = date(2025, 11, 7)  # a Friday

# (sentence, span text, start, end, kind, days); our own sentences, published on PUBLISHED.
GOLDEN = [
    ("The mayor toured the dam on November 4.", "November 4", "2025-11-04", "2025-11-04", "date", None),
    ("The ruling came on Dec. 19, 2024, after appeals.", "Dec. 19, 2024", "2024-12-19", "2024-12-19", "date", None),
    ("Ballots were recounted on October 31.", "October 31", "2025-10-31", "2025-10-31", "date", None),
    ("The minister wrote on 3 March 2025 to the board.", "3 March 2025", "2025-03-03", "2025-03-03", "date", None),
    ("The mill closed on December 2.", "December 2", "2024-12-02", "2024-12-02", "date", None),
    ("Envoys meet February 18? Nobody will say.", "February 18", "2025-02-18", "2025-02-18", "date", None),
    ("Unions set a November 21 deadline for the offer.", "November 21", "2025-11-21", "2025-11-21", "date", None),
    ("The council will vote on December 3.", "December 3", "2025-12-03", "2025-12-03", "date", None),
    ("Hearings are scheduled for January 9.", "January 9", "2026-01-09", "2026-01-09", "date", None),
    ("The toll reached 900 by November 6.", "November 6", "2025-11-06", "2025-11-06", "date", None),
    ("The market stays open until November 20.", "November 20", "2025-11-20", "2025-11-20", "date", None),
    ("Strikes have halted 40 trains since Monday.", "since Monday", "2025-11-03", "2025-11-07", "period", None),
    ("The ferry sank on Tuesday.", "Tuesday", "2025-11-04", "2025-11-04", "date", None),
    ("Yesterday the pumps failed.", "Yesterday", "2025-11-06", "2025-11-06", "date", None),
    ("Shelling resumed overnight.", "overnight", "2025-11-06", "2025-11-06", "date", None),
    ("A fire gutted the depot last summer.", "last summer", "2025-06-01", "2025-08-31", "period", None),
    ("The bridge opened in early 2024.", "early 2024", "2024-01-01", "2024-04-30", "period", None),
    ("Work began in mid-2023.", "mid-2023", "2023-05-01", "2023-08-31", "period", None),
    ("Repairs ended in late 2022.", "late 2022", "2022-09-01", "2022-12-31", "period", None),
    ("Floods returned in summer 2024.", "in summer 2024", "2024-06-01", "2024-08-31", "period", None),
    ("The mine shut in January.", "in January", "2025-01-01", "2025-01-31", "period", None),
    ("Exports have fallen since January.", "since January", "2025-01-01", "2025-11-07", "period", None),
    ("Prices rose in October 2024.", "in October 2024", "2024-10-01", "2024-10-31", "period", None),
    ("Rain fell in late October.", "late October", "2025-10-21", "2025-10-31", "period", None),
    ("Growth slowed in 2025.", "in 2025", "2025-01-01", "2025-12-31", "period", None),
    ("In 2024 the port was rebuilt.", "In 2024", "2024-01-01", "2024-12-31", "period", None),
    ("Fares have doubled since 2022.", "since 2022", "2022-01-01", "2025-11-07", "period", None),
    ("2022's drought emptied the lake.", "2022's", "2022-01-01", "2022-12-31", "period", None),
    ("Orders dropped last week.", "last week", "2025-10-27", "2025-11-02", "period", None),
    ("Orders dropped last year.", "last year", "2024-01-01", "2024-12-31", "period", None),
    ("The strike has lasted for 21 months.", "for 21 months", "2024-02-07", "2025-11-07", "duration", 21 * 30.44),
    ("It was the first win in over two years.", "over two years", None, None, "duration", 2 * 365.25),
    ("The lease ran one month.", "one month", None, None, "duration", 30.44),
    ("Shifts run 30-40 days.", "30-40 days", None, None, "duration", 35),
    ("The plant closed two years ago.", "two years ago", "2023-11-08", "2023-11-08", "date", None),
    ("Volunteers marked the 1,000th day of the strike.", "1,000th day", None, None, "ordinal", 1000),
    ("It was the 100th day of the siege.", "100th day", None, None, "ordinal", 100),
    ("On day 250 the camp closed.", "day 250", None, None, "ordinal", 250),
]


def _found(sentence: str, span: str, published=PUBLISHED):
    refs = find_times(sentence, published)
    matches = [ref for ref in refs if ref.text == span]
    assert matches, f"{span!r} not among {[ref.text for ref in refs]}"
    return matches[0]


@pytest.mark.parametrize("sentence, span, start, end, kind, days", GOLDEN, ids=[case[1] for case in GOLDEN])
def test_golden_time_resolves_against_publication(sentence, span, start, end, kind, days):
    ref = _found(sentence, span)
    assert (ref.start, ref.end, ref.kind) == (start, end, kind)
    assert ref.days == (pytest.approx(days) if days is not None else None)
    assert sentence[ref.char_start:ref.char_end] == ref.text


def test_bare_month_and_bare_year_are_not_periods():
    assert find_times("May brought rain, and 2024 tonnes were shipped.", PUBLISHED) == []


def test_ages_are_not_durations():
    assert find_times("The driver, 45 years old, and a 29-year-old passenger survived.", PUBLISHED) == []


def test_a_verb_last_is_not_a_lookback():
    ref = _found("Rotations last 30-40 days.", "30-40 days")
    assert ref.start is None


def test_without_publication_year_less_dates_stay_unresolved():
    refs = {ref.text: ref for ref in find_times("It began on November 4 and ended on Dec. 19, 2024.", None)}
    assert refs["November 4"].start is None
    assert refs["Dec. 19, 2024"].start == "2024-12-19"


def test_without_publication_relative_words_stay_unresolved():
    refs = find_times("Yesterday, since Monday, in January, last summer.", None)
    assert all(ref.start is None for ref in refs if ref.text != "last summer")


def test_offsets_follow_start_and_end_arguments():
    text = "On March 2 it rained. On March 5 it snowed. On March 9 it cleared."
    middle = text.index("On March 5")
    (ref,) = find_times(text, PUBLISHED, middle, middle + 20)
    assert ref.text == "March 5" and text[ref.char_start:ref.char_end] == "March 5"


def test_one_reading_per_span():
    refs = find_times("Talks resumed on Dec. 19, 2024 in the capital.", PUBLISHED)
    assert [ref.text for ref in refs] == ["Dec. 19, 2024"]


def test_cost_grows_linearly_to_fifty_thousand_words():
    """Ten times the words cost about ten times the CPU time, never the hundred times a quadratic
    scan would: a ratio of CPU times, so a busy machine slowing both runs does not fail it."""
    import time

    paragraph = " ".join(case[0] for case in GOLDEN) + "\n"

    def cpu_seconds(words: int) -> float:
        text = paragraph * (words // len(paragraph.split()) + 1)
        began = time.thread_time()  # CPU seconds of this thread
        find_times(text, PUBLISHED)
        return time.thread_time() - began

    small = min(cpu_seconds(5_000) for _ in range(3))  # the least disturbed run of each size
    large = min(cpu_seconds(50_000) for _ in range(2))
    assert large < 40 * small  # linear: about 10; quadratic: about 100


# --- properties -------------------------------------------------------------------------------

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_days = st.dates(min_value=date(2001, 1, 1), max_value=date(2040, 12, 31))


@given(_days, st.integers(0, 11), st.integers(1, 28))
def test_year_less_dates_are_the_last_occurrence_on_or_before_publication(published, month, day):
    ref = _found(f"The depot burned on {_MONTHS[month]} {day}.", f"{_MONTHS[month]} {day}", published)
    resolved = date.fromisoformat(ref.start)
    assert resolved <= published and published - resolved < timedelta(days=366)
    assert (resolved.month, resolved.day) == (month + 1, day)


@given(_days, st.integers(0, 11), st.integers(1, 28))
def test_dates_written_as_ahead_are_the_next_occurrence(published, month, day):
    ref = _found(f"The board will decide on {_MONTHS[month]} {day}.", f"{_MONTHS[month]} {day}", published)
    resolved = date.fromisoformat(ref.start)
    assert resolved >= published and resolved - published < timedelta(days=366)


@given(_days, st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_since_a_weekday_starts_on_that_weekday_in_the_week_before(published, weekday):
    ref = _found(f"Crews have worked since {weekday}.", f"since {weekday}", published)
    start = date.fromisoformat(ref.start)
    assert start.strftime("%A") == weekday and timedelta(days=1) <= published - start <= timedelta(days=7)
    assert ref.end == published.isoformat()


@given(_days, st.integers(1, 60), st.sampled_from([("day", 1), ("week", 7), ("month", 30.44), ("year", 365.25)]))
def test_durations_run_back_from_publication_after_for(published, count, unit):
    word, days = unit
    ref = _found(f"The siege has gone on for {count} {word}s.", f"for {count} {word}s", published)
    assert ref.days == pytest.approx(count * days)
    assert date.fromisoformat(ref.end) == published
    assert abs((published - date.fromisoformat(ref.start)).days - count * days) <= 1


@given(st.text(alphabet="0123456789 ,.-'’ainodesythuJNDMFrcblmgpv", max_size=60), _days)
def test_spans_always_match_the_text(text, published):
    for ref in find_times(text, published):
        assert text[ref.char_start:ref.char_end] == ref.text


# --- the seed article -----------------------------------------------------------------------

def test_seed_body_times():
    files = sorted(SEED.glob("*.txt")) if SEED.exists() else []
    if not files:
        pytest.skip(f"{SEED} is absent (../shared is only beside the repo in the project's CI)")
    text = files[0].read_text(encoding="utf-8")
    refs = find_times(text, date(2025, 11, 7))
    by_text = {ref.text: ref for ref in refs}
    assert by_text["November 21"].start == "2025-11-21"  # a deadline: still ahead
    assert by_text["1,000th day"].kind == "ordinal" and by_text["1,000th day"].days == 1000
    assert by_text["since Monday"].start == "2025-11-03"
    assert by_text["early 2024"].end == "2024-04-30"
    assert all(text[ref.char_start:ref.char_end] == ref.text for ref in refs)


# --- patterns seen on dated sentences (issue 11), in sentences the project wrote --------------

@pytest.mark.parametrize("sentence, span, start", [
    ("The board meets two days after today.", "two days after today", "2025-11-09"),
    ("Bids close three weeks from tomorrow.", "three weeks from tomorrow", "2025-11-29"),
    ("The tally closed 2 weeks before December 20.", "2 weeks before December 20", "2024-12-06"),
    ("The plant will reopen in two months.", "in two months", "2026-01-07"),
    ("The fund will run dry five years from now.", "five years from now", "2030-11-07"),
    ("The ferry sailed on 1/2/2016 at dawn.", "1/2/2016", "2016-01-02"),
    ("The lease ended 23.08.2019 without notice.", "23.08.2019", "2019-08-23"),
    ("The firm sold the unit on Dec31, 1994 for cash.", "Dec31, 1994", "1994-12-31"),
    ("Fireworks lit the bay on the fourth of July, 1999.", "fourth of July, 1999", "1999-07-04"),
    ("The council will vote on Thursday.", "Thursday", "2025-11-13"),
    ("The talks on Thursday will decide it.", "Thursday", "2025-11-13"),
    ("In 2019 the January 19 release was delayed.", "January 19", "2019-01-19"),
    ("The market reopens after Christmas.", "Christmas", "2025-12-25"),
    ("Sales peaked on Thanksgiving 2020.", "Thanksgiving 2020", "2020-11-26"),
    ("The audit was done last Wednesday.", "last Wednesday", "2025-10-29"),
    ("The audit is due next Monday.", "next Monday", "2025-11-10"),
])
def test_date_arithmetic_numeric_dates_and_future_readings(sentence, span, start):
    ref = _found(sentence, span)
    assert (ref.start, ref.end) == (start, start)


def test_a_habitual_season_is_not_a_dated_period():
    assert [ref.text for ref in find_times("Farmers plant in spring and harvest in autumn.", PUBLISHED)] == []
    (ref,) = find_times("Farmers planted late last spring.", PUBLISHED)
    assert (ref.start, ref.end) == ("2025-03-01", "2025-05-31")


def test_looking_back_in_years_stays_a_duration():
    (ref,) = find_times("It was the highest level in two years.", PUBLISHED)
    assert (ref.kind, ref.start) == ("duration", None)


@pytest.mark.parametrize("sentence, span, start", [
    ("Ballots were counted on 11/3 at noon.", "11/3", "2025-11-03"),
    ("The sale opened Fri 14th.", "Fri 14th", "2025-11-14"),
    ("Airport security has never been the same since 9/11.", "9/11", "2001-09-11"),
    ("The council met on 9/12.", "9/12", "2025-09-12"),
])
def test_year_less_numeric_dates_and_weekday_days(sentence, span, start):
    assert _found(sentence, span).start == start


def test_a_weekday_before_a_count_is_no_day_of_the_month():
    refs = find_times("On Monday 5 soldiers were killed.", PUBLISHED)
    assert [(ref.text, ref.start) for ref in refs] == [("Monday", "2025-11-03")]
