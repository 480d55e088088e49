"""The exceptions a user can cause, in one tree under ``NewsauditError``.

Each class carries a stable dotted ``code`` (the style of finding codes) so scripts, the batch
store and a later HTTP API can tell failures apart without parsing messages, and context
attributes where there is context (a URL, an HTTP status, a table's path and line, a stage's
name). Third-party errors are translated where they are caught, ``raise ... from error``, so
the cause is kept. Exit codes are the command line's business: they live in ``cli/``.

    NewsauditError          error
    ├── ConfigError         config.invalid: bad settings, stages or finding codes
    │   ├── TableError      config.table: a reference table that cannot be read
    │   └── UnknownCode     config.unknown_code: a check emitted a code codes.py does not list
    ├── InputError          input.invalid (and input.empty, .binary, .too_large, .too_complex, ...)
    │   └── FetchError      fetch.failed: .url, .status
    │       └── PrivateAddress
    ├── ResourceMissing     resource.missing: a model or data package is not installed
    └── StageError          stage.failed: .stage; the stage's own exception is the __cause__
"""

from __future__ import annotations

from typing import Optional


class NewsauditError(Exception):
    """Base of every error newsaudit raises on purpose."""

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):  # noqa: ANN204 - so an error crosses a process boundary whole
        return _restore, (type(self), self.message, dict(self.__dict__))


def _restore(cls: type, message: str, state: dict) -> "NewsauditError":
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    return error


class ConfigError(NewsauditError):
    """Settings, stages or a check that cannot work as given."""

    code = "config.invalid"


class TableError(ConfigError):
    """A reference table (bundled or the user's) that cannot be read: missing columns, bad rows."""

    code = "config.table"

    def __init__(self, message: str, *, path: Optional[str] = None, line: Optional[int] = None) -> None:
        where = f"{path}, line {line}: " if path and line else f"{path}: " if path else ""
        super().__init__(where + message)
        self.path = path
        self.line = line


class UnknownCode(ConfigError):
    """A check emitted a finding code, or a severity for it, that ``codes.py`` does not list."""

    code = "config.unknown_code"


class InputError(NewsauditError):
    """The input cannot be audited: empty, binary, too large, undecodable, not an article."""

    code = "input.invalid"


class EmptyInput(InputError):
    code = "input.empty"


class BinaryInput(InputError):
    code = "input.binary"


class InputTooLarge(InputError):
    code = "input.too_large"


class EncodingError(InputError):
    code = "input.encoding"


class NoArticle(InputError):
    code = "input.no_article"


class UnsupportedLanguage(InputError):
    code = "input.language"


class InputTooComplex(InputError):
    """The input nests too deeply, or needs more memory than is there, to be read."""

    code = "input.too_complex"


class FetchError(InputError):
    """A URL could not be fetched: refused, unreachable, too slow or too large."""

    code = "fetch.failed"

    def __init__(self, message: str, *, url: Optional[str] = None, status: Optional[int] = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


class PrivateAddress(FetchError):
    """The URL's host is loopback, private or link-local, and the caller did not allow it."""

    code = "fetch.private_address"


class ResourceMissing(NewsauditError):
    """A model or data package a requested feature needs is not installed."""

    code = "resource.missing"


class StageError(NewsauditError):
    """A stage failed on something that is not the input's fault; ``__cause__`` says what."""

    code = "stage.failed"

    def __init__(self, message: str, *, stage: str) -> None:
        super().__init__(message)
        self.stage = stage
