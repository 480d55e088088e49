"""From bytes, a file, standard input or a URL to a ``Document``: kind, decoding and limits.

Everything a user can get wrong about the input is caught here, with a one-line message:
empty, binary, too large, undecodable. Fetching a URL has a total deadline, a size cap, and
refuses addresses that are not public unless the caller allows them.
"""

from __future__ import annotations

import codecs
import hashlib
import ipaddress
import re
import socket
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal, Optional

from .errors import (
    BinaryInput, EmptyInput, EncodingError, FetchError, InputError, InputTooLarge, PrivateAddress,
)

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # a long article page is under 2 MB; 10 MB leaves room
DEFAULT_TIMEOUT = 20.0  # seconds for a whole fetch, redirects and body included
USER_AGENT = "newsaudit (+https://github.com/newsaudit/newsaudit)"

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


def load_document(
    source: str | bytes,
    *,
    url: Optional[str] = None,
    kind: Optional[str] = None,
    name: str = "-",
    input_kind: Optional[str] = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: Optional[str] = None,
) -> Document:
    """Build a Document from content already in memory (the Python API's entry point)."""
    raw = source.encode("utf-8") if isinstance(source, str) else bytes(source)
    if len(raw) > max_bytes:
        raise InputTooLarge(f"input is {len(raw):,} bytes; the limit is {max_bytes:,} bytes")
    if not raw.strip():
        raise EmptyInput("input is empty")
    check_not_binary(raw)
    content = source if isinstance(source, str) else decode(raw, encoding=encoding)
    if not content.strip():
        raise EmptyInput("input is empty")
    if kind not in (None, "text", "html"):
        raise InputError(f"unknown kind {kind!r}: use text or html")
    content_kind: ContentKind = kind or detect_kind(content)  # type: ignore[assignment]
    return Document(
        source=name,
        kind=content_kind,
        input_kind=input_kind or content_kind,  # type: ignore[arg-type]
        content=content,
        sha256=hashlib.sha256(raw).hexdigest(),
        url=url,
    )


def read_input(
    source: str,
    *,
    kind: Optional[str] = None,
    url: Optional[str] = None,
    allow_private: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    encoding: Optional[str] = None,
    stdin: Optional[BinaryIO] = None,
) -> Document:
    """Read a path, a URL or "-" (standard input) into a Document."""
    if is_url(source):
        raw, final_url = fetch_url(source, timeout=timeout, max_bytes=max_bytes, allow_private=allow_private)
        return load_document(raw, url=url or final_url, kind=kind, name=source, input_kind="url",
                             max_bytes=max_bytes, encoding=encoding)
    if source == "-":
        raw = _read_capped((stdin or sys.stdin.buffer), max_bytes, "standard input")
    else:
        raw = _read_file(Path(source), max_bytes)
    return load_document(raw, url=url, kind=kind, name=source, max_bytes=max_bytes, encoding=encoding)


def is_url(source: str) -> bool:
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", source))


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


# --- fetching ---------------------------------------------------------------------------

def check_public_host(host: str, port: int) -> None:
    """Refuse hosts that resolve to loopback, private, link-local or otherwise non-public addresses."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except socket.gaierror as err:
        raise FetchError(f"cannot resolve host {host!r}: {err.strerror}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global or address.is_multicast:
            raise PrivateAddress(
                f"refusing to fetch {host} ({address}): not a public address; "
                "pass --allow-private to allow it"
            )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Re-check every redirect target, so a public URL cannot bounce to a private one."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001
        _check_url(newurl, self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _check_url(url: str, allow_private: bool) -> urllib.parse.SplitResult:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"cannot fetch {url!r}: only http and https URLs are supported")
    if not allow_private:
        check_public_host(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    return parts


def fetch_url(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
              allow_private: bool = False) -> tuple[bytes, str]:
    """GET a page within ``timeout`` seconds in all and ``max_bytes`` of body; return body and final URL."""
    _check_url(url, allow_private)
    opener = urllib.request.build_opener(_CheckedRedirects(allow_private))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain"})
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=min(timeout, 10.0)) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputTooLarge(f"{url} sends {int(declared):,} bytes; the limit is {max_bytes:,} bytes")
            return _read_body(response, url, deadline, max_bytes), response.geturl()
    except urllib.error.HTTPError as err:
        raise FetchError(f"fetching {url} failed: HTTP {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise FetchError(f"fetching {url} timed out after {timeout:g} s") from None
        raise FetchError(f"fetching {url} failed: {reason}") from None
    except (socket.timeout, TimeoutError):
        raise FetchError(f"fetching {url} timed out after {timeout:g} s") from None
    except OSError as err:
        raise FetchError(f"fetching {url} failed: {err}") from None


def _read_body(response, url: str, deadline: float, max_bytes: int) -> bytes:  # noqa: ANN001
    chunks: list[bytes] = []
    received = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"fetching {url} timed out: the body was still arriving at the deadline")
        chunk = response.read1(65536) if hasattr(response, "read1") else response.read(65536)
        if not chunk:
            return b"".join(chunks)
        received += len(chunk)
        if received > max_bytes:
            raise InputTooLarge(f"{url} sent more than the limit of {max_bytes:,} bytes")
        chunks.append(chunk)
