"""Reading a user's reference table: one place that turns file errors into ``TableError``."""

from __future__ import annotations

from pathlib import Path

from ..errors import TableError


def read_table_lines(path: str | Path) -> list[str]:
    """The lines of a UTF-8 table file, or a ``TableError`` that names the file and the reason."""
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as error:
        raise TableError(f"not UTF-8 (bad byte at offset {error.start})", path=str(path)) from error
    except OSError as error:
        raise TableError(f"cannot read it: {error.strerror or error}", path=str(path)) from error
