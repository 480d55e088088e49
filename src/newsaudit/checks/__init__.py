"""The checks stage: every registered check runs over the finished structure and claims.

A check is a function ``(report, resources) -> Iterable[Finding]`` that builds its findings
with the codes of ``codes.py``. Each family module ends with ``CHECKS = [...]``;
``CHECK_MODULES`` is the one registry, in the order findings are reported. Users add checks
by passing their own list to ``run_checks``; a finding whose code or severity is not in the
catalogue stops the audit with ``UnknownCode``, so nothing unlisted reaches a report.

Every language is audited, but not every check can read every language. ``NEEDS`` says what a
registered check reads besides the structure: English words in the body (it would misfire or
stay blind on another language), English words in flattened text only (on HTML it reads
metadata, which any language has), or the claims and quotes of the claims stage. A check whose
needs the report does not meet is not run, and ``run_checks`` says which and why (``not_run``).
A check that is not in ``NEEDS`` (a user's own) always runs.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable, Iterable, Optional, Sequence

from ..codes import check_finding
from ..model import SEVERITIES, Finding, Report
from ..reference.resources import Resources

Check = Callable[[Report, Resources], Iterable[Finding]]

CHECK_MODULES: tuple[str, ...] = ("provenance", "reputation", "media", "chronology", "numbers", "sources",
                                  "series")


@dataclass(frozen=True)
class Needs:
    """What a check reads besides the article's structure, and in whose words."""

    english: bool = False  # English words of the body: cues, units, disclosures
    english_text: bool = False  # English words of flattened text only (HTML gives metadata instead)
    claims: bool = False  # the claims and quotes of the claims stage
    why: str = ""  # what English it reads, for the report


NEEDS: dict[str, Needs] = {
    "provenance.check_byline": Needs(english_text=True, why="bylines in flattened text are found by English cues "
                                                         "(\u201cBy ...\u201d)"),
    "provenance.check_date": Needs(english_text=True, why="datelines in flattened text are read with English "
                                                       "month names"),
    "provenance.check_first_person": Needs(english=True, why="first-person reporting is found by English phrases "
                                                              "(\u201ctold me\u201d, \u201cI saw\u201d)"),
    "media.check_stale_media": Needs(english=True, why="captions disclose archive pictures in English words "
                                                        "(\u201cfile photo\u201d)"),
    "chronology.check_anachronisms": Needs(english=True, claims=True,
                                           why="ordinals, ages and \u201cyears since\u201d are read in English"),
    "chronology.check_interval_mismatch": Needs(english=True, claims=True,
                                                why="spans (\u201cfor three weeks\u201d, \u201csince May\u201d) "
                                                    "are read in English"),
    "chronology.check_stale_future": Needs(english=True, claims=True,
                                           why="future cues (\u201cwill\u201d, \u201cnext\u201d) are English"),
    "numbers.check_inconsistent_numbers": Needs(claims=True),
    "sources.check_disputed": Needs(claims=True),
    "sources.check_role_conflicts": Needs(claims=True),
    "sources.check_unsourced": Needs(claims=True),
    "series.check_series": Needs(english=True, claims=True, why="what a figure counts is read in English words "
                                                                "(\u201ckilled\u201d, \u201ctanks\u201d)"),
}


def check_name(check: Check) -> str:
    """``module.function`` of a registered check ("provenance.check_byline"), else its name."""
    module = getattr(check, "__module__", "") or ""
    name = getattr(check, "__name__", repr(check))
    return f"{module.rsplit('.', 1)[-1]}.{name}" if module.startswith(__name__ + ".") else name


def registered_checks() -> list[Check]:
    checks: list[Check] = []
    for name in CHECK_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        checks.extend(module.CHECKS)
    return checks


def _claims_ran(report: Report) -> bool:
    """Whether the claims stage ran (a report built without the runner has no record: assume so)."""
    return not any(stage.name == "claims" and stage.status == "skipped" for stage in report.stages)


def why_not(check: Check, report: Report) -> Optional[str]:
    """Why ``check`` cannot run on ``report`` (a clause about "they", so that checks sharing a reason
    are named together), or None when it can. ``NEEDS[...].why`` says what English each reads."""
    needs = NEEDS.get(check_name(check))
    if needs is None:
        return None
    language = report.article.language
    english = language is None or language == "en"  # a report built by hand says nothing: assume English
    flattened = report.input.kind not in ("html", "url")
    if needs.claims and not _claims_ran(report):
        return "they read claims and quotes, and the claims stage did not run"
    if not english and (needs.english or (needs.english_text and flattened)):
        return f"they read English words and the article's language is {language}"
    return None


def run_checks(report: Report, resources: Resources, checks: Optional[Sequence[Check]] = None, *,
               stop: Optional[Callable[[], bool]] = None, skipped: Optional[list[str]] = None,
               not_run: Optional[list[tuple[str, str]]] = None) -> list[Finding]:
    """All findings, most severe first, in registry order within a severity.

    ``stop`` is asked before each check; once it says so, the remaining checks' names go to
    ``skipped`` instead of running (the audit's time budget). A check the report's language or
    stages do not allow (see ``NEEDS``) is not run: ``(name, why)`` goes to ``not_run``.
    """
    findings: list[Finding] = []
    for check in checks if checks is not None else registered_checks():
        reason = why_not(check, report)
        if reason is not None:
            if not_run is not None:
                not_run.append((check_name(check), reason))
            continue
        if stop is not None and stop():
            if skipped is not None:
                skipped.append(getattr(check, "__name__", repr(check)))
            continue
        for finding in check(report, resources):
            check_finding(finding.code, finding.severity)
            findings.append(finding)
    rank = {severity: index for index, severity in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda finding: -rank[finding.severity])
