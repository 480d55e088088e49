"""Batch runs in this process over each input kind: what is stored, what is skipped, what is refused."""

from __future__ import annotations

import duckdb
import pytest

from newsaudit import Settings
from newsaudit.batch import run_batch
from newsaudit.batch.store import TABLES
from newsaudit.model import article_id
from newsaudit.reference.resources import default_resources

from batchdata import ARTICLES, as_text
from batch_fixtures import folder, jsonl, parquet, warc  # noqa: F401 - pytest fixtures


def run(sources, store, **options):
    return run_batch([str(source) for source in sources], store, resources=default_resources(), **options)


def query(store, sql):
    con = duckdb.connect(str(store), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def stored_rows(store) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without the times they were stored at."""
    rows = {}
    for table in TABLES:
        columns = [column.name for column in table.columns if column.name != "stored_at"]
        rows[table.name] = query(store, f"select {', '.join(columns)} from {table.name} order by all")
    return rows


@pytest.mark.parametrize("kind", ["folder", "jsonl", "warc", "parquet"])
def test_each_input_kind_is_audited_into_the_store(kind, request, tmp_path):
    source = request.getfixturevalue(kind)
    store = tmp_path / "corpus.duckdb"
    summary = run([source], store)
    expected = 4 if kind == "folder" else 3
    assert (summary.inputs, summary.audited, summary.errors) == (expected, expected, 0)
    articles = query(store, "select article_id, report->>'$.input.article_id', url, headline, input_format "
                            "from articles order by input_ref")
    assert len(articles) == expected
    assert all(stored == in_report for stored, in_report, *_ in articles)
    assert {row[3] for row in articles} <= {article["headline"] for article in ARTICLES}
    assert query(store, "select count(*) from claims where article_id not in (select article_id from articles)") == [(0,)]
    assert query(store, "select count(*) from claims")[0][0] >= expected
    if kind != "folder":
        assert {row[2] for row in articles} == {article["url"] for article in ARTICLES[:3]}


def test_the_article_id_is_the_model_s_stable_id(folder, tmp_path):
    store = tmp_path / "corpus.duckdb"
    run([folder / "c.txt"], store)
    text = (folder / "c.txt").read_text(encoding="utf-8")
    assert query(store, "select article_id from articles") == [(article_id(text),)]


def test_crawl_dates_and_outlets_are_kept_beside_what_newsaudit_found(jsonl, tmp_path):
    store = tmp_path / "corpus.duckdb"
    run([jsonl], store)
    rows = dict(query(store, "select url, [input_published, input_outlet, published] from articles"))
    assert rows[ARTICLES[0]["url"]] == ["2024-03-11", "Example Gazette", "2024-03-11"]
    assert rows[ARTICLES[1]["url"]][0] == "2024-05-02T08:30:00Z" and rows[ARTICLES[1]["url"]][2] == "2024-05-02"


def test_inputs_mix_and_a_rerun_skips_everything_stored(folder, jsonl, warc, tmp_path):
    store = tmp_path / "corpus.duckdb"
    first = run([folder, jsonl, warc], store)
    before = stored_rows(store)
    second = run([folder, jsonl, warc], store)
    assert first.inputs == second.inputs == 10 and second.skipped == 10 and second.audited == 0
    assert stored_rows(store) == before
    # the same HTML at the same URL in the JSONL and the WARC is one article; the folder's files have
    # no URL and the JSONL's text is not the WARC's HTML, so those are others. The ledger keeps all ten.
    assert query(store, "select count(*), count(distinct article_id) from inputs") == [(10, 9)]
    assert (first.audited, first.duplicates) == (9, 1)
    (duplicate, first_seen), = query(store, "select i.input_ref, a.input_ref from inputs i join articles a "
                                            "using (article_id) where i.status = 'duplicate'")
    assert duplicate.startswith(f"{warc}#<urn:uuid:") and first_seen == f"{jsonl}#1"
    assert query(store, "select count(*) from articles") == [(9,)]


def test_a_failing_record_is_an_errors_row_and_the_batch_goes_on(folder, tmp_path):
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text('{"text": "Too short."}\n{oops\n{"text": "%s", "published": "last Tuesday"}\n'
                     % as_text(ARTICLES[3]).replace("\n", "\\n").replace('"', '\\"'), encoding="utf-8")
    store = tmp_path / "corpus.duckdb"
    summary = run([folder, crawl], store)
    errors = {ref.rsplit("/", 1)[-1]: code for ref, code in query(store, "select input_ref, code from errors")}
    assert errors["empty.txt"] == "input.empty" and errors["image.html"] == "input.binary"
    assert errors["crawl.jsonl#2"] == "input.invalid" and errors["crawl.jsonl#3"] == "config.invalid"
    assert summary.audited == 4 + ("crawl.jsonl#1" not in errors)
    assert summary.errors == len(errors)
    assert all("\n" not in message for (message,) in query(store, "select message from errors"))
    rerun = run([folder, crawl], store)
    assert rerun.skipped == summary.inputs and query(store, "select count(*) from errors") == [(len(errors),)]


def test_limit_reads_the_first_records_and_a_rerun_with_more_goes_on(jsonl, parquet, tmp_path):
    store = tmp_path / "corpus.duckdb"
    assert run([jsonl, parquet], store, limit=2).inputs == 2
    assert query(store, "select count(*) from inputs") == [(2,)]
    more = run([jsonl, parquet], store, limit=4)
    assert (more.skipped, more.audited + more.duplicates) == (2, 2)


def test_two_workers_store_the_same_rows_as_one(folder, tmp_path):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    run([folder], one)
    run([folder], two, workers=2, settings=Settings())
    assert stored_rows(one) == stored_rows(two)


def test_parquet_export_has_every_table(folder, tmp_path):
    store, out = tmp_path / "corpus.duckdb", tmp_path / "parquet"
    summary = run([folder], store, parquet=out)
    assert sorted(path.rsplit("/", 1)[1] for path in summary.parquet) == sorted(f"{t.name}.parquet" for t in TABLES)
    assert query(store, f"select count(*) from '{out}/articles.parquet'") == [(4,)]
