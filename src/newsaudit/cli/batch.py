"""``newsaudit batch``: audit every record of crawls and folders into a DuckDB store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Optional

import click

from ..reference.resources import Resources
from ._errors import one_line_errors
from ._options import settings_from, settings_options


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--store", "store_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The DuckDB file to write (created when absent; a rerun skips what it holds).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes auditing at once (each loads the models once).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: this machine's processes; ray: Ray Data (pip install 'ray[data]').")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="Read only the first K records of the inputs.")
@click.option("--parquet", "parquet_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also write every table as DIR/<table>.parquet at the end.")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: on a terminal).")
@click.option("--link-stories", "link", type=click.Choice(["all", "new"]), is_flag=False, flag_value="all",
              default=None, help="After the run, link the store's articles on one story and compare their claims "
                                 "(tables story_links and corpus_findings): all (the default) relinks the whole "
                                 "store; new links only the articles this run added, against their days.")
@settings_options
def batch(inputs: tuple[str, ...], store_path: Path, workers: int, engine: str, limit: Optional[int],
          parquet_dir: Optional[Path], progress: Optional[bool], link: Optional[str], **options: Any) -> None:
    """Audit every article of INPUT... (folders of .html/.htm/.txt files, JSONL, WARC, WARC.gz or
    Parquet files, mixed as you like) into the DuckDB store; a failing record becomes an errors row.

    Example: newsaudit batch crawl.warc.gz pages/ --store corpus.duckdb --workers 2
    """
    from ..batch.run import plain_progress, run_batch

    with one_line_errors():
        settings = settings_from(options)
        resources = Resources.from_settings(settings)
        if settings.outlets_file or settings.anchors_file:
            resources.outlets, resources.anchors  # noqa: B018 - a bad user table fails before the run
        terminal = sys.stderr.isatty() if progress is None else progress
        with _progress_bar(terminal) as show:
            summary = run_batch(inputs, store_path, settings=settings, resources=resources, workers=workers,
                                engine=engine, limit=limit, parquet=parquet_dir, count=True,
                                progress=show or plain_progress(), link=link or False)
        click.echo(f"newsaudit: batch: {summary.line()}")


class _progress_bar:
    """A rich progress bar on stderr (pages/s, errors, ETA), or None when not on a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar: Any = None

    def __enter__(self):  # noqa: ANN204
        if not self.enabled:
            return None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn("batch"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]:.1f} pages/s"), TextColumn("{task.fields[errors]} errors"),
                            TextColumn("ETA"), TimeRemainingColumn(), console=Console(stderr=True), transient=True)
        self.bar.start()
        self.task = self.bar.add_task("batch", total=None, rate=0.0, errors=0)
        return self.update

    def update(self, summary: Any, total: Optional[int]) -> None:
        handled = summary.audited + summary.duplicates + summary.errors + summary.skipped
        self.bar.update(self.task, completed=handled, total=total, rate=summary.pages_per_second,
                        errors=summary.errors)

    def __exit__(self, *_exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
