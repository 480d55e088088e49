"""A batch killed with SIGKILL mid-run, then run again, stores every input exactly once."""

from __future__ import annotations

import os
import re
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

from batchdata import ARTICLES, as_text
from test_batch import run, stored_rows
from batch_fixtures import folder, jsonl, warc  # noqa: F401 - pytest fixtures

PROGRESS = re.compile(r"newsaudit: batch: (\d+) of (\d+) inputs")


def command(sources, store, *options):
    return [sys.executable, "-m", "newsaudit", "batch", *map(str, sources), "--store", str(store), "--no-progress",
            *options]


def run_until(sources, store, *options, kill_after_handled: int, delay: float) -> str:
    """Start a batch; once a progress line shows ``kill_after_handled`` inputs handled, wait ``delay``
    seconds and SIGKILL it and its workers. Returns its stderr (the run may have finished first)."""
    process = subprocess.Popen(command(sources, store, *options), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               text=True, start_new_session=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    selector = selectors.DefaultSelector()
    selector.register(process.stderr, selectors.EVENT_READ)
    seen, deadline = [], time.monotonic() + 120
    try:
        while time.monotonic() < deadline and process.poll() is None:
            if not selector.select(timeout=0.5):
                continue
            line = process.stderr.readline()
            seen.append(line)
            handled = PROGRESS.search(line)
            if handled and int(handled.group(1)) >= kill_after_handled:
                time.sleep(delay)
                os.killpg(process.pid, signal.SIGKILL)
                break
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        seen += process.stderr.readlines()
        selector.close()
    return "".join(seen)


EXTRA_PAGES = 40  # enough audits that a kill right after the first progress line lands mid-run


def more_pages(folder: Path) -> Path:
    """``EXTRA_PAGES`` distinct flattened articles: the fixture kinds alone finish in a second."""
    root = folder / "extra"
    root.mkdir()
    for n in range(EXTRA_PAGES):
        article = ARTICLES[n % len(ARTICLES)]
        text = as_text(article).replace("\n\n", f"\n\nPage {n} of the harbour series, filed {n + 1} May.\n\n", 1)
        (root / f"page-{n:02d}.txt").write_text(text, encoding="utf-8")
    return root


def test_a_batch_killed_mid_run_and_run_again_stores_every_input_once(folder, jsonl, warc, tmp_path):
    sources = [folder, jsonl, warc, more_pages(tmp_path)]
    total = 10 + EXTRA_PAGES
    store = tmp_path / "corpus.duckdb"
    killed = run_until(sources, store, kill_after_handled=1, delay=0.3)
    assert "Traceback" not in killed
    finished = subprocess.run(command(sources, store), capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    counts = re.search(rf"{total} inputs: (\d+) audited, (\d+) duplicates, 0 errors, (\d+) already stored",
                       finished.stdout)
    assert counts, finished.stdout
    audited, duplicates, skipped = map(int, counts.groups())
    assert 1 <= skipped < total and audited + duplicates + skipped == total, "the kill did not come mid-run"

    clean = tmp_path / "clean.duckdb"
    run(sources, clean)
    resumed = stored_rows(store)
    assert len(resumed["inputs"]) == total and len({row[0] for row in resumed["inputs"]}) == total
    assert resumed == stored_rows(clean)
