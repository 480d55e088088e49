"""The false-alarm guard on tiny data folders shaped like ``shared/data``, and on the real one when present."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from conftest import SHARED, shared_path
from newsaudit.eval import false_alarms as fa

PARAGRAPHS = (
    "The county board met on Tuesday evening to discuss the library budget for the coming year.",
    "Members heard from residents who asked for longer opening hours at the branch on Elm Street.",
    "The library director said the branch served more readers than it had a decade earlier.",
    "Several parents said the reading room was the only quiet place their children could study.",
    "The board agreed to take up the question again at its next regular meeting in the spring.",
    "A spokesman for the board said the members wanted to hear from more residents before deciding.",
)
GERMAN = ("Der Gemeinderat hat am Dienstag über den Haushalt der Bibliothek beraten. "
          "Die Mitglieder hörten Bürger an, die längere Öffnungszeiten forderten. ") * 4


def article_text(title: str) -> str:
    """A plain flattened article of our own: a title line and short paragraphs."""
    return title + ".\n\n" + "\n\n".join(PARAGRAPHS) + "\n"


def page_html(title: str, body: str, lang: str = "en") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f'<html lang="{lang}"><head><title>{title}</title></head><body><nav>Home | News</nav>'
            f"<article><h1>{title}</h1>{paragraphs}</article><footer>Contact</footer></body></html>")


def write_gz(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(text)


def write_shared_like(root: Path) -> Path:
    """A data folder with all three datasets: 1 + 2 HTML pages and 3 PolNeAR rows (one in test)."""
    body = "\n\n".join(PARAGRAPHS)
    write_gz(root / "article_extraction" / "html" / "p1.html.gz", page_html("Library hours", body))
    (root / "article_extraction" / "ground-truth.json").write_text(
        json.dumps({"p1": {"articleBody": body, "url": "https://www.example.org/news/library"}}))
    write_gz(root / "trafilatura_eval" / "html" / "aaaa.html.gz", page_html("Library hours", body))
    write_gz(root / "trafilatura_eval" / "html" / "bbbb.html.gz", page_html("Bibliothek", GERMAN, "de"))
    (root / "trafilatura_eval" / "evaldata.json").write_text(json.dumps({
        "https://www.example.org/a": {"file": "aaaa.html.gz", "date": "2016-04-02"},
        "https://www.example.de/b": {"file": "bbbb.html.gz", "date": ""}}))
    rows = [("train", "nyt_2016-03-01_library-hours", "nyt", "2016-03-01"),
            ("dev", "breitbart_2016-10-02_board-meets", "breitbart", "2016-10-02"),
            ("test", "politico_2016-11-03_held-back", "politico", "2016-11-03")]
    lines = ["compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle"]
    for split, name, publisher, day in rows:
        lines.append(f"{split}\t{name}\tNone\tx\t{publisher}\t{day}\tA. Writer\tTitle")
        (root / "polnear" / split / "text").mkdir(parents=True, exist_ok=True)
        (root / "polnear" / split / "text" / f"{name}.txt").write_text(article_text("Board weighs library hours"))
    (root / "polnear" / "metadata.tsv").write_text("\n".join(lines) + "\n")
    return root


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_shared_like(tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="module")
def result(data_dir: Path) -> dict:
    return fa.false_alarm_report(data_dir)


def test_readers_take_train_and_dev_with_dates_and_outlets(data_dir: Path) -> None:
    items = fa.dataset_items(data_dir)
    assert [len(items[name]) for name in fa.DATASETS] == [1, 2, 2]
    polnear = {item.id: item for item in items["polnear"]}
    assert "politico_2016-11-03_held-back" not in polnear  # the held-back test split is never read
    assert polnear["nyt_2016-03-01_library-hours"].published == "2016-03-01"
    assert polnear["nyt_2016-03-01_library-hours"].outlet == "The New York Times"
    assert polnear["nyt_2016-03-01_library-hours"].text.startswith("Board weighs")  # nothing prepended
    pages = {item.url: item for item in items["trafilatura_eval"]}
    assert pages["https://www.example.org/a"].published == "2016-04-02"
    assert pages["https://www.example.de/b"].published is None
    assert fa.dataset_items(data_dir, limit=1)["polnear"][0].kind == "text"


def test_report_counts_refusals_and_rates_per_100(result: dict) -> None:
    assert set(result["datasets"]) == set(fa.DATASETS) and result["missing"] == []
    traf = result["datasets"]["trafilatura_eval"]
    assert traf["items"] == 2 and traf["refused"] == 0 and traf["refusals_by_code"] == {}  # German is audited too
    for summary in [*result["datasets"].values(), result["total"]]:
        assert summary["audited"] + summary["refused"] + summary["crashed"] == summary["items"]
        assert summary["medium_plus_per_100"] == round(100 * summary["medium_plus"] / summary["audited"], 2)
        assert sum(row["count"] for row in summary["by_code"].values()) == summary["medium_plus"]
    assert result["total"]["audited"] == 5


def test_summary_lists_every_medium_plus_finding() -> None:
    finding = {"code": "number.inconsistent", "severity": "medium", "message": "m",
               "evidence": [{"text": "48 people", "where": "body", "start": 0, "end": 9}], "refs": []}
    low = dict(finding, code="byline.missing", severity="low", evidence=[])
    outcomes = [fa.Outcome("polnear", "a", findings=(finding, low)), fa.Outcome("polnear", "b"),
                fa.Outcome("polnear", "c", refusal="input.empty")]
    items = [fa.Item("polnear", "a", "text", text="x", outlet="Politico")]
    summary = fa.summarise_dataset("polnear", items, outcomes)
    assert summary["alarms"] == [{"dataset": "polnear", "id": "a", "outlet": "Politico",
                                  "code": "number.inconsistent", "severity": "medium", "message": "m",
                                  "evidence": "48 people"}]
    assert summary["medium_plus_per_100"] == 50.0 and summary["articles_flagged"] == 1
    assert summary["by_code"] == {"number.inconsistent": {"count": 1, "per_100": 50.0, "high": 0}}
    assert "48 people" in fa.render_markdown({"data_dir": "d", "limit": None, "newsaudit_version": "0",
                                              "wall_seconds": 0, "datasets": {"polnear": summary},
                                              "total": fa.total_summary({"polnear": summary}), "missing": []})


def test_command_line_writes_markdown_and_json(data_dir: Path, tmp_path: Path) -> None:
    assert fa.main(["--data", str(data_dir), "--limit", "1", "--out", str(tmp_path), "--jobs", "1"]) == 0
    saved = json.loads((tmp_path / "false_alarms.json").read_text())
    assert saved["limit"] == 1 and saved["total"]["items"] == 3
    assert (tmp_path / "false_alarms.md").read_text().startswith("# False alarms")


def test_missing_data_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(fa.DataMissing):
        fa.false_alarm_report(tmp_path / "absent")
    assert fa.main(["--data", str(tmp_path / "absent"), "--out", str(tmp_path)]) == 2
    assert fa.false_alarm_report(tmp_path)["missing"] == list(fa.DATASETS)


def test_on_the_shared_data_when_present() -> None:
    shared_path("data", "polnear")  # skips, saying why, when ../shared is not beside the repo
    result = fa.false_alarm_report(SHARED / "data", limit=2)
    assert result["datasets"]["polnear"]["audited"] == 2
    assert all(s["crashed"] == 0 for s in result["datasets"].values())
