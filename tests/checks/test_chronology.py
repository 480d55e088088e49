"""Time checks: anachronisms, mismatched intervals and past dates written as future."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsaudit.checks import chronology as time_checks
from newsaudit.errors import TableError
from newsaudit.reference.anchors import load_anchors
from newsaudit.model import Article, Claim, InputInfo, Report, TimeRef, Tool
from newsaudit.reference.resources import Resources

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def make_report(text: str, published: str, times: tuple[TimeRef, ...] = (), headline: str | None = None) -> Report:
    article = Article(outlet=None, domain=None, url=None, headline=headline, byline=None, published=published,
                      published_source="metadata", text=text)
    claim = Claim("c1", text, 0, len(text), 0.5, None, None, times=times)
    return Report(Tool("newsaudit", "test"), InputInfo("-", "text", "0"), article, claims=(claim,))


def time_ref(text: str, phrase: str, start: str | None, end: str | None, kind: str = "date",
             days: float | None = None) -> TimeRef:
    at = text.index(phrase)
    return TimeRef(phrase, start, end, at, at + len(phrase), kind, days)


def run(check, report: Report) -> list:
    findings = list(check(report, Resources()))
    for finding in findings:
        for span in finding.evidence:
            if span.where == "body":
                assert report.article.text[span.start:span.end] == span.text
    return findings


def codes(findings) -> list[str]:
    return [finding.code for finding in findings]


# --- anachronism: ordinals of anchor events ---------------------------------------------

def test_war_day_count_that_ended_a_year_ago_is_an_anachronism():
    text = "Kyiv's officials spoke of fatigue. Ukraine's army, in a war now in its 1,000th day, is stretched thin."
    findings = run(time_checks.check_anachronisms, make_report(text, "2025-11-07"))
    assert codes(findings) == ["time.anachronism"]
    assert findings[0].severity == "high"
    assert "2024-11-19" in findings[0].message and "1,353" in findings[0].message
    assert findings[0].refs[0].source == "anchors.csv"


def test_war_day_count_true_on_publication_is_silent():
    text = "Ukraine's army, in a war now in its 1,000th day, is stretched thin."
    assert run(time_checks.check_anachronisms, make_report(text, "2024-11-20")) == []


def test_pandemic_year_ordinal_written_in_words_is_checked():
    text = "Hospitals in the COVID wards say the pandemic, now in its second year, has changed them."
    assert codes(run(time_checks.check_anachronisms, make_report(text, "2024-06-01"))) == ["time.anachronism"]
    assert run(time_checks.check_anachronisms, make_report(text, "2021-06-01")) == []


def test_war_with_no_anchor_in_context_is_silent():
    text = "The trade war, now in its 1,000th day, has cost farmers dearly."
    assert run(time_checks.check_anachronisms, make_report(text, "2025-11-07")) == []


def test_retrospective_ordinal_matching_a_date_in_the_sentence_is_silent():
    text = "On November 19, 2024, the 1,000th day of the invasion of Ukraine, now a grim milestone, Kyiv held a vigil."
    times = (time_ref(text, "November 19, 2024", "2024-11-19", "2024-11-19"),)
    assert run(time_checks.check_anachronisms, make_report(text, "2025-11-07", times)) == []


# --- anachronism: ages and "years since" ----------------------------------------------------

def test_age_that_does_not_fit_the_birth_year_is_an_anachronism():
    text = "The new striker, a 40-year-old born in 1990, scored twice."
    findings = run(time_checks.check_ages, make_report(text, "2025-03-01"))
    assert codes(findings) == ["time.anachronism"]
    assert "34 or 35" in findings[0].message


def test_age_that_fits_the_birth_year_is_silent():
    text = "Maria Lopez, 34, born in 1990, scored twice."
    assert run(time_checks.check_ages, make_report(text, "2025-03-01")) == []


def test_age_at_a_past_year_named_in_the_sentence_is_silent():
    text = "In 2010 the 20-year-old, born in 1990, won his first title."
    assert run(time_checks.check_ages, make_report(text, "2025-03-01")) == []


def test_years_since_a_dated_event_off_by_years_is_an_anachronism():
    text = "It is now three years since the 2016 referendum divided the country."
    findings = run(time_checks.check_years_since, make_report(text, "2025-06-01"))
    assert codes(findings) == ["time.anachronism"]
    assert "9 years" in findings[0].message


def test_years_since_an_anchor_event_within_rounding_is_silent():
    bare = "It has been three years since the full-scale invasion began."
    assert run(time_checks.check_years_since, make_report(bare, "2029-06-01")) == []
    # "full-scale invasion" names the Ukraine war only beside its context words (here "Kyiv")
    text = "Kyiv is tired. It has been three years since the full-scale invasion began."
    assert run(time_checks.check_years_since, make_report(text, "2025-06-01")) == []
    assert codes(run(time_checks.check_years_since, make_report(text, "2025-12-01"))) == []
    assert codes(run(time_checks.check_years_since, make_report(text, "2029-06-01"))) == ["time.anachronism"]


def test_company_anniversary_that_miscounts_its_founding_year_fires():
    text = "Kessler Tools, founded in 1980, marks its 50th anniversary with a party."
    findings = run(time_checks.check_years_since, make_report(text, "2025-09-01"))
    assert codes(findings) == ["time.anachronism"]
    assert run(time_checks.check_years_since, make_report(text, "2030-09-01")) == []


# --- anachronism: events of the table named in other words ---------------------------------

@pytest.mark.parametrize("phrase, published, wrong, right", [
    ("the Sept. 11 attacks", "2016-05-01", 20, 14),
    ("the U.S.-led invasion of Iraq", "2016-05-01", 20, 13),
    ("the Brexit referendum", "2025-05-01", 4, 8),
    ("the Chernobyl accident", "2016-05-01", 25, 30),
    ("the Boxing Day tsunami", "2016-05-01", 7, 11),
])
def test_years_since_an_event_named_in_other_words(phrase, published, wrong, right):
    line = "It has been {n} years since {what}, and the town still talks about it."
    found = run(time_checks.check_years_since, make_report(line.format(n=wrong, what=phrase), published))
    assert codes(found) == ["time.anachronism"] and found[0].refs[0].source == "anchors.csv"
    assert phrase in found[0].evidence[0].text
    assert run(time_checks.check_years_since, make_report(line.format(n=right, what=phrase), published)) == []


def test_an_anniversary_of_a_described_event_is_checked():
    text = "This year marks the 20th anniversary of the Chernobyl explosion, the mayor said."
    assert codes(run(time_checks.check_years_since, make_report(text, "2016-04-01"))) == ["time.anachronism"]
    assert run(time_checks.check_years_since, make_report(text, "2006-04-01")) == []


def test_an_event_outside_the_table_is_not_checked():
    text = "It has been 90 years since the Ruritanian grain elevator collapse, and the town still talks about it."
    assert run(time_checks.check_years_since, make_report(text, "2016-05-01")) == []


@pytest.mark.parametrize("dated, shapes", [
    ("the 1931 Ruritanian grain elevator collapse", "since anniversary"),
    ("the Ruritanian grain elevator collapse of 1931", "since anniversary"),
    ("the Ruritanian grain elevator collapse of March 1931", "since anniversary"),
    ("the Ruritanian grain elevator collapse of March 4, 1931", "since anniversary"),
    ("the Ruritanian grain elevator collapse in Nov. 1931", "since"),  # see the next test
])
def test_an_event_outside_the_table_dated_in_the_sentence_is_checked_from_that_date(dated, shapes):
    lines = {"since": "It has been {n} years since {what}, and the town still talks about it.",
             "anniversary": "This year marks the {n}th anniversary of {what}, the mayor said."}
    for line in (lines[shape] for shape in shapes.split()):
        wrong = run(time_checks.check_years_since, make_report(line.format(n=90, what=dated), "2016-05-01"))
        assert codes(wrong) == ["time.anachronism"] and wrong[0].refs[0].source == "text"
        assert run(time_checks.check_years_since, make_report(line.format(n=85, what=dated), "2016-05-01")) == []


def test_an_anniversary_of_an_unknown_event_followed_by_in_a_year_may_date_the_anniversary():
    # "the 50th anniversary of the festival in 2019" may say when the anniversary falls: no check holds it
    text = "This year marks the 90th anniversary of the Ruritanian grain elevator collapse in 1931, the mayor said."
    assert run(time_checks.check_years_since, make_report(text, "2016-05-01")) == []


def test_a_count_that_fits_a_lasting_event_anywhere_in_its_span_is_silent():
    text = "It has been {n} years since the Vietnam War, and veterans still meet."
    for n in (41, 50, 60):
        assert run(time_checks.check_years_since, make_report(text.format(n=n), "2016-05-01")) == []
    assert codes(run(time_checks.check_years_since, make_report(text.format(n=20), "2016-05-01"))) == [
        "time.anachronism"]
    ended = "It has been 60 years since the end of the Vietnam War, and veterans still meet."
    assert codes(run(time_checks.check_years_since, make_report(ended, "2016-05-01"))) == ["time.anachronism"]


def test_a_name_two_events_share_stands_when_it_fits_either():
    text = "It has been {n} years since the Haiti earthquake, and rebuilding goes on."
    assert run(time_checks.check_years_since, make_report(text.format(n=3), "2024-09-01")) == []
    assert run(time_checks.check_years_since, make_report(text.format(n=14), "2024-09-01")) == []
    assert codes(run(time_checks.check_years_since, make_report(text.format(n=8), "2024-09-01"))) == [
        "time.anachronism"]


def test_an_event_after_the_publication_date_is_not_what_the_article_meant():
    text = "It has been two years since the Manchester Arena bombing, and the city still grieves."
    assert run(time_checks.check_years_since, make_report(text, "2016-05-01")) == []


def test_a_month_precision_event_tolerates_its_month():
    text = "It has been 50 years since the Tet Offensive, and he still dreams of Hue."
    assert run(time_checks.check_years_since, make_report(text, "2018-01-15")) == []
    assert codes(run(time_checks.check_years_since, make_report(text, "2025-01-15"))) == ["time.anachronism"]


# --- anachronism: counts told in a narrative ------------------------------------------------

def test_a_count_anchored_to_a_year_in_its_sentence_is_not_from_the_publication_date():
    text = "A year after the club closed, in 1976, its owner is still paying off the loans."
    assert run(time_checks.check_years_since, make_report(text, "2016-05-01")) == []


def test_years_after_an_event_told_in_the_past_is_silent_and_told_of_now_is_checked():
    past = "Two years after the Chernobyl accident, she moved to Kyiv."
    assert run(time_checks.check_years_since, make_report(past, "2016-05-01")) == []
    now = "Now, two years after the Chernobyl accident, the forest is growing back."
    assert codes(run(time_checks.check_years_since, make_report(now, "2016-05-01"))) == ["time.anachronism"]


def test_years_since_told_in_the_past_perfect_is_silent():
    text = "In the ten years since the Chernobyl accident, the town had lost half its people."
    assert run(time_checks.check_years_since, make_report(text, "2016-05-01")) == []


def test_a_past_event_on_an_anniversary_is_not_counted_to_the_publication_date():
    text = "The raid on the depot, on the 11th anniversary of 9/11, was another matter."
    assert run(time_checks.check_years_since, make_report(text, "2016-06-30")) == []


def test_a_named_war_without_context_words_is_still_counted():
    text = "The Yom Kippur War, now in its 2,000th day, shaped how the senator talks."
    assert codes(run(time_checks.check_anachronisms, make_report(text, "2016-05-01"))) == ["time.anachronism"]


def test_a_war_that_ended_is_not_what_a_present_ordinal_means():
    text = "Soldiers back from Iraq say the war, now in its 14th year, has changed them."
    assert run(time_checks.check_anachronisms, make_report(text, "2016-05-01")) == []


# --- interval mismatch -------------------------------------------------------------------

def test_first_in_over_two_years_against_a_dated_milestone_a_year_ago_is_a_mismatch():
    text = ("The governing party suffered its first defeat in over two years in the capital. "
            "It was the party's biggest defeat since early 2024 in the capital, aides conceded.")
    times = (time_ref(text, "early 2024", "2024-01-01", "2024-04-30", "period"),)
    findings = run(time_checks.check_interval_mismatch, make_report(text, "2025-05-10", times))
    assert codes(findings) == ["time.interval_mismatch"]
    assert len(findings[0].evidence) == 2


def test_milestones_that_agree_are_silent():
    text = ("The governing party suffered its first defeat in over two years in the capital. "
            "It was the party's biggest defeat since early 2023 in the capital, aides conceded.")
    times = (time_ref(text, "early 2023", "2023-01-01", "2023-04-30", "period"),)
    assert run(time_checks.check_interval_mismatch, make_report(text, "2025-05-10", times)) == []


def test_a_span_after_a_dated_milestone_belongs_to_the_next_clause():
    text = ("The flood was the worst the valley has seen since 1998, and the third in four years. "
            "It was the worst flood since 1998 in the valley, the mayor said.")
    second = text.index("1998", text.index("1998") + 1)
    times = (time_ref(text, "1998", "1998-01-01", "1998-12-31", "period"),
             TimeRef("1998", "1998-01-01", "1998-12-31", second, second + 4, "period"))
    assert run(time_checks.check_interval_mismatch, make_report(text, "2025-05-10", times)) == []


def test_headline_milestone_is_compared_with_the_body():
    text = "Rebels took the town, their biggest prize since the capture of Ardel in March 2025 in the north."
    times = (time_ref(text, "March 2025", "2025-03-01", "2025-03-31", "period"),)
    report = make_report(text, "2025-11-01", times, headline="Rebels seize first town in the north in over a year")
    findings = run(time_checks.check_interval_mismatch, report)
    assert codes(findings) == ["time.interval_mismatch"]
    assert findings[0].evidence[0].where == "headline"


def test_for_three_years_against_since_last_year_about_the_same_strike_is_a_mismatch():
    text = "Dock workers at Port Vell have been on strike for three years. Dock workers at Port Vell, on strike since 2024, want a raise."
    times = (time_ref(text, "for three years", "2022-06-01", "2025-06-01", "duration", 1095.75),
             time_ref(text, "since 2024", "2024-01-01", "2025-06-01", "period"))
    assert codes(run(time_checks.check_interval_mismatch, make_report(text, "2025-06-01", times))) == [
        "time.interval_mismatch"]


def test_for_and_since_about_different_things_are_silent():
    text = "The mayor has led the city for three years. Bus fares, frozen since 2024, will rise."
    times = (time_ref(text, "for three years", "2022-06-01", "2025-06-01", "duration", 1095.75),
             time_ref(text, "since 2024", "2024-01-01", "2025-06-01", "period"))
    assert run(time_checks.check_interval_mismatch, make_report(text, "2025-06-01", times)) == []


def test_a_closed_past_stretch_or_a_last_occurrence_is_no_interval_to_compare():
    text = ("Dock workers at Port Vell were on strike for three years in the 1980s. "
            "Dock workers at Port Vell held the first strike vote since 2024 on Monday.")
    times = (time_ref(text, "for three years", "2022-06-01", "2025-06-01", "duration", 1095.75),
             time_ref(text, "since 2024", "2024-01-01", "2025-06-01", "period"))
    assert run(time_checks.check_interval_mismatch, make_report(text, "2025-06-01", times)) == []
    text = ("Dock workers at Port Vell were on strike for three years. "
            "Dock workers at Port Vell, on strike since 2024, want a raise.")
    times = (time_ref(text, "for three years", "2022-06-01", "2025-06-01", "duration", 1095.75),
             time_ref(text, "since 2024", "2024-01-01", "2025-06-01", "period"))
    assert run(time_checks.check_interval_mismatch, make_report(text, "2025-06-01", times)) == []  # "were": over


# --- stale future ------------------------------------------------------------------------

def test_explicit_past_date_written_as_future_is_stale():
    text = "The parliament will vote on 12 May 2024 on the reform."
    times = (time_ref(text, "12 May 2024", "2024-05-12", "2024-05-12"),)
    findings = run(time_checks.check_stale_future, make_report(text, "2025-03-01", times))
    assert codes(findings) == ["time.stale_future"]
    assert findings[0].evidence[0].text == "will vote on 12 May 2024"


def test_past_date_reported_as_past_plan_is_silent():
    text = "The parliament was due to vote on 12 May 2024 but the session was postponed."
    times = (time_ref(text, "12 May 2024", "2024-05-12", "2024-05-12"),)
    assert run(time_checks.check_stale_future, make_report(text, "2025-03-01", times)) == []


def test_next_weeks_summit_on_a_date_that_just_passed_is_stale():
    text = "Leaders are preparing for next week's summit on Feb. 10 in Oslo."
    # the claims stage resolves a year-less date written as ahead to its next occurrence
    times = (time_ref(text, "Feb. 10", "2026-02-10", "2026-02-10"),)
    findings = run(time_checks.check_stale_future, make_report(text, "2025-02-20", times))
    assert codes(findings) == ["time.stale_future"]
    assert "2025-02-10" in findings[0].message


def test_future_date_still_ahead_is_silent():
    text = "The parliament will vote on 12 May 2026 on the reform."
    times = (time_ref(text, "12 May 2026", "2026-05-12", "2026-05-12"),)
    assert run(time_checks.check_stale_future, make_report(text, "2025-03-01", times)) == []


# --- anchors table -----------------------------------------------------------------------

def test_users_extend_the_anchor_table_with_their_own_csv(tmp_path):
    extra = tmp_path / "anchors.csv"
    extra.write_text("key,label,date,kind,aliases,context\n"
                     "ruritania_war,Ruritanian war began,2020-01-01,war,Ruritanian war,Ruritania\n")
    table = load_anchors(extra)
    assert [a.key for a in table.for_noun("war", "Fighting in Ruritania goes on.")] == ["ruritania_war"]
    assert len(table.anchors) > 30


def test_anchor_table_without_its_columns_is_refused(tmp_path):
    extra = tmp_path / "anchors.csv"
    extra.write_text("key,date\nx,2020-01-01\n")
    with pytest.raises(TableError, match="lacks the columns"):
        load_anchors(extra)


# --- end to end through the claims stage ----------------------------------------------------

@pytest.fixture(scope="module")
def audited():
    from newsaudit import STAGES, audit

    def run_article(name: str, published: str) -> Report:
        return audit((FIXTURES / name).read_text(), published=published, stages=STAGES[:2])
    return run_article


def all_time_findings(report: Report) -> list:
    return [f for check in time_checks.CHECKS for f in run(check, report)]


def test_pandemic_article_planted_problems_are_found_end_to_end(audited):
    found = codes(all_time_findings(audited("consistency_pandemic.txt", "2025-03-01")))
    assert found.count("time.anachronism") == 2 and "time.interval_mismatch" in found


def test_election_article_stale_vote_and_miscounted_years_are_found_end_to_end(audited):
    found = codes(all_time_findings(audited("consistency_election.txt", "2025-06-10")))
    assert sorted(found) == ["time.anachronism", "time.stale_future"]


def test_company_article_anniversary_and_milestones_are_found_end_to_end(audited):
    found = codes(all_time_findings(audited("consistency_company.txt", "2025-11-07")))
    assert sorted(found) == ["time.anachronism", "time.interval_mismatch"]


def test_seed_article_war_day_and_two_year_milestone_are_found(audited, seed_path):
    from newsaudit import STAGES, audit

    report = audit(seed_path.read_text(), stages=STAGES[:2])
    assert report.article.published == "2025-11-07", "the seed's date is inferred from the events it dates"
    found = codes(all_time_findings(report))
    assert "time.anachronism" in found and "time.interval_mismatch" in found


def test_a_yearless_day_just_gone_written_as_ahead_is_stale():
    text = "The parks board will vote on the new fees on March 3, a spokeswoman said."
    times = (time_ref(text, "March 3", "2025-03-03", "2025-03-03"),)
    findings = run(time_checks.check_stale_future, make_report(text, "2025-03-20", times))
    assert codes(findings) == ["time.stale_future"] and "2025-03-03" in findings[0].message
    assert findings[0].evidence[0].text.startswith("will vote")


def test_a_yearless_day_just_gone_told_in_the_past_tense_is_fine():
    text = "The parks board voted on the new fees on March 3, a spokeswoman said."
    times = (time_ref(text, "March 3", "2025-03-03", "2025-03-03"),)
    assert run(time_checks.check_stale_future, make_report(text, "2025-03-20", times)) == []


def test_a_yearless_day_long_gone_is_not_read_as_a_stale_future():
    # months back: the sentence more likely means next year's date than a mistake
    text = "The parks board will vote on the new fees on January 3, a spokeswoman said."
    times = (time_ref(text, "January 3", "2025-01-03", "2025-01-03"),)
    assert run(time_checks.check_stale_future, make_report(text, "2025-06-20", times)) == []


def test_counts_of_years_are_found_near_unit_words_as_a_full_scan_finds_them():
    from newsaudit.checks.chronology import YEARS_AGO, YEARS_SINCE, near_units

    text = ("It is twenty-two years since the flood of 1993 and about 5 years after the 2010 fire; three "
            "decades since the war. More than 10 years have now passed since the treaty was signed. Ten years "
            "ago, in 2012, the mill shut; a decade ago 1999 was a year. years since years since 4 years ago, 2011. "
            "A year after the vote, nearly a hundred years since the bridge opened.\n" * 3)
    for pattern in (YEARS_SINCE, YEARS_AGO):
        full = [match.span() for match in pattern.finditer(text)]
        assert full and [match.span() for match in near_units(pattern, text)] == full
