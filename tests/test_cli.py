"""The command line as a user runs it: reports on stdout, one-line errors with non-zero exits."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from conftest import FIXTURES, ROOT

EXAMPLE = ROOT / "examples" / "valencia-floods.txt"


def run_cli(*args: str, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsaudit", *args], input=stdin, capture_output=True,
                          timeout=timeout, cwd=ROOT)


def assert_one_line_error(result: subprocess.CompletedProcess, fragment: str) -> None:
    stderr = result.stderr.decode()
    assert result.returncode != 0
    assert "Traceback" not in stderr
    assert stderr.count("\n") == 1 and stderr.startswith("newsaudit: error:"), stderr
    assert fragment in stderr


def test_check_prints_a_readable_report_for_the_example():
    result = run_cli("check", str(EXAMPLE))
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "The Financial Tides" in out and "Findings" in out and "Claims" in out


def test_json_output_is_valid_against_the_contract(report_schema):
    result = run_cli("check", str(EXAMPLE), "--format", "json")
    data = json.loads(result.stdout)
    jsonschema.validate(data, report_schema)
    assert data["input"]["kind"] == "text"


def test_standard_input_and_out_file_give_the_same_report(tmp_path):
    out = tmp_path / "report.json"
    result = run_cli("check", "-", "--format", "json", "--out", str(out), stdin=EXAMPLE.read_bytes())
    assert result.returncode == 0 and result.stdout == b""
    from_file = json.loads(run_cli("check", str(EXAMPLE), "--format", "json").stdout)
    from_stdin = json.loads(out.read_text())
    assert from_stdin["article"] == from_file["article"]
    assert from_stdin["input"]["source"] == "-"


def test_markdown_output_has_sections():
    out = run_cli("check", str(EXAMPLE), "--format", "md").stdout.decode()
    assert out.startswith("# Audit:") and "## Findings" in out and "## Claims" in out


def test_date_option_overrides_the_inferred_date():
    data = json.loads(run_cli("check", str(EXAMPLE), "--format", "json", "--date", "2024-12-01").stdout)
    assert data["article"]["published"] == "2024-12-01"
    assert "--date" in data["article"]["published_note"]


def test_bad_date_option_is_a_usage_error():
    result = run_cli("check", str(EXAMPLE), "--date", "01/12/2024")
    assert result.returncode == 2 and b"Traceback" not in result.stderr


@pytest.mark.parametrize("content, fragment", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
    ("Caf\u00e9 cr\u00e8me".encode("latin-1") * 50, "UTF-8"),
    (b"<html><body><nav><a href='/'>Home</a><a href='/news'>News</a></nav><footer>(c) 2025</footer></body></html>",
     "no article"),
])
def test_bad_inputs_fail_with_one_line(tmp_path, content, fragment):
    path = tmp_path / "input.bin"
    path.write_bytes(content)
    assert_one_line_error(run_cli("check", str(path)), fragment)


def test_fifty_megabyte_file_is_refused_quickly(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert_one_line_error(run_cli("check", str(path), timeout=30), "limit")


def test_truncated_html_still_gives_the_report_of_what_arrived(tmp_path):
    content = (FIXTURES / "html_clean_article.html").read_bytes()
    path = tmp_path / "cut.html"
    path.write_bytes(content[: len(content) * 2 // 3])
    result = run_cli("check", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    article = json.loads(result.stdout)["article"]
    assert article["headline"] == "City library reopens after two-year renovation"
    assert len(article["text"].split()) >= 20


def test_loopback_url_needs_allow_private(serve_page):
    url = serve_page("/example.html", _example_html())
    assert_one_line_error(run_cli("check", url), "--allow-private")
    result = run_cli("check", url, "--allow-private", "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["input"]["kind"] == "url" and data["article"]["url"]


def test_url_that_never_answers_in_time_fails_with_one_line(local_server):
    assert_one_line_error(run_cli("check", local_server + "/slow", "--allow-private", "--timeout", "1"), "timed out")


def test_endless_body_fails_with_one_line(local_server):
    result = run_cli("check", local_server + "/endless", "--allow-private", "--max-bytes", "2000000")
    assert_one_line_error(result, "limit")


def _example_html() -> bytes:
    paragraphs = "".join(f"<p>{line}</p>" for line in EXAMPLE.read_text().split("\n\n")[3:8])
    return (f"<!DOCTYPE html><html><head><title>Floods</title></head><body><article><h1>Valencia floods</h1>"
            f"{paragraphs}</article></body></html>").encode()


def test_a_users_outlet_table_extends_the_bundled_one(tmp_path):
    table = tmp_path / "outlets.csv"
    table.write_text("name,domain,country,aliases\nThe Millbrook Courier,millbrookcourier.com,US,\n", encoding="utf-8")
    page = str(FIXTURES / "text_local_news.txt")
    args = ("check", page, "--format", "json", "--url", "https://millbrookcourier-news.com/levee")
    plain = json.loads(run_cli(*args).stdout)
    extended = json.loads(run_cli(*args, "--outlets", str(table)).stdout)
    codes = lambda report: [f["code"] for f in report["findings"]]  # noqa: E731
    assert "outlet.impersonation" not in codes(plain)
    assert "outlet.impersonation" in codes(extended)


def test_a_malformed_extra_table_is_a_one_line_error(tmp_path):
    table = tmp_path / "anchors.csv"
    table.write_text("key,label\nx,y\n", encoding="utf-8")
    result = run_cli("check", str(EXAMPLE), "--anchors", str(table))
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert result.stderr.decode().count("\n") == 1 and "columns" in result.stderr.decode()


PORTUGUESE = ("O governo anunciou ontem que a ponte ser\u00e1 reaberta em mar\u00e7o, depois de dois anos de obras "
              "que custaram mais do que o previsto para a cidade e os moradores da regi\u00e3o. ") * 5


def test_an_article_in_another_language_is_audited_and_says_what_did_not_run(tmp_path):
    path = tmp_path / "ponte.txt"
    path.write_text(PORTUGUESE, encoding="utf-8")
    result = run_cli("check", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["article"]["language"] == "pt"
    stages = {stage["name"]: stage for stage in data["stages"]}
    assert stages["claims"]["status"] == "skipped" and "(pt)" in stages["claims"]["reason"]
    assert stages["structure"]["status"] == "ran" and stages["checks"]["status"] == "partial"
    assert any(note.startswith("claims: not run") for note in data["notes"])


def _lists_dir(root):
    folder = root / "opensources"
    folder.mkdir(parents=True)
    (folder / "sources.csv").write_text(",type,2nd type,3rd type,notes,\nhoaxdaily-example.com,fake,,,,\n",
                                        encoding="utf-8")
    return root


def test_lists_option_reads_the_users_site_lists(tmp_path):
    lists = _lists_dir(tmp_path / "lists")
    page = str(FIXTURES / "text_local_news.txt")
    args = ("check", page, "--format", "json", "--url", "https://www.hoaxdaily-example.com/levee")
    plain = json.loads(run_cli(*args).stdout)
    listed = json.loads(run_cli(*args, "--lists", str(lists)).stdout)
    codes = lambda report: [f["code"] for f in report["findings"]]  # noqa: E731
    assert "site.unreliable_list" not in codes(plain)
    [finding] = [f for f in listed["findings"] if f["code"] == "site.unreliable_list"]
    assert "OpenSources" in finding["message"] and "LGPL-3.0" in json.dumps(finding["evidence"])
    assert any("not found in" in note for note in listed["notes"])  # the other lists are absent


def test_a_lists_folder_without_lists_is_a_one_line_error(tmp_path):
    assert_one_line_error(run_cli("check", str(EXAMPLE), "--lists", str(tmp_path)), "none of the site lists")
