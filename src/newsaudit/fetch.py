"""Fetching a URL: one total deadline, a size cap, and no private addresses unless allowed.

The network is reached through a ``Transport``: a callable that opens a request within a
timeout and returns a response with ``headers``, ``geturl()`` and ``read``/``read1``. The
default one is urllib's opener, without proxies, whose connections go to the address that was
checked (one DNS lookup per connection, so a name cannot rebind to a private address between
the check and the connect), with every redirect re-checked and every socket shut when the one
total deadline passes; tests and batch runs inject their own. Every failure is a ``FetchError`` carrying the URL and, for HTTP errors, the
status; the underlying exception is kept as its ``__cause__``.
"""

from __future__ import annotations

import functools
import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Callable, Optional

from .errors import FetchError, InputTooLarge, PrivateAddress
from .settings import DEFAULT_TIMEOUT, Settings

USER_AGENT = "newsaudit (+https://github.com/newsaudit/newsaudit)"
CONNECT_TIMEOUT = 10.0  # seconds for one connection or read, within the total deadline
MAX_REDIRECTS = 5
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.8"
ACCEPTED_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
Transport = Callable[[urllib.request.Request, float], Any]


def is_url(source: str) -> bool:
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", source))


def public_address(host: str, port: int, allow_private: bool) -> str:
    """The address to connect to: every address the host resolves to is checked, and the first
    one is returned, so the connection goes where the check looked (no second lookup to rebind)."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except socket.gaierror as error:
        raise FetchError(f"cannot resolve host {host!r}: {error.strerror}", url=host) from error
    except (UnicodeError, ValueError) as error:  # an empty or 64+ character label, a bad port
        raise FetchError(f"cannot resolve host {host[:80]!r}: {error}", url=host) from error
    if not infos:
        raise FetchError(f"cannot resolve host {host!r}: no address", url=host)
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not allow_private and (not address.is_global or address.is_multicast):
            raise PrivateAddress(
                f"refusing to fetch {host} ({address}): not a public address; "
                "pass --allow-private to allow it", url=host,
            )
    return infos[0][4][0]


def check_public_host(host: str, port: int) -> None:
    """Refuse hosts that resolve to loopback, private, link-local or otherwise non-public addresses."""
    public_address(host, port, allow_private=False)


class _Deadline:
    """One deadline for a whole fetch: every socket it opens is shut when the time is up, so a
    server that drips its headers or its redirects cannot hold the fetch past it."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> "_Deadline":
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.cancel()

    def remaining(self) -> float:
        left = self.ends - time.monotonic()
        if left <= 0:
            self.expired = True
            raise TimeoutError("the fetch's deadline passed")
        return left

    def register(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to the address that was checked, within the fetch's deadline."""

    def __init__(self, *args: Any, allow_private: bool, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.allow_private, self.deadline = allow_private, deadline

    def _open_socket(self) -> socket.socket:
        address = public_address(self.host, self.port, self.allow_private)
        sock = socket.create_connection((address, self.port), min(self.deadline.remaining(), CONNECT_TIMEOUT))
        sock.settimeout(min(self.deadline.remaining(), CONNECT_TIMEOUT))
        self.deadline.register(sock)
        return sock

    def connect(self) -> None:
        self.sock = self._open_socket()


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """The same for HTTPS; the certificate is checked against the host name, not the address."""

    def __init__(self, *args: Any, allow_private: bool, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.allow_private, self.deadline = allow_private, deadline

    def connect(self) -> None:
        sock = _PinnedHTTPConnection._open_socket(self)  # type: ignore[arg-type]
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


class _PinnedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, **pinning: Any) -> None:
        super().__init__()
        self.pinning = pinning

    def http_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(functools.partial(_PinnedHTTPConnection, **self.pinning), req)


class _PinnedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, **pinning: Any) -> None:
        super().__init__(context=ssl.create_default_context())
        self.pinning = pinning

    def https_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(functools.partial(_PinnedHTTPSConnection, **self.pinning), req, context=self._context)


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Re-check every redirect target's scheme and host, so a public URL cannot bounce to a private one."""

    max_redirections = MAX_REDIRECTS

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001
        check_url(newurl, self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def check_url(url: str, allow_private: bool) -> urllib.parse.SplitResult:
    """The URL's parts, once its scheme is http(s) and its host public (or private allowed)."""
    try:
        parts = urllib.parse.urlsplit(url)
        host, port = parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:  # "http://[::1", a port past 65535
        raise FetchError(f"cannot fetch {url[:200]!r}: {error}", url=url) from error
    if parts.scheme not in ("http", "https") or not host:
        raise FetchError(f"cannot fetch {url[:200]!r}: only http and https URLs are supported", url=url)
    if not allow_private:  # refuse early; the connection checks the address it connects to again
        public_address(host, port, allow_private)
    return parts


def urllib_transport(allow_private: bool, deadline: Optional[_Deadline] = None) -> Transport:
    """The default transport: urllib with no proxy, connecting only to checked addresses, every
    redirect re-checked, all within one deadline."""
    deadline = deadline or _Deadline(DEFAULT_TIMEOUT)
    pinning = dict(allow_private=allow_private, deadline=deadline)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _PinnedHTTPHandler(**pinning),
                                         _PinnedHTTPSHandler(**pinning), _CheckedRedirects(allow_private))
    return lambda request, timeout: opener.open(request, timeout=timeout)


def fetch_url(url: str, settings: Settings, *, transport: Optional[Transport] = None) -> tuple[bytes, str]:
    """GET a page within ``settings.timeout`` seconds in all and ``settings.max_bytes`` of body.

    Returns the body and the final URL after redirects. Only HTML and plain text are accepted.
    """
    check_url(url, settings.allow_private)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT})
    timeout = settings.timeout
    with _Deadline(timeout) as deadline:
        open_request = transport or urllib_transport(settings.allow_private, deadline)
        try:
            with open_request(request, min(timeout, CONNECT_TIMEOUT)) as response:
                _check_response(response, url, settings.max_bytes)
                return _read_body(response, url, deadline, settings.max_bytes), response.geturl()
        except urllib.error.HTTPError as error:
            raise FetchError(f"fetching {url} failed: HTTP {error.code} {error.reason}", url=url,
                             status=error.code) from error
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError, UnicodeError) as error:
            if deadline.expired or _is_timeout(error):
                raise FetchError(f"fetching {url} timed out after {timeout:g} s", url=url) from error
            reason = error.reason if isinstance(error, urllib.error.URLError) else error
            if isinstance(reason, FetchError):
                raise reason from error
            raise FetchError(f"fetching {url} failed: {_one_line(reason)}", url=url) from error


def _is_timeout(error: BaseException) -> bool:
    reason = getattr(error, "reason", error)
    return isinstance(reason, (socket.timeout, TimeoutError))


def _one_line(reason: object) -> str:
    return " ".join(str(reason).split())[:300] or type(reason).__name__


def _check_response(response: Any, url: str, max_bytes: int) -> None:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise InputTooLarge(f"{url} sends {int(declared):,} bytes; the limit is {max_bytes:,} bytes")
    content_type = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if content_type and content_type not in ACCEPTED_TYPES:
        raise FetchError(f"{url} is {content_type[:80]}, not an HTML page or text; newsaudit reads only those",
                         url=url)


def _read_body(response: Any, url: str, deadline: _Deadline, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    received = 0
    while True:
        if deadline.expired or time.monotonic() > deadline.ends:
            raise FetchError(f"fetching {url} timed out: the body was still arriving at the deadline", url=url)
        chunk = response.read1(65536) if hasattr(response, "read1") else response.read(65536)
        if not chunk:
            if deadline.expired:  # the watchdog shut the socket: this end of the body is not the page's
                raise FetchError(f"fetching {url} timed out: the body was still arriving at the deadline", url=url)
            return b"".join(chunks)
        received += len(chunk)
        if received > max_bytes:
            raise InputTooLarge(f"{url} sent more than the limit of {max_bytes:,} bytes")
        chunks.append(chunk)
