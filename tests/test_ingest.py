"""Input handling: every bad input is a one-line NewsauditError, never a traceback or a hang."""

from __future__ import annotations

import io

import time

import pytest

from newsaudit.errors import (
    BinaryInput, EmptyInput, EncodingError, FetchError, InputError, InputTooLarge, PrivateAddress,
)
from newsaudit.fetch import fetch_url
from newsaudit.ingest import detect_kind, load_document, read_input
from newsaudit.settings import Settings


def test_plain_text_is_detected_as_text():
    assert detect_kind("The Daily Example\n\nA headline here\n\nA paragraph < with a sign.") == "text"


@pytest.mark.parametrize("page", [
    "<!DOCTYPE html><html><body><p>x</p></body></html>",
    "  <html lang='en'><head></head></html>",
    "<?xml version='1.0'?>\n<!-- saved --><html><body></body></html>",
    "<div><p>a</p><p>b</p><p>c</p><h2>d</h2><p>e</p></div>",
])
def test_html_is_detected_by_its_start_or_tags(page):
    assert detect_kind(page) == "html"


def test_empty_and_whitespace_inputs_are_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n\t\n")
    with pytest.raises(EmptyInput):
        read_input(str(path))


def test_binary_input_is_refused(tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 4)
    with pytest.raises(BinaryInput):
        read_input(str(path))


def test_file_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB, sparse: costs no disk
    with pytest.raises(InputTooLarge, match="limit"):
        read_input(str(path))


def test_standard_input_over_the_limit_is_refused():
    stream = io.BytesIO(b"word " * 1000)
    with pytest.raises(InputTooLarge):
        read_input("-", Settings(max_bytes=1000), stdin=stream)


def test_invalid_utf8_names_the_byte_and_the_remedy(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le café de la gare a fermé.".encode("latin-1"))
    with pytest.raises(EncodingError, match="--encoding"):
        read_input(str(path))
    assert "café" in read_input(str(path), Settings(encoding="latin-1")).content


def test_declared_charset_of_an_html_page_is_honoured():
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>café</p></body></html>'
    document = load_document(page.encode("latin-1"))
    assert "café" in document.content and document.kind == "html"


def test_missing_file_and_directory_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_input(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError):
        read_input(str(tmp_path))


def test_loopback_url_is_refused_unless_allowed(serve_page):
    url = serve_page("/tiny", b"<html><body><p>hello</p></body></html>")
    with pytest.raises(PrivateAddress, match="--allow-private"):
        fetch_url(url, Settings())
    body, final = fetch_url(url, Settings(allow_private=True))
    assert b"hello" in body and final == url


@pytest.mark.parametrize("url", ["http://10.1.2.3/x", "http://192.168.0.1/", "http://[::1]/", "http://169.254.169.254/"])
def test_private_literal_addresses_are_refused_before_connecting(url):
    with pytest.raises(PrivateAddress):
        fetch_url(url, Settings(timeout=1))


def test_non_http_schemes_are_refused():
    with pytest.raises(FetchError, match="only http"):
        fetch_url("file:///etc/passwd", Settings())


def test_slow_server_times_out(local_server):
    with pytest.raises(FetchError, match="timed out"):
        fetch_url(local_server + "/slow", Settings(timeout=1, allow_private=True))


def test_endless_body_stops_at_the_size_cap(local_server):
    with pytest.raises(InputTooLarge):
        fetch_url(local_server + "/endless", Settings(max_bytes=1_000_000, allow_private=True))


def test_dripping_body_stops_at_the_deadline(local_server):
    with pytest.raises(FetchError, match="timed out"):
        fetch_url(local_server + "/drip", Settings(timeout=1, allow_private=True))


def test_redirects_are_followed_and_rechecked(serve_page, local_server):
    serve_page("/article", b"<html><body><p>moved here</p></body></html>")
    body, final = fetch_url(local_server + "/redirect", Settings(allow_private=True))
    assert b"moved here" in body and final.endswith("/article")


def test_fetch_errors_keep_the_url_the_status_and_the_cause(local_server):
    import urllib.error

    url = local_server + "/no-such-page"
    with pytest.raises(FetchError) as caught:
        fetch_url(url, Settings(allow_private=True))
    assert caught.value.url == url and caught.value.status == 404
    assert isinstance(caught.value.__cause__, urllib.error.HTTPError)


def test_fetch_goes_through_an_injected_transport():
    import io

    class Response(io.BytesIO):
        headers = {"Content-Type": "text/html"}

        def geturl(self):
            return "https://example.org/final"

    seen = []

    def transport(request, timeout):
        seen.append((request.full_url, timeout))
        return Response(b"<html><body><p>hello</p></body></html>")

    body, final = fetch_url("https://example.org/start", Settings(allow_private=True), transport=transport)
    assert body.startswith(b"<html>") and final == "https://example.org/final"
    assert seen == [("https://example.org/start", 10.0)]


def test_headers_that_drip_stop_at_the_total_deadline(local_server):
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch_url(local_server + "/drip-headers", Settings(timeout=1, allow_private=True))
    assert time.monotonic() - started < 2.0


def test_slow_redirect_hops_share_one_deadline(serve_page, local_server):
    serve_page("/article", b"<html><body><p>moved here</p></body></html>")
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch_url(local_server + "/hop/5", Settings(timeout=1, allow_private=True))
    assert time.monotonic() - started < 2.0


def test_a_page_that_is_not_html_or_text_is_refused_by_its_content_type(local_server):
    with pytest.raises(FetchError, match="image/svg\\+xml, not an HTML page"):
        fetch_url(local_server + "/svg", Settings(allow_private=True))


def test_a_malformed_redirect_location_is_one_fetch_error(local_server):
    with pytest.raises(FetchError):
        fetch_url(local_server + "/bad-location", Settings(allow_private=True))


@pytest.mark.parametrize("url", ["http://[::1", "http://example.com:99999/", "http://a..b/",
                                 "http://" + "a" * 300 + ".com/", "http:///nohost"])
def test_malformed_urls_are_one_fetch_error(url):
    with pytest.raises(FetchError):
        fetch_url(url, Settings())


def test_the_connection_goes_to_the_address_that_was_checked(monkeypatch):
    """DNS rebinding: the name answers a public address first, then loopback; no second answer is trusted."""
    import socket

    answers = iter(["93.184.216.34", "127.0.0.1", "127.0.0.1", "127.0.0.1"])
    connected = []

    def getaddrinfo(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    def create_connection(address, *args, **kwargs):
        connected.append(address)
        raise OSError("no network in tests")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    with pytest.raises(PrivateAddress):
        fetch_url("http://rebind.example/story", Settings())
    assert connected == []


def test_an_html_page_that_mixes_utf8_with_windows_1252_bytes_is_read_as_a_browser_reads_it():
    page = ('<html><head><meta charset="utf-8"><title>Caf\u00e9</title></head><body><p>'.encode("utf-8")
            + "Die Stra\u00dfe am Fl\u00fcsschen \u201eneu\u201c".encode("cp1252") + b"</p></body></html>")
    document = load_document(page)
    assert "Die Stra\u00dfe am Fl\u00fcsschen \u201eneu\u201c" in document.content
    assert "<title>Caf\u00e9</title>" in document.content


def test_a_page_without_a_declared_charset_in_windows_1252_is_read():
    page = "<html><body><p>Le caf\u00e9 de la gare a ferm\u00e9 \u2013 d\u00e9finitivement.</p></body></html>"
    assert "ferm\u00e9 \u2013 d\u00e9finitivement" in load_document(page.encode("cp1252")).content
