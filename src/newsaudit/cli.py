"""The command line: thin wrappers over the Python API.

    newsaudit check PATH|URL|- [--format text|md|json] [--date YYYY-MM-DD] [--out FILE]

Errors a user can cause print one line on stderr and exit non-zero (see errors.py).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Optional

import click

from . import __version__
from .errors import NewsauditError
from .ingest import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, read_input
from .pipeline import run_stages
from .resources import Resources
from .structure.dates import PLAUSIBLE_YEARS


def _parse_date(_ctx: click.Context, _param: click.Parameter, value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        given = date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None
    first, last = PLAUSIBLE_YEARS
    if not first <= given.year <= last:
        raise click.BadParameter(f"{value!r} is outside the years {first}-{last} a news article can carry")
    return given


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsaudit")
def main() -> None:
    """Audit news articles: structure, claims, and findings with their evidence."""


@main.command()
@click.argument("source")
@click.option("--format", "output_format", type=click.Choice(["text", "md", "json"]), default="text",
              show_default=True, help="Report format.")
@click.option("--kind", type=click.Choice(["text", "html"]), default=None,
              help="Read the input as flattened text or HTML (detected when omitted).")
@click.option("--date", "published", callback=_parse_date, default=None, metavar="YYYY-MM-DD",
              help="Publication date to use when you know it (overrides the page).")
@click.option("--url", default=None, help="The page's URL, when SOURCE is a saved file.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to FILE instead of standard output.")
@click.option("--allow-private", is_flag=True, help="Allow fetching from loopback and private addresses.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds allowed for fetching a URL, in all.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Largest input accepted, in bytes.")
@click.option("--encoding", default=None, help="The input's text encoding when it is not UTF-8.")
@click.option("--outlets", "outlets_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="CSV of more known outlets (name,domain,country,aliases) to add to the bundled table.")
@click.option("--anchors", "anchors_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="CSV of more anchor events (key,label,date,kind,aliases,context); a key replaces a bundled row.")
def check(source: str, output_format: str, kind: Optional[str], published: Optional[date], url: Optional[str],
          out_path: Optional[Path], allow_private: bool, timeout: float, max_bytes: int,
          encoding: Optional[str], outlets_file: Optional[str], anchors_file: Optional[str]) -> None:
    """Audit one article: a file (text or HTML), a URL, or - for standard input."""
    from .render import RENDERERS

    resources = None
    if outlets_file or anchors_file:
        resources = Resources(outlets_file=outlets_file, anchors_file=anchors_file)
        try:  # load the user's tables first, so a bad row is named as such
            resources.outlets, resources.anchors
        except (OSError, ValueError, KeyError, UnicodeDecodeError) as error:
            click.echo(f"newsaudit: error: cannot read the extra table: {error}", err=True)
            sys.exit(2)
    try:
        document = read_input(source, kind=kind, url=url, allow_private=allow_private,
                              max_bytes=max_bytes, timeout=timeout, encoding=encoding)
        report = run_stages(document, published=published, resources=resources)
    except NewsauditError as error:
        click.echo(f"newsaudit: error: {error}", err=True)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        click.echo("newsaudit: interrupted", err=True)
        sys.exit(130)
    rendered = RENDERERS[output_format](report)
    if out_path is None:
        click.echo(rendered, nl=not rendered.endswith("\n"))
        return
    try:
        out_path.write_text(rendered if rendered.endswith("\n") else rendered + "\n", encoding="utf-8")
    except OSError as error:
        click.echo(f"newsaudit: error: cannot write {out_path}: {error.strerror}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
