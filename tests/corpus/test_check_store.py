"""``newsaudit check ARTICLE --store corpus.duckdb``: one article audited against a batch's store,
as a user runs it (a subprocess), and the one-line errors for a store that is not one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from newsaudit import codes

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "articles.json"

duckdb = pytest.importorskip("duckdb")


def run_cli(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsaudit", *args], capture_output=True, timeout=timeout, cwd=ROOT)


def assert_one_line_error(result: subprocess.CompletedProcess, fragment: str) -> None:
    stderr = result.stderr.decode()
    assert result.returncode != 0 and "Traceback" not in stderr
    assert stderr.count("\n") == 1 and stderr.startswith("newsaudit: error:"), stderr
    assert fragment in stderr, stderr


def articles() -> list[dict]:
    return json.loads(CORPUS.read_text(encoding="utf-8"))["articles"]


def the(story: str, outlet: str) -> dict:
    return next(a for a in articles() if a["story"] == story and a["outlet"] == outlet)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """A store batched from every fixture article except the Daily Meridian's ferry story."""
    from newsaudit.batch.run import run_batch

    folder = tmp_path_factory.mktemp("store")
    records = folder / "crawl.jsonl"
    left_out = the("ferry", "Daily Meridian")
    records.write_text("".join(json.dumps({k: a[k] for k in ("text", "url", "published")}) + "\n"
                               for a in articles() if a != left_out), encoding="utf-8")
    run_batch([str(records)], folder / "corpus.duckdb")
    return folder / "corpus.duckdb"


def check_json(article: dict, store: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    page = tmp_path / "article.txt"
    page.write_text(article["text"], encoding="utf-8")
    return run_cli("check", str(page), "--url", article["url"], "--date", article["published"],
                   "--store", str(store), "--format", "json")


def test_an_article_is_checked_against_the_stores_articles_on_its_story(store, tmp_path, report_schema):
    result = check_json(the("ferry", "Daily Meridian"), store, tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(result.stdout)
    jsonschema.validate(report, report_schema)
    corpus = [f for f in report["findings"] if f["code"].startswith("claim.co")]
    contradicted = [f for f in corpus if f["code"] == codes.CLAIM_CONTRADICTED_ELSEWHERE]
    toll = next(f for f in contradicted if "224" in f["message"])  # 216 here, 224 in the other two
    assert toll["severity"] == "medium"
    own, theirs = toll["evidence"]
    assert own["where"] == "body" and report["article"]["text"][own["start"]:own["end"]] == own["text"]
    assert "216" in own["text"]
    assert theirs["where"] == "corpus" and "224" in theirs["text"]
    outlet, _day, url = toll["refs"][0]["detail"].split(", ")[:3]
    assert outlet in ("Harbor Gazette", "Coastal Courier") and url.startswith("https://www.")
    assert any("said by" in f["message"] for f in contradicted)  # the quote given to another speaker
    assert any("2 of the" in note and "same story" in note for note in report["notes"])


def test_an_article_of_no_stored_story_gets_no_corpus_finding_and_a_note(store, tmp_path):
    unrelated = {"text": "Harbor Gazette\n\nLibrary opens a new reading room\n\nThe public library of Vantessa "
                         "opened a reading room for children on Monday, with 1,200 new books donated by residents. "
                         "Librarian Marta Quell said the room would open every afternoon.\n",
                 "url": "https://www.harborgazette.example/news/99", "published": "2025-04-14"}
    result = check_json(unrelated, store, tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(result.stdout)
    assert not [f for f in report["findings"] if f["code"].startswith("claim.co")]
    assert any("none of the" in note for note in report["notes"])


def test_a_stored_article_checked_again_without_its_address_does_not_corroborate_itself(store, tmp_path):
    article = the("ferry", "Harbor Gazette")  # stored, with its URL
    page = tmp_path / "article.txt"
    page.write_text(article["text"], encoding="utf-8")
    result = run_cli("check", str(page), "--date", article["published"], "--store", str(store), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(result.stdout)
    corpus = [f for f in report["findings"] if f["code"].startswith("claim.co")]
    assert corpus and all("Harbor Gazette" not in ref["detail"] for f in corpus for ref in f["refs"])


def test_a_missing_store_is_a_one_line_error(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text(the("quake", "Harbor Gazette")["text"], encoding="utf-8")
    assert_one_line_error(run_cli("check", str(page), "--store", str(tmp_path / "nowhere.duckdb")), "does not exist")


@pytest.mark.parametrize("make, fragment", [
    (lambda path: path.write_text("not a database\n"), "not a DuckDB file"),
    (lambda path: duckdb.connect(str(path)).execute("CREATE TABLE t (x INTEGER)").close(), "not a newsaudit store"),
    (lambda path: path.mkdir(), "is a directory"),
])
def test_a_file_that_is_not_a_store_is_a_one_line_error(tmp_path, make, fragment):
    page, path = tmp_path / "a.txt", tmp_path / "store.duckdb"
    page.write_text(the("quake", "Harbor Gazette")["text"], encoding="utf-8")
    make(path)
    assert_one_line_error(run_cli("check", str(page), "--store", str(path)), fragment)
