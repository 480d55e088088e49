"""Two 0-100 scores that summarise the findings, by a rule a reader can redo by hand.

Each score starts at 100 and loses a fixed number of points per finding (``PENALTY``, by
severity), never going below 0. Which score a finding lowers is its code's ``score`` in
``codes.py``: provenance (who published the page and how) or consistency (what the text
asserts); codes with no score (corpus findings) cost nothing here. A code with a ``cap``
(``claim.unsourced``, numerous by nature) costs at most that many points in all.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from .codes import describe
from .model import Finding, Scores

PENALTY = {"high": 40, "medium": 15, "low": 5, "info": 0}


def score(findings: Iterable[Finding]) -> Scores:
    by_code: dict[str, int] = defaultdict(int)
    for finding in findings:
        by_code[finding.code] += PENALTY[finding.severity]
    lost = {"provenance": 0, "consistency": 0}
    for code, points in by_code.items():
        entry = describe(code)
        if entry.score is not None:
            lost[entry.score] += min(points, entry.cap) if entry.cap is not None else points
    return Scores(provenance=float(max(0, 100 - lost["provenance"])),
                  consistency=float(max(0, 100 - lost["consistency"])))
