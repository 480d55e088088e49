"""Check-worthiness: the shipped model beside TF-IDF + logistic regression on held-out public items.

The measurement itself lives in :mod:`newsaudit.eval.checkworthiness` (also runnable alone as
``python -m newsaudit.eval.checkworthiness``): ClaimBuster positive-class F1 on a balanced
held-out set, CLEF 2019 task 1 MAP over held-out debates, ClaimBuster's 2020 debate and the
CLEF 2020 tweets. The held-out parts are fixed there (ClaimBuster id blocks, named CLEF
debates), never trained on. ``--limit`` does not apply: the baseline trains on the full
training split and every held-out item is scored.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..metrics import Scores
from ..results import MISSING, SystemRow, TaskResult
from . import Task

SYSTEM_NAMES = {"model": "newsaudit model", "tfidf_lr": "TF-IDF + logistic regression"}


def run(data_dir: Path, limit: Optional[int]) -> TaskResult:
    from ..checkworthiness import checkworthiness_report

    folder = data_dir / "checkworthiness"
    if not folder.is_dir():
        return TaskResult("checkworthiness", MISSING, note=f"{folder} not found")
    try:
        report = checkworthiness_report(folder)
    except (OSError, KeyError, ValueError) as err:  # a file of the set is absent or unreadable
        return TaskResult("checkworthiness", MISSING, note=f"{folder}: {err}")
    held = report["held_out"]
    rows = []
    for name, result in report["systems"].items():
        label = SYSTEM_NAMES.get(name, name)
        if not isinstance(result, dict):
            rows.append(SystemRow(system=label, items=0, note=str(result)))
            continue
        claimbuster = result["claimbuster"]
        rows.append(SystemRow(
            system=label, items=held["claimbuster"]["items"],
            scores=Scores(claimbuster["precision"], claimbuster["recall"], claimbuster["f1"], held["claimbuster"]["items"]),
            note=(f"ClaimBuster F1 {claimbuster['f1']:.3f} (P/R/F1 columns); CLEF 2019 MAP "
                  f"{result['clef2019']['map']:.3f} over {held['clef2019']['items']} sentences; ClaimBuster 2020 "
                  f"F1 {result['claimbuster_2020']['f1']:.3f}; CLEF 2020 tweets MAP "
                  f"{result['clef2020_tweets']['map']:.3f}")))
    note = f"held-out items only; {report['balancing']}"
    return TaskResult("checkworthiness", "ok", tuple(rows), note, {"summary": report["summary"], "held_out": held})


TASK = Task("checkworthiness", run, slow=True,
            description="ClaimBuster F1 and CLEF 2019 MAP of the check-worthiness model beside TF-IDF + LR")
