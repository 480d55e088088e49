"""``newsaudit check``: audit one article and print its report."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import Any, Optional

import click

from ..api import audit, read
from ..errors import ConfigError
from ..model import Report
from ..reference.resources import Resources
from ..render import RENDERERS
from ._errors import one_line_errors
from ._options import settings_from, settings_options


@click.command()
@click.argument("source")
@click.option("--format", "output_format", type=click.Choice(sorted(RENDERERS)), default="text",
              show_default=True, help="Report format.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to FILE instead of standard output.")
@click.option("--store", "store_path", type=click.Path(path_type=Path), default=None,
              help="A DuckDB store made by newsaudit batch: the article's claims are compared with those of "
                   "the stored articles on the same story (claim.corroborated, claim.contradicted_elsewhere).")
@settings_options
def check(source: str, output_format: str, out_path: Optional[Path], store_path: Optional[Path],
          **options: Any) -> None:
    """Audit one article: a file (text or HTML), a URL, or - for standard input.

    Example: newsaudit check examples/valencia-floods.txt --format md
    """
    with one_line_errors():
        store = _open_store(store_path)  # a missing or foreign store fails before any fetch
        settings = settings_from(options)
        resources = Resources.from_settings(settings)
        if settings.outlets_file or settings.anchors_file or settings.series_files:
            resources.outlets, resources.anchors, resources.series  # noqa: B018 - a bad table fails before any fetch
        if settings.lists_dir:
            resources.site_lists  # noqa: B018 - a folder without any list fails before any fetch
        report = audit(read(source, settings), settings=settings, resources=resources)
        if store is not None:
            report = _with_store(report, store, store_path)
        _write(RENDERERS[output_format](report), out_path)


def _open_store(path: Optional[Path]) -> Any:
    if path is None:
        return None
    from ..corpus.store import open_store

    return open_store(path)


def _with_store(report: Report, connection: Any, path: Path) -> Report:
    """The report with its claims set beside the store's articles on the same story: their
    findings added after the article's own, and a note of what was compared."""
    from ..corpus.store import check_against_store
    from ..scoring import score

    try:
        compared = check_against_store(connection, report)
    finally:
        connection.close()
    findings = report.findings + compared.findings
    return dataclasses.replace(report, findings=findings, scores=score(findings),
                               notes=report.notes + (compared.note(path.name),))


def _write(rendered: str, out_path: Optional[Path]) -> None:
    if out_path is None:
        if sys.stdout is None or sys.stdout.closed:
            raise ConfigError("standard output is closed: give --out FILE")
        try:
            click.echo(rendered, nl=not rendered.endswith("\n"))
            sys.stdout.flush()
        except OSError as error:
            if isinstance(error, BrokenPipeError):
                raise
            raise ConfigError(f"cannot write the report to standard output: {error.strerror or error}") from error
        return
    try:
        out_path.write_text(rendered if rendered.endswith("\n") else rendered + "\n", encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"cannot write {out_path}: {error.strerror}") from error
