"""Dates resolved against a reference date: newsaudit beside dateparser on the same items.

Data: Recognizers-Text's English DateTime specs (``shared/data/recognizers_text_specs``, MIT):
every case that states a reference date (``Context.ReferenceDateTime``) and whose one expected
result is a single date (``datetimeV2.date``). Expected values are YYYY-MM-DD; an ambiguous
expression ("on Friday", "30 December") lists two readings, the past one and the future one.

Scoring: newsaudit's reading is the resolved date (``start == end``) among ``find_times(text,
reference)`` that overlaps the expected span most; dateparser's is the ``search_dates`` hit (with
``RELATIVE_BASE`` = the reference) that overlaps it. "exact day" counts a reading equal to any
expected value; "exact day, future reading" requires the last listed value when there are two
(how Recognizers resolves an ambiguous date that is still to come). Coverage is the share of
items where the system gives any single-day reading of that span.

Held out: a fixed quarter of the cases (CRC-32 of the input, mod 4, is 0), never looked at while
the rules were written; dev and held-out figures are reported side by side.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Optional, Sequence

from ..results import MISSING, SystemRow, TaskResult
from . import HELD_OUT_MODULUS, Task, dev_and_held_out

SPECS = ("DateTimeModel.json", "DateTimeModelExtendedTypes.json")


@dataclass(frozen=True)
class Item:
    text: str
    reference: date
    start: int  # the expected span, end exclusive
    end: int
    values: tuple[str, ...]


Reader = Callable[[Item], Optional[str]]



def load_items(data_dir: Path) -> list[Item]:
    folder = data_dir / "recognizers_text_specs" / "English" / "DateTime"
    items = []
    for name in SPECS:
        path = folder / name
        if not path.exists():
            continue
        for case in json.loads(path.read_text(encoding="utf-8-sig")):
            results = case.get("Results") or []
            reference = (case.get("Context") or {}).get("ReferenceDateTime")
            if len(results) != 1 or not reference or results[0].get("TypeName") != "datetimeV2.date":
                continue
            values = tuple(v.get("value") for v in (results[0].get("Resolution") or {}).get("values", ()))
            values = tuple(v for v in values if v and _is_day(v))
            if not values:
                continue
            result = results[0]
            items.append(Item(case["Input"], datetime.fromisoformat(reference).date(), int(result["Start"]),
                              int(result["End"]) + 1, values))
    return items


def _is_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
        return True
    except ValueError:
        return False


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def newsaudit_reader(item: Item) -> Optional[str]:
    from ...claims.times import find_times

    best, best_overlap = None, 0
    for ref in find_times(item.text, item.reference):
        if not ref.start or ref.start != ref.end:
            continue
        overlap = _overlap((ref.char_start, ref.char_end), (item.start, item.end))
        if overlap > best_overlap:
            best, best_overlap = ref.start, overlap
    return best


def dateparser_reader(item: Item) -> Optional[str]:
    import warnings

    from dateparser.search import search_dates

    base = datetime.combine(item.reference, datetime.min.time())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(item.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    best, best_overlap, cursor = None, 0, 0
    for substring, when in found:
        at = item.text.find(substring, cursor)
        if at < 0:
            at = item.text.find(substring)
        if at < 0:
            continue
        cursor = at + len(substring)
        overlap = _overlap((at, at + len(substring)), (item.start, item.end))
        if overlap > best_overlap:
            best, best_overlap = when.date().isoformat(), overlap
    return best


SYSTEMS: tuple[tuple[str, Reader], ...] = (("newsaudit", newsaudit_reader), ("dateparser search_dates", dateparser_reader))


def score(items: Sequence[Item], read: Reader) -> tuple[dict, list[dict]]:
    any_hits = future_hits = covered = 0
    misses = []
    started = time.perf_counter()
    for item in items:
        got = read(item)
        covered += got is not None
        any_hits += got in item.values
        future_hits += got == item.values[-1]
        if got not in item.values:
            misses.append({"text": item.text, "reference": item.reference.isoformat(),
                           "span": item.text[item.start:item.end], "expected": list(item.values), "got": got})
    n = len(items) or 1
    return ({"exact_day": round(any_hits / n, 3), "exact_day_future": round(future_hits / n, 3),
             "coverage": round(covered / n, 3), "seconds": round(time.perf_counter() - started, 2)}, misses)


def run(data_dir: Path, limit: Optional[int]) -> list[TaskResult]:
    items = load_items(data_dir)
    if not items:
        return [TaskResult("dates", MISSING, note=f"no DateTime spec under {data_dir / 'recognizers_text_specs'}")]
    if limit:
        items = items[:limit]
    results = []
    for part, chosen in dev_and_held_out(items):
        rows, detail = [], {}
        for name, read in SYSTEMS:
            try:
                figures, misses = score(chosen, read)
            except ImportError as err:
                rows.append(SystemRow(system=name, items=len(chosen), note=f"unavailable: {err}"))
                continue
            rows.append(SystemRow(system=name, items=len(chosen), seconds=figures["seconds"],
                                  note=(f"exact day {figures['exact_day']:.3f}, future reading "
                                        f"{figures['exact_day_future']:.3f}, coverage {figures['coverage']:.3f}")))
            detail[name] = figures
            if name == "newsaudit" and part == "dev":
                detail["newsaudit_misses"] = misses[:80]
        note = (f"{len(chosen)} single-date expressions with a reference date ({part}; held out: CRC-32 of the "
                f"input mod {HELD_OUT_MODULUS} == 0)")
        results.append(TaskResult(f"dates ({part})", "ok", tuple(rows), note, detail))
    return results


TASK = Task("dates", run, description="exact-day accuracy of single dates against a reference date")
