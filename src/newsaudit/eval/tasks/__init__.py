"""Evaluation tasks beyond the built-in ones, one module each, found by name.

A module here defines ``TASK = Task(name, run, slow=...)`` where ``run(data_dir, limit)``
returns a :class:`~newsaudit.eval.results.TaskResult` or a list of them. Adding a task is adding
a file: ``python -m newsaudit.eval`` runs every module it finds, and ``--only NAME`` picks some.
A task whose dataset is absent returns a result with status ``missing``, never a zero score.
"""

from __future__ import annotations

import importlib
import pkgutil
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Sequence, TypeVar, Union

from ..results import TaskResult

T = TypeVar("T")

Run = Callable[[Path, Optional[int]], Union[TaskResult, Sequence[TaskResult]]]


@dataclass(frozen=True)
class Task:
    name: str
    run: Run
    slow: bool = False  # skipped by ``--no-findings``-style quick runs (``--quick``)
    description: str = ""


HELD_OUT_MODULUS = 4  # a quarter of the items of a sentence-level dev set are held out


def held_out(text: str) -> bool:
    """The fixed held-out part of a dev set of sentences: by a hash of the normalised text, so
    the split never depends on file order and a repeated sentence falls on one side."""
    return zlib.crc32(" ".join(text.lower().split()).encode("utf-8")) % HELD_OUT_MODULUS == 0


def dev_and_held_out(items: Sequence[T]) -> tuple[tuple[str, list[T]], tuple[str, list[T]]]:
    """``items`` (each with a ``text``) as ("dev", ...) and ("held-out", ...) by :func:`held_out`."""
    return (("dev", [item for item in items if not held_out(item.text)]),  # type: ignore[attr-defined]
            ("held-out", [item for item in items if held_out(item.text)]))  # type: ignore[attr-defined]


def discover() -> tuple[Task, ...]:
    """Every task module in this package, sorted by task name."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        task = getattr(module, "TASK", None)
        if isinstance(task, Task):
            found.append(task)
    return tuple(sorted(found, key=lambda task: task.name))


def run_task(task: Task, data_dir: Path, limit: Optional[int]) -> list[TaskResult]:
    outcome = task.run(data_dir, limit)
    return [outcome] if isinstance(outcome, TaskResult) else list(outcome)
