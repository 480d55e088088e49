"""Two 0-100 scores that summarise the findings, by a rule a reader can redo by hand.

Each score starts at 100 and loses a fixed number of points per finding of its family, by
severity (``PENALTY``), never going below 0. Provenance covers who published the page and how
(codes starting outlet., page., media., byline., date., voice.); consistency covers what the
text asserts (time., number., source., entity., claim.). ``claim.unsourced`` findings are
numerous by nature, so together they cost at most ``UNSOURCED_CAP`` points. Corpus findings
(corpus.*) are not scored here: they depend on the corpus, not on the article.
"""

from __future__ import annotations

from typing import Iterable

from ..model import Finding, Scores

PENALTY = {"high": 40, "medium": 15, "low": 5, "info": 0}
PROVENANCE_FAMILIES = ("outlet", "page", "media", "byline", "date", "voice")
CONSISTENCY_FAMILIES = ("time", "number", "source", "entity", "claim")
UNSOURCED_CAP = 10


def score(findings: Iterable[Finding]) -> Scores:
    provenance = consistency = unsourced = 0
    for finding in findings:
        family = finding.code.split(".", 1)[0]
        points = PENALTY[finding.severity]
        if finding.code == "claim.unsourced":
            unsourced += points
        elif family in PROVENANCE_FAMILIES:
            provenance += points
        elif family in CONSISTENCY_FAMILIES:
            consistency += points
    consistency += min(unsourced, UNSOURCED_CAP)
    return Scores(provenance=float(max(0, 100 - provenance)), consistency=float(max(0, 100 - consistency)))
