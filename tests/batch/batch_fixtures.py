"""Fixtures: each batch input kind, made in a temporary folder from the articles of batchdata.

Imported by the batch test modules (not a conftest.py: a second module named ``conftest`` would
replace the root one that other tests import from).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from batchdata import ARTICLES, as_html, as_text, jsonl_records, write_warc


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two HTML pages and two text files, one of them in a subfolder, and a file batch ignores."""
    root = tmp_path / "pages"
    (root / "more").mkdir(parents=True)
    (root / "a.html").write_text(as_html(ARTICLES[0]), encoding="utf-8")
    (root / "b.htm").write_text(as_html(ARTICLES[1]), encoding="utf-8")
    (root / "c.txt").write_text(as_text(ARTICLES[2]), encoding="utf-8")
    (root / "more" / "d.txt").write_text(as_text(ARTICLES[3]), encoding="utf-8")
    (root / "notes.md").write_text("not an article", encoding="utf-8")
    return root




@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "crawl.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in jsonl_records()), encoding="utf-8")
    return path


@pytest.fixture
def parquet(tmp_path: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = jsonl_records()
    table = pa.Table.from_pylist([{name: record.get(name) for name in ("url", "html", "text", "published", "outlet")}
                                  for record in records])
    path = tmp_path / "crawl.parquet"
    pq.write_table(table, path)
    return path




@pytest.fixture
def warc(tmp_path: Path) -> Path:
    return write_warc(tmp_path / "crawl.warc.gz", ARTICLES[:3])

