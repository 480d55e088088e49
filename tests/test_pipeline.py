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


def test_units_without_quantulum3_degrade_with_a_note(monkeypatch):
    from newsaudit.claims import quantities

    monkeypatch.setattr(quantities, "VOCABULARY_SOURCE", "SI prefixes")
    report = newsaudit.audit(EXAMPLE)
    assert any("quantulum3" in note and "SI prefixes" in note for note in report.notes)
    assert report.claims


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


# --- every language: which stages ran, and why not --------------------------------------------

SPANISH = ("El ayuntamiento de la ciudad aprobó el martes el cierre de la biblioteca municipal para repararla, "
           "y la alcaldesa dijo que las obras durarán casi todo el año y costarán cuatro millones de euros. "
           "Los vecinos que usan la sala de lectura cada semana dijeron que nadie les había consultado.\n\n"
           "Según el informe de los técnicos, el techo tiene grietas desde hace tres inviernos y el edificio "
           "no cumple las normas contra incendios.")


def test_an_article_in_another_language_is_audited_and_the_report_says_which_stages_ran():
    report = newsaudit.audit(SPANISH)
    assert report.article.language == "es"
    runs = {run.name: run for run in report.stages}
    assert [run.name for run in report.stages] == ["structure", "claims", "checks", "scores"]
    assert runs["structure"].status == runs["scores"].status == "ran"
    assert runs["claims"].status == "skipped" and "(es)" in runs["claims"].reason
    assert runs["checks"].status == "partial" and "English words" in runs["checks"].reason
    assert not report.claims and not report.quotes
    assert any(note.startswith("claims: not run") for note in report.notes)
    assert any(note.startswith("checks:") and "check_first_person" in note for note in report.notes)


def test_an_english_article_runs_every_stage():
    report = newsaudit.audit(EXAMPLE)
    assert report.article.language == "en"
    assert [(run.name, run.status) for run in report.stages] == [
        ("structure", "ran"), ("claims", "ran"), ("checks", "ran"), ("scores", "ran")]


def test_checks_that_read_english_words_do_not_run_on_other_languages():
    from newsaudit.checks import registered_checks, run_checks

    report = newsaudit.audit(SPANISH)
    not_run: list[tuple[str, str]] = []
    run_checks(report, Resources(), registered_checks(), not_run=not_run)
    names = {name for name, _why in not_run}
    assert {"provenance.check_first_person", "provenance.check_byline", "chronology.check_stale_future",
            "sources.check_unsourced"} <= names
    assert "provenance.check_impersonation" not in names and "reputation.check_reputation" not in names
    assert "media.check_wire_filenames" not in names


def test_a_language_is_added_to_the_claims_stage_by_registering_its_pipeline(monkeypatch):
    from newsaudit import pipeline

    monkeypatch.setitem(pipeline.CLAIMS_PIPELINES, "es",
                        pipeline.ClaimsPipeline("es", ("es_core_news_sm",), "Spanish rules (test)"))
    report = newsaudit.audit(SPANISH)
    assert next(run for run in report.stages if run.name == "claims").status == "ran"


def test_a_caller_who_names_the_languages_still_gets_others_refused():
    with pytest.raises(newsaudit.NewsauditError, match=r"language \(es\) is not one of the accepted languages: en"):
        newsaudit.audit(SPANISH, languages={"en"})


def test_the_stages_field_survives_json_and_fits_the_schema(report_schema):
    import jsonschema

    report = newsaudit.audit(SPANISH)
    data = report.to_dict()
    jsonschema.validate(data, report_schema)
    assert newsaudit.Report.from_json(report.to_json()) == report
    assert data["stages"][1] == {"name": "claims", "status": "skipped", "reason": report.stages[1].reason}


GERMAN_PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Stadtrat schließt Bibliothek</title><meta name="author" content="Anna Beispiel">
<meta property="article:published_time" content="2024-03-05T09:00:00+01:00"></head><body><article>
<h1>Stadtrat schließt die Bibliothek für ein Jahr</h1>
<p>Der Stadtrat hat am Dienstag beschlossen, die Bibliothek für Reparaturen zu schließen. Der Bürgermeister
sagte, dass die Arbeiten fast das ganze Jahr dauern und vier Millionen Euro kosten werden.</p>
<figure><img src="/a.jpg" alt="Die Bibliothek"><figcaption>Die Bibliothek im Archivbild vom Mai 2019.</figcaption></figure>
<p>Die Bücher ziehen in der Zwischenzeit in eine Schulhalle um. Anwohner, die den Lesesaal jede Woche nutzen,
sagten, niemand habe sie gefragt. Ich habe gesehen, wie die Regale schon am Montag abgebaut wurden.</p>
</article></body></html>"""


def test_a_german_html_page_gets_the_language_neutral_checks_and_no_english_ones():
    report = newsaudit.audit(GERMAN_PAGE, url="https://www.stadtblatt-beispiel.de/bibliothek")
    assert report.article.language == "de" and report.article.byline == "Anna Beispiel"
    codes = {finding.code for finding in report.findings}
    assert "byline.missing" not in codes and "date.missing" not in codes  # read from metadata, any language
    assert not codes & {"media.stale", "voice.first_person_anonymous", "time.stale_future", "claim.unsourced"}
    checks = next(run for run in report.stages if run.name == "checks")
    assert checks.status == "partial" and "provenance.check_byline" not in checks.reason  # HTML: it ran
