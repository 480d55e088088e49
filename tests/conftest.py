"""Shared test fixtures: paths, the report schema, the golden-file switch and a local HTTP server."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "tests" / "golden"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip: a user's clone does not have the shared folder."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is only beside the repo in the project's CI)")
    return path


@pytest.fixture(scope="session")
def report_schema() -> dict:
    """The contract's schema; a copy is kept in tests/ so a user's clone can validate too."""
    shared = SHARED / "spec" / "report.schema.json"
    source = shared if shared.exists() else ROOT / "tests" / "report.schema.json"
    return json.loads(source.read_text())


@pytest.fixture
def seed_path() -> Path:
    folder = shared_path("seed")
    return sorted(folder.glob("*.txt"))[0]


class _Handler(BaseHTTPRequestHandler):
    """Routes for fetch tests: a page, a slow answer, an endless body, a redirect."""

    pages: dict[str, bytes] = {}

    def log_message(self, *_args) -> None:  # keep test output clean
        return

    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/slow":
            time.sleep(3)
            return self._send(b"<html><body><p>late</p></body></html>")
        if self.path == "/endless":
            return self._endless()
        if self.path == "/drip":
            return self._drip()
        if self.path == "/svg":
            return self._send(b"<svg xmlns='http://www.w3.org/2000/svg'><text>Hi</text></svg>", "image/svg+xml")
        if self.path == "/drip-headers":
            return self._drip_headers()
        if self.path.startswith("/hop/"):  # /hop/N: a redirect chain of N slow hops
            left = int(self.path.rsplit("/", 1)[1])
            time.sleep(0.4)
            self.send_response(302)
            self.send_header("Location", f"/hop/{left - 1}" if left > 1 else "/article")
            self.end_headers()
            return None
        if self.path == "/bad-location":
            self.send_response(302)
            self.send_header("Location", "http://[::1")
            self.end_headers()
            return None
        if self.path.startswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
            return None
        body = self.pages.get(self.path)
        if body is None:
            self.send_error(404)
            return None
        return self._send(body)

    def _send(self, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            return  # the client gave up first, as the timeout tests want

    def _endless(self) -> None:
        """A body with no length and no end, bounded at 64 MB so a broken client cannot hang CI."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        chunk = b"<p>" + b"x" * 65530 + b"</p>"
        try:
            for _ in range(1024):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            return

    def _drip_headers(self) -> None:
        """Headers that never end: one header line every 0.2 seconds, for at most 20 seconds."""
        try:
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            for index in range(100):
                self.wfile.write(f"X-Drip-{index}: y\r\n".encode())
                self.wfile.flush()
                time.sleep(0.2)
        except (BrokenPipeError, ConnectionResetError):
            return

    def _drip(self) -> None:
        """A body that arrives a few bytes at a time, for at most 20 seconds."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(200):
                self.wfile.write(b"<p>drip</p>")
                self.wfile.flush()
                time.sleep(0.1)
        except (BrokenPipeError, ConnectionResetError):
            return


@pytest.fixture(scope="session")
def local_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def serve_page(local_server: str):
    def register(path: str, body: bytes) -> str:
        _Handler.pages[path] = body
        return local_server + path

    return register
