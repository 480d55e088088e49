"""Tiny articles written for these tests, and writers of each batch input kind from them."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path


ARTICLES = [
    {
        "url": "https://www.example-gazette.org/2024/03/11/harbour-bridge-repairs",
        "headline": "Harbour bridge repairs will take another two years",
        "body": [
            "Repairs to the old harbour bridge in Portsmouth will take until 2026, the city council said on "
            "Monday, a year later than it had planned.",
            "\"We found more corrosion in the steel than anyone expected,\" said Dana Whitfield, the council's "
            "head of transport, adding that the cost had risen to 14 million pounds.",
            "About 9,000 vehicles crossed the bridge each day before one lane was closed in 2022.",
        ],
    },
    {
        "url": "https://news.example-courier.net/local/library-hours",
        "headline": "Town library extends its weekend opening hours",
        "body": [
            "The public library in Ashford will open on Sundays from next month, after 1,200 residents signed a "
            "petition asking for longer weekend hours.",
            "Librarian Omar Haddad said the change would cost about 30,000 pounds a year and be paid for by a "
            "grant from the county.",
        ],
    },
    {
        "url": "https://example-daily.com/sport/rowing-club-title",
        "headline": "Rowing club wins its first national title in 40 years",
        "body": [
            "The Riverside Rowing Club won the national eights final in Nottingham on Saturday, its first title "
            "since 1984.",
            "Coach Helen Brandt said the crew had trained six days a week since January. \"They earned every "
            "metre of it,\" she said.",
        ],
    },
    {
        "url": "https://www.example-tribune.org/weather/storm-warning",
        "headline": "Storm warning issued for the northern coast",
        "body": [
            "Forecasters issued an amber warning for wind on Thursday as a storm approached the coast near "
            "Aberdeen, with gusts of up to 80 miles per hour expected.",
            "Ferry operators cancelled 12 sailings and the rail company said some services would run at "
            "reduced speed.",
        ],
    },
]


def as_text(article: dict) -> str:
    return article["headline"] + "\n\n" + "\n\n".join(article["body"]) + "\n"


def as_html(article: dict) -> str:
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in article["body"])
    return (f"<!doctype html><html><head><title>{article['headline']}</title>"
            f"<link rel=\"canonical\" href=\"{article['url']}\"></head><body><article>"
            f"<h1>{article['headline']}</h1>{paragraphs}</article></body></html>")


def jsonl_records() -> list[dict]:
    return [
        {"url": ARTICLES[0]["url"], "html": as_html(ARTICLES[0]), "published": "2024-03-11", "outlet": "Example Gazette"},
        {"url": ARTICLES[1]["url"], "text": as_text(ARTICLES[1]), "published": "2024-05-02T08:30:00Z"},
        {"url": ARTICLES[2]["url"], "text": as_text(ARTICLES[2]), "outlet": "Example Daily"},
    ]


def write_warc(path: Path, articles: list[dict], *, extra: bool = True) -> Path:
    """A gzipped WARC: a request and a response per page, plus an image and a redirect batch must skip."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for article in articles:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(article["url"], "request", http_headers=request))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            body = io.BytesIO(as_html(article).encode("utf-8"))
            writer.write_record(writer.create_warc_record(article["url"], "response", payload=body,
                                                          http_headers=headers))
        if extra:
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record("https://example.org/logo.png", "response",
                                                          payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(64)),
                                                          http_headers=image))
            moved = StatusAndHeaders("301 Moved Permanently", [("Location", "https://example.org/b"),
                                                               ("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record("https://example.org/a", "response",
                                                          payload=io.BytesIO(b"<html>moved</html>"),
                                                          http_headers=moved))
    return path


def gunzip_to(path: Path, target: Path) -> Path:
    target.write_bytes(gzip.decompress(path.read_bytes()))
    return target
