"""The planted-problem harness: templates, planting, judging, and a small end-to-end run."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import pytest

from conftest import SHARED, shared_path
from newsaudit.eval import false_alarms as fa
from newsaudit.eval import planted as pl

from test_false_alarms import write_shared_like

HOST_TEXT = "A headline of our own.\n\n" + "\n\n".join(
    f"Paragraph {i} says the council met again and talked for a long while about the roads, the "
    f"schools, the library and the budget, as councils in small towns often do." for i in range(1, 13)) + "\n"
HOST = pl.Host("host-1", HOST_TEXT, date(2016, 5, 10))
HTML_HOST = pl.Host("page-1", '<html lang="en"><head><meta property="og:site_name" content="Real Site">'
                    "</head><body><p>Hello</p></body></html>", None, kind="html")


def by_name(*names: str) -> list[pl.Variant]:
    found = [v for v in pl.variants() if v.name in names]
    assert len(found) == len(names)
    return found


def test_formatting_helpers() -> None:
    assert [pl.ordinal(n) for n in (1, 2, 3, 11, 21, 112, 1000)] == \
        ["1st", "2nd", "3rd", "11th", "21st", "112th", "1,000th"]
    assert pl.fmt_date(date(2013, 9, 4), "ap") == "Sept. 4, 2013"
    assert pl.fmt_date(date(2013, 9, 4), "dmy") == "4 September 2013"
    assert pl.full_years(date(2001, 9, 11), date(2016, 9, 10)) == 14
    assert pl.near_anniversary(date(2001, 9, 11), date(2016, 9, 1))


def test_masthead_templates_imitate_without_copying() -> None:
    pick = pl.Pick(random.Random(3))
    for how in ("transpose", "double", "keyboard", "drop"):
        fake = pl.misspell(pick, "The New York Times", how)
        assert fake and fake != "The New York Times" and fake.startswith("The")
    assert pl.swap_word(pick, "The New York Times").startswith("The New York ")
    assert pl.swap_word(pick, "The Guardian") is None
    assert pl.lookalike_domain(pick, "nytimes.com", "filler").startswith("nytimes")
    assert pl.lookalike_domain(pick, "nytimes.com", "homoglyph") != "nytimes.com"


def test_every_variant_plants_into_a_fitting_host() -> None:
    plants = pl.build_plants([HOST], [HTML_HOST], copies=1, seed=5)
    assert {(p.variant.type, p.variant.name) for p in plants} == {(v.type, v.name) for v in pl.variants()}
    for plant in plants:
        text = plant.item.text or ""
        assert all(line in text for line in plant.planted), plant.variant.name
        assert plant.item.published in (None, "2016-05-10")
    types = {v.type for v in pl.variants()}
    assert {"masthead", "anachronism", "number", "stale_future", "stale_picture", "wire_filename",
            "boilerplate", "disputed"} <= types


def test_planting_is_seeded() -> None:
    first = [p.item.text for p in pl.build_plants([HOST], [HTML_HOST], copies=2, seed=11)]
    again = [p.item.text for p in pl.build_plants([HOST], [HTML_HOST], copies=2, seed=11)]
    other = [p.item.text for p in pl.build_plants([HOST], [HTML_HOST], copies=2, seed=12)]
    assert first == again and first != other


def test_insert_keeps_headline_first_and_masthead_above_it() -> None:
    rng = random.Random(1)
    text = pl.insert_blocks(HOST_TEXT, pl.Planting(blocks=("AAA.", "BBB."), where="random"), rng)
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "A headline of our own." and paragraphs.index("AAA.") < paragraphs.index("BBB.")
    assert paragraphs.index("AAA.") >= 2
    masthead = pl.insert_blocks(HOST_TEXT, pl.Planting(where="none", prefix="The New York Budgets"), rng)
    assert masthead.startswith("The New York Budgets\n\nA headline of our own\n\n")
    assert pl.insert_blocks(HOST_TEXT, pl.Planting(blocks=("ZZZ",), where="end"), rng).rstrip().endswith("ZZZ")


def test_judge_needs_evidence_on_the_plant() -> None:
    plant = pl.build_plants([HOST], [], copies=1, seed=2, chosen=by_name("deaths"))[0]
    body = plant.item.text or ""
    start = body.index(plant.planted[0])
    on_it = {"code": "number.inconsistent", "severity": "medium", "message": "m",
             "evidence": [{"text": "x", "where": "body", "start": start, "end": start + 5}], "refs": []}
    elsewhere = dict(on_it, evidence=[{"text": "the roads", "where": "body", "start": 0, "end": 3}])
    row = pl.judge(plant, fa.Outcome("planted", "x", findings=(elsewhere,), text=body))
    assert row["fired_anywhere"] and not row["hit"] and row["landed"] == "body"
    row = pl.judge(plant, fa.Outcome("planted", "x", findings=(on_it,), text=body))
    assert row["hit"] and row["hit_medium_plus"]
    assert pl.judge(plant, fa.Outcome("planted", "x", refusal="input.empty"))["refused"] == "input.empty"


def test_report_on_a_small_fake_data_folder(tmp_path: Path) -> None:
    data = write_shared_like(tmp_path / "data")
    long_text = HOST_TEXT.replace("A headline of our own.", "Board weighs library hours.")
    for path in (data / "polnear").glob("*/text/*.txt"):
        path.write_text(long_text)
    chosen = by_name("with_year", "getty", "exit_mobile", "control_future_with_year")
    result = pl.planted_report(data, copies=1, seed=4, chosen=chosen)
    assert result["hosts"] == 2 and len(result["plants"]) == 4
    assert {row["type"] for row in result["types"]} == {"stale_future", "wire_filename", "boilerplate"}
    assert [row["variant"] for row in result["controls"]] == ["control_future_with_year"]
    for row in result["variants"] + result["controls"]:
        assert row["audited"] + row["refused"] == row["copies"] == 1
        assert row["rate"] in (0.0, 1.0)
    assert "## Recall per variant" in pl.render_markdown(result)


def test_command_line_writes_both_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = write_shared_like(tmp_path / "data")
    for path in (data / "polnear").glob("*/text/*.txt"):
        path.write_text(HOST_TEXT)
    share = tuple(by_name("share_bar"))
    monkeypatch.setattr(pl, "variants", lambda: share)
    assert pl.main(["--data", str(data), "--copies", "1", "--out", str(tmp_path / "out"), "--jobs", "1"]) == 0
    saved = json.loads((tmp_path / "out" / "planted.json").read_text())
    assert saved["copies"] == 1 and saved["variants"][0]["variant"] == "share_bar"
    assert pl.main(["--data", str(tmp_path / "absent"), "--out", str(tmp_path)]) == 2


def test_on_the_shared_data_when_present() -> None:
    shared_path("data", "polnear")  # skips, saying why, when ../shared is not beside the repo
    result = pl.planted_report(SHARED / "data", copies=1, seed=1, pool=20,
                               chosen=by_name("name_swap", "table_ordinal_day", "credit_line"))
    assert result["hosts"] == 20 and len(result["plants"]) == 3
    assert all(not row["refused"] for row in result["plants"])
