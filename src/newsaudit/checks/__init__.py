"""The checks stage: every registered check runs over the finished structure and claims.

A check is a function ``(report, resources) -> Iterable[Finding]`` with a stable dotted code.
Each family module ends with ``CHECKS = [...]``; ``CHECK_MODULES`` is the one registry, in the
order findings are reported. Users add checks by passing their own list to ``run_checks``.
"""

from __future__ import annotations

import importlib
from typing import Callable, Iterable, Optional, Sequence

from ..model import SEVERITIES, Finding, Report
from ..resources import Resources

Check = Callable[[Report, Resources], Iterable[Finding]]

CHECK_MODULES: tuple[str, ...] = ("provenance", "media", "time", "numbers", "sources")


def registered_checks() -> list[Check]:
    checks: list[Check] = []
    for name in CHECK_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        checks.extend(module.CHECKS)
    return checks


def run_checks(report: Report, resources: Resources, checks: Optional[Sequence[Check]] = None) -> list[Finding]:
    """All findings, most severe first, in registry order within a severity."""
    findings: list[Finding] = []
    for check in checks if checks is not None else registered_checks():
        findings.extend(check(report, resources))
    rank = {severity: index for index, severity in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda finding: -rank[finding.severity])
