"""Whole reports for the articles we wrote, compared with golden files and the contract's schema.

Regenerate after an intended change with ``pytest tests/test_golden.py --update-golden`` and
review the diff: every changed line is a changed answer.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import jsonschema
import pytest

import newsaudit
from newsaudit.model import Report

from conftest import FIXTURES, GOLDEN, ROOT

# Pages that are articles; fixtures named *no_article* or *truncated* test refusals elsewhere.
ARTICLES = sorted(
    path for path in [*FIXTURES.glob("text_*.txt"), *FIXTURES.glob("html_*.html"), *(ROOT / "examples").glob("*.txt")]
    if "no_article" not in path.name and "truncated" not in path.name
)


@functools.lru_cache(maxsize=None)
def _audited(path: Path) -> str:
    """Each golden case is audited once per session; tests get their own copy of the report."""
    document = newsaudit.read(str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path))
    data = newsaudit.audit(document).to_dict()
    data["tool"]["version"] = "golden"  # a release must not rewrite every golden file
    return json.dumps(data)


def _audit(path: Path) -> dict:
    return json.loads(_audited(path))


def spans_of(data: dict):
    """Every (text, start, end) the report claims indexes article.text."""
    for claim in data["claims"]:
        yield claim["text"], claim["start"], claim["end"]
        for fact in (*claim["quantities"], *claim["times"], *claim["places"]):
            yield fact["text"], fact["char_start"], fact["char_end"]
    for quote in data["quotes"]:
        yield quote["text"], quote["start"], quote["end"]
    for finding in data["findings"]:
        for evidence in finding["evidence"]:
            if evidence["where"] == "body" and evidence.get("start") is not None:
                yield evidence["text"], evidence["start"], evidence["end"]


def test_there_are_enough_golden_articles():
    names = [path.name for path in ARTICLES]
    assert sum(name.startswith("text_") for name in names) >= 2
    assert sum(name.startswith("html_") for name in names) >= 2


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_report_matches_golden_file(path: Path, update_golden: bool, report_schema: dict):
    data = _audit(path)
    jsonschema.validate(data, report_schema)
    golden = GOLDEN / (path.stem + ".json")
    if update_golden or not golden.exists():
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if not update_golden:
            pytest.fail(f"{golden.name} was missing and has been written: review it and run again")
    assert data == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_every_span_indexes_the_body_text(path: Path):
    data = _audit(path)
    text = data["article"]["text"]
    for span_text, start, end in spans_of(data):
        assert text[start:end] == span_text


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.json")), ids=lambda p: p.name)
def test_golden_reports_are_valid_and_load_back(path: Path, report_schema: dict):
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, report_schema)
    assert Report.from_dict(data).to_dict() == data
