"""One catalogue of finding codes: nothing unlisted is emitted, and scoring reads the catalogue."""

from __future__ import annotations

import pytest

import newsaudit
from newsaudit import codes
from newsaudit.checks import registered_checks, run_checks
from newsaudit.errors import UnknownCode
from newsaudit.model import Finding
from newsaudit.scoring import score

from conftest import ROOT

EXAMPLE = (ROOT / "examples" / "valencia-floods.txt").read_text(encoding="utf-8")


def _report():
    return newsaudit.audit(EXAMPLE, stages=newsaudit.STAGES[:2])


def test_a_check_emitting_an_unlisted_code_stops_the_audit():
    def rogue(_report, _resources):
        yield Finding("rogue.code", "medium", "not in the catalogue")

    with pytest.raises(UnknownCode, match="rogue.code"):
        run_checks(_report(), newsaudit.Resources(), [rogue])


def test_a_listed_code_with_a_severity_it_does_not_allow_is_refused():
    def wrong(_report, _resources):
        yield Finding(codes.BYLINE_MISSING, "high", "byline.missing is only ever low")

    with pytest.raises(UnknownCode, match="severities"):
        run_checks(_report(), newsaudit.Resources(), [wrong])


def test_every_code_the_registered_checks_emit_on_the_example_is_catalogued():
    findings = run_checks(_report(), newsaudit.Resources(), registered_checks())
    assert findings and all(f.code in codes.CATALOGUE for f in findings)


def test_every_catalogue_entry_is_complete():
    for code, entry in codes.CATALOGUE.items():
        assert entry.code == code and "." in code and entry.meaning
        assert entry.severities and set(entry.severities) <= {"info", "low", "medium", "high"}
        assert entry.score in ("provenance", "consistency", None)


def test_scores_follow_the_catalogue_families_and_caps():
    findings = [Finding(codes.OUTLET_IMPERSONATION, "high", "m"), Finding(codes.NUMBER_INCONSISTENT, "medium", "m")]
    findings += [Finding(codes.CLAIM_UNSOURCED, "low", "m")] * 5  # 25 points, capped at 10
    assert score(findings).provenance == 60.0 and score(findings).consistency == 75.0


def test_scoring_an_uncatalogued_code_fails_loudly():
    with pytest.raises(UnknownCode):
        score([Finding("nowhere.listed", "low", "m")])
