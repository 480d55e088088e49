"""Evaluation of newsaudit beside peer tools: ``python -m newsaudit.eval [--data DIR] [--out DIR]``.

``metrics`` holds the scores (the article-extraction benchmark's shingle P/R/F), ``datasets``
the readers for ``shared/data`` (also used by later stages, e.g. ``load_war_losses``), ``peers``
the other tools run on the same items; the tasks and the report (``run_evaluation``,
``render_markdown``) live in ``__main__``.
"""

from __future__ import annotations

from .datasets import DatasetMissing, Page, WarLossRow, load_article_extraction, load_war_losses
from .metrics import Counts, Scores, average_scores, match_counts, score_pairs

__all__ = [
    "Counts", "DatasetMissing", "Page", "Scores", "WarLossRow", "average_scores",
    "load_article_extraction", "load_war_losses", "match_counts", "score_pairs",
]
