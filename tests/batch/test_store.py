"""The store's tables, read defensively from report dicts of today and of later releases."""

from __future__ import annotations

import datetime

import duckdb
import pytest

from newsaudit.batch.store import TABLES, Outcome, Store, describe_tables
from newsaudit.errors import ConfigError, InputError

REPORT = {
    "tool": {"name": "newsaudit", "version": "0.1.0"},
    "input": {"source": "a.html", "kind": "html", "sha256": "ab" * 32, "article_id": "f" * 32},
    "article": {"outlet": "Example Gazette", "domain": "example-gazette.org", "url": "https://example-gazette.org/a",
                "headline": "Bridge repairs", "byline": "By A. Writer", "published": "2024-03-11",
                "published_source": "metadata", "text": "Repairs will take two years.", "language": "en"},
    "claims": [{"id": "c1", "text": "Repairs will take two years.", "start": 0, "end": 28, "checkworthy": 0.7,
                "speaker": {"name": "Dana Whitfield", "role": "head of transport"}, "source": None,
                "quantities": [{}], "times": [], "places": [{"text": "Portsmouth", "name": "Portsmouth", "country": "GB",
                                                            "lat": 50.8, "lon": -1.09, "geonames_id": 2639996,
                                                            "char_start": 3, "char_end": 13, "kind": "city"}]}],
    "quotes": [{"text": "We found more corrosion", "speaker": "Dana Whitfield", "cue": "said", "direct": True,
                "start": 0, "end": 23, "role": "head of transport"}],
    "findings": [{"code": "byline.missing", "severity": "low", "message": "No byline.",
                  "evidence": [{"text": "Bridge repairs", "where": "headline", "start": 0, "end": 14}],
                  "refs": [{"source": "outlets.csv", "detail": None}]}],
    "scores": {"provenance": 90.0, "consistency": 100},
    "notes": ["a note"],
}


def outcome(report=REPORT, ref="a.html", article_id="f" * 32, **extra):
    return Outcome(input_ref=ref, input_format="dir", article_id=article_id, report=report, **extra)


def rows(report: dict) -> dict[str, list[tuple]]:
    return {table.name: table.rows(outcome(report)) for table in TABLES}


def test_every_table_is_declared_once_with_a_row_width_matching_its_columns():
    produced = rows(REPORT)
    for table in TABLES:
        assert all(len(row) == len(table.columns) for row in produced[table.name]), table.name
    assert [name for name, table_rows in produced.items() if table_rows] == [
        "inputs", "articles", "claims", "quotes", "places", "findings"]
    assert "`findings`" in describe_tables() and "`report` JSON" in describe_tables()


def test_fields_a_report_does_not_have_yet_are_null_or_no_rows():
    bare = {"input": {}, "article": {"text": ""}}
    produced = rows(bare)
    assert produced["claims"] == produced["quotes"] == produced["places"] == produced["findings"] == []
    article = dict(zip([column.name for column in TABLES[1].columns], produced["articles"][0]))
    assert article["language"] is None and article["stages"] is None and article["score_provenance"] is None


def test_fields_being_added_are_read_when_they_land():
    later = {**REPORT, "places": [{"text": "Hampshire", "name": "Hampshire", "kind": "region", "country": "GB"}],
             "quotes": [{**REPORT["quotes"][0], "kind": "direct"}], "stages": ["structure", {"name": "claims"}]}
    produced = rows(later)
    places = [(row[2], row[3]) for row in produced["places"]]
    assert places == [(None, "Hampshire"), ("c1", "Portsmouth")]
    assert produced["quotes"][0][7] == "direct"
    article = dict(zip([column.name for column in TABLES[1].columns], produced["articles"][0]))
    assert article["stages"] == ["structure", "claims"]


def test_a_record_is_stored_whole_once_and_typed(tmp_path):
    path = tmp_path / "corpus.duckdb"
    with Store(path) as store:
        assert store.write(outcome()) == "audited"
        assert store.write(outcome(ref="copy.html")) == "duplicate"
        assert store.write(Outcome(input_ref="bad.txt", input_format="dir", article_id=None,
                                   error_code="input.empty", error_message="input is empty")) == "error"
        assert store.done() == {("a.html", "f" * 32), ("copy.html", "f" * 32), ("bad.txt", "")}
        store.export_parquet(tmp_path / "pq")
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("select code, count(*) from findings group by 1").fetchall() == [("byline.missing", 1)]
    assert con.execute("select published_date, score_consistency, report->>'$.article.outlet' from articles").fetchall() \
        == [(datetime.date(2024, 3, 11), 100.0, "Example Gazette")]
    assert con.execute("select count(*) from articles").fetchone() == (1,)
    assert con.execute("select input_ref, code from errors").fetchall() == [("bad.txt", "input.empty")]
    assert con.execute("select lat, geonames_id from places").fetchall() == [(50.8, 2639996)]
    for table in TABLES:
        parquet = con.execute(f"select count(*) from '{tmp_path / 'pq' / (table.name + '.parquet')}'").fetchone()
        assert parquet == con.execute(f"select count(*) from {table.name}").fetchone(), table.name


def test_a_failed_write_leaves_nothing_of_the_record(tmp_path):
    two_claims = {**REPORT, "claims": [{"id": "c1"}, {"id": "c2"}]}
    with Store(tmp_path / "corpus.duckdb") as store:  # the second claim row breaks an index made to fail
        store.con.execute("CREATE UNIQUE INDEX one_claim_per_article ON claims(article_id)")
        with pytest.raises(duckdb.ConstraintException):
            store.write(outcome(two_claims))
        assert store.counts() == {table.name: 0 for table in TABLES}


def test_a_store_that_is_not_a_duckdb_file_is_refused_in_one_line(tmp_path):
    not_duckdb = tmp_path / "corpus.duckdb"
    not_duckdb.write_text("hello, I am text\n" * 100)
    with pytest.raises(ConfigError) as raised:
        Store(not_duckdb)
    assert "\n" not in str(raised.value)
    with pytest.raises(InputError, match="is a directory"):
        Store(tmp_path)
