"""The command line: a click group over the public Python API (``newsaudit.read``, ``audit``).

Errors a user can cause print one line on stderr and exit with a documented code:

    0  the report was written          3  a URL could not be fetched
    2  bad input or bad options        4  a model or data package is missing
    1  newsaudit itself failed (a stage error: please report it)   130  interrupted

Exit codes live here, not on the exceptions: the library raises, the command line decides.
"""

from __future__ import annotations

import click

from .. import __version__
from ._errors import EXIT_CODES, exit_code  # noqa: F401 - the documented mapping
from .batch import batch
from .check import check


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsaudit")
def main() -> None:
    """Audit news articles: structure, claims, and findings with their evidence."""


main.add_command(check)
main.add_command(batch)

__all__ = ["main", "EXIT_CODES", "exit_code"]
