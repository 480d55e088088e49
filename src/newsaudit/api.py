"""The public functions: ``read`` an input, ``audit`` one article, ``audit_many`` of them.

The command line, the batch runner and a Python user all call these; nothing else builds a
report. ``audit_many`` runs in this process or, with ``workers`` > 1, in a process pool whose
workers each rebuild the resources once from their pickled configuration.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import BinaryIO, Iterable, Iterator, Optional, Sequence

from .errors import NewsauditError
from .ingest import Document, load_document, read_input
from .model import Report
from .pipeline import STAGES, Stage, run_stages
from .processes import die_with_parent
from .reference.resources import Resources, default_resources
from .settings import Settings


def read(source: str, settings: Optional[Settings] = None, *, stdin: Optional[BinaryIO] = None) -> Document:
    """A path, a URL or "-" (standard input) as a ``Document``, within the settings' limits.

    Example: ``newsaudit.audit(newsaudit.read("https://example.org/story"))``.
    """
    return read_input(source, settings or Settings(), stdin=stdin)


def audit(
    source: str | bytes | Document,
    *,
    settings: Optional[Settings] = None,
    resources: Optional[Resources] = None,
    stages: Sequence[Stage | tuple] = STAGES,
    **options: object,
) -> Report:
    """Audit one article given as text or HTML (str or bytes), or a ``Document`` from ``read``.

    ``options`` are ``Settings`` fields for this call (``url=``, ``kind=``, ``published=``
    as a date or "YYYY-MM-DD", ...), applied over ``settings``.
    """
    settings = (settings or Settings()).replace(**options) if options else (settings or Settings())
    document = source if isinstance(source, Document) else load_document(source, settings)
    return run_stages(document, stages, settings=settings, resources=resources)


@dataclass(frozen=True)
class AuditResult:
    """One input of ``audit_many``: its position, and its report or the error that refused it."""

    index: int
    report: Optional[Report] = None
    error: Optional[NewsauditError] = None


def audit_many(
    sources: Iterable[str | bytes | Document],
    *,
    settings: Optional[Settings] = None,
    resources: Optional[Resources] = None,
    workers: int = 1,
) -> Iterator[AuditResult]:
    """Audit every source, yielding results in input order; a refused input does not stop the rest.

    With ``workers`` > 1 the audits run in that many processes; each rebuilds ``resources``
    (from its configuration, not its loaded models) once, before its first article.
    """
    settings = settings or Settings()
    resources = resources or default_resources()
    if workers <= 1:
        for index, source in enumerate(sources):
            yield _audit_one(index, source, settings, resources)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(resources, os.getpid())) as pool:
        items = ((index, source, settings) for index, source in enumerate(sources))
        yield from pool.map(_audit_in_worker, items, chunksize=4)


def _audit_one(index: int, source: str | bytes | Document, settings: Settings, resources: Resources) -> AuditResult:
    try:
        return AuditResult(index, report=audit(source, settings=settings, resources=resources))
    except NewsauditError as error:
        return AuditResult(index, error=error)


_WORKER_RESOURCES: list[Resources] = []  # this worker process's resources, set once by _start_worker


def _start_worker(resources: Resources, parent: int) -> None:
    die_with_parent(parent)
    _WORKER_RESOURCES.append(resources.load_all())


def _audit_in_worker(item: tuple[int, str | bytes | Document, Settings]) -> AuditResult:
    index, source, settings = item
    return _audit_one(index, source, settings, _WORKER_RESOURCES[0])

