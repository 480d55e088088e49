"""The checks stage: every registered check runs over the finished structure and claims.

A check is a function ``(report, resources) -> Iterable[Finding]`` that builds its findings
with the codes of ``codes.py``. Each family module ends with ``CHECKS = [...]``;
``CHECK_MODULES`` is the one registry, in the order findings are reported. Users add checks
by passing their own list to ``run_checks``; a finding whose code or severity is not in the
catalogue stops the audit with ``UnknownCode``, so nothing unlisted reaches a report.
"""

from __future__ import annotations

import importlib
from typing import Callable, Iterable, Optional, Sequence

from ..codes import check_finding
from ..model import SEVERITIES, Finding, Report
from ..reference.resources import Resources

Check = Callable[[Report, Resources], Iterable[Finding]]

CHECK_MODULES: tuple[str, ...] = ("provenance", "media", "chronology", "numbers", "sources", "series")


def registered_checks() -> list[Check]:
    checks: list[Check] = []
    for name in CHECK_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        checks.extend(module.CHECKS)
    return checks


def run_checks(report: Report, resources: Resources, checks: Optional[Sequence[Check]] = None, *,
               stop: Optional[Callable[[], bool]] = None, skipped: Optional[list[str]] = None) -> list[Finding]:
    """All findings, most severe first, in registry order within a severity.

    ``stop`` is asked before each check; once it says so, the remaining checks' names go to
    ``skipped`` instead of running (the audit's time budget).
    """
    findings: list[Finding] = []
    for check in checks if checks is not None else registered_checks():
        if stop is not None and stop():
            if skipped is not None:
                skipped.append(getattr(check, "__name__", repr(check)))
            continue
        for finding in check(report, resources):
            check_finding(finding.code, finding.severity)
            findings.append(finding)
    rank = {severity: index for index, severity in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda finding: -rank[finding.severity])
