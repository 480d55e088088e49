"""What every evaluation task returns: one row per system, gathered into one table."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from .metrics import Scores

MISSING = "missing"
NO_LABELS = "no labelled dataset present"


@dataclass(frozen=True)
class SystemRow:
    """One system's figures on one task; ``scores`` is None for tasks without P/R/F."""

    system: str
    items: int
    scores: Optional[Scores] = None
    bag_of_words: Optional[Scores] = None  # the same pages scored on single words (n=1)
    seconds: Optional[float] = None
    note: str = ""


@dataclass(frozen=True)
class TaskResult:
    task: str
    status: str  # ok | reference | missing | no labelled dataset present | unavailable
    rows: tuple[SystemRow, ...] = ()
    note: str = ""
    detail: dict[str, Any] = field(default_factory=dict)
