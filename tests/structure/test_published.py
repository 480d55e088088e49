"""Publication dates from text: datelines first, else an inference from the dates the body gives."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from newsaudit.structure.published import dateline_date, latest_year, published_from_text
from newsaudit.text.dates import first_date

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed"
BODY = ("\n\nThe harbour board approved the dredging plan after a debate that lasted into the night and "
        "ended with a narrow majority of the eleven members.")

# A story with planted clues: the latest past event is October 14 (year from "in 2024 alone");
# later dates are all ahead: a deadline, a "will", a "by", an "until", a "next".
PLANTED = """The regional water authority fined the bottling plant on October 14 after inspectors found it had pumped more than its licence allows.

The plant drew 1.2 million cubic metres from the aquifer in 2024 alone, the authority said, against a limit of 900,000. Inspectors first visited on September 30 and returned on October 9.

The company has until November 28 to appeal, a November 21 deadline applies to its revised pumping plan, and the authority will publish the full report on December 5. Local farmers want the wells capped by December 19.

Hearings are expected to resume next January 12, the authority said."""

# Year-less dates across the turn of the year, in a story told in January.
NEW_YEAR = """Snow closed the mountain pass on December 28, and the road stayed shut through the holidays.

Crews reopened one lane on January 3 and the second on January 6. Traffic counts for 2026 are not yet available, the roads agency said, and it spent its whole 2025 winter budget in December."""

CLEAN_DATELINE = """ASHFORD, March 3, 2025 — The county council voted on Monday to close two of its five recycling centres, citing a budget gap of £4 million.

Councillors said the remaining centres would open for longer hours from May 1."""


@pytest.mark.parametrize("dateline", [
    "WASHINGTON, March 3, 2025 — The Senate passed the bill on a party-line vote.",
    "Published: 2025-03-03",
    "Updated March 3, 2025 10:14 a.m. ET",
    "3 March 2025",
    "Monday, March 3, 2025",
    "By Ann Lee | March 3, 2025",
    "LONDON (Reuters) - March 3, 2025 - Shares fell sharply in early trading.",
    "Posted on Mon 3 Mar 2025 09.14 GMT",
])
def test_dateline_at_the_start_dates_the_article(dateline):
    found = published_from_text(dateline + BODY)
    assert found is not None
    assert (found.date, found.source) == (date(2025, 3, 3), "text")
    assert "dateline" in found.note


def test_clean_dateline_text_is_dated_by_its_dateline_not_by_later_dates():
    found = published_from_text(CLEAN_DATELINE)
    assert (found.date, found.source) == (date(2025, 3, 3), "text")
    assert "ASHFORD, March 3, 2025" in found.note


def test_published_line_wins_over_an_updated_line():
    found = published_from_text("Updated March 9, 2025\nPublished March 3, 2025" + BODY)
    assert found.date == date(2025, 3, 3)


def test_a_sentence_that_merely_starts_with_a_date_is_not_a_dateline():
    text = ("March 3, 2025, was the coldest day of a winter the town will remember for a long time, "
            "the mayor told the council at its meeting.")
    found = published_from_text(text)
    assert found.source == "inferred"


def test_date_deep_in_the_body_is_not_a_dateline():
    assert dateline_date("The vote came late.\n\nA\n\nB\n\nC\n\nMarch 3, 2025") is None


def test_inference_takes_the_latest_past_event_and_skips_dates_ahead():
    found = published_from_text(PLANTED)
    assert found.source == "inferred"
    assert found.date == date(2024, 10, 15)


def test_inference_note_names_the_event_the_year_clue_and_the_rule():
    note = published_from_text(PLANTED).note
    assert note.startswith("inferred:")
    assert "October 14" in note and "2024-10-14" in note
    assert "in 2024 alone" in note
    assert "day after" in note and "2024-10-15" in note


def test_yearless_dates_across_new_year_put_december_in_the_previous_year():
    found = published_from_text(NEW_YEAR)
    assert found.date == date(2026, 1, 7)


def test_year_ahead_is_not_the_year_clue():
    year, words = latest_year("The plant opened in 2021 and must close by 2030 under the new law.")
    assert year == 2021 and "2021" in words


def test_text_without_dates_has_no_publication_date():
    assert published_from_text("The council met and argued about the budget for a long time.") is None


def test_full_date_in_the_body_needs_no_year_clue():
    found = published_from_text("Talks collapsed on Dec. 19, 2024, the ministry said.")
    assert found.date == date(2024, 12, 20)


def test_seed_article_is_inferred_in_the_week_it_was_published():
    if not SEED.exists():
        pytest.skip(f"{SEED} is absent (../shared is only beside the repo in the project's CI)")
    text = sorted(SEED.glob("*.txt"))[0].read_text(encoding="utf-8")
    body = "\n".join(text.split("\n")[5:])  # past the masthead, headline and captions
    found = published_from_text(body)
    assert found is not None and found.source == "inferred"
    assert date(2025, 11, 6) <= found.date <= date(2025, 11, 13)


dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31))
FORMATS = ("%B {d}, %Y", "%b. {d}, %Y", "{d} %B %Y", "%Y-%m-%d")


def _format(day: date, fmt: str) -> str:
    return day.strftime(fmt.replace("{d}", str(day.day))).replace("May.", "May")


@given(dates, st.sampled_from(FORMATS))
def test_first_date_reads_every_common_written_form(day, fmt):
    assert first_date(f"Taken on {_format(day, fmt)} near the port.") == day


@given(dates, st.sampled_from(FORMATS), st.sampled_from(["KYIV", "NEW YORK", "SÃO PAULO, Brazil"]))
def test_place_and_date_dateline_round_trips(day, fmt, place):
    found = published_from_text(f"{place}, {_format(day, fmt)} — Officials met again." + BODY)
    assert found is not None and (found.date, found.source) == (day, "text")


@given(st.text(max_size=300))
def test_any_text_gives_a_date_or_none_without_crashing(text):
    found = published_from_text(text)
    assert found is None or found.source in ("text", "inferred")
