"""claim.series_match / series_mismatch / series_other_source: claims beside reference series."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsaudit
from newsaudit import codes
from newsaudit.checks import series as series_check
from newsaudit.model import Article, Claim, InputInfo, Place, Quantity, Report, TimeRef, Tool
from newsaudit.reference.resources import Resources

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "series"
ARTICLE = (FIXTURES / "norland_cholera.txt").read_text(encoding="utf-8")
SERIES = [str(FIXTURES / "norland_cholera.csv")]


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources(series_files=SERIES)


def series_findings(text: str, resources: Resources, published: str = "2025-03-12") -> list:
    report = newsaudit.audit(text, published=published, resources=resources)
    found = [f for f in report.findings if f.code.startswith("claim.series")]
    for finding in found:
        body = [e for e in finding.evidence if e.where == "body"]
        assert body and all(report.article.text[e.start:e.end] == e.text for e in body)
        assert any(e.where == "corpus" for e in finding.evidence) and finding.refs[0].source.startswith("series:")
    return found


def by_figure(found: list) -> dict[str, object]:
    return {next(e.text for e in f.evidence if e.where == "body"): f for f in found}


def test_figures_that_agree_with_the_series_are_matched_with_the_row(resources):
    found = by_figure(series_findings(ARTICLE, resources))
    total = found["12,870 cholera cases"]
    assert total.code == codes.CLAIM_SERIES_MATCH and total.severity == "info"
    assert "2025-03-11: 12,870" in total.evidence[1].text  # "on Tuesday" of an article of Wednesday
    daily = found["260 new infections"]  # "overnight": the difference of consecutive totals
    assert daily.code == codes.CLAIM_SERIES_MATCH and "2025-03-10: 12,610; 2025-03-11: 12,870" in daily.evidence[1].text
    hedged = found["12,000 cases"]  # "more than 12,000 ... by March 9"
    assert hedged.code == codes.CLAIM_SERIES_MATCH and "12,300" in hedged.message


def test_a_revision_is_not_read_as_a_contradiction(resources):
    revised = by_figure(series_findings(ARTICLE, resources))["210 new cases"]
    assert revised.code == codes.CLAIM_SERIES_MATCH and "revision" in revised.message


def test_the_same_figures_five_percent_off_are_mismatches(resources):
    text = ARTICLE.replace("12,870", "13,514").replace("260 new", "273 new")
    found = by_figure(series_findings(text, resources))
    total, daily = found["13,514 cholera cases"], found["273 new infections"]
    assert total.code == daily.code == codes.CLAIM_SERIES_MISMATCH and total.severity == "medium"
    assert "+644" in total.message and "13,513 to 13,515" in total.message and "12,870" in total.message
    assert "+13" in daily.message


def test_no_series_no_finding():
    report = newsaudit.audit(ARTICLE, published="2025-03-12", resources=Resources())
    assert not [f for f in report.findings if f.code.startswith("claim.series")]


def test_an_article_outside_the_series_dates_is_not_compared(resources):
    assert series_findings(ARTICLE, resources, published="2024-03-12") == []


# --- single claims, built by hand -------------------------------------------------------------

def one_claim(sentence: str, printed: str, value: float, *, source=None, unit="cases", approx=False,
              times=(), places=(), text: str | None = None) -> Report:
    text = text or f"Cholera in Norland. {sentence}"
    at = text.index(printed)
    quantity = Quantity(printed, value, None, None, unit, approx, at, at + len(printed), "count")
    start = text.index(sentence)
    claim = Claim("c1", sentence, start, start + len(sentence), 0.9, None, source, quantities=(quantity,),
                  times=tuple(times), places=tuple(places))
    article = Article(None, None, None, None, None, "2025-03-12", "metadata", text)
    return Report(Tool("newsaudit", "test"), InputInfo("-", "text", "0"), article, claims=(claim,))


def run(report: Report, resources: Resources) -> list:
    return list(series_check.check_series(report, resources))


def test_another_source_gets_the_series_figure_beside_it(resources):
    sentence = "The World Health Organization said Norland had recorded 14,100 cases."
    found = run(one_claim(sentence, "14,100 cases", 14100, source="World Health Organization"), resources)
    assert [f.code for f in found] == [codes.CLAIM_SERIES_OTHER_SOURCE]
    assert "World Health Organization" in found[0].message and "13,120" in found[0].message


def test_a_towns_part_of_the_total_is_not_compared(resources):
    sentence = "In Veldhaven, Norland's Health Ministry said, 9,000 cases were counted."
    text = f"Cholera in Norland. {sentence}"
    at = text.index("Veldhaven")
    town = Place("Veldhaven", "Veldhaven", "NL", None, None, None, at, at + 9, "city")
    report = one_claim(sentence, "9,000 cases", 9000, source="Norland's Health Ministry", places=(town,))
    assert run(report, resources) == []


def test_a_much_smaller_figure_from_the_source_is_a_part_not_a_mismatch(resources):
    sentence = "Norland's Health Ministry said 400 cases were children."
    assert run(one_claim(sentence, "400 cases", 400, source="Norland's Health Ministry"), resources) == []


def test_an_unattributed_round_figure_is_not_matched_but_a_precise_one_is(resources):
    loose = one_claim("Norland has had about 13,000 cases.", "13,000 cases", 13000, approx=True)
    assert run(loose, resources) == []
    precise = one_claim("Norland has had 13,120 cases.", "13,120 cases", 13120)
    assert [f.code for f in run(precise, resources)] == [codes.CLAIM_SERIES_MATCH]


def test_another_partys_words_point_to_no_series(resources):
    sentence = "Vesterland's Health Ministry said 13,120 cases were recorded."  # not Norland's
    assert run(one_claim(sentence, "13,120 cases", 13120, source="Vesterland's Health Ministry"), resources) == []


def test_a_unit_the_series_does_not_count_is_not_compared(resources):
    sentence = "Norland's Health Ministry said 13,120 doses were given."
    assert run(one_claim(sentence, "13,120 doses", 13120, source="Norland's Health Ministry", unit="doses"),
               resources) == []


def test_a_dated_figure_is_read_on_its_date(resources):
    sentence = "Norland's Health Ministry counted 11,480 cases on March 6."
    at = f"Cholera in Norland. {sentence}".index("March 6")
    when = TimeRef("March 6", "2025-03-06", "2025-03-06", at, at + 7, "date")
    found = run(one_claim(sentence, "11,480 cases", 11480, source="Norland's Health Ministry", times=(when,)),
                resources)
    assert [f.code for f in found] == [codes.CLAIM_SERIES_MATCH] and "2025-03-06" in found[0].message
    wrong = one_claim(sentence.replace("11,480", "12,300"), "12,300 cases", 12300,
                      source="Norland's Health Ministry", times=(when,))
    # 12,300 is the total three days later: within the window of nearby days, so not a mismatch
    assert [f.code for f in run(wrong, resources)] == []


# --- the seed, against the bundled General Staff series -----------------------------------------

@pytest.fixture(scope="module")
def seed_text() -> str:
    from conftest import shared_path

    return sorted(shared_path("seed").glob("*.txt"))[0].read_text(encoding="utf-8")


def seed_series(text: str) -> dict[str, object]:
    report = newsaudit.audit(text)
    return by_figure([f for f in report.findings if f.code.startswith("claim.series")])


def test_the_seed_general_staff_figures_match_the_series(seed_text):
    found = seed_series(seed_text)
    total, overnight = found["1,147,740"], found["+1,170"]
    assert total.code == overnight.code == codes.CLAIM_SERIES_MATCH
    assert "2025-11-06: 1,147,740" in total.evidence[1].text
    assert "2025-11-05: 1,146,570; 2025-11-06: 1,147,740" in overnight.evidence[1].text
    assert found["1.14 million Russian casualties"].code == codes.CLAIM_SERIES_OTHER_SOURCE  # the UK MoD's
    assert total.refs[0].source == "series:ua_general_staff.personnel" and "MIT" in total.refs[0].detail


def test_the_seed_with_figures_five_percent_off_gives_mismatches(seed_text):
    found = seed_series(seed_text.replace("1,147,740", "1,205,127").replace("+1,170", "+1,229"))
    assert found["1,205,127"].code == found["+1,229"].code == codes.CLAIM_SERIES_MISMATCH
    assert "1,147,740" in found["1,205,127"].message


# --- the command line ---------------------------------------------------------------------------

def test_check_takes_series_files_and_refuses_a_bad_one_in_one_line(tmp_path):
    import json
    import subprocess
    import sys

    article = FIXTURES / "norland_cholera.txt"

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "newsaudit", "check", str(article), "--date", "2025-03-12",
                               *args], capture_output=True, timeout=120)

    report = json.loads(cli("--format", "json", "--series", SERIES[0]).stdout)
    assert codes.CLAIM_SERIES_MATCH in {f["code"] for f in report["findings"]}
    bad = tmp_path / "bad.csv"
    bad.write_text("key,value\nx,1\n", encoding="utf-8")
    result = cli("--series", str(bad))
    assert result.returncode == 2 and b"Traceback" not in result.stderr and b"columns" in result.stderr


def test_the_bundled_series_tell_oryx_from_the_general_staff():
    text = ("Tank losses keep rising\n\nRussia has lost 4,074 tanks since the full-scale invasion began, according "
            "to Oryx, which counts only losses confirmed by photographs or video. Ukraine's General Staff said on "
            "Saturday that Russian forces had lost 11,032 tanks in total. The two sources count in different ways, "
            "analysts said, and both tallies have grown steadily this year.")
    report = newsaudit.audit(text, published="2025-07-20")
    found = by_figure([f for f in report.findings if f.code.startswith("claim.series")])
    assert found["4,074 tanks"].refs[0].source == "series:oryx.russia.tanks"
    assert found["11,032 tanks"].refs[0].source == "series:ua_general_staff.tanks"
    assert {f.code for f in found.values()} == {codes.CLAIM_SERIES_MATCH}
