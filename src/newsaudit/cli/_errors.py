"""From an exception to one line on stderr and an exit code: the only place exit codes live."""

from __future__ import annotations

import contextlib
import os
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
    """Run a command's body; whatever goes wrong becomes one line on stderr and an exit code.

    A newsaudit error exits with its code (2, 3, 4, 1); an interrupt with 130; a closed or
    broken standard output quietly with 141, the shell's code for SIGPIPE; anything else is a
    bug in newsaudit, reported in one line with exit code 1 (``NEWSAUDIT_DEBUG=1`` re-raises it).
    """
    try:
        yield
    except NewsauditError as error:
        _say(f"newsaudit: error: {_one_line(str(error))}")
        sys.exit(exit_code(error))
    except KeyboardInterrupt:
        _say("newsaudit: interrupted")
        sys.exit(130)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(141)
    except (SystemExit, click.exceptions.Exit, click.ClickException, click.Abort):
        raise
    except Exception as error:  # noqa: BLE001 - the last line of defence: one line, never a traceback
        if os.environ.get("NEWSAUDIT_DEBUG"):
            raise
        _say(f"newsaudit: error: internal error ({type(error).__name__}: {_one_line(str(error))}); "
             "please report it, with NEWSAUDIT_DEBUG=1 for the traceback")
        sys.exit(1)


def _one_line(text: str) -> str:
    """No line breaks or control characters from a message reach the terminal."""
    return "".join(ch if ch.isprintable() else " " for ch in " ".join(text.split()))[:500]


def _say(line: str) -> None:
    try:
        click.echo(line, err=True)
    except (OSError, ValueError):
        pass  # stderr itself is closed: the exit code is all that is left


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
