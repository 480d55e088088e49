"""number.inconsistent: the same count about the same thing, given two different values."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, strategies as st

from newsaudit.checks import numbers
from newsaudit.model import Article, Claim, InputInfo, Quantity, Report, Speaker, Tool
from newsaudit.reference.resources import Resources

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def quantity(text: str, printed: str, value: float | None, unit: str | None, kind: str = "count",
             approx: bool = False, low: float | None = None, high: float | None = None, nth: int = 0) -> Quantity:
    at = -1
    for _ in range(nth + 1):
        at = text.index(printed, at + 1)
    return Quantity(printed, value, low, high, unit, approx, at, at + len(printed), kind)


def claim(text: str, sentence: str, ident: str, quantities: tuple[Quantity, ...], source: str | None = None,
          speaker: str | None = None) -> Claim:
    start = text.index(sentence)
    return Claim(ident, sentence, start, start + len(sentence), 0.7, Speaker(speaker) if speaker else None, source,
                 quantities=quantities)


def make_report(text: str, claims: tuple[Claim, ...]) -> Report:
    article = Article(None, None, None, None, None, "2025-05-01", "metadata", text)
    return Report(Tool("newsaudit", "test"), InputInfo("-", "text", "0"), article, claims=claims)


def findings_for(report: Report) -> list:
    found = list(numbers.check_inconsistent_numbers(report, Resources()))
    for finding in found:
        for span in finding.evidence:
            assert report.article.text[span.start:span.end] == span.text
    return found


def two_sentence_report(first: str, second: str, a: Quantity | None = None, b: Quantity | None = None, **kw):
    text = f"{first} {second}"
    qa = a or quantity(text, kw["pa"], kw["va"], kw["unit"])
    qb = b or quantity(text, kw["pb"], kw["vb"], kw["unit"], nth=kw.get("nth", 0))
    return make_report(text, (claim(text, first, "c1", (qa,), kw.get("sa")), claim(text, second, "c2", (qb,), kw.get("sb"))))


def test_two_different_counts_of_the_same_evacuees_are_inconsistent():
    report = two_sentence_report("Rescuers evacuated 200 residents from the flooded Marsh Lane estate.",
                                 "In all, 350 residents were evacuated from the flooded Marsh Lane estate.",
                                 pa="200 residents", va=200, pb="350 residents", vb=350, unit="residents")
    found = findings_for(report)
    assert [f.code for f in found] == ["number.inconsistent"]
    assert len(found[0].evidence) == 2


def test_rounded_and_exact_figures_agree():
    report = two_sentence_report("The census put the city's residents at 1.14 million residents last spring.",
                                 "The census counted 1,147,740 residents in the city last spring.",
                                 pa="1.14 million residents", va=1140000, pb="1,147,740 residents", vb=1147740,
                                 unit="residents")
    assert findings_for(report) == []


def test_same_figure_twice_agrees():
    report = two_sentence_report("The town was once home to 60,000 people before the dam burst.",
                                 "The town was home to 60,000 people, the mayor recalled of the dam.",
                                 pa="60,000 people", va=60000, pb="60,000 people", vb=60000, unit="people", nth=1)
    assert findings_for(report) == []


def test_lower_bound_and_larger_figure_agree():
    report = two_sentence_report("Over 100 residents spoke at the budget hearing in the council chamber.",
                                 "The clerk listed 120 residents who spoke at the budget hearing in the council chamber.",
                                 pa="100 residents", va=100, pb="120 residents", vb=120, unit="residents")
    assert findings_for(report) == []


def test_counts_about_different_things_are_silent():
    report = two_sentence_report("Storms closed 12 schools in Dorran county.",
                                 "By Friday, 30 schools had reopened across the province.",
                                 pa="12 schools", va=12, pb="30 schools", vb=30, unit="schools")
    assert findings_for(report) == []


def test_counts_from_two_sources_are_a_dispute_not_an_inconsistency():
    report = two_sentence_report("Organisers said 90,000 marchers filled Plaza Mayor in the capital.",
                                 "Police said 20,000 marchers filled Plaza Mayor in the capital.",
                                 pa="90,000 marchers", va=90000, pb="20,000 marchers", vb=20000, unit="marchers",
                                 sa="organisers", sb="police")
    assert findings_for(report) == []


def test_an_added_count_is_not_the_same_count():
    report = two_sentence_report("The army sent 200 soldiers to the Kessel bridge.",
                                 "It later sent another 300 soldiers to the Kessel bridge.",
                                 pa="200 soldiers", va=200, pb="300 soldiers", vb=300, unit="soldiers")
    assert findings_for(report) == []


def test_a_change_word_capitalised_inside_a_sentence_is_a_name_not_a_change():
    """"Cedar Falls" is a town, not "falls"; a change word opening a sentence still counts."""
    named = two_sentence_report("The crash injured 60 people, the Cedar Falls fire department said.",
                                "The fire department said 85 people were injured in the crash.",
                                pa="60 people", va=60, pb="85 people", vb=85, unit="people")
    assert [f.code for f in findings_for(named)] == ["number.inconsistent"]
    changed = two_sentence_report("Rose by a third, the toll reached 60 people, the fire department said.",
                                  "The fire department said 85 people were injured in the crash.",
                                  pa="60 people", va=60, pb="85 people", vb=85, unit="people")
    assert findings_for(changed) == []


def test_a_part_of_someones_group_is_not_the_whole_count():
    """"N of Brandt's files" counts a subset; another count of files can differ from it."""
    report = two_sentence_report("The archive said 2,400 of Brandt's released agency files were redacted in part.",
                                 "The archive has withheld 31 agency files as secret and will not release them.",
                                 pa="2,400", va=2400, pb="31 agency files", vb=31, unit="files")
    assert findings_for(report) == []
    whole = two_sentence_report("The archive said 2,400 agency files were redacted in part.",
                                "The archive said 31 agency files were redacted in part.",
                                pa="2,400 agency files", va=2400, pb="31 agency files", vb=31, unit="files")
    assert [f.code for f in findings_for(whole)] == ["number.inconsistent"]


@given(st.integers(min_value=1, max_value=10**7))
def test_a_figure_rounded_to_two_significant_digits_agrees_with_the_exact_one(value):
    digits = len(str(value))
    rounded = int(round(value, -(digits - 2))) if digits > 2 else value
    text = f"{rounded:,} widgets"
    printed = Quantity(text, float(rounded), None, None, "widgets", False, 0, len(text))
    low, high = numbers.interval(text, printed)
    assert low <= value <= high


def test_a_precise_figure_allows_only_its_last_digit():
    text = "1,147,743 widgets"
    printed = Quantity(text, 1147743.0, None, None, "widgets", False, 0, len(text))
    assert numbers.interval(text, printed) == (1147742.0, 1147744.0)


def test_clean_article_with_many_figures_has_no_number_finding():
    from newsaudit import STAGES, audit

    report = audit((FIXTURES / "consistency_clean.txt").read_text(), published="2025-08-31", stages=STAGES[:2])
    assert findings_for(report) == []


def test_election_turnout_given_twice_differently_is_found_end_to_end():
    from newsaudit import STAGES, audit

    report = audit((FIXTURES / "consistency_election.txt").read_text(), published="2025-06-10", stages=STAGES[:2])
    found = findings_for(report)
    assert [f.code for f in found] == ["number.inconsistent"]
    assert {span.text for span in found[0].evidence} == {"61%", "48%"}


def test_a_figure_set_apart_by_another_or_a_sum_is_not_the_same_count():
    for second in ("Another bond measure that the council approved sets aside $40 million for the harbour wall.",
                   "Three smaller grants for the harbour wall, totaling $40 million, were approved by the council."):
        report = two_sentence_report("The council approved $25 million for the harbour wall on Tuesday.", second,
                                     pa="$25 million", va=25e6, pb="$40 million", vb=40e6, unit="USD")
        report = _as_money(report)
        assert findings_for(report) == [], second


def test_figures_in_a_reference_list_are_the_cited_works_own():
    report = two_sentence_report("Okafor N et al. Outcomes of early surgery in 38 patients. Surg Rev. 2011;12(3):4-9.",
                                 "Haddad R et al. Outcomes of early surgery in 27 patients. Surg Rev. 2014;15(2):1-8.",
                                 pa="38 patients", va=38, pb="27 patients", vb=27, unit="patients")
    assert findings_for(report) == []


def test_points_and_poll_shares_are_low_findings_at_most():
    report = two_sentence_report("In the harbour district the measure passed by six points on Tuesday night.",
                                 "Officials said the measure passed in the harbour district by nine points.",
                                 pa="six points", va=6, pb="nine points", vb=9, unit="points")
    assert [f.severity for f in findings_for(report)] == ["low"]
    report = two_sentence_report("In the county poll, 41 percent of voters backed the harbour levy outright.",
                                 "The poll found 52 percent of voters backed the harbour levy outright.",
                                 pa="41 percent", va=41, pb="52 percent", vb=52, unit="percent")
    report = _as_kind(report, "percent")
    assert [f.severity for f in findings_for(report)] == ["low"]


def test_a_name_opening_the_later_sentence_tells_two_subjects_apart():
    report = two_sentence_report("In March, Whitfield had 38 percent support among likely voters in the state.",
                                 "Lindqvist had 25 percent support among likely voters in the state.",
                                 pa="38 percent", va=38, pb="25 percent", vb=25, unit="percent")
    assert findings_for(_as_kind(report, "percent")) == []


def _as_kind(report: Report, kind: str) -> Report:
    import dataclasses
    claims = tuple(dataclasses.replace(c, quantities=tuple(dataclasses.replace(q, kind=kind) for q in c.quantities))
                   for c in report.claims)
    return dataclasses.replace(report, claims=claims)


def _as_money(report: Report) -> Report:
    return _as_kind(report, "money")


def test_a_supposed_case_is_not_the_articles_count():
    report = two_sentence_report("The levy needs majorities in eight wards to pass, the clerk said.",
                                 "Imagine a count in which the levy needs majorities in five wards to pass.",
                                 pa="eight wards", va=8, pb="five wards", vb=5, unit="wards")
    assert findings_for(report) == []
    report = two_sentence_report("The levy needs majorities in eight wards to pass, the clerk said.",
                                 "The clerk said the levy needs majorities in five wards to pass.",
                                 pa="eight wards", va=8, pb="five wards", vb=5, unit="wards")
    assert [f.code for f in findings_for(report)] == ["number.inconsistent"]  # a fact, not a supposition


def test_another_before_an_abbreviation_still_sets_a_figure_apart():
    report = two_sentence_report("The first donor, Dr. Amsel, gave the harbour fund $3 million last spring.",
                                 "Another donor, Mr. Okoro of the port board, gave the harbour fund $1 million.",
                                 pa="$3 million", va=3e6, pb="$1 million", vb=1e6, unit="USD")
    assert findings_for(_as_money(report)) == []


def test_a_poll_named_in_the_headline_makes_every_share_a_low_finding():
    import dataclasses

    first = "On the east shore, 58 percent of harbour district residents backed the new ferry route."
    second = "In all, 21 percent of harbour district residents backed the new ferry route."
    report = _as_kind(two_sentence_report(first, second, pa="58 percent", va=58, pb="21 percent", vb=21,
                                          unit="percent"), "percent")
    article = dataclasses.replace(report.article, headline="Harbour survey: residents sour on the ferry")
    assert [f.severity for f in findings_for(dataclasses.replace(report, article=article))] == ["low"]


def test_a_poll_named_in_a_flattened_pages_title_line_makes_every_share_a_low_finding():
    first = "On the east shore, 58 percent of harbour district residents backed the new ferry route."
    second = "In all, 21 percent of harbour district residents backed the new ferry route."
    severities = {}
    for title in ("Harbour Survey: Residents sour on the ferry.", "Harbour: Residents sour on the ferry."):
        text = f"{title}\n\n{first} {second}"
        qa = quantity(text, "58 percent", 58, "percent", "percent")
        qb = quantity(text, "21 percent", 21, "percent", "percent")
        report = make_report(text, (claim(text, first, "c1", (qa,)), claim(text, second, "c2", (qb,))))
        severities[title] = [f.severity for f in findings_for(report)]
    assert list(severities.values()) == [["low"], ["medium"]]
