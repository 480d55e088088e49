"""Reference series: the bundled tables, users' JSON and CSV files, and how rows are read."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from newsaudit.errors import TableError
from newsaudit.reference.resources import Resources
from newsaudit.reference.series import load_series
from newsaudit.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "series"
CSV = FIXTURES / "norland_cholera.csv"


def test_the_bundled_series_carry_source_licence_and_rows():
    table = load_series()
    personnel = table.get("ua_general_staff.personnel")
    assert personnel.source == "General Staff of the Armed Forces of Ukraine" and personnel.licence == "MIT"
    assert {"troops", "soldiers", "casualties"} <= set(personnel.counts) and "Russian" in personnel.subject
    assert personnel.kind == "cumulative" and personnel.bound == "reported"
    assert personnel.row(date(2025, 11, 6)).value == 1147740
    tanks = table.get("oryx.russia.tanks")
    assert tanks.bound == "lower" and tanks.licence == "CC BY 4.0" and tanks.source == "Oryx"
    assert table.get("oryx.ukraine.tanks").subject != tanks.subject


def test_a_general_staff_revision_is_on_its_row():
    armour = load_series().get("ua_general_staff.armoured_vehicles")
    revised = armour.row(date(2022, 10, 13))
    assert revised.revision == -25 and "revised" in revised.note
    values = {v.value for v in armour.increments(date(2022, 10, 13), date(2022, 10, 13)).values}
    change = revised.value - armour.row(date(2022, 10, 12)).value
    assert values == {change, change + 25}  # the day's losses with and without the correction


def test_a_csv_series_fills_its_description_from_the_first_row():
    series = load_series([str(CSV)], bundled=False).get("norland.cholera_cases")
    assert series.source == "Norland Health Ministry" and "infections" in series.counts
    assert len(series.rows) == 8 and series.row(date(2025, 3, 10)).revision == 100


def test_increments_change_and_totals_read_consecutive_rows():
    series = load_series([str(CSV)], bundled=False).get("norland.cholera_cases")
    assert [v.value for v in series.increments(date(2025, 3, 11), date(2025, 3, 11)).values] == [260]
    assert series.change(date(2025, 3, 6), date(2025, 3, 9)).values[0].value == 12300 - 11200
    assert series.totals(date(2025, 4, 1), date(2025, 4, 2)) is None  # past the last row
    assert series.increments(date(2025, 3, 5), date(2025, 3, 5)) is None  # no row the day before


def test_a_json_series_with_rows_as_pairs_or_objects(tmp_path):
    path = tmp_path / "rate.json"
    path.write_text(json.dumps({"series": [{
        "key": "bank.rate", "metric": "policy rate", "unit": "percent", "counts": ["policy rate"],
        "subject": ["Norland"], "source": "Bank of Norland", "kind": "daily",
        "rows": [["2025-01-01", 4.5], {"date": "2025-02-01", "value": 4.25, "note": "cut"}]}]}), encoding="utf-8")
    series = load_series([str(path)], bundled=False).get("bank.rate")
    assert series.kind == "daily" and series.row(date(2025, 2, 1)).note == "cut"


def test_a_users_series_replaces_a_bundled_one_with_its_key(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("key,date,value,counts,source\nua_general_staff.personnel,2025-01-01,5,troops,Me\n",
                    encoding="utf-8")
    table = load_series([str(path)])
    assert table.get("ua_general_staff.personnel").source == "Me" and table.get("oryx.russia.tanks")


@pytest.mark.parametrize("content, message", [
    ("key,value\nx,1\n", "lacks the columns"),
    ("key,date,value,counts,source\nx,2025-13-01,1,a,b\n", "line 2"),
    ("key,date,value,counts,source\nx,2025-01-01,many,a,b\n", "not a number"),
    ("key,date,value,source\nx,2025-01-01,1,b\n", "needs the words it counts"),
    ('{"series": [{"key": "x", "counts": ["a"], "source": "b", "kind": "weekly", "rows": []}]}', "kind is one of"),
    ('{"series": 3}', "holds"),
    ("{not json", "not valid JSON"),
])
def test_a_bad_series_file_is_one_table_error(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TableError, match=message):
        load_series([str(path)], bundled=False)


def test_resources_take_series_files_from_settings_and_pickle_them():
    import pickle

    resources = Resources.from_settings(Settings(series_files=[str(CSV)]))
    assert resources.series_files == (str(CSV),)
    assert pickle.loads(pickle.dumps(resources)).series.get("norland.cholera_cases") is not None
