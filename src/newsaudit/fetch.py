"""Fetching a URL: one total deadline, a size cap, and no private addresses unless allowed.

The network is reached through a ``Transport``: a callable that opens a request within a
timeout and returns a response with ``headers``, ``geturl()`` and ``read``/``read1``. The
default one is urllib's opener with every redirect re-checked; tests and batch runs inject
their own. Every failure is a ``FetchError`` carrying the URL and, for HTTP errors, the
status; the underlying exception is kept as its ``__cause__``.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Callable, Optional

from .errors import FetchError, InputTooLarge, PrivateAddress
from .settings import Settings

USER_AGENT = "newsaudit (+https://github.com/newsaudit/newsaudit)"
CONNECT_TIMEOUT = 10.0  # seconds for one connection or read, within the total deadline
Transport = Callable[[urllib.request.Request, float], Any]


def is_url(source: str) -> bool:
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", source))


def check_public_host(host: str, port: int) -> None:
    """Refuse hosts that resolve to loopback, private, link-local or otherwise non-public addresses."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except socket.gaierror as error:
        raise FetchError(f"cannot resolve host {host!r}: {error.strerror}", url=host) from error
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global or address.is_multicast:
            raise PrivateAddress(
                f"refusing to fetch {host} ({address}): not a public address; "
                "pass --allow-private to allow it", url=host,
            )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Re-check every redirect target, so a public URL cannot bounce to a private one."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001
        check_url(newurl, self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def check_url(url: str, allow_private: bool) -> urllib.parse.SplitResult:
    """The URL's parts, once its scheme is http(s) and its host public (or private allowed)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"cannot fetch {url!r}: only http and https URLs are supported", url=url)
    if not allow_private:
        check_public_host(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    return parts


def urllib_transport(allow_private: bool) -> Transport:
    """The default transport: urllib, re-checking the address of every redirect."""
    opener = urllib.request.build_opener(_CheckedRedirects(allow_private))
    return lambda request, timeout: opener.open(request, timeout=timeout)


def fetch_url(url: str, settings: Settings, *, transport: Optional[Transport] = None) -> tuple[bytes, str]:
    """GET a page within ``settings.timeout`` seconds in all and ``settings.max_bytes`` of body.

    Returns the body and the final URL after redirects.
    """
    check_url(url, settings.allow_private)
    open_request = transport or urllib_transport(settings.allow_private)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain"})
    deadline = time.monotonic() + settings.timeout
    timeout = settings.timeout
    try:
        with open_request(request, min(timeout, CONNECT_TIMEOUT)) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > settings.max_bytes:
                raise InputTooLarge(f"{url} sends {int(declared):,} bytes; the limit is {settings.max_bytes:,} bytes")
            return _read_body(response, url, deadline, settings.max_bytes), response.geturl()
    except urllib.error.HTTPError as error:
        raise FetchError(f"fetching {url} failed: HTTP {error.code} {error.reason}", url=url,
                         status=error.code) from error
    except urllib.error.URLError as error:
        if isinstance(error.reason, (socket.timeout, TimeoutError)):
            raise FetchError(f"fetching {url} timed out after {timeout:g} s", url=url) from error
        raise FetchError(f"fetching {url} failed: {error.reason}", url=url) from error
    except (socket.timeout, TimeoutError) as error:
        raise FetchError(f"fetching {url} timed out after {timeout:g} s", url=url) from error
    except OSError as error:
        raise FetchError(f"fetching {url} failed: {error}", url=url) from error


def _read_body(response: Any, url: str, deadline: float, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    received = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"fetching {url} timed out: the body was still arriving at the deadline", url=url)
        chunk = response.read1(65536) if hasattr(response, "read1") else response.read(65536)
        if not chunk:
            return b"".join(chunks)
        received += len(chunk)
        if received > max_bytes:
            raise InputTooLarge(f"{url} sent more than the limit of {max_bytes:,} bytes")
        chunks.append(chunk)
