"""Provenance checks: imitated outlets, page leftovers, missing byline and date, anonymous first person."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsaudit.checks import provenance
import newsaudit
from newsaudit.model import Article, InputInfo, Quote, Report, Tool
from newsaudit.reference.resources import Resources

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RESOURCES = Resources()


def make_report(text: str = "The council met on Tuesday.", *, kind: str = "text", quotes=(), **fields) -> Report:
    base = dict(outlet=None, domain=None, url=None, headline="A headline", byline="Ana Ruiz",
                published="2025-05-01", published_source="metadata", text=text)
    base.update(fields)
    return Report(Tool("newsaudit", "test"), InputInfo("-", kind, "0"), Article(**base), quotes=tuple(quotes))


def run(check, report: Report) -> list:
    found = list(check(report, RESOURCES))
    for finding in found:
        for span in finding.evidence:
            if span.where == "body":
                assert report.article.text[span.start:span.end] == span.text
    return found


# --- outlet.impersonation ------------------------------------------------------------------

def test_an_imitated_masthead_names_the_outlet_and_the_table_row():
    [finding] = run(provenance.check_impersonation, make_report(outlet="The Washington Pest"))
    assert finding.code == "outlet.impersonation" and finding.severity == "high"
    assert "The Washington Post" in finding.message
    assert finding.evidence[0].where == "outlet" and finding.evidence[0].text == "The Washington Pest"
    assert "washingtonpost.com" in finding.refs[0].detail


def test_a_look_alike_domain_from_the_url_is_evidence_of_its_own():
    report = make_report(outlet="Daily Harbour", url="https://www.nytimes-news.com/2025/05/01/story.html")
    [finding] = run(provenance.check_impersonation, report)
    assert finding.severity == "medium" and [e.where for e in finding.evidence] == ["domain"]
    assert finding.evidence[0].text == "nytimes-news.com"


def test_real_outlets_stay_silent():
    for outlet, domain in (("New York Post", "nypost.com"), ("The Times of India", None), ("Lakeshore Ledger", None)):
        assert run(provenance.check_impersonation, make_report(outlet=outlet, domain=domain)) == []


def test_a_misspelt_masthead_read_as_the_headline_or_furniture_is_still_caught():
    [finding] = run(provenance.check_impersonation, make_report(headline="Los Angelees Times"))
    assert finding.severity == "medium" and "Los Angeles Times" in finding.message
    assert [(e.where, e.text) for e in finding.evidence] == [("headline", "Los Angelees Times")]
    [finding] = run(provenance.check_impersonation, make_report(boilerplate=("Menu", "Toroonto Star")))
    assert finding.evidence[0].where == "boilerplate" and "Toronto Star" in finding.message


def test_a_swapped_masthead_on_the_topmost_furniture_line_of_flattened_text_is_caught():
    [finding] = run(provenance.check_impersonation, make_report(boilerplate=("The Wall Street Kettles", "Menu")))
    assert "The Wall Street Journal" in finding.message and finding.evidence[0].where == "boilerplate"
    # lower down, in the headline, or around an HTML article a swap may be anything ("The New York Minute")
    for report in (make_report(boilerplate=("Menu", "The Wall Street Kettles")),
                   make_report(headline="The Wall Street Kettles"),
                   make_report(boilerplate=("The Wall Street Kettles",), kind="html")):
        assert run(provenance.check_impersonation, report) == []


def test_the_full_host_of_the_address_is_read_not_only_its_registered_part():
    # "smh.com.au.de" registers as "au.de": the look-alike is the part before it
    report = make_report(url="https://www.smh.com.au.de/2025/05/01/story.html", domain="au.de")
    [finding] = run(provenance.check_impersonation, report)
    assert "The Sydney Morning Herald" in finding.message and finding.evidence[0].text == "smh.com.au.de"


def test_headlines_and_furniture_that_are_no_masthead_slip_stay_silent():
    for headline in ("Los Angeles Times", "Council approves the new budget", "Daily Stat", "Times Square"):
        assert run(provenance.check_impersonation, make_report(headline=headline)) == []
    # on a known outlet's own site the page's lines are that outlet's business
    report = make_report(headline="Los Angelees Times", url="https://www.latimes.com/a/b.html")
    assert run(provenance.check_impersonation, report) == []


# --- page.boilerplate ----------------------------------------------------------------------

def test_a_feed_plugin_footer_is_a_medium_finding_listed_first():
    lines = ("Advertisement", "The post Bridge reopens appeared first on Harbour Daily.", "Source link")
    [finding] = run(provenance.check_boilerplate, make_report(boilerplate=lines))
    assert finding.severity == "medium" and "3 lines" in finding.message
    assert finding.evidence[0].text.startswith("The post Bridge reopens")


def test_theme_strings_in_flattened_text_are_low():
    [finding] = run(provenance.check_boilerplate, make_report(boilerplate=("Like Loading...", "Menu")))
    assert finding.severity == "low" and "theme" in finding.message


def test_ordinary_furniture_around_an_html_article_is_not_reported():
    report = make_report(kind="html", boilerplate=("Read more: Harbour master warns of silting",))
    assert run(provenance.check_boilerplate, report) == []
    assert run(provenance.check_boilerplate, make_report(boilerplate=())) == []


# --- byline.missing and date.missing -------------------------------------------------------

def test_byline_missing_fires_only_without_a_byline():
    assert [f.code for f in run(provenance.check_byline, make_report(byline=None))] == ["byline.missing"]
    assert run(provenance.check_byline, make_report()) == []


def test_date_missing_carries_the_inferred_date_and_how_it_was_found():
    report = make_report(published="2025-03-08", published_source="inferred",
                         published_note="inferred: the latest past event the body dates is “March 7”")
    [finding] = run(provenance.check_date, report)
    assert "2025-03-08" in finding.message and "March 7" in finding.message and finding.severity == "low"


def test_date_missing_without_any_date():
    [finding] = run(provenance.check_date, make_report(published=None, published_source=None))
    assert "no publication date" in finding.message


def test_dates_from_metadata_or_a_dateline_are_not_missing():
    assert run(provenance.check_date, make_report()) == []
    assert run(provenance.check_date, make_report(published_source="text")) == []


# --- voice.first_person_anonymous ----------------------------------------------------------

NARRATED = ("The ferry was late again. My interpreter asked the captain why, and he showed us the cracked "
            "propeller. I watched two mechanics argue over a spare part.")


def test_first_person_reporting_without_a_byline_is_flagged_with_each_phrase():
    [finding] = run(provenance.check_first_person, make_report(NARRATED, byline=None))
    assert finding.severity == "low"  # a pointer: columns are written in the first person (README)
    assert [e.text for e in finding.evidence] == ["My interpreter", "showed us", "I watched"]


def test_first_person_with_a_byline_is_ordinary_reporting():
    assert run(provenance.check_first_person, make_report(NARRATED)) == []


def test_first_person_inside_quotation_marks_is_the_speaker_not_the_reporter():
    text = ("“I saw the water come over the wall and told my neighbours to run,” said Lena Ortiz, 61. "
            "“He told me to leave the car.”")
    assert run(provenance.check_first_person, make_report(text, byline=None)) == []


def test_a_quote_continued_over_an_unclosed_paragraph_is_still_quoted():
    text = "“We drove all night, and I saw the bridge go.\n“Nobody told me the road was shut,” she said."
    assert run(provenance.check_first_person, make_report(text, byline=None)) == []


def test_attributed_quotes_from_the_claims_stage_mask_first_person_too():
    text = "Mayor Ruiz said I counted the votes myself. The count ended on Monday."
    quote = Quote("I counted the votes myself", "Ruiz", "said", False, 16, 42)
    assert run(provenance.check_first_person, make_report(text, byline=None, quotes=(quote,))) == []


# --- through the pipeline ------------------------------------------------------------------

@pytest.fixture(scope="module")
def scraped():
    return newsaudit.audit(newsaudit.read(str(FIXTURES / "text_scraped_copy.txt")))


def test_a_scraped_copy_carries_every_provenance_problem_planted_in_it(scraped):
    by_code = {f.code: f for f in scraped.findings}
    assert by_code["outlet.impersonation"].severity == "high"
    assert "The Wall Street Journal" in by_code["outlet.impersonation"].message
    assert by_code["page.boilerplate"].severity == "medium"
    assert {e.text for e in by_code["voice.first_person_anonymous"].evidence} >= {"My driver", "I counted"}
    assert "byline.missing" in by_code and "date.missing" not in by_code


@pytest.mark.parametrize("name", ["text_clean.txt", "html_clean_article.html", "html_news_full.html",
                                  "html_simple_article.html"])
def test_sound_articles_raise_no_provenance_finding(name):
    report = newsaudit.audit(newsaudit.read(str(FIXTURES / name)))
    families = {"outlet", "page", "byline", "date", "voice"}
    assert [f.code for f in report.findings if f.code.split(".")[0] in families] == []



@pytest.mark.parametrize("text", [
    "PORT ELLIS (Reuters) - The harbour board voted to close the pier for a year.",
    "The harbour board voted to close the pier for a year.\n\nReporting by Ann Lee; Editing by Bo Chen",
    "By Ann Lee\n\nThe harbour board voted to close the pier for a year.",
])
def test_byline_missing_does_not_fire_when_the_text_credits_an_author(text):
    assert run(provenance.check_byline, make_report(text, byline=None)) == []
