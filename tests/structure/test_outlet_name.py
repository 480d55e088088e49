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


def test_a_users_outlet_table_names_an_outlet_the_bundled_one_does_not_know(tmp_path):
    from newsaudit.reference.outlets import load_outlets

    table = tmp_path / "outlets.csv"
    table.write_text("name,domain,country,aliases\nThe Millbrook Courier,millbrookcourier.com,US,\n", encoding="utf-8")
    url = "https://www.millbrookcourier.com/news/bridge/"
    document = Document(source="page.html", kind="html", input_kind="html", sha256="0", url=url,
                        content=_page("https://www.millbrookcourier.com"))
    assert build_article(document).outlet is None  # an address the bundled table does not know names no one
    assert build_article(document, outlets=load_outlets(extra_path=table)).outlet == "The Millbrook Courier"
