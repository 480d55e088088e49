"""What each INPUT is, and the records read from it, without auditing anything."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsaudit.batch.inputs import open_input, sniff
from newsaudit.errors import InputError
from newsaudit.settings import Settings

from batchdata import ARTICLES, gunzip_to, write_warc
from batch_fixtures import folder, jsonl, parquet, warc  # noqa: F401 - pytest fixtures

SETTINGS = Settings()


def refs(source: Path) -> list[str]:
    return [record.ref for record in open_input(str(source), SETTINGS).records()]


def test_each_kind_is_told_from_its_content_not_its_name(folder, jsonl, parquet, warc, tmp_path):
    renamed = tmp_path / "crawl.data"
    renamed.write_bytes(warc.read_bytes())
    kinds = {path: open_input(str(path), SETTINGS).format
             for path in (folder, jsonl, parquet, warc, renamed, folder / "a.html")}
    assert kinds == {folder: "dir", jsonl: "jsonl", parquet: "parquet", warc: "warc", renamed: "warc",
                     folder / "a.html": "file"}
    assert gunzip_to(warc, tmp_path / "plain.warc") and open_input(str(tmp_path / "plain.warc"), SETTINGS).format == "warc"
    assert sniff(b"PAR1....") == "parquet" and sniff(b"\n{\"url\": 1}") == "jsonl" and sniff(b"<html>") is None


def test_a_directory_gives_its_article_files_in_path_order(folder):
    assert [Path(ref).name for ref in refs(folder)] == ["a.html", "b.htm", "c.txt", "d.txt"]
    kinds = [record.kind for record in open_input(str(folder), SETTINGS).records()]
    assert kinds == ["html", "html", "text", "text"]


def test_jsonl_and_parquet_records_carry_what_the_crawl_said(jsonl, parquet):
    for source in (jsonl, parquet):
        records = list(open_input(str(source), SETTINGS).records())
        assert [record.ref for record in records] == [f"{source}#{n}" for n in (1, 2, 3)]
        assert [record.kind for record in records] == ["html", "text", "text"]
        assert records[0].url == ARTICLES[0]["url"] and records[0].outlet == "Example Gazette"
        assert records[1].published == "2024-05-02T08:30:00Z" and records[2].published is None
        assert open_input(str(source), SETTINGS).count() == 3


def test_warc_gives_html_responses_only_with_their_record_ids(warc):
    records = list(open_input(str(warc), SETTINGS).records())
    assert [record.url for record in records] == [article["url"] for article in ARTICLES[:3]]
    assert all(record.ref.startswith(f"{warc}#<urn:uuid:") for record in records)
    assert all(record.input_kind == "warc" and record.charset == "utf-8" for record in records)
    document = records[0].document(SETTINGS)
    assert document.kind == "html" and ARTICLES[0]["headline"] in document.content


def test_a_bad_line_is_that_record_s_error_and_the_rest_is_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines = ['{"url": "https://example.org/1", "text": "One."}', "{not json", '{"url": "https://example.org/2"}',
             "", '["a list"]', '{"text": "Two.", "published": 20240101}', '{"html": "<p>Three.</p>"}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = list(open_input(str(path), SETTINGS).records())
    errors = {record.ref.rsplit("#", 1)[1]: str(record.error) for record in records if record.error}
    assert set(errors) == {"2", "3", "5", "6"}
    assert "not a JSON object" in errors["2"] and "no html or text" in errors["3"]
    assert "must be a string" in errors["6"]
    assert [record.ref.rsplit("#", 1)[1] for record in records if not record.error] == ["1", "7"]


def test_a_truncated_warc_keeps_what_came_before_and_says_where_it_broke(tmp_path):
    whole = write_warc(tmp_path / "whole.warc.gz", ARTICLES[:2], extra=False).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) - 40])
    records = list(open_input(str(cut), SETTINGS).records())
    assert records[0].error is None and records[0].url == ARTICLES[0]["url"]
    assert records[-1].error is not None and "truncated or corrupt" in str(records[-1].error)


def test_parquet_without_a_body_column_is_a_one_line_input_error(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "urls.parquet"
    pq.write_table(pa.Table.from_pylist([{"url": "https://example.org/1"}]), path)
    with pytest.raises(InputError, match="no html or text column"):
        list(open_input(str(path), SETTINGS).records())


@pytest.mark.parametrize("name, content, message", [
    ("missing", None, "no such file or directory"),
    ("notes.md", b"# notes", "cannot tell what"),
])
def test_what_cannot_be_an_input_is_refused_in_one_line(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=message) as raised:
        open_input(str(path), SETTINGS)
    assert "\n" not in str(raised.value)


def test_a_corrupt_parquet_file_is_a_one_line_input_error(tmp_path):
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1" + json.dumps({"x": 1}).encode())
    with pytest.raises(InputError, match="cannot be read as Parquet"):
        list(open_input(str(path), SETTINGS).records())
