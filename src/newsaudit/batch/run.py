"""A batch run, top to bottom: open the inputs, skip what the store holds, audit, store each record.

    inputs ──records──> prepare (this process: read, decode, article id, skip if stored)
           ──jobs────> engine (this process, a process pool, or Ray Data)
           ──outcomes─> store (this process, one transaction a record)

A record that cannot be read or audited is an ``errors`` row; the run goes on. The run can be
killed at any moment and started again: the store's ledger says what is done.
"""

from __future__ import annotations

import itertools
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence

from ..errors import ConfigError, NewsauditError
from ..model import article_id
from ..reference.resources import Resources
from ..settings import Settings
from .engines import ENGINES, Job, run_engine
from .inputs import Input, Record, open_input
from .store import Outcome, Store


@dataclass
class Summary:
    inputs: int = 0  # records read from the inputs
    audited: int = 0
    duplicates: int = 0  # the same article from another record: stored once
    errors: int = 0
    skipped: int = 0  # already in the store
    seconds: float = 0.0
    store: str = ""
    parquet: list[str] = field(default_factory=list)
    story_links: Optional[int] = None  # pairs linked by the final pass (``link=True``)

    @property
    def pages_per_second(self) -> float:
        done = self.audited + self.duplicates + self.errors
        return done / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        return (f"{self.inputs} inputs: {self.audited} audited, {self.duplicates} duplicates, {self.errors} errors, "
                f"{self.skipped} already stored; {self.pages_per_second:.1f} pages/s in {self.seconds:.1f} s; "
                f"store {self.store}" + (f"; parquet in {Path(self.parquet[0]).parent}" if self.parquet else "")
                + (f"; {self.story_links} story links" if self.story_links is not None else ""))


Progress = Callable[[Summary, Optional[int]], None]  # called after every commit with the running total


def run_batch(sources: Sequence[str], store_path: str | Path, *, settings: Optional[Settings] = None,
              resources: Optional[Resources] = None, workers: int = 1, engine: str = "local",
              limit: Optional[int] = None, parquet: Optional[str | Path] = None,
              progress: Optional[Progress] = None, count: bool = False, link: bool | str = False) -> Summary:
    """Audit every record of ``sources`` into the store at ``store_path``; see the module docstring.

    ``count``: count the records first (for a progress bar's total and ETA); ``link``: ``True``
    or ``"all"``, a final pass over the whole store that rewrites ``story_links`` and
    ``corpus_findings`` (``newsaudit.corpus.store.link_store``); ``"new"``, only the articles this
    run stored, linked against the stored articles of their days (``link_new``).
    """
    settings = settings or Settings()
    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r}: use {' or '.join(ENGINES)}")
    if workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {workers}")
    if limit is not None and limit < 0:
        raise ConfigError(f"--limit must be 0 or more, not {limit}")
    inputs = [open_input(source, settings) for source in sources]
    if not inputs:
        raise ConfigError("no input given")
    resources = resources or Resources.from_settings(settings)
    total = _total(inputs, limit) if count else None
    summary = Summary(store=str(store_path))
    started = time.monotonic()
    if link not in (False, True, "all", "new"):
        raise ConfigError(f"link must be all or new, not {link!r}")
    with Store(store_path) as store:
        done = store.done()
        stored_before = store.con.execute("SELECT max(stored_at) FROM articles").fetchone()[0]

        def note(statuses: Sequence[str]) -> None:
            summary.seconds = time.monotonic() - started
            for status in statuses:
                if status == "audited":
                    summary.audited += 1
                elif status == "duplicate":
                    summary.duplicates += 1
                elif status == "error":
                    summary.errors += 1
                else:
                    summary.skipped += 1
            if progress:
                progress(summary, total)

        writer = _Writer(store, note)

        def jobs() -> Iterator[Job]:
            for record in _records(inputs, limit):
                summary.inputs += 1
                prepared = prepare(record, settings)
                key = (record.ref, prepared.article_id or "")
                if key in done:
                    note(["skipped"])
                    continue
                done.add(key)
                if isinstance(prepared, Outcome):
                    writer.add(prepared)
                elif writer.has_article(prepared.article_id):  # the same text and URL from another record
                    writer.add(Outcome(input_ref=record.ref, input_format=record.format, duplicate=True,
                                       article_id=prepared.article_id))
                else:
                    yield prepared

        try:
            for outcome in run_engine(engine, jobs(), settings, resources, workers):
                writer.add(outcome)
        finally:
            writer.flush()  # what was audited before an interrupt is kept
        if link == "new":
            from ..corpus.store import link_new

            query = "SELECT article_id FROM articles" + (" WHERE stored_at > ?" if stored_before else "")
            added = [row[0] for row in store.con.execute(query, [stored_before] if stored_before else []).fetchall()]
            summary.story_links = link_new(store.con, added).links
        elif link:
            from ..corpus.store import link_store

            summary.story_links = link_store(store.con).links
        summary.seconds = time.monotonic() - started
        if parquet is not None:
            summary.parquet = [str(path) for path in store.export_parquet(parquet)]
    return summary


class _Writer:
    """Outcomes written in groups: one transaction holds whole records, at most ``most`` of them or
    ``every`` seconds' worth, because a DuckDB commit costs far more than the rows it adds. A run
    killed before a commit loses only audits, which the next run does again: never a stored record."""

    def __init__(self, store: Store, note: Callable[[Sequence[str]], None], every: float = 1.0, most: int = 64) -> None:
        self.store, self.note, self.every, self.most = store, note, every, most
        self.pending: list[Outcome] = []
        self.last = time.monotonic()

    def add(self, outcome: Outcome) -> None:
        self.pending.append(outcome)
        if len(self.pending) >= self.most or time.monotonic() - self.last >= self.every:
            self.flush()

    def has_article(self, article_id: str) -> bool:
        return any(item.article_id == article_id and item.status == "audited" for item in self.pending) \
            or self.store.has_article(article_id)

    def flush(self) -> None:
        pending, self.pending, self.last = self.pending, [], time.monotonic()
        if pending:
            self.note(self.store.write_many(pending))


def prepare(record: Record, settings: Settings) -> Job | Outcome:
    """A record read and decoded as a job, or an ``Outcome`` with the error that refuses it."""
    try:
        document = record.document(settings)
    except NewsauditError as error:
        return Outcome(input_ref=record.ref, input_format=record.format, article_id=None,
                       error_code=error.code, error_message=" ".join(str(error).split()),
                       input_outlet=record.outlet, input_published=record.published)
    identity = article_id(document.content, document.url)
    published = None
    if record.published:
        published = _date_prefix(record.published)
        if published is None:
            return Outcome(input_ref=record.ref, input_format=record.format, article_id=identity,
                           error_code=ConfigError.code, input_outlet=record.outlet, input_published=record.published,
                           error_message=f"published {record.published[:40]!r} is not a date (YYYY-MM-DD...)")
        try:
            settings.replace(published=published)
        except NewsauditError as error:
            return Outcome(input_ref=record.ref, input_format=record.format, article_id=identity,
                           error_code=error.code, error_message=str(error), input_outlet=record.outlet,
                           input_published=record.published)
    return Job(input_ref=record.ref, input_format=record.format, article_id=identity, document=document,
               published=published, outlet=record.outlet, input_published=record.published)


def _date_prefix(value: str) -> Optional[str]:
    """The YYYY-MM-DD a crawl's date starts with ("2025-11-07", "2025-11-07T08:00:00Z"), else None."""
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


def _records(inputs: Sequence[Input], limit: Optional[int]) -> Iterator[Record]:
    records = itertools.chain.from_iterable(item.records() for item in inputs)
    return itertools.islice(records, limit) if limit is not None else records


def _total(inputs: Sequence[Input], limit: Optional[int]) -> Optional[int]:
    try:
        total = sum(item.count() for item in inputs)
    except (NewsauditError, OSError, ValueError, EOFError):
        return None  # the run itself will say what is wrong with the input
    return min(total, limit) if limit is not None else total


def plain_progress(stream=sys.stderr, every: float = 1.0) -> Progress:  # noqa: ANN001
    """One line now and then, for a log file or a pipe: the first record, then every ``every`` seconds."""
    last = [-every]

    def show(summary: Summary, total: Optional[int]) -> None:
        if summary.seconds - last[0] < every:
            return
        last[0] = summary.seconds
        handled = summary.audited + summary.duplicates + summary.errors + summary.skipped
        of = f" of {total}" if total is not None else ""
        print(f"newsaudit: batch: {handled}{of} inputs, {summary.errors} errors, "
              f"{summary.pages_per_second:.1f} pages/s", file=stream, flush=True)

    return show
