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


def check_not_binary(raw: bytes) -> None:
    sample = raw[:8192]
    if b"\x00" in sample:
        raise BinaryInput("input is binary (it contains NUL bytes), not a text or HTML article")
    control = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    if sample and control / len(sample) > 0.05:
        raise BinaryInput("input is binary (too many control bytes), not a text or HTML article")


def decode(raw: bytes, *, encoding: Optional[str] = None) -> str:
    """Decode as the caller says, else by BOM, else UTF-8, else an HTML page's declared charset."""
    if encoding:
        try:
            return raw.decode(encoding)
        except LookupError:
            raise EncodingError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as err:
            raise EncodingError(f"input is not valid {encoding} (byte offset {err.start})") from None
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(name, errors="strict")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        declared = _META_CHARSET.search(raw[:4096])
        if declared:
            try:
                return raw.decode(declared.group(1).decode("ascii"), errors="strict")
            except (LookupError, UnicodeDecodeError):
                pass
        raise EncodingError(
            f"input is not valid UTF-8 (bad byte 0x{raw[err.start]:02x} at offset {err.start}); "
            "name its encoding with --encoding"
        ) from None


def load_document(source: str | bytes, settings: Settings = DEFAULT_SETTINGS, *, name: str = "-",
                  input_kind: Optional[str] = None) -> Document:
    """Build a Document from content already in memory (the Python API's entry point).

    ``settings`` gives the URL, kind, encoding and size cap; ``name`` is what the report's
    ``input.source`` says, ``input_kind`` what its ``input.kind`` says (the content's kind if None).
    """
    raw = source.encode("utf-8") if isinstance(source, str) else bytes(source)
    if len(raw) > settings.max_bytes:
        raise InputTooLarge(f"input is {len(raw):,} bytes; the limit is {settings.max_bytes:,} bytes")
    if not raw.strip():
        raise EmptyInput("input is empty")
    check_not_binary(raw)
    content = source if isinstance(source, str) else decode(raw, encoding=settings.encoding)
    if not content.strip():
        raise EmptyInput("input is empty")
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
        raw = _read_capped((stdin or sys.stdin.buffer), settings.max_bytes, "standard input")
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


def _read_capped(handle: BinaryIO, max_bytes: int, what: str) -> bytes:
    raw = handle.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise InputTooLarge(f"{what} is larger than the limit of {max_bytes:,} bytes (--max-bytes)")
    return raw
