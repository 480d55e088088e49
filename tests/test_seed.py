"""The article this project started from, end to end (skipped where ../shared is absent).

These pin what a careful reader finds in the seed, through the real pipeline. The rules that
find them are general and tested on our own articles elsewhere; this file only checks that
they add up on the first real input.
"""

from __future__ import annotations

from datetime import date

import pytest

import newsaudit


@pytest.fixture(scope="module")
def seed_report():
    from conftest import SHARED

    folder = SHARED / "seed"
    if not folder.exists():
        pytest.skip(f"{folder} is absent (../shared is only beside the repo in the project's CI)")
    return newsaudit.audit(newsaudit.read(str(sorted(folder.glob("*.txt"))[0])))


def test_seed_structure(seed_report):
    article = seed_report.article
    assert article.outlet == "The New York Budgets"
    assert article.headline == "Russian Forces Close In on First Major Victory in Ukraine in Over Two Years"
    assert [s.heading for s in article.sections if s.heading] == [
        "The Road to Ruin: Pokrovsk\u2019s Strategic Crucible",
        "Washington\u2019s Wild Card: Trump\u2019s Sanctions Gambit",
    ]
    assert "Exit mobile version" in article.boilerplate
    assert article.text.startswith("Amid the acrid smoke")


def test_seed_pictures_and_credits_are_media_not_body(seed_report):
    article = seed_report.article
    assert len(article.media) == 2
    first, second = article.media
    assert "Anton Shtuka/NPR" in (first.credit or "") and first.date == "2024-12-19"
    assert second.agency == "Reuters" and second.date == "2024-10-06" and "Reuters" in (second.credit or "")
    for fragment in ("A man walks down", "Anton Shtuka", "RC21DAA9JBJU", "Ukrainian artillerymen fire", "Nuzhnenko"):
        assert fragment not in article.text


def test_seed_publication_date_is_inferred_in_the_right_week(seed_report):
    article = seed_report.article
    assert article.published_source == "inferred" and article.published_note
    assert date(2025, 11, 6) <= date.fromisoformat(article.published) <= date(2025, 11, 13)


def test_seed_findings_a_careful_reader_would_make(seed_report):
    codes = {finding.code for finding in seed_report.findings}
    expected = {"outlet.impersonation", "page.boilerplate", "media.wire_filename", "media.stale",
                "byline.missing", "date.missing", "voice.first_person_anonymous", "time.anachronism"}
    assert expected <= codes
    impersonation = next(f for f in seed_report.findings if f.code == "outlet.impersonation")
    assert "New York Times" in impersonation.message


def test_seed_casualty_figures_that_agree_are_not_flagged(seed_report):
    for finding in seed_report.findings:
        if finding.code == "number.inconsistent":
            texts = " ".join(e.text for e in finding.evidence)
            assert not ("1.14 million" in texts and "1,147,740" in texts)
