"""From an exception to one line on stderr and an exit code: the only place exit codes live."""

from __future__ import annotations

import contextlib
import sys
from typing import Iterator

import click

from ..errors import (
    ConfigError, FetchError, InputError, NewsauditError, ResourceMissing, StageError,
)

# Most specific first: a FetchError is an InputError too, and exits 3, not 2.
EXIT_CODES: tuple[tuple[type[NewsauditError], int], ...] = (
    (FetchError, 3),
    (InputError, 2),
    (ConfigError, 2),
    (ResourceMissing, 4),
    (StageError, 1),
    (NewsauditError, 2),
)


def exit_code(error: NewsauditError) -> int:
    return next(code for kind, code in EXIT_CODES if isinstance(error, kind))


@contextlib.contextmanager
def one_line_errors() -> Iterator[None]:
    """Run a command's body; a newsaudit error or an interrupt becomes one line and an exit code."""
    try:
        yield
    except NewsauditError as error:
        click.echo(f"newsaudit: error: {error}", err=True)
        sys.exit(exit_code(error))
    except KeyboardInterrupt:
        click.echo("newsaudit: interrupted", err=True)
        sys.exit(130)
