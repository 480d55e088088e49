"""The outlet's name: the outlet table's spelling when the page gives an address or runs the words together."""

from __future__ import annotations

import pytest

from newsaudit.ingest import Document
from newsaudit.structure import build_article

BODY = "".join(f"<p>The council met on day {n} to discuss the river bridge, its cost and the repairs it needs.</p>"
               for n in range(1, 6))


def _page(site_name: str) -> str:
    return (f'<html><head><title>Bridge repairs approved</title><meta property="og:site_name" content="{site_name}">'
            f"</head><body><article><h1>Bridge repairs approved</h1>{BODY}</article></body></html>")


@pytest.mark.parametrize("site_name, url, outlet", [
    ("usatoday", "https://www.usatoday.com/story/news/bridge/", "USA Today"),       # the words run together
    ("https://www.usatoday.com", "https://www.usatoday.com/story/news/bridge/", "USA Today"),  # an address
    ("https://www.example-herald.in", "https://www.example-herald.in/news/bridge/", None),    # unknown: no name
    ("The Riverside Ledger", "https://www.usatoday.com/story/news/bridge/", "The Riverside Ledger"),  # its own
])
def test_the_outlet_table_spells_a_run_together_or_address_name(site_name, url, outlet):
    document = Document(source="page.html", kind="html", input_kind="html", content=_page(site_name), sha256="0", url=url)
    assert build_article(document).outlet == outlet
