"""The exceptions a user can cause. The CLI prints ``str(error)`` on one line and exits non-zero.

Each class carries a stable ``code`` (in the dotted style of finding codes) so scripts and the
HTTP API can tell failures apart without parsing messages.
"""

from __future__ import annotations


class NewsauditError(Exception):
    """Base of every error newsaudit raises on purpose."""

    code = "error"
    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


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


class FetchError(NewsauditError):
    """A URL could not be fetched: refused, unreachable, too slow or too large."""

    code = "fetch.failed"
    exit_code = 3


class PrivateAddress(FetchError):
    code = "fetch.private_address"


class ResourceMissing(NewsauditError):
    """A model or data package a requested feature needs is not installed."""

    code = "resource.missing"
    exit_code = 4
