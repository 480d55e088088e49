"""Dataset readers on tiny datasets written here, the "missing" path, and the shared data when present."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from newsaudit.eval.__main__ import MISSING, main, render_markdown, run_evaluation
from newsaudit.eval.datasets import (
    DatasetMissing, WarLossRow, check_war_losses, date_of_day, day_of_invasion, load_article_extraction,
    load_war_losses,
)

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
BODY = ("The river rose two metres overnight and the council opened three shelters. "
        "Residents of the lower town were told to leave before noon, the mayor said. ") * 3


def _page_html(body: str) -> str:
    return (f"<html><head><title>River rises</title></head><body><nav>Home | World | Sport</nav>"
            f"<article><h1>River rises</h1><p>{body}</p></article><footer>Contact us</footer></body></html>")


def write_extraction_dataset(root: Path, bodies: dict[str, str]) -> Path:
    folder = root / "article_extraction"
    (folder / "html").mkdir(parents=True)
    truth = {}
    for page_id, body in bodies.items():
        with gzip.open(folder / "html" / f"{page_id}.html.gz", "wt", encoding="utf-8") as handle:
            handle.write(_page_html(body))
        truth[page_id] = {"articleBody": body, "url": f"https://www.example-{page_id}.org/news/river"}
    (folder / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return folder


def write_war_losses(root: Path, personnel: list[tuple[str, int, int]]) -> Path:
    folder = root / "ua_war_losses"
    folder.mkdir(parents=True)
    rows = [{"date": day, "day": number, "personnel": count, "personnel*": "about"} for day, number, count in personnel]
    (folder / "russia_losses_personnel.json").write_text(json.dumps(rows), encoding="utf-8")
    equipment = [{"date": day, "day": number, "tank": 10 + number} for day, number, _count in personnel]
    (folder / "russia_losses_equipment.json").write_text(json.dumps(equipment), encoding="utf-8")
    return folder


def test_reader_ungzips_pages_and_pairs_them_with_their_ground_truth(tmp_path):
    folder = write_extraction_dataset(tmp_path, {"b2": BODY, "a1": "Short body."})
    pages = load_article_extraction(folder)
    assert [page.id for page in pages] == ["a1", "b2"]
    assert pages[1].article_body == BODY and BODY in pages[1].html
    assert pages[1].url == "https://www.example-b2.org/news/river"
    assert len(load_article_extraction(folder, limit=1)) == 1


def test_ground_truth_without_its_html_file_is_skipped(tmp_path):
    folder = write_extraction_dataset(tmp_path, {"a1": BODY})
    truth = json.loads((folder / "ground-truth.json").read_text())
    truth["zz"] = {"articleBody": "no page for this one", "url": None}
    (folder / "ground-truth.json").write_text(json.dumps(truth))
    assert [page.id for page in load_article_extraction(folder)] == ["a1"]


def test_absent_dataset_raises_dataset_missing(tmp_path):
    with pytest.raises(DatasetMissing):
        load_article_extraction(tmp_path / "article_extraction")
    with pytest.raises(DatasetMissing):
        load_war_losses(tmp_path / "ua_war_losses")


def test_war_losses_rows_join_equipment_by_date_and_read_about_as_approximate(tmp_path):
    folder = write_war_losses(tmp_path, [("2022-02-26", 3, 4300), ("2022-02-25", 2, 2800)])
    rows = load_war_losses(folder)
    assert rows[0] == WarLossRow(date=date(2022, 2, 25), day=2, personnel=2800, personnel_approx=True,
                                 pow=None, equipment={"tank": 12})
    assert check_war_losses(rows).consistent


def test_series_check_finds_decreases_wrong_day_numbers_and_gaps(tmp_path):
    folder = write_war_losses(tmp_path, [("2022-02-25", 2, 2800), ("2022-02-26", 3, 2700), ("2022-03-01", 9, 5000)])
    check = check_war_losses(load_war_losses(folder))
    assert check.personnel_decreases == (date(2022, 2, 26),)
    assert check.day_mismatches == (date(2022, 3, 1),)
    assert check.missing_dates == 2
    assert not check.consistent


def test_invasion_day_one_is_24_february_2022():
    assert day_of_invasion(date(2022, 2, 24)) == 1
    assert date_of_day(1627) == date(2026, 8, 8)


def test_missing_datasets_are_reported_as_missing_not_zero(tmp_path, capsys):
    results = run_evaluation(tmp_path)
    status = {result.task: result.status for result in results}
    assert status["article_extraction"] == MISSING and status["ua_war_losses"] == MISSING
    assert all(result.status == MISSING for result in results if not result.task.startswith("quantities"))
    # only the project's own labelled cases, which need no dataset, have rows
    assert all(not result.rows for result in results if result.task != "quantities (project cases)")
    assert main(["--data", str(tmp_path), "--out", str(tmp_path / "out")]) == 0
    table = (tmp_path / "out" / "eval.md").read_text()
    assert "| article_extraction | missing |" in table and "0.000" not in table
    assert json.loads((tmp_path / "out" / "eval.json").read_text())["tasks"][0]["status"] == MISSING


def test_only_runs_the_named_tasks_and_refuses_unknown_names(tmp_path, capsys):
    results = run_evaluation(tmp_path, only=["ua_war_losses"])
    assert [result.task for result in results] == ["ua_war_losses"]
    assert main(["--data", str(tmp_path), "--out", str(tmp_path / "out"), "--only", "no-such-task"]) == 2
    assert "unknown task" in capsys.readouterr().err


def test_evaluation_scores_every_system_on_a_tiny_dataset(tmp_path):
    write_extraction_dataset(tmp_path, {"a1": BODY, "b2": BODY.replace("river", "canal")})
    write_war_losses(tmp_path, [("2022-02-25", 2, 2800), ("2022-02-26", 3, 4300)])
    results = {result.task: result for result in run_evaluation(tmp_path)}
    extraction = results["article_extraction"]
    assert extraction.status == "ok"
    assert {row.system.split()[0] for row in extraction.rows} == {"newsaudit", "trafilatura", "readability-lxml",
                                                                    "jusText"}
    newsaudit = extraction.rows[0]
    assert newsaudit.items == 2 and newsaudit.scores.recall > 0.9
    assert results["ua_war_losses"].rows[0].items == 2
    assert "| ua_war_losses | reference |" in render_markdown(list(results.values()))


def test_shared_war_losses_series_is_consistent():
    folder = SHARED_DATA / "ua_war_losses"
    if not folder.is_dir():
        pytest.skip(f"shared dataset not present at {folder}")
    check = check_war_losses(load_war_losses(folder))
    assert check.rows > 1000 and check.consistent
