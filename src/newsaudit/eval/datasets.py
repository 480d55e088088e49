"""Readers for the evaluation datasets under ``shared/data`` (each folder's SOURCE.md has the format).

A reader raises ``DatasetMissing`` when its folder or a required file is absent, so the
evaluation can report the task as "missing" instead of scoring it zero.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator, Optional

from ..errors import NewsauditError

ARTICLE_EXTRACTION = "article_extraction"
WAR_LOSSES = "ua_war_losses"
INVASION_DAY_ONE = date(2022, 2, 24)  # the dataset counts days of the full-scale invasion from 1


class DatasetMissing(NewsauditError):
    code = "eval.dataset_missing"


@dataclass(frozen=True)
class Page:
    """One benchmark page: its HTML and the hand-checked article body."""

    id: str
    url: Optional[str]
    html: str
    article_body: str


@dataclass(frozen=True)
class WarLossRow:
    """One day of the General Staff's cumulative figures; ``equipment`` maps class -> count."""

    date: date
    day: int
    personnel: int
    personnel_approx: bool
    pow: Optional[int] = None
    equipment: dict[str, int] = field(default_factory=dict)


def default_data_dirs(cwd: Optional[Path] = None) -> list[Path]:
    """``../shared/data`` from the current directory, then from the repository root."""
    repo_root = Path(__file__).resolve().parents[3]
    candidates = [(cwd or Path.cwd()) / ".." / "shared" / "data", repo_root.parent / "shared" / "data"]
    return [path.resolve() for path in candidates]


def find_data_dir(given: Optional[Path] = None) -> Path:
    """The data directory to use: the one given, else the first default that exists."""
    if given is not None:
        return given
    for candidate in default_data_dirs():
        if candidate.is_dir():
            return candidate
    return default_data_dirs()[0]


def _require(path: Path, dataset: str) -> Path:
    if not path.exists():
        raise DatasetMissing(f"dataset {dataset} is missing: {path} not found")
    return path


def read_ground_truth(folder: Path) -> dict[str, dict]:
    truth_path = _require(folder / "ground-truth.json", ARTICLE_EXTRACTION)
    return json.loads(truth_path.read_text(encoding="utf-8"))


def iter_pages(folder: Path, limit: Optional[int] = None) -> Iterator[Page]:
    """Pages in id order; a ground-truth id without its HTML file is skipped, not invented."""
    truth = read_ground_truth(folder)
    html_dir = _require(folder / "html", ARTICLE_EXTRACTION)
    count = 0
    for page_id in sorted(truth):
        if limit is not None and count >= limit:
            return
        html_path = html_dir / f"{page_id}.html.gz"
        if not html_path.exists():
            continue
        with gzip.open(html_path, "rt", encoding="utf-8", errors="replace") as handle:
            html = handle.read()
        entry = truth[page_id]
        count += 1
        yield Page(id=page_id, url=entry.get("url"), html=html, article_body=entry.get("articleBody") or "")


def load_article_extraction(folder: Path, limit: Optional[int] = None) -> list[Page]:
    return list(iter_pages(folder, limit))


def load_war_losses(folder: Path) -> list[WarLossRow]:
    """Personnel rows joined with the equipment file by date (equipment optional), by date."""
    personnel_path = _require(folder / "russia_losses_personnel.json", WAR_LOSSES)
    personnel = json.loads(personnel_path.read_text(encoding="utf-8"))
    equipment_path = folder / "russia_losses_equipment.json"
    equipment_by_date: dict[str, dict] = {}
    if equipment_path.exists():
        for entry in json.loads(equipment_path.read_text(encoding="utf-8")):
            equipment_by_date[entry["date"]] = entry
    rows = [_war_loss_row(entry, equipment_by_date.get(entry["date"], {})) for entry in personnel]
    return sorted(rows, key=lambda row: row.date)


def _war_loss_row(entry: dict, equipment: dict) -> WarLossRow:
    counts = {name: int(value) for name, value in equipment.items()
              if name not in ("date", "day") and isinstance(value, (int, float))}
    pow_count = entry.get("POW")
    return WarLossRow(
        date=date.fromisoformat(entry["date"]), day=int(entry["day"]), personnel=int(entry["personnel"]),
        personnel_approx=str(entry.get("personnel*", "")).strip().lower() == "about",
        pow=int(pow_count) if isinstance(pow_count, (int, float)) else None, equipment=counts,
    )


def day_of_invasion(day: date) -> int:
    return (day - INVASION_DAY_ONE).days + 1


def date_of_day(number: int) -> date:
    return INVASION_DAY_ONE + timedelta(days=number - 1)


@dataclass(frozen=True)
class SeriesCheck:
    """What the reference series looks like and where it breaks its own rules."""

    rows: int
    first: Optional[date]
    last: Optional[date]
    personnel_decreases: tuple[date, ...]  # dates whose cumulative total is below the day before
    day_mismatches: tuple[date, ...]  # dates whose ``day`` is not the invasion-day number
    duplicate_dates: tuple[date, ...]
    missing_dates: int  # calendar days between first and last with no row

    @property
    def consistent(self) -> bool:
        return not (self.personnel_decreases or self.day_mismatches or self.duplicate_dates)


def check_war_losses(rows: list[WarLossRow]) -> SeriesCheck:
    ordered = sorted(rows, key=lambda row: row.date)
    decreases = tuple(later.date for earlier, later in zip(ordered, ordered[1:])
                      if later.personnel < earlier.personnel)
    mismatches = tuple(row.date for row in ordered if row.day != day_of_invasion(row.date))
    duplicates = tuple(later.date for earlier, later in zip(ordered, ordered[1:]) if later.date == earlier.date)
    return SeriesCheck(
        rows=len(ordered), first=ordered[0].date if ordered else None, last=ordered[-1].date if ordered else None,
        personnel_decreases=decreases, day_mismatches=mismatches, duplicate_dates=duplicates,
        missing_dates=_missing_days(ordered),
    )


def _missing_days(ordered: list[WarLossRow]) -> int:
    if not ordered:
        return 0
    span = (ordered[-1].date - ordered[0].date).days + 1
    return span - len({row.date for row in ordered})
