"""The pipeline as a whole: pure, stage by stage, and honest when a model is missing."""

from __future__ import annotations

import pytest

from conftest import ROOT

import newsaudit
from newsaudit.pipeline import STAGES
from newsaudit.reference.resources import Resources

EXAMPLE = (ROOT / "examples" / "valencia-floods.txt").read_text(encoding="utf-8")


def test_auditing_twice_gives_the_same_report():
    assert newsaudit.audit(EXAMPLE).to_json() == newsaudit.audit(EXAMPLE).to_json()


def test_stages_run_in_the_documented_order():
    assert [stage.name for stage in STAGES] == ["structure", "claims", "checks", "scores"]


def test_structure_only_run_leaves_claims_and_findings_empty():
    report = newsaudit.audit(EXAMPLE, stages=STAGES[:1])
    assert report.article.headline and not report.claims and not report.findings


def test_missing_spacy_model_degrades_with_a_note_not_silently():
    resources = Resources(spacy_model="no_such_spacy_model_package")
    report = newsaudit.audit(EXAMPLE, resources=resources)
    assert any("spaCy" in note and "no_such_spacy_model_package" in note for note in report.notes)
    assert report.claims, "claims still come from the rule-based fallback"


def test_default_report_has_no_notes_when_the_model_is_installed():
    assert newsaudit.audit(EXAMPLE).notes == ()


def test_caller_date_wins_over_the_dateline():
    report = newsaudit.audit(EXAMPLE, published="2024-11-20")
    assert report.article.published == "2024-11-20" and report.article.published_source == "metadata"


def test_durations_and_ordinals_past_the_calendars_ends_do_not_break_the_audit():
    text = ("The Coastal Observer\n\nDune Survey Finds Ancient Shoreline Under the Boardwalk\n\nBy Mara Quint\n"
            "March 3, 2025\n\nGeologists said on Monday the buried shoreline formed over 9,999,999 years and has "
            "been eroding for 40,000,000 years. Locals marked the 99,999,999th day of the festival last Friday, "
            "and the town's 1,000,000th year ended on Tuesday, the council said. The survey lasted for "
            "3,000,000 centuries, according to the state geology office.")
    report = newsaudit.audit(text)
    assert report.article.published == "2025-03-03"
    assert [f.code for f in report.findings if f.severity in ("medium", "high")] == []


def test_stages_are_checked_before_any_input_is_read():
    from newsaudit.errors import ConfigError
    from newsaudit.pipeline import Stage

    needs_claims = Stage("needs", lambda report, ctx: report, frozenset({"claims"}), frozenset())
    with pytest.raises(ConfigError, match="requires \\['claims'\\]"):
        newsaudit.audit(EXAMPLE, stages=(STAGES[0], needs_claims))
    with pytest.raises(ConfigError, match="two stages"):
        newsaudit.audit(EXAMPLE, stages=(STAGES[0], STAGES[0]))


def test_a_stage_that_breaks_is_named_and_its_cause_kept():
    from newsaudit.errors import StageError
    from newsaudit.pipeline import Stage

    def broken(report, ctx):
        raise RuntimeError("boom")

    with pytest.raises(StageError, match="the broken stage failed") as caught:
        newsaudit.audit(EXAMPLE, stages=(STAGES[0], Stage("broken", broken)))
    assert caught.value.stage == "broken" and isinstance(caught.value.__cause__, RuntimeError)


def test_a_stage_may_change_only_what_it_provides():
    import dataclasses

    from newsaudit.errors import StageError
    from newsaudit.pipeline import Stage

    def retitle(report, ctx):
        return dataclasses.replace(report, article=dataclasses.replace(report.article, headline="Another"))

    sneaky = Stage("sneaky", retitle, frozenset({"article"}), frozenset({"claims"}))
    with pytest.raises(StageError, match="changed \\['article'\\]"):
        newsaudit.audit(EXAMPLE, stages=(STAGES[0], sneaky))


def test_a_name_and_function_pair_still_works_as_a_stage():
    pairs = [(stage.name, stage.run) for stage in STAGES]
    assert newsaudit.audit(EXAMPLE, stages=pairs).to_json() == newsaudit.audit(EXAMPLE).to_json()
