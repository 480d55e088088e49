"""Batch audits of crawls into an embedded store: ``newsaudit batch INPUT... --store corpus.duckdb``.

- ``inputs``: what an INPUT is (a folder, JSONL, WARC, Parquet) and its records;
- ``store``: the DuckDB tables, declared once, and the one-transaction-a-record writes;
- ``engines``: where the audits run (this process, a process pool, Ray Data);
- ``run``: the run itself, resumable, and its summary.
"""

from __future__ import annotations

from .run import Summary, run_batch
from .store import TABLES, Store

__all__ = ["Summary", "TABLES", "Store", "run_batch"]
