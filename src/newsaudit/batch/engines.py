"""Engines: where the audits run. Each takes jobs and yields an ``Outcome`` per job, in any order.

- ``local`` audits in a pool of N worker processes (one worker is one process too, so the process
  that writes the store never also holds the models), each loading its ``Resources`` (spaCy
  model, gazetteer, tables) once, before its first job. A worker dies with the process that
  started it, so a run killed with SIGKILL leaves no worker behind. At
  most a few jobs per worker are in flight, so memory stays bounded and a killed run loses only
  those (they are redone on the next run). A worker that dies (killed by the kernel, say) is
  replaced; a job that was in flight during two such deaths is stored as an error.
- ``ray`` runs the same ``audit_job`` over Ray Data: ``map_batches`` with ``RayAuditor``, a
  callable class whose instances (actors) hold the loaded resources.

Writing to the store is not here: the caller, in one process, does it.
"""

from __future__ import annotations

import itertools
import logging
import os
import pickle
import signal
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from ..api import audit
from ..errors import ConfigError, NewsauditError
from ..ingest import Document
from ..processes import die_with_parent
from ..reference.resources import Resources
from ..settings import Settings
from .store import Outcome

ENGINES = ("local", "ray")
IN_FLIGHT_PER_WORKER = 4
RAY_WINDOW = 2_000  # jobs per Ray dataset: bounds the driver's memory on a long crawl


@dataclass(frozen=True)
class Job:
    """One record read and decoded in the parent, ready to audit anywhere."""

    input_ref: str
    input_format: str
    article_id: str
    document: Document
    published: Optional[str] = None  # YYYY-MM-DD the input gave, already validated
    outlet: Optional[str] = None
    input_published: Optional[str] = None


def audit_job(job: Job, settings: Settings, resources: Resources) -> Outcome:
    """The audit of one job as an ``Outcome``; any failure is the outcome's error, never raised."""
    base = dict(input_ref=job.input_ref, input_format=job.input_format, article_id=job.article_id,
                input_outlet=job.outlet, input_published=job.input_published)
    try:
        if job.published:
            settings = settings.replace(published=job.published)
        report = audit(job.document, settings=settings, resources=resources)
    except NewsauditError as error:
        return Outcome(**base, error_code=error.code, error_message=_line(str(error)))
    except Exception as error:  # noqa: BLE001 - one bad record must not stop a crawl
        return Outcome(**base, error_code="internal", error_message=_line(f"{type(error).__name__}: {error}"))
    base["article_id"] = report.input.article_id or job.article_id
    return Outcome(**base, report=report.to_dict())


def _line(text: str) -> str:
    return " ".join(text.split())[:1000]


# ---------------------------------------------------------------- local

_WORKER: dict[str, object] = {}  # this worker process's settings and loaded resources


def _start_worker(settings: Settings, resources: Resources, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    die_with_parent(parent)
    _WORKER["settings"] = settings
    _WORKER["resources"] = resources.load_all()


def _run_in_worker(job: Job) -> Outcome:
    return audit_job(job, _WORKER["settings"], _WORKER["resources"])  # type: ignore[arg-type]


def run_local(jobs: Iterable[Job], settings: Settings, resources: Resources, workers: int = 1) -> Iterator[Outcome]:
    jobs = iter(jobs)
    first = next(jobs, None)
    if first is not None:  # nothing left to do: no pool to start, nothing loaded
        yield from _run_pool(itertools.chain([first], jobs), settings, resources, max(1, workers))


def _run_pool(jobs: Iterator[Job], settings: Settings, resources: Resources, workers: int) -> Iterator[Outcome]:
    crashes: dict[str, int] = {}
    retry: list[Job] = []
    while True:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                                   initargs=(settings, resources, os.getpid()))
        pending: dict[Future, Job] = {}
        try:
            exhausted = False
            while True:
                while not exhausted and len(pending) < workers * IN_FLIGHT_PER_WORKER:
                    job = retry.pop() if retry else next(jobs, None)
                    if job is None:
                        exhausted = True
                        break
                    pending[pool.submit(_run_in_worker, job)] = job
                if not pending:
                    return
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    outcome = future.result()  # a dead worker raises here, with the job still pending
                    del pending[future]
                    yield outcome
        except BrokenProcessPool:
            for future, job in pending.items():
                if future.done() and not future.exception():
                    yield future.result()
                    continue
                crashes[job.input_ref] = crashes.get(job.input_ref, 0) + 1
                if crashes[job.input_ref] >= 2:
                    yield Outcome(input_ref=job.input_ref, input_format=job.input_format, article_id=job.article_id,
                                  input_outlet=job.outlet, input_published=job.input_published,
                                  error_code="worker.crashed",
                                  error_message="the worker process auditing this record died twice")
                else:
                    retry.append(job)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)


# ---------------------------------------------------------------- ray

class RayAuditor:
    """A Ray Data worker: loads the resources once, then audits each batch of pickled jobs."""

    def __init__(self, settings: Settings, resources: Resources) -> None:
        self.settings = settings
        self.resources = resources.load_all()

    def __call__(self, batch: dict) -> dict:
        outcomes = [audit_job(pickle.loads(item), self.settings, self.resources) for item in batch["job"]]
        return {"outcome": [pickle.dumps(outcome) for outcome in outcomes]}


def run_ray(jobs: Iterable[Job], settings: Settings, resources: Resources, workers: int = 1) -> Iterator[Outcome]:
    ray = _import_ray()
    jobs = iter(jobs)
    first = next(jobs, None)
    if first is None:
        return  # nothing left to do: no Ray cluster to start
    jobs = itertools.chain([first], jobs)
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(num_cpus=max(workers, 1), include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    logging.getLogger("ray.data").setLevel(logging.WARNING)  # no line per dataset on the user's terminal
    try:
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.verbose_stats_logs = False
        window: list[Job] = []
        for job in jobs:
            window.append(job)
            if len(window) >= RAY_WINDOW:
                yield from _ray_window(ray, window, settings, resources, workers)
                window = []
        if window:
            yield from _ray_window(ray, window, settings, resources, workers)
    finally:
        if started_here:
            ray.shutdown()


def _ray_window(ray, jobs: list[Job], settings: Settings, resources: Resources, workers: int) -> Iterator[Outcome]:  # noqa: ANN001
    items = [{"job": pickle.dumps(job)} for job in jobs]
    dataset = ray.data.from_items(items, override_num_blocks=min(len(items), max(workers, 1) * 4))
    audited = dataset.map_batches(RayAuditor, fn_constructor_kwargs={"settings": settings, "resources": resources},
                                  batch_size=1, concurrency=max(workers, 1), num_cpus=1)
    for row in audited.iter_rows():
        yield pickle.loads(row["outcome"])


def _import_ray():  # noqa: ANN202 - the ray module
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as error:
        raise ConfigError(f"--engine ray needs Ray Data: pip install 'ray[data]' ({error})") from None
    os.environ.setdefault("RAY_DEDUP_LOGS", "0")
    return ray


def run_engine(engine: str, jobs: Iterable[Job], settings: Settings, resources: Resources,
               workers: int) -> Iterator[Outcome]:
    if engine == "local":
        return run_local(jobs, settings, resources, workers)
    if engine == "ray":
        return run_ray(jobs, settings, resources, workers)
    raise ConfigError(f"unknown engine {engine!r}: use {' or '.join(ENGINES)}")
