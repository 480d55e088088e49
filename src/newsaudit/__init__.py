"""newsaudit: audit a news article and explain every finding with its evidence.

>>> import newsaudit
>>> report = newsaudit.audit(open("examples/harbour-gazette.txt").read())  # doctest: +SKIP
>>> report.article.outlet, [f.code for f in report.findings]                # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import NewsauditError  # noqa: E402
from .model import Article, Claim, Finding, Media, Quote, Report, Section  # noqa: E402
from .pipeline import STAGES, audit  # noqa: E402
from .resources import Resources  # noqa: E402

__all__ = [
    "Article", "Claim", "Finding", "Media", "NewsauditError", "Quote", "Report", "Resources",
    "Section", "STAGES", "audit", "__version__",
]
