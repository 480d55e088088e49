"""newsaudit: audit a news article and explain every finding with its evidence.

>>> import newsaudit
>>> report = newsaudit.audit(open("examples/valencia-floods.txt").read())   # doctest: +SKIP
>>> report.article.outlet, [f.code for f in report.findings]                 # doctest: +SKIP

The public API is what ``__all__`` lists (a test pins it): ``audit`` for one article,
``audit_many`` for many (in worker processes when asked), ``read`` for a path, URL or "-",
``Settings`` for what the caller decides, ``Resources`` for the loaded models and tables;
``find_quantities``, ``find_dates`` and ``checkworthiness`` for the claims stage's extractors on
any text, a single sentence included.
Importing newsaudit loads no model and reads no file.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import AuditResult, audit, audit_many, read  # noqa: E402
from .codes import CATALOGUE  # noqa: E402
from .errors import NewsauditError  # noqa: E402
from .extract import checkworthiness, find_dates, find_quantities  # noqa: E402
from .model import Article, Claim, Finding, Media, Quantity, Quote, Report, Section, TimeRef  # noqa: E402
from .pipeline import STAGES, Stage  # noqa: E402
from .reference.resources import Resources  # noqa: E402
from .settings import Settings  # noqa: E402

__all__ = [
    "Article", "AuditResult", "CATALOGUE", "Claim", "Finding", "Media", "NewsauditError", "Quantity", "Quote",
    "Report", "Resources", "STAGES", "Section", "Settings", "Stage", "TimeRef", "__version__", "audit",
    "audit_many", "checkworthiness", "find_dates", "find_quantities", "read",
]
