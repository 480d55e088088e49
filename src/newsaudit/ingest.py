"""From bytes, a file, standard input or a URL to a ``Document``: kind, decoding and limits.

Everything a user can get wrong about the input is caught here, with a one-line message:
empty, binary, too large, undecodable. URLs go through ``fetch.py`` (a total deadline, a size
cap, no private addresses unless the settings allow them).
"""

from __future__ import annotations

import codecs
import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal, Optional

from .errors import BinaryInput, EmptyInput, EncodingError, InputError, InputTooLarge
from .fetch import Transport, fetch_url, is_url
from .settings import Settings

DEFAULT_SETTINGS = Settings()

ContentKind = Literal["text", "html"]

# Markup that only an HTML page starts with, or enough block tags to be one.
_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_BLOCK_TAG = re.compile(r"<(?:p|div|article|section|h[1-6]|figure|span|a|br|li)\b[^>]*>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Document:
    """The input as decoded text, with where it came from."""

    source: str  # path, URL or "-"
    kind: ContentKind  # how to read the content
    input_kind: Literal["text", "html", "url"]  # what the report's input.kind says
    content: str
    sha256: str
    url: Optional[str] = None


def detect_kind(content: str) -> ContentKind:
    """HTML when the text starts like a page or carries several block tags early on."""
    head = content[:8192]
    if _HTML_START.match(head):
        return "html"
    return "html" if len(_BLOCK_TAG.findall(head)) >= 5 else "text"


_CONTROL_CHAR = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def check_not_binary(content: str) -> None:
    """Refuse text that is binary data decoded by accident: NULs or many control characters."""
    sample = content[:8192]
    if "\x00" in sample:
        raise BinaryInput("input is binary (it contains NUL bytes), not a text or HTML article")
    control = len(_CONTROL_CHAR.findall(sample))
    if sample and control / len(sample) > 0.05:
        raise BinaryInput("input is binary (too many control bytes), not a text or HTML article")


# Byte order marks, longest first: UTF-32's little-endian mark begins with UTF-16's.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(raw: bytes, *, encoding: Optional[str] = None) -> str:
    """Decode as the caller says, else by BOM, else UTF-16 by its zero bytes, else UTF-8, else an
    HTML page's declared charset, else (an HTML page) UTF-8 with each byte that is not UTF-8 read
    as Windows-1252, as browsers read Western pages that mix the two; anything else (flattened
    text in an unknown encoding) is an ``EncodingError`` with one line."""
    if encoding:
        return _decode_as(raw, encoding, "")
    for bom, name in BOMS:
        if raw.startswith(bom):
            return _decode_as(raw[len(bom):], name, " after its byte order mark")
    unmarked = _utf16_without_bom(raw)
    if unmarked:
        return _decode_as(raw, unmarked, " (read as BOM-less UTF-16 from its zero bytes)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        head = raw[:DECLARATION_BYTES]
        declared = _META_CHARSET.search(head)
        if declared and not _is_utf8_name(declared.group(1)):
            try:
                return raw.decode(declared.group(1).decode("ascii"), errors="strict")
            except (LookupError, UnicodeDecodeError, UnicodeEncodeError, ValueError):
                pass
        if declared or detect_kind(head.decode("latin-1")) == "html":
            return raw.decode("utf-8", errors=_CP1252_FALLBACK)
        raise EncodingError(
            f"input is not valid UTF-8 (bad byte 0x{raw[err.start]:02x} at offset {err.start}); "
            "name its encoding with --encoding"
        ) from err


DECLARATION_BYTES = 32_768  # a page's <meta charset> sits in its head; themes put long scripts before it
_CP1252_FALLBACK = "newsaudit-cp1252-fallback"


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8 read as Windows-1252 (its five unassigned bytes become U+FFFD)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)


def _is_utf8_name(name: bytes) -> bool:
    return name.decode("ascii", "replace").lower().replace("_", "-") in ("utf-8", "utf8")


def _decode_as(raw: bytes, encoding: str, how: str) -> str:
    try:
        return raw.decode(encoding)
    except LookupError:
        raise EncodingError(f"unknown encoding {encoding!r}") from None
    except (UnicodeDecodeError, ValueError) as err:
        offset = f" (byte offset {err.start})" if isinstance(err, UnicodeDecodeError) else ""
        raise EncodingError(f"input is not valid {encoding}{how}{offset}") from err


def _utf16_without_bom(raw: bytes) -> Optional[str]:
    """"utf-16-le"/"utf-16-be" when every other byte of the start is zero (ASCII text in UTF-16)."""
    sample = raw[:4096]
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _is_wide_unicode(raw: bytes) -> bool:
    """UTF-16 or UTF-32, by BOM or by zero bytes: its zeros are text, not a sign of binary data."""
    marked = any(raw.startswith(bom) for bom, name in BOMS if name != "utf-8")
    return marked or _utf16_without_bom(raw) is not None


_SURROGATE = re.compile("[\ud800-\udfff]")


def load_document(source: str | bytes, settings: Settings = DEFAULT_SETTINGS, *, name: str = "-",
                  input_kind: Optional[str] = None) -> Document:
    """Build a Document from content already in memory (the Python API's entry point).

    ``settings`` gives the URL, kind, encoding and size cap; ``name`` is what the report's
    ``input.source`` says, ``input_kind`` what its ``input.kind`` says (the content's kind if None).
    A string's lone surrogates (no character can be written with them) become U+FFFD.
    """
    if isinstance(source, str):
        try:
            content, raw = source, source.encode("utf-8")  # fails only on a surrogate: no scan for them first
        except UnicodeEncodeError:
            content = _SURROGATE.sub("\ufffd", source)
            raw = content.encode("utf-8")
    else:
        raw = bytes(source)
    if len(raw) > settings.max_bytes:
        raise InputTooLarge(f"input is {len(raw):,} bytes; the limit is {settings.max_bytes:,} bytes")
    if not isinstance(source, str):
        if not settings.encoding and not _is_wide_unicode(raw):
            check_not_binary(raw.decode("latin-1"))  # before decoding, so a PNG is called binary, not bad UTF-8
        content = decode(raw, encoding=settings.encoding)
    if not content or content.isspace():  # as "not content.strip()", without copying the page
        raise EmptyInput("input is empty")
    check_not_binary(content)
    content_kind: ContentKind = settings.kind or detect_kind(content)  # type: ignore[assignment]
    return Document(
        source=name,
        kind=content_kind,
        input_kind=input_kind or content_kind,  # type: ignore[arg-type]
        content=content,
        sha256=hashlib.sha256(raw).hexdigest(),
        url=settings.url,
    )


def read_input(source: str, settings: Settings = DEFAULT_SETTINGS, *, stdin: Optional[BinaryIO] = None,
               transport: Optional[Transport] = None) -> Document:
    """Read a path, a URL or "-" (standard input) into a Document.

    Example: ``read_input("page.html", Settings(url="https://example.org/a"))``.
    """
    if is_url(source):
        raw, final_url = fetch_url(source, settings, transport=transport)
        return load_document(raw, settings.replace(url=settings.url or final_url), name=source, input_kind="url")
    if source == "-":
        raw = _read_capped(stdin or _stdin(), settings.max_bytes, "standard input")
    else:
        raw = _read_file(Path(source), settings.max_bytes)
    return load_document(raw, settings, name=source)


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise InputError(f"{path} is not a file")
        if size > max_bytes:
            raise InputTooLarge(f"{path} is {size:,} bytes; the limit is {max_bytes:,} bytes (--max-bytes)")
        with path.open("rb") as handle:
            return _read_capped(handle, max_bytes, str(path))
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except PermissionError:
        raise InputError(f"cannot read {path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory, not a file") from None


def _stdin() -> BinaryIO:
    if sys.stdin is None or sys.stdin.closed:
        raise InputError("standard input is closed: nothing to read for -")
    return sys.stdin.buffer


def _read_capped(handle: BinaryIO, max_bytes: int, what: str) -> bytes:
    try:
        raw = handle.read(max_bytes + 1)
    except (OSError, ValueError) as error:  # a closed or unreadable descriptor
        raise InputError(f"cannot read {what}: {getattr(error, 'strerror', None) or error}") from error
    if len(raw) > max_bytes:
        raise InputTooLarge(f"{what} is larger than the limit of {max_bytes:,} bytes (--max-bytes)")
    return raw
